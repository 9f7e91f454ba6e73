using Klimrek.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Atlas;

public sealed class IndexModel(AtlasCache cache, KlimrekDbContext db) : PageModel
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
            var snapshot = await cache.GetAsync(ct);
            var ids = await db.ProfileRevisions.Select(r => r.OccupationId).Distinct().ToListAsync(ct);
            Curated = ids.Where(snapshot.Occupations.ContainsKey).Select(i => snapshot.Occupations[i])
                .OrderBy(o => o.Label(Language, out _), StringComparer.CurrentCultureIgnoreCase).ToList();
        }
    }
}
