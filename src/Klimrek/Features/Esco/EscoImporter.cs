using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using System.Diagnostics;

namespace Klimrek.Features.Esco;

public sealed record ImportProgress(string Stage, double Fraction);

public sealed record EscoImportResult(
    int ImportId, string Languages, int Occupations, int Skills, int IscoGroups, int OccupationSkillRelations,
    IReadOnlyList<string> Notes, TimeSpan Elapsed);

/// <summary>
/// Imports an ESCO CSV pack in one transaction: everything or nothing. Concepts are upserted by URI (so their ids,
/// which curated content refers to, stay stable and a re-import never duplicates); texts are replaced per concept
/// and language; relation sets present in the pack replace the old ones. The writes themselves: <see cref="EscoWrites"/>.
/// </summary>
public sealed class EscoImporter(KlimrekDbContext db, EscoCatalogue catalogue, TimeProvider time, IConfiguration configuration, ILogger<EscoImporter> logger)
{
    public async Task<EscoImportResult> ImportAsync(string folder, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var started = time.GetUtcNow().UtcDateTime;
        var stages = new Stages(progress);
        progress?.Report(new ImportProgress("Bestanden lezen", 0));
        // The concept files are read (and validated) on other threads while the connection opens; the relation files
        // go on being read while the concepts are written, and are awaited (and validated) before the relations are written.
        var reading = Task.Run(() => EscoPackReader.Begin(folder, new Progress<string>(f => logger.LogDebug("Reading {File} at {Ms} ms", f, clock.ElapsedMilliseconds))));
        var parsed = TimeSpan.Zero;
        // Our own Dutch skill labels (data/klimrek-nl) travel with every import: read beside the pack, written after its texts.
        var unofficialFile = ShippedData.UnofficialSkillLabelsFile(configuration);
        var unofficial = Task.Run(() => File.Exists(unofficialFile) ? UnofficialSkillLabels.Read(unofficialFile) : null);

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
                    await loader.PrepareAsync(ct);
                    var concepts = await reading;
                    parsed = clock.Elapsed;
                    stages.Report("Bestanden gelezen", 0.35);
                    var (pack, counts) = await WriteAsync(concepts, await unofficial, loader, stages, ct);

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
                    // Plain SQL on the loader's connection: the first SaveChanges of a process costs more than the row.
                    import.Id = await loader.ScalarAsync("""
                        INSERT INTO "EscoImports" ("StartedAt", "FinishedAt", "Source", "Languages", "Occupations", "Skills", "OccupationSkillRelations", "Report")
                        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7) RETURNING "Id"
                        """, [import.StartedAt, import.FinishedAt, import.Source, import.Languages, import.Occupations, import.Skills,
                              import.OccupationSkillRelations, import.Report], ct);
                    // Announced in the same transaction: every instance sharing the database rebuilds its catalogue.
                    await loader.ExecuteAsync(EscoCatalogue.BumpSql, ct);
                    await tx.CommitAsync(ct);
                    stages.Report("Klaar", 1);
                    logger.LogInformation("ESCO import stages: {Stages}", stages);
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
            // A no-op wait when the relations were completed; otherwise no reader thread outlives a failure.
            try { (await reading).Abandon(); }
            catch (EscoImportException) { } // thrown above already, or after the failure that is on its way out
        }
    }

    /// <summary>
    /// Loads our own Dutch skill labels into a database whose ESCO data was imported without them (an upgrade); does
    /// nothing when they are there, when no skills are, or when the file is missing. Returns the number written.
    /// </summary>
    public async Task<int> EnsureUnofficialLabelsAsync(CancellationToken ct = default)
    {
        var file = ShippedData.UnofficialSkillLabelsFile(configuration);
        if (!File.Exists(file) || !await db.Skills.AnyAsync(ct)
            || await db.SkillTexts.AnyAsync(t => t.Language == UnofficialSkillLabels.Language, ct)) return 0;
        var labels = UnofficialSkillLabels.Read(file);
        var strategy = db.Database.CreateExecutionStrategy();
        var written = await strategy.ExecuteAsync(async () =>
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var loader = BulkLoader.For(db.Database.GetDbConnection(), tx.GetDbTransaction());
                var ids = await loader.ReadMapAsync("""SELECT "Uri", "Id" FROM "Skills" """, ct);
                var n = await UnofficialSkillLabels.WriteAsync(loader, labels, ids, fresh: false, ct);
                await loader.ExecuteAsync(EscoCatalogue.BumpSql, ct);
                await tx.CommitAsync(ct);
                return n;
            }
            finally { await db.Database.CloseConnectionAsync(); }
        });
        catalogue.Invalidate();
        logger.LogInformation("Loaded {Count} unofficial Dutch skill labels from {File}", written, file);
        return written;
    }

    private sealed record Counts(int Occupations, int Skills, int Isco, int Relations);

    /// <summary>
    /// Reports each stage on the calling thread (Progress&lt;T&gt; would post to the thread pool and reorder stages)
    /// and keeps its duration for the log line.
    /// </summary>
    private sealed class Stages(IProgress<ImportProgress>? outer)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<string> _done = [];

        public void Report(string stage, double fraction)
        {
            _done.Add($"{stage} {_clock.ElapsedMilliseconds} ms");
            _clock.Restart();
            outer?.Report(new ImportProgress(stage, fraction));
        }

        public override string ToString() => string.Join(", ", _done);
    }

    private static async Task<(EscoPack Pack, Counts Counts)> WriteAsync(EscoPackReading reading, IReadOnlyList<UnofficialSkillLabel>? unofficial,
        BulkLoader db, Stages stages, CancellationToken ct)
    {
        var pack = reading.Concepts;
        // 1. Concepts. Into an empty database (every first start) they get their ids here and are copied straight into
        // their tables, with their hierarchy; otherwise they are upserted by URI (ids stay stable) and the ids read back.
        var fresh = await EscoWrites.IsEmptyAsync(db, ct);
        EscoIds ids;
        OccupationHierarchy? hierarchy = null;
        if (fresh)
        {
            ids = EscoIds.Assign(pack);
            hierarchy = OccupationHierarchy.Of(reading.Hierarchy(), ids);
            await EscoWrites.InsertConceptsAsync(db, pack, ids, hierarchy, ct);
        }
        else
        {
            await EscoWrites.UpsertConceptsAsync(db, pack, ct);
            ids = await EscoIds.ReadAsync(db, ct);
        }
        stages.Report("Begrippen bijgewerkt", 0.5);

        // 2. Texts, replaced per concept and language.
        await EscoWrites.ReplaceTextsAsync(db, pack, ids, fresh, ct);
        // Ours are kept in their own language tag, so they stay stored when an official Dutch pack takes over.
        if (unofficial is not null) await UnofficialSkillLabels.WriteAsync(db, unofficial, ids.Skills, fresh, ct);
        stages.Report("Teksten bijgewerkt", 0.65);

        // The relation files: read on other threads while the concepts were written; their errors abort here.
        pack = reading.Complete();
        stages.Report("Relatiebestanden gelezen", 0.7);

        // 3. The occupation, ISCO and skill hierarchies; unknown concepts are reported, not fatal.
        if (!fresh) hierarchy = OccupationHierarchy.Of(pack, ids);
        if (hierarchy is not null)
        {
            if (!fresh) await EscoWrites.ApplyOccupationHierarchyAsync(db, hierarchy, ct);
            Report(pack, "broaderRelationsOccPillar", hierarchy.Unknown, "een onbekend begrip");
        }
        if (await EscoWrites.WriteSkillHierarchyAsync(db, pack, ids, ct) is { } unknownInSkillHierarchy)
            Report(pack, "broaderRelationsSkillPillar", unknownInSkillHierarchy, "een onbekende vaardigheid");
        stages.Report("Hiërarchie bijgewerkt", 0.75);

        // 4. Occupation–skill and skill–skill relations, replaced whole.
        var relations = await WriteRelationsAsync(db, pack, ids, ct);
        stages.Report("Relaties bijgewerkt", 0.95);

        if (!fresh) await EscoWrites.DropStagingAsync(db, ct);
        var skills = fresh
            ? pack.Skills.Values.Count(s => s.ConceptType == SkillConceptType.Skill)
            : await EscoWrites.ScalarAsync(db, """SELECT COUNT(*) FROM "Skills" WHERE "ConceptType" = 1""", ct);
        return (pack, new Counts(ids.Occupations.Count, skills, ids.IscoGroups.Count, relations));
    }

    /// <summary>Writes the relation lists the pack has; returns the number of occupation–skill relations.</summary>
    private static async Task<int> WriteRelationsAsync(BulkLoader db, EscoPack pack, EscoIds ids, CancellationToken ct)
    {
        int relations;
        if (pack.OccupationSkills is { } occSkills)
        {
            var (rows, duplicates, unknownOcc, unknownSkill) = await EscoWrites.WriteOccupationSkillsAsync(db, occSkills, ids, ct);
            Report(pack, "occupationSkillRelations", unknownOcc, "een beroep dat niet in de beroepenlijst staat");
            Report(pack, "occupationSkillRelations", unknownSkill, "een vaardigheid die niet in de vaardighedenlijst staat");
            if (duplicates > 0)
                pack.Notes.Add($"occupationSkillRelations: {duplicates} dubbele relaties samengevoegd (essentieel wint).");
            relations = rows;
        }
        else
        {
            relations = await EscoWrites.ScalarAsync(db, """SELECT COUNT(*) FROM "OccupationSkills" """, ct);
        }
        if (pack.SkillSkills is { } skillSkills)
            Report(pack, "skillSkillRelations", await EscoWrites.WriteSkillSkillsAsync(db, skillSkills, ids, ct), "een onbekende vaardigheid");
        return relations;
    }

    private static void Report(EscoPack pack, string file, Dictionary<string, int> unknown, string what)
    {
        foreach (var (uri, n) in unknown.OrderByDescending(kv => kv.Value).Take(10))
            pack.Notes.Add($"{file}: {n} {(n == 1 ? "rij verwijst" : "rijen verwijzen")} naar {what} ({uri}); overgeslagen.");
        if (unknown.Count > 10)
            pack.Notes.Add($"{file}: nog {unknown.Count - 10} andere onbekende begrippen; overgeslagen.");
    }

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..n];
}
