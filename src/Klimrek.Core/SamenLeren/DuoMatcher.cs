using Klimrek.Core.Matching;
using System.Numerics;

namespace Klimrek.Core.SamenLeren;

/// <summary>
/// A participant's intake as the matcher sees it. Terms (competences, qualities, topics) are integer ids: the
/// caller maps ESCO skills and normalised free terms to ids, so equal ids mean "the same thing". Term arrays must be
/// sorted ascending without duplicates. Age is deliberately absent: it is never a matching input.
/// </summary>
/// <param name="Id">The caller's participant id (reported back in results).</param>
/// <param name="Brings">Competences this person brings.</param>
/// <param name="Develops">Competences this person wants to develop.</param>
/// <param name="Qualities">Personal qualities (optimism, overview, innovative mind, structure, …).</param>
/// <param name="Affinities">Content topics the person is drawn to.</param>
/// <param name="Department">Department ("afdeling"); different departments earn the cross-department bonus.</param>
/// <param name="Team">Team; with <see cref="MatchOptions.AvoidSameTeam"/> two members of one team are never paired.</param>
/// <param name="Discipline">Discipline ("vakgebied"); a different discipline in the same department earns half the bonus.</param>
/// <param name="ManagerId">The participant id of this person's manager when the manager takes part; never paired with them.</param>
/// <param name="Availability">Weekly availability: bit d*2+h for day d (0 = Monday … 4 = Friday), h 0 = morning, 1 = afternoon.</param>
/// <param name="BringsNear">Terms close to what this person brings (for ESCO skills: one step up or down the skill
/// hierarchy), sorted ascending. Someone who wants to develop such a term gets partial credit for it
/// (<see cref="DuoMatcher.NearCredit"/>); a term the person brings outright always counts in full.</param>
public sealed record DuoCandidate(
    int Id, int[] Brings, int[] Develops, int[] Qualities, int[] Affinities,
    string Department, string Team, string Discipline, int? ManagerId, int Availability, int[]? BringsNear = null);

/// <summary>Relative weights of the score components (any non-negative integers; they are normalised).</summary>
public sealed record MatchWeights(int Complementarity, int Qualities, int Affinity, int Availability, int CrossDepartment)
{
    /// <summary>The default weights, the one place they are set: complementarity 40, qualities 10, affinity 20, availability 20, cross-department 10.</summary>
    public MatchWeights() : this(40, 10, 20, 20, 10) { }

    [System.Text.Json.Serialization.JsonIgnore]
    public int Sum => Complementarity + Qualities + Affinity + Availability + CrossDepartment;
}

/// <summary>Matching options: weights, hard rules and the steering group's fixed and forbidden pairs (by participant id).</summary>
public sealed record MatchOptions(
    MatchWeights Weights,
    bool AvoidSameTeam = false,
    bool TrioForOdd = true,
    IReadOnlyList<(int A, int B)>? Fixed = null,
    IReadOnlyList<(int A, int B)>? Forbidden = null);

/// <summary>Why two people may not be paired.</summary>
public enum PairBlock { None = 0, Manager, SameTeam, NoSharedTime, ForbiddenBySteward }

/// <summary>
/// One pair's score, broken down. Components are in [0, 1]; <see cref="Total"/> is the weighted sum on a 0–100 scale.
/// The term lists say what each brings that the other wants to develop (outright, and near: terms the other wants that
/// lie close to what this one brings), and what they share.
/// </summary>
public sealed record PairScore(
    int A, int B, double Total,
    double AToB, double BToA, double Complementarity,
    double Qualities, double Affinity, double Availability, double CrossDepartment,
    int[] ABrings, int[] BBrings, int[] DifferentQualities, int[] SharedAffinities, int SharedSlots,
    int[] ANear, int[] BNear);

/// <summary>A duo (or, for an odd number, one trio) with its pair scores.</summary>
public sealed record MatchGroup(int[] Members, double Score, IReadOnlyList<PairScore> Pairs, bool Fixed);

/// <summary>Why someone is not in a group.</summary>
public enum UnmatchedReason
{
    /// <summary>Every other participant is excluded by a hard rule (manager, team, no shared time, forbidden).</summary>
    NoAllowedPartner = 1,
    /// <summary>Partners were possible, but every one of them is in a duo of the best set of duos.</summary>
    PartnersTaken = 2,
    /// <summary>An odd number of participants and no trio wanted (or no trio possible under the rules).</summary>
    OddNumber = 3,
}

public sealed record UnmatchedPerson(int Id, UnmatchedReason Reason, int AllowedPartners);

/// <summary>Steering-group rules that cannot all hold; named so the UI can say which ones.</summary>
public enum ConflictKind { FixedAndForbidden = 1, FixedWithManager, FixedSameTeam, FixedTwice, FixedWithSelf, UnknownParticipant }

public sealed record RuleConflict(ConflictKind Kind, int A, int B);

public sealed record DuoMatchResult(
    IReadOnlyList<MatchGroup> Groups, IReadOnlyList<UnmatchedPerson> Unmatched, double TotalScore,
    int CandidateEdges, int PricingRounds);

/// <summary>
/// Forms duos of equal partners: the set of reciprocal pairs with the most duos and, among those, the highest total
/// fit, under the hard rules — computed exactly with maximum-weight matching on the general graph of allowed pairs.
/// Fit = complementarity in both directions (what each brings that the other wants to develop; the weaker direction
/// counts double, because the partners are equals, not mentor and mentee) + complementary qualities + shared
/// affinity + shared weekly time + a bonus across departments. Age is not an input.
/// <para>
/// Large programmes are solved on a sparse candidate graph (each person's best partners) and then priced: the
/// matching's vertex duals prove that no left-out pair could improve it, or the violating pairs are added and the
/// graph is solved again. The result is the optimum over all allowed pairs either way.
/// </para>
/// </summary>
public static class DuoMatcher
{
    /// <summary>Edge weight = <see cref="CardinalityBase"/> + score in hundredths: more duos first, then more fit.</summary>
    public const long CardinalityBase = 1_000_000;

    /// <summary>Credit for a wanted term that is only close to something the partner brings (an exact term counts 1).</summary>
    public const double NearCredit = 0.5;

    /// <summary>Two shared half-days a week is enough for a duo to meet regularly.</summary>
    public const int EnoughSharedSlots = 2;

    public static PairBlock Block(DuoCandidate a, DuoCandidate b, bool avoidSameTeam)
    {
        if (a.ManagerId == b.Id || b.ManagerId == a.Id) return PairBlock.Manager;
        if (avoidSameTeam && a.Team.Length > 0 && string.Equals(a.Team, b.Team, StringComparison.OrdinalIgnoreCase)) return PairBlock.SameTeam;
        if ((a.Availability & b.Availability) == 0) return PairBlock.NoSharedTime;
        return PairBlock.None;
    }

    public static PairScore Score(DuoCandidate a, DuoCandidate b, MatchWeights w)
    {
        var aBrings = Intersect(a.Brings, b.Develops);
        var bBrings = Intersect(b.Brings, a.Develops);
        var aNear = Except(Intersect(a.BringsNear ?? [], b.Develops), aBrings);
        var bNear = Except(Intersect(b.BringsNear ?? [], a.Develops), bBrings);
        double ab = b.Develops.Length == 0 ? 0 : (aBrings.Length + NearCredit * aNear.Length) / b.Develops.Length;
        double ba = a.Develops.Length == 0 ? 0 : (bBrings.Length + NearCredit * bNear.Length) / a.Develops.Length;
        double comp = (ab + ba + 2 * Math.Min(ab, ba)) / 4;
        var diffQ = SymmetricDifference(a.Qualities, b.Qualities);
        int unionQ = a.Qualities.Length + b.Qualities.Length - (a.Qualities.Length + b.Qualities.Length - diffQ.Length) / 2;
        double qual = unionQ == 0 ? 0 : (double)diffQ.Length / unionQ;
        var shared = Intersect(a.Affinities, b.Affinities);
        int minAff = Math.Min(a.Affinities.Length, b.Affinities.Length);
        double aff = minAff == 0 ? 0 : (double)shared.Length / minAff;
        int slots = BitOperations.PopCount((uint)(a.Availability & b.Availability));
        double avail = Math.Min(1.0, (double)slots / EnoughSharedSlots);
        double cross = !Same(a.Department, b.Department) ? 1 : !Same(a.Discipline, b.Discipline) ? 0.5 : 0;
        double total = w.Sum == 0 ? 0
            : 100.0 * (w.Complementarity * comp + w.Qualities * qual + w.Affinity * aff + w.Availability * avail + w.CrossDepartment * cross) / w.Sum;
        return new PairScore(a.Id, b.Id, total, ab, ba, comp, qual, aff, avail, cross, aBrings, bBrings, diffQ, shared, slots, aNear, bNear);
    }

    /// <summary>The score alone, without allocating the term lists (the hot path of candidate selection and pricing).</summary>
    public static int ScoreHundredths(DuoCandidate a, DuoCandidate b, MatchWeights w)
    {
        if (w.Sum == 0) return 0;
        int ab = CountCommon(a.Brings, b.Develops), ba = CountCommon(b.Brings, a.Develops);
        int abNear = a.BringsNear is { Length: > 0 } an ? CountNear(an, b.Develops, a.Brings) : 0;
        int baNear = b.BringsNear is { Length: > 0 } bn ? CountNear(bn, a.Develops, b.Brings) : 0;
        double fab = b.Develops.Length == 0 ? 0 : (ab + NearCredit * abNear) / b.Develops.Length;
        double fba = a.Develops.Length == 0 ? 0 : (ba + NearCredit * baNear) / a.Develops.Length;
        double comp = (fab + fba + 2 * Math.Min(fab, fba)) / 4;
        int commonQ = CountCommon(a.Qualities, b.Qualities);
        int unionQ = a.Qualities.Length + b.Qualities.Length - commonQ;
        double qual = unionQ == 0 ? 0 : (double)(unionQ - commonQ) / unionQ;
        int minAff = Math.Min(a.Affinities.Length, b.Affinities.Length);
        double aff = minAff == 0 ? 0 : (double)CountCommon(a.Affinities, b.Affinities) / minAff;
        double avail = Math.Min(1.0, (double)BitOperations.PopCount((uint)(a.Availability & b.Availability)) / EnoughSharedSlots);
        double cross = !Same(a.Department, b.Department) ? 1 : !Same(a.Discipline, b.Discipline) ? 0.5 : 0;
        double total = 100.0 * (w.Complementarity * comp + w.Qualities * qual + w.Affinity * aff + w.Availability * avail + w.CrossDepartment * cross) / w.Sum;
        return (int)Math.Round(total * 100);
    }

    /// <summary>Rules that contradict each other or the hard constraints; matching refuses to run while any exist.</summary>
    public static IReadOnlyList<RuleConflict> Conflicts(IReadOnlyList<DuoCandidate> people, MatchOptions options)
    {
        var byId = new Dictionary<int, DuoCandidate>();
        foreach (var p in people) byId.TryAdd(p.Id, p);
        var result = new List<RuleConflict>();
        var forbidden = new HashSet<(int, int)>((options.Forbidden ?? []).Select(p => Key(p.A, p.B)));
        var inFixed = new Dictionary<int, (int, int)>();
        foreach (var (a, b) in options.Fixed ?? [])
        {
            if (a == b) { result.Add(new(ConflictKind.FixedWithSelf, a, b)); continue; }
            if (!byId.TryGetValue(a, out var pa) || !byId.TryGetValue(b, out var pb)) { result.Add(new(ConflictKind.UnknownParticipant, a, b)); continue; }
            if (forbidden.Contains(Key(a, b))) result.Add(new(ConflictKind.FixedAndForbidden, a, b));
            if (pa.ManagerId == b || pb.ManagerId == a) result.Add(new(ConflictKind.FixedWithManager, a, b));
            if (options.AvoidSameTeam && pa.Team.Length > 0 && Same(pa.Team, pb.Team)) result.Add(new(ConflictKind.FixedSameTeam, a, b));
            if (inFixed.ContainsKey(a) || inFixed.ContainsKey(b)) result.Add(new(ConflictKind.FixedTwice, a, b));
            inFixed.TryAdd(a, (a, b));
            inFixed.TryAdd(b, (a, b));
        }
        return result;
    }

    /// <summary>
    /// The optimal set of duos. Throws <see cref="InvalidOperationException"/> when <see cref="Conflicts"/> is not
    /// empty (call it first to show the conflicts). <paramref name="candidatesPerPerson"/> sizes the sparse
    /// candidate graph; it changes speed, never the result.
    /// </summary>
    public static DuoMatchResult Match(IReadOnlyList<DuoCandidate> people, MatchOptions options, int candidatesPerPerson = 24)
    {
        if (Conflicts(people, options).Count > 0) throw new InvalidOperationException("The steering group's rules contradict each other.");
        int n = people.Count;
        var index = new Dictionary<int, int>(n);
        for (int i = 0; i < n; i++)
            if (!index.TryAdd(people[i].Id, i)) throw new ArgumentException($"Participant {people[i].Id} appears twice.", nameof(people));
        var w = options.Weights;
        var forbidden = new HashSet<long>();
        foreach (var (a, b) in options.Forbidden ?? [])
            if (index.TryGetValue(a, out var ia) && index.TryGetValue(b, out var ib)) forbidden.Add(PairKey(ia, ib));

        // Fixed pairs leave the graph; everyone else is matched among themselves.
        var groups = new List<MatchGroup>();
        var taken = new bool[n];
        foreach (var (a, b) in options.Fixed ?? [])
        {
            int ia = index[a], ib = index[b];
            taken[ia] = taken[ib] = true;
            var s = Score(people[ia], people[ib], w);
            groups.Add(new MatchGroup([a, b], s.Total, [s], true));
        }
        var free = Enumerable.Range(0, n).Where(i => !taken[i]).ToArray();
        int f = free.Length;
        bool Allowed(int x, int y) =>
            !forbidden.Contains(PairKey(free[x], free[y])) && Block(people[free[x]], people[free[y]], options.AvoidSameTeam) == PairBlock.None;
        long Weight(int x, int y) => CardinalityBase + ScoreHundredths(people[free[x]], people[free[y]], w);

        // Candidate graph: each person's best allowed partners; everyone's allowed-partner count for the reasons.
        int k = Math.Max(1, candidatesPerPerson);
        var allowedCount = new int[f];
        var best = new (long W, int J)[f][];
        Parallel.For(0, f, x =>
        {
            var top = new PriorityQueue<int, long>(k + 1);
            int count = 0;
            for (int y = 0; y < f; y++)
            {
                if (y == x || !Allowed(x, y)) continue;
                count++;
                long wt = Weight(x, y);
                if (top.Count < k) top.Enqueue(y, wt);
                else if (top.TryPeek(out _, out var low) && wt > low) top.EnqueueDequeue(y, wt);
            }
            allowedCount[x] = count;
            var list = new (long, int)[top.Count];
            int i = 0;
            while (top.TryDequeue(out var y, out var wt)) list[i++] = (wt, y);
            best[x] = list;
        });
        var edgeSet = new HashSet<long>();
        var edges = new List<WeightedEdge>();
        for (int x = 0; x < f; x++)
            foreach (var (wt, y) in best[x])
                if (edgeSet.Add(PairKey(x, y))) edges.Add(new WeightedEdge(x, y, wt));

        // Solve, then price every allowed pair left out against the vertex duals; repeat until none violates.
        int rounds = 0;
        MatchingResult solved;
        while (true)
        {
            rounds++;
            solved = MaximumWeightMatching.Solve(f, edges);
            var duals = solved.VertexDuals;
            var violators = new List<WeightedEdge>[f];
            Parallel.For(0, f, x =>
            {
                List<WeightedEdge>? mine = null;
                for (int y = x + 1; y < f; y++)
                {
                    if (duals[x] + duals[y] >= 2 * (CardinalityBase + 10_000)) continue; // no pair can weigh more
                    if (!Allowed(x, y) || edgeSet.Contains(PairKey(x, y))) continue;
                    long wt = Weight(x, y);
                    if (duals[x] + duals[y] < 2 * wt) (mine ??= []).Add(new WeightedEdge(x, y, wt));
                }
                violators[x] = mine!;
            });
            int added = 0;
            foreach (var list in violators)
                if (list is not null)
                    foreach (var e in list)
                        if (edgeSet.Add(PairKey(e.U, e.V))) { edges.Add(e); added++; }
            if (added == 0) break;
        }

        var leftOver = new List<int>();
        foreach (var (u, v) in solved.Pairs)
        {
            var s = Score(people[free[u]], people[free[v]], w);
            groups.Add(new MatchGroup([people[free[u]].Id, people[free[v]].Id], s.Total, [s], false));
        }
        for (int x = 0; x < f; x++)
            if (solved.Mate[x] == -1) leftOver.Add(x);

        var unmatched = new List<UnmatchedPerson>();
        // An odd number: one person can join the duo where they add the most (both pairs allowed).
        if (options.TrioForOdd && leftOver.Count == 1 && n % 2 == 1)
        {
            int x = leftOver[0];
            int bestGroup = -1;
            double bestScore = double.MinValue;
            for (int g = 0; g < groups.Count; g++)
            {
                var m = groups[g].Members;
                int i0 = index[m[0]], i1 = index[m[1]], ix = free[x];
                if (!PairOk(ix, i0) || !PairOk(ix, i1)) continue;
                double s = ScoreHundredths(people[ix], people[i0], w) + ScoreHundredths(people[ix], people[i1], w);
                if (s > bestScore) { bestScore = s; bestGroup = g; }
            }
            if (bestGroup >= 0)
            {
                var g = groups[bestGroup];
                var px = people[free[x]];
                var s0 = Score(people[index[g.Members[0]]], px, w);
                var s1 = Score(people[index[g.Members[1]]], px, w);
                var pairs = new List<PairScore>(g.Pairs) { s0, s1 };
                groups[bestGroup] = new MatchGroup([.. g.Members, px.Id], pairs.Average(p => p.Total), pairs, g.Fixed);
                leftOver.Clear();
            }
        }
        foreach (var x in leftOver)
        {
            var reason = allowedCount[x] == 0 ? UnmatchedReason.NoAllowedPartner
                : leftOver.Count == 1 && n % 2 == 1 ? UnmatchedReason.OddNumber
                : UnmatchedReason.PartnersTaken;
            unmatched.Add(new UnmatchedPerson(people[free[x]].Id, reason, allowedCount[x]));
        }
        return new DuoMatchResult(groups, unmatched, groups.Sum(g => g.Pairs.Sum(p => p.Total)), edges.Count, rounds);

        bool PairOk(int i, int j) => !forbidden.Contains(PairKey(i, j)) && Block(people[i], people[j], options.AvoidSameTeam) == PairBlock.None;
    }

    private static long PairKey(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;
    private static (int, int) Key(int a, int b) => a < b ? (a, b) : (b, a);
    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static int CountCommon(int[] a, int[] b)
    {
        int i = 0, j = 0, c = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { c++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return c;
    }

    /// <summary>How many terms of <paramref name="wanted"/> are in <paramref name="near"/> but not in <paramref name="exact"/>.</summary>
    private static int CountNear(int[] near, int[] wanted, int[] exact)
    {
        int i = 0, k = 0, c = 0;
        foreach (var x in wanted)
        {
            while (i < near.Length && near[i] < x) i++;
            if (i == near.Length) break;
            if (near[i] != x) continue;
            while (k < exact.Length && exact[k] < x) k++;
            if (k == exact.Length || exact[k] != x) c++;
        }
        return c;
    }

    private static int[] Except(int[] a, int[] b)
    {
        if (a.Length == 0 || b.Length == 0) return a;
        var r = new List<int>();
        int j = 0;
        foreach (var x in a)
        {
            while (j < b.Length && b[j] < x) j++;
            if (j == b.Length || b[j] != x) r.Add(x);
        }
        return [.. r];
    }

    private static int[] Intersect(int[] a, int[] b)
    {
        var r = new List<int>();
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { r.Add(a[i]); i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return [.. r];
    }

    private static int[] SymmetricDifference(int[] a, int[] b)
    {
        var r = new List<int>();
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            if (j == b.Length || (i < a.Length && a[i] < b[j])) r.Add(a[i++]);
            else if (i == a.Length || b[j] < a[i]) r.Add(b[j++]);
            else { i++; j++; }
        }
        return [.. r];
    }
}
