using Klimrek.Data;
using Klimrek.Features.Atlas;
using Klimrek.Features.Curation;
using Klimrek.Features.Esco;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Klimrek.Features.Curation;

public sealed class HistoryModel(EscoCatalogue cache, AtlasQueries queries, CurationService curation) : PageModel
{
    public OccupationSummary Occupation { get; private set; } = null!;
    public List<ProfileRevision> Revisions { get; private set; } = [];
    public ProfileRevision? Selected { get; private set; }
    public ProfileRevision? Previous { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, long? revision, CancellationToken ct)
    {
        if (await queries.ResolveAsync(id, ct) is not int oid) return NotFound();
        Occupation = (await cache.GetAsync(ct)).Occupations[oid];
        if (revision is long rid)
        {
            Selected = await curation.RevisionAsync(oid, rid, ct);
            if (Selected is null) return NotFound();
            Previous = await curation.PreviousAsync(Selected, ct);
        }
        else
        {
            Revisions = await curation.HistoryAsync(oid, ct);
        }
        return Page();
    }
}
