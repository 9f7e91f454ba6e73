using System.Runtime.CompilerServices;

namespace Klimrek.Features.Esco;

/// <summary>The database ids of the pack's concepts by URI: assigned here for an empty database, or read back after an upsert.</summary>
internal sealed record EscoIds(Dictionary<string, int> Occupations, Dictionary<string, int> Skills, Dictionary<string, int> IscoGroups)
{
    /// <summary>Ids 1, 2, … in the pack's order: the tables are empty, so nothing can be matched or taken.</summary>
    public static EscoIds Assign(EscoPack pack) =>
        new(Number(pack.Occupations.Keys), Number(pack.Skills.Keys), Number(pack.IscoGroups.Keys));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Dictionary<string, int> Number(IEnumerable<string> uris)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var uri in uris) ids.Add(uri, ids.Count + 1);
        return ids;
    }

    public static async Task<EscoIds> ReadAsync(BulkLoader db, CancellationToken ct) => new(
        await db.ReadMapAsync("""SELECT "Uri", "Id" FROM "Occupations" """, ct),
        await db.ReadMapAsync("""SELECT "Uri", "Id" FROM "Skills" """, ct),
        await db.ReadMapAsync("""SELECT "Uri", "Id" FROM "IscoGroups" """, ct));
}

/// <summary>
/// The occupation pillar's hierarchy resolved to ids: each occupation's broader occupation and each ISCO group's
/// parent; URIs that are neither are counted for the import's notes.
/// </summary>
internal sealed record OccupationHierarchy(Dictionary<int, int> OccupationParent, Dictionary<int, int> IscoParent, Dictionary<string, int> Unknown)
{
    /// <summary>Null when the pack has no broaderRelationsOccPillar file (the hierarchy is then left as it is).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static OccupationHierarchy? Of(EscoPack pack, EscoIds ids)
    {
        if (pack.OccupationBroader is not { } broader) return null;
        var h = new OccupationHierarchy([], [], new Dictionary<string, int>(StringComparer.Ordinal));
        foreach (var (child, parent) in broader)
        {
            if (ids.Occupations.TryGetValue(child, out var c))
            {
                if (ids.Occupations.TryGetValue(parent, out var p)) h.OccupationParent[c] = p;
                else if (!ids.IscoGroups.ContainsKey(parent)) Count(h.Unknown, parent);
            }
            else if (ids.IscoGroups.TryGetValue(child, out var ci))
            {
                if (ids.IscoGroups.TryGetValue(parent, out var pi)) h.IscoParent[ci] = pi;
                else Count(h.Unknown, parent);
            }
            else Count(h.Unknown, child);
        }
        return h;
    }

    public static void Count(Dictionary<string, int> d, string key) => d[key] = d.GetValueOrDefault(key) + 1;
}
