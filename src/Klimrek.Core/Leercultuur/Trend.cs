namespace Klimrek.Core.Leercultuur;

/// <summary>One round of a scan for the trend: its instrument (the layout of the answers) and its responses.</summary>
/// <param name="Items">The round's items, with <see cref="ScanItem.Fingerprint"/> set on every one.</param>
/// <param name="Responses">One value per item in the order of <paramref name="Items"/>: 1–5, or null for "don't know".</param>
public sealed record ScanRound(IReadOnlyList<ScanItem> Items, IReadOnlyList<int?[]> Responses);

/// <summary>Why an item is not part of a block's trend.</summary>
public enum LeftOutReason
{
    /// <summary>The item is in both rounds, but its wording (fingerprint) or its block differs.</summary>
    Changed = 1,

    /// <summary>The item is only in the earlier round's instrument.</summary>
    OnlyEarlier = 2,

    /// <summary>The item is only in the later round's instrument.</summary>
    OnlyLater = 3,
}

/// <summary>An item left out of a block's trend, by its <see cref="ScanItem.Id"/>.</summary>
public sealed record LeftOutItem(string ItemId, LeftOutReason Reason);

/// <summary>
/// One block compared across two rounds on the items the two instruments share unchanged. The means are recomputed
/// on those items only, so they can differ from the rounds' own block means when the instrument changed.
/// </summary>
/// <param name="Block">The building block.</param>
/// <param name="CommonItems">Items of the block present in both rounds with the same fingerprint.</param>
/// <param name="EarlierRespondents">Respondents of the earlier round counting for the block on the common items.</param>
/// <param name="EarlierMean">Their mean block score; null without common items or respondents.</param>
/// <param name="LaterRespondents">As <paramref name="EarlierRespondents"/>, for the later round.</param>
/// <param name="LaterMean">As <paramref name="EarlierMean"/>, for the later round.</param>
/// <param name="Difference">Later mean minus earlier mean, when both exist.</param>
/// <param name="LeftOut">The block's items that do not count, ordered by id.</param>
public sealed record BlockTrend(
    int Block, int CommonItems, int EarlierRespondents, double? EarlierMean, int LaterRespondents, double? LaterMean,
    double? Difference, IReadOnlyList<LeftOutItem> LeftOut);

/// <summary>
/// Compares two rounds of a scan block by block. Instruments are versioned and a beheerder may revise statements; a
/// revised statement measures something else, so only items present in both rounds with the same stable id, the same
/// wording fingerprint and the same block count. Each round's block scores are recomputed on those common items with
/// the same rules as <see cref="ScanStatistics"/> (a respondent counts when they answered at least half of the common
/// items of the block). With identical instruments the trend means are exactly the rounds' block means.
/// </summary>
public static class Trend
{
    /// <summary>The trend per block, ascending by block number, over every block either round has items in.</summary>
    /// <exception cref="ArgumentException">An item without a fingerprint, a duplicate item id, or malformed responses.</exception>
    public static IReadOnlyList<BlockTrend> Compare(ScanRound earlier, ScanRound later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        var earlierById = ById(earlier.Items, nameof(earlier));
        var laterById = ById(later.Items, nameof(later));

        var earlierCommon = new bool[earlier.Items.Count];
        var laterCommon = new bool[later.Items.Count];
        var leftOut = new SortedDictionary<int, SortedSet<(string Id, LeftOutReason Reason)>>();
        var common = new SortedDictionary<int, int>();
        foreach (var (id, e) in earlierById)
        {
            var item = earlier.Items[e];
            if (!laterById.TryGetValue(id, out var l))
            {
                LeaveOut(item.Block, id, LeftOutReason.OnlyEarlier);
                continue;
            }
            var other = later.Items[l];
            if (item.Block == other.Block && string.Equals(item.Fingerprint, other.Fingerprint, StringComparison.Ordinal))
            {
                earlierCommon[e] = laterCommon[l] = true;
                common[item.Block] = common.GetValueOrDefault(item.Block) + 1;
                continue;
            }
            // A changed item is named under its block in each round (twice only if it moved to another block).
            LeaveOut(item.Block, id, LeftOutReason.Changed);
            LeaveOut(other.Block, id, LeftOutReason.Changed);
        }
        foreach (var (id, l) in laterById)
            if (!earlierById.ContainsKey(id)) LeaveOut(later.Items[l].Block, id, LeftOutReason.OnlyLater);

        var before = Means(ScanStatistics.ComputeOn(earlier.Items, earlier.Responses, earlierCommon));
        var after = Means(ScanStatistics.ComputeOn(later.Items, later.Responses, laterCommon));
        var blocks = new SortedSet<int>(common.Keys);
        blocks.UnionWith(leftOut.Keys);
        var result = new List<BlockTrend>(blocks.Count);
        foreach (int block in blocks)
        {
            var (nBefore, meanBefore) = before.GetValueOrDefault(block);
            var (nAfter, meanAfter) = after.GetValueOrDefault(block);
            var outs = new List<LeftOutItem>();
            if (leftOut.TryGetValue(block, out var set))
                foreach (var (id, reason) in set) outs.Add(new LeftOutItem(id, reason));
            result.Add(new BlockTrend(block, common.GetValueOrDefault(block), nBefore, meanBefore, nAfter, meanAfter,
                meanBefore is { } x && meanAfter is { } y ? y - x : null, outs));
        }
        return result;

        void LeaveOut(int block, string id, LeftOutReason reason)
        {
            if (!leftOut.TryGetValue(block, out var set)) leftOut[block] = set = new SortedSet<(string, LeftOutReason)>(OrdinalById.Instance);
            set.Add((id, reason));
        }
    }

    private static Dictionary<string, int> ById(IReadOnlyList<ScanItem> items, string paramName)
    {
        ArgumentNullException.ThrowIfNull(items, paramName);
        var byId = new Dictionary<string, int>(items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            if (string.IsNullOrEmpty(items[i].Fingerprint))
                throw new ArgumentException($"Item '{items[i].Id}' has no fingerprint; the trend cannot tell whether it changed.", paramName);
            if (!byId.TryAdd(items[i].Id, i)) throw new ArgumentException($"Item '{items[i].Id}' appears twice.", paramName);
        }
        return byId;
    }

    private static Dictionary<int, (int Respondents, double? Mean)> Means(ScanResult result)
    {
        var means = new Dictionary<int, (int, double?)>(result.Blocks.Count);
        foreach (var b in result.Blocks) means[b.Block] = (b.Respondents, b.Mean);
        return means;
    }

    private sealed class OrdinalById : IComparer<(string Id, LeftOutReason Reason)>
    {
        public static readonly OrdinalById Instance = new();

        public int Compare((string Id, LeftOutReason Reason) x, (string Id, LeftOutReason Reason) y)
        {
            int c = string.CompareOrdinal(x.Id, y.Id);
            return c != 0 ? c : x.Reason.CompareTo(y.Reason);
        }
    }
}
