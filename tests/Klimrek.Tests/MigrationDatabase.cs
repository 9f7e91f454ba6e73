using Klimrek.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Klimrek.Tests;

/// <summary>
/// An empty database of the app's provider for migration tests: migrate it to a point, put old-shaped rows in, migrate
/// the rest and read what the data migration made of them.
/// </summary>
public static class MigrationDatabase
{
    /// <summary>A context of the right provider on <paramref name="options"/>.</summary>
    public static KlimrekDbContext Context(KlimrekApp app, DbContextOptions options) => app.Provider == DatabaseProvider.Sqlite
        ? new SqliteKlimrekDbContext((DbContextOptions<SqliteKlimrekDbContext>)options)
        : new PostgresKlimrekDbContext((DbContextOptions<PostgresKlimrekDbContext>)options);

    /// <summary>A new empty database of the app's provider, and how to drop it.</summary>
    public static async Task<(DbContextOptions Options, Func<Task> Drop)> EmptyAsync(KlimrekApp app)
    {
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"klimrek-migration-{Guid.NewGuid():N}.db");
            var cs = $"Data Source={file}";
            var o = DatabaseSetup.ConfigureSqlite(new DbContextOptionsBuilder<SqliteKlimrekDbContext>(), cs);
            return (((DbContextOptionsBuilder<SqliteKlimrekDbContext>)o).Options, () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                File.Delete(file);
                return Task.CompletedTask;
            }
            );
        }
        var name = "klimrek_migration_" + Guid.NewGuid().ToString("N")[..12];
        await using (var conn = new NpgsqlConnection(PostgresApp.ServerConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var pcs = new NpgsqlConnectionStringBuilder(PostgresApp.ServerConnectionString) { Database = name }.ConnectionString;
        var po = DatabaseSetup.ConfigurePostgres(new DbContextOptionsBuilder<PostgresKlimrekDbContext>(), pcs, 0, TimeSpan.Zero);
        return (((DbContextOptionsBuilder<PostgresKlimrekDbContext>)po).Options, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(PostgresApp.ServerConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        );
    }
}
