using Klimrek.Core.Search;

namespace Klimrek.Core.Tests.Search;

public sealed class LabelSearchIndexTests
{
    private static readonly LabelSearchIndex Index = new(
    [
        new(1, "algemeen verpleegkundige", LabelKind.Preferred, "nl"),
        new(1, "nurse responsible for general care", LabelKind.Preferred, "en"),
        new(1, "verpleegkundige", LabelKind.Alternative, "nl"),
        new(2, "wijkverpleegkundige", LabelKind.Preferred, "nl"),
        new(3, "verpleegkundige gespecialiseerd in de ouderenzorg", LabelKind.Preferred, "nl"),
        new(4, "timmerman", LabelKind.Preferred, "nl"),
        new(4, "carpenter", LabelKind.Preferred, "en"),
        new(5, "inspiciënt", LabelKind.Preferred, "nl"),
        new(6, "ethisch hacker", LabelKind.Preferred, "nl"),
        new(7, "hacker van ethische systemen", LabelKind.Alternative, "nl"),
        new(8, "kok", LabelKind.Preferred, "nl"),
        new(9, "kom", LabelKind.Preferred, "nl"),
    ]);

    private static int[] Keys(string q) => Index.Search(q, 0, 100).Hits.Select(h => h.Key).ToArray();

    [Theory]
    [InlineData("verpleegkundig")]
    [InlineData("verpleegkundige")]
    [InlineData("verplegkundige")]
    [InlineData("VERPLEEGKUNDIGE")]
    [InlineData("verpleeg")]
    public void Spellings_of_verpleegkundige_find_the_nurse_first(string q)
    {
        var keys = Keys(q);
        Assert.Equal(1, keys[0]);
        Assert.Contains(3, keys);
    }

    [Fact]
    public void Compound_words_are_found_from_inside()
    {
        Assert.Contains(2, Keys("verpleegkundige"));
        Assert.Contains(2, Keys("kundige"));
        Assert.Empty(Keys("kund")); // inside a word only from five characters on
    }

    [Fact]
    public void Accents_and_case_do_not_matter()
    {
        Assert.Equal([5], Keys("inspicient"));
        Assert.Equal([5], Keys("INSPICIËNT"));
    }

    [Fact]
    public void All_query_tokens_must_match_in_any_order()
    {
        Assert.Equal([6, 7], Keys("hacker ethisch").Order());
        Assert.Equal(6, Keys("ethisch hacker")[0]);
        Assert.Empty(Keys("ethisch timmerman"));
    }

    [Fact]
    public void Short_tokens_allow_no_typos_but_do_match_as_prefix()
    {
        Assert.Equal([8], Keys("kok"));
        Assert.Empty(Keys("kox"));
        Assert.Equal([8, 9], Keys("ko").Order());
    }

    [Fact]
    public void Exact_label_ranks_above_longer_label_and_preferred_language_breaks_nothing()
    {
        var hits = Index.Search("verpleegkundige", 0, 10).Hits;
        Assert.Equal(1, hits[0].Key);
        Assert.Equal("verpleegkundige", hits[0].MatchedLabel);
        Assert.True(hits.First(h => h.Key == 3).Score < hits[0].Score);
        Assert.Equal(4, Index.Search("carpenter", 0, 10, "en").Hits[0].Key);
    }

    [Fact]
    public void Paging_reports_the_total_and_disjoint_pages()
    {
        var all = Index.Search("verpleeg", 0, 100);
        var first = Index.Search("verpleeg", 0, 1);
        var second = Index.Search("verpleeg", 1, 1);
        Assert.Equal(all.Total, first.Total);
        Assert.Equal(all.Hits[0].Key, first.Hits[0].Key);
        Assert.Equal(all.Hits[1].Key, second.Hits[0].Key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ??? ---")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("'; DROP TABLE x; --")]
    [InlineData("\ud800 lone surrogate")]
    [InlineData("😀😀😀")]
    public void Odd_input_never_throws(string? q)
    {
        var page = Index.Search(q!, -5, 10_000);
        // A negative skip starts at the first hit and the page size is capped at 100.
        Assert.Equal(Math.Min(page.Total, 100), page.Hits.Count);
        Assert.Equal(page.Hits.Count, page.Hits.Select(h => h.Key).Distinct().Count());
        if (!(q ?? "").Any(char.IsLetterOrDigit)) Assert.Equal(0, page.Total);
    }

    [Fact]
    public void Very_long_queries_are_cut_to_the_first_tokens()
    {
        var q = "timmerman " + string.Join(' ', Enumerable.Repeat("x", 1000));
        Assert.Empty(Keys(q)); // the x tokens must match too: AND semantics on the first eight tokens
        Assert.Equal([4], Keys("timmerman " + new string(' ', 500)));
    }

    [Fact]
    public void A_preferred_label_holding_the_word_beats_an_alternative_label_that_only_mentions_it()
    {
        // ESCO's shape: "nanny" has the alternative label "dry nurse", shorter than the preferred nurse labels.
        var index = new LabelSearchIndex(
        [
            new(1, "nanny", LabelKind.Preferred, "en"),
            new(1, "dry nurse", LabelKind.Alternative, "en"),
            new(2, "nurse responsible for general care", LabelKind.Preferred, "en"),
            new(3, "specialist nurse", LabelKind.Preferred, "en"),
            new(4, "lasinspecteur", LabelKind.Preferred, "nl"),
            new(4, "leraar lassen", LabelKind.Alternative, "nl"),
            new(5, "leraar speciaal basisonderwijs", LabelKind.Preferred, "nl"),
            new(6, "leraar", LabelKind.Preferred, "nl"),
        ]);
        var nurse = index.Search("nurse", 0, 10).Hits.Select(h => h.Key).ToList();
        Assert.Equal([2, 3], nurse.Take(2).Order());
        Assert.Equal(1, nurse[2]);
        Assert.Equal([6, 5, 4], index.Search("leraar", 0, 10).Hits.Select(h => h.Key));
    }
}
