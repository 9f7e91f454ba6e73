namespace Klimrek.Core.Leercultuur;

/// <summary>A unit of an organisation's tree as the disclosure rule sees it.</summary>
/// <param name="Id">The unit's id.</param>
/// <param name="ParentId">The parent unit; null for the one root, the organisation as a whole.</param>
/// <param name="Respondents">Respondents placed directly in this unit (not in one of its sub-units). The root may have
/// its own, for instance people who belong to no department.</param>
public sealed record DisclosureUnit(int Id, int? ParentId, int Respondents);

/// <summary>Whether a unit's results may be shown, and if not, why.</summary>
public enum UnitVisibility
{
    /// <summary>The unit's group has at least k respondents and showing it reveals no smaller group.</summary>
    Shown = 0,

    /// <summary>The unit's group (itself and everything below it) has fewer than k respondents.</summary>
    TooFew = 1,

    /// <summary>
    /// The unit's group is large enough, but showing it beside its shown ancestor would let anyone derive a group of
    /// 1 … k − 1 respondents by subtraction (secondary suppression).
    /// </summary>
    Protective = 2,
}

/// <summary>The decision for one unit.</summary>
/// <param name="Id">The unit's id.</param>
/// <param name="Group">Respondents in the unit's group: its own plus those of all its descendants.</param>
/// <param name="Visibility">Shown, or why not.</param>
/// <param name="CountedIn">The shown unit whose results include this unit's own respondents: the unit itself when
/// shown, else its nearest shown ancestor ("rolls up into"); null when not even the root may be shown.</param>
/// <param name="CountedHere">For a shown unit, the respondents it covers that no shown descendant covers (its own
/// plus those rolled up into it): by construction 0 or at least k. 0 for a unit not shown.</param>
public sealed record UnitDisclosureEntry(int Id, int Group, UnitVisibility Visibility, int? CountedIn, int CountedHere);

/// <summary>The decisions for all units, in the order the units were given.</summary>
public sealed record DisclosureResult(int K, IReadOnlyList<UnitDisclosureEntry> Units);

/// <summary>
/// Decides which units of an organisation's tree may show scan results, so that no result describes fewer than k
/// people (k = 5 by default) — neither directly nor by subtracting one shown result from another.
/// <para>
/// A unit's group is its own respondents plus all its descendants'. Primary rule: a unit is shown only when its group
/// has at least k respondents. Secondary rule: for every shown unit P, the respondents of P that no shown descendant
/// covers — P's group minus the groups of its nearest shown descendants (its shown children, or further down below a
/// hidden unit) — must be 0 or at least k; otherwise HR could subtract the teams from the department and read the
/// few people left. Where the rule fails, P's smallest nearest shown descendant (ties: lower id) is hidden, its own
/// nearest shown descendants taking its place under P, until the rule holds; hiding everything under P always ends it,
/// since P's group has at least k.
/// </para>
/// <para>
/// Why this suffices: P's group minus any set of disjoint shown groups inside it splits into P's uncovered residual
/// plus, for each nearest shown descendant Q, Q's whole group, nothing (Q itself subtracted) or again such a
/// difference inside Q. Each part is 0 or at least k, so the sum is too. The units are checked bottom-up in one pass:
/// fixing P only hides units strictly below P that no other shown unit's check depends on, and P stays shown, so the
/// checks already done below and those still to come above are unaffected — the single pass is the fixed point.
/// Greedy hiding keeps most detail in practice but is not guaranteed to show the most units possible.
/// </para>
/// </summary>
public static class UnitDisclosure
{
    /// <summary>Klimrek's minimum group size for anything shown to HR or a steering group.</summary>
    public const int DefaultK = 5;

    /// <summary>Decides visibility and roll-up for every unit.</summary>
    /// <param name="units">The tree: unique ids, exactly one root (null parent), every parent present, no cycles,
    /// respondents ≥ 0.</param>
    /// <param name="k">The minimum group size, at least 1.</param>
    /// <exception cref="ArgumentException">The units do not form one tree, or a count is negative.</exception>
    public static DisclosureResult Decide(IReadOnlyList<DisclosureUnit> units, int k = DefaultK)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        int n = units.Count;
        if (n == 0) return new DisclosureResult(k, []);

        var index = new Dictionary<int, int>(n);
        for (int i = 0; i < n; i++)
        {
            if (!index.TryAdd(units[i].Id, i)) throw new ArgumentException($"Unit {units[i].Id} appears twice.", nameof(units));
            if (units[i].Respondents < 0) throw new ArgumentException($"Unit {units[i].Id} has a negative number of respondents.", nameof(units));
        }
        var parent = new int[n];
        var childStart = new int[n + 1];
        int root = -1;
        for (int i = 0; i < n; i++)
        {
            if (units[i].ParentId is not { } pid)
            {
                if (root >= 0) throw new ArgumentException($"Units {units[root].Id} and {units[i].Id} both have no parent; the tree has one root.", nameof(units));
                root = i;
                parent[i] = -1;
                continue;
            }
            if (!index.TryGetValue(pid, out var p)) throw new ArgumentException($"Unit {units[i].Id} has unknown parent {pid}.", nameof(units));
            parent[i] = p;
            childStart[p + 1]++;
        }
        if (root < 0) throw new ArgumentException("No unit without a parent: the tree needs a root.", nameof(units));
        for (int i = 0; i < n; i++) childStart[i + 1] += childStart[i];
        var children = new int[n - 1];
        var next = childStart[..n];
        for (int i = 0; i < n; i++)
            if (parent[i] >= 0) children[next[parent[i]]++] = i;

        // Breadth-first order from the root: parents before children. A unit not reached is on a cycle.
        var order = new int[n];
        int head = 0, tail = 0;
        order[tail++] = root;
        while (head < tail)
        {
            int v = order[head++];
            for (int j = childStart[v]; j < childStart[v + 1]; j++) order[tail++] = children[j];
        }
        if (tail != n) throw new ArgumentException("The units' parents form a cycle.", nameof(units));

        var group = new int[n];
        for (int i = 0; i < n; i++) group[i] = units[i].Respondents;
        for (int t = n - 1; t > 0; t--) group[parent[order[t]]] += group[order[t]];

        var visibility = new UnitVisibility[n];
        for (int i = 0; i < n; i++) visibility[i] = group[i] >= k ? UnitVisibility.Shown : UnitVisibility.TooFew;

        // Secondary suppression, bottom-up (reverse breadth-first order visits every descendant before its ancestor).
        var frontier = new List<int>();
        var stack = new Stack<int>();
        for (int t = n - 1; t >= 0; t--)
        {
            int p = order[t];
            if (visibility[p] != UnitVisibility.Shown) continue;
            frontier.Clear();
            int residual = group[p] - CollectNearestShown(p);
            while (residual > 0 && residual < k)
            {
                // The frontier cannot be empty here: with nothing shown below, the residual is P's group, ≥ k.
                int best = 0;
                for (int j = 1; j < frontier.Count; j++)
                {
                    int a = frontier[j], b = frontier[best];
                    if (group[a] < group[b] || (group[a] == group[b] && units[a].Id < units[b].Id)) best = j;
                }
                int q = frontier[best];
                frontier[best] = frontier[^1];
                frontier.RemoveAt(frontier.Count - 1);
                visibility[q] = UnitVisibility.Protective;
                residual += group[q] - CollectNearestShown(q);
            }
        }

        var countedIn = new int[n];
        var countedHere = new int[n];
        foreach (int v in order)
        {
            countedIn[v] = visibility[v] == UnitVisibility.Shown ? v : parent[v] >= 0 ? countedIn[parent[v]] : -1;
            if (countedIn[v] >= 0) countedHere[countedIn[v]] += units[v].Respondents;
        }
        var result = new UnitDisclosureEntry[n];
        for (int i = 0; i < n; i++)
            result[i] = new UnitDisclosureEntry(units[i].Id, group[i], visibility[i], countedIn[i] >= 0 ? units[countedIn[i]].Id : null, countedHere[i]);
        return new DisclosureResult(k, result);

        // Adds the nearest shown descendants of v (looking through hidden units) to the frontier; returns their groups' sum.
        int CollectNearestShown(int v)
        {
            int covered = 0;
            stack.Clear();
            for (int j = childStart[v]; j < childStart[v + 1]; j++) stack.Push(children[j]);
            while (stack.Count > 0)
            {
                int u = stack.Pop();
                if (visibility[u] == UnitVisibility.Shown)
                {
                    frontier.Add(u);
                    covered += group[u];
                }
                else if (visibility[u] == UnitVisibility.Protective)
                {
                    // Below a unit hidden as protection, units may still be shown; below one with too few, none is.
                    for (int j = childStart[u]; j < childStart[u + 1]; j++) stack.Push(children[j]);
                }
            }
            return covered;
        }
    }
}
