using Klimrek.Data;
using Klimrek.Infrastructure;

namespace Klimrek.Features.SamenLeren;

/// <summary>A warning about a duo and the workspace section it belongs to ("uren", "reflecties", "afspraken", …).</summary>
public sealed record DuoWarning(string Section, Notice Notice);

/// <summary>How to reach a partner: shown only once every member of the duo accepted it.</summary>
public sealed record PartnerContact(int ParticipantId, string Name, string? Email, string? Phone);

/// <summary>A meeting proposal: a date and time on a half-day all members gave in their intake.</summary>
public sealed record ProposedMeeting(DateOnly Date, TimeOnly Time, string SlotKey);

/// <summary>
/// What the duo workspace computes from a duo apart from storage: its warnings (each once, fair to a duo formed
/// mid-programme), the partners' contact details once both accepted, and the first half-day both partners are free.
/// </summary>
public static class DuoWorkspace
{
    /// <summary>Meetings proposed in the morning start at 9:30, in the afternoon at 13:30.</summary>
    public static readonly TimeOnly Morning = new(9, 30), Afternoon = new(13, 30);

    /// <summary>
    /// Every warning about the duo, each once: the viewer's own hours (a member) or none, the expert budget, overdue
    /// reflections (counted from the duo's start, see <see cref="DuoLedgerService.DuoStart"/>) and a missing next meeting.
    /// </summary>
    public static IReadOnlyList<DuoWarning> Warnings(DuoAccess a, BudgetStatus? myHours, BudgetStatus expert,
        Dictionary<int, List<ReflectionDue>> schedule, DateTime now)
    {
        var d = a.Duo;
        var list = new List<DuoWarning>();
        if (d.Status != DuoStatus.Active) return list;
        foreach (var w in (myHours?.Warnings ?? []).Concat(expert.Warnings)) list.Add(new("uren", w));
        int overdue = schedule.Where(kv => a.MeAsMember is null || kv.Key == a.MeAsMember.ParticipantId).Sum(kv => kv.Value.Count(r => r.Overdue));
        if (overdue > 0) list.Add(new("reflecties", new Notice("{0} reflectie(s) te laat.", [overdue])));
        if (!d.Meetings.Any(m => !m.Cancelled && m.StartsAt > now) && DutchTime.Today(now) < a.Programme.Programme.Settings.EndDate)
            list.Add(new("afspraken", new Notice("Geen volgende afspraak ingepland.")));
        return list.DistinctBy(w => (w.Section, w.Notice.ToString())).ToList();
    }

    /// <summary>
    /// The partners' e-mail address and phone number (when their account has one), for a member of the duo and only
    /// once every member accepted it: before that the duo is a proposal and the partners are not yet each other's.
    /// </summary>
    public static IReadOnlyList<PartnerContact> Contacts(DuoAccess a)
    {
        if (a.MeAsMember is null || a.Duo.Status != DuoStatus.Active || a.Duo.Members.Any(m => m.Response != MemberResponse.Accepted)) return [];
        return a.Duo.Members.Where(m => m.ParticipantId != a.MeAsMember.ParticipantId && m.Participant?.User is not null)
            .Select(m => new PartnerContact(m.ParticipantId, m.Participant!.User!.DisplayName, m.Participant.User.Email,
                string.IsNullOrWhiteSpace(m.Participant.User.PhoneNumber) ? null : m.Participant.User.PhoneNumber))
            .ToList();
    }

    /// <summary>The half-days (bit mask, see <see cref="Slots"/>) every member gave in their intake.</summary>
    public static int SharedAvailability(Duo d) =>
        d.Members.Count == 0 ? 0 : d.Members.Aggregate(Slots.All, (mask, m) => mask & (m.Participant?.Availability ?? 0));

    /// <summary>
    /// The first half-day after <paramref name="today"/> (and not before the programme's start) that every member gave
    /// in their intake, within the programme; null when they share none.
    /// </summary>
    public static ProposedMeeting? FirstSharedHalfDay(Duo d, Programme p, DateOnly today)
    {
        int shared = SharedAvailability(d);
        if (shared == 0) return null;
        var from = today.AddDays(1);
        if (from < p.Settings.StartDate) from = p.Settings.StartDate;
        for (var day = from; day <= p.Settings.EndDate && day < from.AddDays(7); day = day.AddDays(1))
        {
            int weekday = ((int)day.DayOfWeek + 6) % 7; // Monday 0 … Sunday 6
            if (weekday > 4) continue;
            foreach (int part in new[] { 0, 1 })
                if ((shared & (1 << (weekday * 2 + part))) != 0)
                    return new ProposedMeeting(day, part == 0 ? Morning : Afternoon, Slots.Key(weekday * 2 + part));
        }
        return null;
    }
}
