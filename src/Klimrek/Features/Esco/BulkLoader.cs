using Microsoft.Data.Sqlite;
using Npgsql;
using System.Data.Common;

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

    /// <summary>
    /// Runs <paramref name="load"/> with the table's secondary indexes (and, on PostgreSQL, its foreign keys and an
    /// unreferenced primary key) set aside, then rebuilds them: one sort per index and one join per foreign key instead of per-row
    /// maintenance and per-row trigger checks. Everything happens inside the transaction, so a failure or a
    /// violated constraint rolls back to the table as it was.
    /// </summary>
    public async Task WithDeferredIndexesAsync(string table, Func<Task> load, CancellationToken ct)
    {
        var restore = await SetAsideAsync(table, ct);
        await load();
        foreach (var sql in restore)
            await ExecuteAsync(sql, ct);
    }

    /// <summary>Drops the table's secondary indexes and constraints; returns the statements that recreate them.</summary>
    protected abstract Task<List<string>> SetAsideAsync(string table, CancellationToken ct);

    private async Task<List<(string Name, string Definition)>> ReadPairsAsync(string sql, string table, CancellationToken ct)
    {
        var list = new List<(string, string)>();
        await using var cmd = Connection.CreateCommand();
        cmd.Transaction = Transaction;
        cmd.CommandText = sql;
        var p = cmd.CreateParameter();
        p.ParameterName = "table";
        p.Value = table;
        cmd.Parameters.Add(p);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add((r.GetString(0), r.GetString(1)));
        return list;
    }

    protected static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private sealed class PostgresBulkLoader(DbConnection c, DbTransaction t) : BulkLoader(c, t)
    {
        protected override async Task<List<string>> SetAsideAsync(string table, CancellationToken ct)
        {
            var foreignKeys = await ReadPairsAsync("""
                SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
                WHERE conrelid = quote_ident(@table)::regclass AND contype = 'f' ORDER BY conname
                """, table, ct);
            var indexes = await ReadPairsAsync("""
                SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                WHERE i.indrelid = quote_ident(@table)::regclass AND NOT i.indisprimary
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
                ORDER BY c.relname
                """, table, ct);
            // The primary key too, when no other table's foreign key needs it: one sorted build after the copy is
            // cheaper than an index insert per row.
            var primaryKey = await ReadPairsAsync("""
                SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
                WHERE conrelid = quote_ident(@table)::regclass AND contype = 'p'
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint r WHERE r.confrelid = quote_ident(@table)::regclass AND r.contype = 'f')
                """, table, ct);
            foreach (var (name, _) in foreignKeys)
                await ExecuteAsync($"ALTER TABLE {Quote(table)} DROP CONSTRAINT {Quote(name)}", ct);
            foreach (var (name, _) in indexes)
                await ExecuteAsync($"DROP INDEX {Quote(name)}", ct);
            foreach (var (name, _) in primaryKey)
                await ExecuteAsync($"ALTER TABLE {Quote(table)} DROP CONSTRAINT {Quote(name)}", ct);
            return [.. primaryKey.Select(p => $"ALTER TABLE {Quote(table)} ADD CONSTRAINT {Quote(p.Name)} {p.Definition}"),
                    .. indexes.Select(i => i.Definition),
                    .. foreignKeys.Select(f => $"ALTER TABLE {Quote(table)} ADD CONSTRAINT {Quote(f.Name)} {f.Definition}")];
        }

        public override async Task LoadAsync(string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken ct)
        {
            var npg = (NpgsqlConnection)Connection;
            var sql = $"COPY {Quote(table)} ({string.Join(", ", columns.Select(Quote))}) FROM STDIN (FORMAT BINARY)";
            await using var importer = await npg.BeginBinaryImportAsync(sql, ct);
            // Synchronous writes per value: they only copy into the importer's buffer (and now and then send it), and
            // an awaited call per value of 124,000 relations cost more than the copy itself.
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                importer.StartRow();
                foreach (var v in row)
                {
                    switch (v)
                    {
                        case null: importer.WriteNull(); break;
                        case int i: importer.Write(i, NpgsqlTypes.NpgsqlDbType.Integer); break;
                        case long l: importer.Write(l, NpgsqlTypes.NpgsqlDbType.Bigint); break;
                        case bool b: importer.Write(b, NpgsqlTypes.NpgsqlDbType.Boolean); break;
                        case string s: importer.Write(s, NpgsqlTypes.NpgsqlDbType.Text); break;
                        default: throw new NotSupportedException(v.GetType().Name);
                    }
                }
            }
            await importer.CompleteAsync(ct);
        }
    }

    private sealed class SqliteBulkLoader(DbConnection c, DbTransaction t) : BulkLoader(c, t)
    {
        // SQLite checks a foreign key with one lookup in the parent's primary key and cannot drop a constraint
        // without rebuilding the table, so only the secondary indexes are set aside.
        protected override async Task<List<string>> SetAsideAsync(string table, CancellationToken ct)
        {
            var indexes = await ReadPairsAsync("""
                SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL ORDER BY name
                """, table, ct);
            foreach (var (name, _) in indexes)
                await ExecuteAsync($"DROP INDEX {Quote(name)}", ct);
            return [.. indexes.Select(i => i.Definition)];
        }

        public override Task LoadAsync(string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken ct)
        {
            using var cmd = Connection.CreateCommand();
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
                // Microsoft.Data.Sqlite has no real async I/O: the synchronous call skips a task per row.
                ct.ThrowIfCancellationRequested();
                cmd.ExecuteNonQuery();
            }
            return Task.CompletedTask;
        }
    }
}
