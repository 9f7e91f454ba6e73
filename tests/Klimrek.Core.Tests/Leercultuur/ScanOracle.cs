using Klimrek.Core.Leercultuur;

namespace Klimrek.Core.Tests.Leercultuur;

/// <summary>
/// Straightforward reference implementations of the scan statistics: lists, LINQ and two-pass variances, written from
/// the definitions rather than from the optimised code.
/// </summary>
internal static class ScanOracle
{
    public sealed record Block(int Number, int Respondents, double? Mean, double? StdDev, int[] Distribution, double? Favourable, int DontKnow,
        int AlphaN, double? Alpha);

    public static List<Block> Blocks(IReadOnlyList<ScanItem> items, IReadOnlyList<int?[]> responses, Func<int, bool>? include = null)
    {
        var result = new List<Block>();
        var columns = Enumerable.Range(0, items.Count).Where(c => include?.Invoke(c) ?? true).ToList();
        foreach (var number in columns.Select(c => items[c].Block).Distinct().Order())
        {
            var cols = columns.Where(c => items[c].Block == number).ToList();
            var scores = new List<double>();
            foreach (var r in responses)
            {
                var answers = cols.Where(c => r[c] is not null).Select(c => (double)r[c]!.Value).ToList();
                if (answers.Count > 0 && answers.Count >= cols.Count / 2.0) scores.Add(answers.Average());
            }
            var all = responses.SelectMany(r => cols.Select(c => r[c])).ToList();
            var given = all.Where(v => v is not null).Select(v => v!.Value).ToList();
            var distribution = Enumerable.Range(1, 5).Select(v => given.Count(g => g == v)).ToArray();
            var complete = responses.Where(r => cols.All(c => r[c] is not null)).ToList();
            result.Add(new Block(number, scores.Count,
                scores.Count == 0 ? null : scores.Average(),
                scores.Count < 2 ? null : SampleStdDev(scores),
                distribution,
                given.Count == 0 ? null : (double)given.Count(g => g >= 4) / given.Count,
                all.Count(v => v is null),
                complete.Count,
                Alpha(cols.Select(c => complete.Select(r => (double)r[c]!.Value).ToList()).ToList())));
        }
        return result;
    }

    /// <summary>α from the textbook formula; <paramref name="itemColumns"/>[i][r] is respondent r's answer to item i.</summary>
    public static double? Alpha(List<List<double>> itemColumns)
    {
        int k = itemColumns.Count;
        if (k < 2) return null;
        int n = itemColumns[0].Count;
        if (n < 2) return null;
        var totals = Enumerable.Range(0, n).Select(r => itemColumns.Sum(col => col[r])).ToList();
        double totalVariance = SampleVariance(totals);
        if (totalVariance == 0) return null;
        double itemVariances = itemColumns.Sum(SampleVariance);
        return k / (k - 1.0) * (1 - itemVariances / totalVariance);
    }

    public static List<ItemScore> Items(IReadOnlyList<ScanItem> items, IReadOnlyList<int?[]> responses) =>
        items.Select((item, c) =>
        {
            var given = responses.Where(r => r[c] is not null).Select(r => r[c]!.Value).ToList();
            return new ItemScore(item.Id, item.Block, given.Count,
                given.Count == 0 ? null : given.Average(),
                given.Count == 0 ? null : (double)given.Count(g => g >= 4) / given.Count,
                responses.Count(r => r[c] is null));
        }).ToList();

    public static double SampleVariance(List<double> xs)
    {
        double mean = xs.Average();
        return xs.Sum(x => (x - mean) * (x - mean)) / (xs.Count - 1);
    }

    public static double SampleStdDev(List<double> xs) => Math.Sqrt(SampleVariance(xs));

    /// <summary>Random answers: each item is "don't know" with probability <paramref name="dontKnow"/>, else 1–5 around a per-respondent tendency.</summary>
    public static List<int?[]> RandomResponses(Random rnd, int count, int items, double dontKnow)
    {
        var list = new List<int?[]>(count);
        for (int i = 0; i < count; i++)
        {
            var r = new int?[items];
            int tendency = rnd.Next(1, 6);
            for (int c = 0; c < items; c++)
                r[c] = rnd.NextDouble() < dontKnow ? null : Math.Clamp(tendency + rnd.Next(-1, 2), 1, 5);
            list.Add(r);
        }
        return list;
    }

    public static void Near(double? expected, double? actual, double tolerance = 1e-9)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } e) Assert.True(Math.Abs(e - actual!.Value) <= tolerance, $"expected {e:R}, got {actual:R}");
    }
}
