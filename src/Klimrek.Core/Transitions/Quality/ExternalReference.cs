using System.Security.Cryptography;
using System.Text;

namespace Klimrek.Core.Transitions.Quality;

/// <summary>
/// An external reference of which occupations are close: O*NET's "related occupations" carried over to ESCO through
/// the published ESCO → O*NET-SOC crosswalk (bench/transitions/onet-29.1/README.md). For an ESCO occupation, its
/// reference neighbours are the other ESCO occupations crosswalked to an O*NET occupation that O*NET relates (in the
/// chosen tiers) to one of its own O*NET occupations. It measures the transition ranking; it is never an input of it —
/// nothing under src/Klimrek reads it (a test checks that).
/// </summary>
public sealed class ExternalReference
{
    /// <summary>Reference neighbours by ESCO occupation code (only occupations that have at least one).</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Neighbours { get; }
    /// <summary>The O*NET occupations each ESCO code is crosswalked to.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> OnetOf { get; }
    /// <summary>The related O*NET occupations (chosen tiers, its own ones left out) of each ESCO code that has any.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> RelatedOnet { get; }

    private ExternalReference(Dictionary<string, IReadOnlySet<string>> neighbours, Dictionary<string, IReadOnlySet<string>> onetOf,
        Dictionary<string, IReadOnlySet<string>> relatedOnet)
    {
        Neighbours = neighbours;
        OnetOf = onetOf;
        RelatedOnet = relatedOnet;
    }

    /// <summary>
    /// Joins the crosswalk (ESCO code, O*NET code) with O*NET's related occupations (O*NET code, related code, tier),
    /// keeping the tiers in <paramref name="tiers"/> (e.g. "Primary-Short").
    /// </summary>
    public static ExternalReference Build(IEnumerable<(string EscoCode, string OnetCode)> crosswalk,
        IEnumerable<(string Onet, string Related, string Tier)> related, IReadOnlySet<string> tiers)
    {
        var onetOf = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var escoOf = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (esco, onet) in crosswalk)
        {
            Add(onetOf, esco, onet);
            Add(escoOf, onet, esco);
        }
        var relatedOf = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (onet, other, tier) in related)
            if (tiers.Contains(tier)) Add(relatedOf, onet, other);

        var neighbours = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var relatedOnet = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var (esco, own) in onetOf)
        {
            var codes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var onet in own)
                if (relatedOf.TryGetValue(onet, out var r)) codes.UnionWith(r);
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var code in codes)
                if (escoOf.TryGetValue(code, out var e)) set.UnionWith(e);
            set.Remove(esco);
            if (set.Count > 0) neighbours[esco] = set;
            codes.ExceptWith(own);
            if (codes.Count > 0) relatedOnet[esco] = codes;
        }
        return new ExternalReference(neighbours, onetOf.ToDictionary(x => x.Key, x => (IReadOnlySet<string>)x.Value, StringComparer.Ordinal), relatedOnet);
    }

    private static void Add(Dictionary<string, HashSet<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var set)) map[key] = set = new HashSet<string>(StringComparer.Ordinal);
        set.Add(value);
    }

    /// <summary>
    /// The fixed split of origins: an occupation belongs to the held-out half when the first byte of the SHA-256 of its
    /// URI is odd, to the tuning half when it is even. Fixed forever, independent of the data's order.
    /// </summary>
    public static bool IsHeldOut(string uri) => (SHA256.HashData(Encoding.UTF8.GetBytes(uri))[0] & 1) == 1;
}

/// <summary>How well ranked lists hold the reference, averaged over origins (macro average).</summary>
/// <param name="Recall">Hits / min(k, reference size): the share of what a list of k could hold.</param>
/// <param name="FullRecall">Hits / reference size.</param>
/// <param name="Precision">Hits / k.</param>
/// <param name="OnetRecall">Share of the origin's related O*NET occupations that some listed occupation is crosswalked to.</param>
public sealed record QualityFigures(int K, int Origins, double Recall, double FullRecall, double Precision, double OnetRecall);

/// <summary>Recall and precision at k of ranked lists against an <see cref="ExternalReference"/>.</summary>
public static class QualityMeasure
{
    /// <summary>
    /// Measures the lists of <paramref name="origins"/> (ESCO codes with a reference; others are skipped): each list is
    /// the ranked ESCO codes suggested from that origin, best first (only its first k count).
    /// </summary>
    public static QualityFigures At(int k, ExternalReference reference, IEnumerable<string> origins,
        Func<string, IReadOnlyList<string>> ranked)
    {
        double recall = 0, full = 0, precision = 0, onet = 0;
        int count = 0, onetCount = 0;
        foreach (var origin in origins)
        {
            if (!reference.Neighbours.TryGetValue(origin, out var truth)) continue;
            var list = ranked(origin).Take(k).ToList();
            var hits = list.Count(truth.Contains);
            recall += (double)hits / Math.Min(k, truth.Count);
            full += (double)hits / truth.Count;
            precision += (double)hits / k;
            count++;
            if (reference.RelatedOnet.TryGetValue(origin, out var related))
            {
                var reached = new HashSet<string>(StringComparer.Ordinal);
                foreach (var code in list)
                    if (reference.OnetOf.TryGetValue(code, out var o)) reached.UnionWith(o);
                onet += (double)related.Count(reached.Contains) / related.Count;
                onetCount++;
            }
        }
        return count == 0
            ? new QualityFigures(k, 0, 0, 0, 0, 0)
            : new QualityFigures(k, count, recall / count, full / count, precision / count, onetCount == 0 ? 0 : onet / onetCount);
    }
}
