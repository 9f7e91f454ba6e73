namespace Klimrek.Core.Leercultuur;

/// <summary>Another organisation's results as the benchmark sees them: its block means and how many responded.</summary>
/// <param name="OrganisationId">The organisation's id (the organisation being compared is left out by it).</param>
/// <param name="Respondents">Respondents of the organisation's round; below the minimum the organisation does not count.</param>
/// <param name="BlockMeans">Mean per block number; a block without a mean is simply absent.</param>
public sealed record BenchmarkOrganisation(int OrganisationId, int Respondents, IReadOnlyDictionary<int, double> BlockMeans);

/// <summary>
/// The benchmark of one block. When fewer than the minimum number of organisations have a mean for the block,
/// <see cref="Enough"/> is false and only the count is given, never values.
/// </summary>
/// <param name="Block">The building block.</param>
/// <param name="Organisations">Benchmark organisations with a mean for this block.</param>
/// <param name="Enough">Whether <paramref name="Organisations"/> reaches the minimum; all values are null when not.</param>
/// <param name="Mean">Mean of the organisations' means, each organisation weighing once whatever its size.</param>
/// <param name="P25">25th percentile of the organisations' means (see <see cref="Benchmark.Percentile"/>).</param>
/// <param name="P75">75th percentile of the organisations' means.</param>
/// <param name="Own">The compared organisation's own mean for the block, when it has one.</param>
/// <param name="PercentileRank">The own mean's percentile rank among the benchmark organisations, 0–100 (see
/// <see cref="Benchmark.PercentileRank"/>); null without an own mean.</param>
public sealed record BlockBenchmark(
    int Block, int Organisations, bool Enough, double? Mean, double? P25, double? P75, double? Own, double? PercentileRank);

/// <summary>
/// The benchmark of an organisation. When fewer than the minimum number of organisations qualify, <see cref="Enough"/>
/// is false, <see cref="Blocks"/> is empty and only the number available is reported.
/// </summary>
/// <param name="Enough">Whether enough organisations qualify for a benchmark at all.</param>
/// <param name="Organisations">Organisations that qualify (other than the one compared, with enough respondents).</param>
/// <param name="Blocks">Per block, ascending by block number; empty when not <paramref name="Enough"/>.</param>
public sealed record BenchmarkResult(bool Enough, int Organisations, IReadOnlyList<BlockBenchmark> Blocks);

/// <summary>
/// Compares an organisation's block means with those of other organisations (the caller picks them: same sector and
/// region). An organisation counts only with at least <see cref="MinRespondents"/> respondents, and a benchmark exists
/// only with at least <see cref="MinOrganisations"/> such organisations besides the one compared — so that no
/// benchmark figure leans on a small group or reveals a single other organisation. Each organisation weighs once: the
/// benchmark describes organisations, not the employees of the largest ones.
/// </summary>
public static class Benchmark
{
    /// <summary>An organisation's results count in a benchmark only with this many respondents.</summary>
    public const int MinRespondents = 5;

    /// <summary>A benchmark needs this many qualifying organisations besides the one compared.</summary>
    public const int MinOrganisations = 5;

    /// <summary>Benchmarks <paramref name="ownBlockMeans"/> against <paramref name="others"/>.</summary>
    /// <param name="organisationId">The compared organisation; an entry for it in <paramref name="others"/> is ignored.</param>
    /// <param name="ownBlockMeans">The compared organisation's mean per block.</param>
    /// <param name="others">Candidate benchmark organisations, each at most once.</param>
    /// <param name="minRespondents">Respondents an organisation needs to count.</param>
    /// <param name="minOrganisations">Qualifying organisations needed, overall and per block.</param>
    /// <exception cref="ArgumentException">An organisation appears twice, or a mean is not a finite number.</exception>
    public static BenchmarkResult Compare(
        int organisationId, IReadOnlyDictionary<int, double> ownBlockMeans, IReadOnlyList<BenchmarkOrganisation> others,
        int minRespondents = MinRespondents, int minOrganisations = MinOrganisations)
    {
        ArgumentNullException.ThrowIfNull(ownBlockMeans);
        ArgumentNullException.ThrowIfNull(others);
        foreach (var (block, mean) in ownBlockMeans)
            if (!double.IsFinite(mean)) throw new ArgumentException($"Block {block}: the organisation's own mean is not a number.", nameof(ownBlockMeans));
        var seen = new HashSet<int>();
        var qualifying = new List<BenchmarkOrganisation>(others.Count);
        foreach (var o in others)
        {
            if (!seen.Add(o.OrganisationId)) throw new ArgumentException($"Organisation {o.OrganisationId} appears twice.", nameof(others));
            foreach (var (block, mean) in o.BlockMeans)
                if (!double.IsFinite(mean)) throw new ArgumentException($"Organisation {o.OrganisationId}, block {block}: the mean is not a number.", nameof(others));
            if (o.OrganisationId != organisationId && o.Respondents >= minRespondents) qualifying.Add(o);
        }
        if (qualifying.Count < minOrganisations) return new BenchmarkResult(false, qualifying.Count, []);

        var blocks = new SortedSet<int>(ownBlockMeans.Keys);
        foreach (var o in qualifying) blocks.UnionWith(o.BlockMeans.Keys);
        var result = new List<BlockBenchmark>(blocks.Count);
        var values = new double[qualifying.Count];
        foreach (int block in blocks)
        {
            int n = 0;
            double sum = 0;
            foreach (var o in qualifying)
                if (o.BlockMeans.TryGetValue(block, out var v))
                {
                    values[n++] = v;
                    sum += v;
                }
            double? own = ownBlockMeans.TryGetValue(block, out var ov) ? ov : null;
            if (n < minOrganisations)
            {
                result.Add(new BlockBenchmark(block, n, false, null, null, null, own, null));
                continue;
            }
            var sorted = values.AsSpan(0, n);
            sorted.Sort();
            result.Add(new BlockBenchmark(block, n, true, sum / n, Percentile(sorted, 0.25), Percentile(sorted, 0.75), own,
                own is { } x ? PercentileRank(sorted, x) : null));
        }
        return new BenchmarkResult(true, qualifying.Count, result);
    }

    /// <summary>
    /// The p-quantile (0 ≤ p ≤ 1) of ascending values by linear interpolation between closest ranks — the definition of
    /// Excel's PERCENTILE.INC, R's default (type 7) and NumPy's default: with h = (n − 1)·p, the value at position
    /// ⌊h⌋ plus (h − ⌊h⌋) times the step to the next value (0-based positions).
    /// </summary>
    public static double Percentile(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.IsEmpty) throw new ArgumentException("No values.", nameof(sorted));
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        if (lo >= sorted.Length - 1) return sorted[^1];
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    /// <summary>
    /// The percentile rank of <paramref name="value"/> among ascending values, 0–100: the percentage of values below it
    /// plus half the percentage equal to it (the mid-rank definition, so a value in the middle of ties ranks in the
    /// middle, and the median organisation ranks 50).
    /// </summary>
    public static double PercentileRank(ReadOnlySpan<double> sorted, double value)
    {
        if (sorted.IsEmpty) throw new ArgumentException("No values.", nameof(sorted));
        int below = 0;
        while (below < sorted.Length && sorted[below] < value) below++;
        int upTo = below;
        while (upTo < sorted.Length && sorted[upTo] == value) upTo++;
        return 100.0 * (below + 0.5 * (upTo - below)) / sorted.Length;
    }
}
