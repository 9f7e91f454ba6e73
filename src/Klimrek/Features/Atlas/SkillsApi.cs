using Klimrek.Features.Esco;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Klimrek.Features.Atlas;

/// <summary>
/// <c>/api/v1/skills</c>: skill search, public like the occupation atlas (anonymous read of the ESCO data). Each item
/// says in which language its label is and whether it is ESCO's (<c>official</c>) or our own Dutch translation.
/// </summary>
public static class SkillsApi
{
    public static RouteGroupBuilder MapSkillsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/skills").WithTags("Skills").AllowAnonymous().CacheOutput(CatalogueOutputCache.ApiPolicy);
        g.MapGet("/", Search).WithName("SearchSkills")
            .WithSummary("Search skills by Dutch or English label or synonym (official ESCO labels and Klimrek's own Dutch translations); ranked, paged. q is required.");
        return api;
    }

    /// <summary>A skill found. <c>official</c> is false when <c>label</c> is Klimrek's own Dutch translation, not ESCO's.</summary>
    public sealed record SkillSearchItem(int Id, string Uri, string Label, string LabelLanguage, bool Official, string? SkillType, string MatchedLabel, double Score);
    public sealed record SkillSearchResponse(string Query, int Total, int Page, int PageSize, IReadOnlyList<SkillSearchItem> Items);

    private static async Task<Results<Ok<SkillSearchResponse>, ValidationProblem>> Search(
        EscoCatalogue cache, string? q, int? page, int? pageSize, string? lang, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(q))
            errors["q"] = ["q is required: the words to look for."];
        else if (q.Length > SkillSearch.MaxQueryLength)
            errors["q"] = [$"The query is longer than {SkillSearch.MaxQueryLength} characters."];
        if (page is < 1 or > 100_000)
            errors["page"] = ["page must be between 1 and 100000."];
        if (pageSize is < 1 or > SkillSearch.MaxPageSize)
            errors["pageSize"] = [$"pageSize must be between 1 and {SkillSearch.MaxPageSize}."];
        if (lang is not null and not ("nl" or "en"))
            errors["lang"] = ["lang must be 'nl' or 'en'."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var r = await SkillSearch.SearchAsync(cache, q, page ?? 1, pageSize ?? 20, lang ?? "nl", ct);
        return TypedResults.Ok(new SkillSearchResponse(r.Query, r.Total, r.Page, r.PageSize,
            r.Items.Select(h => new SkillSearchItem(h.Skill.Id, h.Skill.Uri, h.Label.Text, h.Label.Language, !h.Label.IsUnofficial,
                h.Skill.SkillType, h.MatchedLabel, h.Score)).ToList()));
    }
}
