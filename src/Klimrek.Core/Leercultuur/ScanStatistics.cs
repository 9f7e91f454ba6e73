namespace Klimrek.Core.Leercultuur;

/// <summary>
/// One statement of a scan instrument as the statistics see it. Column <c>j</c> of every response answers item
/// <c>j</c> of the list the caller passes, so the list fixes the layout of the answers.
/// </summary>
/// <param name="Id">The item's stable key: it stays the same across instrument versions while the statement means the
/// same thing (the trend matches items on it).</param>
/// <param name="Block">The building block ("bouwsteen") the item belongs to, 1–6 in Klimrek's instrument.</param>
/// <param name="Fingerprint">A fingerprint of the item's wording (for instance a hash of its texts in every language).
/// Only <see cref="Trend"/> uses it: an item whose wording changed is not compared across rounds. Plain statistics
/// ignore it.</param>
public sealed record ScanItem(string Id, int Block, string? Fingerprint = null);

/// <summary>
/// The result of one building block over a group of responses.
/// <para>
/// Two populations, on purpose. <see cref="Mean"/> and <see cref="StdDev"/> are over <em>respondents</em>: a
/// respondent's block score is the mean of the block's items they answered, and a respondent counts for the block only
/// when they answered at least half of its items (see <see cref="ScanStatistics.CountsForBlock"/>) — a "block score"
/// from one statement out of five would say little about the block. <see cref="Distribution"/>,
/// <see cref="FavourableShare"/> and <see cref="DontKnow"/> are over <em>answers</em>: every answer anyone gave to an
/// item of the block counts, since an answer says something about its statement whatever else the person answered.
/// </para>
/// <para>
/// Nothing here is suppressed: the caller decides which groups may be shown (<see cref="UnitDisclosure"/>) and should
/// not show a mean that rests on fewer than k respondents (<see cref="Respondents"/>).
/// </para>
/// </summary>
/// <param name="Block">The building block.</param>
/// <param name="Respondents">Respondents who answered at least half of the block's items.</param>
/// <param name="Mean">Mean of those respondents' block scores; null when there are none.</param>
/// <param name="StdDev">Sample standard deviation (n − 1) of the respondents' block scores; null for fewer than two.</param>
/// <param name="Distribution">Counts of the answers 1, 2, 3, 4 and 5 (index 0 … 4) over all answers to the block's items.</param>
/// <param name="FavourableShare">Share of those answers that is 4 or 5 (agree, fully agree); null when nobody answered.</param>
/// <param name="DontKnow">Number of "don't know" answers (null values) to the block's items.</param>
public sealed record BlockScore(
    int Block, int Respondents, double? Mean, double? StdDev, int[] Distribution, double? FavourableShare, int DontKnow);

/// <summary>
/// The result of one item over a group of responses, for strengths and attention points and the item table of the
/// report. <see cref="N"/> is the number of people the figures describe; like <see cref="BlockScore"/> nothing is
/// suppressed here, so the caller must not show an item answered by fewer than k people.
/// </summary>
/// <param name="ItemId">The item's <see cref="ScanItem.Id"/>.</param>
/// <param name="Block">The item's building block.</param>
/// <param name="N">Number of answers on the 1–5 scale ("don't know" excluded).</param>
/// <param name="Mean">Mean of those answers; null when N is 0.</param>
/// <param name="FavourableShare">Share of those answers that is 4 or 5; null when N is 0.</param>
/// <param name="DontKnow">Number of "don't know" answers.</param>
public sealed record ItemScore(string ItemId, int Block, int N, double? Mean, double? FavourableShare, int DontKnow);

/// <summary>
/// Cronbach's α of one building block: a check on the instrument (do the block's items measure one thing?), reported
/// to HR with the number of respondents it rests on. α = k/(k − 1) · (1 − Σ var(item) / var(total)), with sample
/// variances (n − 1) over the respondents who answered every item of the block (listwise deletion). It can be
/// negative when items contradict each other; that is reported as it is.
/// </summary>
/// <param name="Block">The building block.</param>
/// <param name="Items">k, the number of items in the block.</param>
/// <param name="N">Respondents who answered every item of the block (the n used).</param>
/// <param name="Alpha">α; null when the block has fewer than two items, fewer than two complete respondents, or the
/// totals do not vary (var(total) = 0, so α is undefined).</param>
public sealed record BlockReliability(int Block, int Items, int N, double? Alpha);

/// <summary>Everything <see cref="ScanStatistics.Compute"/> derives from one group of responses, blocks in ascending order.</summary>
/// <param name="Responses">Number of responses in the group.</param>
/// <param name="Blocks">One score per block that has items, ascending by block number.</param>
/// <param name="Items">One score per item, in the order of the items passed in.</param>
/// <param name="Reliability">Cronbach's α per block, ascending by block number.</param>
public sealed record ScanResult(
    int Responses, IReadOnlyList<BlockScore> Blocks, IReadOnlyList<ItemScore> Items, IReadOnlyList<BlockReliability> Reliability);

/// <summary>
/// The descriptive statistics of a learning-culture scan: per building block the mean of respondents' block scores,
/// their spread, the distribution of answers, the favourable share and the "don't know" count; per item its mean;
/// per block Cronbach's α.
/// <para>
/// Answers are on a 1–5 agreement scale; <c>null</c> is "don't know", which carries no value: it is counted, never
/// scored. Everything is computed in one pass over the responses with a fixed set of accumulators — no allocation per
/// response or answer — because the web app runs this over rounds of ten thousand responses. Sums of answers and of
/// their squares are kept as integers, so item means and α are rounded only in their last step; block means (means
/// of fractions) use Welford's update.
/// </para>
/// </summary>
public static class ScanStatistics
{
    /// <summary>The lowest answer on the agreement scale (fully disagree).</summary>
    public const int ScaleMin = 1;

    /// <summary>The highest answer on the agreement scale (fully agree).</summary>
    public const int ScaleMax = 5;

    /// <summary>Answers from this value up (agree, fully agree) are favourable.</summary>
    public const int FavourableFrom = 4;

    private const int ScalePoints = ScaleMax - ScaleMin + 1;

    /// <summary>
    /// The half-answered rule: a respondent counts for a block of <paramref name="blockItems"/> items when they gave a
    /// 1–5 answer to at least half of them (3 of 5, 2 of 4, 1 of 1 or 2). Fewer answers would make the block score the
    /// score of a single statement rather than of the block.
    /// </summary>
    public static bool CountsForBlock(int answered, int blockItems) => answered > 0 && 2 * answered >= blockItems;

    /// <summary>
    /// Scores every block and item of <paramref name="items"/> over <paramref name="responses"/>. Each response has one
    /// value per item, in the order of <paramref name="items"/>: 1–5, or null for "don't know".
    /// </summary>
    /// <exception cref="ArgumentException">Duplicate item ids, a response of the wrong length, or a value outside 1–5.</exception>
    public static ScanResult Compute(IReadOnlyList<ScanItem> items, IReadOnlyList<int?[]> responses) => ComputeOn(items, responses, null);

    /// <summary>
    /// As the public overload, scoring only the items whose
    /// <paramref name="include"/> flag is set: the others are skipped as if absent from the instrument (the trend
    /// scores two rounds on their common items this way). Responses keep the full layout.
    /// </summary>
    internal static ScanResult ComputeOn(IReadOnlyList<ScanItem> items, IReadOnlyList<int?[]> responses, bool[]? include)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(responses);
        int m = items.Count;

        // Layout: a dense index per block, each column's block (-1 = skipped) and each block's columns.
        var ids = new HashSet<string>(m);
        var numbers = new SortedSet<int>();
        for (int c = 0; c < m; c++)
        {
            if (!ids.Add(items[c].Id)) throw new ArgumentException($"Item '{items[c].Id}' appears twice.", nameof(items));
            if (include is null || include[c]) numbers.Add(items[c].Block);
        }
        var blockNumber = new int[numbers.Count];
        numbers.CopyTo(blockNumber);
        int blocks = blockNumber.Length;
        var blockOf = new int[m];
        var size = new int[blocks];
        for (int c = 0; c < m; c++)
        {
            blockOf[c] = include is null || include[c] ? Array.BinarySearch(blockNumber, items[c].Block) : -1;
            if (blockOf[c] >= 0) size[blockOf[c]]++;
        }
        var columns = new int[blocks][];
        var filled = new int[blocks];
        for (int b = 0; b < blocks; b++) columns[b] = new int[size[b]];
        for (int c = 0; c < m; c++)
            if (blockOf[c] is var b and >= 0) columns[b][filled[b]++] = c;

        // Accumulators. Per item: answers, their sum, the distribution, don't-knows, and for α the sum and sum of
        // squares over complete respondents. Per block: Welford's running mean and M2 of block scores, and for α the
        // count, sum and sum of squares of complete respondents' totals. Per response: answered count and sum per block.
        var itemN = new int[m];
        var itemSum = new long[m];
        var itemDontKnow = new int[m];
        var itemDistribution = new int[m * ScalePoints];
        var alphaItemSum = new long[m];
        var alphaItemSquares = new long[m];
        var respondents = new int[blocks];
        var mean = new double[blocks];
        var m2 = new double[blocks];
        var complete = new int[blocks];
        var totalSum = new long[blocks];
        var totalSquares = new long[blocks];
        var answered = new int[blocks];
        var sum = new int[blocks];

        for (int i = 0; i < responses.Count; i++)
        {
            var r = responses[i];
            if (r is null || r.Length != m)
                throw new ArgumentException($"Response {i} has {r?.Length ?? 0} answers where the instrument has {m} items.", nameof(responses));
            for (int c = 0; c < m; c++)
            {
                int b = blockOf[c];
                if (b < 0) continue;
                if (r[c] is not { } x)
                {
                    itemDontKnow[c]++;
                    continue;
                }
                if (x < ScaleMin || x > ScaleMax)
                    throw new ArgumentException($"Response {i}, item '{items[c].Id}': {x} is outside {ScaleMin}–{ScaleMax}.", nameof(responses));
                answered[b]++;
                sum[b] += x;
                itemN[c]++;
                itemSum[c] += x;
                itemDistribution[c * ScalePoints + x - ScaleMin]++;
            }
            for (int b = 0; b < blocks; b++)
            {
                int a = answered[b];
                if (CountsForBlock(a, size[b]))
                {
                    double score = (double)sum[b] / a;
                    int n = ++respondents[b];
                    double delta = score - mean[b];
                    mean[b] += delta / n;
                    m2[b] += delta * (score - mean[b]);
                }
                if (a == size[b])
                {
                    complete[b]++;
                    totalSum[b] += sum[b];
                    totalSquares[b] += (long)sum[b] * sum[b];
                    foreach (int c in columns[b])
                    {
                        int x = r[c].GetValueOrDefault();
                        alphaItemSum[c] += x;
                        alphaItemSquares[c] += x * x;
                    }
                }
                answered[b] = 0;
                sum[b] = 0;
            }
        }

        var itemScores = new List<ItemScore>(m);
        for (int c = 0; c < m; c++)
        {
            if (blockOf[c] < 0) continue;
            int n = itemN[c];
            int favourable = Favourable(itemDistribution, c);
            itemScores.Add(new ItemScore(items[c].Id, items[c].Block, n,
                n == 0 ? null : (double)itemSum[c] / n, n == 0 ? null : (double)favourable / n, itemDontKnow[c]));
        }

        var blockScores = new BlockScore[blocks];
        var reliability = new BlockReliability[blocks];
        for (int b = 0; b < blocks; b++)
        {
            var distribution = new int[ScalePoints];
            int dontKnow = 0;
            foreach (int c in columns[b])
            {
                dontKnow += itemDontKnow[c];
                for (int v = 0; v < ScalePoints; v++) distribution[v] += itemDistribution[c * ScalePoints + v];
            }
            int given = 0;
            foreach (int count in distribution) given += count;
            int favourable = Favourable(distribution, 0);
            int n = respondents[b];
            blockScores[b] = new BlockScore(blockNumber[b], n,
                n == 0 ? null : mean[b],
                n < 2 ? null : Math.Sqrt(m2[b] / (n - 1)),
                distribution,
                given == 0 ? null : (double)favourable / given,
                dontKnow);
            reliability[b] = new BlockReliability(blockNumber[b], size[b], complete[b],
                Alpha(columns[b], complete[b], alphaItemSum, alphaItemSquares, totalSum[b], totalSquares[b]));
        }
        return new ScanResult(responses.Count, blockScores, itemScores, reliability);
    }

    private static int Favourable(int[] distribution, int item)
    {
        int f = 0;
        for (int v = FavourableFrom; v <= ScaleMax; v++) f += distribution[item * ScalePoints + v - ScaleMin];
        return f;
    }

    /// <summary>
    /// α from integer moments. With S1, S2 the sum and sum of squares over n respondents, (n − 1)·n·var = n·S2 − S1²;
    /// the common factor cancels in the ratio, so Σ var(item) / var(total) is a ratio of two exact integers.
    /// </summary>
    private static double? Alpha(int[] columns, int n, long[] itemSum, long[] itemSquares, long totalSum, long totalSquares)
    {
        int k = columns.Length;
        if (k < 2 || n < 2) return null;
        Int128 total = (Int128)n * totalSquares - (Int128)totalSum * totalSum;
        if (total == 0) return null;
        Int128 items = 0;
        foreach (int c in columns) items += (Int128)n * itemSquares[c] - (Int128)itemSum[c] * itemSum[c];
        return (double)k / (k - 1) * (1 - (double)items / (double)total);
    }
}
