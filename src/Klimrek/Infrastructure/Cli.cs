using Klimrek.Data;
using Klimrek.Features.Accounts;
using Klimrek.Features.Esco;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using System.CommandLine;

namespace Klimrek.Infrastructure;

/// <summary>
/// Command-line verbs of the same executable: <c>import esco &lt;folder&gt;</c>, <c>admin create</c>, <c>migrate</c>,
/// and <c>match &lt;edge-list&gt;</c> (the duo-matching algorithm on a plain weighted edge list, for comparison with peers).
/// They use the same configuration (Database:Provider, ConnectionStrings:Klimrek) as the web app.
/// </summary>
public static class Cli
{
    private static readonly string[] Verbs = ["import", "admin", "migrate", "match", "demo", "--help", "-h", "help"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    /// <summary>Runs a verb; <paramref name="settings"/> overlay the configuration (tests point the verb at their database).</summary>
    public static async Task<int> RunAsync(string[] args, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var root = new RootCommand("Klimrek — opdrachten voor beheer. Zonder opdracht start de webapplicatie.");

        var folderArg = new Argument<DirectoryInfo>("folder") { Description = "Map met een ESCO CSV-taalpakket (occupations_xx.csv, skills_xx.csv, relaties …), ook .csv.gz" };
        var esco = new Command("esco", "Importeer een officieel ESCO CSV-pakket (alles of niets; opnieuw importeren werkt bij).") { folderArg };
        esco.SetAction((parse, ct) => ImportEscoAsync(parse.GetValue(folderArg)!, settings, ct));
        var import = new Command("import", "Gegevens importeren.") { esco };
        root.Add(import);

        var email = new Option<string>("--email") { Description = "E-mailadres (inlognaam)", Required = true };
        var password = new Option<string>("--password") { Description = "Wachtwoord (minstens 12 tekens)", Required = true };
        var name = new Option<string>("--name") { Description = "Weergavenaam" };
        var origin = new Option<string?>("--origin") { Description = "Namens wie deze beheerder als curator schrijft: onderwijs, werkgever of onderzoek (later te wijzigen)" };
        var create = new Command("create", "Maak een beheerdersaccount (ook voor de eerste beheerder).") { email, password, name, origin };
        create.SetAction((parse, _) => CreateAdminAsync(parse.GetValue(email)!, parse.GetValue(password)!, parse.GetValue(name), parse.GetValue(origin), settings));
        root.Add(new Command("admin", "Accounts beheren.") { create });

        var migrate = new Command("migrate", "Werk het databaseschema bij en stop.");
        migrate.SetAction(async (_, ct) =>
        {
            await using var host = await StartAsync(settings, ct);
            AnsiConsole.MarkupLine("[green]Databaseschema is bijgewerkt.[/]");
            return 0;
        });
        root.Add(migrate);

        var graphArg = new Argument<string>("edge-list") { Description = "Bestand met 'n m' en dan per regel 'u v w' (hoekpunten vanaf 0, gehele gewichten); '-' = standaardinvoer" };
        var match = new Command("match", "Maximaal-gewicht-koppeling op een algemene graaf (blossom-algoritme): schrijft het totale gewicht en de paren.") { graphArg };
        match.SetAction((parse, _) => Task.FromResult(Match(parse.GetValue(graphArg)!)));
        root.Add(match);

        var count = new Option<int>("--participants") { Description = "Aantal deelnemers", DefaultValueFactory = _ => 200 };
        var stewardEmail = new Option<string>("--steward-email") { Description = "E-mailadres van de stuurgroep (account wordt gemaakt als het niet bestaat)", Required = true };
        var stewardPassword = new Option<string>("--steward-password") { Description = "Wachtwoord voor dat account (minstens 12 tekens)", Required = true };
        var seedOption = new Option<int>("--seed") { Description = "Startwaarde van de toevalsgenerator", DefaultValueFactory = _ => 1 };
        var samen = new Command("samen-leren", "Maak een demonstratieprogramma met deelnemers en complete intakes (op echte ESCO-vaardigheden); schrijft het programmanummer.")
            { count, stewardEmail, stewardPassword, seedOption };
        samen.SetAction(async (parse, ct) =>
        {
            int n = parse.GetValue(count);
            if (n is < 2 or > 20000) { Console.Error.WriteLine("--participants: tussen 2 en 20000."); return 2; }
            await using var scope = await StartAsync(settings, ct);
            var id = await Klimrek.Features.SamenLeren.SamenLerenDemo.SeedAsync(scope.ServiceProvider, n, parse.GetValue(stewardEmail)!, parse.GetValue(stewardPassword)!, parse.GetValue(seedOption), ct);
            Console.Out.WriteLine(id);
            return 0;
        });
        var nurseEmail = new Option<string>("--email") { Description = "E-mailadres van de demo-verpleegkundige (nieuw account)", Required = true };
        var managerEmail = new Option<string>("--manager-email") { Description = "E-mailadres van haar leidinggevende (nieuw account)", Required = true };
        var demoPassword = new Option<string>("--password") { Description = "Wachtwoord voor beide accounts (minstens 12 tekens)", Required = true };
        var werkleren = new Command("werkleren", "Maak een demo-verpleegkundige met drijfveren, twee leerexperimenten, een kring van vier, check-ins en een ontwikkelplan; "
            + "haar leidinggevende ziet wat ze deelt.") { nurseEmail, managerEmail, demoPassword };
        werkleren.SetAction(async (parse, ct) =>
        {
            await using var scope = await StartAsync(settings, ct);
            var result = await Klimrek.Features.Werkleren.WerklerenDemo.SeedAsync(scope.ServiceProvider, parse.GetValue(nurseEmail)!, parse.GetValue(managerEmail)!,
                parse.GetValue(demoPassword)!, ct);
            Console.Out.WriteLine($"verpleegkundige {parse.GetValue(nurseEmail)}, leidinggevende {parse.GetValue(managerEmail)}, experiment {result.ExperimentId}");
            return 0;
        });
        var hrEmail = new Option<string?>("--hr-email") { Description = "E-mailadres van een HR-account voor de eerste demo-organisatie (gemaakt als het niet bestaat)" };
        var hrPassword = new Option<string?>("--password") { Description = "Wachtwoord voor dat nieuwe account (minstens 12 tekens)" };
        var lcSeed = new Option<int>("--seed") { Description = "Startwaarde van de toevalsgenerator", DefaultValueFactory = _ => 12 };
        var leercultuur = new Command("leercultuur", "Maak demo-organisaties in verschillende sectoren en regio's met een afgesloten scanronde, "
            + "één met twee rondes en een coachingstraject; nogmaals draaien voegt niets dubbel toe.") { hrEmail, hrPassword, lcSeed };
        leercultuur.SetAction(async (parse, ct) =>
        {
            var email = parse.GetValue(hrEmail);
            var pwd = parse.GetValue(hrPassword);
            if (email is not null && pwd is null) { Console.Error.WriteLine("--hr-email: geef ook --password."); return 2; }
            await using var scope = await StartAsync(settings, ct);
            var r = await Klimrek.Features.Leercultuur.LeercultuurDemo.SeedAsync(scope.ServiceProvider, email, pwd, parse.GetValue(lcSeed), ct);
            Console.Out.WriteLine($"organisaties {r.Organisations} (nieuw {r.Created}), antwoorden {r.Responses}, eerste organisatie {r.FirstOrganisationId}, traject {r.RouteId}");
            return 0;
        });
        root.Add(new Command("demo", "Demonstratiegegevens.") { samen, werkleren, leercultuur });

        return await root.Parse(args).InvokeAsync();
    }

    /// <summary>Reads the edge list, solves, prints "weight W", "pairs K" and one "u v" line per pair; timing on stderr.</summary>
    private static int Match(string path)
    {
        (int n, List<Klimrek.Core.Matching.WeightedEdge> edges) graph;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            using var reader = path == "-" ? new StreamReader(Console.OpenStandardInput()) : new StreamReader(path);
            graph = Klimrek.Core.Matching.EdgeList.Read(reader);
        }
        catch (Klimrek.Core.Matching.EdgeListException e)
        {
            Console.Error.WriteLine($"Fout in {path}, {e.Message}.");
            return 2;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"Kan {path} niet lezen: {e.Message}");
            return 2;
        }
        var read = clock.Elapsed;
        clock.Restart();
        var result = Klimrek.Core.Matching.MaximumWeightMatching.Solve(graph.n, graph.edges);
        var solved = clock.Elapsed;
        var output = new System.Text.StringBuilder();
        output.Append("weight ").Append(result.TotalWeight).Append('\n');
        output.Append("pairs ").Append(result.Pairs.Count).Append('\n');
        foreach (var (u, v) in result.Pairs) output.Append(u).Append(' ').Append(v).Append('\n');
        Console.Out.Write(output.ToString());
        Console.Error.WriteLine($"read {read.TotalSeconds:F3} s, solved {solved.TotalSeconds:F3} s ({graph.n} vertices, {graph.edges.Count} edges)");
        return 0;
    }

    /// <summary>A scope over the app's services with the schema migrated, without starting the web server.</summary>
    private static async Task<AsyncServiceScope> StartAsync(IReadOnlyDictionary<string, string?>? settings, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder();
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Klimrek.Features.Esco", LogLevel.Information);
        builder.Services.AddKlimrekServices(builder.Configuration, builder.Environment.ContentRootPath);
        var host = builder.Build();
        var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KlimrekDbContext>().Database.MigrateAsync(ct);
        await scope.ServiceProvider.GetRequiredService<AccountSetup>().EnsureRolesAsync();
        return scope;
    }

    private static async Task<int> ImportEscoAsync(DirectoryInfo folder, IReadOnlyDictionary<string, string?>? settings, CancellationToken ct)
    {
        await using var scope = await StartAsync(settings, ct);
        var importer = scope.ServiceProvider.GetRequiredService<EscoImporter>();
        try
        {
            EscoImportResult? result = null;
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("ESCO importeren", maxValue: 100);
                    var progress = new Progress<ImportProgress>(p =>
                    {
                        task.Description = Markup.Escape(p.Stage);
                        task.Value = p.Fraction * 100;
                    });
                    result = await importer.ImportAsync(folder.FullName, progress, ct);
                    task.Value = 100;
                });
            var r = result!;
            AnsiConsole.MarkupLine($"[green]Klaar[/] in {r.Elapsed.TotalSeconds:F1} s: {r.Occupations} beroepen, {r.Skills} vaardigheden, {r.IscoGroups} ISCO-groepen, {r.OccupationSkillRelations} beroep–vaardigheid-relaties (talen: {Markup.Escape(r.Languages)}).");
            foreach (var note in r.Notes)
                AnsiConsole.MarkupLine($"[yellow]Opgemerkt:[/] {Markup.Escape(note)}");
            return 0;
        }
        catch (EscoImportException e)
        {
            AnsiConsole.MarkupLine($"[red]Import afgebroken, er is niets gewijzigd.[/] {Markup.Escape(e.Message)}");
            return 2;
        }
    }

    private static async Task<int> CreateAdminAsync(string email, string password, string? name, string? origin, IReadOnlyDictionary<string, string?>? settings)
    {
        ContributorOrigin? background = null;
        if (origin is not null)
        {
            if (!OriginLabels.TryParse(origin, out var o))
            {
                AnsiConsole.MarkupLine("[red]--origin moet onderwijs, werkgever of onderzoek zijn.[/]");
                return 2;
            }
            background = o;
        }
        await using var scope = await StartAsync(settings, CancellationToken.None);
        var errors = await scope.ServiceProvider.GetRequiredService<AccountSetup>()
            .CreateUserAsync(email.Trim(), password, string.IsNullOrWhiteSpace(name) ? email.Trim() : name.Trim(), [Roles.Beheerder, Roles.Curator], background);
        if (errors.Count > 0)
        {
            foreach (var e in errors) AnsiConsole.MarkupLine($"[red]{Markup.Escape(e)}[/]");
            return 2;
        }
        AnsiConsole.MarkupLine($"[green]Beheerder {Markup.Escape(email)} is aangemaakt.[/]");
        return 0;
    }
}
