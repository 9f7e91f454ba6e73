namespace Klimrek.Core.Matching;

/// <summary>An undirected edge with an integer weight between vertices 0..n-1.</summary>
public readonly record struct WeightedEdge(int U, int V, long Weight);

/// <summary>
/// A matching: <see cref="Mate"/>[v] is v's partner or -1; pairs are listed with U &lt; V, sorted.
/// <see cref="VertexDuals"/> is the optimal dual solution's vertex part, in doubled units: every vertex dual is ≥ 0
/// and an edge (u, v, w) that was not in the input cannot improve the matching when
/// VertexDuals[u] + VertexDuals[v] ≥ 2w (the duals stay feasible with it). Callers use this to solve on a sparse
/// candidate graph and prove, or repair, optimality on the complete one ("pricing").
/// </summary>
public sealed record MatchingResult(long TotalWeight, int[] Mate, IReadOnlyList<(int U, int V)> Pairs, long[] VertexDuals);

/// <summary>
/// Maximum-weight matching on a general graph (not necessarily maximum cardinality): Edmonds' blossom algorithm in
/// its primal-dual form, organised as a forest of alternating trees with lazily updated duals and a priority queue of
/// dual events (see <see cref="BlossomSolver"/>). With integer weights every quantity stays integral (duals are in
/// doubled units). Edges with weight ≤ 0 can never improve a maximum-weight matching and are ignored; parallel edges
/// keep their heaviest copy; self-loops are ignored.
/// </summary>
public static class MaximumWeightMatching
{
    /// <summary>Weights above this are rejected: internal sums of a few doubled weights must not overflow.</summary>
    public const long MaxWeight = 1L << 58;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static MatchingResult Solve(int vertexCount, IReadOnlyList<WeightedEdge> edges)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(vertexCount);
        ArgumentNullException.ThrowIfNull(edges);
        int n = vertexCount;
        ReadOnlySpan<WeightedEdge> input = edges switch
        {
            WeightedEdge[] array => array,
            List<WeightedEdge> list => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list),
            _ => edges.ToArray(),
        };

        // Bucket the usable edges by their lower endpoint (counting sort), then drop parallel copies in one pass per
        // bucket with a "last seen from" marker per higher endpoint, keeping the heaviest weight.
        var bucketStart = new int[n + 1];
        int usable = 0;
        foreach (ref readonly var e in input)
        {
            if ((uint)e.U >= (uint)n || (uint)e.V >= (uint)n)
                throw new ArgumentException($"Edge ({e.U}, {e.V}) has a vertex outside 0..{n - 1}.", nameof(edges));
            if (e.U == e.V || e.Weight <= 0) continue;
            if (e.Weight > MaxWeight)
                throw new ArgumentException($"Edge ({e.U}, {e.V}) weighs more than 2^58.", nameof(edges));
            bucketStart[Math.Min(e.U, e.V)]++;
            usable++;
        }
        for (int v = 0, sum = 0; v <= n; v++) { int c = bucketStart[v]; bucketStart[v] = sum; sum += c; }
        var high = new int[usable];
        var weight = new long[usable];
        var fill = bucketStart.AsSpan(0, n).ToArray();
        foreach (ref readonly var e in input)
        {
            if (e.U == e.V || e.Weight <= 0) continue;
            int a = Math.Min(e.U, e.V);
            int slot = fill[a]++;
            high[slot] = Math.Max(e.U, e.V);
            weight[slot] = e.Weight;
        }
        var low = new int[usable];
        var lastFrom = fill; // reused: lastFrom[b] = lower endpoint whose bucket last kept an edge to b
        Array.Fill(lastFrom, -1);
        var keptAt = new int[n];
        var degree = new int[n + 1];
        int m = 0;
        for (int a = 0; a < n; a++)
            for (int i = bucketStart[a], end = bucketStart[a + 1]; i < end; i++)
            {
                int b = high[i];
                if (lastFrom[b] == a)
                {
                    ref long kept = ref weight[keptAt[b]];
                    if (weight[i] > kept) kept = weight[i];
                    continue;
                }
                lastFrom[b] = a;
                keptAt[b] = m;
                low[m] = a; high[m] = b; weight[m] = weight[i];
                degree[a]++; degree[b]++;
                m++;
            }

        if (m >= 1 << 28) // events pack an arc id and a 2-bit kind into one int
            throw new ArgumentException($"More than 2^28 distinct edges ({m}).", nameof(edges));

        // Arcs grouped by tail vertex; the two arcs of an edge point at each other through `rev`.
        var start = new int[n + 1];
        for (int v = 0; v < n; v++) start[v + 1] = start[v] + degree[v];
        var next = start.AsSpan(0, n).ToArray();
        var head = new int[2 * m];
        var rev = new int[2 * m];
        var w2 = new long[2 * m];
        for (int k = 0; k < m; k++)
        {
            int a = low[k], b = high[k];
            int pa = next[a]++, pb = next[b]++;
            head[pa] = b; head[pb] = a;
            rev[pa] = pb; rev[pb] = pa;
            w2[pa] = w2[pb] = 2 * weight[k];
        }

        var solver = new BlossomSolver(n, start, head, rev, w2);
        var mateArc = solver.Run();
        var mate = new int[n];
        var pairs = new List<(int U, int V)>();
        long total = 0;
        for (int v = 0; v < n; v++)
        {
            int arc = mateArc[v];
            mate[v] = arc < 0 ? -1 : head[arc];
            if (arc >= 0 && head[arc] > v)
            {
                pairs.Add((v, head[arc]));
                total += w2[arc] / 2;
            }
        }
        return new MatchingResult(total, mate, pairs, solver.VertexDuals());
    }
}
