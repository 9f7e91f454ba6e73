namespace Klimrek.Core.Transitions;

/// <summary>
/// The parameters of the transition model (documented in docs/transitions.md). Defaults are the ones the
/// published quality review settled on.
/// </summary>
public sealed record TransitionParameters
{
    /// <summary>Weight of an essential requirement of the target occupation.</summary>
    public double EssentialWeight { get; init; } = 1.0;
    /// <summary>Weight of an optional requirement of the target occupation.</summary>
    public double OptionalWeight { get; init; } = 0.4;
    /// <summary>How surely someone from an occupation holds one of its optional skills (essential ones: 1).</summary>
    public double OptionalHolding { get; init; } = 0.5;
    /// <summary>Credit for a required skill that is not held, when a related skill is (ESCO skill–skill relation or broader/narrower skill).</summary>
    public double RelatedCredit { get; init; } = 0.5;
    /// <summary>Credit for a required skill when a skill from the same small skill group is held.</summary>
    public double SiblingCredit { get; init; } = 0.25;
    /// <summary>Groups larger than this are too broad for sibling credit.</summary>
    public int MaxSiblingGroupSize { get; init; } = 25;
    /// <summary>How many transitions are precomputed per occupation.</summary>
    public int TopK { get; init; } = 20;
    /// <summary>How many best moves per occupation the route graph keeps.</summary>
    public int RouteNeighbours { get; init; } = 60;

    public static TransitionParameters Default { get; } = new();
}

/// <summary>An occupation's relation to one skill, as the transition model reads it.</summary>
public readonly record struct Requirement(int Occupation, int Skill, bool Essential);

/// <summary>A held skill with how surely it is held (0..1].</summary>
public readonly record struct Holding(int Skill, double Strength);

/// <summary>One precomputed move: to an occupation, with the share of its weighted requirements already covered.</summary>
public readonly record struct Move(int Occupation, double Score);

/// <summary>
/// Occupation-to-occupation and profile-to-occupation fit from the ESCO occupation–skill relations.
/// <para>
/// A target occupation B asks for skills s with weight w_B(s) = (essential ? 1 : 0.4) · idf(s), where
/// idf(s) = ln(1 + N / df(s)) makes rare skills count more than ubiquitous ones. A source (an occupation or a
/// profile) holds skills with strength h(s) in (0, 1]: an occupation holds its essential skills with 1 and its
/// optional ones with 0.5; a profile holds its skills with 1. Held strength spreads to neighbouring skills with a
/// credit: related skills (ESCO skill–skill relations, broader/narrower skill) 0.5, skills of the same small
/// group 0.25; the expanded strength H(s) is the maximum over these. The fit is
/// fit(source → B) = Σ_s w_B(s) · H(s) / Σ_s w_B(s), in [0, 1], and never falls when a skill is added.
/// </para>
/// Instances are immutable and thread-safe; <see cref="Build"/> precomputes each occupation's top moves.
/// </summary>
public sealed class TransitionModel
{
    public TransitionParameters Parameters { get; }
    public int OccupationCount { get; }
    public int SkillCount { get; }

    // Requirements per occupation (CSR): skill, weight, essential.
    private readonly int[] _reqStart;
    private readonly int[] _reqSkill;
    private readonly float[] _reqWeight;
    private readonly bool[] _reqEssential;
    private readonly double[] _reqTotal;
    // 1 / _reqTotal (0 where the total is 0): a cheap approximate score for the selection's first pass.
    private readonly double[] _invTotal;
    // Postings per skill (CSR): occupation, weight of the requirement, holding strength from that occupation.
    private readonly int[] _postStart;
    private readonly int[] _postOcc;
    private readonly float[] _postWeight;
    private readonly float[] _postHolding;
    // Neighbours per skill (CSR): skill, credit, kind.
    private readonly int[] _nbStart;
    private readonly int[] _nbSkill;
    private readonly float[] _nbCredit;
    private readonly double[] _idf;
    private readonly ArraySegment<Move>[] _top; // the first TopK of each route-neighbour array, not a copy
    private readonly Move[][] _routeNeighbours;

    public TimeSpan BuildTime { get; private set; }
    /// <summary>Part of <see cref="BuildTime"/> spent on the index arrays, before the moves are precomputed.</summary>
    public TimeSpan ConstructionTime { get; private set; }

    private TransitionModel(TransitionParameters p, int occupations, int skills, IReadOnlyList<Requirement> requirements,
        IReadOnlyList<(int Skill, int Broader)> broader, IReadOnlyList<(int A, int B)> related, ISet<int>? groups)
    {
        Parameters = p;
        OccupationCount = occupations;
        SkillCount = skills;

        // Deduplicate (essential wins) by sorting packed (occupation, skill) keys; count document frequency.
        var keys = new long[requirements.Count];
        var essentialFlags = new bool[requirements.Count];
        int count = 0;
        foreach (var r in requirements)
        {
            if ((uint)r.Occupation >= (uint)occupations || (uint)r.Skill >= (uint)skills) continue;
            keys[count] = ((long)r.Occupation << 32) | (uint)r.Skill;
            essentialFlags[count++] = r.Essential;
        }
        Array.Sort(keys, essentialFlags, 0, count);
        int unique = 0;
        for (int i = 0; i < count; i++)
        {
            if (unique > 0 && keys[unique - 1] == keys[i]) { essentialFlags[unique - 1] |= essentialFlags[i]; continue; }
            keys[unique] = keys[i];
            essentialFlags[unique++] = essentialFlags[i];
        }
        var df = new int[skills];
        var hasSkills = new bool[occupations];
        for (int i = 0; i < unique; i++) { df[(int)keys[i]]++; hasSkills[(int)(keys[i] >> 32)] = true; }
        var withSkills = hasSkills.Count(h => h);
        _idf = new double[skills];
        for (int s = 0; s < skills; s++)
            _idf[s] = df[s] == 0 ? 0 : Math.Log(1 + (double)Math.Max(withSkills, 1) / df[s]);

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
            _reqEssential[i] = essentialFlags[i];
            _reqWeight[i] = (float)((essentialFlags[i] ? p.EssentialWeight : p.OptionalWeight) * _idf[skill]);
            _reqTotal[o] += _reqWeight[i];
        }

        _invTotal = new double[occupations];
        for (int o = 0; o < occupations; o++) _invTotal[o] = _reqTotal[o] > 0 ? 1 / _reqTotal[o] : 0;

        _postStart = new int[skills + 1];
        for (int i = 0; i < unique; i++) _postStart[_reqSkill[i] + 1]++;
        for (int s = 0; s < skills; s++) _postStart[s + 1] += _postStart[s];
        _postOcc = new int[unique];
        _postWeight = new float[unique];
        _postHolding = new float[unique];
        var fill = (int[])_postStart.Clone();
        for (int i = 0; i < unique; i++)
        {
            var at = fill[_reqSkill[i]]++;
            _postOcc[at] = (int)(keys[i] >> 32);
            _postWeight[at] = _reqWeight[i];
            _postHolding[at] = (float)(essentialFlags[i] ? 1.0 : p.OptionalHolding);
        }

        // Neighbours: packed (skill, neighbour) keys with their credit; sorted, the best credit per pair kept.
        var nbKeys = new List<long>();
        var nbCredits = new List<float>();
        void Add(int a, int b, double credit)
        {
            if (a == b || (uint)a >= (uint)skills || (uint)b >= (uint)skills || credit <= 0) return;
            nbKeys.Add(((long)a << 32) | (uint)b);
            nbCredits.Add((float)credit);
        }
        foreach (var (a, b) in related) { Add(a, b, p.RelatedCredit); Add(b, a, p.RelatedCredit); }
        var members = new Dictionary<int, List<int>>();
        foreach (var (s, g) in broader)
        {
            if (groups is not null && groups.Contains(g))
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

        _top = new ArraySegment<Move>[occupations];
        _routeNeighbours = new Move[occupations][];
    }

    /// <summary>
    /// Builds the model and precomputes, for every occupation, its best <see cref="TransitionParameters.TopK"/> moves
    /// and its route neighbours. Occupations and skills are dense indexes 0..n-1 and 0..m-1.
    /// </summary>
    /// <param name="groups">Skill indexes that are skill groups: their members are siblings, not related skills.</param>
    public static TransitionModel Build(int occupations, int skills, IReadOnlyList<Requirement> requirements,
        IReadOnlyList<(int Skill, int Broader)>? broader = null, IReadOnlyList<(int A, int B)>? related = null,
        ISet<int>? groups = null, TransitionParameters? parameters = null, int? degreeOfParallelism = null)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var model = new TransitionModel(parameters ?? TransitionParameters.Default, occupations, skills, requirements,
            broader ?? [], related ?? [], groups);
        model.ConstructionTime = started.Elapsed;
        model.PrecomputeMoves(degreeOfParallelism ?? Environment.ProcessorCount);
        model.BuildTime = started.Elapsed;
        return model;
    }

    private sealed class Scratch(int occupations, int skills)
    {
        public readonly double[] Held = new double[skills];
        public readonly List<int> HeldTouched = new(256);
        public readonly double[] Acc = new double[occupations];
        // Occupations with Acc > 0, appended without a branch: one spare slot takes the unconditional write.
        public readonly int[] AccTouched = new int[occupations + 1];
        public int AccCount;
        public Move[]? Candidates; // SelectTop's buffer; FitFrom's one-off scratch does not need it
        public ReadOnlySpan<int> Touched => AccTouched.AsSpan(0, AccCount);
    }

    private void PrecomputeMoves(int parallelism)
    {
        var keep = Math.Max(Parameters.TopK, Parameters.RouteNeighbours);
        Parallel.For(0, OccupationCount, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) },
            () => new Scratch(OccupationCount, SkillCount),
            (o, _, scratch) =>
            {
                ClearHeld(scratch);
                for (int i = _reqStart[o]; i < _reqStart[o + 1]; i++)
                    Hold(scratch, _reqSkill[i], _reqEssential[i] ? 1.0 : Parameters.OptionalHolding);
                Accumulate(scratch);
                var best = SelectTop(scratch, keep, exclude: o);
                _routeNeighbours[o] = best;
                _top[o] = new ArraySegment<Move>(best, 0, Math.Min(best.Length, Parameters.TopK));
                return scratch;
            },
            _ => { });
    }

    /// <summary>The skills an occupation's practitioners hold: essential with 1, optional with <see cref="TransitionParameters.OptionalHolding"/>.</summary>
    public IEnumerable<Holding> HoldingsOf(int occupation)
    {
        for (int i = _reqStart[occupation]; i < _reqStart[occupation + 1]; i++)
            yield return new Holding(_reqSkill[i], _reqEssential[i] ? 1.0 : Parameters.OptionalHolding);
    }

    /// <summary>Spreads held strength to neighbouring skills (maximum, never above what is held).</summary>
    private void Expand(IEnumerable<Holding> holdings, Scratch s)
    {
        ClearHeld(s);
        foreach (var h in holdings)
            if ((uint)h.Skill < (uint)SkillCount && h.Strength > 0)
                Hold(s, h.Skill, Math.Min(1.0, h.Strength));
    }

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
        var touched = s.AccTouched;
        foreach (var o in s.Touched) acc[o] = 0;
        int count = 0;
        var held = s.Held;
        var postOcc = _postOcc;
        var postWeight = _postWeight;
        var postStart = _postStart;
        foreach (var skill in s.HeldTouched)
        {
            var h = held[skill];
            for (int j = postStart[skill], end = postStart[skill + 1]; j < end; j++)
            {
                var o = postOcc[j];
                var a = acc[o];
                // Always written, kept only the first time: no unpredictable branch per posting.
                touched[count] = o;
                count += a == 0 ? 1 : 0;
                acc[o] = a + postWeight[j] * h;
            }
        }
        s.AccCount = count;
    }

    private double Score(Scratch s, int o) => _reqTotal[o] > 0 ? Math.Min(1.0, s.Acc[o] / _reqTotal[o]) : 0;

    private const int ScoreBins = 256;

    /// <summary>
    /// The k best moves, (score desc, index asc), in two passes over the touched occupations: a histogram of the cheap
    /// score acc · (1 / total) finds the bin holding the k-th best; only the occupations from that bin up (k and a few)
    /// get their exact <see cref="Score"/> and one sort. The 1e-12 margin is far above the few-ulp difference between
    /// acc · (1 / total) and acc / total, so no true top-k move is lost.
    /// </summary>
    private Move[] SelectTop(Scratch s, int k, int exclude)
    {
        var acc = s.Acc;
        var inv = _invTotal;
        var touched = s.Touched;
        Span<int> histogram = stackalloc int[ScoreBins + 1];
        // Branch-free; a zero lands in bin 0, which is never a threshold bin. The source itself is taken out after.
        foreach (var o in touched) histogram[(int)Math.Min(acc[o] * inv[o] * ScoreBins, ScoreBins)]++;
        histogram[(int)Math.Min(acc[exclude] * inv[exclude] * ScoreBins, ScoreBins)]--;
        int bin = ScoreBins, seen = 0;
        for (; bin > 0; bin--)
        {
            seen += histogram[bin];
            if (seen >= k) break;
        }
        var edge = bin / (double)ScoreBins * (1 - 1e-12);
        var found = s.Candidates ??= new Move[OccupationCount];
        int count = 0;
        foreach (var o in touched)
        {
            var x = acc[o] * inv[o];
            if (x < edge || x == 0 || o == exclude) continue;
            var score = Score(s, o);
            if (score > 0) found[count++] = new Move(o, score);
        }
        var candidates = found.AsSpan(0, count);
        candidates.Sort(BestFirst);
        return candidates[..Math.Min(k, count)].ToArray();
    }

    private static readonly Comparison<Move> BestFirst =
        (x, y) => Better(x.Score, x.Occupation, y) ? -1 : Better(y.Score, y.Occupation, x) ? 1 : 0;

    private static bool Better(double score, int o, Move than) => score > than.Score || (score == than.Score && o < than.Occupation);

    /// <summary>The precomputed best moves from an occupation (never itself), best first.</summary>
    public IReadOnlyList<Move> TopMoves(int occupation) => _top[occupation];

    /// <summary>The route graph's moves from an occupation (its best <see cref="TransitionParameters.RouteNeighbours"/>).</summary>
    public IReadOnlyList<Move> RouteNeighbours(int occupation) => _routeNeighbours[occupation];

    /// <summary>Fit of every occupation from a set of held skills (a profile): index = occupation.</summary>
    public double[] FitFrom(IEnumerable<Holding> holdings)
    {
        var s = new Scratch(OccupationCount, SkillCount);
        Expand(holdings, s);
        Accumulate(s);
        var result = new double[OccupationCount];
        foreach (var o in s.Touched) result[o] = Score(s, o);
        return result;
    }

    /// <summary>Fit from an occupation to every occupation (the source itself included).</summary>
    public double[] FitFromOccupation(int occupation) => FitFrom(HoldingsOf(occupation));

    /// <summary>Fit from every occupation into one target: index = source occupation.</summary>
    public double[] FitInto(int target)
    {
        var acc = new double[OccupationCount];
        var best = new double[OccupationCount];
        var touched = new List<int>();
        for (int i = _reqStart[target]; i < _reqStart[target + 1]; i++)
        {
            var skill = _reqSkill[i];
            void Offer(int heldSkill, double credit)
            {
                for (int j = _postStart[heldSkill]; j < _postStart[heldSkill + 1]; j++)
                {
                    var o = _postOcc[j];
                    var v = credit * _postHolding[j];
                    if (best[o] == 0) touched.Add(o);
                    if (v > best[o]) best[o] = v;
                }
            }
            Offer(skill, 1.0);
            for (int j = _nbStart[skill]; j < _nbStart[skill + 1]; j++)
                Offer(_nbSkill[j], _nbCredit[j]);
            foreach (var o in touched) { acc[o] += _reqWeight[i] * best[o]; best[o] = 0; }
            touched.Clear();
        }
        var total = _reqTotal[target];
        for (int o = 0; o < OccupationCount; o++) acc[o] = total > 0 ? Math.Min(1.0, acc[o] / total) : 0;
        return acc;
    }

    /// <summary>An occupation's requirements as an IDF-weighted skill vector (skill, weight), for group profiles.</summary>
    internal (int[] Skills, float[] Weights, int Start, int End) RequirementVector(int occupation) =>
        (_reqSkill, _reqWeight, _reqStart[occupation], _reqStart[occupation + 1]);

    /// <summary>Inverse document frequency weight of a skill (0 when no occupation asks for it).</summary>
    public double Idf(int skill) => _idf[skill];

    /// <summary>The target's requirements, with what a source holds of each and through which skill.</summary>
    public GapAnalysis Explain(IEnumerable<Holding> holdings, int target)
    {
        var held = new Dictionary<int, double>();
        foreach (var h in holdings)
            if ((uint)h.Skill < (uint)SkillCount && h.Strength > 0)
                held[h.Skill] = Math.Max(held.GetValueOrDefault(h.Skill), Math.Min(1.0, h.Strength));
        var items = new List<GapItem>();
        double covered = 0;
        for (int i = _reqStart[target]; i < _reqStart[target + 1]; i++)
        {
            var skill = _reqSkill[i];
            double strength = held.GetValueOrDefault(skill);
            int? via = null;
            for (int j = _nbStart[skill]; j < _nbStart[skill + 1]; j++)
            {
                var v = held.GetValueOrDefault(_nbSkill[j]) * _nbCredit[j];
                if (v > strength) { strength = v; via = _nbSkill[j]; }
            }
            covered += _reqWeight[i] * strength;
            items.Add(new GapItem(skill, _reqEssential[i], _reqWeight[i], strength, via));
        }
        var total = _reqTotal[target];
        var ordered = items.OrderByDescending(x => x.Essential).ThenByDescending(x => x.Weight).ThenBy(x => x.Skill).ToList();
        return new GapAnalysis(target, total > 0 ? Math.Min(1.0, covered / total) : 0, ordered);
    }
}

/// <summary>One requirement of a target occupation and how much of it the source holds.</summary>
/// <param name="Held">1 = held; between 0 and 1 = partly, through <paramref name="Via"/> or as an optional skill; 0 = to learn.</param>
public sealed record GapItem(int Skill, bool Essential, double Weight, double Held, int? Via)
{
    public bool IsMatch => Held >= 0.999 && Via is null;
    public bool IsPartial => !IsMatch && Held > 0;
    public bool IsMissing => Held <= 0;
}

public sealed record GapAnalysis(int Target, double Score, IReadOnlyList<GapItem> Items)
{
    public IEnumerable<GapItem> Matches => Items.Where(i => i.IsMatch);
    public IEnumerable<GapItem> Partial => Items.Where(i => i.IsPartial);
    public IEnumerable<GapItem> MissingEssential => Items.Where(i => i.IsMissing && i.Essential);
    public IEnumerable<GapItem> MissingOptional => Items.Where(i => i.IsMissing && !i.Essential);
}
