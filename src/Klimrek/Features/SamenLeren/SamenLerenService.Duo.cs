using Klimrek.Data;
using Klimrek.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.SamenLeren;

public sealed record PlanInput(string? Topic, string? Goal, string? Product, string? MeetingMoments);

public sealed record ScheduleInput(DateOnly FirstDate, TimeOnly Time, int DurationMinutes, int EveryWeeks, int Count, string? Location);

public sealed record ReflectionInput(int Period, string? WentWell, string? BuildOn, string? Difficult, string? NextStep, IReadOnlyList<string>? Tags);

/// <summary>A duo as one person may see it: the duo, the viewer's role in it, and what the viewer may read.</summary>
public sealed record DuoAccess(ProgrammeAccess Programme, Duo Duo, DuoMember? MeAsMember)
{
    public bool IsMember => MeAsMember is not null;
    public bool CanReadReflectionText => IsMember || (Programme.IsSteward && Programme.Programme.ReflectionVisibility == ReflectionVisibility.DuoAndStuurgroep);

    public DuoMember RequireMember() => MeAsMember ?? throw ProblemException.Forbidden("Dit mag alleen een lid van dit duo.");

    public void RequireActive()
    {
        if (Duo.Status != DuoStatus.Active) throw ProblemException.Invalid("Dit duo is nog niet definitief: beide partners moeten eerst akkoord gaan.");
    }
}

/// <summary>
/// A warning for people: a Dutch format string (also the key of its translation) with its arguments, and optionally the
/// person it is about. Pages translate it; in JSON it is the Dutch sentence.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(NoticeJsonConverter))]
public sealed record Notice(string Format, object[] Args, string? About = null)
{
    public Notice(string text) : this(text, []) { }
    public override string ToString() =>
        (About is null ? "" : About + ": ") + string.Format(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), Format, Args);
}

public sealed class NoticeJsonConverter : System.Text.Json.Serialization.JsonConverter<Notice>
{
    public override Notice Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        new(reader.GetString() ?? "");
    public override void Write(System.Text.Json.Utf8JsonWriter writer, Notice value, System.Text.Json.JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

public sealed record BudgetStatus(decimal Used, decimal Budget, IReadOnlyList<Notice> Warnings)
{
    public decimal Left => Budget - Used;
    public double Fraction => Budget == 0 ? (Used > 0 ? 1 : 0) : (double)(Used / Budget);
}

public sealed record ReflectionDue(int Period, DateOnly Due, bool Submitted, DateTime? SubmittedAt, bool Overdue);

public sealed partial class SamenLerenService
{
    /// <summary>Duo members and stewards may open a duo; anyone else gets "not found".</summary>
    public async Task<DuoAccess> DuoAccessAsync(int programmeId, int duoId, string userId, CancellationToken ct)
    {
        var access = await AccessAsync(programmeId, userId, ct);
        var duo = await db.Duos.Include(d => d.Members).ThenInclude(m => m.Participant).ThenInclude(p => p!.User).Include(d => d.Plan)
            .Include(d => d.Meetings)
            .FirstOrDefaultAsync(d => d.Id == duoId && d.ProgrammeId == programmeId && d.Status != DuoStatus.Dissolved, ct)
            ?? throw ProblemException.NotFound();
        var me = access.Me is null ? null : duo.Members.FirstOrDefault(m => m.ParticipantId == access.Me.Id);
        if (me is null && !access.IsSteward) throw ProblemException.NotFound();
        return new DuoAccess(access, duo, me);
    }

    public static string DuoName(Duo d) => string.Join(" & ", d.Members.Select(m => m.Participant?.User?.DisplayName ?? "?"));

    // ---------------------------------------------------------------- plan of approach

    public async Task SavePlanAsync(DuoAccess a, PlanInput input, bool submit, CancellationToken ct)
    {
        a.RequireMember();
        a.RequireActive();
        var plan = a.Duo.Plan!;
        if (plan.Status is PlanStatus.Submitted or PlanStatus.Approved)
            throw ProblemException.Invalid(plan.Status == PlanStatus.Approved ? "Het plan is al goedgekeurd." : "Het plan ligt bij de stuurgroep; wacht op hun reactie.");
        var errors = new ValidationErrors();
        foreach (var (v, field, what, max) in new[] { (input.Topic, "topic", "Onderwerp", 500), (input.Goal, "goal", "Doel", 4000), (input.Product, "product", "Product", 2000), (input.MeetingMoments, "meetingMoments", "Momenten", 2000) })
        {
            if ((v?.Length ?? 0) > max) errors.Add(field, what + ": hoogstens {0} tekens.", max);
            if (submit && string.IsNullOrWhiteSpace(v)) errors.Add(field, what + " is nodig om het plan in te dienen.");
        }
        Refuse.IfAny(errors, "Het plan is niet opgeslagen.");
        plan.Topic = input.Topic?.Trim() ?? "";
        plan.Goal = input.Goal?.Trim() ?? "";
        plan.Product = input.Product?.Trim() ?? "";
        plan.MeetingMoments = input.MeetingMoments?.Trim() ?? "";
        plan.UpdatedAt = Now;
        if (submit)
        {
            plan.Status = PlanStatus.Submitted;
            plan.SubmittedAt = Now;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The steering group approves the plan, or returns it with comments (a comment is then required).</summary>
    public async Task ReviewPlanAsync(DuoAccess a, bool approve, string? comment, string userId, CancellationToken ct)
    {
        a.Programme.RequireSteward();
        var plan = a.Duo.Plan ?? throw ProblemException.Invalid("Dit duo heeft nog geen plan.");
        if (plan.Status != PlanStatus.Submitted) throw ProblemException.Invalid("Alleen een ingediend plan kan worden beoordeeld.");
        if (!approve && string.IsNullOrWhiteSpace(comment)) throw ProblemException.Field("comment", "Schrijf erbij wat er anders moet als je het plan teruggeeft.");
        if ((comment?.Length ?? 0) > 4000) throw ProblemException.Field("comment", "Het commentaar is te lang (hoogstens 4000 tekens).");
        plan.Status = approve ? PlanStatus.Approved : PlanStatus.Returned;
        plan.ReviewComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        plan.ReviewedAt = Now;
        plan.ReviewedById = userId;
        await db.SaveChangesAsync(ct);
    }

    // ---------------------------------------------------------------- meetings

    public async Task<List<Meeting>> ScheduleAsync(DuoAccess a, ScheduleInput input, CancellationToken ct)
    {
        a.RequireMember();
        a.RequireActive();
        var p = a.Programme.Programme;
        var errors = new ValidationErrors();
        if (input.DurationMinutes is < 15 or > 480) errors.Add("durationMinutes", "Duur: tussen 15 en 480 minuten.");
        if (input.EveryWeeks is < 1 or > 8) errors.Add("everyWeeks", "Herhaling: elke 1 tot 8 weken.");
        if (input.Count is < 1 or > 52) errors.Add("count", "Aantal afspraken: tussen 1 en 52.");
        if ((input.Location?.Length ?? 0) > 300) errors.Add("location", "Plaats: hoogstens 300 tekens.");
        if (input.FirstDate < p.StartDate.AddDays(-14) || input.FirstDate > p.EndDate) errors.Add("firstDate", "De eerste afspraak valt buiten de looptijd van het programma.");
        Refuse.IfAny(errors, "Er is niets ingepland.");
        var created = new List<Meeting>();
        for (int i = 0; i < input.Count; i++)
        {
            var date = input.FirstDate.AddDays(7 * input.EveryWeeks * i);
            if (date > p.EndDate) break;
            var m = new Meeting
            {
                DuoId = a.Duo.Id, Uid = $"{Guid.NewGuid():N}@klimrek", StartsAt = DutchTime.ToUtc(date, input.Time),
                DurationMinutes = input.DurationMinutes, Location = Clean(input.Location), UpdatedAt = Now,
            };
            db.Meetings.Add(m);
            created.Add(m);
        }
        await db.SaveChangesAsync(ct);
        return created;
    }

    /// <summary>Moves one meeting (its iCalendar sequence rises so calendars update it) or cancels it.</summary>
    public async Task RescheduleAsync(DuoAccess a, int meetingId, DateOnly? date, TimeOnly? time, bool cancel, CancellationToken ct)
    {
        a.RequireMember();
        var m = a.Duo.Meetings.FirstOrDefault(x => x.Id == meetingId) ?? throw ProblemException.NotFound();
        if (cancel) m.Cancelled = true;
        else
        {
            if (date is null || time is null) throw ProblemException.Field("date", "Kies een nieuwe datum en tijd.");
            var p = a.Programme.Programme;
            if (date < p.StartDate.AddDays(-14) || date > p.EndDate) throw ProblemException.Field("date", "De nieuwe datum valt buiten de looptijd van het programma.");
            m.StartsAt = DutchTime.ToUtc(date.Value, time.Value);
            m.Cancelled = false;
            m.Held = null; // a moved meeting has not been reported on yet
        }
        m.Sequence++;
        m.UpdatedAt = Now;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>After a meeting, a member says whether it took place; the "not met" signal and the report follow that.</summary>
    public async Task SetHeldAsync(DuoAccess a, int meetingId, bool held, CancellationToken ct)
    {
        a.RequireMember();
        var m = a.Duo.Meetings.FirstOrDefault(x => x.Id == meetingId) ?? throw ProblemException.NotFound();
        if (m.Cancelled) throw ProblemException.Invalid("Deze afspraak is afgezegd.");
        if (m.StartsAt > Now) throw ProblemException.Invalid("Of een afspraak is doorgegaan, geef je door als die begonnen is.");
        m.Held = held;
        m.UpdatedAt = Now;
        await db.SaveChangesAsync(ct);
    }

    public static IEnumerable<ICalendar.Event> Events(Duo d) => d.Meetings.OrderBy(m => m.StartsAt).Select(m => new ICalendar.Event(
        m.Uid, m.StartsAt, m.DurationMinutes, "Samen leren: " + DuoName(d), "Duo-overleg (Klimrek, samen leren).", m.Location, m.Sequence, m.Cancelled, m.UpdatedAt));

    /// <summary>Every meeting of every duo the user is in, across programmes: one personal calendar.</summary>
    public async Task<string> PersonalCalendarAsync(string userId, CancellationToken ct)
    {
        var duos = await db.Duos.AsNoTracking().Include(d => d.Meetings).Include(d => d.Members).ThenInclude(m => m.Participant).ThenInclude(p => p!.User)
            .Where(d => d.Status == DuoStatus.Active && d.Members.Any(m => m.Participant!.UserId == userId)).ToListAsync(ct);
        return ICalendar.Write("Samen leren", duos.SelectMany(Events));
    }

    // ---------------------------------------------------------------- hours and expert budget

    public async Task<HourEntry> LogHoursAsync(DuoAccess a, DateOnly date, decimal hours, string? activity, CancellationToken ct)
    {
        var me = a.RequireMember();
        a.RequireActive();
        var errors = new ValidationErrors();
        if (hours is <= 0 or > 24) errors.Add("hours", "Uren: meer dan 0 en hoogstens 24 per regel.");
        if (decimal.Round(hours, 2) != hours) errors.Add("hours", "Uren: hoogstens twee decimalen.");
        if (string.IsNullOrWhiteSpace(activity)) errors.Add("activity", "Zeg kort waaraan je de uren besteedde.");
        else if (activity.Length > 500) errors.Add("activity", "Activiteit: hoogstens 500 tekens.");
        if (date > DutchTime.Today(Now)) errors.Add("date", "Uren schrijf je achteraf: de datum ligt in de toekomst.");
        Refuse.IfAny(errors, "De uren zijn niet opgeslagen.");
        var e = new HourEntry { ParticipantId = me.ParticipantId, DuoId = a.Duo.Id, Date = date, Hours = hours, Activity = activity!.Trim(), CreatedAt = Now };
        db.HourEntries.Add(e);
        await db.SaveChangesAsync(ct);
        return e;
    }

    public async Task<ExpertExpense> SpendAsync(DuoAccess a, DateOnly date, decimal amount, string? description, CancellationToken ct)
    {
        var me = a.RequireMember();
        a.RequireActive();
        var errors = new ValidationErrors();
        if (amount is <= 0 or > 1_000_000) errors.Add("amount", "Bedrag: meer dan € 0.");
        if (decimal.Round(amount, 2) != amount) errors.Add("amount", "Bedrag: hoogstens twee decimalen.");
        if (string.IsNullOrWhiteSpace(description)) errors.Add("description", "Omschrijf de uitgave (welke deskundige, waarvoor).");
        else if (description.Length > 500) errors.Add("description", "Omschrijving: hoogstens 500 tekens.");
        Refuse.IfAny(errors, "De uitgave is niet opgeslagen.");
        var e = new ExpertExpense { DuoId = a.Duo.Id, EnteredByParticipantId = me.ParticipantId, Date = date, Amount = amount, Description = description!.Trim(), CreatedAt = Now };
        db.ExpertExpenses.Add(e);
        await db.SaveChangesAsync(ct);
        return e;
    }

    public async Task<List<HourEntry>> HoursAsync(int duoId, CancellationToken ct) =>
        await db.HourEntries.AsNoTracking().Where(h => h.DuoId == duoId).OrderByDescending(h => h.Date).ThenByDescending(h => h.Id).ToListAsync(ct);

    public async Task<List<ExpertExpense>> ExpensesAsync(int duoId, CancellationToken ct) =>
        await db.ExpertExpenses.AsNoTracking().Where(h => h.DuoId == duoId).OrderByDescending(h => h.Date).ThenByDescending(h => h.Id).ToListAsync(ct);

    /// <summary>Hours of one person against the programme's hours, with the programme's elapsed time as the pace.</summary>
    public BudgetStatus HoursStatus(Programme p, decimal used)
    {
        var warnings = new List<Notice>();
        decimal budget = p.HoursPerParticipant;
        if (used > budget) warnings.Add(new("Meer uren besteed dan er per deelnemer beschikbaar zijn."));
        else if (used >= 0.9m * budget) warnings.Add(new("Bijna alle uren zijn besteed."));
        double elapsed = Elapsed(p);
        if (elapsed >= 0.25 && (double)(used / Math.Max(1, budget)) < elapsed - 0.25)
            warnings.Add(new("De uren blijven ver achter bij de tijd die verstreken is: plan vaste momenten in."));
        return new BudgetStatus(used, budget, warnings);
    }

    public static BudgetStatus ExpenseStatus(Programme p, decimal used)
    {
        var warnings = new List<Notice>();
        if (used > p.ExpertBudgetPerDuo) warnings.Add(new("Het budget voor externe deskundigheid is overschreden."));
        else if (p.ExpertBudgetPerDuo > 0 && used >= 0.9m * p.ExpertBudgetPerDuo) warnings.Add(new("Het budget voor externe deskundigheid is bijna op."));
        return new BudgetStatus(used, p.ExpertBudgetPerDuo, warnings);
    }

    private double Elapsed(Programme p)
    {
        double total = p.EndDate.DayNumber - p.StartDate.DayNumber;
        double done = DutchTime.Today(Now).DayNumber - p.StartDate.DayNumber;
        return total <= 0 ? 1 : Math.Clamp(done / total, 0, 1);
    }

    // ---------------------------------------------------------------- reflections

    /// <summary>Due dates: one cadence after the start, then every cadence, up to the end date.</summary>
    public static List<DateOnly> ReflectionDueDates(Programme p)
    {
        var list = new List<DateOnly>();
        for (int k = 1; k <= 60; k++)
        {
            var due = p.StartDate.AddDays(7 * p.ReflectionCadenceWeeks * k);
            if (due > p.EndDate) break;
            list.Add(due);
        }
        if (list.Count == 0 || list[^1] < p.EndDate.AddDays(-7 * p.ReflectionCadenceWeeks / 2)) list.Add(p.EndDate);
        return list;
    }

    public async Task<Reflection> WriteReflectionAsync(DuoAccess a, ReflectionInput input, CancellationToken ct)
    {
        var me = a.RequireMember();
        a.RequireActive();
        var dues = ReflectionDueDates(a.Programme.Programme);
        var errors = new ValidationErrors();
        if (input.Period < 1 || input.Period > dues.Count) errors.Add("period", "Periode: tussen 1 en {0}.", dues.Count);
        Texts.Check(errors, (input.WentWell, "wentWell", "Wat ging er goed", true), (input.BuildOn, "buildOn", "Hoe bouwen we daarop voort", true),
            (input.Difficult, "difficult", "Wat was lastig", false), (input.NextStep, "nextStep", "Volgende stap", true));
        var tags = FactorTags.Join(input.Tags, errors);
        if (errors.Count == 0 && await db.Reflections.AnyAsync(r => r.DuoId == a.Duo.Id && r.AuthorParticipantId == me.ParticipantId && r.Period == input.Period, ct))
            errors.Add("period", "Voor deze periode heb je al een reflectie geschreven.");
        Refuse.IfAny(errors, "De reflectie is niet opgeslagen.");
        var r = new Reflection
        {
            DuoId = a.Duo.Id, AuthorParticipantId = me.ParticipantId, Period = input.Period, WentWell = input.WentWell!.Trim(),
            BuildOn = input.BuildOn!.Trim(), Difficult = Clean(input.Difficult), NextStep = input.NextStep!.Trim(), Tags = tags, SubmittedAt = Now,
        };
        db.Reflections.Add(r);
        await db.SaveChangesAsync(ct);
        return r;
    }

    /// <summary>The duo's reflections; the text is blanked when the viewer may only see their status.</summary>
    public async Task<List<Reflection>> ReflectionsAsync(DuoAccess a, CancellationToken ct)
    {
        var list = await db.Reflections.AsNoTracking().Where(r => r.DuoId == a.Duo.Id).OrderBy(r => r.Period).ThenBy(r => r.AuthorParticipantId).ToListAsync(ct);
        if (!a.CanReadReflectionText)
            foreach (var r in list)
            {
                r.WentWell = r.BuildOn = r.NextStep = "";
                r.Difficult = null;
            }
        return list;
    }

    /// <summary>Per member of the duo: each period's due date and whether it was written (on time).</summary>
    public Dictionary<int, List<ReflectionDue>> ReflectionSchedule(Programme p, Duo d, IReadOnlyList<Reflection> written)
    {
        var today = DutchTime.Today(Now);
        var dues = ReflectionDueDates(p);
        return d.Members.ToDictionary(m => m.ParticipantId, m => dues.Select((due, i) =>
        {
            var r = written.FirstOrDefault(x => x.AuthorParticipantId == m.ParticipantId && x.Period == i + 1);
            return new ReflectionDue(i + 1, due, r is not null, r?.SubmittedAt, r is null && due < today);
        }).ToList());
    }
}
