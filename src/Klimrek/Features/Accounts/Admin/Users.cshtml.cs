using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Klimrek.Features.Accounts.Admin;

/// <summary>
/// Beheerders give roles, an origin (for curators) and an organisation to accounts, and block or unblock them. A role
/// change and a block end the account's existing sessions (<see cref="SessionRevocation"/>): the new roles count from
/// its next sign-in. The list is searched by name or e-mail address and shown <see cref="PageSize"/> accounts at a time
/// (thousands of accounts make one page unusable).
/// </summary>
public sealed class UsersModel(UserManager<KlimrekUser> users, SignInManager<KlimrekUser> signIn, SessionRevocation sessions, KlimrekDbContext db,
    Klimrek.Infrastructure.Privacy.AccessLog log, IStringLocalizer<SharedResource> l)
    : PageModel
{
    public const int PageSize = 50;
    public const int MaxQueryLength = 200;

    public sealed record Row(KlimrekUser User, IList<string> Roles);
    public List<Row> Rows { get; } = [];
    public List<Organisation> Organisations { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    /// <summary>Part of a name or e-mail address (any case); empty lists everyone.</summary>
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }

    /// <summary>The page of the list (1-based); out of range shows the nearest page.</summary>
    [BindProperty(SupportsGet = true, Name = "pagina")] public int PageNumber { get; set; } = 1;
    public int Total { get; private set; }
    public int Pages { get; private set; } = 1;

    /// <summary>The list's address for another page, keeping the search.</summary>
    public string PageUrl(int page) => "/beheer/gebruikers?" + (string.IsNullOrEmpty(Query) ? "" : "q=" + Uri.EscapeDataString(Query) + "&") + "pagina=" + page;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Organisations = await db.Organisations.OrderBy(o => o.Name).ToListAsync(ct);
        Query = Query?.Trim() is { Length: > 0 } q ? q[..Math.Min(q.Length, MaxQueryLength)] : null;
        var list = users.Users.AsQueryable();
        if (Query is not null)
        {
            // Upper case on both sides: the same case-insensitive match on SQLite and PostgreSQL (Contains is
            // translated without LIKE, so % and _ in the search are plain characters).
            var upper = Query.ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862, MA0011 // translated to SQL upper(): no .NET culture is involved
            list = list.Where(u => u.NormalizedEmail!.Contains(upper) || u.DisplayName.ToUpper().Contains(upper));
#pragma warning restore CA1304, CA1311, CA1862, MA0011
        }
        Total = await list.CountAsync(ct);
        Pages = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var page = await list.Include(u => u.Organisation).OrderBy(u => u.Email).ThenBy(u => u.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        // The roles of the whole page in one query (not one per account).
        var ids = page.Select(u => u.Id).ToList();
        var roles = (await db.UserRoles.Where(ur => ids.Contains(ur.UserId)).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct)).ToLookup(x => x.UserId, x => x.Name!);
        foreach (var u in page)
            Rows.Add(new Row(u, roles[u.Id].ToList()));
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
        Message = l["De gegevens van {0} zijn bijgewerkt.", user.Email!].Value;
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
        Message = l["{0} is geblokkeerd en overal uitgelogd.", user.Email!].Value;
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
        Message = l["{0} is niet meer geblokkeerd.", user.Email!].Value;
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
