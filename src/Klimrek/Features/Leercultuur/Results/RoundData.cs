using Klimrek.Data;
using Microsoft.EntityFrameworkCore;
using System.Globalization;
using CoreScan = Klimrek.Core.Leercultuur;

namespace Klimrek.Features.Leercultuur.Results;

/// <summary>
/// A round's answers in the compact shape the statistics read: the statements in instrument order, and per response
/// its unit and one value per statement (1–5, or null for "weet ik niet" and for a statement left open).
/// </summary>
public sealed record RoundData(List<Data.ScanItem> Statements, List<CoreScan.ScanItem> Items, int?[][] Answers, int?[] UnitOf)
{
    public int Count => Answers.Length;
}

/// <summary>An earlier round of the organisation for the trend, with its number of responses.</summary>
public sealed record EarlierRound(int Id, string Title, DateOnly OpensOn, int InstrumentId, int Responses);

/// <summary>Reads rounds' answers, open answers and onderstroom choices from the database.</summary>
public sealed class RoundDataReader(KlimrekDbContext db)
{
    /// <summary>
    /// The round's statements and every response's answers to them, from the responses' packed values
    /// (<see cref="ScanValues"/>): one narrow row per response, read with a plain data reader. A round of ten thousand
    /// responses is ten thousand rows, not the three hundred thousand of its answer records.
    /// </summary>
    public async Task<RoundData> AnswersAsync(int roundId, ScanInstrument instrument, CancellationToken ct)
    {
        var statements = instrument.Items.Where(i => i.Kind == ScanItemKind.Stelling).OrderBy(i => i.Position).ToList();
        var items = statements.Select(s => new CoreScan.ScanItem(s.Key, s.Block, s.Fingerprint)).ToList();
        var answers = new List<int?[]>();
        var units = new List<int?>();
        await ReadAsync("""SELECT "UnitId", "Values" FROM "ScanResponses" WHERE "RoundId" = @round""", reader =>
        {
            units.Add(reader.IsDBNull(0) ? null : reader.GetInt32(0));
            var packed = reader.GetString(1);
            var row = new int?[statements.Count];
            for (int c = 0; c < row.Length && c < packed.Length; c++) row[c] = ScanValues.Value(packed[c]);
            answers.Add(row);
        }, ct, ("round", roundId));
        return new RoundData(statements, items, [.. answers], [.. units]);
    }

    /// <summary>The organisation's units: id, parent and name.</summary>
    public async Task<Dictionary<int, (int? ParentId, string Name)>> UnitsAsync(int organisationId, CancellationToken ct)
    {
        var units = new Dictionary<int, (int? ParentId, string Name)>();
        await ReadAsync("""SELECT "Id", "ParentId", "Name" FROM "OrgUnits" WHERE "OrganisationId" = @organisation""",
            r => units[r.GetInt32(0)] = (r.IsDBNull(1) ? null : r.GetInt32(1), r.GetString(2)), ct, ("organisation", organisationId));
        return units;
    }

    /// <summary>The round's open answers with their unit (nothing else of the response).</summary>
    public async Task<List<(int? UnitId, int ItemId, string Text)>> OpenAnswersAsync(int roundId, CancellationToken ct)
    {
        var list = new List<(int? UnitId, int ItemId, string Text)>();
        await ReadAsync("""
            SELECT r."UnitId", o."ItemId", o."Text" FROM "ScanOpenAnswers" o JOIN "ScanResponses" r ON r."Id" = o."ResponseId"
            WHERE r."RoundId" = @round
            """, r => list.Add((r.IsDBNull(0) ? null : r.GetInt32(0), r.GetInt32(1), r.GetString(2))), ct, ("round", roundId));
        return list;
    }

    /// <summary>How often each onderstroom option was picked, per unit (counted in the database).</summary>
    public async Task<List<(int? UnitId, int ItemId, string Option, int Count)>> ChoicesAsync(int roundId, CancellationToken ct)
    {
        var list = new List<(int? UnitId, int ItemId, string Option, int Count)>();
        await ReadAsync("""
            SELECT r."UnitId", c."ItemId", c."Option", COUNT(*) FROM "ScanChoices" c JOIN "ScanResponses" r ON r."Id" = c."ResponseId"
            WHERE r."RoundId" = @round GROUP BY r."UnitId", c."ItemId", c."Option"
            """, r => list.Add((r.IsDBNull(0) ? null : r.GetInt32(0), r.GetInt32(1), r.GetString(2), Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture))), ct,
            ("round", roundId));
        return list;
    }

    /// <summary>
    /// The organisation's rounds that are over (closed, or past their last day) and opened before
    /// <paramref name="round"/>, newest first, each with its number of responses.
    /// </summary>
    public async Task<List<EarlierRound>> EarlierRoundsAsync(int organisationId, ScanRound round, DateOnly today, CancellationToken ct)
    {
        var list = new List<EarlierRound>();
        await ReadAsync("""
            SELECT r."Id", r."Title", r."OpensOn", r."InstrumentId", (SELECT COUNT(*) FROM "ScanResponses" x WHERE x."RoundId" = r."Id")
            FROM "ScanRounds" r
            WHERE r."OrganisationId" = @organisation AND r."Id" <> @round AND (r."ClosedAt" IS NOT NULL OR r."ClosesOn" < @today)
              AND (r."OpensOn" < @opens OR (r."OpensOn" = @opens AND r."Id" < @round))
            ORDER BY r."OpensOn" DESC, r."Id" DESC
            """, r => list.Add(new EarlierRound(r.GetInt32(0), r.GetString(1), DateOf(r, 2), r.GetInt32(3), Convert.ToInt32(r.GetValue(4), CultureInfo.InvariantCulture))),
            ct, ("organisation", organisationId), ("round", round.Id), ("today", today), ("opens", round.OpensOn));
        return list;
    }

    /// <summary>
    /// For the benchmark: of every other organisation of the sector and region (demo only with demo), the latest round that
    /// is over (closed, or past its last day) with at least <paramref name="minimum"/> responses, and its block means from
    /// the stored block scores, aggregated in the database.
    /// </summary>
    public async Task<List<(int OrganisationId, int Responses, Dictionary<int, (int N, double Mean)> Blocks)>> BenchmarkRoundsAsync(
        Organisation organisation, DateOnly today, int minimum, CancellationToken ct)
    {
        var rounds = new List<(int Id, int OrganisationId, DateOnly OpensOn, int N)>();
        await ReadAsync("""
            SELECT r."Id", r."OrganisationId", r."OpensOn", (SELECT COUNT(*) FROM "ScanResponses" x WHERE x."RoundId" = r."Id")
            FROM "ScanRounds" r JOIN "Organisations" o ON o."Id" = r."OrganisationId"
            WHERE o."Sector" = @sector AND o."Region" = @region AND o."IsDemo" = @demo AND o."Id" <> @organisation
              AND (r."ClosedAt" IS NOT NULL OR r."ClosesOn" < @today)
            """, r => rounds.Add((r.GetInt32(0), r.GetInt32(1), DateOf(r, 2), Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture))), ct,
            ("sector", organisation.Sector ?? ""), ("region", organisation.Region ?? ""), ("demo", organisation.IsDemo), ("organisation", organisation.Id), ("today", today));
        var latest = rounds.Where(r => r.N >= minimum).GroupBy(r => r.OrganisationId)
            .Select(g => g.OrderByDescending(r => r.OpensOn).ThenByDescending(r => r.Id).First()).ToList();
        var blocks = latest.ToDictionary(r => r.Id, _ => new Dictionary<int, (int N, double Mean)>());
        // In slices, so a large installation never passes more parameters than a database takes.
        foreach (var slice in latest.Select(r => r.Id).Chunk(500))
        {
            var names = slice.Select((_, i) => "@r" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            await ReadAsync($"""
                SELECT "RoundId", "Block", COUNT(*), AVG("Score") FROM "ScanBlockScores"
                WHERE "RoundId" IN ({string.Join(", ", names)}) GROUP BY "RoundId", "Block"
                """, r => blocks[r.GetInt32(0)][r.GetInt32(1)] = (Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture), Convert.ToDouble(r.GetValue(3), CultureInfo.InvariantCulture)),
                ct, slice.Select((id, i) => (names[i][1..], (object)id)).ToArray());
        }
        return latest.Select(r => (r.OrganisationId, r.N, blocks[r.Id])).ToList();
    }

    private static DateOnly DateOf(System.Data.Common.DbDataReader r, int column) => r.GetFieldValue<DateOnly>(column);

    /// <summary>Runs one query on the context's connection (opened for it when closed) and hands every row to <paramref name="row"/>.</summary>
    private async Task ReadAsync(string sql, Action<System.Data.Common.DbDataReader> row, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        var connection = db.Database.GetDbConnection();
        bool opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                var p = command.CreateParameter();
                p.ParameterName = name;
                p.Value = value;
                command.Parameters.Add(p);
            }
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) row(reader);
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

}
