using Klimrek.Features.Esco;

namespace Klimrek.Features.Atlas;

/// <summary>One skill found: its label in the asked language (Dutch: ESCO's, else ours marked unofficial) and the label that matched.</summary>
public sealed record SkillHit(SkillInfo Skill, LocalizedText Label, string MatchedLabel, double Score);

public sealed record SkillSearchResult(string Query, int Total, int Page, int PageSize, IReadOnlyList<SkillHit> Items);

/// <summary>
/// Search over the skills (not the groups) by every label the catalogue indexes: ESCO's Dutch and English preferred
/// and alternative labels, and our own Dutch labels and synonyms where ESCO has no Dutch label. Exact and
/// preferred-label matches rank first (<see cref="Klimrek.Core.Search.LabelSearchIndex"/>).
/// </summary>
public static class SkillSearch
{
    public const int MaxQueryLength = 200;
    public const int MaxPageSize = 100;

    public static async Task<SkillSearchResult> SearchAsync(EscoCatalogue cache, string? query, int page, int pageSize, string language, CancellationToken ct)
    {
        var snapshot = await cache.GetAsync(ct);
        var q = (query ?? "").Trim();
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        if (q.Length == 0) return new SkillSearchResult(q, 0, page, pageSize, []);
        var result = snapshot.SkillSearch.Search(q, (page - 1) * pageSize, pageSize, language);
        var items = result.Hits.Where(h => snapshot.Skills.ContainsKey(h.Key))
            .Select(h => new SkillHit(snapshot.Skills[h.Key], snapshot.Skills[h.Key].Label(language), h.MatchedLabel, Math.Round(h.Score, 4)))
            .ToList();
        return new SkillSearchResult(q, result.Total, page, pageSize, items);
    }
}
