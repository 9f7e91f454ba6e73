using Klimrek.Features.Esco;
namespace Klimrek.Features.Atlas;

public sealed record OccupationHit(OccupationSummary Occupation, LocalizedText Label, string? MatchedLabel, string? MatchedLanguage, double? Score);

public sealed record OccupationSearchResult(string Query, int Total, int Page, int PageSize, IReadOnlyList<OccupationHit> Items)
{
    public int PageCount => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

/// <summary>Search over all occupation labels (the in-memory index), or the alphabetical list when the query is empty.</summary>
public static class AtlasSearch
{
    public const int MaxQueryLength = 200;
    public const int MaxPageSize = 100;

    public static async Task<OccupationSearchResult> SearchAsync(EscoCatalogue cache, string? query, int page, int pageSize, string language, CancellationToken ct)
    {
        var snapshot = await cache.GetAsync(ct);
        var q = (query ?? "").Trim();
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        if (q.Length == 0)
        {
            var items = snapshot.Alphabetical.Skip((page - 1) * pageSize).Take(pageSize)
                .Select(o => new OccupationHit(o, o.LocalLabel(language), null, null, null)).ToList();
            return new OccupationSearchResult(q, snapshot.Alphabetical.Count, page, pageSize, items);
        }
        var result = snapshot.OccupationSearch.Search(q, (page - 1) * pageSize, pageSize, language);
        var hits = result.Hits
            .Where(h => snapshot.Occupations.ContainsKey(h.Key))
            .Select(h =>
            {
                var o = snapshot.Occupations[h.Key];
                return new OccupationHit(o, o.LocalLabel(language), h.MatchedLabel, h.Language, Math.Round(h.Score, 4));
            }).ToList();
        return new OccupationSearchResult(q, result.Total, page, pageSize, hits);
    }
}
