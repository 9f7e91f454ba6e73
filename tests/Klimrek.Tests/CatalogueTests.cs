using Klimrek.Core.Atlas;
using Klimrek.Data;
using Klimrek.Features.Atlas;
using Klimrek.Features.Curation;
using Klimrek.Features.Esco;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;

namespace Klimrek.Tests;

/// <summary>
/// One ESCO catalogue, refreshed by one mechanism: two app instances on one PostgreSQL database, as in production
/// behind a load balancer. A curated change or an import through one is served by the other within seconds.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CatalogueTwoInstancesTests(PostgresApp app)
{
    private const string Nurse = "http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(10);

    /// <summary>A second instance of the app on the first one's database (nothing to migrate, import or seed).</summary>
    private sealed class SecondInstance(string connectionString) : WebApplicationFactory<Program>
    {
        private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "klimrek-tests-" + Guid.NewGuid().ToString("N"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Directory.CreateDirectory(_dataFolder);
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", nameof(DatabaseProvider.Postgres));
            builder.UseSetting("Klimrek:DataFolder", _dataFolder);
            builder.UseSetting("Klimrek:DemoContent", "false");
            builder.UseSetting("ConnectionStrings:Klimrek", connectionString);
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var clock = Stopwatch.StartNew();
        var value = await read();
        while (!done(value) && clock.Elapsed < Within)
        {
            await Task.Delay(100);
            value = await read();
        }
        return value;
    }

    [Fact]
    public async Task A_curated_change_and_an_import_through_one_instance_are_served_by_the_other_within_seconds()
    {
        await using var second = new SecondInstance(app.ConnectionString!);
        var other = second.CreateClient();
        var id = await app.WithScopeAsync(async sp => (await sp.GetRequiredService<AtlasQueries>().ResolveAsync(Nurse, default))!.Value);
        var text = "Klassiek beeld, opgeslagen via de eerste instantie " + Guid.NewGuid().ToString("N")[..8];

        // The second instance has the page (and its cached read model) before the change.
        Assert.DoesNotContain(text, await other.GetStringAsync($"/beroepen/{id}"));
        Assert.DoesNotContain(text, await other.GetStringAsync($"/api/v1/occupations/{id}"));

        var saved = await app.WithScopeAsync(async sp =>
        {
            var current = (await sp.GetRequiredService<AtlasQueries>().LatestSectionsAsync(id, default)).GetValueOrDefault(ImageSections.Klassiek);
            return await sp.GetRequiredService<CurationService>().SaveAsync(id, ImageSections.Klassiek, current?.Version ?? 0, text,
                null, "Test", ContributorOrigin.Onderzoek, null, default);
        });
        Assert.IsType<SaveOutcome.Saved>(saved);
        // This instance at once (the save invalidated its catalogue), the other within seconds.
        Assert.Contains(text, await app.Anonymous().GetStringAsync($"/beroepen/{id}"));
        var clock = Stopwatch.StartNew();
        var page = await EventuallyAsync(() => other.GetStringAsync($"/beroepen/{id}"), p => p.Contains(text));
        Assert.True(page.Contains(text), $"the second instance still served the old beroepsbeeld after {Within.TotalSeconds} s");
        Assert.Contains(text, await other.GetStringAsync($"/api/v1/occupations/{id}"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"seen after {clock.Elapsed.TotalSeconds:F1} s");

        // An import through the first instance: the second rebuilds its catalogue for the new import.
        var catalogue = second.Services.GetRequiredService<EscoCatalogue>();
        var before = await catalogue.GetAsync();
        var imported = await app.WithScopeAsync(sp => sp.GetRequiredService<EscoImporter>()
            .ImportAsync(ShippedData.EscoFolder(sp.GetRequiredService<IConfiguration>())));
        var after = await EventuallyAsync(async () => await catalogue.GetAsync(), s => s.ImportId == imported.ImportId);
        Assert.Equal(imported.ImportId, after.ImportId);
        Assert.True(after.Version > before.Version);
        Assert.Equal(before.Occupations.Count, after.Occupations.Count);
        // The curated text survives the import (ids are stable) and is still served.
        Assert.Contains(text, await other.GetStringAsync($"/beroepen/{id}"));
    }
}
