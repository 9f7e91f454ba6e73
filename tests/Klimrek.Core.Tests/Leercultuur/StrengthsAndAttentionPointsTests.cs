using Klimrek.Core.Leercultuur;

namespace Klimrek.Core.Tests.Leercultuur;

public sealed class StrengthsAndAttentionPointsTests
{
    private static BlockScore Block(int block, double? mean, double? favourable, int respondents = 10) =>
        new(block, respondents, mean, null, new int[5], favourable, 0);

    private static ItemScore Item(string id, double? mean, double? favourable = 0.5, int n = 10) => new(id, 1, n, mean, favourable, 0);

    [Fact]
    public void Blocks_weakest_first_ties_by_favourable_share_then_block_number()
    {
        var blocks = new[]
        {
            Block(1, 3.5, 0.6), Block(2, 3.0, 0.4), Block(3, 3.0, 0.3), Block(4, 3.5, 0.6), Block(5, null, null), Block(6, 2.0, 0.1, respondents: 4),
        };
        Assert.Equal([3, 2, 1, 4], StrengthsAndAttentionPoints.WeakestFirst(blocks).Select(b => b.Block));
        Assert.Equal([6, 3, 2, 1, 4], StrengthsAndAttentionPoints.WeakestFirst(blocks, k: 1).Select(b => b.Block));
    }

    [Fact]
    public void Strengths_and_attention_points_are_the_extremes_and_never_the_same_item()
    {
        var items = new[]
        {
            Item("a", 4.5), Item("b", 2.0), Item("c", 3.0), Item("d", 4.5, 0.9), Item("e", 1.5), Item("f", 3.8),
            Item("g", null, null, 0), Item("h", 1.0, n: 3),
        };
        var h = StrengthsAndAttentionPoints.Pick([], items, count: 2);
        Assert.Equal(["d", "a"], h.Strengths.Select(i => i.ItemId));
        Assert.Equal(["e", "b"], h.AttentionPoints.Select(i => i.ItemId));

        // Three usable items and two of each wanted: the attention points come first, the strengths get the rest.
        var few = StrengthsAndAttentionPoints.Pick([], [Item("x", 4), Item("y", 2), Item("z", 3)], count: 2);
        Assert.Equal(["y", "z"], few.AttentionPoints.Select(i => i.ItemId));
        Assert.Equal(["x"], few.Strengths.Select(i => i.ItemId));
        Assert.Empty(StrengthsAndAttentionPoints.Pick([], items, count: 0).Strengths);
    }

    [Fact]
    public void Works_on_computed_scores()
    {
        var rnd = new Random(3);
        var items = Enumerable.Range(0, 12).Select(i => new ScanItem("i" + i, 1 + i % 6)).ToList();
        var r = ScanStatistics.Compute(items, ScanOracle.RandomResponses(rnd, 50, 12, 0.1));
        var h = StrengthsAndAttentionPoints.Pick(r.Blocks, r.Items);
        Assert.Equal(6, h.WeakestFirst.Count);
        Assert.True(h.WeakestFirst.Zip(h.WeakestFirst.Skip(1)).All(p => p.First.Mean <= p.Second.Mean));
        Assert.Equal(3, h.Strengths.Count);
        Assert.Empty(h.Strengths.Intersect(h.AttentionPoints));
        Assert.True(h.Strengths.Min(i => i.Mean) >= h.AttentionPoints.Max(i => i.Mean));
    }
}
