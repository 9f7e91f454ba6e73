using Klimrek.Data;
using Microsoft.EntityFrameworkCore;
using CoreScan = Klimrek.Core.Leercultuur;

namespace Klimrek.Features.Leercultuur.Results;

/// <summary>
/// A round's answers in the compact shape the statistics read: the statements in instrument order, and per response
/// its unit and one value per statement (1–5, or null for "weet ik niet" and for a statement left open). Loaded as three
/// narrow columns without tracking: a round of ten thousand responses is three hundred thousand small rows.
/// </summary>
public sealed record RoundData(List<Data.ScanItem> Statements, List<CoreScan.ScanItem> Items, int?[][] Answers, int?[] UnitOf)
{
    public int Count => Answers.Length;
}

/// <summary>Reads rounds' answers, open answers and onderstroom choices from the database.</summary>
public sealed class RoundDataReader(KlimrekDbContext db)
{
    /// <summary>The round's statements and every response's answers to them.</summary>
    public async Task<RoundData> AnswersAsync(int roundId, ScanInstrument instrument, CancellationToken ct)
    {
        var statements = instrument.Items.Where(i => i.Kind == ScanItemKind.Stelling).OrderBy(i => i.Position).ToList();
        var items = statements.Select(s => new CoreScan.ScanItem(s.Key, s.Block, s.Fingerprint)).ToList();
        var column = new Dictionary<int, int>(statements.Count);
        for (int c = 0; c < statements.Count; c++) column[statements[c].Id] = c;

        var responses = await db.ScanResponses.AsNoTracking().Where(r => r.RoundId == roundId)
            .Select(r => new { r.Id, r.UnitId }).ToListAsync(ct);
        var index = new Dictionary<Guid, int>(responses.Count);
        var answers = new int?[responses.Count][];
        var units = new int?[responses.Count];
        for (int i = 0; i < responses.Count; i++)
        {
            index[responses[i].Id] = i;
            answers[i] = new int?[statements.Count];
            units[i] = responses[i].UnitId;
        }
        // By the responses' ids (the answers' primary key), not by a join on the round: the answers carry no round,
        // and a join makes PostgreSQL read every answer of every round to find this round's.
        var ids = responses.Select(r => r.Id).ToArray();
        if (db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
            await ReadPostgresAsync(ids, index, column, answers, ct);
        else
        {
            var rows = db.ScanAnswers.AsNoTracking().Where(a => ids.Contains(a.ResponseId)).Select(a => new { a.ResponseId, a.ItemId, a.Value });
            await foreach (var a in rows.AsAsyncEnumerable().WithCancellation(ct))
                Put(a.ResponseId, a.ItemId, a.Value);
        }
        return new RoundData(statements, items, answers, units);

        void Put(Guid response, int item, byte? value)
        {
            if (index.TryGetValue(response, out var i) && column.TryGetValue(item, out var c) && value is >= 1 and <= 5) answers[i][c] = value;
        }
    }

    /// <summary>
    /// PostgreSQL: the answers of a round of ten thousand are three hundred thousand rows; a plain reader over three
    /// columns, the ids passed as one array parameter, reads them without materialising an object per row.
    /// </summary>
    private async Task ReadPostgresAsync(Guid[] ids, Dictionary<Guid, int> index, Dictionary<int, int> column, int?[][] answers, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        bool opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"ResponseId\", \"ItemId\", \"Value\" FROM \"ScanAnswers\" WHERE \"ResponseId\" = ANY(@ids)";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "ids";
            parameter.Value = ids;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var response = reader.GetGuid(0);
                int item = reader.GetInt32(1);
                if (reader.IsDBNull(2)) continue;
                int value = reader.GetInt16(2);
                if (value is >= 1 and <= 5 && index.TryGetValue(response, out var i) && column.TryGetValue(item, out var c)) answers[i][c] = value;
            }
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>How many responses each round has (rounds without any are absent).</summary>
    public async Task<Dictionary<int, int>> CountsAsync(IReadOnlyCollection<int> roundIds, CancellationToken ct) =>
        roundIds.Count == 0 ? []
            : await db.ScanResponses.AsNoTracking().Where(r => roundIds.Contains(r.RoundId)).GroupBy(r => r.RoundId)
                .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);

    /// <summary>The round's open answers with their unit (nothing else of the response).</summary>
    public async Task<List<(int? UnitId, int ItemId, string Text)>> OpenAnswersAsync(int roundId, CancellationToken ct) =>
        (await (from o in db.ScanOpenAnswers.AsNoTracking()
                join r in db.ScanResponses on o.ResponseId equals r.Id
                where r.RoundId == roundId
                select new { r.UnitId, o.ItemId, o.Text }).ToListAsync(ct))
        .Select(x => (x.UnitId, x.ItemId, x.Text)).ToList();

    /// <summary>How often each onderstroom option was picked, per unit (counted in the database).</summary>
    public async Task<List<(int? UnitId, int ItemId, string Option, int Count)>> ChoicesAsync(int roundId, CancellationToken ct) =>
        (await (from c in db.ScanChoices.AsNoTracking()
                join r in db.ScanResponses on c.ResponseId equals r.Id
                where r.RoundId == roundId
                group c by new { r.UnitId, c.ItemId, c.Option } into g
                select new { g.Key.UnitId, g.Key.ItemId, g.Key.Option, N = g.Count() }).ToListAsync(ct))
        .Select(x => (x.UnitId, x.ItemId, x.Option, x.N)).ToList();

    /// <summary>
    /// Block means per round from the stored block scores, aggregated in the database (GROUP BY round and block):
    /// the benchmark reads these instead of every answer of every organisation.
    /// </summary>
    public async Task<List<(int RoundId, int Block, int N, double Mean)>> BlockMeansAsync(IReadOnlyCollection<int> roundIds, CancellationToken ct) =>
        roundIds.Count == 0 ? []
            : (await db.ScanBlockScores.AsNoTracking().Where(b => roundIds.Contains(b.RoundId))
                .GroupBy(b => new { b.RoundId, b.Block })
                .Select(g => new { g.Key.RoundId, g.Key.Block, N = g.Count(), Mean = g.Average(x => x.Score) }).ToListAsync(ct))
            .Select(x => (x.RoundId, x.Block, x.N, x.Mean)).ToList();
}
