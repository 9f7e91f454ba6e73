using Klimrek.Core.Matching;

namespace Klimrek.Core.Tests.Matching;

/// <summary>
/// Test-only reference: the first, stage-based O(n³) implementation of the primal-dual blossom algorithm (a port of the
/// classic Van Rantwijk organisation: every stage restarts the search from all exposed vertices, all vertex duals start
/// at the largest weight). Kept unchanged to compare the optimised solver against on graphs too large for exhaustive search.
/// </summary>
internal static class ReferenceMatching
{
    public static MatchingResult Solve(int vertexCount, IReadOnlyList<WeightedEdge> edges)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(vertexCount);
        var kept = new Dictionary<long, long>();
        foreach (var e in edges)
        {
            if ((uint)e.U >= (uint)vertexCount || (uint)e.V >= (uint)vertexCount)
                throw new ArgumentException($"Edge ({e.U}, {e.V}) has a vertex outside 0..{vertexCount - 1}.", nameof(edges));
            if (e.U == e.V || e.Weight <= 0) continue;
            int a = Math.Min(e.U, e.V), b = Math.Max(e.U, e.V);
            var key = ((long)a << 32) | (uint)b;
            if (!kept.TryGetValue(key, out var w) || w < e.Weight) kept[key] = e.Weight;
        }
        var list = kept.OrderBy(kv => kv.Key).Select(kv => new WeightedEdge((int)(kv.Key >> 32), (int)kv.Key, kv.Value)).ToArray();
        var solver = new Solver(vertexCount, list);
        var mate = solver.Run();
        long total = 0;
        var pairs = new List<(int, int)>();
        var weightOf = kept;
        for (int v = 0; v < vertexCount; v++)
            if (mate[v] > v)
            {
                pairs.Add((v, mate[v]));
                total += weightOf[((long)v << 32) | (uint)mate[v]];
            }
        return new MatchingResult(total, mate, pairs, solver.VertexDuals());
    }

    /// <summary>
    /// The primal-dual state. Edge k has endpoints 2k (its U) and 2k+1 (its V); "the other end" of endpoint p is p^1.
    /// Indexes 0..n-1 are vertices, n..2n-1 are blossom slots.
    /// </summary>
    private sealed class Solver
    {
        private const int Free = 0, Outer = 1, Inner = 2, Marked = 4;

        private readonly int _n;
        private readonly int[] _eu, _ev;
        private readonly long[] _w2;              // doubled weights
        private readonly int[] _endVertex;        // endpoint p -> vertex
        private readonly int[][] _incident;       // vertex -> endpoints on the far side of its edges
        private readonly int[] _mateEnd;          // vertex -> far endpoint of its matched edge, or -1
        private readonly int[] _label;            // per vertex and blossom: Free, Outer, Inner (+Marked while scanning)
        private readonly int[] _labelEnd;         // endpoint through which the label came, or -1
        private readonly int[] _top;              // vertex -> top-level blossom (or itself)
        private readonly int[] _parent;           // blossom or vertex -> enclosing blossom, or -1
        private readonly List<int>?[] _children;  // blossom -> sub-blossoms in cycle order, starting at the base
        private readonly List<int>?[] _childEnds; // blossom -> endpoints joining consecutive children
        private readonly int[] _base;             // blossom -> base vertex (-1: slot unused)
        private readonly int[] _bestEdge;         // least-slack edge to an outer blossom, or -1
        private readonly List<int>?[] _bestEdges; // outer blossom -> least-slack edge per neighbouring outer blossom
        private readonly Stack<int> _freeSlots = new();
        private readonly long[] _dual;
        private readonly bool[] _allowed;
        private readonly List<int> _queue = [];

        public Solver(int n, WeightedEdge[] edges)
        {
            _n = n;
            int m = edges.Length;
            _eu = new int[m]; _ev = new int[m]; _w2 = new long[m];
            _endVertex = new int[2 * m];
            var degree = new int[n];
            long maxWeight = 0;
            for (int k = 0; k < m; k++)
            {
                _eu[k] = edges[k].U; _ev[k] = edges[k].V; _w2[k] = 2 * edges[k].Weight;
                _endVertex[2 * k] = edges[k].U; _endVertex[2 * k + 1] = edges[k].V;
                degree[edges[k].U]++; degree[edges[k].V]++;
                maxWeight = Math.Max(maxWeight, edges[k].Weight);
            }
            _incident = new int[n][];
            for (int v = 0; v < n; v++) _incident[v] = new int[degree[v]];
            var fill = new int[n];
            for (int k = 0; k < m; k++)
            {
                _incident[_eu[k]][fill[_eu[k]]++] = 2 * k + 1;
                _incident[_ev[k]][fill[_ev[k]]++] = 2 * k;
            }
            _mateEnd = Filled(n, -1);
            _label = new int[2 * n];
            _labelEnd = Filled(2 * n, -1);
            _top = new int[n];
            for (int v = 0; v < n; v++) _top[v] = v;
            _parent = Filled(2 * n, -1);
            _children = new List<int>?[2 * n];
            _childEnds = new List<int>?[2 * n];
            _base = new int[2 * n];
            for (int i = 0; i < 2 * n; i++) _base[i] = i < n ? i : -1;
            for (int b = 2 * n - 1; b >= n; b--) _freeSlots.Push(b);
            _bestEdge = Filled(2 * n, -1);
            _bestEdges = new List<int>?[2 * n];
            _dual = new long[2 * n];
            for (int v = 0; v < n; v++) _dual[v] = maxWeight; // doubled weights, so duals are in the same doubled unit
            _allowed = new bool[m];
        }

        public long[] VertexDuals() => _dual[.._n];

        private static int[] Filled(int length, int value)
        {
            var a = new int[length];
            Array.Fill(a, value);
            return a;
        }

        private long Slack(int k) => _dual[_eu[k]] + _dual[_ev[k]] - _w2[k];

        private IEnumerable<int> Leaves(int b)
        {
            if (b < _n) { yield return b; yield break; }
            var stack = new Stack<int>();
            stack.Push(b);
            while (stack.Count > 0)
            {
                var x = stack.Pop();
                if (x < _n) yield return x;
                else
                    for (int i = _children[x]!.Count - 1; i >= 0; i--) stack.Push(_children[x]![i]);
            }
        }

        private void AssignLabel(int v, int label, int viaEnd)
        {
            // Iterative: an inner label immediately gives the mate of its base an outer label.
            while (true)
            {
                int b = _top[v];
                _label[v] = _label[b] = label;
                _labelEnd[v] = _labelEnd[b] = viaEnd;
                _bestEdge[v] = _bestEdge[b] = -1;
                if (label == Outer)
                {
                    foreach (var leaf in Leaves(b)) _queue.Add(leaf);
                    return;
                }
                int baseMate = _mateEnd[_base[b]];
                v = _endVertex[baseMate];
                label = Outer;
                viaEnd = baseMate ^ 1;
            }
        }

        /// <summary>Walks up both trees from v and w; returns the base of the new blossom, or -1 for an augmenting path.</summary>
        private int FindCommonBase(int v, int w)
        {
            var path = new List<int>();
            int found = -1;
            while (v != -1 || w != -1)
            {
                int b = _top[v];
                if ((_label[b] & Marked) != 0) { found = _base[b]; break; }
                path.Add(b);
                _label[b] = Outer | Marked;
                if (_labelEnd[b] == -1) v = -1;
                else
                {
                    v = _endVertex[_labelEnd[b]];
                    v = _endVertex[_labelEnd[_top[v]]];
                }
                if (w != -1) (v, w) = (w, v);
            }
            foreach (var b in path) _label[b] = Outer;
            return found;
        }

        private void AddBlossom(int baseVertex, int k)
        {
            int v = _eu[k], w = _ev[k];
            int bb = _top[baseVertex], bv = _top[v], bw = _top[w];
            int b = _freeSlots.Pop();
            _base[b] = baseVertex;
            _parent[b] = -1;
            _parent[bb] = b;
            var children = new List<int>();
            var ends = new List<int>();
            // From v's side back to the base (collected in reverse).
            while (bv != bb)
            {
                _parent[bv] = b;
                children.Add(bv);
                ends.Add(_labelEnd[bv]);
                v = _endVertex[_labelEnd[bv]];
                bv = _top[v];
            }
            children.Add(bb);
            children.Reverse();
            ends.Reverse();
            ends.Add(2 * k);
            while (bw != bb)
            {
                _parent[bw] = b;
                children.Add(bw);
                ends.Add(_labelEnd[bw] ^ 1);
                w = _endVertex[_labelEnd[bw]];
                bw = _top[w];
            }
            _children[b] = children;
            _childEnds[b] = ends;
            _label[b] = Outer;
            _labelEnd[b] = _labelEnd[bb];
            _dual[b] = 0;
            foreach (var leaf in Leaves(b))
            {
                if (_label[_top[leaf]] == Inner) _queue.Add(leaf);
                _top[leaf] = b;
            }

            // The new blossom's least-slack edge to every other outer blossom, from its children's lists.
            var bestTo = new Dictionary<int, int>();
            foreach (var child in children)
            {
                IEnumerable<int> candidates = _bestEdges[child] ?? Leaves(child).SelectMany(x => _incident[x].Select(p => p >> 1));
                foreach (var e in candidates)
                {
                    int i = _eu[e], j = _ev[e];
                    if (_top[j] == b) (i, j) = (j, i);
                    int bj = _top[j];
                    if (bj != b && _label[bj] == Outer && (!bestTo.TryGetValue(bj, out var cur) || Slack(e) < Slack(cur)))
                        bestTo[bj] = e;
                }
                _bestEdges[child] = null;
                _bestEdge[child] = -1;
            }
            var best = bestTo.Values.ToList();
            _bestEdges[b] = best;
            _bestEdge[b] = -1;
            foreach (var e in best)
                if (_bestEdge[b] == -1 || Slack(e) < Slack(_bestEdge[b])) _bestEdge[b] = e;
        }

        private void ExpandBlossom(int b, bool endOfStage)
        {
            var children = _children[b]!;
            var ends = _childEnds[b]!;
            foreach (var s in children)
            {
                _parent[s] = -1;
                if (s < _n) _top[s] = s;
                else if (endOfStage && _dual[s] == 0) ExpandBlossom(s, endOfStage);
                else foreach (var leaf in Leaves(s)) _top[leaf] = s;
            }
            if (!endOfStage && _label[b] == Inner)
            {
                // The blossom sat in a tree as an inner node: relabel the even-length path from where the tree enters
                // it to its base, and free the other children.
                int entry = _top[_endVertex[_labelEnd[b] ^ 1]];
                int count = children.Count;
                int j = children.IndexOf(entry);
                int step, trick;
                if ((j & 1) != 0) { j -= count; step = 1; trick = 0; }
                else { step = -1; trick = 1; }
                int p = _labelEnd[b];
                while (j != 0)
                {
                    _label[_endVertex[p ^ 1]] = Free;
                    _label[_endVertex[ends[Mod(j - trick, count)] ^ trick ^ 1]] = Free;
                    AssignLabel(_endVertex[p ^ 1], Inner, p);
                    _allowed[ends[Mod(j - trick, count)] >> 1] = true;
                    j += step;
                    p = ends[Mod(j - trick, count)] ^ trick;
                    _allowed[p >> 1] = true;
                    j += step;
                }
                int bv = children[Mod(j, count)];
                _label[_endVertex[p ^ 1]] = _label[bv] = Inner;
                _labelEnd[_endVertex[p ^ 1]] = _labelEnd[bv] = p;
                _bestEdge[bv] = -1;
                j += step;
                while (children[Mod(j, count)] != entry)
                {
                    bv = children[Mod(j, count)];
                    if (_label[bv] == Outer) { j += step; continue; }
                    int labelled = -1;
                    foreach (var leaf in Leaves(bv))
                        if (_label[leaf] != Free) { labelled = leaf; break; }
                    if (labelled != -1)
                    {
                        _label[labelled] = Free;
                        _label[_endVertex[_mateEnd[_base[bv]]]] = Free;
                        AssignLabel(labelled, Inner, _labelEnd[labelled]);
                    }
                    j += step;
                }
            }
            _label[b] = Free;
            _labelEnd[b] = -1;
            _children[b] = null;
            _childEnds[b] = null;
            _base[b] = -1;
            _bestEdges[b] = null;
            _bestEdge[b] = -1;
            _freeSlots.Push(b);
        }

        private static int Mod(int i, int count) => ((i % count) + count) % count;

        /// <summary>Swaps matched and unmatched edges inside blossom b so that vertex v becomes its base.</summary>
        private void AugmentBlossom(int b, int v)
        {
            int t = v;
            while (_parent[t] != b) t = _parent[t];
            if (t >= _n) AugmentBlossom(t, v);
            var children = _children[b]!;
            var ends = _childEnds[b]!;
            int count = children.Count;
            int i = children.IndexOf(t), j = i;
            int step, trick;
            if ((i & 1) != 0) { j -= count; step = 1; trick = 0; }
            else { step = -1; trick = 1; }
            while (j != 0)
            {
                j += step;
                t = children[Mod(j, count)];
                int p = ends[Mod(j - trick, count)] ^ trick;
                if (t >= _n) AugmentBlossom(t, _endVertex[p]);
                j += step;
                t = children[Mod(j, count)];
                if (t >= _n) AugmentBlossom(t, _endVertex[p ^ 1]);
                _mateEnd[_endVertex[p]] = p ^ 1;
                _mateEnd[_endVertex[p ^ 1]] = p;
            }
            // Rotate so that the new base comes first.
            children.AddRange(children.GetRange(0, i));
            children.RemoveRange(0, i);
            ends.AddRange(ends.GetRange(0, i));
            ends.RemoveRange(0, i);
            _base[b] = _base[children[0]];
        }

        private void AugmentMatching(int k)
        {
            foreach (var (start, end) in new[] { (_eu[k], 2 * k + 1), (_ev[k], 2 * k) })
            {
                int s = start, p = end;
                while (true)
                {
                    int bs = _top[s];
                    if (bs >= _n) AugmentBlossom(bs, s);
                    _mateEnd[s] = p;
                    if (_labelEnd[bs] == -1) break; // reached a tree root
                    int t = _endVertex[_labelEnd[bs]];
                    int bt = _top[t];
                    s = _endVertex[_labelEnd[bt]];
                    int j = _endVertex[_labelEnd[bt] ^ 1];
                    if (bt >= _n) AugmentBlossom(bt, j);
                    _mateEnd[j] = _labelEnd[bt];
                    p = _labelEnd[bt] ^ 1;
                }
            }
        }

        public int[] Run()
        {
            int n = _n;
            for (int stage = 0; stage < n; stage++)
            {
                Array.Fill(_label, Free);
                Array.Fill(_bestEdge, -1);
                for (int b = n; b < 2 * n; b++) _bestEdges[b] = null;
                Array.Fill(_allowed, false);
                _queue.Clear();
                for (int v = 0; v < n; v++)
                    if (_mateEnd[v] == -1 && _label[_top[v]] == Free) AssignLabel(v, Outer, -1);

                bool augmented = false;
                while (true)
                {
                    while (_queue.Count > 0 && !augmented)
                    {
                        int v = _queue[^1];
                        _queue.RemoveAt(_queue.Count - 1);
                        foreach (var p in _incident[v])
                        {
                            int k = p >> 1, w = _endVertex[p];
                            if (_top[v] == _top[w]) continue;
                            long slack = 0;
                            if (!_allowed[k])
                            {
                                slack = Slack(k);
                                if (slack <= 0) _allowed[k] = true;
                            }
                            if (_allowed[k])
                            {
                                if (_label[_top[w]] == Free) AssignLabel(w, Inner, p ^ 1);
                                else if (_label[_top[w]] == Outer)
                                {
                                    int baseVertex = FindCommonBase(v, w);
                                    if (baseVertex >= 0) AddBlossom(baseVertex, k);
                                    else { AugmentMatching(k); augmented = true; break; }
                                }
                                else if (_label[w] == Free)
                                {
                                    _label[w] = Inner;
                                    _labelEnd[w] = p ^ 1;
                                }
                            }
                            else if (_label[_top[w]] == Outer)
                            {
                                int b = _top[v];
                                if (_bestEdge[b] == -1 || slack < Slack(_bestEdge[b])) _bestEdge[b] = k;
                            }
                            else if (_label[w] == Free)
                            {
                                if (_bestEdge[w] == -1 || slack < Slack(_bestEdge[w])) _bestEdge[w] = k;
                            }
                        }
                    }
                    if (augmented) break;

                    // Largest dual step that keeps every constraint satisfied.
                    int kind = 1, edge = -1, blossom = -1;
                    long delta = long.MaxValue;
                    for (int v = 0; v < n; v++) delta = Math.Min(delta, _dual[v]);
                    if (n == 0) delta = 0;
                    for (int v = 0; v < n; v++)
                        if (_label[_top[v]] == Free && _bestEdge[v] != -1)
                        {
                            long d = Slack(_bestEdge[v]);
                            if (d < delta) { delta = d; kind = 2; edge = _bestEdge[v]; }
                        }
                    for (int b = 0; b < 2 * n; b++)
                        if (_parent[b] == -1 && _label[b] == Outer && _bestEdge[b] != -1 && (b < n || _base[b] >= 0))
                        {
                            long d = Slack(_bestEdge[b]) / 2;
                            if (d < delta) { delta = d; kind = 3; edge = _bestEdge[b]; }
                        }
                    for (int b = n; b < 2 * n; b++)
                        if (_base[b] >= 0 && _parent[b] == -1 && _label[b] == Inner && _dual[b] < delta)
                        {
                            delta = _dual[b]; kind = 4; blossom = b;
                        }

                    for (int v = 0; v < n; v++)
                    {
                        int l = _label[_top[v]];
                        if (l == Outer) _dual[v] -= delta;
                        else if (l == Inner) _dual[v] += delta;
                    }
                    for (int b = n; b < 2 * n; b++)
                        if (_base[b] >= 0 && _parent[b] == -1)
                        {
                            if (_label[b] == Outer) _dual[b] += delta;
                            else if (_label[b] == Inner) _dual[b] -= delta;
                        }

                    if (kind == 1) break; // duals prove the matching optimal
                    if (kind == 2)
                    {
                        _allowed[edge] = true;
                        int i = _eu[edge], j = _ev[edge];
                        if (_label[_top[i]] == Free) (i, j) = (j, i);
                        _queue.Add(i);
                    }
                    else if (kind == 3)
                    {
                        _allowed[edge] = true;
                        _queue.Add(_eu[edge]);
                    }
                    else ExpandBlossom(blossom, false);
                }
                if (!augmented) break;
                for (int b = n; b < 2 * n; b++)
                    if (_parent[b] == -1 && _base[b] >= 0 && _label[b] == Outer && _dual[b] == 0)
                        ExpandBlossom(b, true);
            }
            var mate = new int[n];
            for (int v = 0; v < n; v++) mate[v] = _mateEnd[v] >= 0 ? _endVertex[_mateEnd[v]] : -1;
            return mate;
        }
    }
}
