namespace Klimrek.Core.Leercultuur;

/// <summary>The blocks in order of attention and the items that stand out, for the results page and the advice.</summary>
/// <param name="WeakestFirst">Blocks with a mean resting on enough respondents, the weakest first.</param>
/// <param name="Strengths">The highest-scoring items, best first (highest mean, then higher favourable share, then id).</param>
/// <param name="AttentionPoints">The lowest-scoring items, weakest first (lowest mean, then lower favourable share, then
/// id); never also a strength.</param>
public sealed record Highlights(IReadOnlyList<BlockScore> WeakestFirst, IReadOnlyList<ItemScore> Strengths, IReadOnlyList<ItemScore> AttentionPoints);

/// <summary>
/// Strengths and attention points. Deliberately simple and relative: they are the organisation's own best and weakest
/// scores, not a judgement against a norm (the benchmark does that). Blocks are ordered weakest first — lowest mean,
/// then lower favourable share, then block number — because the advice starts with the weakest blocks. Items are
/// ranked the same way. Scores resting on fewer than k people (block respondents, item answers) are left out, so
/// nothing here describes a smaller group than the rest of the results.
/// </summary>
public static class StrengthsAndAttentionPoints
{
    /// <summary>How many items each list holds by default.</summary>
    public const int DefaultCount = 3;

    /// <summary>Blocks with a mean and at least <paramref name="k"/> respondents, weakest first.</summary>
    public static IReadOnlyList<BlockScore> WeakestFirst(IReadOnlyList<BlockScore> blocks, int k = UnitDisclosure.DefaultK)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var list = new List<BlockScore>(blocks.Count);
        foreach (var b in blocks)
            if (b.Mean is not null && b.Respondents >= k) list.Add(b);
        list.Sort(static (a, b) =>
        {
            int c = a.Mean!.Value.CompareTo(b.Mean!.Value);
            if (c == 0) c = (a.FavourableShare ?? 0).CompareTo(b.FavourableShare ?? 0);
            return c != 0 ? c : a.Block.CompareTo(b.Block);
        });
        return list;
    }

    /// <summary>
    /// Orders the blocks and picks up to <paramref name="count"/> strengths and attention points among the items with
    /// at least <paramref name="k"/> answers. When there are fewer than twice <paramref name="count"/> such items the
    /// attention points are filled first and the strengths get the rest, so no item is both.
    /// </summary>
    public static Highlights Pick(IReadOnlyList<BlockScore> blocks, IReadOnlyList<ItemScore> items, int count = DefaultCount, int k = UnitDisclosure.DefaultK)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var ranked = new List<ItemScore>(items.Count);
        foreach (var i in items)
            if (i.Mean is not null && i.N >= k) ranked.Add(i);
        ranked.Sort(static (a, b) =>
        {
            int c = a.Mean!.Value.CompareTo(b.Mean!.Value);
            if (c == 0) c = (a.FavourableShare ?? 0).CompareTo(b.FavourableShare ?? 0);
            return c != 0 ? c : string.CompareOrdinal(a.ItemId, b.ItemId);
        });
        int attention = Math.Min(count, ranked.Count);
        int strengths = Math.Min(count, ranked.Count - attention);
        var weakest = ranked.GetRange(0, attention);
        var rest = ranked.GetRange(attention, ranked.Count - attention);
        rest.Sort(static (a, b) =>
        {
            int c = b.Mean!.Value.CompareTo(a.Mean!.Value);
            if (c == 0) c = (b.FavourableShare ?? 0).CompareTo(a.FavourableShare ?? 0);
            return c != 0 ? c : string.CompareOrdinal(a.ItemId, b.ItemId);
        });
        return new Highlights(WeakestFirst(blocks, k), rest.GetRange(0, strengths), weakest);
    }
}
