using Klimrek.Data;
using Klimrek.Features.Notifications;
using Klimrek.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.SamenLeren;

/// <summary>
/// What samen leren tells people as a programme runs, in the inbox and by mail (kind <see cref="NotificationKinds.SamenLeren"/>,
/// as each person chose): enrolled (also when an invitation is accepted), the intake due, a duo proposed, and the
/// partner's answer. The stage methods add to the caller's unit of work; the caller saves and then calls
/// <see cref="Notifier.FlushMail"/>. The duo's timed reminders are in <see cref="DuoReminders"/>.
/// </summary>
public sealed class SamenLerenNotices(KlimrekDbContext db, Notifier notifier, Reminders reminders, TimeProvider clock)
{
    private const string Kind = NotificationKinds.SamenLeren;

    /// <summary>Queues the mails of what was staged, after the caller saved.</summary>
    public void FlushMail() => notifier.FlushMail();

    /// <summary>The key of a participant's intake reminder (cancelled once the intake is complete).</summary>
    public static string IntakeKey(int programmeId, string userId) => $"sl:intake:{programmeId}:{userId}";

    /// <summary>
    /// When the intake reminder goes out: a week before the programme starts (matching follows the intakes), at nine in
    /// the morning; enrolled later than that, three days after enrolment, so the person first has time of their own.
    /// </summary>
    public static DateTime IntakeReminderDue(DateOnly start, DateTime now)
    {
        var due = DutchTime.ToUtc(start.AddDays(-7), new TimeOnly(9, 0));
        return due > now.AddDays(1) ? due : DutchTime.ToUtc(DutchTime.Today(now).AddDays(3), new TimeOnly(9, 0));
    }

    /// <summary>Tells newly enrolled participants and plans their intake reminder (staged; the caller saves and flushes).</summary>
    public async Task StageEnrolledAsync(int programmeId, IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        if (userIds.Count == 0) return;
        var settings = await db.Programmes.AsNoTracking().Where(p => p.Id == programmeId).Select(p => p.Settings).FirstAsync(ct);
        var link = $"/samen-leren/{programmeId}";
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var userId in userIds)
        {
            await notifier.StageAsync(userId, Kind, new NotificationContent("Je doet mee aan samen leren: ‘{0}’", [settings.Name],
                BodyKey: "Lees wat een duo krijgt en wat we van je verwachten, en vul je intake in: daarmee zoeken we een partner die bij je past.", BodyArgs: []),
                link, ct);
            await reminders.ScheduleAsync(IntakeKey(programmeId, userId), userId, Kind, IntakeReminderDue(settings.StartDate, now),
                new NotificationContent("Vul je intake in voor ‘{0}’", [settings.Name],
                    BodyKey: "Het programma begint op {0:d MMMM yyyy}. Zonder intake kan de stuurgroep je niet aan een partner koppelen.", BodyArgs: [settings.StartDate]),
                link + "/intake", ct);
        }
    }

    /// <summary>The intake is complete: its reminder is no longer needed.</summary>
    public Task IntakeCompletedAsync(int programmeId, string userId, CancellationToken ct) =>
        reminders.CancelAsync(IntakeKey(programmeId, userId), clock.GetUtcNow().UtcDateTime, ct);

    /// <summary>
    /// The programme's dates moved: the intake reminders still pending follow the new start (saved with the caller's
    /// changes).
    /// </summary>
    public async Task MoveIntakeRemindersAsync(Programme p, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.Participants.AsNoTracking().Where(x => x.ProgrammeId == p.Id && x.IntakeCompletedAt == null).Select(x => x.UserId).ToListAsync(ct);
        var keys = open.Select(u => IntakeKey(p.Id, u)).ToList();
        var pending = await db.ScheduledReminders.Where(r => keys.Contains(r.Key) && r.SentAt == null && r.CancelledAt == null).ToListAsync(ct);
        foreach (var r in pending) r.DueAt = IntakeReminderDue(p.Settings.StartDate, now);
    }

    /// <summary>Tells each member of the proposed duos who their partner is (after a matching run or a pair made by hand); saves and mails.</summary>
    public async Task DuosProposedAsync(IReadOnlyCollection<int> duoIds, CancellationToken ct)
    {
        if (duoIds.Count == 0) return;
        var duos = await db.Duos.AsNoTracking().Include(d => d.Members).ThenInclude(m => m.Participant).ThenInclude(p => p!.User)
            .Where(d => duoIds.Contains(d.Id) && d.Status == DuoStatus.Proposed).ToListAsync(ct);
        foreach (var d in duos)
            foreach (var m in d.Members)
            {
                var partners = string.Join(" & ", d.Members.Where(x => x.ParticipantId != m.ParticipantId).Select(x => x.Participant!.User!.DisplayName));
                await notifier.StageAsync(m.Participant!.UserId, Kind, new NotificationContent("Je duo-voorstel: samen met {0}", [partners],
                    BodyKey: "Bekijk waarom jullie bij elkaar passen en laat weten of je akkoord bent, of vraag een andere koppeling.", BodyArgs: []),
                    $"/samen-leren/{d.ProgrammeId}/duo/{d.Id}", ct);
            }
        await db.SaveChangesAsync(ct);
        notifier.FlushMail();
    }

    /// <summary>
    /// Tells the other members that <paramref name="member"/> accepted the duo or asked for another pairing (without the
    /// reason: that is for the steering group); and, when the duo just became active, that it has started.
    /// </summary>
    public async Task StageAnsweredAsync(Duo duo, DuoMember member, bool accepted, CancellationToken ct)
    {
        var name = await db.Participants.AsNoTracking().Where(p => p.Id == member.ParticipantId).Select(p => p.User!.DisplayName).FirstAsync(ct);
        var others = await db.Participants.AsNoTracking()
            .Where(p => duo.Members.Select(m => m.ParticipantId).Contains(p.Id) && p.Id != member.ParticipantId).Select(p => p.UserId).ToListAsync(ct);
        var content = duo.Status == DuoStatus.Active
            ? new NotificationContent("{0} is akkoord: jullie duo is van start", [name],
                BodyKey: "Maak samen een plan van aanpak en plan jullie eerste afspraak.", BodyArgs: [])
            : accepted
                ? new NotificationContent("{0} is akkoord met jullie duo", [name])
                : new NotificationContent("{0} vraagt een andere koppeling", [name],
                    BodyKey: "De stuurgroep kijkt naar een andere partner; je hoort het als er een nieuw voorstel is.", BodyArgs: []);
        foreach (var userId in others)
            await notifier.StageAsync(userId, Kind, content, $"/samen-leren/{duo.ProgrammeId}/duo/{duo.Id}", ct);
    }
}
