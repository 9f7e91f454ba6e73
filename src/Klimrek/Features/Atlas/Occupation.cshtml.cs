using Klimrek.Features.Esco;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Klimrek.Features.Atlas;

[OutputCache(PolicyName = CatalogueOutputCache.Policy)]
public sealed class OccupationModel(AtlasQueries queries) : PageModel
{
    public OccupationDetail Occupation { get; private set; } = null!;
    public string Language { get; private set; } = "nl";
    public bool CanEdit { get; private set; }
    /// <summary>What the last action said (a curator's save), shown once after the redirect back to this page.</summary>
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        Language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nl";
        var resolved = await queries.ResolveAsync(id, ct);
        if (resolved is not int oid) return NotFound();
        var detail = await queries.GetAsync(oid, Language, ct);
        if (detail is null) return NotFound();
        Occupation = detail;
        CanEdit = User.IsInRole(Infrastructure.Roles.Curator) || User.IsInRole(Infrastructure.Roles.Beheerder);
        return Page();
    }
}
