using Klimrek.Data;
using Klimrek.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Werkleren.Climate;

/// <summary>
/// Mijn microleerklimaat: the person's circle (with those they took out), the signals they sent with the answers, and
/// the signals others sent them with their own answers.
/// <para>
/// On erase the person's own circle and signals go, with the answers to them. What they wrote to others stays out of
/// sight but keeps its place: the answer text is deleted, the row stays with its time, so the sender's timeline still
/// shows that someone answered — as "verwijderde deelnemer": wherever the person is a member of someone else's circle
/// (linked to their account or by their address), the name and address there are replaced by that and the member is
/// taken out of the circle, so no new signal reaches them.
/// </para>
/// </summary>
internal sealed class ClimatePersonalData(KlimrekDbContext db, TimeProvider clock) : IPersonalDataPart
{
    public string Area => "werkleren-klimaat";

    public async Task<object?> ExportAsync(DataSubject subject, CancellationToken ct)
    {
        var circle = await db.CircleMembers.AsNoTracking().Where(m => m.OwnerId == subject.UserId).OrderBy(m => m.CreatedAt)
            .Select(m => new { m.Id, m.Name, m.Email, roles = m.Roles.ToString(), m.IsLeidinggevende, m.CreatedAt, m.RemovedAt }).ToListAsync(ct);
        var sent = await db.Signals.AsNoTracking().Include(s => s.Recipients).ThenInclude(r => r.CircleMember).Where(s => s.OwnerId == subject.UserId)
            .OrderBy(s => s.SentAt).AsSplitQuery().ToListAsync(ct);
        var received = await (from r in db.SignalRecipients.AsNoTracking()
                              join s in db.Signals on r.SignalId equals s.Id
                              join u in db.Users on s.OwnerId equals u.Id
                              where r.RecipientUserId == subject.UserId
                              orderby s.SentAt
                              select new { sender = u.DisplayName, s.Text, s.SentAt, yourAnswer = r.Answer, r.AnsweredAt }).ToListAsync(ct);
        if (circle.Count + sent.Count + received.Count == 0) return null;
        return new
        {
            circle,
            signalsSent = sent.Select(s => new
            {
                s.Text, s.ExperimentId, s.SentAt,
                answers = s.Recipients.OrderBy(r => r.Id).Select(r => new { to = r.CircleMember?.Name, r.Answer, r.AnsweredAt }),
            }),
            signalsReceived = received,
        };
    }

    public async Task EraseAsync(DataSubject subject, CancellationToken ct)
    {
        // Own signals first (their recipients go with them), then the own circle.
        await db.Signals.Where(s => s.OwnerId == subject.UserId).ExecuteDeleteAsync(ct);
        await db.CircleMembers.Where(m => m.OwnerId == subject.UserId).ExecuteDeleteAsync(ct);
        // Answers to others' signals: the text goes, the fact (and time) that there was an answer stays.
        await db.SignalRecipients.Where(r => r.RecipientUserId == subject.UserId)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Answer, (string?)null).SetProperty(r => r.RecipientUserId, (string?)null), ct);
        // Their place in others' circles: no name, no address, no account, no new signals.
        var email = await db.Users.Where(u => u.Id == subject.UserId).Select(u => u.NormalizedEmail).FirstOrDefaultAsync(ct);
#pragma warning disable CA1862, CA1304, CA1311, MA0011 // translated to SQL upper(): both databases compare the normalized address
        var places = await db.CircleMembers
            .Where(m => m.MemberUserId == subject.UserId || (email != null && m.Email != null && m.Email.ToUpper() == email)).ToListAsync(ct);
#pragma warning restore CA1862, CA1304, CA1311, MA0011
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var m in places)
        {
            (m.Name, m.Email, m.MemberUserId) = (ErasedPerson.DisplayName, null, null);
            m.RemovedAt ??= now;
        }
        await db.SaveChangesAsync(ct);
        // Answers given through a link at that address (before there was an account) are theirs too.
        var placeIds = places.Select(p => p.Id).ToList();
        await db.SignalRecipients.Where(r => placeIds.Contains(r.CircleMemberId))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Answer, (string?)null).SetProperty(r => r.TokenHash, (string?)null), ct);
    }
}
