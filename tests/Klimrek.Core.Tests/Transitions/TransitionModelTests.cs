using Klimrek.Core.Transitions;

namespace Klimrek.Core.Tests.Transitions;

/// <summary>The transition model against a direct computation of its definition, on many small random inputs.</summary>
public sealed class TransitionModelTests
{
    private sealed record Instance(int N, int M, Requirement[] Reqs, (int, int)[] Broader, (int, int)[] Related, HashSet<int> Groups);

    private static Instance Random(Random rnd)
    {
        int n = rnd.Next(2, 9), m = rnd.Next(3, 14);
        var groups = new HashSet<int>(Enumerable.Range(0, m).Where(_ => rnd.NextDouble() < 0.2));
        var reqs = new List<Requirement>();
        for (int o = 0; o < n; o++)
            for (int s = 0; s < m; s++)
                if (!groups.Contains(s) && rnd.NextDouble() < 0.35)
                    reqs.Add(new Requirement(o, s, rnd.NextDouble() < 0.6));
        if (rnd.NextDouble() < 0.5 && reqs.Count > 0) reqs.Add(reqs[rnd.Next(reqs.Count)] with { Essential = false }); // duplicate row
        var broader = Enumerable.Range(0, rnd.Next(0, 6)).Select(_ => (rnd.Next(m), rnd.Next(m))).ToArray();
        var related = Enumerable.Range(0, rnd.Next(0, 6)).Select(_ => (rnd.Next(m), rnd.Next(m))).ToArray();
        return new Instance(n, m, [.. reqs], broader, related, groups);
    }

    private static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) < 1e-6, $"expected {expected}, got {actual}");

    private static TransitionModel Build(Instance x, TransitionParameters? p = null) =>
        TransitionModel.Build(x.N, x.M, x.Reqs, x.Broader, x.Related, x.Groups, p ?? TransitionParameters.Default, degreeOfParallelism: 2);

    /// <summary>Credit of holding skill t for a required skill s, read straight from the definition.</summary>
    private static double Credit(Instance x, TransitionParameters p, int t, int s)
    {
        if (t == s) return 1;
        double c = 0;
        foreach (var (a, b) in x.Related)
            if ((a == t && b == s) || (a == s && b == t)) c = Math.Max(c, p.RelatedCredit);
        foreach (var (child, parent) in x.Broader)
        {
            if (x.Groups.Contains(parent)) continue;
            if ((child == t && parent == s) || (child == s && parent == t)) c = Math.Max(c, p.RelatedCredit);
        }
        foreach (var g in x.Groups)
        {
            var members = x.Broader.Where(e => e.Item2 == g).Select(e => e.Item1).Distinct().ToList();
            if (members.Count <= p.MaxSiblingGroupSize && members.Contains(t) && members.Contains(s)) c = Math.Max(c, p.SiblingCredit);
        }
        return c;
    }

    private static Dictionary<int, bool> Requirements(Instance x, int o)
    {
        var d = new Dictionary<int, bool>();
        foreach (var r in x.Reqs.Where(r => r.Occupation == o)) d[r.Skill] = d.GetValueOrDefault(r.Skill) || r.Essential;
        return d;
    }

    private static double OracleFit(Instance x, TransitionParameters p, IReadOnlyDictionary<int, double> held, int target)
    {
        int withSkills = x.Reqs.Select(r => r.Occupation).Distinct().Count();
        double Idf(int s)
        {
            var df = Enumerable.Range(0, x.N).Count(o => Requirements(x, o).ContainsKey(s));
            return df == 0 ? 0 : Math.Log(1 + (double)withSkills / df);
        }
        double total = 0, covered = 0;
        foreach (var (s, essential) in Requirements(x, target))
        {
            var w = (essential ? p.EssentialWeight : p.OptionalWeight) * Idf(s);
            double h = 0;
            foreach (var (t, ht) in held) h = Math.Max(h, Credit(x, p, t, s) * ht);
            total += w;
            covered += w * h;
        }
        return total > 0 ? covered / total : 0;
    }

    private static Dictionary<int, double> OccupationHoldings(Instance x, TransitionParameters p, int o) =>
        Requirements(x, o).ToDictionary(kv => kv.Key, kv => kv.Value ? 1.0 : p.OptionalHolding);

    [Fact]
    public void Fit_equals_the_definition_on_random_instances()
    {
        var rnd = new Random(20261122);
        var p = TransitionParameters.Default;
        for (int iter = 0; iter < 300; iter++)
        {
            var x = Random(rnd);
            var model = Build(x);
            var profile = Enumerable.Range(0, x.M).Where(_ => rnd.NextDouble() < 0.3).ToDictionary(s => s, _ => 1.0);
            var fromProfile = model.FitFrom(profile.Select(kv => new Holding(kv.Key, kv.Value)));
            for (int b = 0; b < x.N; b++)
            {
                Close(OracleFit(x, p, profile, b), fromProfile[b]);
                Close(fromProfile[b], model.Explain(profile.Select(kv => new Holding(kv.Key, kv.Value)), b).Score);
                var into = model.FitInto(b);
                for (int a = 0; a < x.N; a++)
                    Close(OracleFit(x, p, OccupationHoldings(x, p, a), b), into[a]);
            }
        }
    }

    [Fact]
    public void Top_moves_are_the_best_other_occupations_in_order()
    {
        var rnd = new Random(7);
        var p = TransitionParameters.Default with { TopK = 3, RouteNeighbours = 5 };
        for (int iter = 0; iter < 300; iter++)
        {
            var x = Random(rnd);
            var model = Build(x, p);
            for (int a = 0; a < x.N; a++)
            {
                var expected = Enumerable.Range(0, x.N).Where(b => b != a)
                    .Select(b => new Move(b, OracleFit(x, p, OccupationHoldings(x, p, a), b)))
                    .Where(m => m.Score > 0)
                    .OrderByDescending(m => Math.Round(m.Score, 5)).ThenBy(m => m.Occupation).ToList();
                var top = model.TopMoves(a);
                Assert.Equal(Math.Min(3, expected.Count), top.Count);
                Assert.DoesNotContain(top, m => m.Occupation == a);
                for (int i = 0; i < top.Count; i++)
                    Close(expected[i].Score, top[i].Score);
                Assert.Equal(Math.Min(5, expected.Count), model.RouteNeighbours(a).Count);
            }
        }
    }

    [Fact]
    public void Top_moves_equal_a_full_sort_of_the_fit_row_on_larger_instances()
    {
        // Hundreds of candidates per occupation, few distinct weights (many equal scores): exercises the selection.
        var rnd = new Random(11);
        for (int iter = 0; iter < 5; iter++)
        {
            int n = 400, m = 60;
            var reqs = new List<Requirement>();
            for (int o = 0; o < n; o++)
                foreach (var s in Enumerable.Range(0, m).OrderBy(_ => rnd.Next()).Take(rnd.Next(1, 8)))
                    reqs.Add(new Requirement(o, s, rnd.Next(2) == 0));
            var related = Enumerable.Range(0, 30).Select(_ => (rnd.Next(m), rnd.Next(m))).ToList();
            var model = TransitionModel.Build(n, m, reqs, related: related, parameters: TransitionParameters.Default with { TopK = 20, RouteNeighbours = 60 });
            for (int a = 0; a < n; a++)
            {
                var row = model.FitFromOccupation(a);
                var expected = Enumerable.Range(0, n).Where(b => b != a && row[b] > 0)
                    .OrderByDescending(b => row[b]).ThenBy(b => b).Take(60).ToList();
                Assert.Equal(expected, model.RouteNeighbours(a).Select(x => x.Occupation).ToList());
                Assert.Equal(expected.Take(20), model.TopMoves(a).Select(x => x.Occupation));
            }
        }
    }

    [Fact]
    public void Scores_lie_between_zero_and_one()
    {
        var rnd = new Random(99);
        for (int iter = 0; iter < 200; iter++)
        {
            var x = Random(rnd);
            var model = Build(x);
            for (int a = 0; a < x.N; a++)
            {
                Assert.All(model.FitFromOccupation(a), f => Assert.InRange(f, 0.0, 1.0));
                Assert.All(model.TopMoves(a), m => Assert.InRange(m.Score, 0.0, 1.0));
            }
        }
    }

    [Fact]
    public void Adding_a_skill_never_lowers_the_fit_of_an_occupation()
    {
        var rnd = new Random(3);
        for (int iter = 0; iter < 300; iter++)
        {
            var x = Random(rnd);
            var model = Build(x);
            var profile = Enumerable.Range(0, x.M).Where(_ => rnd.NextDouble() < 0.3).ToList();
            var before = model.FitFrom(profile.Select(s => new Holding(s, 1)));
            var added = rnd.Next(x.M);
            var after = model.FitFrom(profile.Append(added).Select(s => new Holding(s, 1)));
            for (int b = 0; b < x.N; b++)
            {
                Assert.True(after[b] >= before[b] - 1e-12, $"fit of {b} fell from {before[b]} to {after[b]} when skill {added} was added");
                if (Requirements(x, b).ContainsKey(added) && !profile.Contains(added) && model.Idf(added) > 0)
                    Assert.True(after[b] > before[b] || before[b] >= 1 - 1e-12 || Credit(x, TransitionParameters.Default, added, added) == 1);
            }
        }
    }

    [Fact]
    public void Rare_and_essential_requirements_weigh_more()
    {
        // Occupation 0 asks skill 0 (rare: only 0 asks it) and skill 1 (asked by all) — both essential.
        // Occupation 1 and 2 ask skill 1 essential and skill 2 optional.
        Requirement[] reqs =
        [
            new(0, 0, true), new(0, 1, true),
            new(1, 1, true), new(1, 2, false),
            new(2, 1, true), new(2, 2, true),
        ];
        var model = TransitionModel.Build(3, 3, reqs);
        var rare = model.FitFrom([new Holding(0, 1)])[0];
        var common = model.FitFrom([new Holding(1, 1)])[0];
        Assert.True(rare > common, $"rare {rare} should beat common {common}");
        // Holding skill 2 covers more of occupation 2 (essential there) than of occupation 1 (optional there).
        var fit = model.FitFrom([new Holding(2, 1)]);
        Assert.True(fit[2] > fit[1]);
    }

    [Fact]
    public void Related_skills_give_partial_credit_and_explain_through_which_skill()
    {
        Requirement[] reqs = [new(0, 0, true), new(1, 1, true)];
        var model = TransitionModel.Build(2, 2, reqs, related: [(0, 1)]);
        var gap = model.Explain([new Holding(0, 1)], 1);
        var item = Assert.Single(gap.Items);
        Assert.Equal(0, item.Via);
        Assert.True(item.IsPartial);
        Close(TransitionParameters.Default.RelatedCredit, gap.Score);
    }
}
