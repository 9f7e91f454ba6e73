using Klimrek.Core.Atlas;
using Klimrek.Core.Search;
using Klimrek.Data;
using Microsoft.EntityFrameworkCore;
using System.Collections.Frozen;

namespace Klimrek.Features.Esco;

/// <summary>
/// The one in-memory ESCO catalogue every feature reads (atlas, career, skills profile, samen leren). It is built once
/// per import and refreshed by one mechanism: the <c>CatalogueState</c> row's version, bumped in the same transaction
/// as every import and every curated change. Each instance reads that one row at most every
/// <c>Klimrek:CatalogueCheckSeconds</c> (default 2) seconds, so a change made through another instance sharing the
/// database is seen within seconds; a change made in this process calls <see cref="Invalidate"/> and is seen at once.
/// A new version with the same import only renews <see cref="CatalogueSnapshot.Version"/> (the key of the read-model
/// caches); a new import rebuilds the snapshot.
/// </summary>
public sealed class EscoCatalogue(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<EscoCatalogue> logger)
    : IDisposable
{
    private readonly long _checkTicks = (long)(configuration.GetValue("Klimrek:CatalogueCheckSeconds", 2.0) * clock.TimestampFrequency);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();
    private volatile CatalogueSnapshot? _current;
    private long _nextCheck;
    private long _invalidations;
    private long _seenInvalidations;
    private int _checking;

    /// <summary>The catalogue, checked against the shared version when the last check is older than the interval.</summary>
    public async ValueTask<CatalogueSnapshot> GetAsync(CancellationToken ct = default)
    {
        var current = _current;
        if (current is not null && clock.GetTimestamp() < Volatile.Read(ref _nextCheck)) return current;
        var forced = current is null || Interlocked.Read(ref _invalidations) != Interlocked.Read(ref _seenInvalidations);
        if (forced) return await CheckAsync(ct);
        // A routine check: one request reads the version row, the others go on with the snapshot they have.
        if (Interlocked.CompareExchange(ref _checking, 1, 0) != 0) return current!;
        try { return await CheckAsync(ct); }
        finally { Volatile.Write(ref _checking, 0); }
    }

    /// <summary>After a committed change in this process: the next access reads the version row before answering.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _invalidations);
        Volatile.Write(ref _nextCheck, 0);
    }

    /// <summary>
    /// Bumps the shared version inside the caller's transaction (an import, a curated save), so that the change and
    /// its announcement commit together. Call <see cref="Invalidate"/> after the commit.
    /// </summary>
    public static Task BumpAsync(KlimrekDbContext db, CancellationToken ct) => db.Database.ExecuteSqlRawAsync(BumpSql, ct);

    /// <summary>The statement <see cref="BumpAsync"/> runs: an upsert, so a database whose row was lost still announces the change.</summary>
    public const string BumpSql = """
        INSERT INTO "CatalogueState" ("Id", "Version") VALUES (1, 2)
        ON CONFLICT ("Id") DO UPDATE SET "Version" = "CatalogueState"."Version" + 1
        """;

    private async Task<CatalogueSnapshot> CheckAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var current = _current;
            var invalidations = Interlocked.Read(ref _invalidations);
            if (current is not null && invalidations == Interlocked.Read(ref _seenInvalidations) && clock.GetTimestamp() < Volatile.Read(ref _nextCheck))
                return current; // another caller checked while this one waited
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KlimrekDbContext>();
            var version = await db.CatalogueState.AsNoTracking().Where(s => s.Id == CatalogueState.SingletonId)
                .Select(s => (long?)s.Version).FirstOrDefaultAsync(ct) ?? 0;
            if (current is null || current.Version != version)
            {
                // Read after the version: an import committing in between is at worst built under the older version
                // number and renumbered at the next check.
                var importId = await db.EscoImports.MaxAsync(i => (int?)i.Id, ct) ?? 0;
                // A curator's correction of a skill label changes labels and the search index: rebuilt like an import.
                var labelRevision = await db.SkillLabelRevisions.MaxAsync(r => (long?)r.Id, ct) ?? 0;
                current = current is not null && current.ImportId == importId && current.LabelRevision == labelRevision
                    ? current with { Version = version }
                    : await BuildAsync(db, version, importId, ct) with { LabelRevision = labelRevision };
                _current = current;
            }
            Interlocked.Exchange(ref _seenInvalidations, invalidations);
            Volatile.Write(ref _nextCheck, clock.GetTimestamp() + _checkTicks);
            return current;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<CatalogueSnapshot> BuildAsync(KlimrekDbContext db, long version, int importId, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var occupations = await db.Occupations.AsNoTracking()
            .Select(o => new { o.Id, o.Uri, o.IscoCode, o.IscoGroupId, o.BroaderOccupationId }).ToListAsync(ct);
        var occTexts = await db.OccupationTexts.AsNoTracking()
            .Select(t => new { t.OccupationId, t.Language, t.PreferredLabel, t.AltLabels, t.HiddenLabels }).ToListAsync(ct);
        var skills = await db.Skills.AsNoTracking().Select(s => new SkillRowLite(s.Id, s.Uri, s.ConceptType, s.SkillType, s.Code)).ToListAsync(ct);
        var skillTexts = await db.SkillTexts.AsNoTracking()
            .Where(t => t.Language == "nl" || t.Language == "en" || t.Language == UnofficialSkillLabels.Language)
            .Select(t => new SkillTextLite(t.SkillId, t.Language, t.PreferredLabel, t.AltLabels)).ToListAsync(ct);
        await OverlayCorrectionsAsync(db, skills, skillTexts, ct);
        var requirements = await db.OccupationSkills.AsNoTracking().OrderBy(r => r.OccupationId).ThenBy(r => r.SkillId)
            .Select(r => new OccupationRequirement(r.OccupationId, r.SkillId, r.IsEssential)).ToArrayAsync(ct);
        var broader = (await db.SkillBroaders.AsNoTracking().Select(b => new { b.SkillId, b.BroaderSkillId }).ToListAsync(ct))
            .Select(b => (b.SkillId, b.BroaderSkillId)).ToArray();
        var related = (await db.SkillRelations.AsNoTracking().Select(r => new { r.SkillId, r.RelatedSkillId }).ToListAsync(ct))
            .Select(r => (r.SkillId, r.RelatedSkillId)).ToArray();
        var iscoGroups = await IscoGroupsAsync(db, ct);
        // The two label indexes are the bulk of the build (the skills' one holds our Dutch labels and synonyms too): the skills' one
        // is built on another thread while the occupations are prepared.
        var (infos, skillLabels) = SkillLabels(skills, skillTexts);
        var skillSearch = Task.Run(() => new LabelSearchIndex(skillLabels), ct);

        // Occupations: summaries, the label index over every label in every language, the hierarchy.
        var labels = new List<SearchLabel>(occTexts.Count * 6);
        var nl = new Dictionary<int, string>();
        var en = new Dictionary<int, string>();
        foreach (var t in occTexts)
        {
            labels.Add(new SearchLabel(t.OccupationId, t.PreferredLabel, LabelKind.Preferred, t.Language));
            foreach (var a in Split(t.AltLabels)) labels.Add(new SearchLabel(t.OccupationId, a, LabelKind.Alternative, t.Language));
            foreach (var h in Split(t.HiddenLabels)) labels.Add(new SearchLabel(t.OccupationId, h, LabelKind.Hidden, t.Language));
            if (t.Language == "nl") nl[t.OccupationId] = t.PreferredLabel;
            else if (t.Language == "en") en[t.OccupationId] = t.PreferredLabel;
        }
        var summaries = occupations.ToFrozenDictionary(o => o.Id,
            o => new OccupationSummary(o.Id, o.Uri, o.IscoCode, nl.GetValueOrDefault(o.Id), en.GetValueOrDefault(o.Id)));
        var alphabetical = summaries.Values
            .OrderBy(s => s.Label("nl", out _), StringComparer.Create(new System.Globalization.CultureInfo("nl-NL"), ignoreCase: true))
            .ToList();
        var occupationSearch = new LabelSearchIndex(labels);

        // Skills: labels, URIs, search over real skills (only they can be added to a profile), neighbours, aspects.
        var neighbours = broader.Where(b => infos.ContainsKey(b.SkillId) && infos.ContainsKey(b.BroaderSkillId) && b.SkillId != b.BroaderSkillId)
            .SelectMany(b => new[] { (From: b.SkillId, To: b.BroaderSkillId), (From: b.BroaderSkillId, To: b.SkillId) })
            .GroupBy(x => x.From).ToFrozenDictionary(g => g.Key, g => g.Select(x => x.To).Distinct().Order().ToArray());
        var codes = skills.Where(s => s.Code != null).ToDictionary(s => s.Id, s => s.Code!);
        var aspects = SkillAspects(skills.Select(s => (s.Id, s.SkillType)), broader, codes);

        var snapshot = new CatalogueSnapshot
        {
            Version = version,
            ImportId = importId,
            Occupations = summaries,
            OccupationByUri = occupations.ToFrozenDictionary(o => o.Uri, o => o.Id, StringComparer.Ordinal),
            NarrowerOccupations = occupations.Where(o => o.BroaderOccupationId is not null).GroupBy(o => o.BroaderOccupationId!.Value)
                .ToFrozenDictionary(g => g.Key, g => g.Select(o => o.Id).Order().ToArray()),
            BroaderOccupation = occupations.Where(o => o.BroaderOccupationId is not null).ToFrozenDictionary(o => o.Id, o => o.BroaderOccupationId!.Value),
            OccupationIscoGroup = occupations.Where(o => o.IscoGroupId is not null).ToFrozenDictionary(o => o.Id, o => o.IscoGroupId!.Value),
            Alphabetical = alphabetical,
            OccupationSearch = occupationSearch,
            Skills = infos,
            SkillByUri = skills.ToFrozenDictionary(s => s.Uri, s => s.Id, StringComparer.Ordinal),
            SkillNeighbours = neighbours,
            SkillSearch = await skillSearch,
            SkillAspects = aspects,
            IscoGroups = iscoGroups,
            Requirements = requirements,
            SkillBroader = broader,
            SkillRelated = related,
        };
        logger.LogInformation("ESCO catalogue built for import {Import} (version {Version}): {Occ} occupations, {Labels} labels, {Skills} skills in {Ms} ms",
            importId, version, summaries.Count, occupationSearch.LabelCount, infos.Count, (long)clock.GetElapsedTime(started).TotalMilliseconds);
        return snapshot;
    }

    /// <summary>
    /// Curators' corrections of our Dutch labels (<see cref="SkillLabelRevision"/>, newest version per skill) replace the
    /// shipped label and synonyms; they are kept by URI apart from the imported texts, so an import keeps them.
    /// </summary>
    private static async Task OverlayCorrectionsAsync(KlimrekDbContext db, List<SkillRowLite> skills, List<SkillTextLite> skillTexts, CancellationToken ct)
    {
        var corrections = (await db.SkillLabelRevisions.AsNoTracking()
                .Select(r => new { r.SkillUri, r.Version, r.PreferredLabel, r.Synonyms }).ToListAsync(ct))
            .GroupBy(r => r.SkillUri, StringComparer.Ordinal).Select(g => g.MaxBy(r => r.Version)!).ToList();
        if (corrections.Count == 0) return;
        var ids = skills.ToDictionary(s => s.Uri, s => s.Id, StringComparer.Ordinal);
        var corrected = new Dictionary<int, SkillTextLite>();
        foreach (var c in corrections)
            if (ids.TryGetValue(c.SkillUri, out var id))
                corrected[id] = new SkillTextLite(id, UnofficialSkillLabels.Language, c.PreferredLabel, c.Synonyms);
        skillTexts.RemoveAll(t => t.Language == UnofficialSkillLabels.Language && corrected.ContainsKey(t.SkillId));
        skillTexts.AddRange(corrected.Values);
    }

    private sealed record SkillRowLite(int Id, string Uri, SkillConceptType ConceptType, string? SkillType, string? Code);
    private sealed record SkillTextLite(int SkillId, string Language, string PreferredLabel, string? AltLabels);

    /// <summary>Each skill's labels, and the search labels of the real skills (only they can be added to a profile).</summary>
    private static (FrozenDictionary<int, SkillInfo> Infos, List<SearchLabel> Search) SkillLabels(List<SkillRowLite> skills, List<SkillTextLite> skillTexts)
    {
        // Dutch: ESCO's label where there is one, else ours (kept stored, but unused, once an official one arrives).
        var skillNl = new Dictionary<int, string>(skills.Count);
        var skillEn = new Dictionary<int, string>(skills.Count);
        var ours = new Dictionary<int, string>();
        foreach (var t in skillTexts)
        {
            if (t.Language == "nl") skillNl[t.SkillId] = t.PreferredLabel;
            else if (t.Language == "en") skillEn[t.SkillId] = t.PreferredLabel;
            else ours[t.SkillId] = t.PreferredLabel;
        }
        var infos = skills.ToFrozenDictionary(s => s.Id, s =>
        {
            var official = skillNl.GetValueOrDefault(s.Id);
            var unofficial = official is null ? ours.GetValueOrDefault(s.Id) : null;
            return new SkillInfo(s.Id, s.Uri, official ?? unofficial, skillEn.GetValueOrDefault(s.Id), s.SkillType,
                s.ConceptType == SkillConceptType.SkillGroup, unofficial is not null);
        });
        var realSkills = skills.Where(s => s.ConceptType == SkillConceptType.Skill).Select(s => s.Id).ToHashSet();
        var skillLabels = new List<SearchLabel>(skillTexts.Count * 4);
        foreach (var t in skillTexts.Where(t => realSkills.Contains(t.SkillId)))
        {
            // Our label and synonyms are searched as the Dutch preferred and alternative labels while
            // they are the skill's Dutch name; once ESCO has one, ours stay out of the index.
            bool isOurs = t.Language == UnofficialSkillLabels.Language;
            if (isOurs && skillNl.ContainsKey(t.SkillId)) continue;
            var language = isOurs ? "nl" : t.Language;
            skillLabels.Add(new SearchLabel(t.SkillId, t.PreferredLabel, LabelKind.Preferred, language));
            foreach (var a in Split(t.AltLabels)) skillLabels.Add(new SearchLabel(t.SkillId, a, LabelKind.Alternative, language));
        }
        return (infos, skillLabels);
    }

    private static async Task<FrozenDictionary<int, IscoGroupInfo>> IscoGroupsAsync(KlimrekDbContext db, CancellationToken ct)
    {
        var isco = await db.IscoGroups.AsNoTracking().Select(g => new { g.Id, g.Uri, g.Code, g.ParentId }).ToListAsync(ct);
        var texts = await db.IscoGroupTexts.AsNoTracking().Where(t => t.Language == "nl" || t.Language == "en")
            .Select(t => new { t.IscoGroupId, t.Language, t.PreferredLabel }).ToListAsync(ct);
        var nl = texts.Where(t => t.Language == "nl").ToDictionary(t => t.IscoGroupId, t => t.PreferredLabel);
        var en = texts.Where(t => t.Language == "en").ToDictionary(t => t.IscoGroupId, t => t.PreferredLabel);
        return isco.ToFrozenDictionary(g => g.Id, g => new IscoGroupInfo(g.Id, g.Uri, g.Code, g.ParentId, nl.GetValueOrDefault(g.Id), en.GetValueOrDefault(g.Id)));
    }

    /// <summary>Each skill's place on the body, from its type and the codes of the groups above it.</summary>
    private static FrozenDictionary<int, BodyAspect> SkillAspects(IEnumerable<(int Id, string? SkillType)> skills, (int SkillId, int BroaderId)[] broader,
        Dictionary<int, string> codes)
    {
        var parents = broader.GroupBy(b => b.SkillId).ToDictionary(g => g.Key, g => g.Select(b => b.BroaderId).ToArray());
        var ancestorCodes = new Dictionary<int, string[]>();

        string[] Ancestors(int id, int depth)
        {
            if (ancestorCodes.TryGetValue(id, out var known)) return known;
            if (depth > 12) return [];
            var result = new HashSet<string>(StringComparer.Ordinal);
            if (parents.TryGetValue(id, out var ps))
                foreach (var p in ps)
                {
                    if (codes.TryGetValue(p, out var c)) result.Add(c);
                    foreach (var a in Ancestors(p, depth + 1)) result.Add(a);
                }
            var arr = result.ToArray();
            ancestorCodes[id] = arr;
            return arr;
        }

        return skills.ToFrozenDictionary(s => s.Id, s => SkillAspectClassifier.Classify(s.SkillType, Ancestors(s.Id, 0)));
    }

    private static string[] Split(string? s) =>
        (s ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
