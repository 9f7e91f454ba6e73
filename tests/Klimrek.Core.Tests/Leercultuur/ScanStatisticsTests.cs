using Klimrek.Core.Leercultuur;
using static Klimrek.Core.Tests.Leercultuur.ScanOracle;

namespace Klimrek.Core.Tests.Leercultuur;

public sealed class ScanStatisticsTests
{
    private static List<ScanItem> Layout(params int[] blocks) => blocks.Select((b, i) => new ScanItem("q" + i, b)).ToList();

    [Fact]
    public void A_block_by_hand_half_answered_respondents_count_and_every_answer_is_in_the_distribution()
    {
        // Four items, so two answers are half. R1: 5, 4 → 4.5. R2: only 1 → does not count, but its answer does.
        // R3: 3, 3, 3, 4 → 3.25. R4: all "don't know". Mean (4.5 + 3.25) / 2 = 3.875; SD √(2 · 0.625² / 1) = √0.78125.
        // Answers 5, 4, 1, 3, 3, 3, 4 → distribution [1, 0, 3, 2, 1], favourable 3 of 7, don't know 2 + 3 + 0 + 4 = 9.
        var items = Layout(1, 1, 1, 1);
        List<int?[]> responses = [[5, 4, null, null], [1, null, null, null], [3, 3, 3, 4], [null, null, null, null]];
        var block = Assert.Single(ScanStatistics.Compute(items, responses).Blocks);
        Assert.Equal(1, block.Block);
        Assert.Equal(2, block.Respondents);
        Assert.Equal(3.875, block.Mean);
        Assert.Equal(Math.Sqrt(0.78125), block.StdDev!.Value, 12);
        Assert.Equal([1, 0, 3, 2, 1], block.Distribution);
        Assert.Equal(3.0 / 7, block.FavourableShare!.Value, 12);
        Assert.Equal(9, block.DontKnow);
    }

    [Fact]
    public void In_a_block_of_five_two_answers_are_not_enough_and_three_are()
    {
        var items = Layout(2, 2, 2, 2, 2);
        var two = ScanStatistics.Compute(items, [[4, 4, null, null, null]]).Blocks[0];
        Assert.Equal(0, two.Respondents);
        Assert.Null(two.Mean);
        Assert.Null(two.StdDev);
        Assert.Equal(1.0, two.FavourableShare);
        var three = ScanStatistics.Compute(items, [[4, 4, 1, null, null]]).Blocks[0];
        Assert.Equal(1, three.Respondents);
        Assert.Equal(3.0, three.Mean);
        Assert.Null(three.StdDev); // one respondent has no sample spread
        Assert.True(ScanStatistics.CountsForBlock(1, 1));
        Assert.True(ScanStatistics.CountsForBlock(1, 2));
        Assert.False(ScanStatistics.CountsForBlock(0, 0));
    }

    [Fact]
    public void Item_scores_and_blocks_come_in_order()
    {
        var items = new List<ScanItem> { new("b", 6), new("a", 1), new("c", 6) };
        var r = ScanStatistics.Compute(items, [[5, 1, null], [3, 2, null]]);
        Assert.Equal([1, 6], r.Blocks.Select(b => b.Block));
        Assert.Equal(["b", "a", "c"], r.Items.Select(i => i.ItemId));
        Assert.Equal(new ItemScore("b", 6, 2, 4.0, 0.5, 0), r.Items[0]);
        Assert.Equal(new ItemScore("c", 6, 0, null, null, 2), r.Items[2]);
        Assert.Equal(2, r.Responses);
    }

    [Fact]
    public void Cronbachs_alpha_by_hand_with_listwise_deletion()
    {
        // Complete respondents: (2,3,3) (4,4,5) (3,3,4) (5,4,4). Item variances 5/3, 1/3, 2/3 (sum 8/3); totals 8, 13,
        // 10, 13 with variance 6. α = 3/2 · (1 − (8/3)/6) = 5/6. The two incomplete respondents are left out.
        var items = Layout(3, 3, 3);
        List<int?[]> responses = [[2, 3, 3], [4, 4, 5], [1, null, 1], [3, 3, 4], [5, 4, 4], [null, null, null]];
        var rel = Assert.Single(ScanStatistics.Compute(items, responses).Reliability);
        Assert.Equal(new BlockReliability(3, 3, 4, rel.Alpha), rel);
        Assert.Equal(5.0 / 6, rel.Alpha!.Value, 12);
    }

    [Fact]
    public void Alpha_is_undefined_for_one_item_one_complete_respondent_or_constant_totals_and_may_be_negative()
    {
        Assert.Null(ScanStatistics.Compute(Layout(1), [[1], [5], [3]]).Reliability[0].Alpha);
        Assert.Null(ScanStatistics.Compute(Layout(1, 1), [[1, 2], [5, null]]).Reliability[0].Alpha);
        var constant = ScanStatistics.Compute(Layout(1, 1), [[1, 5], [5, 1], [3, 3]]).Reliability[0];
        Assert.Equal(3, constant.N);
        Assert.Null(constant.Alpha);
        // Items that pull against each other: (1,4) (2,2) (4,1) → item variances 7/3 each, totals 5, 4, 5 with variance 1/3.
        // α = 2 · (1 − (14/3)/(1/3)) = −26.
        Assert.Equal(-26.0, ScanStatistics.Compute(Layout(1, 1), [[1, 4], [2, 2], [4, 1]]).Reliability[0].Alpha!.Value, 9);
    }

    [Fact]
    public void Every_statistic_equals_the_oracle_on_random_rounds()
    {
        var rnd = new Random(12);
        for (int iter = 0; iter < 400; iter++)
        {
            int m = rnd.Next(1, 13);
            var items = Enumerable.Range(0, m).Select(i => new ScanItem("i" + i, rnd.Next(1, 5))).ToList();
            var responses = rnd.NextDouble() < 0.3
                ? Enumerable.Range(0, rnd.Next(0, 30)).Select(_ => Enumerable.Range(0, m).Select(_ => rnd.NextDouble() < 0.2 ? (int?)null : rnd.Next(1, 6)).ToArray()).ToList()
                : RandomResponses(rnd, rnd.Next(0, 30), m, rnd.NextDouble() * 0.5);
            var result = ScanStatistics.Compute(items, responses);
            AssertEqualsOracle(items, responses, result);
            Assert.Equal(Items(items, responses).Count, result.Items.Count);
            foreach (var (expected, actual) in Items(items, responses).Zip(result.Items))
            {
                Assert.Equal((expected.ItemId, expected.Block, expected.N, expected.DontKnow), (actual.ItemId, actual.Block, actual.N, actual.DontKnow));
                Near(expected.Mean, actual.Mean);
                Near(expected.FavourableShare, actual.FavourableShare);
            }
        }
    }

    [Fact]
    public void Ten_thousand_respondents_on_thirty_six_items_match_the_oracle()
    {
        var rnd = new Random(36);
        var items = Enumerable.Range(0, 36).Select(i => new ScanItem("i" + i, 1 + i % 6)).ToList();
        var responses = RandomResponses(rnd, 10_000, 36, 0.08);
        var result = ScanStatistics.Compute(items, responses);
        AssertEqualsOracle(items, responses, result);
        Assert.All(result.Reliability, r => Assert.InRange(r.N, 5_000, 10_000));
        foreach (int c in new[] { 0, 7, 17, 35 })
        {
            var given = responses.Where(r => r[c] is not null).Select(r => r[c]!.Value).ToList();
            Assert.Equal(given.Count, result.Items[c].N);
            Near(given.Average(), result.Items[c].Mean);
        }
    }

    [Fact]
    public void Malformed_input_is_refused()
    {
        var items = Layout(1, 1);
        Assert.Throws<ArgumentException>(() => ScanStatistics.Compute(items, [[1, 2, 3]]));
        Assert.Throws<ArgumentException>(() => ScanStatistics.Compute(items, [[0, 2]]));
        Assert.Throws<ArgumentException>(() => ScanStatistics.Compute(items, [[1, 6]]));
        Assert.Throws<ArgumentException>(() => ScanStatistics.Compute([new("a", 1), new("a", 2)], [[1, 2]]));
        var empty = ScanStatistics.Compute(items, []);
        Assert.Equal(new BlockReliability(1, 2, 0, null), empty.Reliability[0]);
        Assert.Equal([0, 0, 0, 0, 0], empty.Blocks[0].Distribution);
        Assert.Null(empty.Blocks[0].FavourableShare);
    }

    private static void AssertEqualsOracle(List<ScanItem> items, List<int?[]> responses, ScanResult result)
    {
        var oracle = ScanOracle.Blocks(items, responses);
        Assert.Equal(oracle.Select(b => b.Number), result.Blocks.Select(b => b.Block));
        Assert.Equal(oracle.Select(b => b.Number), result.Reliability.Select(b => b.Block));
        for (int b = 0; b < oracle.Count; b++)
        {
            var (expected, actual, rel) = (oracle[b], result.Blocks[b], result.Reliability[b]);
            Assert.Equal(expected.Respondents, actual.Respondents);
            Near(expected.Mean, actual.Mean);
            Near(expected.StdDev, actual.StdDev);
            Assert.Equal(expected.Distribution, actual.Distribution);
            Near(expected.Favourable, actual.FavourableShare);
            Assert.Equal(expected.DontKnow, actual.DontKnow);
            Assert.Equal(items.Count(i => i.Block == expected.Number), rel.Items);
            Assert.Equal(expected.AlphaN, rel.N);
            Near(expected.Alpha, rel.Alpha);
        }
    }
}
