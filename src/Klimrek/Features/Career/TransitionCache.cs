using Klimrek.Core.Search;
using Klimrek.Core.Transitions;
using Klimrek.Data;
using Klimrek.Features.Atlas;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Career;

/// <summary>A skill as the transition pages show it.</summary>
public sealed record SkillInfo(int Id, string Uri, string? LabelNl, string? LabelEn, string? SkillType, bool IsGroup)
{
    public LocalizedText Label(string language)
    {
        var preferred = language == "en" ? LabelEn : LabelNl;
        if (preferred is not null) return new LocalizedText(preferred, language, false);
        var other = language == "en" ? LabelNl : LabelEn;
        return new LocalizedText(other ?? Uri, language == "en" ? "nl" : "en", true);
    }
}

/// <summary>
/// The transition model built from the imported ESCO relations, with the id maps and skill labels around it.
/// Built once per ESCO import (checked like the atlas cache) and shared by all requests.
/// </summary>
public sealed class TransitionCache(IServiceScopeFactory scopes, AtlasCache atlas, ILogger<TransitionCache> logger)
{
    public sealed class Snapshot
    {
        public required int ImportId { get; init; }
        public required TransitionModel Model { get; init; }
        public required AtlasCache.Snapshot Atlas { get; init; }
        public required int[] OccupationIds { get; init; }
        public required Dictionary<int, int> OccupationIndex { get; init; }
        public required int[] SkillIds { get; init; }
        public required Dictionary<int, int> SkillIndex { get; init; }
        public required Dictionary<int, SkillInfo> Skills { get; init; }
        public required Dictionary<string, int> SkillByUri { get; init; }
        /// <summary>Per skill id: the skills one step up or down the ESCO skill hierarchy (broader and narrower).</summary>
        public required Dictionary<int, int[]> SkillNeighbours { get; init; }
        public required LabelSearchIndex SkillSearch { get; init; }
        public required string?[] Sectors { get; init; }
        public required long MemoryBytes { get; init; }

        public OccupationSummary Occupation(int index) => Atlas.Occupations[OccupationIds[index]];
        public string? SectorOf(int index) => Sectors[index];
    }

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _current;

    public async Task<Snapshot> GetAsync(CancellationToken ct = default)
    {
        var atlasSnapshot = await atlas.GetAsync(ct);
        var current = _current;
        if (current is not null && current.ImportId == atlasSnapshot.ImportId) return current;
        await _gate.WaitAsync(ct);
        try
        {
            current = _current;
            if (current is not null && current.ImportId == atlasSnapshot.ImportId) return current;
            current = await BuildAsync(atlasSnapshot, ct);
            _current = current;
            return current;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Snapshot> BuildAsync(AtlasCache.Snapshot atlasSnapshot, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var memoryBefore = GC.GetTotalMemory(false);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KlimrekDbContext>();
        var occupationIds = atlasSnapshot.Occupations.Keys.Order().ToArray();
        var occIndex = occupationIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var skills = await db.Skills.AsNoTracking().Select(s => new { s.Id, s.Uri, s.ConceptType, s.SkillType }).ToListAsync(ct);
        var skillIds = skills.Select(s => s.Id).Order().ToArray();
        var skillIndex = skillIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var texts = await db.SkillTexts.AsNoTracking().Where(t => t.Language == "nl" || t.Language == "en")
            .Select(t => new { t.SkillId, t.Language, t.PreferredLabel, t.AltLabels }).ToListAsync(ct);
        var relations = await db.OccupationSkills.AsNoTracking().Select(r => new { r.OccupationId, r.SkillId, r.IsEssential }).ToListAsync(ct);
        var broader = await db.SkillBroaders.AsNoTracking().Select(b => new { b.SkillId, b.BroaderSkillId }).ToListAsync(ct);
        var related = await db.SkillRelations.AsNoTracking().Select(r => new { r.SkillId, r.RelatedSkillId }).ToListAsync(ct);

        var requirements = relations
            .Where(r => occIndex.ContainsKey(r.OccupationId) && skillIndex.ContainsKey(r.SkillId))
            .Select(r => new Requirement(occIndex[r.OccupationId], skillIndex[r.SkillId], r.IsEssential)).ToList();
        var groups = skills.Where(s => s.ConceptType == SkillConceptType.SkillGroup).Select(s => skillIndex[s.Id]).ToHashSet();
        var model = TransitionModel.Build(occupationIds.Length, skillIds.Length, requirements,
            broader.Where(b => skillIndex.ContainsKey(b.SkillId) && skillIndex.ContainsKey(b.BroaderSkillId))
                .Select(b => (skillIndex[b.SkillId], skillIndex[b.BroaderSkillId])).ToList(),
            related.Where(r => skillIndex.ContainsKey(r.SkillId) && skillIndex.ContainsKey(r.RelatedSkillId))
                .Select(r => (skillIndex[r.SkillId], skillIndex[r.RelatedSkillId])).ToList(),
            groups);

        var nl = texts.Where(t => t.Language == "nl").ToDictionary(t => t.SkillId, t => t.PreferredLabel);
        var en = texts.Where(t => t.Language == "en").ToDictionary(t => t.SkillId, t => t.PreferredLabel);
        var infos = skills.ToDictionary(s => s.Id, s => new SkillInfo(s.Id, s.Uri, nl.GetValueOrDefault(s.Id), en.GetValueOrDefault(s.Id), s.SkillType, s.ConceptType == SkillConceptType.SkillGroup));
        // Only real skills (not groups) can be added to a profile, so only they are searchable.
        var realSkills = skills.Where(s => s.ConceptType == SkillConceptType.Skill).Select(s => s.Id).ToHashSet();
        var labels = new List<SearchLabel>(texts.Count * 4);
        foreach (var t in texts.Where(t => realSkills.Contains(t.SkillId)))
        {
            labels.Add(new SearchLabel(t.SkillId, t.PreferredLabel, LabelKind.Preferred, t.Language));
            foreach (var a in (t.AltLabels ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                labels.Add(new SearchLabel(t.SkillId, a, LabelKind.Alternative, t.Language));
        }
        var search = new LabelSearchIndex(labels);
        var sectors = occupationIds.Select(id => Sectors.OfIsco(atlasSnapshot.Occupations[id].IscoCode)).ToArray();
        var neighbours = broader.Where(b => skillIndex.ContainsKey(b.SkillId) && skillIndex.ContainsKey(b.BroaderSkillId) && b.SkillId != b.BroaderSkillId)
            .SelectMany(b => new[] { (From: b.SkillId, To: b.BroaderSkillId), (From: b.BroaderSkillId, To: b.SkillId) })
            .GroupBy(x => x.From).ToDictionary(g => g.Key, g => g.Select(x => x.To).Distinct().Order().ToArray());
        var memory = Math.Max(0, GC.GetTotalMemory(false) - memoryBefore);
        logger.LogInformation("Transition model built for import {Import}: {Occ} occupations, {Req} requirements, model {Model} ms, total {Ms} ms, about {Mb:F1} MB",
            atlasSnapshot.ImportId, occupationIds.Length, requirements.Count, (int)model.BuildTime.TotalMilliseconds, started.ElapsedMilliseconds, memory / 1048576.0);
        return new Snapshot
        {
            ImportId = atlasSnapshot.ImportId,
            Model = model,
            Atlas = atlasSnapshot,
            OccupationIds = occupationIds,
            OccupationIndex = occIndex,
            SkillIds = skillIds,
            SkillIndex = skillIndex,
            Skills = infos,
            SkillByUri = skills.ToDictionary(s => s.Uri, s => s.Id, StringComparer.Ordinal),
            SkillSearch = search,
            SkillNeighbours = neighbours,
            Sectors = sectors,
            MemoryBytes = memory,
        };
    }
}
