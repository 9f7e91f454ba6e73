using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Klimrek.Core.Matching;

/// <summary>
/// A monotone priority queue of (key, value) pairs with non-negative integer keys: every key pushed must be at least
/// the key most recently popped. This holds for the matching solver, whose keys are points in "dual time" that only
/// moves forward. Bucket i (1..64) holds the keys whose highest bit differing from the last popped key is bit i-1;
/// bucket 0 holds keys equal to it. Push is O(1); a pop that finds bucket 0 empty redistributes the lowest non-empty
/// bucket into lower ones, so each entry moves at most 64 times (in practice a few). Entries are never removed early:
/// the solver validates what it pops (lazy deletion).
/// </summary>
internal sealed class RadixHeap
{
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct Entry
    {
        public long Key;
        public int Value;
    }

    private readonly Entry[][] _buckets = new Entry[65][];
    private readonly int[] _sizes = new int[65];
    private long _last;
    private int _count;

    public RadixHeap()
    {
        for (int i = 0; i < _buckets.Length; i++) _buckets[i] = new Entry[16];
    }

    public int Count => _count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(long key, int value)
    {
        int b = key == _last ? 0 : 64 - BitOperations.LeadingZeroCount((ulong)(key ^ _last));
        var bucket = _buckets[b];
        int size = _sizes[b];
        if (size == bucket.Length) bucket = Grow(b);
        bucket[size].Key = key;
        bucket[size].Value = value;
        _sizes[b] = size + 1;
        _count++;
    }

    private Entry[] Grow(int b)
    {
        var bigger = new Entry[_buckets[b].Length * 2];
        Array.Copy(_buckets[b], bigger, _sizes[b]);
        return _buckets[b] = bigger;
    }

    /// <summary>Pops another entry whose key equals the key most recently popped, if any.</summary>
    public bool TryPopSameKey(out int value)
    {
        int s = _sizes[0];
        if (s == 0) { value = 0; return false; }
        _sizes[0] = s - 1;
        value = _buckets[0][s - 1].Value;
        _count--;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryPop(out long key, out int value)
    {
        if (_sizes[0] == 0)
        {
            if (_count == 0) { key = 0; value = 0; return false; }
            int i = 1;
            while (_sizes[i] == 0) i++;
            var bucket = _buckets[i];
            int size = _sizes[i];
            long min = long.MaxValue;
            for (int j = 0; j < size; j++)
                if (bucket[j].Key < min) min = bucket[j].Key;
            _last = min;
            _sizes[i] = 0;
            _count -= size;
            for (int j = 0; j < size; j++) Push(bucket[j].Key, bucket[j].Value); // all land in buckets below i
        }
        int s = --_sizes[0];
        key = _buckets[0][s].Key;
        value = _buckets[0][s].Value;
        _count--;
        return true;
    }
}
