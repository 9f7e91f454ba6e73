using System.Text.Json;
using Klimrek.Core.Atlas;
using Klimrek.Data;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Atlas;

/// <summary>A label or text in the requested language, or the other language when missing (marked as fallback).</summary>
public sealed record LocalizedText(string Text, string Language, bool IsFallback);

public sealed record ConceptRef(int Id, string Uri, string? Code, LocalizedText Label);

public sealed record SkillItem(int Id, string Uri, LocalizedText Label, string? SkillType, string? ReuseLevel, bool IsEssential, BodyAspect Aspect, EscoCollections Collections);

public sealed record CuratedSection(long RevisionId, string Key, int Version, string Content, string AuthorName, ContributorOrigin Origin, DateTime CreatedAt, bool IsDemo);

public sealed class OccupationDetail
{
    public required int Id { get; init; }
    public required string Uri { get; init; }
    public string Uuid => Uri[(Uri.LastIndexOf('/') + 1)..];
    public string? Code { get; init; }
    public required LocalizedText Label { get; init; }
    public IReadOnlyDictionary<string, string> PreferredLabels { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AltLabels { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public LocalizedText? Description { get; init; }
    public IReadOnlyDictionary<string, string> Descriptions { get; init; } = new Dictionary<string, string>();
    public ConceptRef? IscoGroup { get; init; }
    public IReadOnlyList<ConceptRef> IscoPath { get; init; } = [];
    public ConceptRef? Broader { get; init; }
    public IReadOnlyList<ConceptRef> Narrower { get; init; } = [];
    public IReadOnlyList<SkillItem> Skills { get; init; } = [];
    public IReadOnlyDictionary<string, CuratedSection> Curated { get; init; } = new Dictionary<string, CuratedSection>();

    public IEnumerable<SkillItem> SkillsOn(BodyAspect aspect) => Skills.Where(s => s.Aspect == aspect);
    public string? CuratedText(string key) => Curated.TryGetValue(key, out var s) && s.Content.Length > 0 ? s.Content : null;
    public IReadOnlyList<T> CuratedList<T>(string key) => CuratedContent.ReadList<T>(Curated.GetValueOrDefault(key)?.Content);
}

public static class CuratedContent
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public static IReadOnlyList<T> ReadList<T>(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try { return JsonSerializer.Deserialize<List<T>>(json, Json) ?? []; }
        catch (JsonException) { return []; }
    }

    public static string WriteList<T>(IEnumerable<T> items) => JsonSerializer.Serialize(items.ToList(), Json);
}

/// <summary>Reads occupations with their skills, hierarchy and curated sections.</summary>
public sealed class AtlasQueries(KlimrekDbContext db, AtlasCache cache)
{
    public const string OccupationUriPrefix = "http://data.europa.eu/esco/occupation/";

    /// <summary>Resolves a database id, an ESCO concept URI or its UUID to the occupation id.</summary>
    public async Task<int?> ResolveAsync(string? idOrUri, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(idOrUri) || idOrUri.Length > 400) return null;
        // A URI in a path segment arrives with its slashes still escaped (%2F): routing never decodes those.
        if (idOrUri.Contains('%')) idOrUri = Uri.UnescapeDataString(idOrUri);
        var snapshot = await cache.GetAsync(ct);
        if (int.TryParse(idOrUri, out var id))
            return snapshot.Occupations.ContainsKey(id) ? id : null;
        string uri;
        if (Guid.TryParse(idOrUri, out var guid)) uri = OccupationUriPrefix + guid.ToString("D");
        else if (idOrUri.StartsWith(OccupationUriPrefix, StringComparison.OrdinalIgnoreCase)) uri = idOrUri;
        else return null;
        return await db.Occupations.Where(o => o.Uri == uri).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<OccupationDetail?> GetAsync(int id, string language, CancellationToken ct)
    {
        var occ = await db.Occupations.AsNoTracking().Include(o => o.Texts).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (occ is null) return null;
        var snapshot = await cache.GetAsync(ct);

        var skillRows = await db.OccupationSkills.AsNoTracking().Where(r => r.OccupationId == id)
            .Select(r => new { r.IsEssential, r.Skill!.Id, r.Skill.Uri, r.Skill.SkillType, r.Skill.ReuseLevel, r.Skill.Collections })
            .ToListAsync(ct);
        var skillIds = skillRows.Select(s => s.Id).ToList();
        var skillTexts = (await db.SkillTexts.AsNoTracking().Where(t => skillIds.Contains(t.SkillId) && (t.Language == "nl" || t.Language == "en"))
                .Select(t => new { t.SkillId, t.Language, t.PreferredLabel }).ToListAsync(ct))
            .ToLookup(t => t.SkillId);
        var skills = skillRows
            .Select(s => new SkillItem(s.Id, s.Uri, Pick(skillTexts[s.Id].ToDictionary(t => t.Language, t => t.PreferredLabel), language) ?? new LocalizedText(s.Uri, "en", true),
                s.SkillType, s.ReuseLevel, s.IsEssential, snapshot.SkillAspects.GetValueOrDefault(s.Id, BodyAspect.Handen), s.Collections))
            .OrderByDescending(s => s.IsEssential).ThenBy(s => s.Label.Text, StringComparer.OrdinalIgnoreCase)
            .ToList();

        ConceptRef? Ref(int? occupationId) =>
            occupationId is int oid && snapshot.Occupations.TryGetValue(oid, out var o)
                ? new ConceptRef(o.Id, o.Uri, null, LabelOf(o, language)) : null;

        var narrowerIds = await db.Occupations.AsNoTracking().Where(o => o.BroaderOccupationId == id).Select(o => o.Id).ToListAsync(ct);

        var iscoPath = new List<ConceptRef>();
        var groupId = occ.IscoGroupId;
        for (int guard = 0; groupId is int gid && guard < 6; guard++)
        {
            var g = await db.IscoGroups.AsNoTracking().Include(x => x.Texts).FirstOrDefaultAsync(x => x.Id == gid, ct);
            if (g is null) break;
            iscoPath.Insert(0, new ConceptRef(g.Id, g.Uri, g.Code, Pick(g.Texts.ToDictionary(t => t.Language, t => t.PreferredLabel), language) ?? new LocalizedText(g.Code, "en", true)));
            groupId = g.ParentId;
        }

        var curated = await LatestSectionsAsync(id, ct);
        var labels = occ.Texts.ToDictionary(t => t.Language, t => t.PreferredLabel);
        var descriptions = occ.Texts.Where(t => t.Description != null).ToDictionary(t => t.Language, t => t.Description!);
        return new OccupationDetail
        {
            Id = occ.Id,
            Uri = occ.Uri,
            Code = occ.Code,
            Label = Pick(labels, language) ?? new LocalizedText(occ.Uri, "en", true),
            PreferredLabels = labels,
            AltLabels = occ.Texts.ToDictionary(t => t.Language, t => (IReadOnlyList<string>)t.AltLabelList.ToList()),
            Description = Pick(descriptions, language),
            Descriptions = descriptions,
            IscoGroup = iscoPath.LastOrDefault(),
            IscoPath = iscoPath,
            Broader = Ref(occ.BroaderOccupationId),
            Narrower = narrowerIds.Select(n => Ref(n)!).Where(r => r is not null).OrderBy(r => r.Label.Text, StringComparer.OrdinalIgnoreCase).ToList(),
            Skills = skills,
            Curated = curated,
        };
    }

    public async Task<Dictionary<string, CuratedSection>> LatestSectionsAsync(int occupationId, CancellationToken ct)
    {
        var latest = await db.ProfileRevisions.AsNoTracking()
            .Where(r => r.OccupationId == occupationId)
            .Where(r => r.Version == db.ProfileRevisions.Where(x => x.OccupationId == r.OccupationId && x.Section == r.Section).Max(x => x.Version))
            .ToListAsync(ct);
        return latest.ToDictionary(r => r.Section, r => new CuratedSection(r.Id, r.Section, r.Version, r.Content, r.AuthorName, r.Origin, r.CreatedAt, r.IsDemo));
    }

    public static LocalizedText LabelOf(OccupationSummary o, string language)
    {
        var text = o.Label(language, out var fallback);
        return new LocalizedText(text, fallback ? (language == "en" ? "nl" : "en") : language, fallback);
    }

    /// <summary>Dutch first for Dutch readers, English for English readers; the other language as marked fallback.</summary>
    public static LocalizedText? Pick(IReadOnlyDictionary<string, string> byLanguage, string language)
    {
        if (byLanguage.TryGetValue(language, out var v)) return new LocalizedText(v, language, false);
        var other = language == "en" ? "nl" : "en";
        if (byLanguage.TryGetValue(other, out v)) return new LocalizedText(v, other, true);
        var any = byLanguage.OrderBy(kv => kv.Key, StringComparer.Ordinal).FirstOrDefault();
        return any.Value is null ? null : new LocalizedText(any.Value, any.Key, true);
    }
}
