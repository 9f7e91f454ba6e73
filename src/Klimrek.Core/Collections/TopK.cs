namespace Klimrek.Core.Collections;

/// <summary>
/// The first <c>k</c> items of a sequence in a comparison's order, without sorting the rest: a bounded, sorted buffer
/// that an item enters only when it beats the buffer's last. O(n log k) comparisons in the worst case and close to
/// n for the long tail of a ranking; stable for equal items (the earlier one first), as a stable sort would be.
/// </summary>
public static class TopK
{
    public static List<T> Select<T>(IEnumerable<T> items, int k, Comparison<T> comparison)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var top = new List<T>(Math.Min(k, 64));
        if (k == 0) return top;
        foreach (var item in items)
        {
            if (top.Count == k && comparison(item, top[^1]) >= 0) continue;
            // The first position whose item is worse than this one: later equal items stay behind earlier ones.
            int lo = 0, hi = top.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (comparison(item, top[mid]) < 0) hi = mid; else lo = mid + 1;
            }
            if (top.Count == k) top.RemoveAt(k - 1);
            top.Insert(lo, item);
        }
        return top;
    }
}
