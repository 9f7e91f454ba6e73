using Klimrek.Core.Search;
using Klimrek.Core.Transitions;
using Klimrek.Features.Esco;
using Microsoft.EntityFrameworkCore;
using System.Collections.Frozen;

namespace Klimrek.Features.Career;

/// <summary>
/// The transition model built from the ESCO catalogue's requirements and skill relations, with the index maps around
/// it. Built once per import (the catalogue snapshot's <see cref="CatalogueSnapshot.ImportId"/>) and shared by all
/// requests; curated changes, which move the catalogue version but not the import, keep the model.
/// </summary>
public sealed class TransitionCache(EscoCatalogue catalogue, IServiceScopeFactory scopes, ILogger<TransitionCache> logger) : IDisposable
{
    public sealed class Snapshot
    {
        public required int ImportId { get; init; }
        public required TransitionModel Model { get; init; }
        /// <summary>The order of next steps from each occupation (skills both ways, descriptions, family; docs/transitions.md).</summary>
        public required TransitionRanking Ranking { get; init; }
        /// <summary>The catalogue the model was built from (same import; its version may be older than the current one).</summary>
        public required CatalogueSnapshot Catalogue { get; init; }
        public required int[] OccupationIds { get; init; }
        public required Dictionary<int, int> OccupationIndex { get; init; }
        public required int[] SkillIds { get; init; }
        public required Dictionary<int, int> SkillIndex { get; init; }
        public required string?[] Sectors { get; init; }
        public required long MemoryBytes { get; init; }

        public OccupationSummary Occupation(int index) => Catalogue.Occupations[OccupationIds[index]];
        public string? SectorOf(int index) => Sectors[index];
    }

    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();
    private volatile Snapshot? _current;

    public async Task<Snapshot> GetAsync(CancellationToken ct = default)
    {
        var esco = await catalogue.GetAsync(ct);
        var current = _current;
        if (current is not null && current.ImportId == esco.ImportId) return current;
        await _gate.WaitAsync(ct);
        try
        {
            current = _current;
            if (current is not null && current.ImportId == esco.ImportId) return current;
            current = Build(esco, await OccupationTextsAsync(esco, ct));
            _current = current;
            return current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Each occupation's text for the ranking per language (<see cref="DescriptionIndex.Compose"/>: preferred label,
    /// alternative labels, description), read once per import: the catalogue keeps labels only.
    /// </summary>
    private async Task<Dictionary<(int, string), string>> OccupationTextsAsync(CatalogueSnapshot esco, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Klimrek.Data.KlimrekDbContext>();
        var rows = await db.OccupationTexts.AsNoTracking().Where(t => t.Language == "nl" || t.Language == "en")
            .Select(t => new { t.OccupationId, t.Language, t.PreferredLabel, t.AltLabels, t.Description }).ToListAsync(ct);
        var result = new Dictionary<(int, string), string>();
        foreach (var r in rows)
            if (esco.Occupations.ContainsKey(r.OccupationId))
                result[(r.OccupationId, r.Language)] = DescriptionIndex.Compose(r.PreferredLabel,
                    (r.AltLabels ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), r.Description);
        return result;
    }

    private Snapshot Build(CatalogueSnapshot esco, Dictionary<(int, string), string> occupationTexts)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var memoryBefore = GC.GetTotalMemory(false);
        var occupationIds = esco.Occupations.Keys.Order().ToArray();
        var occIndex = occupationIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var skillIds = esco.Skills.Keys.Order().ToArray();
        var skillIndex = skillIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);

        var requirements = esco.Requirements
            .Where(r => occIndex.ContainsKey(r.OccupationId) && skillIndex.ContainsKey(r.SkillId))
            .Select(r => new Requirement(occIndex[r.OccupationId], skillIndex[r.SkillId], r.IsEssential)).ToList();
        var groups = esco.Skills.Values.Where(s => s.IsGroup).Select(s => skillIndex[s.Id]).ToHashSet();
        var model = TransitionModel.Build(occupationIds.Length, skillIds.Length, requirements,
            esco.SkillBroader.Where(b => skillIndex.ContainsKey(b.SkillId) && skillIndex.ContainsKey(b.BroaderId))
                .Select(b => (skillIndex[b.SkillId], skillIndex[b.BroaderId])).ToList(),
            esco.SkillRelated.Where(r => skillIndex.ContainsKey(r.SkillId) && skillIndex.ContainsKey(r.RelatedId))
                .Select(r => (skillIndex[r.SkillId], skillIndex[r.RelatedId])).ToList(),
            groups);
        // The ranking is lazy: its indexes and each occupation's list are made when first asked for.
        var ranking = TransitionRanking.Build(model, new RankingInputs(
            occupationIds.Select(id => esco.Occupations[id].IscoCode).ToArray(),
            occupationIds.Select(id => occupationTexts.GetValueOrDefault((id, "en"))).ToArray(),
            occupationIds.Select(id => occupationTexts.GetValueOrDefault((id, "nl"))).ToArray(),
            occupationIds.Select(id => esco.Occupations[id].LabelEn).ToArray()));
        var sectors = occupationIds.Select(id => Core.Transitions.Sectors.OfIsco(esco.Occupations[id].IscoCode)).ToArray();
        var memory = Math.Max(0, GC.GetTotalMemory(false) - memoryBefore);
        logger.LogInformation("Transition model built for import {Import}: {Occ} occupations, {Req} requirements, model {Model} ms, total {Ms} ms, about {Mb:F1} MB",
            esco.ImportId, occupationIds.Length, requirements.Count, (int)model.BuildTime.TotalMilliseconds, started.ElapsedMilliseconds, memory / 1048576.0);
        return new Snapshot
        {
            ImportId = esco.ImportId,
            Model = model,
            Ranking = ranking,
            Catalogue = esco,
            OccupationIds = occupationIds,
            OccupationIndex = occIndex,
            SkillIds = skillIds,
            SkillIndex = skillIndex,
            Sectors = sectors,
            MemoryBytes = memory,
        };
    }
}
