using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.SamenLeren;

/// <summary>
/// The duo workspace: an overview (<c>/samen-leren/{id}/duo/{duoId}</c>) with the state of each section, and a page per
/// section (plan, meetings, hours and budget, reflections, intervision) that a person can reach directly. Every page
/// shares this model: it loads the duo once and handles every form, so a form posted to the overview still works; after
/// a change it returns to the section the form belongs to.
/// </summary>
public class DuoModel(DuoService duos, DuoLedgerService ledger, EvaluationService evaluations, Klimrek.Infrastructure.Privacy.AccessLog log) : SamenLerenPage
{
    [FromRoute] public int Id { get; set; }
    [FromRoute] public int DuoId { get; set; }

    /// <summary>The section this page shows ("" for the overview); its URL is the overview's plus "/" and this.</summary>
    public virtual string Section => "";

    public IReadOnlyList<PairExplanation> Why { get; private set; } = [];
    public List<HourEntry> Hours { get; private set; } = [];
    public List<ExpertExpense> Expenses { get; private set; } = [];
    public BudgetStatus? MyHours { get; private set; }
    public BudgetStatus ExpertBudget { get; private set; } = null!;
    public List<Reflection> Reflections { get; private set; } = [];
    public Dictionary<int, List<ReflectionDue>> Schedule { get; private set; } = [];
    public Dictionary<int, string> Names { get; private set; } = [];
    public List<IntervisionSession> Intervision { get; private set; } = [];

    /// <summary>Every warning about this duo, once, with the section it belongs to.</summary>
    public IReadOnlyList<DuoWarning> Warnings { get; private set; } = [];

    /// <summary>The partners' contact details, once every member accepted the duo (empty before).</summary>
    public IReadOnlyList<PartnerContact> Contacts { get; private set; } = [];

    /// <summary>The first half-day after today that all members gave in their intake, or null when they share none.</summary>
    public ProposedMeeting? FirstProposal { get; private set; }

    /// <summary>The day this duo's work began (the accept date, not before the programme's start).</summary>
    public DateOnly Start { get; private set; }

    [BindProperty] public PlanInput? Plan { get; set; }
    [BindProperty] public ReflectionForm Reflection { get; set; } = new();

    public sealed class ReflectionForm
    {
        public int Period { get; set; }
        public string? WentWell { get; set; }
        public string? BuildOn { get; set; }
        public string? Difficult { get; set; }
        public string? NextStep { get; set; }
        public List<string> Tags { get; set; } = [];
        public bool Share { get; set; }
    }

    public string BaseUrl => $"/samen-leren/{Id}/duo/{DuoId}";

    /// <summary>The sections of the workspace: route segment and Dutch name.</summary>
    public static readonly (string Key, string Name)[] Sections =
        [("", "Overzicht"), ("plan", "Plan"), ("afspraken", "Afspraken"), ("uren", "Uren en budget"), ("reflecties", "Reflecties"), ("intervisie", "Intervisie")];

    private async Task LoadAsync(CancellationToken ct)
    {
        var p = Access.Programme;
        var d = Duo.Duo;
        Why = MatchingService.Explanation(d);
        Names = d.Members.ToDictionary(m => m.ParticipantId, m => m.Participant!.User!.DisplayName);
        Start = DuoLedgerService.DuoStart(p, d);
        Hours = await ledger.HoursAsync(DuoId, ct);
        Expenses = await ledger.ExpensesAsync(DuoId, ct);
        if (Duo.MeAsMember is { } me) MyHours = ledger.HoursStatus(p, Hours.Where(h => h.ParticipantId == me.ParticipantId).Sum(h => h.Hours), Start);
        ExpertBudget = DuoLedgerService.ExpenseStatus(p, Expenses.Sum(e => e.Amount));
        Reflections = await ledger.ReflectionsAsync(Duo, ct);
        if (Section == "reflecties") await SamenLerenAudit.ReflectionsReadAsync(log, User, Duo, Reflections, ct);
        Schedule = ledger.ReflectionSchedule(p, d, Reflections);
        if (Reflection.Period == 0 && Duo.MeAsMember is { } m2)
            Reflection.Period = Schedule[m2.ParticipantId].FirstOrDefault(r => !r.Submitted)?.Period ?? 1;
        Plan ??= d.Plan is { } plan ? new PlanInput(plan.Topic, plan.Goal, plan.Product, plan.MeetingMoments) : new PlanInput("", "", "", "");
        Intervision = await evaluations.IntervisionOfAsync(d.Members.Select(m => m.ParticipantId).ToList(), ct);
        Contacts = DuoWorkspace.Contacts(Duo);
        FirstProposal = DuoWorkspace.FirstSharedHalfDay(d, p, DutchTime.Today(Now));
        Warnings = DuoWorkspace.Warnings(Duo, MyHours, ExpertBudget, Schedule, Now);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private Task<IActionResult> Change(Func<Task> action, string message, string section, CancellationToken ct) =>
        ChangeAsync(action, () => LoadAsync(ct), message, section.Length == 0 ? BaseUrl : $"{BaseUrl}/{section}");

    public Task<IActionResult> OnPostRespondAsync(bool accept, string? note, CancellationToken ct) =>
        Change(() => duos.RespondAsync(Duo, accept, note, ct), accept ? "Je hebt het duo geaccepteerd." : "Je verzoek om een andere koppeling is doorgegeven aan de stuurgroep.", "", ct);

    public Task<IActionResult> OnPostPlanAsync(bool submit, CancellationToken ct) =>
        Change(() => duos.SavePlanAsync(Duo, Plan ?? new PlanInput(null, null, null, null), submit, Version, ct), submit ? "Het plan is ingediend bij de stuurgroep." : "Het plan is opgeslagen.", "plan", ct);

    public Task<IActionResult> OnPostReviewAsync(bool approve, string? comment, CancellationToken ct) =>
        Change(() => duos.ReviewPlanAsync(Duo, approve, comment, UserId, ct), approve ? "Het plan is goedgekeurd." : "Het plan is teruggegeven met commentaar.", "plan", ct);

    public Task<IActionResult> OnPostScheduleAsync(DateOnly firstDate, TimeOnly time, int durationMinutes, int everyWeeks, int count, string? location, CancellationToken ct) =>
        Change(() => duos.ScheduleAsync(Duo, new ScheduleInput(firstDate, time, durationMinutes, everyWeeks, count, location), ct), "De afspraken zijn ingepland.", "afspraken", ct);

    public Task<IActionResult> OnPostMoveAsync(int meetingId, DateOnly? date, TimeOnly? time, bool cancel, CancellationToken ct) =>
        Change(() => duos.RescheduleAsync(Duo, meetingId, date, time, cancel, ct), cancel ? "De afspraak is afgezegd." : "De afspraak is verzet.", "afspraken", ct);

    public Task<IActionResult> OnPostHeldAsync(int meetingId, bool held, CancellationToken ct) =>
        Change(() => duos.SetHeldAsync(Duo, meetingId, held, ct), held ? "Genoteerd: de afspraak is doorgegaan." : "Genoteerd: de afspraak is niet doorgegaan.", "afspraken", ct);

    public Task<IActionResult> OnPostHoursAsync(DateOnly date, string? hours, string? activity, CancellationToken ct) =>
        Change(() => ledger.LogHoursAsync(Duo, date, Number(hours), activity, ct), "De uren zijn geschreven.", "uren", ct);

    public Task<IActionResult> OnPostExpenseAsync(DateOnly date, string? amount, string? description, CancellationToken ct) =>
        Change(() => ledger.SpendAsync(Duo, date, Number(amount), description, ct), "De uitgave is vastgelegd.", "uren", ct);

    /// <summary>Number inputs post "2.5" whatever the page's language; people may type "2,5". Both mean two and a half.</summary>
    public static decimal Number(string? s) =>
        decimal.TryParse((s ?? "").Trim().Replace(',', '.'), System.Globalization.NumberStyles.AllowDecimalPoint | System.Globalization.NumberStyles.AllowLeadingSign,
            System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : throw Klimrek.Infrastructure.Errors.ProblemException.Invalid("Vul een getal in, bijvoorbeeld 2,5.");

    public Task<IActionResult> OnPostReflectionAsync(CancellationToken ct) =>
        Change(() => ledger.WriteReflectionAsync(Duo, new ReflectionInput(Reflection.Period, Reflection.WentWell, Reflection.BuildOn, Reflection.Difficult, Reflection.NextStep, Reflection.Tags,
            Reflection.Share), ct), "Je reflectie is opgeslagen.", "reflecties", ct);

    public Task<IActionResult> OnPostShareAsync(int reflectionId, bool shared, CancellationToken ct) =>
        Change(() => ledger.ShareReflectionAsync(Duo, reflectionId, shared, ct),
            shared ? "De stuurgroep kan deze reflectie nu lezen." : "De stuurgroep leest deze reflectie niet meer.", "reflecties", ct);

    public static string Pct(double x) => (x * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%";
}

/// <summary>The duo's plan of approach (<c>…/duo/{duoId}/plan</c>).</summary>
public sealed class DuoPlanModel(DuoService duos, DuoLedgerService ledger, EvaluationService evaluations, Klimrek.Infrastructure.Privacy.AccessLog log)
    : DuoModel(duos, ledger, evaluations, log)
{
    public override string Section => "plan";
}

/// <summary>The duo's meetings and their calendar (<c>…/duo/{duoId}/afspraken</c>).</summary>
public sealed class DuoMeetingsModel(DuoService duos, DuoLedgerService ledger, EvaluationService evaluations, Klimrek.Infrastructure.Privacy.AccessLog log)
    : DuoModel(duos, ledger, evaluations, log)
{
    public override string Section => "afspraken";
}

/// <summary>Hours and the external-expertise budget (<c>…/duo/{duoId}/uren</c>).</summary>
public sealed class DuoHoursModel(DuoService duos, DuoLedgerService ledger, EvaluationService evaluations, Klimrek.Infrastructure.Privacy.AccessLog log)
    : DuoModel(duos, ledger, evaluations, log)
{
    public override string Section => "uren";
}

/// <summary>The duo's reflections (<c>…/duo/{duoId}/reflecties</c>).</summary>
public sealed class DuoReflectionsModel(DuoService duos, DuoLedgerService ledger, EvaluationService evaluations, Klimrek.Infrastructure.Privacy.AccessLog log)
    : DuoModel(duos, ledger, evaluations, log)
{
    public override string Section => "reflecties";
}

/// <summary>The intervision sessions the duo's members take part in (<c>…/duo/{duoId}/intervisie</c>).</summary>
public sealed class DuoIntervisionModel(DuoService duos, DuoLedgerService ledger, EvaluationService evaluations, Klimrek.Infrastructure.Privacy.AccessLog log)
    : DuoModel(duos, ledger, evaluations, log)
{
    public override string Section => "intervisie";
}
