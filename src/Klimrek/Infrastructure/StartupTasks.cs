using Klimrek.Data;
using Klimrek.Features.Accounts;
using Klimrek.Features.Atlas;
using Klimrek.Features.Curation;
using Klimrek.Features.Esco;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Infrastructure;

/// <summary>
/// Runs before the server accepts requests: applies migrations, creates the roles, loads the shipped ESCO data into
/// an empty database, loads the demo beroepsbeelden (unless switched off) and warms the atlas cache.
/// </summary>
public sealed class StartupTasks(IServiceProvider services, IConfiguration configuration, ILogger<StartupTasks> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var steps = new List<string>();
        void Step(string name) { steps.Add($"{name} {clock.ElapsedMilliseconds} ms"); clock.Restart(); }
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<KlimrekDbContext>();
        // Reading the history table is cheap; Migrate() also builds and diffs the whole model, so it only runs
        // when a migration is actually pending.
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            await db.Database.MigrateAsync(cancellationToken);
        Step("migrations");
        await sp.GetRequiredService<AccountSetup>().EnsureRolesAsync();
        Step("roles");

        if (configuration.GetValue("Klimrek:ImportEscoOnStart", true) && !await db.Occupations.AnyAsync(cancellationToken))
        {
            var folder = ShippedData.EscoFolder(configuration);
            logger.LogInformation("Empty database: importing the shipped ESCO data from {Folder}", folder);
            var result = await sp.GetRequiredService<EscoImporter>().ImportAsync(folder, null, cancellationToken);
            logger.LogInformation("ESCO imported: {Occ} occupations, {Skills} skills in {Sec:F1} s", result.Occupations, result.Skills, result.Elapsed.TotalSeconds);
        }
        else if (configuration.GetValue("Klimrek:ImportEscoOnStart", true))
            // A database imported before our own Dutch skill labels existed gets them once.
            await sp.GetRequiredService<EscoImporter>().EnsureUnofficialLabelsAsync(cancellationToken);
        Step("ESCO check");
        if (configuration.GetValue("Klimrek:DemoContent", true))
            await sp.GetRequiredService<DemoImageSeeder>().SeedAsync(cancellationToken);
        Step("demo content");
        logger.LogInformation("Startup tasks: {Steps}", string.Join(", ", steps));
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The atlas cache (search index, skill aspects) is built once the server listens: pages that need it await the
    /// same build, every other page is served at once.
    /// </summary>
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                await services.GetRequiredService<EscoCatalogue>().GetAsync(CancellationToken.None);
                await services.GetRequiredService<Features.Career.TransitionCache>().GetAsync(CancellationToken.None);
            }
            catch (Exception e) { logger.LogError(e, "Building the atlas cache after start failed; it is retried on the next request."); }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class ShippedData
{
    /// <summary>The shipped ESCO pack: <c>Klimrek:EscoFolder</c>, or <c>data/esco</c> beside the executable.</summary>
    public static string EscoFolder(IConfiguration configuration) =>
        configuration["Klimrek:EscoFolder"] is { Length: > 0 } f ? Path.GetFullPath(f) : Path.Combine(AppContext.BaseDirectory, "data", "esco");

    /// <summary>Our own Dutch skill labels: <c>Klimrek:UnofficialSkillLabels</c>, or <c>data/klimrek-nl/skills_nl_klimrek.tsv.gz</c> beside the executable.</summary>
    public static string UnofficialSkillLabelsFile(IConfiguration configuration) =>
        configuration["Klimrek:UnofficialSkillLabels"] is { Length: > 0 } f ? Path.GetFullPath(f)
            : Path.Combine(AppContext.BaseDirectory, "data", "klimrek-nl", "skills_nl_klimrek.tsv.gz");
}
