using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Klimrek.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Chooses the provider from configuration (<c>Database:Provider</c>, <c>ConnectionStrings:Klimrek</c>).</summary>
public static class DatabaseSetup
{
    public static DatabaseProvider GetProvider(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value) || value.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            return DatabaseProvider.Sqlite;
        if (value.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || value.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase) || value.Equals("Npgsql", StringComparison.OrdinalIgnoreCase))
            return DatabaseProvider.Postgres;
        throw new InvalidOperationException($"Database:Provider '{value}' is unknown; use 'Sqlite' or 'Postgres'.");
    }

    /// <summary>The app's data folder: <c>Klimrek:DataFolder</c>, default <c>App_Data</c> under the content root.</summary>
    public static string DataFolder(IConfiguration configuration, string contentRoot)
    {
        var folder = configuration["Klimrek:DataFolder"];
        return Path.GetFullPath(string.IsNullOrWhiteSpace(folder) ? Path.Combine(contentRoot, "App_Data") : Path.Combine(contentRoot, folder));
    }

    public static string ConnectionString(IConfiguration configuration, string contentRoot)
    {
        var cs = configuration.GetConnectionString("Klimrek");
        if (!string.IsNullOrWhiteSpace(cs))
            return GetProvider(configuration) == DatabaseProvider.Postgres ? WithPreparedStatements(cs) : cs;
        if (GetProvider(configuration) == DatabaseProvider.Postgres)
            throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Klimrek is empty.");
        var folder = DataFolder(configuration, contentRoot);
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "klimrek.db")}";
    }

    /// <summary>
    /// Lets Npgsql prepare the statements a connection runs most (<c>Max Auto Prepare</c>, 100 unless the connection string
    /// says otherwise): PostgreSQL then parses and plans a page's queries once per connection instead of on every request.
    /// </summary>
    public static string WithPreparedStatements(string cs)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(cs);
        if (!cs.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase) && !cs.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
            b.MaxAutoPrepare = 100;
        return b.ConnectionString;
    }

    public static IServiceCollection AddKlimrekDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = GetProvider(configuration);
        var cs = ConnectionString(configuration, contentRoot);
        // Contexts come from a pool: setting up a fresh context's services costs more than a page's query (bench/run-werkleren-load.sh),
        // a pooled one is reset and handed out again. The contexts hold no state of their own, so pooling changes nothing else.
        // Interceptors registered in the container (none in the app itself; the tests add fault injection) join every context.
        if (provider == DatabaseProvider.Sqlite)
            services.AddDbContextPool<KlimrekDbContext, SqliteKlimrekDbContext>((sp, o) => ConfigureSqlite(o, cs).AddInterceptors(sp.GetServices<IInterceptor>()));
        else
        {
            var retries = Math.Clamp(configuration.GetValue("Database:RetryCount", 3), 0, 10);
            var maxDelay = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Database:MaxRetryDelaySeconds", 2.0), 0, 30));
            services.AddDbContextPool<KlimrekDbContext, PostgresKlimrekDbContext>((sp, o) =>
                ConfigurePostgres(o, cs, retries, maxDelay).AddInterceptors(sp.GetServices<IInterceptor>()));
        }
        return services;
    }

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder o, string cs) =>
        o.UseSqlite(cs, x => x.CommandTimeout(300));

    /// <summary>
    /// PostgreSQL with a retrying execution strategy: a transient failure (connection lost or refused, server
    /// restarting, too many connections) is retried up to <c>Database:RetryCount</c> times (default 3) with growing
    /// delays of at most <c>Database:MaxRetryDelaySeconds</c> (default 2), so a request either gets through a blip or
    /// learns within seconds that the database is down (503). Transactions go through <see cref="Transactions"/>.
    /// </summary>
    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder o, string cs, int retries = 3, TimeSpan? maxRetryDelay = null) =>
        o.UseNpgsql(cs, x => x.CommandTimeout(300).EnableRetryOnFailure(retries, maxRetryDelay ?? TimeSpan.FromSeconds(2), null));
}

/// <summary>Used by <c>dotnet ef migrations add … --context SqliteKlimrekDbContext</c> only.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKlimrekDbContext>
{
    public SqliteKlimrekDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<SqliteKlimrekDbContext>();
        DatabaseSetup.ConfigureSqlite(b, "Data Source=design-time.db");
        return new SqliteKlimrekDbContext(b.Options);
    }
}

/// <summary>Used by <c>dotnet ef migrations add … --context PostgresKlimrekDbContext</c> only.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresKlimrekDbContext>
{
    public PostgresKlimrekDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<PostgresKlimrekDbContext>();
        DatabaseSetup.ConfigurePostgres(b, "Host=localhost;Database=klimrek_design");
        return new PostgresKlimrekDbContext(b.Options);
    }
}
