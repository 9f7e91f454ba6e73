namespace Klimrek.Core.Transitions;

/// <summary>
/// The graph a route is searched in. Nodes are occupations 0..n-1 plus the source. A step's cost is its gap,
/// 1 − fit; a step is only sensible when its fit reaches <see cref="MinStepFit"/>.
/// </summary>
/// <param name="FromSource">Fit from the source (a profile or an occupation) to each occupation.</param>
/// <param name="MovesFrom">Moves between occupations (a limited neighbour list per occupation).</param>
/// <param name="IntoTarget">Fit from each occupation into the target.</param>
/// <param name="SourceOccupation">The source's own occupation, when the source is one: never a step of the route.</param>
public sealed record RouteGraph(
    int OccupationCount,
    IReadOnlyList<double> FromSource,
    Func<int, IEnumerable<Move>> MovesFrom,
    IReadOnlyList<double> IntoTarget,
    int Target,
    int? SourceOccupation,
    double MinStepFit,
    int MaxIntermediate);

public sealed record RouteStep(int Occupation, double Fit)
{
    public double Gap => 1 - Fit;
}

public sealed record Route(IReadOnlyList<RouteStep> Steps)
{
    public double TotalGap => Steps.Sum(s => s.Gap);
    public int Intermediates => Steps.Count - 1;
}

/// <summary>
/// Best route: the sequence of at most <see cref="RouteGraph.MaxIntermediate"/> intermediate occupations that ends at
/// the target and minimises the summed gap, every step sensible; on equal gap the shorter route wins. Exact on the
/// given graph: a hop-limited Bellman–Ford (each round extends every best route by one step).
/// </summary>
public static class RoutePlanner
{
    public static Route? Best(RouteGraph g)
    {
        var n = g.OccupationCount;
        var t = g.Target;
        if (t == g.SourceOccupation) return null; // already there
        const double Eps = 1e-12;
        bool Sensible(double fit) => fit >= g.MinStepFit - Eps;
        bool Usable(int o) => o != t && o != g.SourceOccupation;

        Route? best = null;
        double bestCost = double.PositiveInfinity;
        // Direct step.
        if (g.FromSource[t] > 0 && Sensible(g.FromSource[t]) && t != g.SourceOccupation)
        {
            best = new Route([new RouteStep(t, g.FromSource[t])]);
            bestCost = 1 - g.FromSource[t];
        }
        if (g.MaxIntermediate <= 0) return best;

        // layer[k][v]: least gap to reach intermediate v with k+1 steps; parent for reconstruction.
        var cost = new double[n];
        var parent = new List<int[]>();
        Array.Fill(cost, double.PositiveInfinity);
        var first = new int[n];
        Array.Fill(first, -2);
        for (int v = 0; v < n; v++)
            if (Usable(v) && Sensible(g.FromSource[v]) && g.FromSource[v] > 0)
            {
                cost[v] = 1 - g.FromSource[v];
                first[v] = -1; // from the source
            }
        parent.Add(first);
        var layers = new List<double[]> { cost };
        for (int k = 1; k <= g.MaxIntermediate; k++)
        {
            var prev = layers[k - 1];
            // Finish: prev intermediate → target.
            for (int v = 0; v < n; v++)
            {
                if (double.IsPositiveInfinity(prev[v]) || !Sensible(g.IntoTarget[v]) || g.IntoTarget[v] <= 0) continue;
                var c = prev[v] + (1 - g.IntoTarget[v]);
                if (c < bestCost - Eps)
                {
                    bestCost = c;
                    best = Reconstruct(layers, parent, k - 1, v, g, t);
                }
            }
            if (k == g.MaxIntermediate) break;
            var next = new double[n];
            Array.Fill(next, double.PositiveInfinity);
            var from = new int[n];
            Array.Fill(from, -2);
            for (int u = 0; u < n; u++)
            {
                if (double.IsPositiveInfinity(prev[u])) continue;
                foreach (var m in g.MovesFrom(u))
                {
                    var v = m.Occupation;
                    if (!Usable(v) || v == u || !Sensible(m.Score) || m.Score <= 0) continue;
                    var c = prev[u] + (1 - m.Score);
                    if (c < next[v] - Eps || (Math.Abs(c - next[v]) <= Eps && u < from[v]))
                    {
                        next[v] = c;
                        from[v] = u;
                    }
                }
            }
            layers.Add(next);
            parent.Add(from);
        }
        return best;
    }

    private static Route Reconstruct(List<double[]> layers, List<int[]> parent, int k, int last, RouteGraph g, int target)
    {
        var nodes = new List<int>();
        var v = last;
        for (int layer = k; layer >= 0; layer--)
        {
            nodes.Add(v);
            v = parent[layer][v];
        }
        nodes.Reverse();
        var steps = new List<RouteStep>();
        double prevCost = 0;
        for (int i = 0; i < nodes.Count; i++)
        {
            var c = layers[i][nodes[i]];
            steps.Add(new RouteStep(nodes[i], 1 - (c - prevCost)));
            prevCost = c;
        }
        steps.Add(new RouteStep(target, g.IntoTarget[last]));
        return new Route(steps);
    }
}
