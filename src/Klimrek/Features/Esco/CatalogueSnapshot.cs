using Klimrek.Core.Atlas;
using Klimrek.Core.Search;
using System.Collections.Frozen;

namespace Klimrek.Features.Esco;

/// <summary>
/// A label or text in the requested language, or the other language when missing (marked as fallback).
/// <paramref name="IsUnofficial"/>: a Dutch skill label of our own, not ESCO's (<see cref="UnofficialSkillLabels"/>).
/// </summary>
public sealed record LocalizedText(string Text, string Language, bool IsFallback, bool IsUnofficial = false);

/// <summary>An occupation as search results and lists show it, without a database round trip.</summary>
public sealed record OccupationSummary(int Id, string Uri, string? IscoCode, string? LabelNl, string? LabelEn)
{
    public string Uuid => Uri[(Uri.LastIndexOf('/') + 1)..];

    /// <summary>The label in the UI language, falling back to the other language (<paramref name="isFallback"/>).</summary>
    public string Label(string language, out bool isFallback)
    {
        var (first, second) = language == "en" ? (LabelEn, LabelNl) : (LabelNl, LabelEn);
        isFallback = first is null;
        return first ?? second ?? Uri;
    }

    /// <summary>The label in <paramref name="language"/>, marked as fallback when it is the other language's.</summary>
    public LocalizedText LocalLabel(string language)
    {
        var text = Label(language, out var fallback);
        return new LocalizedText(text, fallback ? (language == "en" ? "nl" : "en") : language, fallback);
    }
}

/// <summary>
/// A skill (or skill group) with its Dutch and English preferred labels. The Dutch one is ESCO's where ESCO has one,
/// else our own (<paramref name="LabelNlUnofficial"/>), so that every skill reads in Dutch.
/// </summary>
public sealed record SkillInfo(int Id, string Uri, string? LabelNl, string? LabelEn, string? SkillType, bool IsGroup, bool LabelNlUnofficial = false)
{
    public LocalizedText Label(string language)
    {
        var preferred = language == "en" ? LabelEn : LabelNl;
        if (preferred is not null) return new LocalizedText(preferred, language, false, language != "en" && LabelNlUnofficial);
        var other = language == "en" ? LabelNl : LabelEn;
        return new LocalizedText(other ?? Uri, language == "en" ? "nl" : "en", true, language == "en" && other is not null && LabelNlUnofficial);
    }
}

/// <summary>An ISCO-08 group with its parent group and labels.</summary>
public sealed record IscoGroupInfo(int Id, string Uri, string Code, int? ParentId, string? LabelNl, string? LabelEn)
{
    public LocalizedText Label(string language)
    {
        var preferred = language == "en" ? LabelEn : LabelNl;
        if (preferred is not null) return new LocalizedText(preferred, language, false);
        var other = language == "en" ? LabelNl : LabelEn;
        return new LocalizedText(other ?? Code, language == "en" ? "nl" : "en", true);
    }
}

/// <summary>One ESCO occupation–skill requirement.</summary>
public readonly record struct OccupationRequirement(int OccupationId, int SkillId, bool IsEssential);

/// <summary>
/// The imported ESCO classification in memory, immutable: occupations (summaries, alphabetical list, label search),
/// skills (by id and URI, labels, search, hierarchy neighbours, body aspects), ISCO groups and the relations the
/// transition model is built from. One snapshot per import; <see cref="Version"/> also moves on every curated change,
/// so read models derived from the catalogue and the curated beroepsbeelden can key their caches on it.
/// </summary>
public sealed record CatalogueSnapshot
{
    /// <summary>The shared catalogue version (database row bumped by every import and curated change).</summary>
    public required long Version { get; init; }
    /// <summary>The ESCO import this snapshot was built from (0: nothing imported yet).</summary>
    public required int ImportId { get; init; }
    /// <summary>The newest curator's correction of a Dutch skill label built in (0: none); a newer one rebuilds the snapshot.</summary>
    public long LabelRevision { get; init; }
    public required FrozenDictionary<int, OccupationSummary> Occupations { get; init; }
    public required FrozenDictionary<string, int> OccupationByUri { get; init; }
    /// <summary>Occupation ids by broader occupation id (the ESCO occupation hierarchy, one step down).</summary>
    public required FrozenDictionary<int, int[]> NarrowerOccupations { get; init; }
    public required FrozenDictionary<int, int> BroaderOccupation { get; init; }
    public required FrozenDictionary<int, int> OccupationIscoGroup { get; init; }
    public required IReadOnlyList<OccupationSummary> Alphabetical { get; init; }
    public required LabelSearchIndex OccupationSearch { get; init; }
    public required FrozenDictionary<int, SkillInfo> Skills { get; init; }
    public required FrozenDictionary<string, int> SkillByUri { get; init; }
    /// <summary>Per skill id: the skills one step up or down the ESCO skill hierarchy (broader and narrower).</summary>
    public required FrozenDictionary<int, int[]> SkillNeighbours { get; init; }
    /// <summary>Real skills (not groups) by their Dutch and English preferred and alternative labels.</summary>
    public required LabelSearchIndex SkillSearch { get; init; }
    public required FrozenDictionary<int, BodyAspect> SkillAspects { get; init; }
    public required FrozenDictionary<int, IscoGroupInfo> IscoGroups { get; init; }
    /// <summary>Occupation–skill requirements, ordered by occupation then skill.</summary>
    public required OccupationRequirement[] Requirements { get; init; }
    /// <summary>Skill hierarchy pairs (skill, broader skill or group).</summary>
    public required (int SkillId, int BroaderId)[] SkillBroader { get; init; }
    /// <summary>ESCO skill–skill relations (skill, related skill).</summary>
    public required (int SkillId, int RelatedId)[] SkillRelated { get; init; }

    public const string OccupationUriPrefix = "http://data.europa.eu/esco/occupation/";

    /// <summary>Resolves a database id, an ESCO concept URI or its UUID to the occupation id; null when unknown.</summary>
    public int? ResolveOccupation(string? idOrUri)
    {
        if (string.IsNullOrWhiteSpace(idOrUri) || idOrUri.Length > 400) return null;
        // A URI in a path segment arrives with its slashes still escaped (%2F): routing never decodes those.
        if (idOrUri.Contains('%')) idOrUri = Uri.UnescapeDataString(idOrUri);
        if (int.TryParse(idOrUri, System.Globalization.CultureInfo.InvariantCulture, out var id))
            return Occupations.ContainsKey(id) ? id : null;
        string uri;
        if (Guid.TryParse(idOrUri, out var guid)) uri = OccupationUriPrefix + guid.ToString("D");
        else if (idOrUri.StartsWith(OccupationUriPrefix, StringComparison.OrdinalIgnoreCase)) uri = OccupationUriPrefix + idOrUri[OccupationUriPrefix.Length..];
        else return null;
        return OccupationByUri.TryGetValue(uri, out var found) ? found : null;
    }

    /// <summary>The ISCO path from the major group down to the occupation's unit group.</summary>
    public IReadOnlyList<IscoGroupInfo> IscoPath(int occupationId)
    {
        var path = new List<IscoGroupInfo>();
        int? id = OccupationIscoGroup.TryGetValue(occupationId, out var g) ? g : null;
        for (int guard = 0; id is int gid && guard < 6 && IscoGroups.TryGetValue(gid, out var group); guard++)
        {
            path.Insert(0, group);
            id = group.ParentId;
        }
        return path;
    }
}
