using Klimrek.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Klimrek.Tests;

/// <summary>
/// Start-up only runs Migrate() when a migration is pending, so this is where a model change without a migration
/// is caught: on each provider the migrations must describe exactly the current model, and all be applied.
/// </summary>
public abstract class SchemaTests(KlimrekApp app)
{
    [Fact]
    public async Task Migrations_match_the_model_and_are_all_applied()
    {
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            Assert.False(db.Database.HasPendingModelChanges(), "the model has changes that no migration describes: run tools/add-migration");
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
            return 0;
        });
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SchemaTestsSqlite(SqliteApp app) : SchemaTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SchemaTestsPostgres(PostgresApp app) : SchemaTests(app);
