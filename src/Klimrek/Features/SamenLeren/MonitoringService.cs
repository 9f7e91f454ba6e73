using CsvHelper;
using Klimrek.Data;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;
using System.Globalization;
using System.Text;

namespace Klimrek.Features.SamenLeren;

/// <summary>One row of the coaching-monitoring dashboard.</summary>
public sealed record DuoMonitorRow(
    int DuoId, string Name, DuoStatus Status, bool ChangeRequested, PlanStatus? Plan,
    decimal HoursUsed, decimal HoursBudget, decimal SpentExpert, decimal ExpertBudget,
    int ReflectionsDue, int ReflectionsOnTime, int ReflectionsLate, int ReflectionsOverdue,
    DateTime? LastMeeting, DateTime? NextMeeting, int? WeeksSinceMet, bool NotMetSignal, IReadOnlyList<Notice> Warnings)
{
    /// <summary>Something in the "Aandacht" column: any warning (the "not met" signal is one of them).</summary>
    public bool NeedsAttention => NotMetSignal || Warnings.Count > 0;
}

public sealed record OverdueReflection(int DuoId, string Duo, int ParticipantId, string Name, int Period, DateOnly Due, int DaysOverdue);

/// <summary>The programme report: effects, and success and failure factors counted over people.</summary>
public sealed record ProgrammeReport(
    Programme Programme, int Participants, int IntakesComplete, int Duos, int ActiveDuos, int Unmatched,
    int PlansApproved, decimal HoursUsed, decimal HoursBudget, decimal ExpertSpent, decimal ExpertBudget,
    int ReflectionsDue, int ReflectionsWritten, int ReflectionsOnTime, int MeetingsHeld, int DuosNotMeeting,
    int IntervisionPlanned, int IntervisionHeld, int Evaluations,
    double? AverageGoalsReached, IReadOnlyList<(string Key, int People, bool Success)> Factors, bool FactorsHidden,
    IReadOnlyList<string> LearningPoints, IReadOnlyList<(string Duo, string Topic, string Product, PlanStatus Status)> Products,
    IReadOnlyList<DuoMonitorRow> Rows);

/// <summary>
/// Coaching monitoring for the steering group: the dashboard per duo (plan, hours, budget, reflections, meetings and
/// the "not met" signal), overdue reflections, and the programme report with its CSV.
/// </summary>
public sealed class MonitoringService(KlimrekDbContext db, DuoLedgerService ledger, TimeProvider clock)
{
    /// <summary>Aggregates about people are shown only when at least this many contributed.</summary>
    public const int MinimumGroup = 5;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<List<DuoMonitorRow>> DashboardAsync(ProgrammeAccess access, CancellationToken ct)
    {
        access.RequireSteward();
        var p = access.Programme;
        var duos = await db.Duos.AsNoTracking().Include(d => d.Members).ThenInclude(m => m.Participant).ThenInclude(x => x!.User)
            .Include(d => d.Plan).Include(d => d.Meetings)
            .Where(d => d.ProgrammeId == p.Id && d.Status != DuoStatus.Dissolved).OrderBy(d => d.Id).ToListAsync(ct);
        var ids = duos.Select(d => d.Id).ToList();
        var hours = await db.HourEntries.AsNoTracking().Where(h => ids.Contains(h.DuoId)).Select(h => new { h.DuoId, h.ParticipantId, h.Hours }).ToListAsync(ct);
        var spent = await db.ExpertExpenses.AsNoTracking().Where(h => ids.Contains(h.DuoId)).Select(h => new { h.DuoId, h.Amount }).ToListAsync(ct);
        var refl = await db.Reflections.AsNoTracking().Where(r => ids.Contains(r.DuoId))
            .Select(r => new Reflection { Id = r.Id, DuoId = r.DuoId, AuthorParticipantId = r.AuthorParticipantId, Period = r.Period, SubmittedAt = r.SubmittedAt, WentWell = "", BuildOn = "", NextStep = "" })
            .ToListAsync(ct);
        var now = Now;
        var today = DutchTime.Today(now);
        var rows = new List<DuoMonitorRow>();
        foreach (var d in duos)
        {
            var warnings = new List<Notice>();
            decimal used = hours.Where(h => h.DuoId == d.Id).Sum(h => h.Hours);
            decimal budget = p.Settings.HoursPerParticipant * d.Members.Count;
            foreach (var m in d.Members)
                warnings.AddRange(ledger.HoursStatus(p, hours.Where(h => h.DuoId == d.Id && h.ParticipantId == m.ParticipantId).Sum(h => h.Hours), DuoLedgerService.DuoStart(p, d)).Warnings
                    .Select(w => w with { About = m.Participant!.User!.DisplayName }));
            decimal expert = spent.Where(s => s.DuoId == d.Id).Sum(s => s.Amount);
            warnings.AddRange(DuoLedgerService.ExpenseStatus(p, expert).Warnings);
            var schedule = ledger.ReflectionSchedule(p, d, refl.Where(r => r.DuoId == d.Id).ToList());
            int due = 0, onTime = 0, late = 0, overdue = 0;
            foreach (var (_, list) in schedule)
                foreach (var r in list.Where(r => r.Due <= today || r.Submitted))
                {
                    due++;
                    if (r.Submitted && DutchTime.Today(r.SubmittedAt!.Value) <= r.Due) onTime++;
                    else if (r.Submitted) late++;
                    else if (r.Overdue) overdue++;
                }
            var past = d.Meetings.Where(m => m.CountsAsHeld(now)).Select(m => (DateTime?)m.StartsAt).Max();
            var next = d.Meetings.Where(m => !m.Cancelled && m.StartsAt > now).Select(m => (DateTime?)m.StartsAt).Min();
            // Not met for N weeks: since the last meeting, or since the duo became possible (programme start or duo creation).
            var since = past ?? Max(p.Settings.StartDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), d.CreatedAt);
            int? weeks = Math.Max(0, (today.DayNumber - DutchTime.Today(since).DayNumber) / 7); // whole weeks between calendar dates
            bool signal = d.Status == DuoStatus.Active && today >= p.Settings.StartDate && weeks >= p.Settings.NotMetWeeks;
            if (signal) warnings.Add(new(past is null ? "Nog niet ontmoet sinds de start ({0} weken)." : "Al {0} weken niet ontmoet.", [weeks]));
            if (d.Status == DuoStatus.Active && next is null && today < p.Settings.EndDate) warnings.Add(new("Geen volgende afspraak ingepland."));
            if (overdue > 0) warnings.Add(new("{0} reflectie(s) te laat.", [overdue]));
            rows.Add(new DuoMonitorRow(d.Id, DuoService.DuoName(d), d.Status, d.Members.Any(m => m.Response == MemberResponse.ChangeRequested), d.Plan?.Status,
                used, budget, expert, p.Settings.ExpertBudgetPerDuo, due, onTime, late, overdue, past, next, past is null ? null : weeks, signal, warnings));
        }
        return rows;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    public async Task<List<OverdueReflection>> OverdueAsync(ProgrammeAccess access, CancellationToken ct)
    {
        access.RequireSteward();
        var p = access.Programme;
        var duos = await db.Duos.AsNoTracking().Include(d => d.Members).ThenInclude(m => m.Participant).ThenInclude(x => x!.User)
            .Where(d => d.ProgrammeId == p.Id && d.Status == DuoStatus.Active).ToListAsync(ct);
        var ids = duos.Select(d => d.Id).ToList();
        var refl = await db.Reflections.AsNoTracking().Where(r => ids.Contains(r.DuoId))
            .Select(r => new Reflection { DuoId = r.DuoId, AuthorParticipantId = r.AuthorParticipantId, Period = r.Period, SubmittedAt = r.SubmittedAt, WentWell = "", BuildOn = "", NextStep = "" })
            .ToListAsync(ct);
        var today = DutchTime.Today(Now);
        var list = new List<OverdueReflection>();
        foreach (var d in duos)
            foreach (var (pid, dues) in ledger.ReflectionSchedule(p, d, refl.Where(r => r.DuoId == d.Id).ToList()))
                foreach (var r in dues.Where(r => r.Overdue))
                    list.Add(new OverdueReflection(d.Id, DuoService.DuoName(d), pid, d.Members.First(m => m.ParticipantId == pid).Participant!.User!.DisplayName,
                        r.Period, r.Due, today.DayNumber - r.Due.DayNumber));
        return list.OrderByDescending(o => o.DaysOverdue).ThenBy(o => o.Name).ToList();
    }

    public async Task<ProgrammeReport> ReportAsync(ProgrammeAccess access, CancellationToken ct)
    {
        access.RequireSteward();
        var p = access.Programme;
        var rows = await DashboardAsync(access, ct);
        var participants = await db.Participants.AsNoTracking().Include(x => x.Terms).Where(x => x.ProgrammeId == p.Id).ToListAsync(ct);
        var duos = await db.Duos.AsNoTracking().Include(d => d.Members).ThenInclude(m => m.Participant).ThenInclude(x => x!.User).Include(d => d.Plan).Include(d => d.Meetings)
            .Where(d => d.ProgrammeId == p.Id && d.Status != DuoStatus.Dissolved).ToListAsync(ct);
        var ids = duos.Select(d => d.Id).ToList();
        var refl = await db.Reflections.AsNoTracking().Where(r => ids.Contains(r.DuoId)).Select(r => new { r.AuthorParticipantId, r.Tags }).ToListAsync(ct);
        var sessions = await db.IntervisionSessions.AsNoTracking().Include(s => s.Attendees).Where(s => s.ProgrammeId == p.Id).ToListAsync(ct);
        var evals = await db.Evaluations.AsNoTracking().Where(e => participants.Select(x => x.Id).Contains(e.ParticipantId)).ToListAsync(ct);

        // A factor counts once per person who named it (in a reflection, an evaluation, or an intervision report they attended).
        var namedBy = new Dictionary<string, HashSet<int>>();
        void Name(int person, string? tags)
        {
            foreach (var t in FactorTags.Split(tags))
                (namedBy.TryGetValue(t, out var set) ? set : namedBy[t] = []).Add(person);
        }
        foreach (var r in refl) Name(r.AuthorParticipantId, r.Tags);
        foreach (var e in evals) Name(e.ParticipantId, e.Tags);
        foreach (var s in sessions.Where(s => s.ReportedAt is not null))
            foreach (var a in s.Attendees) Name(a.ParticipantId, s.Tags);
        // Each factor is a figure about the people who named it: shown only when at least five did.
        var factors = namedBy.Where(kv => kv.Value.Count >= MinimumGroup)
            .Select(kv => (kv.Key, kv.Value.Count, FactorTags.All.First(t => t.Key == kv.Key).Success))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Key).ToList();
        bool hidden = factors.Count < namedBy.Count;

        var now = Now;
        return new ProgrammeReport(p, participants.Count, participants.Count(x => IntakeService.MissingInIntake(x).Count == 0), duos.Count,
            duos.Count(d => d.Status == DuoStatus.Active), participants.Count(x => x.UnmatchedReason is not null),
            duos.Count(d => d.Plan?.Status == PlanStatus.Approved), rows.Sum(r => r.HoursUsed), rows.Sum(r => r.HoursBudget),
            rows.Sum(r => r.SpentExpert), rows.Sum(r => r.ExpertBudget), rows.Sum(r => r.ReflectionsDue), refl.Count,
            rows.Sum(r => r.ReflectionsOnTime), duos.Sum(d => d.Meetings.Count(m => m.CountsAsHeld(now))),
            rows.Count(r => r.NotMetSignal), p.Settings.IntervisionSessionCount, sessions.Count(s => s.ReportedAt is not null), evals.Count,
            evals.Count >= MinimumGroup ? Math.Round(evals.Average(e => e.GoalsReached), 1) : null,
            factors, hidden,
            sessions.Where(s => s.LearningPoints is not null).OrderBy(s => s.Number).Select(s => $"{s.Number}: {s.LearningPoints}").ToList(),
            duos.Where(d => d.Plan is not null && d.Plan.Topic.Length > 0).Select(d => (DuoService.DuoName(d), d.Plan!.Topic, d.Plan.Product, d.Plan.Status)).ToList(),
            rows);
    }

    /// <summary>The dashboard per duo as CSV (semicolon-separated, as Dutch spreadsheets expect).</summary>
    public async Task<string> ReportCsvAsync(ProgrammeAccess access, CancellationToken ct)
    {
        var report = await ReportAsync(access, ct);
        var sb = new StringBuilder();
        await using (var w = new StringWriter(sb))
        await using (var csv = new CsvWriter(w, Klimrek.Infrastructure.Csv.CsvExport.Configuration(";")))
        {
            foreach (var h in new[] { "duo", "leden", "status", "plan", "uren", "uren_budget", "deskundigheid_eur", "deskundigheid_budget_eur", "reflecties_verwacht", "reflecties_op_tijd", "reflecties_te_laat_ingeleverd", "reflecties_achterstallig", "laatste_afspraak", "weken_niet_ontmoet", "signaal" })
                csv.WriteField(h);
            await csv.NextRecordAsync();
            foreach (var r in report.Rows)
            {
                csv.WriteField(r.DuoId); csv.WriteField(r.Name); csv.WriteField(r.Status.ToString()); csv.WriteField(r.Plan?.ToString() ?? "");
                csv.WriteField(r.HoursUsed); csv.WriteField(r.HoursBudget); csv.WriteField(r.SpentExpert); csv.WriteField(r.ExpertBudget);
                csv.WriteField(r.ReflectionsDue); csv.WriteField(r.ReflectionsOnTime); csv.WriteField(r.ReflectionsLate); csv.WriteField(r.ReflectionsOverdue);
                csv.WriteField(r.LastMeeting is { } lm ? DutchTime.ToLocal(lm).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "");
                csv.WriteField(r.WeeksSinceMet?.ToString(CultureInfo.InvariantCulture) ?? ""); csv.WriteField(r.NotMetSignal ? "ja" : "nee");
                await csv.NextRecordAsync();
            }
        }
        return sb.ToString();
    }
}
