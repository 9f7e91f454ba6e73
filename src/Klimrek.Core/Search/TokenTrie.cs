namespace Klimrek.Core.Search;

/// <summary>How a query token matched a vocabulary token.</summary>
public enum MatchKind
{
    /// <summary>Equal to the whole token.</summary>
    Exact,
    /// <summary>Equal to a prefix of the token.</summary>
    Prefix,
    /// <summary>Within the edit bound of the whole token.</summary>
    Fuzzy,
    /// <summary>Within the edit bound of a prefix of the token.</summary>
    FuzzyPrefix,
    /// <summary>Inside a (compound) token, not at its start, possibly with edits.</summary>
    Infix,
}

/// <summary>One vocabulary token matched by a query token.</summary>
public readonly record struct TokenMatch(int TokenId, MatchKind Kind, int Distance);

/// <summary>
/// A compact trie (flat arrays, children sorted by character) over strings, each string ending at a node that carries
/// one or more token ids. <see cref="Match"/> walks it with a row of the Levenshtein/OSA dynamic programme per node
/// (the classic trie + DP technique), pruning a branch as soon as no extension can come within the edit bound.
/// Cost: O(visited nodes × |query|); visited nodes are few for a bound of 0–2.
/// </summary>
internal sealed class TokenTrie
{
    private readonly int[] _childStart;   // per node: index into _childChar/_childNode
    private readonly char[] _childChar;
    private readonly int[] _childNode;
    private readonly int[] _termStart;    // per node: index into _termToken; count = _termStart[n+1] - _termStart[n]
    private readonly int[] _termToken;

    public int NodeCount => _childStart.Length - 1;

    public TokenTrie(IEnumerable<(string Text, int TokenId)> entries)
    {
        // Build with per-node dictionaries, then freeze into arrays.
        var children = new List<SortedDictionary<char, int>> { new() };
        var terms = new List<List<int>?> { null };
        foreach (var (text, id) in entries)
        {
            int node = 0;
            foreach (var c in text)
            {
                if (!children[node].TryGetValue(c, out var next))
                {
                    next = children.Count;
                    children.Add(new SortedDictionary<char, int>());
                    terms.Add(null);
                    children[node][c] = next;
                }
                node = next;
            }
            (terms[node] ??= []).Add(id);
        }
        int n = children.Count;
        _childStart = new int[n + 1];
        _termStart = new int[n + 1];
        int totalChildren = 0, totalTerms = 0;
        for (int i = 0; i < n; i++)
        {
            _childStart[i] = totalChildren;
            totalChildren += children[i].Count;
            _termStart[i] = totalTerms;
            totalTerms += terms[i]?.Count ?? 0;
        }
        _childStart[n] = totalChildren;
        _termStart[n] = totalTerms;
        _childChar = new char[totalChildren];
        _childNode = new int[totalChildren];
        _termToken = new int[totalTerms];
        for (int i = 0; i < n; i++)
        {
            int j = _childStart[i];
            foreach (var (c, child) in children[i])
            {
                _childChar[j] = c;
                _childNode[j] = child;
                j++;
            }
            if (terms[i] is { } t)
                t.CopyTo(_termToken, _termStart[i]);
        }
    }

    /// <summary>
    /// Every stored token within <paramref name="maxEdits"/> (optimal string alignment distance) of
    /// <paramref name="query"/> as a whole, or of one of its prefixes when <paramref name="allowPrefix"/>.
    /// Reports the smallest distance per token through <paramref name="report"/>(tokenId, whole, distance):
    /// whole = true when the smallest distance is reached by the whole token.
    /// </summary>
    public void Match(string query, int maxEdits, bool allowPrefix, Action<int, bool, int> report)
    {
        int m = query.Length;
        var root = new int[m + 1];
        for (int i = 0; i <= m; i++) root[i] = i;
        Walk(0, root, null, '\0', 1, allowPrefix && root[m] <= maxEdits ? root[m] : int.MaxValue);

        void Walk(int node, int[] row, int[]? prevRow, char prevChar, int depth, int bestPrefix)
        {
            for (int ci = _childStart[node]; ci < _childStart[node + 1]; ci++)
            {
                char c = _childChar[ci];
                int child = _childNode[ci];
                var r = new int[m + 1];
                r[0] = depth;
                int rowMin = r[0];
                for (int i = 1; i <= m; i++)
                {
                    int cost = query[i - 1] == c ? 0 : 1;
                    int v = Math.Min(Math.Min(row[i] + 1, r[i - 1] + 1), row[i - 1] + cost);
                    if (prevRow is not null && i > 1 && query[i - 1] == prevChar && query[i - 2] == c)
                        v = Math.Min(v, prevRow[i - 2] + 1);
                    r[i] = v;
                    if (v < rowMin) rowMin = v;
                }
                int best = bestPrefix;
                if (allowPrefix && r[m] <= maxEdits && r[m] < best) best = r[m];
                for (int t = _termStart[child]; t < _termStart[child + 1]; t++)
                {
                    if (r[m] <= maxEdits && r[m] <= best) report(_termToken[t], true, r[m]);
                    else if (best <= maxEdits) report(_termToken[t], false, best);
                }
                if (rowMin <= maxEdits)
                    Walk(child, r, row, c, depth + 1, best);
                else if (best <= maxEdits)
                    // Rows only grow from here on: nothing below can match as a whole, everything matches as prefix.
                    EnumerateBelow(child, best);
            }
        }

        void EnumerateBelow(int node, int distance)
        {
            for (int ci = _childStart[node]; ci < _childStart[node + 1]; ci++)
            {
                int child = _childNode[ci];
                for (int t = _termStart[child]; t < _termStart[child + 1]; t++)
                    report(_termToken[t], false, distance);
                EnumerateBelow(child, distance);
            }
        }
    }
}
