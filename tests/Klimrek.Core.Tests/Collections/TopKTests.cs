using Klimrek.Core.Collections;

namespace Klimrek.Core.Tests.Collections;

public class TopKTests
{
    // The oracle: a full stable sort (LINQ's OrderBy is stable), then the first k.
    [Fact]
    public void Equals_a_full_stable_sort_on_random_inputs_with_ties()
    {
        var rnd = new Random(7);
        for (int instance = 0; instance < 500; instance++)
        {
            var n = rnd.Next(0, 60);
            var k = rnd.Next(0, 25);
            // Few distinct keys, so ties are common; the index tells equal keys apart in the check.
            var items = Enumerable.Range(0, n).Select(i => (Key: rnd.Next(0, 6), Index: i)).ToList();
            var expected = items.OrderBy(x => x.Key).Take(k).ToList();
            var actual = TopK.Select(items, k, (a, b) => a.Key.CompareTo(b.Key));
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Keeps_everything_when_k_exceeds_the_count_and_nothing_when_k_is_zero()
    {
        Assert.Equal([1, 2, 3], TopK.Select([3, 1, 2], 10, (a, b) => a.CompareTo(b)));
        Assert.Empty(TopK.Select([3, 1, 2], 0, (a, b) => a.CompareTo(b)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TopK.Select([1], -1, (a, b) => a.CompareTo(b)));
    }
}
