using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Klimrek.Features.Esco;

/// <summary>
/// Loads many rows into one table inside the current transaction: PostgreSQL's binary COPY, or a prepared
/// INSERT on SQLite (which is as fast as SQLite gets inside one transaction). Values are int, long, bool,
/// string or null, matching the column types.
/// </summary>
internal abstract class BulkLoader(DbConnection connection, DbTransaction transaction)
{
    protected DbConnection Connection { get; } = connection;
    protected DbTransaction Transaction { get; } = transaction;

    public static BulkLoader For(DbConnection connection, DbTransaction transaction) => connection switch
    {
        NpgsqlConnection => new PostgresBulkLoader(connection, transaction),
        SqliteConnection => new SqliteBulkLoader(connection, transaction),
        _ => throw new NotSupportedException(connection.GetType().Name),
    };

    public abstract Task LoadAsync(string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken ct);

    public async Task<int> ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var cmd = Connection.CreateCommand();
        cmd.Transaction = Transaction;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<Dictionary<string, int>> ReadMapAsync(string sql, CancellationToken ct)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var cmd = Connection.CreateCommand();
        cmd.Transaction = Transaction;
        cmd.CommandText = sql;
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            map[r.GetString(0)] = r.GetInt32(1);
        return map;
    }

    protected static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private sealed class PostgresBulkLoader(DbConnection c, DbTransaction t) : BulkLoader(c, t)
    {
        public override async Task LoadAsync(string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken ct)
        {
            var npg = (NpgsqlConnection)Connection;
            var sql = $"COPY {Quote(table)} ({string.Join(", ", columns.Select(Quote))}) FROM STDIN (FORMAT BINARY)";
            await using var importer = await npg.BeginBinaryImportAsync(sql, ct);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(ct);
                foreach (var v in row)
                {
                    switch (v)
                    {
                        case null: await importer.WriteNullAsync(ct); break;
                        case int i: await importer.WriteAsync(i, NpgsqlTypes.NpgsqlDbType.Integer, ct); break;
                        case long l: await importer.WriteAsync(l, NpgsqlTypes.NpgsqlDbType.Bigint, ct); break;
                        case bool b: await importer.WriteAsync(b, NpgsqlTypes.NpgsqlDbType.Boolean, ct); break;
                        case string s: await importer.WriteAsync(s, NpgsqlTypes.NpgsqlDbType.Text, ct); break;
                        default: throw new NotSupportedException(v.GetType().Name);
                    }
                }
            }
            await importer.CompleteAsync(ct);
        }
    }

    private sealed class SqliteBulkLoader(DbConnection c, DbTransaction t) : BulkLoader(c, t)
    {
        public override async Task LoadAsync(string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken ct)
        {
            await using var cmd = Connection.CreateCommand();
            cmd.Transaction = Transaction;
            cmd.CommandText = $"INSERT INTO {Quote(table)} ({string.Join(", ", columns.Select(Quote))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            var parameters = columns.Select((_, i) =>
            {
                var p = cmd.CreateParameter();
                p.ParameterName = "$p" + i;
                cmd.Parameters.Add(p);
                return p;
            }).ToArray();
            cmd.Prepare();
            foreach (var row in rows)
            {
                for (int i = 0; i < parameters.Length; i++)
                    parameters[i].Value = row[i] ?? DBNull.Value;
                await cmd.ExecuteNonQueryAsync(ct);
            }
        }
    }
}
