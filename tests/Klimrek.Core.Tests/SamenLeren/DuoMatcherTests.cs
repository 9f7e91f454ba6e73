using Klimrek.Core.SamenLeren;

namespace Klimrek.Core.Tests.SamenLeren;

public sealed class DuoMatcherTests
{
    private static readonly MatchWeights W = new();

    private static int[] Terms(Random rnd, int max, int count) =>
        Enumerable.Range(0, count).Select(_ => rnd.Next(max)).Distinct().Order().ToArray();

    private static DuoCandidate Random(Random rnd, int id, int n)
    {
        string[] depts = ["ICT", "Zorg", "Onderwijs"];
        return new DuoCandidate(id, Terms(rnd, 12, rnd.Next(0, 5)), Terms(rnd, 12, rnd.Next(1, 5)), Terms(rnd, 6, rnd.Next(0, 3)),
            Terms(rnd, 8, rnd.Next(0, 3)), depts[rnd.Next(3)], "T" + rnd.Next(3), "D" + rnd.Next(2),
            rnd.NextDouble() < 0.2 ? rnd.Next(n) : null, rnd.Next(0, 1 << 10) | (rnd.NextDouble() < 0.9 ? 1 : 0),
            rnd.NextDouble() < 0.5 ? Terms(rnd, 12, rnd.Next(0, 5)) : null);
    }

    /// <summary>Exhaustive search: the most pairs, then the highest total score in hundredths, over allowed pairs.</summary>
    private static (int Pairs, long Score) BruteForce(List<DuoCandidate> p, MatchOptions o)
    {
        int n = p.Count;
        var forbidden = new HashSet<(int, int)>((o.Forbidden ?? []).Select(x => (Math.Min(x.A, x.B), Math.Max(x.A, x.B))));
        var best = (Pairs: -1, Score: -1L);
        void Go(int used, int pairs, long score)
        {
            int v = 0;
            while (v < n && (used & (1 << v)) != 0) v++;
            if (v == n)
            {
                if (pairs > best.Pairs || (pairs == best.Pairs && score > best.Score)) best = (pairs, score);
                return;
            }
            Go(used | (1 << v), pairs, score);
            for (int u = v + 1; u < n; u++)
            {
                if ((used & (1 << u)) != 0) continue;
                if (forbidden.Contains((Math.Min(p[v].Id, p[u].Id), Math.Max(p[v].Id, p[u].Id)))) continue;
                if (DuoMatcher.Block(p[v], p[u], o.AvoidSameTeam) != PairBlock.None) continue;
                Go(used | (1 << v) | (1 << u), pairs + 1, score + DuoMatcher.ScoreHundredths(p[v], p[u], o.Weights));
            }
        }
        Go(0, 0, 0);
        return best;
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(3, 24)]
    public void The_duos_are_optimal_against_exhaustive_search(int seed, int candidatesPerPerson)
    {
        // Few candidates per person force the pricing loop to repair the sparse graph; the optimum must not change.
        var rnd = new Random(seed);
        for (int iter = 0; iter < 600; iter++)
        {
            int n = rnd.Next(0, 11);
            var people = Enumerable.Range(0, n).Select(i => Random(rnd, i, n)).ToList();
            var forbidden = new List<(int, int)>();
            for (int t = 0; t < rnd.Next(3) && n > 1; t++) forbidden.Add((rnd.Next(n), rnd.Next(n)));
            var options = new MatchOptions(W, AvoidSameTeam: rnd.NextDouble() < 0.5, TrioForOdd: false, Forbidden: forbidden);
            var r = DuoMatcher.Match(people, options, candidatesPerPerson);
            var oracle = BruteForce(people, options);
            Assert.Equal(oracle.Pairs, r.Groups.Count);
            Assert.Equal(oracle.Score, r.Groups.Sum(g => (long)DuoMatcher.ScoreHundredths(people[g.Members[0]], people[g.Members[1]], W)));
            // Nobody is silently dropped: every person is in exactly one group or listed as unmatched.
            var seen = r.Groups.SelectMany(g => g.Members).Concat(r.Unmatched.Select(u => u.Id)).Order().ToArray();
            Assert.Equal(Enumerable.Range(0, n).ToArray(), seen);
            foreach (var g in r.Groups)
            {
                var (a, b) = (people[g.Members[0]], people[g.Members[1]]);
                Assert.Equal(PairBlock.None, DuoMatcher.Block(a, b, options.AvoidSameTeam));
                Assert.DoesNotContain((a.Id, b.Id), forbidden);
                Assert.DoesNotContain((b.Id, a.Id), forbidden);
            }
        }
    }

    [Fact]
    public void Score_is_symmetric_bounded_and_explained()
    {
        var rnd = new Random(7);
        for (int i = 0; i < 2000; i++)
        {
            var a = Random(rnd, 0, 2);
            var b = Random(rnd, 1, 2);
            var ab = DuoMatcher.Score(a, b, W);
            var ba = DuoMatcher.Score(b, a, W);
            Assert.Equal(ab.Total, ba.Total, 9);
            Assert.InRange(ab.Total, 0, 100);
            Assert.Equal((int)Math.Round(ab.Total * 100), DuoMatcher.ScoreHundredths(a, b, W));
            Assert.Equal(ab.ABrings, a.Brings.Intersect(b.Develops).Order());
            Assert.Equal(ab.ANear, (a.BringsNear ?? []).Intersect(b.Develops).Except(a.Brings).Order());
            Assert.Equal(ab.AToB, (ab.ABrings.Length + 0.5 * ab.ANear.Length) / b.Develops.Length, 9);
            Assert.Equal(ab.BNear, ba.ANear);
            Assert.Equal(ab.SharedAffinities, a.Affinities.Intersect(b.Affinities).Order());
            Assert.Equal(ab.DifferentQualities, a.Qualities.Union(b.Qualities).Except(a.Qualities.Intersect(b.Qualities)).Order());
        }
    }

    [Fact]
    public void A_term_near_what_the_partner_brings_counts_half_and_an_exact_one_in_full()
    {
        // P brings 1 (near 2 and 3); Q wants 1, 2 and 4: 1 exactly, 2 nearly, 4 not at all → (1 + ½) / 3.
        DuoCandidate C(int id, int[] brings, int[] develops, int[]? near = null) => new(id, brings, develops, [], [], "A", "", "", null, 3, near);
        var s = DuoMatcher.Score(C(0, [1], [7], [1, 2, 3]), C(1, [7], [1, 2, 4]), W);
        Assert.Equal([1], s.ABrings);
        Assert.Equal([2], s.ANear); // 1 is brought outright, so it is not "near" as well
        Assert.Equal(1.5 / 3, s.AToB, 9);
        Assert.Equal(1.0, s.BToA, 9);
        // Without the near terms the pair scores strictly lower.
        var plain = DuoMatcher.Score(C(0, [1], [7]), C(1, [7], [1, 2, 4]), W);
        Assert.Equal(1.0 / 3, plain.AToB, 9);
        Assert.True(s.Total > plain.Total);
        Assert.Equal((int)Math.Round(s.Total * 100), DuoMatcher.ScoreHundredths(C(0, [1], [7], [1, 2, 3]), C(1, [7], [1, 2, 4]), W));
    }

    [Fact]
    public void Complementarity_rewards_reciprocity_over_a_one_way_match()
    {
        // X teaches Y everything Y wants but learns nothing; P and Q each learn half of what they want from the other.
        DuoCandidate C(int id, int[] brings, int[] develops) => new(id, brings, develops, [], [], "A", "", "", null, 3);
        var oneWay = DuoMatcher.Score(C(0, [1, 2], [9]), C(1, [], [1, 2]), W);
        var mutual = DuoMatcher.Score(C(2, [1], [3, 4]), C(3, [3], [1, 2]), W);
        Assert.Equal(0.25, oneWay.Complementarity, 9);
        Assert.Equal(0.5, mutual.Complementarity, 9);
        Assert.True(mutual.Total > oneWay.Total);
    }

    [Fact]
    public void Hard_rules_block_pairs()
    {
        var boss = new DuoCandidate(1, [1], [2], [], [], "A", "T1", "", null, 0b11);
        var worker = new DuoCandidate(2, [2], [1], [], [], "B", "T1", "", 1, 0b11);
        var night = new DuoCandidate(3, [2], [1], [], [], "B", "T2", "", null, 0b1100);
        var colleague = new DuoCandidate(4, [2], [1], [], [], "B", "T1", "", null, 0b01);
        Assert.Equal(PairBlock.Manager, DuoMatcher.Block(boss, worker, false));
        Assert.Equal(PairBlock.Manager, DuoMatcher.Block(worker, boss, false));
        Assert.Equal(PairBlock.NoSharedTime, DuoMatcher.Block(boss, night, false));
        Assert.Equal(PairBlock.SameTeam, DuoMatcher.Block(boss, colleague, true));
        Assert.Equal(PairBlock.None, DuoMatcher.Block(boss, colleague, false));

        var r = DuoMatcher.Match([boss, worker], new MatchOptions(W));
        Assert.Empty(r.Groups);
        Assert.All(r.Unmatched, u => Assert.Equal(UnmatchedReason.NoAllowedPartner, u.Reason));
    }

    [Fact]
    public void An_odd_person_joins_a_trio_or_is_named_with_the_reason()
    {
        var people = Enumerable.Range(0, 5).Select(i => new DuoCandidate(i, [i], [(i + 1) % 5], [], [], "D" + i, "", "", null, 0b111)).ToList();
        var trio = DuoMatcher.Match(people, new MatchOptions(W, TrioForOdd: true));
        Assert.Empty(trio.Unmatched);
        Assert.Equal(2, trio.Groups.Count);
        Assert.Single(trio.Groups, g => g.Members.Length == 3);
        Assert.Equal(3, trio.Groups.Single(g => g.Members.Length == 3).Pairs.Count);

        var single = DuoMatcher.Match(people, new MatchOptions(W, TrioForOdd: false));
        var u = Assert.Single(single.Unmatched);
        Assert.Equal(UnmatchedReason.OddNumber, u.Reason);
    }

    [Fact]
    public void Fixed_and_forbidden_pairs_are_respected_and_contradictions_named()
    {
        var rnd = new Random(3);
        var people = Enumerable.Range(0, 8).Select(i => Random(rnd, i, 0) with { ManagerId = null, Availability = 0b1111 }).ToList();
        var free = DuoMatcher.Match(people, new MatchOptions(W));
        var (a, b) = (free.Groups[0].Members[0], free.Groups[0].Members[1]);
        var forbidding = DuoMatcher.Match(people, new MatchOptions(W, Forbidden: [(a, b)]));
        Assert.DoesNotContain(forbidding.Groups, g => g.Members.Contains(a) && g.Members.Contains(b));
        // Fix a pair the optimum did not choose.
        var other = free.Groups[1].Members[0];
        var fixing = DuoMatcher.Match(people, new MatchOptions(W, Fixed: [(a, other)]));
        var fixedGroup = Assert.Single(fixing.Groups, g => g.Fixed);
        Assert.Equal([a, other], fixedGroup.Members);
        Assert.Equal(4, fixing.Groups.Count);

        people[1] = people[1] with { ManagerId = 0 };
        var conflicts = DuoMatcher.Conflicts(people, new MatchOptions(W, Fixed: [(0, 1), (1, 2), (3, 4)], Forbidden: [(4, 3)]));
        Assert.Contains(new RuleConflict(ConflictKind.FixedWithManager, 0, 1), conflicts);
        Assert.Contains(new RuleConflict(ConflictKind.FixedTwice, 1, 2), conflicts);
        Assert.Contains(new RuleConflict(ConflictKind.FixedAndForbidden, 3, 4), conflicts);
        Assert.Throws<InvalidOperationException>(() => DuoMatcher.Match(people, new MatchOptions(W, Fixed: [(0, 1)])));
    }

    [Fact]
    public void A_large_programme_is_priced_to_the_same_optimum_as_the_complete_graph()
    {
        var rnd = new Random(11);
        var people = Enumerable.Range(0, 120).Select(i => Random(rnd, i, 120)).ToList();
        var options = new MatchOptions(W, AvoidSameTeam: true, TrioForOdd: false);
        var sparse = DuoMatcher.Match(people, options, candidatesPerPerson: 3);
        var complete = DuoMatcher.Match(people, options, candidatesPerPerson: 200);
        Assert.Equal(complete.Groups.Count, sparse.Groups.Count);
        long Hundredths(DuoMatchResult r) => r.Groups.Sum(g => (long)DuoMatcher.ScoreHundredths(people[g.Members[0]], people[g.Members[1]], W));
        Assert.Equal(Hundredths(complete), Hundredths(sparse));
        Assert.True(sparse.CandidateEdges < complete.CandidateEdges);
    }
}
