namespace Klimrek.Core.Search;

public enum LabelKind { Preferred = 0, Alternative = 1, Hidden = 2 }

/// <summary>One searchable label of a concept. Key = the concept's id.</summary>
public sealed record SearchLabel(int Key, string Text, LabelKind Kind, string Language);

public sealed record SearchHit(int Key, double Score, string MatchedLabel, LabelKind Kind, string Language);

public sealed record SearchPage(IReadOnlyList<SearchHit> Hits, int Total);

/// <summary>
/// Fuzzy, ranked search over the labels of concepts (ESCO occupations: ~35,000 Dutch and English labels).
/// Immutable after construction, so concurrent searches are safe.
/// <para>
/// Matching, per query token q (normalized by <see cref="TextNormalizer"/>): a label token t matches when q equals t
/// (<see cref="MatchKind.Exact"/>), is a prefix of t (<see cref="MatchKind.Prefix"/>), is within the edit bound of t
/// or of a prefix of t (<see cref="MatchKind.Fuzzy"/>, <see cref="MatchKind.FuzzyPrefix"/>), or, for |q| ≥ 5, occurs
/// inside t within one edit less than the bound (<see cref="MatchKind.Infix"/>: Dutch compounds, "verpleegkundige" in
/// "wijkverpleegkundige"). The bound (optimal string alignment: insert, delete, substitute, swap neighbours) is
/// <see cref="MaxEdits"/>: 0 up to 3 characters, 1 up to 7, 2 from 8. A label matches when every query token matches
/// one of its tokens.
/// </para>
/// <para>
/// Ranking: the mean of the query tokens' match scores (<see cref="TokenScore"/>), times 0.6 + 0.4 × coverage (the
/// query's characters over the label's characters, so the label "verpleegkundige" beats "verpleegkundige
/// gespecialiseerd in …"), plus bonuses: whole label equals the query +0.3, label starts with the query +0.1,
/// preferred label +0.08 (hidden −0.05), label in the preferred language +0.03; and the band of <see cref="Tier"/>
/// (exact and preferred-label matches first). One hit per key: its best label.
/// Ties: score, then shorter label, then ordinal label text, then key.
/// </para>
/// <para>
/// Cost: construction O(total label characters × average token length) for the compound-suffix trie; a query is a
/// trie walk per token (pruned dynamic programme, see <see cref="TokenTrie"/>) plus O(candidate labels × label tokens).
/// </para>
/// </summary>
public sealed class LabelSearchIndex
{
    public const int MaxQueryLength = 200;
    public const int MaxQueryTokens = 8;
    public const int MinInfixLength = 5;

    private readonly SearchLabel[] _labels;
    private readonly string[] _normalized;
    private readonly int[][] _labelTokens;
    private readonly int[] _labelChars;
    private readonly string[] _vocabulary;
    private readonly int[][] _postings;      // token id → label ids
    private readonly TokenTrie _tokens;
    private readonly TokenTrie _suffixes;    // suffixes starting at position ≥ 1 with ≥ MinInfixLength characters

    public int LabelCount => _labels.Length;
    public int VocabularySize => _vocabulary.Length;

    public LabelSearchIndex(IEnumerable<SearchLabel> labels)
    {
        var list = new List<SearchLabel>();
        var normalized = new List<string>();
        var labelTokens = new List<int[]>();
        var vocab = new Dictionary<string, int>(StringComparer.Ordinal);
        var postings = new List<List<int>>();
        foreach (var label in labels)
        {
            var tokens = TextNormalizer.Tokenize(label.Text);
            if (tokens.Count == 0) continue;
            int labelId = list.Count;
            list.Add(label);
            normalized.Add(string.Join(' ', tokens));
            var ids = new int[tokens.Count];
            for (int i = 0; i < tokens.Count; i++)
            {
                if (!vocab.TryGetValue(tokens[i], out var id))
                {
                    id = vocab.Count;
                    vocab[tokens[i]] = id;
                    postings.Add([]);
                }
                ids[i] = id;
                var p = postings[id];
                if (p.Count == 0 || p[^1] != labelId) p.Add(labelId);
            }
            labelTokens.Add(ids);
        }
        _labels = list.ToArray();
        _normalized = normalized.ToArray();
        _labelTokens = labelTokens.ToArray();
        _labelChars = _normalized.Select(n => n.Replace(" ", "").Length).ToArray();
        _vocabulary = new string[vocab.Count];
        foreach (var (t, id) in vocab) _vocabulary[id] = t;
        _postings = postings.Select(p => p.ToArray()).ToArray();
        _tokens = new TokenTrie(vocab.Select(kv => (kv.Key, kv.Value)));
        _suffixes = new TokenTrie(vocab.SelectMany(kv => Suffixes(kv.Key).Select(s => (s, kv.Value))));
    }

    private static IEnumerable<string> Suffixes(string token)
    {
        for (int start = 1; token.Length - start >= MinInfixLength; start++)
            yield return token[start..];
    }

    /// <summary>The edit bound for a query token of this length.</summary>
    public static int MaxEdits(int length) => length <= 3 ? 0 : length <= 7 ? 1 : 2;

    /// <summary>Score of one query token's match, in (0, 1].</summary>
    public static double TokenScore(MatchKind kind, int distance, int queryLength, int tokenLength)
    {
        double share = Math.Min(1.0, (double)queryLength / Math.Max(1, tokenLength));
        return kind switch
        {
            MatchKind.Exact => 1.0,
            MatchKind.Prefix => 0.75 + 0.2 * share,
            MatchKind.Fuzzy => 0.8 - 0.15 * distance,
            MatchKind.FuzzyPrefix => 0.6 + 0.1 * share - 0.15 * distance,
            _ => 0.5 + 0.1 * share - 0.1 * distance,
        };
    }

    /// <summary>All vocabulary tokens a (normalized) query token matches, with the best kind and distance per token.</summary>
    public IReadOnlyDictionary<int, TokenMatch> MatchToken(string queryToken)
    {
        var result = new Dictionary<int, TokenMatch>();
        int k = MaxEdits(queryToken.Length);
        int m = queryToken.Length;
        void Offer(TokenMatch candidate)
        {
            var s = TokenScore(candidate.Kind, candidate.Distance, m, _vocabulary[candidate.TokenId].Length);
            if (!result.TryGetValue(candidate.TokenId, out var old) ||
                s > TokenScore(old.Kind, old.Distance, m, _vocabulary[old.TokenId].Length))
                result[candidate.TokenId] = candidate;
        }
        _tokens.Match(queryToken, k, allowPrefix: true, (id, whole, d) =>
            Offer(new TokenMatch(id, whole ? (d == 0 ? MatchKind.Exact : MatchKind.Fuzzy) : (d == 0 ? MatchKind.Prefix : MatchKind.FuzzyPrefix), d)));
        if (m >= MinInfixLength)
            // Inside a compound one edit fewer is allowed: fuzzy infix matches are otherwise mostly noise.
            _suffixes.Match(queryToken, Math.Max(0, k - 1), allowPrefix: true, (id, _, d) => Offer(new TokenMatch(id, MatchKind.Infix, d)));
        return result;
    }

    public SearchPage Search(string? query, int skip, int take, string preferredLanguage = "nl")
    {
        skip = Math.Max(0, skip);
        take = Math.Clamp(take, 1, 100);
        if (string.IsNullOrWhiteSpace(query)) return new SearchPage([], 0);
        if (query.Length > MaxQueryLength) query = query[..MaxQueryLength];
        var qTokens = TextNormalizer.Tokenize(query).Distinct().Take(MaxQueryTokens).ToList();
        if (qTokens.Count == 0) return new SearchPage([], 0);
        var qNormalized = string.Join(' ', qTokens);
        int qChars = qTokens.Sum(t => t.Length);

        var matches = new List<Dictionary<int, double>>(qTokens.Count);
        foreach (var qt in qTokens)
        {
            var tokenScores = new Dictionary<int, double>();
            foreach (var (id, match) in MatchToken(qt))
                tokenScores[id] = TokenScore(match.Kind, match.Distance, qt.Length, _vocabulary[id].Length);
            if (tokenScores.Count == 0) return new SearchPage([], 0);
            matches.Add(tokenScores);
        }

        // Start from the query token with the fewest postings; check the others per candidate label.
        int seed = Enumerable.Range(0, matches.Count).MinBy(i => matches[i].Keys.Sum(t => _postings[t].Length));
        var candidates = new HashSet<int>();
        foreach (var t in matches[seed].Keys)
            foreach (var l in _postings[t]) candidates.Add(l);

        var bestPerKey = new Dictionary<int, (double Score, int Label)>();
        foreach (var labelId in candidates)
        {
            double sum = 0;
            bool all = true, wholeWords = true;
            foreach (var tokenScores in matches)
            {
                double best = 0;
                foreach (var t in _labelTokens[labelId])
                    if (tokenScores.TryGetValue(t, out var s) && s > best) best = s;
                if (best == 0) { all = false; break; }
                if (best < 1.0) wholeWords = false; // only an exact token match scores 1
                sum += best;
            }
            if (!all) continue;
            var label = _labels[labelId];
            double coverage = Math.Min(1.0, (double)qChars / Math.Max(1, _labelChars[labelId]));
            double score = sum / matches.Count * (0.6 + 0.4 * coverage);
            var norm = _normalized[labelId];
            if (norm == qNormalized) score += 0.3;
            else if (norm.StartsWith(qNormalized, StringComparison.Ordinal)) score += 0.1;
            score += label.Kind switch { LabelKind.Preferred => 0.08, LabelKind.Hidden => -0.05, _ => 0 };
            if (string.Equals(label.Language, preferredLanguage, StringComparison.OrdinalIgnoreCase)) score += 0.03;
            score += Tier(norm == qNormalized, wholeWords, label.Kind);

            if (!bestPerKey.TryGetValue(label.Key, out var current) || Better(score, labelId, current.Score, current.Label))
                bestPerKey[label.Key] = (score, labelId);
        }

        var ordered = bestPerKey
            .Select(kv => (Key: kv.Key, kv.Value.Score, kv.Value.Label))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => _labels[x.Label].Text.Length)
            .ThenBy(x => _labels[x.Label].Text, StringComparer.Ordinal)
            .ThenBy(x => x.Key)
            .Skip(skip).Take(take)
            .Select(x => new SearchHit(x.Key, x.Score, _labels[x.Label].Text, _labels[x.Label].Kind, _labels[x.Label].Language))
            .ToList();
        return new SearchPage(ordered, bestPerKey.Count);
    }

    /// <summary>
    /// The rank band a label's match falls in, added to its score so that bands never mix: a preferred label equal to the
    /// query (+2); any label equal to the query, or a preferred label holding every query word as a whole word (+1:
    /// "nurse" → "nurse assistant" before "nanny", whose alternative label "dry nurse" only mentions it); the rest (0).
    /// </summary>
    public static double Tier(bool equalsQuery, bool wholeWords, LabelKind kind) =>
        equalsQuery && kind == LabelKind.Preferred ? 2 : equalsQuery || (wholeWords && kind == LabelKind.Preferred) ? 1 : 0;

    private bool Better(double score, int label, double otherScore, int otherLabel)
    {
        if (score != otherScore) return score > otherScore;
        var a = _labels[label].Text;
        var b = _labels[otherLabel].Text;
        if (a.Length != b.Length) return a.Length < b.Length;
        return string.CompareOrdinal(a, b) < 0;
    }
}
