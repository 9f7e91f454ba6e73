using Klimrek.Core.Transitions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Klimrek.Features.Career;

/// <summary>Public: the moves from one occupation, filtered, best first. Output-cached for visitors per catalogue version, like the atlas.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Klimrek.Features.Esco.CatalogueOutputCache.Policy)]
public sealed class TransitionsPageModel(TransitionService service) : PageModel
{
    public string FromName { get; private set; } = "";
    public int FromId { get; private set; }
    public string? FromSector { get; private set; }
    public IReadOnlyList<TransitionView> Items { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public string? Scope { get; set; }
    [BindProperty(SupportsGet = true)] public string? Isco { get; set; }
    /// <summary>"up", "level" or "down" (<see cref="TransitionFilter.Direction"/>); empty: every move, steps down last.</summary>
    [BindProperty(SupportsGet = true)] public string? Richting { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var language = Language;
        var s = await service.SnapshotAsync(ct);
        if (s.Catalogue.ResolveOccupation(id) is not int dbId || !s.OccupationIndex.TryGetValue(dbId, out var index)) return NotFound();
        FromId = dbId;
        var source = TransitionService.FromOccupation(s, index, language);
        FromName = source.Name;
        FromSector = s.SectorOf(index);
        if (Sector == "") Sector = null;
        if (Scope == "") Scope = null;
        if (Richting == "") Richting = null;
        if (string.IsNullOrWhiteSpace(Isco)) Isco = null; else Isco = Isco.Trim();
        var filter = new TransitionFilter(Sector, Isco, Scope, 20, Richting);
        if (filter.Validate().Count > 0)
        {
            Error = "Dit filter bestaat niet; alle overstappen worden getoond.";
            Sector = Scope = Isco = Richting = null;
            filter = new TransitionFilter();
        }
        Items = await service.TransitionsAsync(source, filter, language, ct);
        return Page();
    }

    public static string Language => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nl";
}
