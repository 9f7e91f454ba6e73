using Klimrek.Core.Transitions;

namespace Klimrek.Core.Tests.Transitions;

/// <summary>Routes against exhaustive enumeration of every sequence of distinct intermediate occupations.</summary>
public sealed class RoutePlannerTests
{
    // Fits are multiples of 1/16, so sums are exact and ties are real ties.
    private static double Fit(Random rnd) => rnd.NextDouble() < 0.4 ? 0 : rnd.Next(1, 17) / 16.0;

    private static (double Cost, int Steps)? Oracle(RouteGraph g, double[,] moves)
    {
        if (g.Target == g.SourceOccupation) return null;
        (double, int)? best = null;
        void Offer(double cost, int steps)
        {
            if (best is null || cost < best.Value.Item1 || (cost == best.Value.Item1 && steps < best.Value.Item2)) best = (cost, steps);
        }
        bool Ok(double f) => f > 0 && f >= g.MinStepFit;
        var usable = Enumerable.Range(0, g.OccupationCount).Where(o => o != g.Target && o != g.SourceOccupation).ToList();
        if (g.Target != g.SourceOccupation && Ok(g.FromSource[g.Target])) Offer(1 - g.FromSource[g.Target], 1);
        void Extend(List<int> path, double cost)
        {
            var last = path[^1];
            if (Ok(g.IntoTarget[last])) Offer(cost + 1 - g.IntoTarget[last], path.Count + 1);
            if (path.Count == g.MaxIntermediate) return;
            foreach (var v in usable)
                if (!path.Contains(v) && Ok(moves[last, v]))
                {
                    path.Add(v);
                    Extend(path, cost + 1 - moves[last, v]);
                    path.RemoveAt(path.Count - 1);
                }
        }
        if (g.MaxIntermediate >= 1)
            foreach (var v in usable)
                if (Ok(g.FromSource[v])) Extend([v], 1 - g.FromSource[v]);
        return best;
    }

    [Fact]
    public void Best_route_equals_exhaustive_search_on_small_graphs()
    {
        var rnd = new Random(1234);
        int found = 0;
        for (int iter = 0; iter < 2000; iter++)
        {
            int n = rnd.Next(2, 8);
            var moves = new double[n, n];
            for (int a = 0; a < n; a++)
                for (int b = 0; b < n; b++)
                    moves[a, b] = a == b ? 0 : Fit(rnd);
            int target = rnd.Next(n);
            int? sourceOcc = rnd.NextDouble() < 0.5 ? rnd.Next(n) : null;
            var fromSource = Enumerable.Range(0, n).Select(v => sourceOcc is { } s ? (v == s ? 1.0 : moves[s, v]) : Fit(rnd)).ToArray();
            var into = Enumerable.Range(0, n).Select(v => v == target ? 1.0 : moves[v, target]).ToArray();
            var g = new RouteGraph(n, fromSource,
                u => Enumerable.Range(0, n).Where(v => v != u && moves[u, v] > 0).Select(v => new Move(v, moves[u, v])),
                into, target, sourceOcc, MinStepFit: rnd.Next(0, 9) / 16.0, MaxIntermediate: rnd.Next(0, 4));

            var expected = Oracle(g, moves);
            var route = RoutePlanner.Best(g);
            if (expected is null)
            {
                Assert.Null(route);
                continue;
            }
            found++;
            Assert.True(route is not null, $"n={n} target={target} source={sourceOcc} min={g.MinStepFit} max={g.MaxIntermediate} from=[{string.Join(",", fromSource)}] into=[{string.Join(",", into)}] moves=[{string.Join(" ", Enumerable.Range(0, n).Select(a => string.Join(",", Enumerable.Range(0, n).Select(b => moves[a, b]))))}] expected={expected}");
            Assert.Equal(expected.Value.Cost, route.TotalGap, 9);
            Assert.Equal(expected.Value.Steps, route.Steps.Count);
            Assert.True(route.Intermediates <= g.MaxIntermediate);
            Assert.Equal(target, route.Steps[^1].Occupation);
            Assert.Equal(route.Steps.Count, route.Steps.Select(s => s.Occupation).Distinct().Count());
            Assert.DoesNotContain(route.Steps, s => s.Occupation == sourceOcc);
            Assert.All(route.Steps, s => Assert.True(s.Fit >= g.MinStepFit - 1e-9));
        }
        Assert.True(found > 500, $"only {found} instances had a route");
    }

    [Fact]
    public void Route_never_exceeds_the_step_limit_even_when_longer_routes_are_cheaper()
    {
        // A chain 0 → 1 → 2 → 3 → 4 → 5 (target) of perfect steps; the direct step is poor.
        int n = 6;
        var into = new double[n];
        into[4] = 1;
        var fromSource = new double[n];
        fromSource[0] = 1;
        fromSource[5] = 0.2;
        var g = new RouteGraph(n, fromSource, u => u < 4 ? [new Move(u + 1, 1)] : [], into, 5, null, 0.1, 3);
        var route = RoutePlanner.Best(g);
        Assert.NotNull(route);
        Assert.Single(route.Steps); // 0→1→2→3→4→5 needs 4 intermediates: only the direct step is allowed
        Assert.Equal(5, route.Steps[0].Occupation);
    }
}
