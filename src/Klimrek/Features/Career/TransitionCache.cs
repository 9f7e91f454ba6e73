using Klimrek.Core.Search;
using Klimrek.Core.Transitions;
using Klimrek.Features.Esco;
using System.Collections.Frozen;

namespace Klimrek.Features.Career;

/// <summary>
/// The transition model built from the ESCO catalogue's requirements and skill relations, with the index maps around
/// it. Built once per import (the catalogue snapshot's <see cref="CatalogueSnapshot.ImportId"/>) and shared by all
/// requests; curated changes, which move the catalogue version but not the import, keep the model.
/// </summary>
public sealed class TransitionCache(EscoCatalogue catalogue, ILogger<TransitionCache> logger) : IDisposable
{
    public sealed class Snapshot
    {
        public required int ImportId { get; init; }
        public required TransitionModel Model { get; init; }
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
            current = Build(esco);
            _current = current;
            return current;
        }
        finally
        {
            _gate.Release();
        }
    }

    private Snapshot Build(CatalogueSnapshot esco)
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
        var sectors = occupationIds.Select(id => Core.Transitions.Sectors.OfIsco(esco.Occupations[id].IscoCode)).ToArray();
        var memory = Math.Max(0, GC.GetTotalMemory(false) - memoryBefore);
        logger.LogInformation("Transition model built for import {Import}: {Occ} occupations, {Req} requirements, model {Model} ms, total {Ms} ms, about {Mb:F1} MB",
            esco.ImportId, occupationIds.Length, requirements.Count, (int)model.BuildTime.TotalMilliseconds, started.ElapsedMilliseconds, memory / 1048576.0);
        return new Snapshot
        {
            ImportId = esco.ImportId,
            Model = model,
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
