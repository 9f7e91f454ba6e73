using System.Diagnostics;
using System.Globalization;
using Klimrek.Core.Transitions;

namespace Klimrek.TransitionsBench;

/// <summary>
/// Where TransitionModel.Build spends its time. Two views, since src/ cannot be instrumented:
/// 1. the public API with parameters that switch parts of the work off (credit spreading, the 60 route neighbours),
///    and its own <see cref="TransitionModel.ConstructionTime"/>;
/// 2. <see cref="Replica"/>, a bench-side copy of the precompute loop (checked to give the model's exact moves) with a
///    stopwatch around each phase, plus variants of the loop that the write-up proposes for TransitionModel.cs.
/// </summary>
public static class Profiler
{
    public static int Run(Matrix m, int repeats)
    {
        var threads = Environment.ProcessorCount;
        Console.WriteLine($"matrix: {m.Occupations} x {m.Skills}, {m.Requirements.Count} requirements; {repeats} runs after one warm-up; min / median s");

        // 1. Public API.
        var p = TransitionParameters.Default;
        (double Min, double Median, TransitionModel Model) Api(TransitionParameters parameters, int dop)
        {
            TransitionModel Build() => TransitionModel.Build(m.Occupations, m.Skills, m.Requirements, m.Broader, m.Related, m.Groups, parameters, dop);
            Build();
            var times = new List<double>();
            TransitionModel last = null!;
            for (int i = 0; i < repeats; i++)
            {
                var sw = Stopwatch.StartNew();
                last = Build();
                times.Add(sw.Elapsed.TotalSeconds);
            }
            times.Sort();
            return (times[0], times[times.Count / 2], last);
        }
        void Line(string what, (double Min, double Median, TransitionModel Model) r) => Console.WriteLine(
            FormattableString.Invariant($"  {what,-72} {r.Min:F4} / {r.Median:F4}   (construction {r.Model.ConstructionTime.TotalSeconds:F4})"));
        Console.WriteLine("public API:");
        var full1 = Api(p, 1);
        Line("Build, default parameters, 1 thread", full1);
        Line($"Build, default parameters, {threads} threads", Api(p, threads));
        Line("Build, no credit spreading (RelatedCredit = SiblingCredit = 0), 1 thread", Api(p with { RelatedCredit = 0, SiblingCredit = 0 }, 1));
        Line("Build, RouteNeighbours = 20 (keep 20 instead of 60), 1 thread", Api(p with { RouteNeighbours = 20 }, 1));

        // 2. The replica: same arrays, same loop, phases timed (1 thread, so phase times add up to the loop's time).
        var replica = new Replica(m, p);
        Console.WriteLine(FormattableString.Invariant(
            $"replica construction: requirements/postings {replica.ConstructRequirements.TotalSeconds:F4} s, neighbours {replica.ConstructNeighbours.TotalSeconds:F4} s"));
        Console.WriteLine($"neighbour lists: {replica.NeighbourPairs} (skill, neighbour) pairs for {m.Skills} skills");
        foreach (var variant in Enum.GetValues<Replica.Variant>())
        {
            replica.Precompute(variant, 1); // warm-up
            var totals = new List<(double Expand, double Accumulate, double Select, double Wall)>();
            for (int i = 0; i < repeats; i++) totals.Add(replica.Precompute(variant, 1));
            var byWall = totals.OrderBy(t => t.Wall).ToList();
            var med = byWall[byWall.Count / 2];
            var parallel = new List<double>();
            replica.Precompute(variant, threads);
            for (int i = 0; i < repeats; i++) parallel.Add(replica.Precompute(variant, threads).Wall);
            parallel.Sort();
            var same = replica.SameAs(full1.Model);
            Console.WriteLine(
                $"  {variant,-26} loop 1 thread {byWall[0].Wall:F4} / {med.Wall:F4} s (median run: expand {med.Expand:F4}, accumulate {med.Accumulate:F4}, select {med.Select:F4});" +
                $" {threads} threads {parallel[0]:F4} / {parallel[parallel.Count / 2]:F4} s; moves identical to the model: {same}");
        }
        var st = replica.Stats();
        Console.WriteLine(FormattableString.Invariant(
            $"per source occupation (mean): {st.Requirements:F1} requirements, {st.Held:F1} held skills after spreading, {st.Postings:F0} postings visited, {st.Touched:F0} occupations touched"));
        Console.WriteLine(
            $"whole build: {st.Postings * m.Occupations / 1e6:F1} M postings visited, {st.Touched * m.Occupations / 1e6:F2} M (source, target) pairs scored; " +
            $"without spreading the sparse product X·Xᵀ would visit {replica.PlainProductFlops() / 1e6:F1} M");
        return 0;
    }
}

/// <summary>
/// A copy of TransitionModel's arrays and precompute loop (src/Klimrek.Core/Transitions/TransitionModel.cs), used to time
/// its phases and to try changes to it. <see cref="SameAs"/> checks the moves against the real model.
/// </summary>
public sealed class Replica
{
    public enum Variant
    {
        /// <summary>The model's loop as it is: acc with a touched list (a branch per posting), List-based bounded insertion.</summary>
        AsIs,
        /// <summary>Touched list appended without a branch (write always, advance by (a == 0)); the same sorted-array insertion, against a running threshold.</summary>
        BranchlessTouched,
        /// <summary>BranchlessTouched, with the k best kept in a binary heap (worst at the root) and sorted once at the end.</summary>
        BranchlessTouchedHeap,
        /// <summary>BranchlessTouched; selection by a 256-bin score histogram (threshold = the bin holding the k-th best), then one sort of the few above it.</summary>
        BranchlessTouchedHistogram,
        /// <summary>Dense acc (one Array.Clear per source, no touched list); scan of all occupations four at a time (Vector&lt;double&gt;) against the threshold; sorted-array insertion.</summary>
        DenseSimd,
        /// <summary>DenseSimd with the heap.</summary>
        DenseSimdHeap,
        /// <summary>Dense acc; selection by the score histogram over every occupation.</summary>
        DenseHistogram,
    }

    private readonly TransitionParameters _p;
    private readonly int _n, _m;
    private readonly int[] _reqStart, _reqSkill, _postStart, _postOcc, _nbStart, _nbSkill;
    private readonly float[] _reqWeight, _postWeight, _nbCredit;
    private readonly bool[] _reqEssential;
    private readonly double[] _reqTotal, _invTotal;
    private readonly int[] _df;
    private Move[][] _top = [], _route = [];
    public TimeSpan ConstructRequirements { get; }
    public TimeSpan ConstructNeighbours { get; }
    public int NeighbourPairs => _nbSkill.Length;

    public Replica(Matrix mx, TransitionParameters p)
    {
        _p = p;
        _n = mx.Occupations;
        _m = mx.Skills;
        int occupations = _n, skills = _m;
        var sw = Stopwatch.StartNew();
        var requirements = mx.Requirements;
        var keys = new long[requirements.Count];
        var ess = new bool[requirements.Count];
        int count = 0;
        foreach (var r in requirements)
        {
            keys[count] = ((long)r.Occupation << 32) | (uint)r.Skill;
            ess[count++] = r.Essential;
        }
        Array.Sort(keys, ess, 0, count);
        int unique = 0;
        for (int i = 0; i < count; i++)
        {
            if (unique > 0 && keys[unique - 1] == keys[i]) { ess[unique - 1] |= ess[i]; continue; }
            keys[unique] = keys[i];
            ess[unique++] = ess[i];
        }
        _df = new int[skills];
        var hasSkills = new bool[occupations];
        for (int i = 0; i < unique; i++) { _df[(int)keys[i]]++; hasSkills[(int)(keys[i] >> 32)] = true; }
        var withSkills = hasSkills.Count(h => h);
        var idf = new double[skills];
        for (int s = 0; s < skills; s++) idf[s] = _df[s] == 0 ? 0 : Math.Log(1 + (double)Math.Max(withSkills, 1) / _df[s]);
        _reqStart = new int[occupations + 1];
        _reqSkill = new int[unique];
        _reqWeight = new float[unique];
        _reqEssential = new bool[unique];
        _reqTotal = new double[occupations];
        for (int i = 0; i < unique; i++) _reqStart[(int)(keys[i] >> 32) + 1]++;
        for (int o = 0; o < occupations; o++) _reqStart[o + 1] += _reqStart[o];
        for (int i = 0; i < unique; i++)
        {
            int o = (int)(keys[i] >> 32), skill = (int)keys[i];
            _reqSkill[i] = skill;
            _reqEssential[i] = ess[i];
            _reqWeight[i] = (float)((ess[i] ? p.EssentialWeight : p.OptionalWeight) * idf[skill]);
            _reqTotal[o] += _reqWeight[i];
        }
        _invTotal = _reqTotal.Select(t => t > 0 ? 1 / t : 0).ToArray();
        _postStart = new int[skills + 1];
        for (int i = 0; i < unique; i++) _postStart[_reqSkill[i] + 1]++;
        for (int s = 0; s < skills; s++) _postStart[s + 1] += _postStart[s];
        _postOcc = new int[unique];
        _postWeight = new float[unique];
        var fill = (int[])_postStart.Clone();
        for (int i = 0; i < unique; i++)
        {
            var at = fill[_reqSkill[i]]++;
            _postOcc[at] = (int)(keys[i] >> 32);
            _postWeight[at] = _reqWeight[i];
        }
        ConstructRequirements = sw.Elapsed;
        sw.Restart();

        var nbKeys = new List<long>();
        var nbCredits = new List<float>();
        void Add(int a, int b, double credit)
        {
            if (a == b || (uint)a >= (uint)skills || (uint)b >= (uint)skills || credit <= 0) return;
            nbKeys.Add(((long)a << 32) | (uint)b);
            nbCredits.Add((float)credit);
        }
        foreach (var (a, b) in mx.Related) { Add(a, b, p.RelatedCredit); Add(b, a, p.RelatedCredit); }
        var members = new Dictionary<int, List<int>>();
        foreach (var (s, g) in mx.Broader)
        {
            if (mx.Groups.Contains(g))
            {
                if (!members.TryGetValue(g, out var list)) members[g] = list = [];
                list.Add(s);
            }
            else { Add(s, g, p.RelatedCredit); Add(g, s, p.RelatedCredit); }
        }
        foreach (var list in members.Values)
        {
            var distinct = list.Distinct().ToArray();
            if (distinct.Length > p.MaxSiblingGroupSize) continue;
            foreach (var a in distinct)
                foreach (var b in distinct)
                    Add(a, b, p.SiblingCredit);
        }
        var nbk = nbKeys.ToArray();
        var nbc = nbCredits.ToArray();
        Array.Sort(nbk, nbc);
        int nbUnique = 0;
        for (int i = 0; i < nbk.Length; i++)
        {
            if (nbUnique > 0 && nbk[nbUnique - 1] == nbk[i]) { nbc[nbUnique - 1] = Math.Max(nbc[nbUnique - 1], nbc[i]); continue; }
            nbk[nbUnique] = nbk[i];
            nbc[nbUnique++] = nbc[i];
        }
        _nbStart = new int[skills + 1];
        _nbSkill = new int[nbUnique];
        _nbCredit = new float[nbUnique];
        for (int i = 0; i < nbUnique; i++)
        {
            _nbStart[(int)(nbk[i] >> 32) + 1]++;
            _nbSkill[i] = (int)nbk[i];
            _nbCredit[i] = nbc[i];
        }
        for (int s = 0; s < skills; s++) _nbStart[s + 1] += _nbStart[s];
        ConstructNeighbours = sw.Elapsed;
    }

    private sealed class Scratch(int occupations, int skills)
    {
        public readonly double[] Held = new double[skills];
        public readonly List<int> HeldTouched = new(256);
        public readonly double[] Acc = new double[occupations];
        public readonly List<int> AccTouched = new(1024);
        public readonly int[] TouchedArray = new int[occupations + 1];
        public int TouchedCount;
        public readonly Move[] Candidates = new Move[occupations];
        public long Expand, Accumulate, Select;
        public long Postings, Touched, HeldTotal;
    }

    private (double Requirements, double Held, double Postings, double Touched) _stats;
    public (double Requirements, double Held, double Postings, double Touched) Stats() => _stats;

    /// <summary>Runs the precompute loop; returns per-phase seconds (summed over threads) and the wall time.</summary>
    public (double Expand, double Accumulate, double Select, double Wall) Precompute(Variant v, int threads)
    {
        _top = new Move[_n][];
        _route = new Move[_n][];
        var keep = Math.Max(_p.TopK, _p.RouteNeighbours);
        var scratches = new System.Collections.Concurrent.ConcurrentBag<Scratch>();
        var wall = Stopwatch.StartNew();
        Parallel.For(0, _n, new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => { var s = new Scratch(_n, _m); scratches.Add(s); return s; },
            (o, _, s) =>
            {
                var t0 = Stopwatch.GetTimestamp();
                ClearHeld(s);
                for (int i = _reqStart[o]; i < _reqStart[o + 1]; i++) Hold(s, _reqSkill[i], _reqEssential[i] ? 1.0 : _p.OptionalHolding);
                var t1 = Stopwatch.GetTimestamp();
                Move[] best;
                if (v == Variant.AsIs)
                {
                    Accumulate(s);
                    var t2 = Stopwatch.GetTimestamp();
                    best = SelectTop(s, keep, o);
                    s.Accumulate += t2 - t1;
                    s.Select += Stopwatch.GetTimestamp() - t2;
                }
                else if (v is Variant.BranchlessTouched or Variant.BranchlessTouchedHeap or Variant.BranchlessTouchedHistogram)
                {
                    var touched = AccumulateBranchless(s);
                    var t2 = Stopwatch.GetTimestamp();
                    best = v == Variant.BranchlessTouchedHistogram ? SelectHistogram(s, keep, o, touched, dense: false)
                        : SelectThreshold(s, keep, o, touched, dense: false, heap: v == Variant.BranchlessTouchedHeap);
                    s.Accumulate += t2 - t1;
                    s.Select += Stopwatch.GetTimestamp() - t2;
                }
                else
                {
                    AccumulateDense(s, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(s.HeldTouched));
                    var t2 = Stopwatch.GetTimestamp();
                    best = v == Variant.DenseHistogram ? SelectHistogram(s, keep, o, [], dense: true) : SelectSimd(s, keep, o, heap: v == Variant.DenseSimdHeap);
                    s.Accumulate += t2 - t1;
                    s.Select += Stopwatch.GetTimestamp() - t2;
                }
                s.Expand += t1 - t0;
                _route[o] = best;
                _top[o] = best.Length <= _p.TopK ? best : best[.._p.TopK];
                return s;
            },
            _ => { });
        var w = wall.Elapsed.TotalSeconds;
        double f = Stopwatch.Frequency;
        if (v == Variant.AsIs) _stats = (_reqStart[_n] / (double)_n, scratches.Sum(s => s.HeldTotal) / (double)_n,
            scratches.Sum(s => s.Postings) / (double)_n, scratches.Sum(s => s.Touched) / (double)_n);
        return (scratches.Sum(s => s.Expand) / f, scratches.Sum(s => s.Accumulate) / f, scratches.Sum(s => s.Select) / f, w);
    }

    public bool SameAs(TransitionModel model)
    {
        for (int o = 0; o < _n; o++)
            if (!model.TopMoves(o).SequenceEqual(_top[o]) || !model.RouteNeighbours(o).SequenceEqual(_route[o])) return false;
        return true;
    }

    /// <summary>Postings visited by a plain sparse X·Xᵀ (no credit spreading): Σ over requirements of df(skill).</summary>
    public long PlainProductFlops()
    {
        long sum = 0;
        foreach (var s in _reqSkill) sum += _df[s];
        return sum;
    }

    // ---- the model's loop, as in TransitionModel.cs ----

    private static void ClearHeld(Scratch s)
    {
        var held = s.Held;
        foreach (var i in s.HeldTouched) held[i] = 0;
        s.HeldTouched.Clear();
    }

    private void Hold(Scratch s, int skill, double v)
    {
        var held = s.Held;
        if (held[skill] == 0) s.HeldTouched.Add(skill);
        if (v > held[skill]) held[skill] = v;
        var nbSkill = _nbSkill;
        var nbCredit = _nbCredit;
        for (int j = _nbStart[skill], end = _nbStart[skill + 1]; j < end; j++)
        {
            var t = nbSkill[j];
            var w = v * nbCredit[j];
            if (held[t] == 0) s.HeldTouched.Add(t);
            if (w > held[t]) held[t] = w;
        }
    }

    private void Accumulate(Scratch s)
    {
        var acc = s.Acc;
        foreach (var o in s.AccTouched) acc[o] = 0;
        s.AccTouched.Clear();
        var touched = s.AccTouched;
        var held = s.Held;
        var postOcc = _postOcc.AsSpan();
        var postWeight = _postWeight.AsSpan();
        long postings = 0;
        foreach (var skill in s.HeldTouched)
        {
            var h = held[skill];
            int from = _postStart[skill], to = _postStart[skill + 1];
            postings += to - from;
            var occs = postOcc[from..to];
            var weights = postWeight[from..to];
            for (int j = 0; j < occs.Length; j++)
            {
                var o = occs[j];
                var a = acc[o];
                if (a == 0) touched.Add(o);
                acc[o] = a + weights[j] * h;
            }
        }
        s.Postings += postings;
        s.Touched += touched.Count;
        s.HeldTotal += s.HeldTouched.Count;
    }

    private double Score(Scratch s, int o) => _reqTotal[o] > 0 ? Math.Min(1.0, s.Acc[o] / _reqTotal[o]) : 0;

    private Move[] SelectTop(Scratch s, int k, int exclude)
    {
        var best = new List<Move>(k + 1);
        foreach (var o in s.AccTouched)
        {
            if (o == exclude) continue;
            var score = Score(s, o);
            if (score <= 0) continue;
            if (best.Count == k && !Better(score, o, best[^1])) continue;
            int lo = 0, hi = best.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) / 2;
                if (Better(score, o, best[mid])) hi = mid; else lo = mid + 1;
            }
            best.Insert(lo, new Move(o, score));
            if (best.Count > k) best.RemoveAt(best.Count - 1);
        }
        return [.. best];
    }

    private static bool Better(double score, int o, Move than) => score > than.Score || (score == than.Score && o < than.Occupation);

    // ---- variants ----

    private void AccumulateDense(Scratch s, ReadOnlySpan<int> heldSkills)
    {
        var acc = s.Acc;
        Array.Clear(acc);
        var held = s.Held;
        var postOcc = _postOcc;
        var postWeight = _postWeight;
        var postStart = _postStart;
        foreach (var skill in heldSkills)
        {
            var h = held[skill];
            int from = postStart[skill], to = postStart[skill + 1];
            for (int j = from; j < to; j++) acc[postOcc[j]] += postWeight[j] * h;
        }
    }

    /// <summary>
    /// Branch-free touched list: the occupation is always written at the end, the end only moves when acc was 0.
    /// The array has one spare slot, so the unconditional write never overflows.
    /// </summary>
    private ReadOnlySpan<int> AccumulateBranchless(Scratch s)
    {
        var acc = s.Acc;
        var list = s.TouchedArray;
        foreach (var o in list.AsSpan(0, s.TouchedCount)) acc[o] = 0;
        int count = 0;
        var held = s.Held;
        var postOcc = _postOcc;
        var postWeight = _postWeight;
        var postStart = _postStart;
        foreach (var skill in s.HeldTouched)
        {
            var h = held[skill];
            int from = postStart[skill], to = postStart[skill + 1];
            for (int j = from; j < to; j++)
            {
                var o = postOcc[j];
                var a = acc[o];
                list[count] = o;
                count += a == 0 ? 1 : 0;
                acc[o] = a + postWeight[j] * h;
            }
        }
        s.TouchedCount = count;
        return list.AsSpan(0, count);
    }

    /// <summary>
    /// Bounded selection into a fixed array against a running threshold (the k-th best score once full). A candidate
    /// is rejected with one multiply, acc·(1/total) below the threshold less a 1e-12 margin, so no true candidate is lost
    /// to rounding; the score is then computed exactly as the model does (division, at most 1). Over a list of
    /// candidates or (dense) over every occupation in index order; order does not change the result, since (score desc,
    /// index asc) is a strict order.
    /// </summary>
    private Move[] SelectThreshold(Scratch s, int k, int exclude, ReadOnlySpan<int> candidates, bool dense, bool heap)
    {
        var best = new Move[k];
        int count = 0;
        double threshold = 0;
        var acc = s.Acc;
        var inv = _invTotal;
        int n = dense ? acc.Length : candidates.Length;
        for (int i = 0; i < n; i++)
        {
            int o = dense ? i : candidates[i];
            var a = acc[o];
            if (a == 0) continue;
            if (a * inv[o] < threshold * (1 - 1e-12)) continue;
            if (heap) OfferHeap(best, ref count, ref threshold, k, o, exclude, a); else Offer(best, ref count, ref threshold, k, o, exclude, a);
        }
        return Finish(best, count, k, heap);
    }

    private void Offer(Move[] best, ref int count, ref double threshold, int k, int o, int exclude, double a)
    {
        var total = _reqTotal[o];
        if (o == exclude || total <= 0) return;
        var score = Math.Min(1.0, a / total);
        if (score <= 0) return;
        if (count == k && !Better(score, o, best[k - 1])) return;
        int lo = 0, hi = count;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (Better(score, o, best[mid])) hi = mid; else lo = mid + 1;
        }
        var shift = (count == k ? k - 1 : count) - lo;
        if (shift > 0) Array.Copy(best, lo, best, lo + 1, shift);
        best[lo] = new Move(o, score);
        if (count < k) count++;
        if (count == k) threshold = best[k - 1].Score;
    }

    /// <summary>
    /// The k best in a binary heap whose root is the worst kept move (lowest score, then highest index): a candidate
    /// replaces the root and sifts down in O(log k) instead of shifting up to k moves. Sorted once in <see cref="Finish"/>.
    /// </summary>
    private void OfferHeap(Move[] heap, ref int count, ref double threshold, int k, int o, int exclude, double a)
    {
        var total = _reqTotal[o];
        if (o == exclude || total <= 0) return;
        var score = Math.Min(1.0, a / total);
        if (score <= 0) return;
        var move = new Move(o, score);
        if (count < k)
        {
            int i = count++;
            while (i > 0)
            {
                int parent = (i - 1) >> 1;
                if (!Better(heap[parent].Score, heap[parent].Occupation, move)) break; // parent is worse: stop
                heap[i] = heap[parent];
                i = parent;
            }
            heap[i] = move;
        }
        else
        {
            if (!Better(score, o, heap[0])) return;
            int i = 0;
            while (true)
            {
                int c = 2 * i + 1;
                if (c >= k) break;
                if (c + 1 < k && Better(heap[c].Score, heap[c].Occupation, heap[c + 1])) c++; // the worse child
                if (!Better(move.Score, move.Occupation, heap[c])) break;
                heap[i] = heap[c];
                i = c;
            }
            heap[i] = move;
        }
        if (count == k) threshold = heap[0].Score;
    }

    private const int Bins = 256;

    /// <summary>
    /// Two passes over the candidates instead of ~160 sorted insertions per source: (1) a 256-bin histogram of the cheap
    /// score acc·(1/total) finds the bin that holds the k-th best; (2) the candidates from that bin up (k plus a few) get
    /// their exact score (division, at most 1, as the model) and are sorted once. The 1e-12 margin keeps every true top-k
    /// move despite the rounding difference between acc·(1/total) and acc/total.
    /// </summary>
    private Move[] SelectHistogram(Scratch s, int k, int exclude, ReadOnlySpan<int> candidates, bool dense)
    {
        Span<int> histogram = stackalloc int[Bins + 1];
        var acc = s.Acc;
        var inv = _invTotal;
        int n = dense ? acc.Length : candidates.Length;
        // Branch-free: a zero score lands in bin 0, which is never a threshold bin; the source itself is taken out after.
        for (int i = 0; i < n; i++)
        {
            int o = dense ? i : candidates[i];
            histogram[(int)Math.Min(acc[o] * inv[o] * Bins, Bins)]++;
        }
        histogram[(int)Math.Min(acc[exclude] * inv[exclude] * Bins, Bins)]--;
        int bin = Bins, seen = 0;
        for (; bin > 0; bin--)
        {
            seen += histogram[bin];
            if (seen >= k) break;
        }
        var edge = bin / (double)Bins * (1 - 1e-12);
        var found = s.Candidates;
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            int o = dense ? i : candidates[i];
            var a = acc[o];
            var x = a * inv[o];
            if (x < edge || x == 0 || o == exclude) continue;
            var score = Math.Min(1.0, a / _reqTotal[o]);
            if (score > 0) found[count++] = new Move(o, score);
        }
        var span = found.AsSpan(0, count);
        span.Sort(BestFirst);
        return span[..Math.Min(k, count)].ToArray();
    }

    private static readonly Comparison<Move> BestFirst = (x, y) => Better(x.Score, x.Occupation, y) ? -1 : Better(y.Score, y.Occupation, x) ? 1 : 0;

    private static Move[] Finish(Move[] best, int count, int k, bool heap)
    {
        var result = count == k ? best : best[..count];
        if (heap) Array.Sort(result, BestFirst);
        return result;
    }

    /// <summary>SelectThreshold over every occupation, Vector&lt;double&gt;.Count at a time: most blocks have no lane above the threshold.</summary>
    private Move[] SelectSimd(Scratch s, int k, int exclude, bool heap)
    {
        var best = new Move[k];
        int count = 0;
        double threshold = 0;
        var acc = s.Acc;
        var inv = _invTotal;
        int w = System.Numerics.Vector<double>.Count, n = acc.Length, o = 0;
        // Until k moves are held any positive score passes (bar = smallest double); then the k-th best less the margin.
        var bar = new System.Numerics.Vector<double>(double.Epsilon);
        for (; o + w <= n; o += w)
        {
            var r = new System.Numerics.Vector<double>(acc, o) * new System.Numerics.Vector<double>(inv, o);
            if (!System.Numerics.Vector.GreaterThanOrEqualAny(r, bar)) continue;
            for (int i = o; i < o + w; i++)
            {
                var a = acc[i];
                if (a == 0 || a * inv[i] < threshold * (1 - 1e-12)) continue;
                if (heap) OfferHeap(best, ref count, ref threshold, k, i, exclude, a); else Offer(best, ref count, ref threshold, k, i, exclude, a);
            }
            if (count == k) bar = new System.Numerics.Vector<double>(threshold * (1 - 1e-12));
        }
        for (; o < n; o++)
        {
            var a = acc[o];
            if (a == 0 || a * inv[o] < threshold * (1 - 1e-12)) continue;
            if (heap) OfferHeap(best, ref count, ref threshold, k, o, exclude, a); else Offer(best, ref count, ref threshold, k, o, exclude, a);
        }
        return Finish(best, count, k, heap);
    }
}
