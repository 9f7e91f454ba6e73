using Klimrek.Data;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.SamenLeren;

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

/// <summary>What a duo keeps track of: hours against each member's hours, the external-expertise budget, and the reflections per period.</summary>
public sealed class DuoLedgerService(KlimrekDbContext db, TimeProvider clock, DuoReminders reminders)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

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

    /// <summary>
    /// Hours of one person against the programme's hours, with the elapsed time as the pace: counted from
    /// <paramref name="from"/> (the duo's start, <see cref="DuoStart"/>) so a duo formed mid-programme is not behind on day one.
    /// </summary>
    public BudgetStatus HoursStatus(Programme p, decimal used, DateOnly? from = null)
    {
        var warnings = new List<Notice>();
        decimal budget = p.Settings.HoursPerParticipant;
        if (used > budget) warnings.Add(new("Meer uren besteed dan er per deelnemer beschikbaar zijn."));
        else if (used >= 0.9m * budget) warnings.Add(new("Bijna alle uren zijn besteed."));
        double elapsed = Elapsed(p, from ?? p.Settings.StartDate);
        if (elapsed >= 0.25 && (double)(used / Math.Max(1, budget)) < elapsed - 0.25)
            warnings.Add(new("De uren blijven ver achter bij de tijd die verstreken is: plan vaste momenten in."));
        return new BudgetStatus(used, budget, warnings);
    }

    public static BudgetStatus ExpenseStatus(Programme p, decimal used)
    {
        var warnings = new List<Notice>();
        if (used > p.Settings.ExpertBudgetPerDuo) warnings.Add(new("Het budget voor externe deskundigheid is overschreden."));
        else if (p.Settings.ExpertBudgetPerDuo > 0 && used >= 0.9m * p.Settings.ExpertBudgetPerDuo) warnings.Add(new("Het budget voor externe deskundigheid is bijna op."));
        return new BudgetStatus(used, p.Settings.ExpertBudgetPerDuo, warnings);
    }

    private double Elapsed(Programme p, DateOnly from)
    {
        if (from < p.Settings.StartDate) from = p.Settings.StartDate;
        double total = p.Settings.EndDate.DayNumber - from.DayNumber;
        double done = DutchTime.Today(Now).DayNumber - from.DayNumber;
        return total <= 0 ? 1 : Math.Clamp(done / total, 0, 1);
    }

    // ---------------------------------------------------------------- reflections

    /// <summary>
    /// The day a duo's work began: the day its last member accepted, never before the programme's start. A duo formed
    /// mid-programme is judged from here (reflections due, pace of hours), not from the programme's start.
    /// </summary>
    public static DateOnly DuoStart(Programme p, Duo d)
    {
        var accepted = d.Status == DuoStatus.Active ? d.Members.Select(m => m.RespondedAt).DefaultIfEmpty().Max() : null;
        var day = accepted is DateTime t ? DutchTime.Today(t) : p.Settings.StartDate;
        return day > p.Settings.StartDate ? day : p.Settings.StartDate;
    }

    /// <summary>The due dates of a duo's reflections: counted from the duo's start.</summary>
    public static List<DateOnly> ReflectionDueDates(Programme p, Duo d) => ReflectionDueDates(p, DuoStart(p, d));

    /// <summary>Due dates: one cadence after the start, then every cadence, up to the end date.</summary>
    public static List<DateOnly> ReflectionDueDates(Programme p, DateOnly start)
    {
        var list = new List<DateOnly>();
        for (int k = 1; k <= 60; k++)
        {
            var due = start.AddDays(7 * p.Settings.ReflectionCadenceWeeks * k);
            if (due > p.Settings.EndDate) break;
            list.Add(due);
        }
        if (list.Count == 0 || list[^1] < p.Settings.EndDate.AddDays(-7 * p.Settings.ReflectionCadenceWeeks / 2)) list.Add(p.Settings.EndDate);
        return list;
    }

    public async Task<Reflection> WriteReflectionAsync(DuoAccess a, ReflectionInput input, CancellationToken ct)
    {
        var me = a.RequireMember();
        a.RequireActive();
        var dues = ReflectionDueDates(a.Programme.Programme, a.Duo);
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
            BuildOn = input.BuildOn!.Trim(), Difficult = Texts.Clean(input.Difficult), NextStep = input.NextStep!.Trim(), Tags = tags,
            SharedWithSteeringGroup = input.ShareWithSteeringGroup, SubmittedAt = Now,
        };
        db.Reflections.Add(r);
        await db.SaveChangesAsync(ct);
        await reminders.ReflectionWrittenAsync(a.Programme.Programme, a.Duo.Id, me.ParticipantId, ct);
        return r;
    }

    /// <summary>
    /// The duo's reflections; text and factors are blanked where the viewer may see only that it was written (the
    /// steering group, unless the author shared it).
    /// </summary>
    public async Task<List<Reflection>> ReflectionsAsync(DuoAccess a, CancellationToken ct)
    {
        var list = await db.Reflections.AsNoTracking().Where(r => r.DuoId == a.Duo.Id).OrderBy(r => r.Period).ThenBy(r => r.AuthorParticipantId).ToListAsync(ct);
        foreach (var r in list.Where(r => !a.CanRead(r)))
        {
            r.WentWell = r.BuildOn = r.NextStep = "";
            r.Difficult = null;
            r.Tags = null;
        }
        return list;
    }

    /// <summary>The author shares a reflection with the steering group, or stops sharing it.</summary>
    public async Task<Reflection> ShareReflectionAsync(DuoAccess a, int reflectionId, bool shared, CancellationToken ct)
    {
        var me = a.RequireMember();
        var r = await db.Reflections.FirstOrDefaultAsync(x => x.Id == reflectionId && x.DuoId == a.Duo.Id, ct) ?? throw ProblemException.NotFound();
        if (r.AuthorParticipantId != me.ParticipantId)
            throw ProblemException.Forbidden("Alleen wie de reflectie schreef, kiest of de stuurgroep hem leest.");
        r.SharedWithSteeringGroup = shared;
        await db.SaveChangesAsync(ct);
        return r;
    }

    /// <summary>Per member of the duo: each period's due date and whether it was written (on time).</summary>
    public Dictionary<int, List<ReflectionDue>> ReflectionSchedule(Programme p, Duo d, IReadOnlyList<Reflection> written)
    {
        var today = DutchTime.Today(Now);
        var dues = ReflectionDueDates(p, d);
        return d.Members.ToDictionary(m => m.ParticipantId, m => dues.Select((due, i) =>
        {
            var r = written.FirstOrDefault(x => x.AuthorParticipantId == m.ParticipantId && x.Period == i + 1);
            return new ReflectionDue(i + 1, due, r is not null, r?.SubmittedAt, r is null && due < today);
        }).ToList());
    }
}
