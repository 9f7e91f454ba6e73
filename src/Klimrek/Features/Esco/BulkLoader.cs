using Microsoft.Data.Sqlite;
using Npgsql;
using System.Data.Common;
using System.Globalization;

namespace Klimrek.Features.Esco;

/// <summary>One row's values, written in column order (typed: nothing is boxed on PostgreSQL).</summary>
internal interface IRowWriter
{
    void Write(int value);
    void Write(int? value);
    void Write(bool value);
    void Write(string? value);
}

/// <summary>
/// Loads many rows into one table inside the current transaction: PostgreSQL's binary COPY, or a prepared
/// INSERT on SQLite (which is as fast as SQLite gets inside one transaction). Each row is written by a typed
/// callback, in the order of the columns.
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

    public abstract Task LoadAsync<T>(string table, string[] columns, IEnumerable<T> rows, Action<IRowWriter, T> write, CancellationToken ct);

    /// <summary>Runs once at the start of the transaction (SQLite: foreign keys checked at commit).</summary>
    public virtual Task PrepareAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>After rows were loaded with explicit ids 1…n: the next generated id of each table is n + 1.</summary>
    public abstract Task SetNextIdsAsync(IReadOnlyList<(string Table, int MaxId)> tables, CancellationToken ct);

    public async Task<int> ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var cmd = Connection.CreateCommand();
        cmd.Transaction = Transaction;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Runs a statement whose parameters are @p0, @p1, … and returns the integer it answers (an id from RETURNING).</summary>
    public async Task<int> ScalarAsync(string sql, IReadOnlyList<object?> parameters, CancellationToken ct)
    {
        await using var cmd = Connection.CreateCommand();
        cmd.Transaction = Transaction;
        cmd.CommandText = sql;
        for (int i = 0; i < parameters.Count; i++)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            p.Value = parameters[i] ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
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

        public override async Task SetNextIdsAsync(IReadOnlyList<(string Table, int MaxId)> tables, CancellationToken ct)
        {
            var set = tables.Where(t => t.MaxId > 0).Select(t => $"setval(pg_get_serial_sequence('{Quote(t.Table)}', 'Id'), {t.MaxId})").ToList();
            if (set.Count > 0) await ExecuteAsync($"SELECT {string.Join(", ", set)}", ct);
        }

        public override async Task LoadAsync<T>(string table, string[] columns, IEnumerable<T> rows, Action<IRowWriter, T> write, CancellationToken ct)
        {
            var npg = (NpgsqlConnection)Connection;
            var sql = $"COPY {Quote(table)} ({string.Join(", ", columns.Select(Quote))}) FROM STDIN (FORMAT BINARY)";
            await using var stream = await npg.BeginRawBinaryCopyAsync(sql, ct);
            // The rows are encoded here (PgCopyWriter) and sent in 64 kB blocks by synchronous writes: an awaited call
            // per block or value would cost more than the copy itself.
            using var writer = new PgCopyWriter(stream, columns.Length);
            try
            {
                writer.WriteRows(rows, write, ct);
            }
            catch
            {
                await stream.CancelAsync(); // nothing of a half-written copy reaches the table
                throw;
            }
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

        /// <summary>Nothing to do: an AUTOINCREMENT table's sequence already follows the largest id inserted.</summary>
        public override Task SetNextIdsAsync(IReadOnlyList<(string Table, int MaxId)> tables, CancellationToken ct) => Task.CompletedTask;

        /// <summary>Rows may refer to rows loaded after them (the occupation hierarchy): SQLite checks at commit instead.</summary>
        public override async Task PrepareAsync(CancellationToken ct) => await ExecuteAsync("PRAGMA defer_foreign_keys = ON", ct);

        public override Task LoadAsync<T>(string table, string[] columns, IEnumerable<T> rows, Action<IRowWriter, T> write, CancellationToken ct)
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
            var row = new ParameterRow(parameters);
            foreach (var item in rows)
            {
                row.Next = 0;
                write(row, item);
                // Microsoft.Data.Sqlite has no real async I/O: the synchronous call skips a task per row.
                ct.ThrowIfCancellationRequested();
                cmd.ExecuteNonQuery();
            }
            return Task.CompletedTask;
        }

        private sealed class ParameterRow(DbParameter[] parameters) : IRowWriter
        {
            public int Next { get; set; }
            public void Write(int value) => parameters[Next++].Value = value;
            public void Write(int? value) => parameters[Next++].Value = value is int v ? v : DBNull.Value;
            public void Write(bool value) => parameters[Next++].Value = value;
            public void Write(string? value) => parameters[Next++].Value = (object?)value ?? DBNull.Value;
        }
    }
}
