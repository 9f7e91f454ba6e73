using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Accounts.Admin;

/// <summary>
/// Beheerders give roles, an origin (for curators) and an organisation to accounts, and block or unblock them. A role
/// change and a block end the account's existing sessions (<see cref="SessionRevocation"/>): the new roles count from
/// its next sign-in.
/// </summary>
public sealed class UsersModel(UserManager<KlimrekUser> users, SignInManager<KlimrekUser> signIn, SessionRevocation sessions, KlimrekDbContext db,
    Klimrek.Infrastructure.Privacy.AccessLog log)
    : PageModel
{
    public sealed record Row(KlimrekUser User, IList<string> Roles);
    public List<Row> Rows { get; } = [];
    public List<Organisation> Organisations { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Organisations = await db.Organisations.OrderBy(o => o.Name).ToListAsync(ct);
        foreach (var u in await users.Users.Include(u => u.Organisation).OrderBy(u => u.Email).Take(500).ToListAsync(ct))
            Rows.Add(new Row(u, await users.GetRolesAsync(u)));
    }

    public async Task<IActionResult> OnPostAsync(string userId, List<string>? roles, string? origin, int? organisationId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId ?? "");
        if (user is null) return NotFound();
        var wanted = (roles ?? []).Where(r => Roles.All.Contains(r)).ToHashSet();
        if ((roles ?? []).Any(r => !Roles.All.Contains(r)))
        {
            Error = "Onbekende rol; er is niets gewijzigd.";
            await LoadAsync(ct);
            return Page();
        }
        var me = users.GetUserId(User);
        if (user.Id == me && !wanted.Contains(Roles.Beheerder))
        {
            Error = "Je kunt je eigen beheerdersrol niet intrekken; er is niets gewijzigd.";
            await LoadAsync(ct);
            return Page();
        }
        if (organisationId is int oid && !await db.Organisations.AnyAsync(o => o.Id == oid, ct))
        {
            Error = "Onbekende organisatie; er is niets gewijzigd.";
            await LoadAsync(ct);
            return Page();
        }
        var current = await users.GetRolesAsync(user);
        var rolesChanged = !wanted.SetEquals(current);
        await users.RemoveFromRolesAsync(user, current.Except(wanted));
        await users.AddToRolesAsync(user, wanted.Except(current));
        user.Origin = OriginLabels.TryParse(origin, out var o) ? o : null;
        user.OrganisationId = organisationId;
        await users.UpdateAsync(user);
        if (rolesChanged)
        {
            await EndSessionsAsync(user, me);
            await log.RecordAsync(User, user.Id, AccessKind.RolesChanged, string.Join(", ", wanted.Order(StringComparer.Ordinal)), ct);
        }
        Message = $"De gegevens van {user.Email} zijn bijgewerkt.";
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Blocks the account until a beheerder unblocks it, and ends its sessions.</summary>
    public async Task<IActionResult> OnPostLockAsync(string userId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId ?? "");
        if (user is null) return NotFound();
        if (user.Id == users.GetUserId(User))
        {
            Error = "Je kunt je eigen account niet blokkeren; er is niets gewijzigd.";
            await LoadAsync(ct);
            return Page();
        }
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await sessions.RevokeAsync(user);
        await log.RecordAsync(User, user.Id, AccessKind.AccountLocked, "geblokkeerd", ct);
        Message = $"{user.Email} is geblokkeerd en overal uitgelogd.";
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUnlockAsync(string userId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId ?? "");
        if (user is null) return NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await log.RecordAsync(User, user.Id, AccessKind.AccountLocked, "gedeblokkeerd", ct);
        Message = $"{user.Email} is niet meer geblokkeerd.";
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Ends the account's sessions; a beheerder who changed their own roles stays signed in with the new ones.</summary>
    private async Task EndSessionsAsync(KlimrekUser user, string? me)
    {
        await sessions.RevokeAsync(user);
        if (user.Id == me) await signIn.RefreshSignInAsync(user);
    }
}
