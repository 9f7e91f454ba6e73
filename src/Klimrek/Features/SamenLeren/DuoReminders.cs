using Klimrek.Data;
using Klimrek.Features.Notifications;
using Klimrek.Infrastructure;
using Microsoft.EntityFrameworkCore;
using System.Globalization;

namespace Klimrek.Features.SamenLeren;

/// <summary>
/// A duo's timed reminders, planned ahead through <see cref="Reminders"/> (sent once each by the dispatcher):
/// a meeting tomorrow, a reflection due (counted from the day the duo started, at the programme's cadence), and the
/// "not met for N weeks" signal — first to the members, a week later to the steering group if the duo still has not
/// met. Nothing polls: each change to the duo's meetings plans the reminders again from the meetings as they now are,
/// and cancels the ones that no longer hold (a meeting planned in time cancels the "not met" reminders).
/// </summary>
public sealed class DuoReminders(KlimrekDbContext db, Reminders reminders, TimeProvider clock)
{
    private const string Kind = NotificationKinds.SamenLeren;
    private static readonly TimeOnly Morning = new(9, 0);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static string MeetingPrefix(int meetingId) => $"sl:meeting:{meetingId}:";
    public static string ReflectionPrefix(int duoId, int participantId) => $"sl:reflection:{duoId}:{participantId}:";
    public static string NotMetPrefix(int duoId) => $"sl:notmet:{duoId}:";

    /// <summary>The day the duo started: when the last member accepted (the day it was formed, if nobody answered).</summary>
    public static DateOnly StartOf(Duo d) =>
        DutchTime.Today(d.Members.Select(m => m.RespondedAt).Where(x => x is not null).Select(x => x!.Value).DefaultIfEmpty(d.CreatedAt).Max());

    /// <summary>Reflection due dates from the duo's own start: one cadence after it, then every cadence, while the programme runs.</summary>
    public static List<DateOnly> ReflectionDueDates(Programme p, DateOnly duoStart)
    {
        var list = new List<DateOnly>();
        for (int k = 1; k <= 60; k++)
        {
            var due = duoStart.AddDays(7 * p.Settings.ReflectionCadenceWeeks * k);
            if (due > p.Settings.EndDate) break;
            list.Add(due);
        }
        return list;
    }

    /// <summary>"Tomorrow you meet": a day before each meeting (per member; the key carries the meeting's sequence, so a moved meeting is reminded of again).</summary>
    public async Task PlanMeetingsAsync(Duo d, IEnumerable<Meeting> meetings, CancellationToken ct)
    {
        var now = Now;
        foreach (var m in meetings)
        {
            await reminders.CancelAsync(MeetingPrefix(m.Id), now, ct);
            var due = m.StartsAt.AddHours(-24);
            if (m.Cancelled || due < now) continue;
            var local = DutchTime.ToLocal(m.StartsAt);
            foreach (var member in d.Members)
                await reminders.ScheduleAsync($"{MeetingPrefix(m.Id)}{m.Sequence}:{member.ParticipantId}", member.Participant!.UserId, Kind, due,
                    new NotificationContent("Morgen om {0:HH:mm} heb je een duo-afspraak", [local],
                        BodyKey: m.Location is null ? "Samen leren: {0}." : "Samen leren: {0}. Plaats: {1}.", BodyArgs: [DuoService.DuoName(d), m.Location ?? ""]),
                    $"/samen-leren/{d.ProgrammeId}/duo/{d.Id}", ct);
        }
    }

    /// <summary>Plans every reflection reminder of an active duo from its start (a member's written periods are not reminded of).</summary>
    public async Task PlanReflectionsAsync(Programme p, Duo d, CancellationToken ct)
    {
        if (d.Status != DuoStatus.Active) return;
        var now = Now;
        var dues = ReflectionDueDates(p, StartOf(d));
        foreach (var member in d.Members)
            for (int i = 0; i < dues.Count; i++)
            {
                var due = DutchTime.ToUtc(dues[i], Morning);
                if (due < now) continue;
                await reminders.ScheduleAsync(ReflectionPrefix(d.Id, member.ParticipantId) + (i + 1).ToString("D2", CultureInfo.InvariantCulture),
                    member.Participant!.UserId, Kind, due,
                    new NotificationContent("Tijd voor je reflectie ({0})", [DuoService.DuoName(d)],
                        BodyKey: "Elke {0} weken schrijf je een korte reflectie: wat ging goed, wat was lastig, en wat is jullie volgende stap?",
                        BodyArgs: [p.Settings.ReflectionCadenceWeeks]),
                    $"/samen-leren/{d.ProgrammeId}/duo/{d.Id}", ct);
            }
    }

    /// <summary>
    /// A member wrote a reflection: it answers their next reminder if that is due within one cadence (written a little
    /// early, or a little late), which is then not sent.
    /// </summary>
    public async Task ReflectionWrittenAsync(Programme p, int duoId, int participantId, CancellationToken ct)
    {
        var now = Now;
        var prefix = ReflectionPrefix(duoId, participantId);
        var next = await db.ScheduledReminders.AsNoTracking()
            .Where(r => r.Key.StartsWith(prefix) && r.SentAt == null && r.CancelledAt == null && r.DueAt <= now.AddDays(7 * p.Settings.ReflectionCadenceWeeks + 1))
            .OrderBy(r => r.DueAt).Select(r => r.Key).FirstOrDefaultAsync(ct);
        if (next is not null) await reminders.CancelAsync(next, now, ct);
    }

    /// <summary>The duo became active (every member accepted): its reflection and "not met" reminders are planned; saves.</summary>
    public async Task DuoStartedAsync(Programme p, Duo d, CancellationToken ct)
    {
        if (d.Status != DuoStatus.Active) return;
        await PlanReflectionsAsync(p, d, ct);
        await PlanNotMetAsync(p, d, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The day the "not met" signal would go up if nothing changes: <see cref="ProgrammeSettings.NotMetWeeks"/> weeks
    /// after the last meeting that counts as held by then (a planned one counts once it starts, as on the monitor), or
    /// after the duo's start. Null when that is after the programme's end.
    /// </summary>
    public static DateOnly? NotMetDay(Programme p, Duo d, DateTime now)
    {
        var start = DutchTime.Today(new[] { d.CreatedAt, p.Settings.StartDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) }.Max());
        var meetings = d.Meetings.Where(m => !m.Cancelled && m.Held != false).Select(m => DutchTime.Today(m.StartsAt)).ToList();
        var anchor = new[] { start }.Concat(meetings.Where(x => x <= DutchTime.Today(now))).Max();
        while (true)
        {
            var day = anchor.AddDays(7 * p.Settings.NotMetWeeks);
            var later = meetings.Where(x => x > anchor && x <= day).DefaultIfEmpty().Max();
            if (later == default) return day > p.Settings.EndDate ? null : day;
            anchor = later;
        }
    }

    /// <summary>
    /// Plans the "not met" reminders again from the duo's meetings as they are now: the members on the day the signal
    /// would go up, the steering group a week later unless a meeting falls in that week. Keys carry that day, so a
    /// reminder already sent for it is never sent again, and a newer plan cancels the pending ones.
    /// </summary>
    public async Task PlanNotMetAsync(Programme p, Duo d, CancellationToken ct)
    {
        var now = Now;
        await reminders.CancelAsync(NotMetPrefix(d.Id), now, ct);
        if (d.Status != DuoStatus.Active || NotMetDay(p, d, now) is not { } day) return;
        var key = NotMetPrefix(d.Id) + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var weeks = p.Settings.NotMetWeeks;
        var link = $"/samen-leren/{d.ProgrammeId}/duo/{d.Id}";
        foreach (var member in d.Members)
            await reminders.ScheduleAsync($"{key}:duo:{member.ParticipantId}", member.Participant!.UserId, Kind, DutchTime.ToUtc(day, Morning),
                new NotificationContent("Jullie hebben elkaar {0} weken niet gezien", [weeks],
                    BodyKey: "Plan jullie volgende afspraak ({0}). Lukt dat niet, dan denkt de stuurgroep graag mee.", BodyArgs: [DuoService.DuoName(d)]),
                link, ct);
        var nextWeek = day.AddDays(7);
        if (d.Meetings.Any(m => !m.Cancelled && m.Held != false && DutchTime.Today(m.StartsAt) > day && DutchTime.Today(m.StartsAt) <= nextWeek)) return;
        var stewards = await db.ProgrammeStewards.AsNoTracking().Where(s => s.ProgrammeId == p.Id).Select(s => s.UserId).ToListAsync(ct);
        foreach (var steward in stewards)
            await reminders.ScheduleAsync($"{key}:stuurgroep:{steward}", steward, Kind, DutchTime.ToUtc(nextWeek, Morning),
                new NotificationContent("Duo {0} heeft elkaar {1} weken niet gezien", [DuoService.DuoName(d), weeks + 1],
                    BodyKey: "Het duo kreeg een week geleden een herinnering en heeft sindsdien geen afspraak gehad. Een kort gesprek kan helpen.", BodyArgs: []),
                $"/samen-leren/{d.ProgrammeId}/monitor", ct);
    }

    /// <summary>After any change to a duo's meetings or status: meeting, reflection and "not met" reminders planned again; saves.</summary>
    public async Task ReplanAsync(Programme p, Duo d, IEnumerable<Meeting> changedMeetings, CancellationToken ct)
    {
        await PlanMeetingsAsync(d, changedMeetings, ct);
        await PlanNotMetAsync(p, d, ct);
        await db.SaveChangesAsync(ct);
    }
}
