using Klimrek.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using System.Data.Common;
using System.Diagnostics;

namespace Klimrek.Features.Esco;

public sealed record ImportProgress(string Stage, double Fraction);

public sealed record EscoImportResult(
    int ImportId, string Languages, int Occupations, int Skills, int IscoGroups, int OccupationSkillRelations,
    IReadOnlyList<string> Notes, TimeSpan Elapsed);

/// <summary>
/// Imports an ESCO CSV pack in one transaction: everything or nothing. Concepts are upserted by URI (so their ids,
/// which curated content refers to, stay stable and a re-import never duplicates); texts are replaced per concept
/// and language; relation sets present in the pack replace the old ones. Set-based SQL over temporary staging
/// tables keeps it fast on both providers.
/// </summary>
public sealed class EscoImporter(KlimrekDbContext db, EscoCatalogue catalogue, TimeProvider time, ILogger<EscoImporter> logger)
{
    public async Task<EscoImportResult> ImportAsync(string folder, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var started = time.GetUtcNow().UtcDateTime;
        progress?.Report(new ImportProgress("Bestanden lezen", 0));
        // The concept files are read (and validated) first; the relation files go on being read on another thread
        // while the concepts are written, and are awaited (and validated) before the relations are written.
        var reading = EscoPackReader.Begin(folder, new Progress<string>(f => logger.LogDebug("Reading {File} at {Ms} ms", f, clock.ElapsedMilliseconds)));
        progress?.Report(new ImportProgress("Bestanden gelezen", 0.35));
        var parsed = clock.Elapsed;

        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            var result = await strategy.ExecuteAsync(async () =>
            {
                await db.Database.OpenConnectionAsync(ct);
                try
                {
                    await using var tx = await db.Database.BeginTransactionAsync(ct);
                    var loader = BulkLoader.For(db.Database.GetDbConnection(), tx.GetDbTransaction());
                    var (pack, counts) = await WriteAsync(reading, loader, progress, ct);

                    var import = new EscoImport
                    {
                        StartedAt = started,
                        FinishedAt = time.GetUtcNow().UtcDateTime,
                        Source = Truncate(pack.Source, 1000),
                        Languages = string.Join(",", pack.Languages),
                        Occupations = counts.Occupations,
                        Skills = counts.Skills,
                        OccupationSkillRelations = counts.Relations,
                        Report = pack.Notes.Count == 0 ? null : string.Join('\n', pack.Notes),
                    };
                    db.EscoImports.Add(import);
                    await db.SaveChangesAsync(ct);
                    // Announced in the same transaction: every instance sharing the database rebuilds its catalogue.
                    await EscoCatalogue.BumpAsync(db, ct);
                    await tx.CommitAsync(ct);
                    progress?.Report(new ImportProgress("Klaar", 1));
                    logger.LogInformation("ESCO import {Id} from {Source}: {Occ} occupations, {Skills} skills, {Rel} relations in {Ms} ms (concept files read after {Read} ms)",
                        import.Id, pack.Source, counts.Occupations, counts.Skills, counts.Relations, clock.ElapsedMilliseconds, (long)parsed.TotalMilliseconds);
                    return new EscoImportResult(import.Id, import.Languages, counts.Occupations, counts.Skills, counts.Isco, counts.Relations, pack.Notes, clock.Elapsed);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                    await db.Database.CloseConnectionAsync();
                }
            });
            catalogue.Invalidate();
            return result;
        }
        finally
        {
            reading.Abandon(); // a no-op wait when the relations were completed; otherwise no reader thread outlives a failure
        }
    }

    private sealed record Counts(int Occupations, int Skills, int Isco, int Relations);

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and reorder stages).</summary>
    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }

    private async Task<(EscoPack Pack, Counts Counts)> WriteAsync(EscoPackReading reading, BulkLoader db, IProgress<ImportProgress>? outer, CancellationToken ct)
    {
        var pack = reading.Concepts;
        var stageClock = Stopwatch.StartNew();
        var stages = new List<string>();
        var progress = new SyncProgress(p =>
        {
            stages.Add($"{p.Stage} {stageClock.ElapsedMilliseconds} ms");
            stageClock.Restart();
            outer?.Report(p);
        });
        var fresh = await WriteConceptsAsync(db, pack, ct);
        progress?.Report(new ImportProgress("Begrippen bijgewerkt", 0.5));

        var occIds = await db.ReadMapAsync("""SELECT "Uri", "Id" FROM "Occupations" """, ct);
        var skillIds = await db.ReadMapAsync("""SELECT "Uri", "Id" FROM "Skills" """, ct);
        var iscoIds = await db.ReadMapAsync("""SELECT "Uri", "Id" FROM "IscoGroups" """, ct);

        // 2. Texts, replaced per concept and language.
        await Stage(db, "stage_ids", "id integer primary key", ct);
        await ReplaceTexts(db, "OccupationTexts", "OccupationId", pack.OccupationTexts, occIds, fresh, ct);
        await ReplaceTexts(db, "SkillTexts", "SkillId", pack.SkillTexts, skillIds, fresh, ct);
        await ReplaceTexts(db, "IscoGroupTexts", "IscoGroupId", pack.IscoTexts, iscoIds, fresh, ct);
        progress?.Report(new ImportProgress("Teksten bijgewerkt", 0.65));

        // The relation files: read on another thread while the concepts were written; their errors abort here.
        pack = reading.Complete();
        progress?.Report(new ImportProgress("Relatiebestanden gelezen", 0.7));

        await WriteHierarchiesAsync(db, pack, occIds, skillIds, iscoIds, ct);
        progress?.Report(new ImportProgress("Hiërarchie bijgewerkt", 0.75));

        var relations = await WriteRelationsAsync(db, pack, occIds, skillIds, ct);
        progress?.Report(new ImportProgress("Relaties bijgewerkt", 0.95));

        foreach (var t in new[] { "stage_iscogroups", "stage_occupations", "stage_skills", "stage_ids", "stage_upd" })
            await db.ExecuteAsync($"DROP TABLE IF EXISTS {t}", ct);

        logger.LogInformation("ESCO import stages: {Stages}", string.Join(", ", stages));
        return (pack, new Counts(occIds.Count, await Scalar(db, """SELECT COUNT(*) FROM "Skills" WHERE "ConceptType" = 1""", ct), iscoIds.Count, relations));
    }

    /// <summary>1. Concepts, upserted by URI; returns whether the database was empty (then they are copied straight in).</summary>
    private static async Task<bool> WriteConceptsAsync(BulkLoader db, EscoPack pack, CancellationToken ct)
    {
        var hasCollections = pack.Collections.Count > 0;
        string Coll(string table) => hasCollections ? "excluded.\"Collections\"" : $"\"{table}\".\"Collections\"";

        // 1. Concepts, upserted by URI. Into an empty database (every first start) they are copied straight into their
        // tables: there is nothing to match, and the staging copy and the upsert would double the work.
        var fresh = await Scalar(db, """
            SELECT CASE WHEN EXISTS (SELECT 1 FROM "Occupations") OR EXISTS (SELECT 1 FROM "Skills") OR EXISTS (SELECT 1 FROM "IscoGroups")
            THEN 0 ELSE 1 END
            """, ct) == 1;
        async Task Concepts(string table, string[] columns, string stageColumns, IEnumerable<object?[]> rows, string upsert)
        {
            if (fresh)
            {
                await db.LoadAsync(table, columns, rows, ct);
                return;
            }
            var stage = "stage_" + table.ToLowerInvariant();
            await Stage(db, stage, stageColumns, ct);
            await db.LoadAsync(stage, [.. stageColumns.Split(", ").Select(c => c.Split(' ')[0])], rows, ct);
            await db.ExecuteAsync(upsert.Replace("STAGE_TABLE", stage), ct);
        }

        await Concepts("IscoGroups", ["Uri", "Code"], "uri text, code text",
            pack.IscoGroups.Values.Select(r => new object?[] { r.Uri, r.Code }), """
            INSERT INTO "IscoGroups" ("Uri", "Code") SELECT uri, code FROM STAGE_TABLE WHERE true
            ON CONFLICT ("Uri") DO UPDATE SET "Code" = excluded."Code"
            """);
        await Concepts("Occupations", ["Uri", "Code", "IscoCode", "ModifiedDate", "Collections"], "uri text, code text, isco text, modified text, coll integer",
            pack.Occupations.Values.Select(r => new object?[] { r.Uri, r.Code, r.IscoCode, r.ModifiedDate, (int)pack.Collections.GetValueOrDefault(r.Uri) }), $"""
            INSERT INTO "Occupations" ("Uri", "Code", "IscoCode", "ModifiedDate", "Collections")
            SELECT uri, code, isco, modified, coll FROM STAGE_TABLE WHERE true
            ON CONFLICT ("Uri") DO UPDATE SET "Code" = excluded."Code", "IscoCode" = excluded."IscoCode",
              "ModifiedDate" = excluded."ModifiedDate", "Collections" = {Coll("Occupations")}
            """);
        await Concepts("Skills", ["Uri", "ConceptType", "SkillType", "ReuseLevel", "Code", "Collections"], "uri text, ctype integer, stype text, reuse text, code text, coll integer",
            pack.Skills.Values.Select(r => new object?[] { r.Uri, (int)r.ConceptType, r.SkillType, r.ReuseLevel, r.Code, (int)pack.Collections.GetValueOrDefault(r.Uri) }), $"""
            INSERT INTO "Skills" ("Uri", "ConceptType", "SkillType", "ReuseLevel", "Code", "Collections")
            SELECT uri, ctype, stype, reuse, code, coll FROM STAGE_TABLE WHERE true
            ON CONFLICT ("Uri") DO UPDATE SET "ConceptType" = excluded."ConceptType", "SkillType" = excluded."SkillType",
              "ReuseLevel" = excluded."ReuseLevel", "Code" = excluded."Code", "Collections" = {Coll("Skills")}
            """);
        // A join, not a subquery per occupation, and only rows whose group changes are written (ids are positive).
        await db.ExecuteAsync("""
            UPDATE "Occupations" SET "IscoGroupId" = s.gid
            FROM (SELECT o."Id" AS id, g.gid FROM "Occupations" o
                  LEFT JOIN (SELECT "Code", MIN("Id") AS gid FROM "IscoGroups" GROUP BY "Code") g ON g."Code" = o."IscoCode") AS s
            WHERE "Occupations"."Id" = s.id AND COALESCE("Occupations"."IscoGroupId", -1) <> COALESCE(s.gid, -1)
            """, ct);
        return fresh;
    }

    /// <summary>3. The occupation, ISCO and skill hierarchies; unknown concepts are reported, not fatal.</summary>
    private static async Task WriteHierarchiesAsync(BulkLoader db, EscoPack pack, Dictionary<string, int> occIds, Dictionary<string, int> skillIds,
        Dictionary<string, int> iscoIds, CancellationToken ct)
    {
        await Stage(db, "stage_upd", "id integer primary key, v integer", ct);
        if (pack.OccupationBroader is { } occBroader)
        {
            var unknown = new Dictionary<string, int>(StringComparer.Ordinal);
            var occParent = new Dictionary<int, int>();
            var iscoParent = new Dictionary<int, int>();
            foreach (var (child, parent) in occBroader)
            {
                if (occIds.TryGetValue(child, out var c))
                {
                    if (occIds.TryGetValue(parent, out var p)) occParent[c] = p;
                    else if (!iscoIds.ContainsKey(parent)) Count(unknown, parent);
                }
                else if (iscoIds.TryGetValue(child, out var ci))
                {
                    if (iscoIds.TryGetValue(parent, out var pi)) iscoParent[ci] = pi;
                    else Count(unknown, parent);
                }
                else Count(unknown, child);
            }
            await ApplyUpdate(db, "Occupations", "BroaderOccupationId", occParent, ct);
            await ApplyUpdate(db, "IscoGroups", "ParentId", iscoParent, ct);
            Report(pack, "broaderRelationsOccPillar", unknown, "een onbekend begrip");
        }
        if (pack.SkillBroader is { } skillBroader)
        {
            var unknown = new Dictionary<string, int>(StringComparer.Ordinal);
            var rows = new HashSet<(int, int)>();
            foreach (var (child, parent) in skillBroader)
            {
                if (!skillIds.TryGetValue(child, out var c)) { Count(unknown, child); continue; }
                if (!skillIds.TryGetValue(parent, out var p)) { Count(unknown, parent); continue; }
                if (c != p) rows.Add((c, p));
            }
            await db.ExecuteAsync("""DELETE FROM "SkillBroaders" """, ct);
            await db.WithDeferredIndexesAsync("SkillBroaders", () => db.LoadAsync("SkillBroaders", ["SkillId", "BroaderSkillId"],
                rows.Order().Select(r => new object?[] { r.Item1, r.Item2 }), ct), ct);
            Report(pack, "broaderRelationsSkillPillar", unknown, "een onbekende vaardigheid");
        }
    }

    /// <summary>4. Occupation–skill and skill–skill relations, replaced whole; returns the number of occupation–skill relations.</summary>
    private static async Task<int> WriteRelationsAsync(BulkLoader db, EscoPack pack, Dictionary<string, int> occIds, Dictionary<string, int> skillIds,
        CancellationToken ct)
    {
        int relations;
        if (pack.OccupationSkills is { } occSkills)
        {
            var unknownOcc = new Dictionary<string, int>(StringComparer.Ordinal);
            var unknownSkill = new Dictionary<string, int>(StringComparer.Ordinal);
            var rows = new Dictionary<(int, int), bool>();
            int duplicates = 0;
            foreach (var (occ, skill, essential) in occSkills)
            {
                if (!occIds.TryGetValue(occ, out var o)) { Count(unknownOcc, occ); continue; }
                if (!skillIds.TryGetValue(skill, out var s)) { Count(unknownSkill, skill); continue; }
                if (rows.TryGetValue((o, s), out var was)) { duplicates++; rows[(o, s)] = was || essential; }
                else rows[(o, s)] = essential;
            }
            await db.ExecuteAsync("""DELETE FROM "OccupationSkills" """, ct);
            // In primary-key order: B-tree appends instead of random inserts.
            await db.WithDeferredIndexesAsync("OccupationSkills", () => db.LoadAsync("OccupationSkills", ["OccupationId", "SkillId", "IsEssential"],
                InKeyOrder(rows).Select(r => new object?[] { r.Key.Item1, r.Key.Item2, r.Value }), ct), ct);
            Report(pack, "occupationSkillRelations", unknownOcc, "een beroep dat niet in de beroepenlijst staat");
            Report(pack, "occupationSkillRelations", unknownSkill, "een vaardigheid die niet in de vaardighedenlijst staat");
            if (duplicates > 0)
                pack.Notes.Add($"occupationSkillRelations: {duplicates} dubbele relaties samengevoegd (essentieel wint).");
            relations = rows.Count;
        }
        else
        {
            relations = await Scalar(db, """SELECT COUNT(*) FROM "OccupationSkills" """, ct);
        }
        if (pack.SkillSkills is { } skillSkills)
        {
            var unknown = new Dictionary<string, int>(StringComparer.Ordinal);
            var rows = new Dictionary<(int, int), bool>();
            foreach (var (a, b, essential) in skillSkills)
            {
                if (!skillIds.TryGetValue(a, out var x)) { Count(unknown, a); continue; }
                if (!skillIds.TryGetValue(b, out var y)) { Count(unknown, b); continue; }
                if (x != y) rows[(x, y)] = rows.GetValueOrDefault((x, y)) || essential;
            }
            await db.ExecuteAsync("""DELETE FROM "SkillRelations" """, ct);
            await db.WithDeferredIndexesAsync("SkillRelations", () => db.LoadAsync("SkillRelations", ["SkillId", "RelatedSkillId", "IsEssential"],
                InKeyOrder(rows).Select(r => new object?[] { r.Key.Item1, r.Key.Item2, r.Value }), ct), ct);
            Report(pack, "skillSkillRelations", unknown, "een onbekende vaardigheid");
        }
        return relations;
    }

    private static async Task Stage(BulkLoader db, string name, string columns, CancellationToken ct)
    {
        await db.ExecuteAsync($"DROP TABLE IF EXISTS {name}", ct);
        await db.ExecuteAsync($"CREATE TEMP TABLE {name} ({columns})", ct);
    }

    private static Task ReplaceTexts(BulkLoader db, string table, string fk, Dictionary<(string Uri, string Lang), TextRow> texts,
        Dictionary<string, int> ids, bool fresh, CancellationToken ct) =>
        // One set-aside of the table's indexes for all languages: each rebuild sorts the whole table.
        db.WithDeferredIndexesAsync(table, async () =>
        {
            foreach (var group in texts.GroupBy(t => t.Key.Lang))
            {
                var rows = group.Where(t => ids.ContainsKey(t.Key.Uri)).Select(t => (Id: ids[t.Key.Uri], t.Value)).ToList();
                if (!fresh)
                {
                    await db.ExecuteAsync("DELETE FROM stage_ids", ct);
                    await db.LoadAsync("stage_ids", ["id"], rows.Select(r => new object?[] { r.Id }).Distinct(), ct);
                    // The language code comes from a file name matched by [a-z]{2,3}(-[a-z]{2,4})?: safe to inline.
                    await db.ExecuteAsync($"""DELETE FROM "{table}" WHERE "Language" = '{group.Key}' AND "{fk}" IN (SELECT id FROM stage_ids)""", ct);
                }
                await db.LoadAsync(table, [fk, "Language", "PreferredLabel", "AltLabels", "HiddenLabels", "Description"],
                    rows.Select(r => new object?[] { r.Id, group.Key, r.Value.PreferredLabel, r.Value.AltLabels, r.Value.HiddenLabels, r.Value.Description }), ct);
            }
        }, ct);

    private static async Task ApplyUpdate(BulkLoader db, string table, string column, Dictionary<int, int> values, CancellationToken ct)
    {
        await db.ExecuteAsync("DELETE FROM stage_upd", ct);
        await db.LoadAsync("stage_upd", ["id", "v"], values.Select(kv => new object?[] { kv.Key, kv.Value }), ct);
        await db.ExecuteAsync($"""
            UPDATE "{table}" SET "{column}" = s.v
            FROM (SELECT t."Id" AS id, u.v FROM "{table}" t LEFT JOIN stage_upd u ON u.id = t."Id") AS s
            WHERE "{table}"."Id" = s.id AND COALESCE("{table}"."{column}", -1) <> COALESCE(s.v, -1)
            """, ct);
    }

    /// <summary>The pairs in (first, second) order, sorted as 64-bit keys: far cheaper than a two-key LINQ sort.</summary>
    private static IEnumerable<KeyValuePair<(int, int), bool>> InKeyOrder(Dictionary<(int, int), bool> rows)
    {
        var keys = new long[rows.Count];
        int n = 0;
        foreach (var (a, b) in rows.Keys) keys[n++] = ((long)a << 32) | (uint)b;
        Array.Sort(keys);
        foreach (var k in keys)
        {
            var key = ((int)(k >> 32), (int)k);
            yield return new(key, rows[key]);
        }
    }

    private static async Task<int> Scalar(BulkLoader db, string sql, CancellationToken ct)
    {
        var map = await db.ReadMapAsync($"SELECT 'n', CAST(({sql}) AS integer)", ct);
        return map["n"];
    }

    private static void Count(Dictionary<string, int> d, string key) => d[key] = d.GetValueOrDefault(key) + 1;

    private static void Report(EscoPack pack, string file, Dictionary<string, int> unknown, string what)
    {
        foreach (var (uri, n) in unknown.OrderByDescending(kv => kv.Value).Take(10))
            pack.Notes.Add($"{file}: {n} {(n == 1 ? "rij verwijst" : "rijen verwijzen")} naar {what} ({uri}); overgeslagen.");
        if (unknown.Count > 10)
            pack.Notes.Add($"{file}: nog {unknown.Count - 10} andere onbekende begrippen; overgeslagen.");
    }

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..n];
}
