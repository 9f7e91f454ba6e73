using Klimrek.Core.Atlas;
using Klimrek.Features.Esco;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Klimrek.Features.Atlas;

/// <summary>
/// <c>/api/v1/occupations</c>: the occupation atlas is public (anonymous read), as the ESCO data and the curated
/// images are meant as a common good.
/// </summary>
public static class AtlasApi
{
    public static RouteGroupBuilder MapAtlasApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/occupations").WithTags("Occupations").AllowAnonymous().CacheOutput(CatalogueOutputCache.ApiPolicy);
        g.MapGet("/", Search).WithName("SearchOccupations")
            .WithSummary("Search occupations by Dutch or English (alternative) label; typo-tolerant, ranked, paged. Without q: alphabetical list.");
        g.MapGet("/{id}", Get).WithName("GetOccupation")
            .WithSummary("One occupation by database id, ESCO concept URI or its UUID, with skills and curated beroepsbeeld.");
        return api;
    }

    public sealed record SearchItem(int Id, string Uri, string Uuid, string Label, string LabelLanguage, string? IscoCode, string? MatchedLabel, double? Score);
    public sealed record SearchResponse(string Query, int Total, int Page, int PageSize, IReadOnlyList<SearchItem> Items);

    private static async Task<Results<Ok<SearchResponse>, ValidationProblem>> Search(
        EscoCatalogue cache, string? q, int? page, int? pageSize, string? lang, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (q is { Length: > AtlasSearch.MaxQueryLength })
            errors["q"] = [$"The query is longer than {AtlasSearch.MaxQueryLength} characters."];
        if (page is < 1 or > 100_000)
            errors["page"] = ["page must be between 1 and 100000."];
        if (pageSize is < 1 or > AtlasSearch.MaxPageSize)
            errors["pageSize"] = [$"pageSize must be between 1 and {AtlasSearch.MaxPageSize}."];
        if (lang is not null and not ("nl" or "en"))
            errors["lang"] = ["lang must be 'nl' or 'en'."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var language = lang ?? "nl";
        var r = await AtlasSearch.SearchAsync(cache, q, page ?? 1, pageSize ?? 20, language, ct);
        return TypedResults.Ok(new SearchResponse(r.Query, r.Total, r.Page, r.PageSize,
            r.Items.Select(h => new SearchItem(h.Occupation.Id, h.Occupation.Uri, h.Occupation.Uuid, h.Label.Text, h.Label.Language,
                h.Occupation.IscoCode, h.MatchedLabel, h.Score)).ToList()));
    }

    public sealed record LabelSet(IReadOnlyDictionary<string, string> Preferred, IReadOnlyDictionary<string, IReadOnlyList<string>> Alternative);
    public sealed record RefDto(int Id, string Uri, string? Code, string Label, string LabelLanguage);
    /// <summary>A skill of the occupation; <c>Official</c> is false when the label is Klimrek's own Dutch translation.</summary>
    public sealed record SkillDto(string Uri, string Label, string LabelLanguage, bool Official, string? SkillType, string? ReuseLevel, string Aspect);
    public sealed record SectionDto(string Content, int Version, string Author, string Origin, DateTime UpdatedAt);
    public sealed record CuratedDto(
        IReadOnlyDictionary<string, SectionDto> Aspects, SectionDto? ClassicImage, SectionDto? CurrentImage,
        IReadOnlyList<Shift> Shifts, IReadOnlyList<Story> Stories, IReadOnlyList<Development> Developments, IReadOnlyList<SourceReference> Sources);
    public sealed record OccupationResponse(
        int Id, string Uri, string Uuid, string? Code, string Label, string LabelLanguage, LabelSet Labels,
        IReadOnlyDictionary<string, string> Description, RefDto? IscoGroup, RefDto? Broader, IReadOnlyList<RefDto> Narrower,
        IReadOnlyList<SkillDto> EssentialSkills, IReadOnlyList<SkillDto> OptionalSkills, CuratedDto Curated);

    private static async Task<Results<Ok<OccupationResponse>, ProblemHttpResult>> Get(string id, string? lang, AtlasQueries queries, CancellationToken ct)
    {
        var language = lang == "en" ? "en" : "nl";
        var resolved = await queries.ResolveAsync(id, ct);
        var d = resolved is int oid ? await queries.GetAsync(oid, language, ct) : null;
        if (d is null)
            return TypedResults.Problem(statusCode: 404, title: "Occupation not found",
                detail: "No occupation has this id, ESCO concept URI or UUID.");

        static RefDto Ref(ConceptRef r) => new(r.Id, r.Uri, r.Code, r.Label.Text, r.Label.Language);
        static SkillDto Skill(SkillItem s) => new(s.Uri, s.Label.Text, s.Label.Language, !s.Label.IsUnofficial, s.SkillType, s.ReuseLevel, s.Aspect.Key());
        SectionDto? Section(string key) => d.Curated.TryGetValue(key, out var s)
            ? new SectionDto(s.Content, s.Version, s.AuthorName, s.Origin.ToString().ToLowerInvariant(), s.CreatedAt) : null;

        var curated = new CuratedDto(
            BodyAspects.All.Select(a => (a.Key(), Section(a.Key()))).Where(x => x.Item2 is not null).ToDictionary(x => x.Item1, x => x.Item2!),
            Section(ImageSections.Klassiek), Section(ImageSections.Actueel),
            d.CuratedList<Shift>(ImageSections.Verschuivingen), d.CuratedList<Story>(ImageSections.Verhalen),
            d.CuratedList<Development>(ImageSections.Ontwikkelingen), d.CuratedList<SourceReference>(ImageSections.Bronnen));

        return TypedResults.Ok(new OccupationResponse(d.Id, d.Uri, d.Uuid, d.Code, d.Label.Text, d.Label.Language,
            new LabelSet(d.PreferredLabels, d.AltLabels), d.Descriptions,
            d.IscoGroup is null ? null : Ref(d.IscoGroup), d.Broader is null ? null : Ref(d.Broader), d.Narrower.Select(Ref).ToList(),
            d.Skills.Where(s => s.IsEssential).Select(Skill).ToList(), d.Skills.Where(s => !s.IsEssential).Select(Skill).ToList(), curated));
    }
}
