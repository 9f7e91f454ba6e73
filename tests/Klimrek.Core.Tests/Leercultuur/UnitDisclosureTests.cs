using Klimrek.Core.Leercultuur;

namespace Klimrek.Core.Tests.Leercultuur;

public sealed class UnitDisclosureTests
{
    private static Dictionary<int, UnitDisclosureEntry> Decide(int k, params DisclosureUnit[] units) =>
        UnitDisclosure.Decide(units, k).Units.ToDictionary(u => u.Id);

    [Fact]
    public void A_team_of_four_rolls_up_and_its_sibling_is_hidden_so_the_four_cannot_be_subtracted()
    {
        // Organisation 10 = team 1 (6) + team 2 (4). Showing team 1 beside the organisation would reveal team 2's four.
        var r = Decide(5, new(0, null, 0), new(1, 0, 6), new(2, 0, 4));
        Assert.Equal(new UnitDisclosureEntry(0, 10, UnitVisibility.Shown, 0, 10), r[0]);
        Assert.Equal(new UnitDisclosureEntry(1, 6, UnitVisibility.Protective, 0, 0), r[1]);
        Assert.Equal(new UnitDisclosureEntry(2, 4, UnitVisibility.TooFew, 0, 0), r[2]);

        // With a third team of 5 the smallest shown team (3) is hidden and the residual is 4 + 5 = 9.
        r = Decide(5, new(0, null, 0), new(1, 0, 6), new(2, 0, 4), new(3, 0, 5));
        Assert.Equal(UnitVisibility.Shown, r[1].Visibility);
        Assert.Equal(UnitVisibility.Protective, r[3].Visibility);
        Assert.Equal(9, r[0].CountedHere);
        Assert.Equal(6, r[1].CountedHere);
    }

    [Fact]
    public void Hiding_a_department_keeps_its_teams_shown_where_that_is_safe()
    {
        // Organisation: 3 of its own, department 1 (teams 11 and 12 of 5 each, none of its own) and department 2 of 20.
        // The organisation's residual is 3: hide the smallest department (1, group 10) — that changes nothing, its teams
        // take its place — then the smallest of those (team 11, ties by id): residual 3 + 5 = 8.
        var r = Decide(5, new(0, null, 3), new(1, 0, 0), new(2, 0, 20), new(11, 1, 5), new(12, 1, 5));
        Assert.Equal(UnitVisibility.Shown, r[0].Visibility);
        Assert.Equal(UnitVisibility.Protective, r[1].Visibility);
        Assert.Equal(UnitVisibility.Shown, r[2].Visibility);
        Assert.Equal(UnitVisibility.Protective, r[11].Visibility);
        Assert.Equal(UnitVisibility.Shown, r[12].Visibility);
        Assert.Equal(0, r[1].CountedIn);
        Assert.Equal(0, r[11].CountedIn);
        Assert.Equal(12, r[12].CountedIn);
        Assert.Equal(8, r[0].CountedHere);
    }

    [Fact]
    public void Below_k_at_the_root_nothing_is_shown()
    {
        var r = Decide(5, new(0, null, 1), new(1, 0, 3));
        Assert.All(r.Values, u => Assert.Equal(UnitVisibility.TooFew, u.Visibility));
        Assert.All(r.Values, u => Assert.Null(u.CountedIn));
        Assert.Equal(4, r[0].Group);
    }

    [Fact]
    public void A_tree_of_large_groups_with_residuals_of_zero_or_at_least_k_is_shown_entirely()
    {
        var rnd = new Random(5);
        for (int iter = 0; iter < 500; iter++)
        {
            int k = rnd.Next(1, 7);
            int n = rnd.Next(1, 12);
            var parents = RandomParents(rnd, n);
            bool[] isParent = new bool[n];
            foreach (var p in parents) if (p >= 0) isParent[p] = true;
            // Leaves have at least k; inner units 0 or at least k of their own (with everything shown, a residual is the unit's own).
            var units = Enumerable.Range(0, n).Select(i =>
                new DisclosureUnit(i, parents[i] < 0 ? null : parents[i], isParent[i] && rnd.NextDouble() < 0.5 ? 0 : k + rnd.Next(0, 4))).ToList();
            var result = UnitDisclosure.Decide(units, k);
            Assert.All(result.Units, u => Assert.Equal(UnitVisibility.Shown, u.Visibility));
            Assert.All(result.Units, u => Assert.Equal(u.Id, u.CountedIn));
        }
    }

    [Fact]
    public void No_group_of_one_to_k_minus_one_can_be_derived_on_random_trees()
    {
        var rnd = new Random(8);
        for (int iter = 0; iter < 4000; iter++)
        {
            int k = iter % 4 == 0 ? rnd.Next(1, 8) : 5;
            int n = rnd.Next(1, 9);
            var parents = RandomParents(rnd, n);
            var ids = Enumerable.Range(0, n).Select(_ => rnd.Next(100)).Distinct().ToList();
            while (ids.Count < n) ids.Add(100 + ids.Count);
            var units = Enumerable.Range(0, n).Select(i => new DisclosureUnit(ids[i], parents[i] < 0 ? null : ids[parents[i]], rnd.Next(0, 8))).ToList();
            var shuffled = units.OrderBy(_ => rnd.Next()).ToList(); // input order must not matter
            var result = UnitDisclosure.Decide(shuffled, k);
            Assert.Equal(shuffled.Select(u => u.Id), result.Units.Select(e => e.Id));
            CheckAgainstBruteForce(units, parents, result, k);
        }
    }

    [Fact]
    public void Malformed_trees_are_refused()
    {
        Assert.Throws<ArgumentException>(() => UnitDisclosure.Decide([new(0, null, 5), new(1, null, 5)]));
        Assert.Throws<ArgumentException>(() => UnitDisclosure.Decide([new(0, null, 5), new(1, 7, 5)]));
        Assert.Throws<ArgumentException>(() => UnitDisclosure.Decide([new(0, null, 5), new(1, 2, 5), new(2, 1, 5)]));
        Assert.Throws<ArgumentException>(() => UnitDisclosure.Decide([new(0, null, 5), new(0, 0, 5)]));
        Assert.Throws<ArgumentException>(() => UnitDisclosure.Decide([new(0, null, -1)]));
        Assert.Throws<ArgumentException>(() => UnitDisclosure.Decide([new(0, 0, 5)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => UnitDisclosure.Decide([new(0, null, 5)], 0));
        Assert.Empty(UnitDisclosure.Decide([]).Units);
    }

    /// <summary>parents[i] &lt; i, so the tree is connected and acyclic; index 0 is the root.</summary>
    private static int[] RandomParents(Random rnd, int n) => Enumerable.Range(0, n).Select(i => i == 0 ? -1 : rnd.Next(i)).ToArray();

    private static void CheckAgainstBruteForce(List<DisclosureUnit> units, int[] parents, DisclosureResult result, int k)
    {
        int n = units.Count;
        bool IsAncestor(int a, int d)
        {
            for (int x = parents[d]; x >= 0; x = parents[x]) if (x == a) return true;
            return false;
        }
        var group = Enumerable.Range(0, n).Select(i => units[i].Respondents + Enumerable.Range(0, n).Where(d => IsAncestor(i, d)).Sum(d => units[d].Respondents)).ToArray();
        var byId = result.Units.ToDictionary(e => e.Id);
        var entries = units.Select(u => byId[u.Id]).ToList();
        var shown = Enumerable.Range(0, n).Where(i => entries[i].Visibility == UnitVisibility.Shown).ToList();
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(group[i], entries[i].Group);
            Assert.Equal(group[i] < k, entries[i].Visibility == UnitVisibility.TooFew);
            // Counted in the nearest shown ancestor-or-self, and the shown units' counts partition the respondents.
            int c = i;
            while (c >= 0 && entries[c].Visibility != UnitVisibility.Shown) c = parents[c];
            Assert.Equal(c >= 0 ? units[c].Id : null, entries[i].CountedIn);
            int here = Enumerable.Range(0, n).Where(j => entries[j].CountedIn == units[i].Id).Sum(j => units[j].Respondents);
            Assert.Equal(entries[i].Visibility == UnitVisibility.Shown ? here : 0, entries[i].CountedHere);
        }
        // Every shown group minus every set of pairwise disjoint shown groups inside it: 0 or at least k.
        foreach (int p in shown)
        {
            Assert.True(group[p] >= k);
            var inside = shown.Where(d => IsAncestor(p, d)).ToList();
            for (int mask = 0; mask < 1 << inside.Count; mask++)
            {
                var set = Enumerable.Range(0, inside.Count).Where(b => (mask & (1 << b)) != 0).Select(b => inside[b]).ToList();
                if (set.Any(a => set.Any(b => IsAncestor(a, b)))) continue; // nested, not disjoint
                int difference = group[p] - set.Sum(d => group[d]);
                Assert.False(difference > 0 && difference < k, $"{difference} respondents derivable from unit {units[p].Id}");
            }
        }
    }
}
