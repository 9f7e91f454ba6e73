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
            twoFactorEnabled = u.TwoFactorEnabled, lockedUntil = u.LockoutEnd,
        };
    }

    // Identity deletes the account's roles, claims, tokens and logins with it (PersonalDataService deletes the account).
    public Task EraseAsync(DataSubject subject, CancellationToken ct) => Task.CompletedTask;
}
