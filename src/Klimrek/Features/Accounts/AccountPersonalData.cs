using Klimrek.Data;
using Klimrek.Infrastructure.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Accounts;

/// <summary>The account itself: address, name, organisation, roles, sign-in settings. It is deleted last by the erase.</summary>
internal sealed class AccountPersonalData(KlimrekDbContext db, UserManager<KlimrekUser> users) : IPersonalDataPart
{
    public string Area => "account";

    public async Task<object?> ExportAsync(DataSubject subject, CancellationToken ct)
    {
        var u = await db.Users.AsNoTracking().Include(x => x.Organisation).FirstAsync(x => x.Id == subject.UserId, ct);
        return new
        {
            u.Email, emailConfirmed = u.EmailConfirmed, displayName = u.DisplayName, createdAt = u.CreatedAt,
            organisation = u.Organisation?.Name, origin = u.Origin, roles = await users.GetRolesAsync(u),
            twoFactorEnabled = u.TwoFactorEnabled, lockedUntil = u.LockoutEnd, language = u.Language,
            invitationsYouSent = await db.AccountInvitations.AsNoTracking().Where(i => i.InvitedById == u.Id)
                .Select(i => new { i.Email, i.Title, i.CreatedAt, i.ExpiresAt }).ToListAsync(ct),
        };
    }

    /// <summary>
    /// Invitations to the person's address go; invitations they sent stay for the invitee, without the inviter. Identity
    /// deletes the account's roles, claims, tokens and logins with it (PersonalDataService deletes the account last).
    /// </summary>
    public async Task EraseAsync(DataSubject subject, CancellationToken ct)
    {
        var email = await db.Users.Where(u => u.Id == subject.UserId).Select(u => u.NormalizedEmail).FirstAsync(ct);
        await db.AccountInvitations.Where(i => i.NormalizedEmail == email).ExecuteDeleteAsync(ct);
        await db.AccountInvitations.Where(i => i.InvitedById == subject.UserId)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.InvitedById, (string?)null), ct);
    }
}
