using Klimrek.Data;
using Klimrek.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using System.Globalization;

namespace Klimrek.Features.SamenLeren;

/// <summary>
/// What an invitation to a programme binds an account to (<see cref="IInvitationAcceptor"/>): its participants or its
/// steering group. Accounts calls it for verified addresses at once and for the others once their mailbox is proven.
/// </summary>
public sealed class ProgrammeInvitations(KlimrekDbContext db, TimeProvider clock, SamenLerenNotices notices) : IInvitationAcceptor
{
    public const string Participant = "samen-leren-deelnemer";
    public const string Steward = "samen-leren-stuurgroep";

    public static readonly string[] AllKinds = [Participant, Steward];

    public IReadOnlyCollection<string> Kinds => AllKinds;

    public static InvitationPurpose Purpose(Programme programme, bool asStewards) =>
        new(asStewards ? Steward : Participant, programme.Id.ToString(CultureInfo.InvariantCulture), programme.Settings.Name);

    public (string Invited, string Added) Sentences(string kind) => kind == Steward
        ? ("{0} nodigt je uit voor de stuurgroep van het samen-leren-programma ‘{1}’.", "{0} heeft je toegevoegd aan de stuurgroep van het samen-leren-programma ‘{1}’.")
        : ("{0} nodigt je uit om mee te doen aan het samen-leren-programma ‘{1}’.", "{0} heeft je toegevoegd aan het samen-leren-programma ‘{1}’.");

    public async Task<InvitationAccepted?> AcceptAsync(string kind, string reference, IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        if (!int.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || !await db.Programmes.AnyAsync(p => p.Id == id, ct))
            return null;
        var bound = new HashSet<string>(StringComparer.Ordinal);
        if (kind == Steward)
        {
            var existing = await db.ProgrammeStewards.Where(s => s.ProgrammeId == id && userIds.Contains(s.UserId)).Select(s => s.UserId).ToListAsync(ct);
            foreach (var userId in userIds.Except(existing).Where(bound.Add))
                db.ProgrammeStewards.Add(new ProgrammeSteward { ProgrammeId = id, UserId = userId });
        }
        else
        {
            var existing = await db.Participants.Where(p => p.ProgrammeId == id && userIds.Contains(p.UserId)).Select(p => p.UserId).ToListAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var userId in userIds.Except(existing).Where(bound.Add))
                db.Participants.Add(new Participant { ProgrammeId = id, UserId = userId, EnrolledAt = now });
            // Participants hear it from samen leren itself (in the inbox and by mail, as they chose), with what comes next.
            await notices.StageEnrolledAsync(id, bound, ct);
            return new InvitationAccepted($"/samen-leren/{id}", bound, Told: true);
        }
        return new InvitationAccepted($"/samen-leren/{id}", bound);
    }
}
