using Klimrek.Core.Transitions;

namespace Klimrek.Core.Tests.Transitions;

public class OccupationVariantsTests
{
    [Theory]
    [InlineData("import export specialist in beverages", "3331", "3331|import export specialist")]
    [InlineData("Import Export  Specialist in live animals", "33310", "3331|import export specialist")]
    [InlineData("specialised seller of orthopaedic goods", "5223", "5223|specialised seller")]
    [InlineData("tobacco products distribution manager", "1324", "1324|…distribution manager")]
    [InlineData("nurse", "2221", null)]
    [InlineData("nurse responsible for general care", "2221", "2221|nurse responsible")]
    [InlineData("graphic designer", "2166", null)]
    [InlineData("beverages distribution manager", null, null)]
    [InlineData("", "1324", null)]
    public void A_label_follows_a_template_within_its_unit_group(string label, string? isco, string? expected) =>
        Assert.Equal(expected, OccupationVariants.TemplateOf(label, isco));

    [Fact]
    public void A_family_needs_four_alike_labels_in_one_unit_group()
    {
        string?[] labels =
        [
            "import export specialist in beverages", "import export specialist in tobacco", "nurse",
            "import export specialist in metals", "import export specialist in textiles",
            "beverages distribution manager", "tobacco distribution manager", "metals distribution manager",
            "import export specialist in clocks", // another unit group: not in the first family
        ];
        string?[] isco = ["3331", "3331", "2221", "3331", "3331", "1324", "1324", "1324", "3332"];
        var family = OccupationVariants.Families(labels, isco);
        Assert.Equal([0, 0, -1, 0, 0, -1, -1, -1, -1], family);
        // With three as the minimum the distribution managers make a family too, numbered after the first.
        Assert.Equal([0, 0, -1, 0, 0, 1, 1, 1, -1], OccupationVariants.Families(labels, isco, minSize: 3));
        Assert.Throws<ArgumentException>(() => OccupationVariants.Families(labels, ["1"]));
    }

    // The oracle: an item's round is the number of its family before it, divided by the cap (0 without a family); a
    // stable sort on the round.
    private static List<(int Family, int Index)> Oracle(List<(int Family, int Index)> ranked, int cap) =>
        cap <= 0 ? ranked : ranked
            .Select((x, i) => (Item: x, Round: x.Family < 0 ? 0 : ranked.Take(i).Count(y => y.Family == x.Family) / cap))
            .OrderBy(x => x.Round).Select(x => x.Item).ToList();

    [Fact]
    public void Spread_equals_the_oracle_on_random_lists()
    {
        var rnd = new Random(3);
        for (int instance = 0; instance < 400; instance++)
        {
            var ranked = Enumerable.Range(0, rnd.Next(0, 40)).Select(i => (Family: rnd.Next(-3, 4), Index: i)).ToList();
            var cap = rnd.Next(0, 5);
            var spread = OccupationVariants.Spread(ranked, x => x.Family, cap);
            Assert.Equal(Oracle(ranked, cap), spread);
            Assert.Equal(ranked.OrderBy(x => x.Index), spread.OrderBy(x => x.Index)); // nothing lost, nothing added
        }
    }

    [Fact]
    public void Spread_puts_a_fourth_variant_after_the_others_and_takes_families_in_turns()
    {
        // Families: 7 and 8 are families of variants, -1 none.
        var ranked = new[] { ("a", 7), ("b", 7), ("c", -1), ("d", 7), ("e", 7), ("f", -1), ("g", 7), ("h", 8), ("i", 8) };
        Assert.Equal(["a", "b", "c", "d", "f", "h", "i", "e", "g"], OccupationVariants.Spread(ranked, x => x.Item2, 3).Select(x => x.Item1));
        Assert.Equal(["a", "c", "f", "h", "b", "i", "d", "e", "g"], OccupationVariants.Spread(ranked, x => x.Item2, 1).Select(x => x.Item1));
    }
}
