using Klimrek.Data;
using Klimrek.Features.Esco;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Atlas;

[OutputCache(PolicyName = CatalogueOutputCache.Policy)]
public sealed class IndexModel(EscoCatalogue cache, KlimrekDbContext db) : PageModel
{
    public string? Q { get; private set; }
    public OccupationSearchResult? Result { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyList<OccupationSummary> Curated { get; private set; } = [];
    public string Language { get; private set; } = "nl";

    public async Task OnGetAsync(string? q, int p = 1, CancellationToken ct = default)
    {
        Language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nl";
        Q = q;
        if (q is { Length: > AtlasSearch.MaxQueryLength })
        {
            Error = "TooLong";
            return;
        }
        if (Request.Path.StartsWithSegments("/beroepen") || !string.IsNullOrWhiteSpace(q))
            Result = await AtlasSearch.SearchAsync(cache, q, p, 20, Language, ct);
        else
        {
            // Straight from the database rather than the atlas cache, so the home page never waits for the
            // search index that is built in the background after start.
            var curatedIds = db.ProfileRevisions.Select(r => r.OccupationId).Distinct();
            var occupations = await db.Occupations.AsNoTracking().Where(o => curatedIds.Contains(o.Id))
                .Select(o => new { o.Id, o.Uri, o.IscoCode }).ToListAsync(ct);
            var labels = await db.OccupationTexts.AsNoTracking()
                .Where(t => curatedIds.Contains(t.OccupationId) && (t.Language == "nl" || t.Language == "en"))
                .Select(t => new { t.OccupationId, t.Language, t.PreferredLabel }).ToListAsync(ct);
            string? LabelOf(int id, string lang) => labels.FirstOrDefault(l => l.OccupationId == id && l.Language == lang)?.PreferredLabel;
            Curated = occupations.Select(o => new OccupationSummary(o.Id, o.Uri, o.IscoCode, LabelOf(o.Id, "nl"), LabelOf(o.Id, "en")))
                .OrderBy(o => o.Label(Language, out _), StringComparer.CurrentCultureIgnoreCase).ToList();
        }
    }
}
