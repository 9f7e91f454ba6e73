using Klimrek.Core.Search;

namespace Klimrek.Core.Tests.Search;

/// <summary>The trie walk and the index against a brute-force scan of every token, on many small random inputs.</summary>
public sealed class SearchOracleTests
{
    /// <summary>Plain optimal-string-alignment distance.</summary>
    private static int Osa(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }

    /// <summary>Best score of query token q against token t by trying every interpretation directly, or null.</summary>
    private static double? OracleScore(string q, string t)
    {
        int k = LabelSearchIndex.MaxEdits(q.Length);
        double? best = null;
        void Offer(MatchKind kind, int d) { var s = LabelSearchIndex.TokenScore(kind, d, q.Length, t.Length); if (best is null || s > best) best = s; }
        int whole = Osa(q, t);
        if (whole <= k) Offer(whole == 0 ? MatchKind.Exact : MatchKind.Fuzzy, whole);
        for (int len = 0; len < t.Length; len++)
        {
            int d = Osa(q, t[..len]);
            if (d <= k) Offer(d == 0 ? MatchKind.Prefix : MatchKind.FuzzyPrefix, d);
        }
        if (q.Length >= LabelSearchIndex.MinInfixLength)
            for (int start = 1; t.Length - start >= LabelSearchIndex.MinInfixLength; start++)
            {
                var suffix = t[start..];
                for (int len = 0; len <= suffix.Length; len++)
                {
                    int d = Osa(q, suffix[..len]);
                    if (d <= Math.Max(0, k - 1)) Offer(MatchKind.Infix, d);
                }
            }
        return best;
    }

    private static string RandomWord(Random r, int min, int max) =>
        new(Enumerable.Range(0, r.Next(min, max + 1)).Select(_ => "abcd"[r.Next(4)]).ToArray());

    [Fact]
    public void Token_matches_equal_brute_force_on_random_vocabularies()
    {
        var r = new Random(20261122);
        for (int round = 0; round < 60; round++)
        {
            var words = Enumerable.Range(0, r.Next(5, 40)).Select(_ => RandomWord(r, 1, 11)).Distinct().ToList();
            var labels = words.Select((w, i) => new SearchLabel(i, w, LabelKind.Preferred, "nl")).ToList();
            var index = new LabelSearchIndex(labels);
            for (int qi = 0; qi < 25; qi++)
            {
                var q = RandomWord(r, 1, 10);
                var actual = index.MatchToken(q).ToDictionary(kv => words[kv.Key] /* vocabulary ids follow first appearance */,
                    kv => LabelSearchIndex.TokenScore(kv.Value.Kind, kv.Value.Distance, q.Length, words[kv.Key].Length));
                var expected = words.Select(w => (w, s: OracleScore(q, w))).Where(x => x.s is not null).ToDictionary(x => x.w, x => x.s!.Value);
                Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
                foreach (var (w, s) in expected)
                    Assert.Equal(s, actual[w], 10);
            }
        }
    }

    [Fact]
    public void Search_returns_exactly_the_keys_whose_labels_match_every_query_token()
    {
        var r = new Random(7);
        for (int round = 0; round < 40; round++)
        {
            var labels = new List<SearchLabel>();
            for (int key = 0; key < r.Next(3, 25); key++)
                for (int l = 0; l < r.Next(1, 4); l++)
                    labels.Add(new SearchLabel(key, string.Join(' ', Enumerable.Range(0, r.Next(1, 4)).Select(_ => RandomWord(r, 2, 9))),
                        (LabelKind)r.Next(3), r.Next(2) == 0 ? "nl" : "en"));
            var index = new LabelSearchIndex(labels);
            for (int qi = 0; qi < 20; qi++)
            {
                var query = string.Join(' ', Enumerable.Range(0, r.Next(1, 3)).Select(_ => RandomWord(r, 1, 8)));
                var qTokens = TextNormalizer.Tokenize(query).Distinct().ToList();
                bool Matches(SearchLabel l) => qTokens.All(q => TextNormalizer.Tokenize(l.Text).Any(t => OracleScore(q, t) is not null));
                var expected = labels.Where(Matches).Select(l => l.Key).ToHashSet();
                var page = index.Search(query, 0, 100);
                Assert.Equal(expected.Count, page.Total);
                Assert.Equal(expected.Order(), page.Hits.Select(h => h.Key).Order());
                foreach (var hit in page.Hits)
                    Assert.Contains(labels, l => l.Key == hit.Key && l.Text == hit.MatchedLabel && Matches(l));
                var scores = page.Hits.Select(h => h.Score).ToList();
                Assert.Equal(scores.OrderByDescending(s => s).ToList(), scores);
            }
        }
    }
}
