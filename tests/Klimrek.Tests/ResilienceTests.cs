using Klimrek.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using System.Net;

namespace Klimrek.Tests;

/// <summary>
/// A blip of the database: on PostgreSQL a transient failure is retried by the execution strategy and the request
/// succeeds, a transaction runs again whole; SQLite keeps its behaviour (no retries: 503 with Retry-After).
/// </summary>
public abstract class ResilienceTests(KlimrekApp app)
{
    private bool Retries => app.Provider == DatabaseProvider.Postgres;

    [Fact]
    public async Task A_transient_failure_is_retried_and_the_request_succeeds()
    {
        var client = await app.LoginAsync("Deelnemer");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me/profile")).StatusCode);
        try
        {
            app.Faults.FailNextConnections(2);
            var api = await client.GetAsync("/api/v1/me/profile");
            if (Retries)
                Assert.Equal(HttpStatusCode.OK, api.StatusCode);
            else
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
                Assert.NotNull(api.Headers.RetryAfter);
            }
            app.Faults.FailNextConnections(2);
            var page = await client.GetAsync("/klimrek");
            Assert.Equal(Retries ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable, page.StatusCode);
        }
        finally
        {
            app.Faults.FailNextConnections(0);
        }
    }

    [Fact]
    public async Task A_transaction_that_fails_transiently_runs_again_whole_and_commits_once()
    {
        var name = "Blip " + Guid.NewGuid().ToString("N")[..8];
        var attempts = 0;
        var run = app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            await db.InTransactionAsync(async t =>
            {
                db.Organisations.Add(new Organisation { Name = name, Kind = OrganisationKind.Werkgever, CreatedAt = DateTime.UtcNow });
                await db.SaveChangesAsync(t);
                if (attempts++ == 0) throw await TransientAsync(); // the connection is lost before the commit
            }, default);
            return 0;
        });
        if (Retries)
        {
            await run;
            Assert.Equal(2, attempts);
        }
        else
            await Assert.ThrowsAsync<NpgsqlException>(() => run);
        var saved = await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().Organisations.CountAsync(o => o.Name == name));
        Assert.Equal(Retries ? 1 : 0, saved);
    }

    /// <summary>The exception Npgsql really throws when the server cannot be reached (transient).</summary>
    private static async Task<NpgsqlException> TransientAsync()
    {
        try
        {
            await using var c = new NpgsqlConnection("Host=127.0.0.1;Port=1;Username=x;Password=x;Timeout=2;Pooling=false");
            await c.OpenAsync();
        }
        catch (NpgsqlException e) when (e.IsTransient)
        {
            return e;
        }
        throw new InvalidOperationException("Expected the connection to fail.");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ResilienceTestsSqlite(SqliteApp app) : ResilienceTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ResilienceTestsPostgres(PostgresApp app) : ResilienceTests(app);
