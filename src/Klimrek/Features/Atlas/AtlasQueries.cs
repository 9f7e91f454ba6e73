using Klimrek.Core.Atlas;
using Klimrek.Data;
using Klimrek.Features.Esco;
using Microsoft.EntityFrameworkCore;
using System.Collections.Concurrent;
using System.Text.Json;

namespace Klimrek.Features.Atlas;

public sealed record ConceptRef(int Id, string Uri, string? Code, LocalizedText Label);

/// <param name="MovedByCurator">True when a curator placed the skill on <paramref name="Aspect"/> instead of where ESCO's data puts it (<see cref="AspectMoves"/>).</param>
public sealed record SkillItem(int Id, string Uri, LocalizedText Label, string? SkillType, string? ReuseLevel, bool IsEssential, BodyAspect Aspect, EscoCollections Collections,
    bool MovedByCurator = false);

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

/// <summary>
/// The occupation read models (what the occupation page and the API show), kept per catalogue version: every import
/// and every curated change moves the version (also when made through another instance), so a cached model is never
/// older than the catalogue this instance serves. Between changes the page needs no database round trip.
/// </summary>
public sealed class OccupationReadModels
{
    private sealed record Generation(long Version, ConcurrentDictionary<(int Id, string Language), OccupationDetail> Items);

    private volatile Generation _current = new(-1, new());

    public bool TryGet(CatalogueSnapshot catalogue, int id, string language, out OccupationDetail detail)
    {
        var g = _current;
        if (g.Version == catalogue.Version && g.Items.TryGetValue((id, language), out detail!)) return true;
        detail = null!;
        return false;
    }

    /// <summary>Keeps a model built under <paramref name="catalogue"/>; a newer version starts an empty generation.</summary>
    public void Add(CatalogueSnapshot catalogue, OccupationDetail detail, string language)
    {
        var g = _current;
        if (g.Version < catalogue.Version)
        {
            var fresh = new Generation(catalogue.Version, new());
            g = Interlocked.CompareExchange(ref _current, fresh, g) == g ? fresh : _current;
        }
        // A request still holding an older catalogue loaded older data: it is served, not kept.
        if (g.Version == catalogue.Version)
            g.Items.TryAdd((detail.Id, language), detail);
    }
}

/// <summary>Reads occupations with their skills, hierarchy and curated sections.</summary>
public sealed class AtlasQueries(KlimrekDbContext db, EscoCatalogue catalogue, OccupationReadModels readModels)
{
    /// <summary>Resolves a database id, an ESCO concept URI or its UUID to the occupation id.</summary>
    public async Task<int?> ResolveAsync(string? idOrUri, CancellationToken ct) => (await catalogue.GetAsync(ct)).ResolveOccupation(idOrUri);

    public async Task<OccupationDetail?> GetAsync(int id, string language, CancellationToken ct)
    {
        var snapshot = await catalogue.GetAsync(ct);
        if (!snapshot.Occupations.ContainsKey(id)) return null;
        if (readModels.TryGet(snapshot, id, language, out var cached)) return cached;
        var detail = await LoadAsync(snapshot, id, language, ct);
        if (detail is not null) readModels.Add(snapshot, detail, language);
        return detail;
    }

    private async Task<OccupationDetail?> LoadAsync(CatalogueSnapshot snapshot, int id, string language, CancellationToken ct)
    {
        var occ = await db.Occupations.AsNoTracking().Include(o => o.Texts).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (occ is null) return null;

        var skillRows = await db.OccupationSkills.AsNoTracking().Where(r => r.OccupationId == id)
            .Select(r => new { r.IsEssential, r.Skill!.Id, r.Skill.Uri, r.Skill.SkillType, r.Skill.ReuseLevel, r.Skill.Collections })
            .ToListAsync(ct);
        var curated = await LatestSectionsAsync(id, ct);
        var moves = AspectMoves.Read(curated.GetValueOrDefault(ImageSections.Aspecten)?.Content);
        var skills = skillRows
            .Select(s =>
            {
                var esco = snapshot.SkillAspects.GetValueOrDefault(s.Id, BodyAspect.Handen);
                var moved = moves.TryGetValue(s.Uri, out var to) && to != esco;
                return new SkillItem(s.Id, s.Uri, snapshot.Skills.TryGetValue(s.Id, out var info) ? info.Label(language) : new LocalizedText(s.Uri, "en", true),
                    s.SkillType, s.ReuseLevel, s.IsEssential, moved ? to : esco, s.Collections, moved);
            })
            .OrderByDescending(s => s.IsEssential).ThenBy(s => s.Label.Text, StringComparer.OrdinalIgnoreCase)
            .ToList();

        ConceptRef? Ref(int? occupationId) =>
            occupationId is int oid && snapshot.Occupations.TryGetValue(oid, out var o)
                ? new ConceptRef(o.Id, o.Uri, null, o.LocalLabel(language)) : null;

        var iscoPath = snapshot.IscoPath(id).Select(g => new ConceptRef(g.Id, g.Uri, g.Code, g.Label(language))).ToList();
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
            Narrower = snapshot.NarrowerOccupations.GetValueOrDefault(id, []).Select(n => Ref(n)).OfType<ConceptRef>()
                .OrderBy(r => r.Label.Text, StringComparer.OrdinalIgnoreCase).ToList(),
            Skills = skills,
            Curated = curated,
        };
    }

    public async Task<Dictionary<string, CuratedSection>> LatestSectionsAsync(int occupationId, CancellationToken ct)
    {
        var latest = await db.ImageRevisions.AsNoTracking()
            .Where(r => r.OccupationId == occupationId)
            .Where(r => r.Version == db.ImageRevisions.Where(x => x.OccupationId == r.OccupationId && x.Section == r.Section).Max(x => x.Version))
            .ToListAsync(ct);
        return latest.ToDictionary(r => r.Section, r => new CuratedSection(r.Id, r.Section, r.Version, r.Content, r.AuthorName, r.Origin, r.CreatedAt, r.IsDemo));
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
