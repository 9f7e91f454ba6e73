using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Accounts.Admin;

/// <summary>Beheerders give roles, an origin (for curators) and an organisation to accounts.</summary>
public sealed class UsersModel(UserManager<KlimrekUser> users, KlimrekDbContext db) : PageModel
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
        await users.RemoveFromRolesAsync(user, current.Except(wanted));
        await users.AddToRolesAsync(user, wanted.Except(current));
        user.Origin = OriginLabels.TryParse(origin, out var o) ? o : null;
        user.OrganisationId = organisationId;
        await users.UpdateAsync(user);
        Message = $"De gegevens van {user.Email} zijn bijgewerkt.";
        await LoadAsync(ct);
        return Page();
    }
}
