using Klimrek.Core.Leercultuur;

namespace Klimrek.Core.Tests.Leercultuur;

public sealed class BenchmarkTests
{
    private static BenchmarkOrganisation Org(int id, int respondents, params (int Block, double Mean)[] means) =>
        new(id, respondents, means.ToDictionary(m => m.Block, m => m.Mean));

    private static Dictionary<int, double> Own(params (int Block, double Mean)[] means) => means.ToDictionary(m => m.Block, m => m.Mean);

    [Fact]
    public void Four_organisations_are_not_enough_and_no_value_is_given()
    {
        // Five others, but one has only 4 respondents; the organisation itself does not count for its own benchmark.
        var others = Enumerable.Range(1, 4).Select(i => Org(i, 20, (1, i))).Append(Org(5, 4, (1, 3.0))).Append(Org(99, 50, (1, 2.0))).ToList();
        var r = Benchmark.Compare(99, Own((1, 2.0)), others);
        Assert.Equal(new BenchmarkResult(false, 4, []), r);
        Assert.Empty(r.Blocks);

        var enough = Benchmark.Compare(99, Own((1, 2.0)), [.. others, Org(6, 5, (1, 4.0))]);
        Assert.True(enough.Enough);
        Assert.Equal(5, enough.Organisations);
    }

    [Fact]
    public void Benchmark_by_hand()
    {
        // Block 1: means 1, 2, 3, 4, 10 → mean 4; P25 at h = 4 · 0.25 = 1 → 2; P75 at h = 3 → 4. Own 3: two below, one
        // equal → (2 + 0.5) / 5 = 50. Block 2: six organisations 1 … 6 → h = 1.25 → 2.25, h = 3.75 → 4.75; own 7 → 100.
        // Block 3: only four organisations → not enough, count only.
        var others = new[]
        {
            Org(1, 5, (1, 1), (2, 1), (3, 1)), Org(2, 8, (1, 2), (2, 2), (3, 1)), Org(3, 30, (1, 3), (2, 3), (3, 1)),
            Org(4, 6, (1, 4), (2, 4), (3, 1)), Org(5, 9, (1, 10), (2, 5)), Org(6, 100, (2, 6)),
        };
        var r = Benchmark.Compare(0, Own((1, 3), (2, 7), (3, 2)), others);
        Assert.True(r.Enough);
        Assert.Equal(6, r.Organisations);
        Assert.Equal(new BlockBenchmark(1, 5, true, 4, 2, 4, 3, 50), r.Blocks[0]);
        var b2 = r.Blocks[1];
        Assert.Equal((2, 6, true), (b2.Block, b2.Organisations, b2.Enough));
        Assert.Equal(3.5, b2.Mean!.Value, 12);
        Assert.Equal(2.25, b2.P25!.Value, 12);
        Assert.Equal(4.75, b2.P75!.Value, 12);
        Assert.Equal(100, b2.PercentileRank);
        Assert.Equal(new BlockBenchmark(3, 4, false, null, null, null, 2, null), r.Blocks[2]);
    }

    [Fact]
    public void A_block_the_organisation_lacks_is_benchmarked_without_a_rank()
    {
        var others = Enumerable.Range(1, 5).Select(i => Org(i, 10, (1, i), (4, i))).ToList();
        var r = Benchmark.Compare(0, Own((1, 0.5)), others);
        Assert.Equal([1, 4], r.Blocks.Select(b => b.Block));
        Assert.Equal(0, r.Blocks[0].PercentileRank);
        Assert.Null(r.Blocks[1].Own);
        Assert.Null(r.Blocks[1].PercentileRank);
        Assert.Equal(3, r.Blocks[1].Mean);
    }

    [Fact]
    public void Random_benchmarks_equal_brute_force()
    {
        var rnd = new Random(4);
        for (int iter = 0; iter < 1000; iter++)
        {
            int own = rnd.Next(20);
            var others = Enumerable.Range(0, rnd.Next(0, 15)).Select(i => Org(i, rnd.Next(0, 12),
                Enumerable.Range(1, 6).Where(_ => rnd.NextDouble() < 0.85).Select(b => (b, Math.Round(1 + 4 * rnd.NextDouble(), 1))).ToArray())).ToList();
            var ownMeans = Enumerable.Range(1, 6).Where(_ => rnd.NextDouble() < 0.9).ToDictionary(b => b, _ => Math.Round(1 + 4 * rnd.NextDouble(), 1));
            var r = Benchmark.Compare(own, ownMeans, others);

            var qualifying = others.Where(o => o.OrganisationId != own && o.Respondents >= 5).ToList();
            Assert.Equal(qualifying.Count, r.Organisations);
            Assert.Equal(qualifying.Count >= 5, r.Enough);
            if (!r.Enough)
            {
                Assert.Empty(r.Blocks);
                continue;
            }
            var blocks = ownMeans.Keys.Concat(qualifying.SelectMany(o => o.BlockMeans.Keys)).Distinct().Order().ToList();
            Assert.Equal(blocks, r.Blocks.Select(b => b.Block));
            foreach (var b in r.Blocks)
            {
                var values = qualifying.Where(o => o.BlockMeans.ContainsKey(b.Block)).Select(o => o.BlockMeans[b.Block]).ToList();
                double? mine = ownMeans.TryGetValue(b.Block, out var m) ? m : null;
                Assert.Equal(values.Count, b.Organisations);
                Assert.Equal(mine, b.Own);
                if (values.Count < 5)
                {
                    Assert.Equal(new BlockBenchmark(b.Block, values.Count, false, null, null, null, mine, null), b);
                    continue;
                }
                ScanOracle.Near(values.Average(), b.Mean);
                ScanOracle.Near(InterpolatedQuantile(values, 0.25), b.P25);
                ScanOracle.Near(InterpolatedQuantile(values, 0.75), b.P75);
                ScanOracle.Near(mine is { } x ? 100.0 * (values.Count(v => v < x) + 0.5 * values.Count(v => v == x)) / values.Count : null, b.PercentileRank);
            }
        }
    }

    [Fact]
    public void Percentile_definitions_at_the_edges()
    {
        double[] one = [3];
        Assert.Equal(3, Benchmark.Percentile(one, 0.25));
        Assert.Equal(50, Benchmark.PercentileRank(one, 3));
        double[] xs = [1, 2, 2, 2, 9];
        Assert.Equal(1, Benchmark.Percentile(xs, 0));
        Assert.Equal(9, Benchmark.Percentile(xs, 1));
        Assert.Equal(2, Benchmark.Percentile(xs, 0.5));
        Assert.Equal(50, Benchmark.PercentileRank(xs, 2)); // 1 below, 3 equal: (1 + 1.5) / 5
        Assert.Equal(100, Benchmark.PercentileRank(xs, 10));
        Assert.Throws<ArgumentException>(() => Benchmark.Compare(0, Own(), [Org(1, 5, (1, 2)), Org(1, 5, (1, 3))]));
        Assert.Throws<ArgumentException>(() => Benchmark.Compare(0, Own(), [Org(1, 5, (1, double.NaN))]));
        Assert.Throws<ArgumentException>(() => Benchmark.Compare(0, Own((2, double.PositiveInfinity)), []));
    }

    /// <summary>
    /// The quantile as the piecewise-linear curve through the points (i / (n − 1), x₍ᵢ₎), found by walking the segments.
    /// </summary>
    private static double InterpolatedQuantile(List<double> values, double p)
    {
        var x = values.Order().ToList();
        if (x.Count == 1) return x[0];
        for (int i = 0; i + 1 < x.Count; i++)
        {
            double from = (double)i / (x.Count - 1), to = (double)(i + 1) / (x.Count - 1);
            if (p >= from && p <= to) return x[i] + (p - from) / (to - from) * (x[i + 1] - x[i]);
        }
        throw new InvalidOperationException("p outside [0, 1]");
    }
}
