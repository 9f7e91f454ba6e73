namespace Klimrek.Core.Transitions;

/// <summary>
/// What two occupations' own words say about how alike they are: a TF-IDF cosine over one text per occupation (its
/// preferred label twice, its alternative labels and its description), in one language. Words are lower-cased runs of
/// letters of at least three characters, without the commonest English and Dutch function words; a word counts
/// 1 + ln(count) times its inverse document frequency ln(N / df), and every vector has length 1.
/// <para>
/// Why: ESCO's skill lists say what people do, the descriptions also say in which field ("fire", "energy", "stage"),
/// and that is what career moves follow as well (docs/transitions.md, the measured gain in
/// bench/results/transitions-quality.md). Immutable and thread-safe; <see cref="Scratch"/> is per thread.
/// </para>
/// </summary>
public sealed class DescriptionIndex
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        // English
        "the", "and", "for", "with", "from", "that", "this", "are", "their", "such", "other", "into", "also", "use",
        "used", "uses", "using", "can", "may", "which", "within", "including", "include", "includes", "they", "them",
        "its", "has", "have", "been", "not", "all", "any", "both", "each", "who", "whom", "these", "those", "than",
        // Dutch
        "het", "een", "van", "voor", "met", "aan", "die", "dat", "zijn", "wordt", "worden", "door", "als", "bij", "tot",
        "uit", "ook", "deze", "hun", "zij", "naar", "over", "onder", "hebben", "heeft", "kan", "kunnen", "andere", "niet",
        "zoals", "waar", "welke", "om", "te", "en", "of", "de", "op", "in", "er",
    };

    private readonly int[] _start;   // CSR per occupation
    private readonly int[] _term;
    private readonly float[] _weight;

    public int Count { get; }
    public int Vocabulary { get; }

    private DescriptionIndex(int count, int vocabulary, int[] start, int[] term, float[] weight)
    {
        Count = count;
        Vocabulary = vocabulary;
        _start = start;
        _term = term;
        _weight = weight;
    }

    /// <summary>The words of a text as the index counts them (lower case, letters only, no stop words, ≥ 3 letters).</summary>
    public static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrEmpty(text)) yield break;
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetter(text[i])) i++;
            int begin = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            if (i - begin < 3) continue;
            var word = text[begin..i].ToLowerInvariant();
            if (!StopWords.Contains(word)) yield return word;
        }
    }

    /// <summary>The text an occupation is indexed by: its preferred label twice, its alternative labels, its description.</summary>
    public static string Compose(string? preferredLabel, IEnumerable<string>? altLabels, string? description) =>
        string.Join(' ', preferredLabel ?? "", preferredLabel ?? "", string.Join(' ', altLabels ?? []), description ?? "");

    /// <summary>
    /// Indexes one text per occupation (index = occupation; null or empty: no words, similarity 0), keeping each text's
    /// <paramref name="maxTerms"/> heaviest words (0: all) before the vector is scaled to length 1.
    /// </summary>
    public static DescriptionIndex Build(IReadOnlyList<string?> texts, int maxTerms = 0)
    {
        // Words are looked up as lower-cased spans in a per-call buffer: no string per word, only per new word.
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        var stop = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var docs = new List<KeyValuePair<int, int>>[texts.Count];
        var df = new List<int>();
        Span<char> buffer = stackalloc char[64];
        var counts = new Dictionary<int, int>();
        for (int d = 0; d < texts.Count; d++)
        {
            counts.Clear();
            var text = texts[d] ?? "";
            int i = 0;
            while (i < text.Length)
            {
                while (i < text.Length && !char.IsLetter(text[i])) i++;
                int begin = i;
                while (i < text.Length && char.IsLetter(text[i])) i++;
                int length = i - begin;
                if (length < 3) continue;
                var word = length <= buffer.Length ? buffer[..length] : new char[length];
                text.AsSpan(begin, length).ToLowerInvariant(word);
                if (stop.Contains(word)) continue;
                if (!lookup.TryGetValue(word, out var id))
                {
                    id = vocabulary.Count;
                    lookup[word] = id;
                    df.Add(0);
                }
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
            foreach (var id in counts.Keys) df[id]++;
            docs[d] = counts.ToList();
        }
        if (maxTerms > 0)
            for (int d = 0; d < texts.Count; d++)
                if (docs[d].Count > maxTerms)
                    docs[d] = docs[d].OrderByDescending(x => (1 + Math.Log(x.Value)) * Math.Log((double)texts.Count / df[x.Key]))
                        .ThenBy(x => x.Key).Take(maxTerms).ToList();
        for (int d = 0; d < texts.Count; d++) docs[d].Sort((x, y) => x.Key.CompareTo(y.Key));
        var start = new int[texts.Count + 1];
        for (int d = 0; d < texts.Count; d++) start[d + 1] = start[d] + docs[d].Count;
        var term = new int[start[^1]];
        var weight = new float[start[^1]];
        for (int d = 0; d < texts.Count; d++)
        {
            double norm = 0;
            var at = start[d];
            foreach (var (id, n) in docs[d])
            {
                var v = (1 + Math.Log(n)) * Math.Log((double)texts.Count / df[id]);
                term[at] = id;
                weight[at++] = (float)v;
                norm += v * v;
            }
            norm = Math.Sqrt(norm);
            for (int j = start[d]; j < start[d + 1]; j++) weight[j] = norm > 0 ? (float)(weight[j] / norm) : 0;
        }
        return new DescriptionIndex(texts.Count, vocabulary.Count, start, term, weight);
    }

    /// <summary>A per-thread buffer holding one occupation's vector spread out, for many similarities from it.</summary>
    public sealed class Scratch
    {
        internal readonly float[] Dense;
        internal int Loaded = -1;
        internal Scratch(int vocabulary) => Dense = new float[vocabulary];
    }

    public Scratch NewScratch() => new(Vocabulary);

    /// <summary>Spreads <paramref name="occupation"/>'s vector into <paramref name="scratch"/> (clearing the previous one).</summary>
    public void Load(Scratch scratch, int occupation)
    {
        if (scratch.Loaded == occupation) return;
        if (scratch.Loaded >= 0)
            for (int j = _start[scratch.Loaded]; j < _start[scratch.Loaded + 1]; j++) scratch.Dense[_term[j]] = 0;
        for (int j = _start[occupation]; j < _start[occupation + 1]; j++) scratch.Dense[_term[j]] = _weight[j];
        scratch.Loaded = occupation;
    }

    /// <summary>Cosine between the occupation loaded in <paramref name="scratch"/> and <paramref name="other"/>, in [0, 1].</summary>
    public double Similarity(Scratch scratch, int other)
    {
        double sum = 0;
        var dense = scratch.Dense;
        for (int j = _start[other], end = _start[other + 1]; j < end; j++) sum += dense[_term[j]] * _weight[j];
        return Math.Clamp(sum, 0, 1);
    }

    /// <summary>Cosine between two occupations' texts (a convenience for one pair; use a scratch for many).</summary>
    public double Similarity(int a, int b)
    {
        var s = NewScratch();
        Load(s, a);
        return Similarity(s, b);
    }
}
