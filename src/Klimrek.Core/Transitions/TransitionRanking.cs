using System.Diagnostics;

namespace Klimrek.Core.Transitions;

/// <summary>
/// How much each signal counts in the order of next steps from an occupation (docs/transitions.md). The defaults were
/// tuned on the tuning half of the external reference only and are measured on the held-out half
/// (bench/results/transitions-quality.md); a signal with weight 0 is off.
/// </summary>
public sealed record RankingWeights
{
    /// <summary>Skills in common, both ways: √(fit(a → b) · fit(b → a)).</summary>
    public double Skills { get; init; } = 1.0;
    /// <summary>Similar work by the English labels and description (<see cref="DescriptionIndex"/>).</summary>
    public double DescriptionEn { get; init; } = 1.0;
    /// <summary>Similar work by the Dutch labels and description.</summary>
    public double DescriptionNl { get; init; } = 0.8;
    /// <summary>The occupations' ISCO unit groups ask for similar skills (cosine of the groups' skill profiles).</summary>
    public double Family { get; init; } = 0.4;
    /// <summary>How many best-fitting targets per source are ranked (the rest cannot fit well enough to be a next step).</summary>
    public int Candidates { get; init; } = 150;
    /// <summary>How many of its heaviest words each occupation's text keeps (0: all): fewer is faster, too few loses meaning.</summary>
    public int TextTerms { get; init; } = 30;
    /// <summary>How many ranked moves per occupation are kept (enough to fill a list after the counsellor's order).</summary>
    public int Keep { get; init; } = 60;
    /// <summary>At most this many of one family of variants (<see cref="OccupationVariants"/>) before the other candidates; 0: no limit.</summary>
    public int VariantCap { get; init; } = OccupationVariants.DefaultCap;

    public static RankingWeights Default { get; } = new();

    /// <summary>Skill overlap alone (the other signals off): the model before this ranking, made symmetric.</summary>
    public static RankingWeights SkillsOnly { get; } = new() { DescriptionEn = 0, DescriptionNl = 0, Family = 0 };

    public double Score(in RankSignals s) =>
        Skills * s.Skills + DescriptionEn * s.TextEn + DescriptionNl * s.TextNl + Family * s.Family;
}

/// <summary>The signals behind one suggested move, each in [0, 1].</summary>
/// <param name="Fit">fit(source → target): the share of the target's weighted requirements the source brings.</param>
/// <param name="Back">fit(target → source): how much of the source's work the target covers.</param>
public readonly record struct RankSignals(float Fit, float Back, float TextEn, float TextNl, float Family)
{
    public double Skills => Math.Sqrt((double)Fit * Back);
}

/// <summary>One ranked move: the target, its rank score (higher first) and the signals it was made of.</summary>
public readonly record struct RankedMove(int Occupation, double Rank, RankSignals Signals);

/// <summary>
/// Per occupation (index = occupation): its ISCO-08 code, its text in English and in Dutch (see
/// <see cref="DescriptionIndex.Compose"/>) and its English preferred label (for <see cref="OccupationVariants"/>; without
/// labels no occupation has variants).
/// </summary>
public sealed record RankingInputs(IReadOnlyList<string?> IscoCodes, IReadOnlyList<string?> TextsEn, IReadOnlyList<string?> TextsNl,
    IReadOnlyList<string?>? LabelsEn = null);

/// <summary>
/// The order in which next steps from an occupation are suggested: the best-fitting targets by skills
/// (<see cref="TransitionModel"/>), ranked by a weighted sum of skills in common both ways, similar descriptions (English
/// and Dutch) and the closeness of their occupational families. The fit shown to people and the gap stay the
/// <see cref="TransitionModel"/>'s; this only decides the order.
/// <para>
/// Lazy by design: the text and family indexes are built on first use, and each occupation's list when it is first
/// asked for (a few milliseconds), then kept. Building every list up front would triple the model's build for lists
/// most instances never show (bench/results/transitions-build.md). Thread-safe.
/// </para>
/// </summary>
public sealed class TransitionRanking
{
    private sealed record Indexes(DescriptionIndex En, DescriptionIndex Nl, int[] Group, int Groups, float[] Family, int[] Variant,
        int[][] VariantMembers, TimeSpan BuildTime);

    private readonly TransitionModel _model;
    private readonly RankingInputs _inputs;
    private readonly Lazy<Indexes> _indexes;
    private readonly RankedMove[]?[] _ranked;

    public RankingWeights Weights { get; }

    /// <summary>Time the text and family indexes took to build (builds them if that has not happened yet).</summary>
    public TimeSpan IndexBuildTime => _indexes.Value.BuildTime;

    private TransitionRanking(TransitionModel model, RankingInputs inputs, RankingWeights weights, int parallelism)
    {
        _model = model;
        _inputs = inputs;
        Weights = weights;
        _ranked = new RankedMove[]?[model.OccupationCount];
        _indexes = new Lazy<Indexes>(() => BuildIndexes(model, inputs, weights, parallelism), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The ranking over <paramref name="model"/>; cheap: indexes and lists are made when first needed.</summary>
    public static TransitionRanking Build(TransitionModel model, RankingInputs inputs, RankingWeights? weights = null, int? degreeOfParallelism = null)
    {
        int n = model.OccupationCount;
        if (inputs.IscoCodes.Count != n || inputs.TextsEn.Count != n || inputs.TextsNl.Count != n || (inputs.LabelsEn is { } l && l.Count != n))
            throw new ArgumentException($"Ranking inputs must have one entry per occupation ({n}).", nameof(inputs));
        return new TransitionRanking(model, inputs, weights ?? RankingWeights.Default, Math.Max(1, degreeOfParallelism ?? Environment.ProcessorCount));
    }

    private static Indexes BuildIndexes(TransitionModel model, RankingInputs inputs, RankingWeights w, int parallelism)
    {
        var started = Stopwatch.StartNew();
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        DescriptionIndex en = null!, nl = null!;
        Parallel.Invoke(options, () => en = DescriptionIndex.Build(inputs.TextsEn, w.TextTerms), () => nl = DescriptionIndex.Build(inputs.TextsNl, w.TextTerms));
        var (group, groups) = UnitGroups(inputs.IscoCodes);
        var family = FamilyMatrix(model, group, groups, options);
        var variant = inputs.LabelsEn is { } labels ? OccupationVariants.Families(labels, inputs.IscoCodes) : Enumerable.Repeat(-1, model.OccupationCount).ToArray();
        var members = Enumerable.Range(0, model.OccupationCount).Where(o => variant[o] >= 0).GroupBy(o => variant[o])
            .OrderBy(g => g.Key).Select(g => g.ToArray()).ToArray();
        return new Indexes(en, nl, group, groups, family, variant, members, started.Elapsed);
    }

    /// <summary>
    /// The ranked next steps from an occupation (never itself), best first, at most <see cref="RankingWeights.Keep"/>:
    /// computed on the first call for that occupation, then kept.
    /// </summary>
    public IReadOnlyList<RankedMove> Ranked(int occupation)
    {
        var kept = Volatile.Read(ref _ranked[occupation]);
        if (kept is not null) return kept;
        var all = RankFrom(occupation);
        kept = all.Count > Weights.Keep ? all.Take(Weights.Keep).ToArray() : all.ToArray();
        Volatile.Write(ref _ranked[occupation], kept);
        return kept;
    }

    /// <summary>Computes every occupation's list now (the quality harness and the build benchmark; the app stays lazy).</summary>
    public void RankAll(int? degreeOfParallelism = null) =>
        Parallel.For(0, _model.OccupationCount, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, degreeOfParallelism ?? Environment.ProcessorCount) },
            o => Ranked(o));

    /// <summary>
    /// The ranked moves from an occupation to the targets <paramref name="include"/> accepts (all by default): the
    /// <see cref="RankingWeights.Candidates"/> best of them by fit, ranked. For a filtered list every accepted target is a
    /// candidate, not only those of the unfiltered list.
    /// </summary>
    public IReadOnlyList<RankedMove> RankFrom(int occupation, Func<int, bool>? include = null, RankingWeights? weights = null)
    {
        var fit = _model.FitFromOccupation(occupation);
        var back = _model.FitInto(occupation);
        var candidates = new List<(float Fit, int Target)>();
        for (int t = 0; t < fit.Length; t++)
            if (t != occupation && fit[t] > 0 && (include is null || include(t))) candidates.Add(((float)fit[t], t));
        var ix = _indexes.Value;
        var w = weights ?? Weights;
        var ranked = Rank(ix, occupation, candidates, t => (float)back[t], w, ix.En.NewScratch(), ix.Nl.NewScratch());
        return w.VariantCap > 0 ? OccupationVariants.Spread(ranked, m => ix.Variant[m.Occupation], w.VariantCap) : ranked;
    }

    /// <summary>The other occupations of <paramref name="occupation"/>'s family of variants (<see cref="OccupationVariants"/>); none when it has no family.</summary>
    public IReadOnlyList<int> VariantsOf(int occupation)
    {
        var ix = _indexes.Value;
        var f = ix.Variant[occupation];
        return f < 0 ? [] : ix.VariantMembers[f].Where(o => o != occupation).ToArray();
    }

    /// <summary>The number of <paramref name="occupation"/>'s family of variants, or -1 when it has none.</summary>
    public int VariantFamily(int occupation) => _indexes.Value.Variant[occupation];

    /// <summary>The signals of one move (for a move outside the ranked lists, e.g. a chosen target).</summary>
    public RankSignals Signals(int from, int to)
    {
        var ix = _indexes.Value;
        var fit = _model.FitFromOccupation(from)[to];
        var back = _model.FitFromOccupation(to)[from];
        return new RankSignals((float)fit, (float)back, (float)ix.En.Similarity(from, to), (float)ix.Nl.Similarity(from, to), FamilyOf(ix, from, to));
    }

    /// <summary>True when both occupations sit in the same ISCO minor group (three digits): one occupational family.</summary>
    public bool SameFamily(int a, int b) =>
        _inputs.IscoCodes[a] is { Length: >= 3 } x && _inputs.IscoCodes[b] is { Length: >= 3 } y && string.CompareOrdinal(x, 0, y, 0, 3) == 0;

    private static float FamilyOf(Indexes ix, int a, int b) =>
        ix.Group[a] < 0 || ix.Group[b] < 0 ? 0 : ix.Family[ix.Group[a] * ix.Groups + ix.Group[b]];

    private static RankedMove[] Rank(Indexes ix, int source, List<(float Fit, int Target)> reached, Func<int, float> back,
        RankingWeights w, DescriptionIndex.Scratch en, DescriptionIndex.Scratch nl)
    {
        if (reached.Count > w.Candidates) KeepBest(reached, w.Candidates);
        ix.En.Load(en, source);
        ix.Nl.Load(nl, source);
        var moves = new RankedMove[reached.Count];
        for (int i = 0; i < reached.Count; i++)
        {
            var (f, t) = reached[i];
            var signals = new RankSignals(f, back(t), (float)ix.En.Similarity(en, t), (float)ix.Nl.Similarity(nl, t), FamilyOf(ix, source, t));
            moves[i] = new RankedMove(t, w.Score(signals), signals);
        }
        Array.Sort(moves, static (x, y) => x.Rank != y.Rank ? y.Rank.CompareTo(x.Rank) : x.Occupation.CompareTo(y.Occupation));
        return moves;
    }

    private const int FitBins = 1024;

    /// <summary>
    /// Keeps the <paramref name="k"/> best of <paramref name="items"/> by (fit desc, index asc): a histogram of the fits
    /// (all in [0, 1]) finds the bin holding the k-th best, so only that bin and above are sorted.
    /// </summary>
    internal static void KeepBest(List<(float Fit, int Target)> items, int k)
    {
        Span<int> histogram = stackalloc int[FitBins + 1];
        foreach (var (f, _) in items) histogram[Math.Clamp((int)(f * FitBins), 0, FitBins)]++;
        int bin = FitBins, seen = 0;
        for (; bin > 0; bin--)
        {
            seen += histogram[bin];
            if (seen >= k) break;
        }
        int kept = 0;
        for (int i = 0; i < items.Count; i++)
            if (Math.Clamp((int)(items[i].Fit * FitBins), 0, FitBins) >= bin) items[kept++] = items[i];
        items.RemoveRange(kept, items.Count - kept);
        items.Sort(static (x, y) => x.Fit != y.Fit ? y.Fit.CompareTo(x.Fit) : x.Target.CompareTo(y.Target));
        if (items.Count > k) items.RemoveRange(k, items.Count - k);
    }

    /// <summary>Each occupation's ISCO unit group (four digits) as a dense index; -1 without one.</summary>
    private static (int[] Group, int Count) UnitGroups(IReadOnlyList<string?> isco)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var group = new int[isco.Count];
        for (int o = 0; o < isco.Count; o++)
        {
            var code = isco[o];
            if (code is not { Length: >= 4 }) { group[o] = -1; continue; }
            var key = code[..4];
            if (!ids.TryGetValue(key, out var g)) ids[key] = g = ids.Count;
            group[o] = g;
        }
        return (group, ids.Count);
    }

    /// <summary>
    /// Cosine between ISCO unit groups' skill profiles: a group's profile is the sum of its occupations' IDF-weighted
    /// requirement vectors, each of length 1 first (so a group with many occupations does not drown the rest).
    /// </summary>
    private static float[] FamilyMatrix(TransitionModel model, int[] group, int groups, ParallelOptions options)
    {
        var members = new List<int>[groups];
        for (int g = 0; g < groups; g++) members[g] = [];
        for (int o = 0; o < group.Length; o++) if (group[o] >= 0) members[group[o]].Add(o);
        // Profiles as sparse vectors (skill, weight), length 1.
        var profiles = new (int[] Skill, float[] Weight)[groups];
        Parallel.For(0, groups, options, () => new double[model.SkillCount], (g, _, dense) =>
        {
            var touched = new List<int>();
            foreach (var o in members[g])
            {
                var (skills, weights, start, end) = model.RequirementVector(o);
                double norm = 0;
                for (int i = start; i < end; i++) norm += (double)weights[i] * weights[i];
                norm = Math.Sqrt(norm);
                if (norm == 0) continue;
                for (int i = start; i < end; i++)
                {
                    if (dense[skills[i]] == 0) touched.Add(skills[i]);
                    dense[skills[i]] += weights[i] / norm;
                }
            }
            touched.Sort();
            double length = Math.Sqrt(touched.Sum(s => dense[s] * dense[s]));
            profiles[g] = (touched.ToArray(), touched.Select(s => (float)(length > 0 ? dense[s] / length : 0)).ToArray());
            foreach (var s in touched) dense[s] = 0;
            return dense;
        }, _ => { });
        var family = new float[groups * groups];
        Parallel.For(0, groups, options, () => new float[model.SkillCount], (g, _, dense) =>
        {
            var (gs, gw) = profiles[g];
            for (int i = 0; i < gs.Length; i++) dense[gs[i]] = gw[i];
            for (int h = g; h < groups; h++)
            {
                var (hs, hw) = profiles[h];
                double dot = 0;
                for (int i = 0; i < hs.Length; i++) dot += dense[hs[i]] * hw[i];
                var v = (float)Math.Clamp(dot, 0, 1);
                family[g * groups + h] = v;
                family[h * groups + g] = v;
            }
            for (int i = 0; i < gs.Length; i++) dense[gs[i]] = 0;
            return dense;
        }, _ => { });
        return family;
    }
}

/// <summary>Which way a person wants to move (seeds: reskilling, upskilling and downskilling as explicit choices).</summary>
public enum StepDirection
{
    /// <summary>No choice made: a counsellor's order, sideways and upward moves before steps down.</summary>
    Any = 0,
    /// <summary>Upskilling: only moves to a higher ISCO skill level.</summary>
    Up,
    /// <summary>Reskilling: only moves at the same skill level (other work, often another sector).</summary>
    Level,
    /// <summary>Downskilling, asked for: only steps down (less responsibility, lighter work).</summary>
    Down,
}

/// <summary>The counsellor's order on ranked moves: how a person's chosen direction shapes a list.</summary>
public static class CounsellorOrder
{
    /// <summary>The fit below which a move is not yet a sensible next step (as for a route's step, docs/transitions.md).</summary>
    public const double SensibleFit = 0.25;

    /// <summary>
    /// <see cref="StepDirection.Any"/>: sensible moves sideways and up first, then sensible steps down, then moves whose
    /// fit is below <see cref="SensibleFit"/> (each part in rank order): a step down or a long shot is never hidden, only
    /// placed later. A direction keeps only the moves of that kind, sensible ones first. The kind compares ISCO skill
    /// levels (<see cref="Sectors.MoveKind"/>); a move of unknown kind counts as sideways.
    /// </summary>
    public static IEnumerable<T> Apply<T>(IEnumerable<T> ranked, Func<T, string?> kind, Func<T, double> fit, StepDirection direction) =>
        ranked.Select(m => (Move: m, Part: Part(kind(m), fit(m), direction))).Where(x => x.Part >= 0)
            .OrderBy(x => x.Part).Select(x => x.Move); // OrderBy is stable: rank order within each part

    /// <summary>
    /// Which part of the counsellor's order a move belongs to (0 first), or -1 when the direction leaves it out:
    /// <see cref="StepDirection.Any"/>: 0 sensible sideways or up, 1 sensible down, 2 below <see cref="SensibleFit"/>;
    /// a direction: 0 sensible, 1 not yet sensible, -1 another kind.
    /// </summary>
    public static int Part(string? kind, double fit, StepDirection direction)
    {
        var sensible = fit >= SensibleFit;
        if (direction != StepDirection.Any) return !Matches(kind, direction) ? -1 : sensible ? 0 : 1;
        return !sensible ? 2 : kind == "down" ? 1 : 0;
    }

    /// <summary>Whether a move of <paramref name="kind"/> ("up", "level", "down" or null) goes the asked way.</summary>
    public static bool Matches(string? kind, StepDirection direction) => direction switch
    {
        StepDirection.Up => kind == "up",
        StepDirection.Level => kind is "level" or null,
        StepDirection.Down => kind == "down",
        _ => true,
    };
}
