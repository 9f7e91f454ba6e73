using Klimrek.Data;
using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.SamenLeren;

/// <summary>One duo: why it was formed, acceptance, plan, meetings, hours, budget and reflections (members and steering group).</summary>
public sealed class DuoModel(DuoService duos, DuoLedgerService ledger, Klimrek.Infrastructure.Privacy.AccessLog log) : SamenLerenPage
{
    [FromRoute] public int Id { get; set; }
    [FromRoute] public int DuoId { get; set; }
    public IReadOnlyList<PairExplanation> Why { get; private set; } = [];
    public List<HourEntry> Hours { get; private set; } = [];
    public List<ExpertExpense> Expenses { get; private set; } = [];
    public BudgetStatus? MyHours { get; private set; }
    public BudgetStatus ExpertBudget { get; private set; } = null!;
    public List<Reflection> Reflections { get; private set; } = [];
    public Dictionary<int, List<ReflectionDue>> Schedule { get; private set; } = [];
    public Dictionary<int, string> Names { get; private set; } = [];

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

    private async Task LoadAsync(CancellationToken ct)
    {
        Why = MatchingService.Explanation(Duo.Duo);
        Names = Duo.Duo.Members.ToDictionary(m => m.ParticipantId, m => m.Participant!.User!.DisplayName);
        Hours = await ledger.HoursAsync(DuoId, ct);
        Expenses = await ledger.ExpensesAsync(DuoId, ct);
        if (Duo.MeAsMember is { } me) MyHours = ledger.HoursStatus(Access.Programme, Hours.Where(h => h.ParticipantId == me.ParticipantId).Sum(h => h.Hours));
        ExpertBudget = DuoLedgerService.ExpenseStatus(Access.Programme, Expenses.Sum(e => e.Amount));
        Reflections = await ledger.ReflectionsAsync(Duo, ct);
        await SamenLerenAudit.ReflectionsReadAsync(log, User, Duo, Reflections, ct);
        Schedule = ledger.ReflectionSchedule(Access.Programme, Duo.Duo, Reflections);
        if (Reflection.Period == 0 && Duo.MeAsMember is { } m2)
            Reflection.Period = Schedule[m2.ParticipantId].FirstOrDefault(r => !r.Submitted)?.Period ?? 1;
        Plan ??= Duo.Duo.Plan is { } p ? new PlanInput(p.Topic, p.Goal, p.Product, p.MeetingMoments) : new PlanInput("", "", "", "");
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private Task<IActionResult> Change(Func<Task> action, string message, string anchor, CancellationToken ct) =>
        ChangeAsync(action, () => LoadAsync(ct), message, $"/samen-leren/{Id}/duo/{DuoId}#{anchor}");

    public Task<IActionResult> OnPostRespondAsync(bool accept, string? note, CancellationToken ct) =>
        Change(() => duos.RespondAsync(Duo, accept, note, ct), accept ? "Je hebt het duo geaccepteerd." : "Je verzoek om een andere koppeling is doorgegeven aan de stuurgroep.", "reactie", ct);

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
        Change(() => ledger.SpendAsync(Duo, date, Number(amount), description, ct), "De uitgave is vastgelegd.", "budget", ct);

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
