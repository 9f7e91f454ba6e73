using Klimrek.Core.Atlas;
using Klimrek.Core.Search;
using Klimrek.Data;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Atlas;

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
}

/// <summary>
/// In-memory read model of the imported classification: the fuzzy search index over all occupation labels, the
/// occupation summaries and each skill's place on the body. Built once at start and rebuilt when a newer ESCO
/// import appears (also one done by the CLI in another process: the import id is checked every few seconds).
/// </summary>
public sealed class AtlasCache(IServiceScopeFactory scopes, ILogger<AtlasCache> logger)
{
    public sealed record Snapshot(
        int ImportId,
        LabelSearchIndex Index,
        IReadOnlyDictionary<int, OccupationSummary> Occupations,
        IReadOnlyList<OccupationSummary> Alphabetical,
        IReadOnlyDictionary<int, BodyAspect> SkillAspects);

    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _current;
    private long _lastCheckTicks;
    private long _invalidations;

    public async Task<Snapshot> GetAsync(CancellationToken ct = default)
    {
        var current = _current;
        var now = Environment.TickCount64;
        if (current is not null && now - Interlocked.Read(ref _lastCheckTicks) < CheckInterval.TotalMilliseconds)
            return current;

        await _gate.WaitAsync(ct);
        try
        {
            current = _current;
            if (current is not null && Environment.TickCount64 - _lastCheckTicks < CheckInterval.TotalMilliseconds)
                return current;
            var invalidations = Interlocked.Read(ref _invalidations);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KlimrekDbContext>();
            var importId = await db.EscoImports.MaxAsync(i => (int?)i.Id, ct) ?? 0;
            if (current is null || current.ImportId != importId)
            {
                current = await BuildAsync(db, importId, ct);
                _current = current;
            }
            // An import that committed while this check ran must not be hidden for the next five seconds.
            if (Interlocked.Read(ref _invalidations) == invalidations)
                Interlocked.Exchange(ref _lastCheckTicks, Environment.TickCount64);
            return current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forces a rebuild on the next access (after an import in this process).</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _invalidations);
        Interlocked.Exchange(ref _lastCheckTicks, 0);
    }

    private async Task<Snapshot> BuildAsync(KlimrekDbContext db, int importId, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var occupations = await db.Occupations.AsNoTracking().Select(o => new { o.Id, o.Uri, o.IscoCode }).ToListAsync(ct);
        var texts = await db.OccupationTexts.AsNoTracking()
            .Select(t => new { t.OccupationId, t.Language, t.PreferredLabel, t.AltLabels, t.HiddenLabels }).ToListAsync(ct);

        var labels = new List<SearchLabel>(texts.Count * 6);
        var nl = new Dictionary<int, string>();
        var en = new Dictionary<int, string>();
        foreach (var t in texts)
        {
            labels.Add(new SearchLabel(t.OccupationId, t.PreferredLabel, LabelKind.Preferred, t.Language));
            foreach (var a in Split(t.AltLabels)) labels.Add(new SearchLabel(t.OccupationId, a, LabelKind.Alternative, t.Language));
            foreach (var h in Split(t.HiddenLabels)) labels.Add(new SearchLabel(t.OccupationId, h, LabelKind.Hidden, t.Language));
            if (t.Language == "nl") nl[t.OccupationId] = t.PreferredLabel;
            else if (t.Language == "en") en[t.OccupationId] = t.PreferredLabel;
        }
        var summaries = occupations.ToDictionary(o => o.Id, o => new OccupationSummary(o.Id, o.Uri, o.IscoCode, nl.GetValueOrDefault(o.Id), en.GetValueOrDefault(o.Id)));
        var alphabetical = summaries.Values
            .OrderBy(s => s.Label("nl", out _), StringComparer.Create(new System.Globalization.CultureInfo("nl-NL"), ignoreCase: true))
            .ToList();
        var index = new LabelSearchIndex(labels);

        var aspects = await SkillAspectsAsync(db, ct);
        logger.LogInformation("Atlas cache built for import {Import}: {Occ} occupations, {Labels} labels, {Skills} skills in {Ms} ms",
            importId, summaries.Count, index.LabelCount, aspects.Count, started.ElapsedMilliseconds);
        return new Snapshot(importId, index, summaries, alphabetical, aspects);
    }

    private static async Task<Dictionary<int, BodyAspect>> SkillAspectsAsync(KlimrekDbContext db, CancellationToken ct)
    {
        var skills = await db.Skills.AsNoTracking().Select(s => new { s.Id, s.SkillType, s.Code, s.ConceptType }).ToListAsync(ct);
        var broader = await db.SkillBroaders.AsNoTracking().Select(b => new { b.SkillId, b.BroaderSkillId }).ToListAsync(ct);
        var parents = broader.GroupBy(b => b.SkillId).ToDictionary(g => g.Key, g => g.Select(b => b.BroaderSkillId).ToArray());
        var codes = skills.Where(s => s.Code != null).ToDictionary(s => s.Id, s => s.Code!);
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

        var map = new Dictionary<int, BodyAspect>(skills.Count);
        foreach (var s in skills)
            map[s.Id] = SkillAspectClassifier.Classify(s.SkillType, Ancestors(s.Id, 0));
        return map;
    }

    private static IEnumerable<string> Split(string? s) =>
        (s ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
