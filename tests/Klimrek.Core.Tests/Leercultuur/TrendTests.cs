using Klimrek.Core.Leercultuur;
using static Klimrek.Core.Tests.Leercultuur.ScanOracle;

namespace Klimrek.Core.Tests.Leercultuur;

public sealed class TrendTests
{
    [Fact]
    public void With_identical_instruments_the_trend_means_are_the_plain_block_means()
    {
        var rnd = new Random(21);
        var items = Enumerable.Range(0, 18).Select(i => new ScanItem("k" + i, 1 + i % 6, "f" + i)).ToList();
        var earlier = new ScanRound(items, RandomResponses(rnd, 300, 18, 0.2));
        var later = new ScanRound(items, RandomResponses(rnd, 200, 18, 0.2));
        var trend = Trend.Compare(earlier, later);
        var before = ScanStatistics.Compute(items, earlier.Responses).Blocks;
        var after = ScanStatistics.Compute(items, later.Responses).Blocks;
        Assert.Equal(6, trend.Count);
        for (int b = 0; b < 6; b++)
        {
            Assert.Equal(before[b].Block, trend[b].Block);
            Assert.Equal(3, trend[b].CommonItems);
            Assert.Equal(before[b].Mean, trend[b].EarlierMean);
            Assert.Equal(after[b].Mean, trend[b].LaterMean);
            Assert.Equal((before[b].Respondents, after[b].Respondents), (trend[b].EarlierRespondents, trend[b].LaterRespondents));
            Assert.Equal(after[b].Mean - before[b].Mean, trend[b].Difference);
            Assert.Empty(trend[b].LeftOut);
        }
    }

    [Fact]
    public void A_changed_item_is_left_out_and_the_means_use_the_common_items_only()
    {
        // Block 1 before: a, b, c; after: a, b with new wording, d. Only a is common. Block 2: e moved to block 3.
        List<ScanItem> before = [new("a", 1, "A"), new("b", 1, "B"), new("c", 1, "C"), new("e", 2, "E")];
        List<ScanItem> after = [new("d", 1, "D"), new("b", 1, "B2"), new("a", 1, "A"), new("e", 3, "E")];
        // On a alone: before 2 and 4 (the third said "don't know" on a) → 3; after 5 → 5 (a is the third column now).
        var trend = Trend.Compare(
            new ScanRound(before, [[2, 5, 5, 1], [4, 1, 1, 1], [null, 5, 5, 5]]),
            new ScanRound(after, [[1, 1, 5, 3], [null, null, null, 4]]));
        Assert.Equal([1, 2, 3], trend.Select(t => t.Block));
        var b1 = trend[0];
        Assert.Equal(1, b1.CommonItems);
        Assert.Equal((2, 3.0, 1, 5.0, 2.0), (b1.EarlierRespondents, b1.EarlierMean, b1.LaterRespondents, b1.LaterMean, b1.Difference));
        Assert.Equal(
            [new LeftOutItem("b", LeftOutReason.Changed), new LeftOutItem("c", LeftOutReason.OnlyEarlier), new LeftOutItem("d", LeftOutReason.OnlyLater)],
            b1.LeftOut);
        foreach (var moved in trend.Skip(1))
        {
            Assert.Equal(0, moved.CommonItems);
            Assert.Null(moved.EarlierMean);
            Assert.Null(moved.Difference);
            Assert.Equal([new LeftOutItem("e", LeftOutReason.Changed)], moved.LeftOut);
        }
    }

    [Fact]
    public void Random_revisions_equal_the_oracle_on_common_items()
    {
        var rnd = new Random(22);
        for (int iter = 0; iter < 300; iter++)
        {
            var before = Enumerable.Range(0, rnd.Next(1, 12)).Select(i => new ScanItem("k" + i, rnd.Next(1, 4), "v1")).ToList();
            // A revision: drop some items, reword some, move some, add some, and shuffle the order.
            var after = new List<ScanItem>();
            foreach (var item in before)
            {
                double roll = rnd.NextDouble();
                if (roll < 0.15) continue;
                after.Add(roll < 0.3 ? item with { Fingerprint = "v2" } : roll < 0.35 ? item with { Block = item.Block + 1 } : item);
            }
            for (int i = 0; i < rnd.Next(0, 3); i++) after.Add(new ScanItem("new" + i, rnd.Next(1, 4), "v1"));
            after = after.OrderBy(_ => rnd.Next()).ToList();
            var early = RandomResponses(rnd, rnd.Next(0, 25), before.Count, 0.3);
            var late = RandomResponses(rnd, rnd.Next(0, 25), after.Count, 0.3);

            var trend = Trend.Compare(new ScanRound(before, early), new ScanRound(after, late));
            bool Common(ScanItem x, List<ScanItem> other) => other.Any(o => o.Id == x.Id && o.Block == x.Block && o.Fingerprint == x.Fingerprint);
            var expectedBefore = Blocks(before, early, c => Common(before[c], after)).ToDictionary(b => b.Number);
            var expectedAfter = Blocks(after, late, c => Common(after[c], before)).ToDictionary(b => b.Number);
            Assert.Equal(before.Concat(after).Select(i => i.Block).Distinct().Order(), trend.Select(t => t.Block));
            foreach (var t in trend)
            {
                Assert.Equal(before.Count(i => i.Block == t.Block && Common(i, after)), t.CommonItems);
                var e = expectedBefore.GetValueOrDefault(t.Block);
                var l = expectedAfter.GetValueOrDefault(t.Block);
                Assert.Equal(e?.Respondents ?? 0, t.EarlierRespondents);
                Assert.Equal(l?.Respondents ?? 0, t.LaterRespondents);
                Near(e?.Mean, t.EarlierMean);
                Near(l?.Mean, t.LaterMean);
                Near(e?.Mean is { } x && l?.Mean is { } y ? y - x : null, t.Difference);
                var outs = before.Where(i => i.Block == t.Block && !Common(i, after)).Select(i => i.Id)
                    .Concat(after.Where(i => i.Block == t.Block && !Common(i, before)).Select(i => i.Id)).Distinct().Order(StringComparer.Ordinal);
                Assert.Equal(outs, t.LeftOut.Select(o => o.ItemId));
            }
        }
    }

    [Fact]
    public void Items_without_a_fingerprint_are_refused()
    {
        var round = new ScanRound([new ScanItem("a", 1)], [[3]]);
        Assert.Throws<ArgumentException>(() => Trend.Compare(round, round));
    }
}
