using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Klimrek.Features.Career;

/// <summary>Public: one move between two occupations in full. Output-cached for visitors per catalogue version, like the atlas.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Klimrek.Features.Esco.CatalogueOutputCache.Policy)]
public sealed class TransitionPageModel(TransitionService service) : PageModel
{
    public TransitionView View { get; private set; } = null!;
    public string FromName { get; private set; } = "";
    public int FromId { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string target, CancellationToken ct)
    {
        var s = await service.SnapshotAsync(ct);
        if (s.Catalogue.ResolveOccupation(id) is not int fromDb || s.Catalogue.ResolveOccupation(target) is not int toDb) return NotFound();
        if (!s.OccupationIndex.TryGetValue(fromDb, out var from) || !s.OccupationIndex.TryGetValue(toDb, out var to)) return NotFound();
        var source = TransitionService.FromOccupation(s, from, TransitionsPageModel.Language);
        FromName = source.Name;
        FromId = fromDb;
        View = await service.DescribeAsync(source, to, TransitionsPageModel.Language, ct);
        return Page();
    }
}
