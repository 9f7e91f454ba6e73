using System.Runtime.CompilerServices;

namespace Klimrek.Features.Esco;

/// <summary>
/// The ESCO import's writes, in one transaction (<see cref="EscoImporter"/>): bulk loads and set-based SQL over
/// temporary staging tables, on both providers. Into an empty database (every first start) the concepts are copied
/// straight into their tables with ids assigned here; otherwise they are upserted by URI so ids stay stable.
/// </summary>
internal static class EscoWrites
{
    public static async Task<bool> IsEmptyAsync(BulkLoader db, CancellationToken ct) => await ScalarAsync(db, """
        SELECT CASE WHEN EXISTS (SELECT 1 FROM "Occupations") OR EXISTS (SELECT 1 FROM "Skills") OR EXISTS (SELECT 1 FROM "IscoGroups")
        THEN 0 ELSE 1 END
        """, ct) == 1;

    /// <summary>Concepts into empty tables: nothing to match, so no staging, upsert or reading ids back.</summary>
    public static async Task InsertConceptsAsync(BulkLoader db, EscoPack pack, EscoIds ids, OccupationHierarchy? hierarchy, CancellationToken ct)
    {
        var iscoParent = hierarchy?.IscoParent ?? [];
        await db.LoadAsync("IscoGroups", ["Id", "Uri", "Code", "ParentId"], pack.IscoGroups.Values, (w, r) =>
        {
            var id = ids.IscoGroups[r.Uri];
            w.Write(id);
            w.Write(r.Uri);
            w.Write(r.Code);
            w.Write(iscoParent.TryGetValue(id, out var p) ? p : null);
        }, ct);
        // An occupation's group is the first ISCO group with its code (the lowest id, as the upsert's join takes it).
        var groupByCode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var g in pack.IscoGroups.Values) groupByCode.TryAdd(g.Code, ids.IscoGroups[g.Uri]);
        var broader = hierarchy?.OccupationParent ?? [];
        // Its foreign keys (to the ISCO groups, and to itself) are checked once after the copy, not by a trigger per row.
        await db.WithDeferredIndexesAsync("Occupations", () => db.LoadAsync("Occupations",
            ["Id", "Uri", "Code", "IscoCode", "IscoGroupId", "BroaderOccupationId", "ModifiedDate", "Collections"], pack.Occupations.Values, (w, r) =>
            {
                var id = ids.Occupations[r.Uri];
                w.Write(id);
                w.Write(r.Uri);
                w.Write(r.Code);
                w.Write(r.IscoCode);
                w.Write(r.IscoCode is not null && groupByCode.TryGetValue(r.IscoCode, out var g) ? g : null);
                w.Write(broader.TryGetValue(id, out var b) ? b : null);
                w.Write(r.ModifiedDate);
                w.Write((int)pack.Collections.GetValueOrDefault(r.Uri));
            }, ct), ct);
        // Its URI index is built once after the copy instead of an insert per row in random order.
        await db.WithDeferredIndexesAsync("Skills", () => db.LoadAsync("Skills",
            ["Id", "Uri", "ConceptType", "SkillType", "ReuseLevel", "Code", "Collections"], pack.Skills.Values, (w, r) =>
            {
                w.Write(ids.Skills[r.Uri]);
                w.Write(r.Uri);
                w.Write((int)r.ConceptType);
                w.Write(r.SkillType);
                w.Write(r.ReuseLevel);
                w.Write(r.Code);
                w.Write((int)pack.Collections.GetValueOrDefault(r.Uri));
            }, ct), ct);
        await db.SetNextIdsAsync([("IscoGroups", ids.IscoGroups.Count), ("Occupations", ids.Occupations.Count), ("Skills", ids.Skills.Count)], ct);
    }

    /// <summary>Concepts upserted by URI through staging tables, then each occupation's ISCO group by a join.</summary>
    public static async Task UpsertConceptsAsync(BulkLoader db, EscoPack pack, CancellationToken ct)
    {
        var coll = pack.Collections.Count > 0;
        string Coll(string table) => coll ? "excluded.\"Collections\"" : $"\"{table}\".\"Collections\"";
        await StageAsync(db, "stage_iscogroups", "uri text, code text", ct);
        await db.LoadAsync("stage_iscogroups", ["uri", "code"], pack.IscoGroups.Values, (w, r) => { w.Write(r.Uri); w.Write(r.Code); }, ct);
        await db.ExecuteAsync("""
            INSERT INTO "IscoGroups" ("Uri", "Code") SELECT uri, code FROM stage_iscogroups WHERE true
            ON CONFLICT ("Uri") DO UPDATE SET "Code" = excluded."Code"
            """, ct);
        await StageAsync(db, "stage_occupations", "uri text, code text, isco text, modified text, coll integer", ct);
        await db.LoadAsync("stage_occupations", ["uri", "code", "isco", "modified", "coll"], pack.Occupations.Values, (w, r) =>
        {
            w.Write(r.Uri);
            w.Write(r.Code);
            w.Write(r.IscoCode);
            w.Write(r.ModifiedDate);
            w.Write((int)pack.Collections.GetValueOrDefault(r.Uri));
        }, ct);
        await db.ExecuteAsync($"""
            INSERT INTO "Occupations" ("Uri", "Code", "IscoCode", "ModifiedDate", "Collections")
            SELECT uri, code, isco, modified, coll FROM stage_occupations WHERE true
            ON CONFLICT ("Uri") DO UPDATE SET "Code" = excluded."Code", "IscoCode" = excluded."IscoCode",
              "ModifiedDate" = excluded."ModifiedDate", "Collections" = {Coll("Occupations")}
            """, ct);
        await StageAsync(db, "stage_skills", "uri text, ctype integer, stype text, reuse text, code text, coll integer", ct);
        await db.LoadAsync("stage_skills", ["uri", "ctype", "stype", "reuse", "code", "coll"], pack.Skills.Values, (w, r) =>
        {
            w.Write(r.Uri);
            w.Write((int)r.ConceptType);
            w.Write(r.SkillType);
            w.Write(r.ReuseLevel);
            w.Write(r.Code);
            w.Write((int)pack.Collections.GetValueOrDefault(r.Uri));
        }, ct);
        await db.ExecuteAsync($"""
            INSERT INTO "Skills" ("Uri", "ConceptType", "SkillType", "ReuseLevel", "Code", "Collections")
            SELECT uri, ctype, stype, reuse, code, coll FROM stage_skills WHERE true
            ON CONFLICT ("Uri") DO UPDATE SET "ConceptType" = excluded."ConceptType", "SkillType" = excluded."SkillType",
              "ReuseLevel" = excluded."ReuseLevel", "Code" = excluded."Code", "Collections" = {Coll("Skills")}
            """, ct);
        // A join, not a subquery per occupation, and only rows whose group changes are written (ids are positive).
        await db.ExecuteAsync("""
            UPDATE "Occupations" SET "IscoGroupId" = s.gid
            FROM (SELECT o."Id" AS id, g.gid FROM "Occupations" o
                  LEFT JOIN (SELECT "Code", MIN("Id") AS gid FROM "IscoGroups" GROUP BY "Code") g ON g."Code" = o."IscoCode") AS s
            WHERE "Occupations"."Id" = s.id AND COALESCE("Occupations"."IscoGroupId", -1) <> COALESCE(s.gid, -1)
            """, ct);
    }

    /// <summary>Texts, replaced per concept and language (into an empty database: copied).</summary>
    public static async Task ReplaceTextsAsync(BulkLoader db, EscoPack pack, EscoIds ids, bool fresh, CancellationToken ct)
    {
        if (!fresh) await StageAsync(db, "stage_ids", "id integer primary key", ct);
        await ReplaceTextsAsync(db, "OccupationTexts", "OccupationId", pack.OccupationTexts, ids.Occupations, fresh, ct);
        await ReplaceTextsAsync(db, "SkillTexts", "SkillId", pack.SkillTexts, ids.Skills, fresh, ct);
        await ReplaceTextsAsync(db, "IscoGroupTexts", "IscoGroupId", pack.IscoTexts, ids.IscoGroups, fresh, ct);
    }

    private static Task ReplaceTextsAsync(BulkLoader db, string table, string fk, Dictionary<(string Uri, string Lang), TextRow> texts,
        Dictionary<string, int> ids, bool fresh, CancellationToken ct) =>
        // One set-aside of the table's indexes for all languages: each rebuild sorts the whole table.
        db.WithDeferredIndexesAsync(table, async () =>
        {
            foreach (var group in texts.GroupBy(t => t.Key.Lang))
            {
                var rows = new List<(int Id, TextRow Text)>();
                foreach (var ((uri, _), text) in group)
                    if (ids.TryGetValue(uri, out var id)) rows.Add((id, text));
                var lang = group.Key;
                if (!fresh)
                {
                    await db.ExecuteAsync("DELETE FROM stage_ids", ct);
                    await db.LoadAsync("stage_ids", ["id"], rows.Select(r => r.Id).Distinct(), (w, id) => w.Write(id), ct);
                    // The language code comes from a file name matched by [a-z]{2,3}(-[a-z]{2,4})?: safe to inline.
                    await db.ExecuteAsync($"""DELETE FROM "{table}" WHERE "Language" = '{lang}' AND "{fk}" IN (SELECT id FROM stage_ids)""", ct);
                }
                await db.LoadAsync(table, [fk, "Language", "PreferredLabel", "AltLabels", "HiddenLabels", "Description"], rows, (w, r) =>
                {
                    w.Write(r.Id);
                    w.Write(lang);
                    w.Write(r.Text.PreferredLabel);
                    w.Write(r.Text.AltLabels);
                    w.Write(r.Text.HiddenLabels);
                    w.Write(r.Text.Description);
                }, ct);
            }
        }, ct);

    /// <summary>A re-import's occupation and ISCO hierarchy: only rows whose parent changes are written.</summary>
    public static async Task ApplyOccupationHierarchyAsync(BulkLoader db, OccupationHierarchy hierarchy, CancellationToken ct)
    {
        await StageAsync(db, "stage_upd", "id integer primary key, v integer", ct);
        await ApplyUpdateAsync(db, "Occupations", "BroaderOccupationId", hierarchy.OccupationParent, ct);
        await ApplyUpdateAsync(db, "IscoGroups", "ParentId", hierarchy.IscoParent, ct);
    }

    private static async Task ApplyUpdateAsync(BulkLoader db, string table, string column, Dictionary<int, int> values, CancellationToken ct)
    {
        await db.ExecuteAsync("DELETE FROM stage_upd", ct);
        await db.LoadAsync("stage_upd", ["id", "v"], values, (w, kv) => { w.Write(kv.Key); w.Write(kv.Value); }, ct);
        await db.ExecuteAsync($"""
            UPDATE "{table}" SET "{column}" = s.v
            FROM (SELECT t."Id" AS id, u.v FROM "{table}" t LEFT JOIN stage_upd u ON u.id = t."Id") AS s
            WHERE "{table}"."Id" = s.id AND COALESCE("{table}"."{column}", -1) <> COALESCE(s.v, -1)
            """, ct);
    }

    /// <summary>The skill hierarchy, replaced whole when the pack has it; returns the unknown URIs with their counts.</summary>
    public static async Task<Dictionary<string, int>?> WriteSkillHierarchyAsync(BulkLoader db, EscoPack pack, EscoIds ids, CancellationToken ct)
    {
        if (pack.SkillBroader is not { } skillBroader) return null;
        var unknown = new Dictionary<string, int>(StringComparer.Ordinal);
        var pairs = PairSet.Resolve(skillBroader.Select(r => (r.Child, r.Parent, false)), skillBroader.Count, ids.Skills, ids.Skills, unknown, unknown, skipSelf: true);
        await db.ExecuteAsync("""DELETE FROM "SkillBroaders" """, ct);
        await db.WithDeferredIndexesAsync("SkillBroaders", () => db.LoadAsync("SkillBroaders", ["SkillId", "BroaderSkillId"],
            pairs.InKeyOrder(), (w, r) => { w.Write(r.A); w.Write(r.B); }, ct), ct);
        return unknown;
    }

    /// <summary>Occupation–skill relations, replaced whole when the pack has them; duplicates merged (essential wins).</summary>
    public static async Task<(int Rows, int Duplicates, Dictionary<string, int> UnknownOccupations, Dictionary<string, int> UnknownSkills)>
        WriteOccupationSkillsAsync(BulkLoader db, List<(string Occupation, string Skill, bool Essential)> relations, EscoIds ids, CancellationToken ct)
    {
        var unknownOcc = new Dictionary<string, int>(StringComparer.Ordinal);
        var unknownSkill = new Dictionary<string, int>(StringComparer.Ordinal);
        var pairs = PairSet.Resolve(relations, relations.Count, ids.Occupations, ids.Skills, unknownOcc, unknownSkill, skipSelf: false);
        var rows = pairs.InKeyOrder();
        await db.ExecuteAsync("""DELETE FROM "OccupationSkills" """, ct);
        // In primary-key order: B-tree appends instead of random inserts.
        await db.WithDeferredIndexesAsync("OccupationSkills", () => db.LoadAsync("OccupationSkills", ["OccupationId", "SkillId", "IsEssential"],
            rows, (w, r) => { w.Write(r.A); w.Write(r.B); w.Write(r.Flag); }, ct), ct);
        return (rows.Count, pairs.Count - rows.Count, unknownOcc, unknownSkill);
    }

    /// <summary>Skill–skill relations, replaced whole; returns the unknown URIs with their counts.</summary>
    public static async Task<Dictionary<string, int>> WriteSkillSkillsAsync(BulkLoader db, List<(string Skill, string Related, bool Essential)> relations,
        EscoIds ids, CancellationToken ct)
    {
        var unknown = new Dictionary<string, int>(StringComparer.Ordinal);
        var pairs = PairSet.Resolve(relations, relations.Count, ids.Skills, ids.Skills, unknown, unknown, skipSelf: true);
        await db.ExecuteAsync("""DELETE FROM "SkillRelations" """, ct);
        await db.WithDeferredIndexesAsync("SkillRelations", () => db.LoadAsync("SkillRelations", ["SkillId", "RelatedSkillId", "IsEssential"],
            pairs.InKeyOrder(), (w, r) => { w.Write(r.A); w.Write(r.B); w.Write(r.Flag); }, ct), ct);
        return unknown;
    }

    /// <summary>Drops the staging tables a re-import made (an import into an empty database makes none).</summary>
    public static async Task DropStagingAsync(BulkLoader db, CancellationToken ct)
    {
        foreach (var t in new[] { "stage_iscogroups", "stage_occupations", "stage_skills", "stage_ids", "stage_upd" })
            await db.ExecuteAsync($"DROP TABLE IF EXISTS {t}", ct);
    }

    private static async Task StageAsync(BulkLoader db, string name, string columns, CancellationToken ct)
    {
        await db.ExecuteAsync($"DROP TABLE IF EXISTS {name}", ct);
        await db.ExecuteAsync($"CREATE TEMP TABLE {name} ({columns})", ct);
    }

    public static async Task<int> ScalarAsync(BulkLoader db, string sql, CancellationToken ct)
    {
        var map = await db.ReadMapAsync($"SELECT 'n', CAST(({sql}) AS integer)", ct);
        return map["n"];
    }
}

/// <summary>
/// Id pairs with a flag, collected as 64-bit keys and sorted once (far cheaper than a dictionary and a two-key sort);
/// a pair added twice is kept once, its flag the OR of both (an essential relation wins).
/// </summary>
internal sealed class PairSet(int capacity)
{
    private readonly List<long> _keys = new(capacity);
    private readonly List<bool> _flags = new(capacity);

    /// <summary>
    /// The pairs of ids of the rows' URIs (A in <paramref name="aIds"/>, B in <paramref name="bIds"/>); a URI without an
    /// id is counted in its unknown map and its row skipped (A checked first), and so is a pair of one id with itself
    /// when <paramref name="skipSelf"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static PairSet Resolve(IEnumerable<(string A, string B, bool Flag)> rows, int count, Dictionary<string, int> aIds, Dictionary<string, int> bIds,
        Dictionary<string, int> unknownA, Dictionary<string, int> unknownB, bool skipSelf)
    {
        var pairs = new PairSet(count);
        foreach (var (a, b, flag) in rows)
        {
            if (!aIds.TryGetValue(a, out var x)) { OccupationHierarchy.Count(unknownA, a); continue; }
            if (!bIds.TryGetValue(b, out var y)) { OccupationHierarchy.Count(unknownB, b); continue; }
            if (!skipSelf || x != y) pairs.Add(x, y, flag);
        }
        return pairs;
    }

    /// <summary>The pairs added, duplicates included.</summary>
    public int Count => _keys.Count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(int a, int b, bool flag)
    {
        _keys.Add(((long)a << 32) | (uint)b);
        _flags.Add(flag);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<(int A, int B, bool Flag)> InKeyOrder()
    {
        var keys = _keys.ToArray();
        var flags = _flags.ToArray();
        Array.Sort(keys, flags);
        var rows = new List<(int, int, bool)>(keys.Length);
        for (int i = 0; i < keys.Length; i++)
        {
            if (rows.Count > 0 && keys[i] == keys[i - 1])
            {
                var last = rows[^1];
                rows[^1] = last with { Item3 = last.Item3 || flags[i] };
            }
            else rows.Add(((int)(keys[i] >> 32), (int)keys[i], flags[i]));
        }
        return rows;
    }
}
