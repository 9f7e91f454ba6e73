using Klimrek.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Accounts.Admin;

public sealed class OrganisationsModel(KlimrekDbContext db, TimeProvider clock) : PageModel
{
    public List<Organisation> Organisations { get; private set; } = [];
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public OrganisationKind Kind { get; set; } = OrganisationKind.Werkgever;
    public string? Error { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Organisations = await db.Organisations.OrderBy(o => o.Name).ToListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var name = Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
            Error = "Geef de organisatie een naam van 1 tot 200 tekens.";
        else if (!Enum.IsDefined(Kind))
            Error = "Kies een soort organisatie.";
        else if (await db.Organisations.AnyAsync(o => o.Name == name, ct))
            Error = "Er is al een organisatie met deze naam.";
        if (Error is null)
        {
            db.Organisations.Add(new Organisation { Name = name, Kind = Kind, CreatedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
            Message = $"Organisatie ‘{name}’ is toegevoegd.";
            Name = null;
        }
        Organisations = await db.Organisations.OrderBy(o => o.Name).ToListAsync(ct);
        return Page();
    }
}
