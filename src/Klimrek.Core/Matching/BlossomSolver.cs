using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Klimrek.Core.Matching;

/// <summary>
/// Edmonds' primal-dual blossom algorithm for maximum-weight matching, organised for sparse graphs
/// (O(nm log n)-style, in the spirit of the "alternating forest with priority queues" variants in the literature).
///
/// <para><b>Duals and units.</b> Every quantity is in doubled units: an edge (u, v, w) is covered when
/// y_u + y_v + Σ z_B (over blossoms B containing both ends) ≥ 2w, so it is "tight" at equality. Vertex duals start at
/// the heaviest incident weight rounded up to an even number, which covers every edge. Because all roots start with an
/// even dual and every vertex of an alternating tree is joined to its root by tight edges (and blossom duals stay even),
/// all outer vertices always share the parity of the global dual time; hence the slack of an edge between two outer
/// vertices is even and every dual step is an integer — the returned vertex duals are exact integers.</para>
///
/// <para><b>Forest, not stages.</b> At the start every vertex is the root of its own alternating tree. Trees grow,
/// shrink odd cycles into blossoms and expand blossoms independently; an augmentation (between two trees, or from a
/// tree to an exposed vertex whose dual is zero) dissolves only the trees involved. An even vertex whose dual reaches
/// zero is made exposed by flipping the path to its root, which also dissolves that tree. Vertices that are not in a
/// tree are "free" (matched, or exposed with dual zero) and their duals are frozen.</para>
///
/// <para><b>Lazy duals.</b> A global dual time T grows monotonically. The dual of vertex v is
/// p[v] + c[X] + s·T, where X is v's top-level blossom (or v itself) and s is −1 for even (outer), +1 for odd (inner)
/// and 0 for free nodes. Changing a node's status adjusts only c[X]; the per-vertex p[v] are rewritten only when a
/// node is absorbed into or released from a blossom. A top-level blossom's dual is z = zq − 2(c + s·T).</para>
///
/// <para><b>Events.</b> Each way the duals can stop (an even vertex's dual reaching zero, an even–free edge or an
/// even–even edge becoming tight, an odd blossom's dual reaching zero) happens at a fixed point in dual time as long as
/// the nodes involved keep their status. These points are pushed into a monotone radix heap whenever a node changes
/// status; stale entries are not removed but recognised when popped, by recomputing the event time from the
/// current state. Events later than the largest initial dual of a live root can never happen and are not stored.
/// Events at the current time wait in per-kind first-in-first-out lists and are taken in a fixed order of kinds
/// (see <see cref="NextEvent"/>), which matters a great deal when many weights are equal.</para>
///
/// <para><b>Blossoms.</b> A blossom stores its children in cycle order with the arcs joining consecutive children, plus
/// the index of the child holding its base. The matching inside blossoms is not stored: it follows from the base
/// (children 1-2, 3-4, … relative to the base child are matched along their joining arcs), so moving a base only
/// updates the base index along one chain of nested blossoms. Vertex matches are extracted at the end.</para>
/// </summary>
internal sealed class BlossomSolver
{
    private const byte Free = 0, Even = 1, Odd = 2;
    private const int KindVertexZero = 0, KindEvenFree = 1, KindEvenEven = 2, KindBlossomZero = 3;

    // The graph, as arcs grouped by tail vertex: arcs of v are _start[v].._start[v+1]-1; _rev pairs the two
    // directions of an edge, so the tail of arc a is _head[_rev[a]].
    private readonly int _n;
    private readonly int[] _start, _head, _rev;
    private readonly long[] _w2; // doubled weight per arc

    // Per vertex.
    private readonly int[] _top;  // top-level node containing the vertex
    private readonly long[] _p;   // dual = _p[v] + _c[_top[v]] + sign(status)·T

    // Per node: 0..n-1 are vertices, n..2n-1 blossom slots.
    private readonly byte[] _status;
    private readonly long[] _c;
    private readonly int[] _tree;        // tree id (= its root vertex) while even or odd
    private readonly int[] _mateArc;     // arc from the node's base to its mate, or -1 when exposed
    private readonly int[] _labelArc;    // odd nodes: arc from the even parent into the node
    private readonly int[] _parent;      // enclosing blossom, or -1 at top level
    private readonly int[] _childIndex;  // position in the parent's child cycle
    private readonly int[] _baseVertex;
    private readonly int[] _baseIndex;   // blossoms: index of the child holding the base
    private readonly int[]?[] _children; // blossoms: children in cycle order (null: slot unused)
    private readonly int[]?[] _ends;     // blossoms: _ends[i] is the arc from _children[i] to _children[i+1]
    private readonly long[] _zq;
    private readonly int[] _treeNext, _treePrev; // intrusive list of each tree's top-level nodes
    private readonly int[] _treeFirst;           // per tree id
    private readonly bool[] _alive;              // per tree id
    private readonly int[] _freeSlots;
    private int _freeSlotCount;

    // Live trees sorted by their root's initial dual (descending): no event after the largest one can happen.
    private readonly int[] _rootsByInit;
    private readonly long[] _rootInit;
    private int _rootCursor;
    private long _limit;

    private readonly RadixHeap _heap = new();          // events after the current time
    private readonly int[][] _now = new int[4][];       // per kind: events at exactly the current time
    private readonly int[] _nowCount = new int[4];
    private readonly int[] _nowHead = new int[4];
    private long _time;
    private int _liveTrees;

    // Scratch.
    private readonly int[] _mark;
    private int _stamp;
    private readonly int[] _vertexBuffer, _stack, _nodeBuffer;
    private readonly List<int> _left = [], _right = [], _evenList = [], _freeList = [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public BlossomSolver(int n, int[] start, int[] head, int[] rev, long[] w2)
    {
        _n = n; _start = start; _head = head; _rev = rev; _w2 = w2;
        _top = new int[n];
        _p = new long[n];
        int nodes = 2 * n;
        _status = new byte[nodes];
        _c = new long[nodes];
        _tree = new int[nodes];
        _mateArc = new int[nodes];
        _labelArc = new int[nodes];
        _parent = new int[nodes];
        _childIndex = new int[nodes];
        _baseVertex = new int[nodes];
        _baseIndex = new int[nodes];
        _children = new int[]?[nodes];
        _ends = new int[]?[nodes];
        _zq = new long[nodes];
        _treeNext = new int[nodes];
        _treePrev = new int[nodes];
        _treeFirst = new int[n];
        _alive = new bool[n];
        _freeSlots = new int[n];
        for (int k = 0; k < 4; k++) _now[k] = new int[16];
        for (int b = nodes - 1; b >= n; b--) _freeSlots[_freeSlotCount++] = b;
        _mark = new int[nodes];
        _vertexBuffer = new int[n];
        _stack = new int[nodes];
        _nodeBuffer = new int[nodes];
        Array.Fill(_mateArc, -1);
        Array.Fill(_labelArc, -1);
        Array.Fill(_parent, -1);
        Array.Fill(_treeFirst, -1);

        int roots = 0;
        for (int v = 0; v < n; v++)
        {
            _top[v] = v;
            _baseVertex[v] = v;
            long max = 0;
            for (int a = start[v]; a < start[v + 1]; a++) max = Math.Max(max, w2[a] >> 1);
            _p[v] = max + (max & 1); // covers every incident edge; even, see the class comment
            if (max > 0) roots++;
        }
        _rootsByInit = new int[roots];
        _rootInit = new long[roots];
        for (int v = 0, i = 0; v < n; v++)
            if (_p[v] > 0) { _rootsByInit[i] = v; _rootInit[i] = -_p[v]; i++; }
        Array.Sort(_rootInit, _rootsByInit);
        for (int i = 0; i < roots; i++) _rootInit[i] = -_rootInit[i];
        _limit = roots > 0 ? _rootInit[0] : -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Tail(int arc) => _head[_rev[arc]];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Sign(byte status) => status == Even ? -1 : status == Odd ? 1 : 0;

    /// <summary>Changes a top-level node's status at the current time, keeping its vertices' duals continuous.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SetStatus(int x, byte status)
    {
        _c[x] += (long)(Sign(_status[x]) - Sign(status)) * _time;
        _status[x] = status;
    }

    /// <summary>Writes the node's accumulated dual change into its vertices (and its own blossom dual), leaving it free with c = 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Realize(int x)
    {
        long shift = _c[x] + Sign(_status[x]) * _time;
        if (shift != 0)
        {
            int count = CollectVertices(x);
            for (int i = 0; i < count; i++) _p[_vertexBuffer[i]] += shift;
            _zq[x] -= 2 * shift;
        }
        _c[x] = 0;
        _status[x] = Free;
    }

    /// <summary>Puts the vertices of node x into _vertexBuffer and returns how many there are.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int CollectVertices(int x)
    {
        if (x < _n) { _vertexBuffer[0] = x; return 1; }
        int count = 0, depth = 0;
        _stack[depth++] = x;
        while (depth > 0)
        {
            int y = _stack[--depth];
            if (y < _n) _vertexBuffer[count++] = y;
            else foreach (var child in _children[y]!) _stack[depth++] = child;
        }
        return count;
    }

    /// <summary>Makes vertex v the base of node x and of every blossom between them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Rebase(int x, int v)
    {
        int child = v;
        while (child != x)
        {
            int parent = _parent[child];
            _baseIndex[parent] = _childIndex[child];
            _baseVertex[parent] = v;
            child = parent;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Push(int kind, int id, long key)
    {
        Debug.Assert(key >= _time, "an event in the past");
        if (key == _time)
        {
            ref var list = ref _now[kind];
            if (_nowCount[kind] == list.Length) Array.Resize(ref list, list.Length * 2);
            list[_nowCount[kind]++] = id;
        }
        else if (key <= _limit) _heap.Push(key, (id << 2) | kind);
    }

    /// <summary>
    /// The next event to examine. Events at the current time go first, in a fixed order of kinds: tight even–even edges
    /// (augment or shrink) before zero duals, before tree growth, before blossom expansion; within a kind, first in,
    /// first out (trees grow breadth-first). With many equal weights a great many events share a time, and this order
    /// keeps trees small and shallow: taking growth first, or last-in-first-out, builds huge trees whose dissolution is
    /// expensive (measured: 10,000 vertices with all weights equal went from 14 s to 0.05 s). When the current time has
    /// nothing left, time moves on to the heap's smallest key and all entries with that key move to the per-kind lists.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool NextEvent(out int kind, out int id)
    {
        while (true)
        {
            foreach (var k in (ReadOnlySpan<int>)[KindEvenEven, KindVertexZero, KindEvenFree, KindBlossomZero])
                if (_nowCount[k] > _nowHead[k])
                {
                    kind = k;
                    id = _now[k][_nowHead[k]++];
                    if (_nowHead[k] == _nowCount[k]) _nowHead[k] = _nowCount[k] = 0;
                    return true;
                }
            if (!_heap.TryPop(out long key, out int item)) { kind = id = 0; return false; }
            _time = key; // no event lies between the old time and this key, so moving the duals there is safe
            do
            {
                int k = item & 3;
                ref var list = ref _now[k];
                if (_nowCount[k] == list.Length) Array.Resize(ref list, list.Length * 2);
                list[_nowCount[k]++] = item >> 2;
            } while (_heap.TryPopSameKey(out item));
        }
    }

    /// <summary>Node x has just become even: its vertices' zero-dual events and the events of its edges to even and free nodes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScanEven(int x)
    {
        int count = CollectVertices(x);
        for (int i = 0; i < count; i++)
        {
            int v = _vertexBuffer[i];
            int self = _top[v];
            long av = _p[v] + _c[self]; // dual of v is av − T
            Push(KindVertexZero, v, av);
            for (int a = _start[v], end = _start[v + 1]; a < end; a++)
            {
                int u = _head[a], U = _top[u];
                if (U == self) continue;
                byte s = _status[U];
                if (s == Even)
                {
                    long twice = av + _p[u] + _c[U] - _w2[a];
                    Debug.Assert((twice & 1) == 0, "odd slack between even vertices");
                    Push(KindEvenEven, a, twice >> 1);
                }
                else if (s == Free) Push(KindEvenFree, a, av + _p[u] + _c[U] - _w2[a]);
            }
        }
    }

    /// <summary>Node x has just become free: the events of edges from even vertices of live trees into it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScanFree(int x)
    {
        int count = CollectVertices(x);
        for (int i = 0; i < count; i++)
        {
            int v = _vertexBuffer[i];
            long yv = _p[v] + _c[x];
            for (int a = _start[v], end = _start[v + 1]; a < end; a++)
            {
                int u = _head[a], U = _top[u];
                if (_status[U] != Even) continue;
                Push(KindEvenFree, _rev[a], _p[u] + _c[U] + yv - _w2[a]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void TreeAdd(int tree, int x)
    {
        _tree[x] = tree;
        int first = _treeFirst[tree];
        _treePrev[x] = -1;
        _treeNext[x] = first;
        if (first != -1) _treePrev[first] = x;
        _treeFirst[tree] = x;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void TreeRemove(int x)
    {
        int prev = _treePrev[x], next = _treeNext[x];
        if (prev != -1) _treeNext[prev] = next; else _treeFirst[_tree[x]] = next;
        if (next != -1) _treePrev[next] = prev;
    }

    /// <summary>Dissolves one or two trees: all their nodes become free, then edges from other trees into them get events.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Dissolve(int t1, int t2)
    {
        int count = 0;
        foreach (var t in (ReadOnlySpan<int>)[t1, t2])
        {
            if (t < 0) continue;
            _alive[t] = false;
            _liveTrees--;
            for (int x = _treeFirst[t]; x != -1; x = _treeNext[x])
            {
                SetStatus(x, Free);
                _nodeBuffer[count++] = x;
            }
            _treeFirst[t] = -1;
        }
        while (_rootCursor < _rootsByInit.Length && !_alive[_rootsByInit[_rootCursor]]) _rootCursor++;
        _limit = _rootCursor < _rootsByInit.Length ? _rootInit[_rootCursor] : -1;
        for (int i = 0; i < count; i++) ScanFree(_nodeBuffer[i]);
    }

    /// <summary>
    /// Flips the alternating path from even node x to its tree's root: x gets the new mate arc (from vertex v, or none
    /// when v is to become exposed), every odd node on the path is matched to its even parent, and the root ends up matched.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Flip(int x, int arc, int v)
    {
        while (true)
        {
            int old = _mateArc[x];
            Rebase(x, v);
            _mateArc[x] = arc;
            if (old == -1) return;
            int odd = _top[_head[old]];
            int label = _labelArc[odd];
            Rebase(odd, _head[label]);
            _mateArc[odd] = _rev[label];
            v = Tail(label);
            x = _top[v];
            arc = label;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int EvenParent(int x)
    {
        if (_mateArc[x] == -1) return -1;
        int odd = _top[_head[_mateArc[x]]];
        return _top[Tail(_labelArc[odd])];
    }

    /// <summary>An even–even edge inside one tree became tight: shrink the cycle it closes into a new even blossom.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Shrink(int arc)
    {
        int u = Tail(arc), v = _head[arc];
        int uNode = _top[u], vNode = _top[v];
        int tree = _tree[uNode];

        // Nearest common ancestor: climb both paths alternately, marking even nodes.
        _stamp++;
        int x = uNode, y = vNode, nca;
        while (true)
        {
            if (x != -1)
            {
                if (_mark[x] == _stamp) { nca = x; break; }
                _mark[x] = _stamp;
                x = EvenParent(x);
            }
            if (y != -1)
            {
                if (_mark[y] == _stamp) { nca = y; break; }
                _mark[y] = _stamp;
                y = EvenParent(y);
            }
        }
        CollectPath(uNode, nca, _left);
        CollectPath(vNode, nca, _right);

        // Cycle order: the common ancestor (base), down the u side, across the edge, up the v side.
        int k = _left.Count + _right.Count - 1;
        var children = new int[k];
        var ends = new int[k];
        int idx = 0;
        children[idx] = nca;
        for (int j = _left.Count - 2; j >= 0; j--)
        {
            int node = _left[j]; // arc from _left[j+1] to _left[j]
            ends[idx] = (j & 1) == 0 ? _rev[_mateArc[node]] : _labelArc[node];
            children[++idx] = node;
        }
        ends[idx] = arc;
        for (int j = 0; j < _right.Count - 1; j++)
        {
            int node = _right[j]; // arc from _right[j] to _right[j+1]
            children[++idx] = node;
            ends[idx] = (j & 1) == 0 ? _mateArc[node] : _rev[_labelArc[node]];
        }
        Debug.Assert(idx == k - 1);

        int b = _freeSlots[--_freeSlotCount];
        _evenList.Clear(); // here: the odd children, which become even
        for (int i = 0; i < k; i++)
        {
            int child = children[i];
            if (_status[child] == Odd) _evenList.Add(child);
            TreeRemove(child);
            Realize(child);
            _parent[child] = b;
            _childIndex[child] = i;
        }
        _children[b] = children;
        _ends[b] = ends;
        _parent[b] = -1;
        _baseIndex[b] = 0;
        _baseVertex[b] = _baseVertex[nca];
        _mateArc[b] = _mateArc[nca];
        _zq[b] = 0;
        _c[b] = 0;
        _status[b] = Free;
        SetStatus(b, Even);
        TreeAdd(tree, b);
        int count = CollectVertices(b);
        for (int i = 0; i < count; i++) _top[_vertexBuffer[i]] = b;
        foreach (var child in _evenList) ScanEven(child);
    }

    /// <summary>Even nodes and odd nodes from even node x up to (and including) its even ancestor `to`.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CollectPath(int x, int to, List<int> path)
    {
        path.Clear();
        while (true)
        {
            path.Add(x);
            if (x == to) return;
            int odd = _top[_head[_mateArc[x]]];
            path.Add(odd);
            x = _top[Tail(_labelArc[odd])];
        }
    }

    /// <summary>An odd blossom's dual reached zero: replace it by its children; the even-length part of the cycle from
    /// the entry child to the base child stays in the tree (odd, even, …, odd), the rest become free matched pairs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Expand(int b)
    {
        int tree = _tree[b];
        int entry = _head[_labelArc[b]];
        while (_parent[entry] != b) entry = _parent[entry];
        Realize(b);
        TreeRemove(b);
        var children = _children[b]!;
        var ends = _ends[b]!;
        int k = children.Length, b0 = _baseIndex[b];
        foreach (var child in children)
        {
            _parent[child] = -1;
            int count = CollectVertices(child);
            for (int i = 0; i < count; i++) _top[_vertexBuffer[i]] = child;
        }
        int j = (_childIndex[entry] - b0 + k) % k;

        // The internal matching relative to the base child becomes explicit.
        int c0 = children[b0];
        _mateArc[c0] = _mateArc[b];
        Rebase(c0, _baseVertex[b]);
        for (int r = 1; r < k; r += 2)
        {
            int e = ends[(b0 + r) % k];
            int cr = children[(b0 + r) % k], cs = children[(b0 + r + 1) % k];
            _mateArc[cr] = e;
            _mateArc[cs] = _rev[e];
            Rebase(cr, Tail(e));
            Rebase(cs, _head[e]);
        }

        _evenList.Clear();
        _freeList.Clear();
        if ((j & 1) == 0)
        {
            // Walk backwards from the entry child to the base child.
            for (int r = j; r >= 0; r--)
            {
                int node = children[(b0 + r) % k];
                if (((j - r) & 1) == 0) MakeOdd(node, tree, r == j ? _labelArc[b] : _rev[ends[(b0 + r) % k]]);
                else MakeEven(node, tree);
            }
            for (int r = j + 1; r < k; r++) _freeList.Add(children[(b0 + r) % k]);
        }
        else
        {
            // Walk forwards from the entry child round to the base child.
            for (int r = j; r <= k; r++)
            {
                int node = children[(b0 + r) % k];
                if (((r - j) & 1) == 0) MakeOdd(node, tree, r == j ? _labelArc[b] : ends[(b0 + r - 1) % k]);
                else MakeEven(node, tree);
            }
            for (int r = 1; r < j; r++) _freeList.Add(children[(b0 + r) % k]);
        }
        _children[b] = null;
        _ends[b] = null;
        _labelArc[b] = -1;
        _mateArc[b] = -1;
        _freeSlots[_freeSlotCount++] = b;
        foreach (var node in _evenList) ScanEven(node);
        foreach (var node in _freeList) ScanFree(node);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MakeOdd(int x, int tree, int label)
    {
        _labelArc[x] = label;
        SetStatus(x, Odd);
        TreeAdd(tree, x);
        if (x >= _n) Push(KindBlossomZero, x, _zq[x] / 2 - _c[x]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MakeEven(int x, int tree)
    {
        SetStatus(x, Even);
        TreeAdd(tree, x);
        _evenList.Add(x);
    }

    /// <summary>Runs the algorithm; returns, per vertex, the arc to its mate (or -1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int[] Run()
    {
        int n = _n;
        for (int v = 0; v < n; v++)
        {
            if (_p[v] == 0) continue; // isolated: exposed with dual zero from the start
            _status[v] = Even;        // time 0: c stays 0
            _alive[v] = true;
            TreeAdd(v, v);
            _liveTrees++;
        }
        for (int v = 0; v < n; v++)
        {
            if (_p[v] == 0) continue;
            Push(KindVertexZero, v, _p[v]);
            for (int a = _start[v]; a < _start[v + 1]; a++)
                if (_head[a] > v) Push(KindEvenEven, a, (_p[v] + _p[_head[a]] - _w2[a]) >> 1);
        }

        while (_liveTrees > 0 && NextEvent(out int kind, out int id))
        {
            long key = _time;
            switch (kind)
            {
                case KindVertexZero:
                {
                    int x = _top[id];
                    if (_status[x] != Even || _p[id] + _c[x] != key) continue;
                    int tree = _tree[x];
                    Flip(x, -1, id);
                    Dissolve(tree, -1);
                    break;
                }
                case KindEvenFree:
                {
                    int v = _head[id], vNode = _top[v];
                    if (_status[vNode] != Free) continue;
                    int u = Tail(id), uNode = _top[u];
                    if (_status[uNode] != Even || _p[u] + _c[uNode] + _p[v] + _c[vNode] - _w2[id] != key) continue;
                    int tree = _tree[uNode];
                    if (_mateArc[vNode] == -1)
                    {
                        // v is exposed with dual zero: augment from the root through u to v.
                        Flip(uNode, id, u);
                        Rebase(vNode, v);
                        _mateArc[vNode] = _rev[id];
                        Dissolve(tree, -1);
                    }
                    else
                    {
                        // Grow: v's node becomes odd, its mate's node even.
                        MakeOdd(vNode, tree, id);
                        int w = _top[_head[_mateArc[vNode]]];
                        SetStatus(w, Even);
                        TreeAdd(tree, w);
                        ScanEven(w);
                    }
                    break;
                }
                case KindEvenEven:
                {
                    int u = Tail(id), v = _head[id];
                    int uNode = _top[u], vNode = _top[v];
                    if (uNode == vNode || _status[uNode] != Even || _status[vNode] != Even) continue;
                    if (_p[u] + _c[uNode] + _p[v] + _c[vNode] - _w2[id] != 2 * key) continue;
                    int tu = _tree[uNode], tv = _tree[vNode];
                    if (tu == tv) Shrink(id);
                    else
                    {
                        Flip(uNode, id, u);
                        Flip(vNode, _rev[id], v);
                        Dissolve(tu, tv);
                    }
                    break;
                }
                default:
                {
                    if (_parent[id] != -1 || _children[id] is null || _status[id] != Odd || _zq[id] / 2 - _c[id] != key) continue;
                    Expand(id);
                    break;
                }
            }
        }
        Debug.Assert(_liveTrees == 0);
        return ExtractMatching();
    }

    /// <summary>Vertex duals in doubled units (all nodes are free at the end).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long[] VertexDuals()
    {
        var duals = new long[_n];
        for (int v = 0; v < _n; v++) duals[v] = _p[v] + _c[_top[v]];
        return duals;
    }

    /// <summary>Resolves the matching inside every top-level blossom from its base, top-down.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int[] ExtractMatching()
    {
        var mateArc = new int[_n];
        _stamp++;
        int depth = 0;
        var stack = new (int Node, int Base, int Arc)[2 * _n + 1];
        for (int v = 0; v < _n; v++)
        {
            int x = _top[v];
            if (_mark[x] == _stamp) continue;
            _mark[x] = _stamp;
            stack[depth++] = (x, _baseVertex[x], _mateArc[x]);
            while (depth > 0)
            {
                var (node, baseVertex, arc) = stack[--depth];
                if (node < _n) { mateArc[node] = arc; continue; }
                Rebase(node, baseVertex);
                var children = _children[node]!;
                var ends = _ends[node]!;
                int k = children.Length, b0 = _baseIndex[node];
                for (int r = 1; r < k; r += 2)
                {
                    int e = ends[(b0 + r) % k];
                    stack[depth++] = (children[(b0 + r) % k], Tail(e), e);
                    stack[depth++] = (children[(b0 + r + 1) % k], _head[e], _rev[e]);
                }
                stack[depth++] = (children[b0], baseVertex, arc);
            }
        }
        return mateArc;
    }
}
