using Klimrek.Core.Matching;

namespace Klimrek.Core.Tests.Matching;

/// <summary>The blossom algorithm against exhaustive search over all matchings.</summary>
public sealed class MaximumWeightMatchingTests
{
    /// <summary>The best total weight over every matching, by trying, for the lowest free vertex, to leave it single or pair it with each neighbour.</summary>
    private static long BruteForce(int n, IReadOnlyList<WeightedEdge> edges)
    {
        var w = new long?[n, n];
        foreach (var e in edges)
            if (e.U != e.V && (w[e.U, e.V] is null || w[e.U, e.V] < e.Weight))
                w[e.U, e.V] = w[e.V, e.U] = e.Weight;
        var memo = new Dictionary<int, long>();
        long Best(int used)
        {
            if (memo.TryGetValue(used, out var known)) return known;
            int v = 0;
            while (v < n && (used & (1 << v)) != 0) v++;
            if (v == n) return 0;
            long best = Best(used | (1 << v));
            for (int u = v + 1; u < n; u++)
                if ((used & (1 << u)) == 0 && w[v, u] is long x)
                    best = Math.Max(best, x + Best(used | (1 << v) | (1 << u)));
            memo[used] = best;
            return best;
        }
        return Best(0);
    }

    private static void CheckValid(int n, IReadOnlyList<WeightedEdge> edges, MatchingResult r)
    {
        var weight = new Dictionary<(int, int), long>();
        foreach (var e in edges)
        {
            var key = (Math.Min(e.U, e.V), Math.Max(e.U, e.V));
            if (e.U != e.V && (!weight.TryGetValue(key, out var x) || x < e.Weight)) weight[key] = e.Weight;
        }
        long total = 0;
        var seen = new HashSet<int>();
        foreach (var (u, v) in r.Pairs)
        {
            Assert.True(u < v);
            Assert.True(seen.Add(u) && seen.Add(v), "a vertex is matched twice");
            Assert.True(weight.ContainsKey((u, v)), $"({u},{v}) is not an edge");
            Assert.Equal(v, r.Mate[u]);
            Assert.Equal(u, r.Mate[v]);
            total += weight[(u, v)];
        }
        Assert.Equal(total, r.TotalWeight);
        for (int v = 0; v < n; v++)
            if (!seen.Contains(v)) Assert.Equal(-1, r.Mate[v]);
    }

    [Theory]
    [InlineData(1, 0.3, 10)]
    [InlineData(2, 0.6, 10)]
    [InlineData(3, 0.9, 3)]     // few distinct weights: many ties, many blossoms
    [InlineData(4, 0.5, 1000)]
    [InlineData(5, 1.0, 2)]
    public void Equals_exhaustive_search_on_random_graphs_up_to_ten_vertices(int seed, double density, int maxWeight)
    {
        var rnd = new Random(seed);
        for (int iter = 0; iter < 1500; iter++)
        {
            int n = rnd.Next(0, 11);
            var edges = new List<WeightedEdge>();
            for (int u = 0; u < n; u++)
                for (int v = u + 1; v < n; v++)
                    if (rnd.NextDouble() < density)
                        edges.Add(new WeightedEdge(u, v, rnd.Next(-2, maxWeight + 1)));
            if (n > 1 && rnd.NextDouble() < 0.2) edges.Add(new WeightedEdge(0, 1, rnd.Next(1, maxWeight + 1))); // parallel edge
            var r = MaximumWeightMatching.Solve(n, edges);
            CheckValid(n, edges, r);
            Assert.True(BruteForce(n, edges) == r.TotalWeight, $"n={n} edges={string.Join(" ", edges.Select(e => $"{e.U}-{e.V}:{e.Weight}"))}");
        }
    }

    [Theory]
    [InlineData(11, 0.7, 20)]
    [InlineData(12, 1.0, 5)]
    public void Vertex_duals_are_a_certificate_for_edges_left_out(int seed, double density, int maxWeight)
    {
        // Solve on a random subset of the edges; when every left-out edge is covered by the vertex duals
        // (u_i + u_j >= 2w), the matching must be optimal for the whole graph. Exposed vertices have dual zero.
        var rnd = new Random(seed);
        int certified = 0;
        for (int iter = 0; iter < 1500; iter++)
        {
            int n = rnd.Next(1, 11);
            var all = new List<WeightedEdge>();
            for (int u = 0; u < n; u++)
                for (int v = u + 1; v < n; v++)
                    if (rnd.NextDouble() < density) all.Add(new WeightedEdge(u, v, rnd.Next(1, maxWeight + 1)));
            var subset = all.Where(_ => rnd.NextDouble() < 0.6).ToList();
            var r = MaximumWeightMatching.Solve(n, subset);
            Assert.Equal(n, r.VertexDuals.Length);
            for (int v = 0; v < n; v++)
            {
                Assert.True(r.VertexDuals[v] >= 0);
                if (r.Mate[v] == -1) Assert.Equal(0, r.VertexDuals[v]);
            }
            var left = all.Except(subset);
            if (left.All(e => r.VertexDuals[e.U] + r.VertexDuals[e.V] >= 2 * e.Weight))
            {
                certified++;
                Assert.Equal(BruteForce(n, all), r.TotalWeight);
            }
            else Assert.True(BruteForce(n, subset) == r.TotalWeight);
        }
        Assert.True(certified > 100, $"only {certified} certified cases");
    }

    public static IEnumerable<object[]> HardCases()
    {
        // Odd cycles with a pendant (a blossom has to be formed, then augmented through).
        yield return [6, new[] { (0, 1, 10), (1, 2, 10), (2, 0, 10), (2, 3, 11), (3, 4, 5), (4, 5, 9) }];
        // Nested blossoms: a triangle inside a pentagon, with exits.
        yield return [8, new[] { (0, 1, 9), (0, 2, 9), (1, 2, 10), (1, 3, 8), (2, 4, 8), (3, 4, 10), (4, 5, 6), (3, 6, 7), (6, 7, 3), (5, 7, 2) }];
        // A blossom that becomes inner and must be expanded with relabelling.
        yield return [10, new[] { (0, 1, 45), (0, 4, 45), (1, 2, 50), (2, 3, 45), (3, 4, 50), (0, 5, 30), (2, 8, 35), (3, 7, 35), (4, 6, 26), (8, 9, 5) }];
        yield return [10, new[] { (0, 1, 45), (0, 4, 45), (1, 2, 50), (2, 3, 45), (3, 4, 50), (0, 5, 30), (2, 8, 35), (3, 7, 26), (4, 6, 40), (8, 9, 5) }];
        // Blossom expanded at dual zero, then a path through its former children.
        yield return [10, new[] { (0, 1, 40), (0, 2, 40), (1, 2, 60), (1, 3, 55), (2, 4, 55), (3, 4, 50), (0, 7, 15), (4, 6, 30), (6, 5, 10), (7, 9, 10), (3, 8, 30) }];
        // Two nested S-blossoms sharing a base, joined by a tight S-S edge.
        yield return [9, new[] { (0, 1, 23), (0, 4, 22), (0, 5, 15), (1, 2, 25), (2, 3, 22), (3, 4, 25), (3, 7, 14), (4, 8, 13), (5, 6, 12) }];
        // Equal weights everywhere (maximum cardinality follows from maximum weight).
        yield return [7, new[] { (0, 1, 1), (1, 2, 1), (2, 3, 1), (3, 4, 1), (4, 5, 1), (5, 6, 1), (6, 0, 1), (0, 3, 1) }];
    }

    [Theory]
    [MemberData(nameof(HardCases))]
    public void Equals_exhaustive_search_on_known_hard_blossom_cases(int n, (int, int, int)[] raw)
    {
        var edges = raw.Select(e => new WeightedEdge(e.Item1, e.Item2, e.Item3)).ToList();
        var r = MaximumWeightMatching.Solve(n, edges);
        CheckValid(n, edges, r);
        Assert.Equal(BruteForce(n, edges), r.TotalWeight);
        // Relabelling the vertices must not change the optimum.
        var rnd = new Random(n);
        for (int t = 0; t < 20; t++)
        {
            var perm = Enumerable.Range(0, n).OrderBy(_ => rnd.Next()).ToArray();
            var permuted = edges.Select(e => new WeightedEdge(perm[e.U], perm[e.V], e.Weight)).ToList();
            Assert.Equal(r.TotalWeight, MaximumWeightMatching.Solve(n, permuted).TotalWeight);
        }
    }

    [Fact]
    public void Rejects_vertices_outside_the_range()
    {
        Assert.Throws<ArgumentException>(() => MaximumWeightMatching.Solve(3, [new WeightedEdge(0, 3, 1)]));
        Assert.Throws<ArgumentException>(() => MaximumWeightMatching.Solve(3, [new WeightedEdge(-1, 2, 1)]));
    }
}

public sealed class EdgeListTests
{
    [Fact]
    public void Reads_a_well_formed_list_with_comments_and_tabs()
    {
        var (n, edges) = EdgeList.Read(new StringReader("# graph\n4 3\n0 1 5\n1\t2\t-3\n\n2 3 7\n"));
        Assert.Equal(4, n);
        Assert.Equal([new WeightedEdge(0, 1, 5), new WeightedEdge(1, 2, -3), new WeightedEdge(2, 3, 7)], edges);
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("3\n", 1)]
    [InlineData("3 x\n", 1)]
    [InlineData("3 2\n0 1 4\n", 3)]
    [InlineData("3 2\n0 1 4\n1 2\n", 3)]
    [InlineData("3 2\n0 1 4\n1 5 2\n", 3)]
    [InlineData("3 1\n0 1 4.5\n", 2)]
    [InlineData("3 1\n-1 1 4\n", 2)]
    [InlineData("3 1\n0 1 4\n1 2 3\n", 3)]
    public void A_malformed_list_names_the_line(string text, int line)
    {
        var e = Assert.Throws<EdgeListException>(() => EdgeList.Read(new StringReader(text)));
        Assert.Equal(line, e.Line);
        Assert.StartsWith($"regel {line}:", e.Message);
    }
}
