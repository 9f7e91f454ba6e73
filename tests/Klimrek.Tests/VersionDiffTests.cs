using Klimrek.Features.Curation;

namespace Klimrek.Tests;

/// <summary>The word diff of the version history: exact pieces, and on random texts as short as a brute-force LCS says.</summary>
public sealed class VersionDiffTests
{
    [Fact]
    public void Marks_added_and_removed_words_inside_a_sentence()
    {
        var d = VersionDiff.Words("De timmerman zaagt hout.", "De timmerman schaaft eikenhout.");
        Assert.Equal("De timmerman ", d[0].Text);
        Assert.Equal(DiffKind.Same, d[0].Kind);
        Assert.Contains(d, p => p is { Kind: DiffKind.Removed, Text: "zaagt" });
        Assert.Contains(d, p => p is { Kind: DiffKind.Added, Text: "schaaft" });
        Assert.Equal(DiffKind.Same, d[^1].Kind);
        Assert.Equal(".", d[^1].Text);
    }

    [Fact]
    public void On_random_texts_gives_both_texts_back_and_keeps_a_longest_common_subsequence()
    {
        var random = new Random(13);
        string[] words = ["de", "het", "een", "hout", "zaagt", "schaaft", ",", "."];
        string Text() => string.Join(" ", Enumerable.Range(0, random.Next(0, 9)).Select(_ => words[random.Next(words.Length)]));
        for (var i = 0; i < 400; i++)
        {
            var a = Text();
            var b = Text();
            var d = VersionDiff.Words(a, b);
            Assert.Equal(a, string.Concat(d.Where(p => p.Kind != DiffKind.Added).Select(p => p.Text)));
            Assert.Equal(b, string.Concat(d.Where(p => p.Kind != DiffKind.Removed).Select(p => p.Text)));
            // Kept tokens: as many as the longest common subsequence of the two token lists (a brute-force dynamic programme).
            var kept = d.Where(p => p.Kind == DiffKind.Same).Sum(p => Tokens(p.Text).Count);
            Assert.True(kept == Lcs(Tokens(a), Tokens(b)), $"'{a}' → '{b}': kept {kept} tokens");
        }
    }

    private static List<string> Tokens(string s) =>
        System.Text.RegularExpressions.Regex.Matches(s, @"\s+|\w+|[^\w\s]").Select(m => m.Value).ToList();

    private static int Lcs(List<string> a, List<string> b)
    {
        var t = new int[a.Count + 1, b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
            for (var j = 1; j <= b.Count; j++)
                t[i, j] = a[i - 1] == b[j - 1] ? t[i - 1, j - 1] + 1 : Math.Max(t[i - 1, j], t[i, j - 1]);
        return t[a.Count, b.Count];
    }
}
