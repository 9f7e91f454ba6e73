using Klimrek.Infrastructure;

if (Cli.IsCommand(args))
    return await Cli.RunAsync(args);

var app = KlimrekWeb.Build(args);
await app.RunAsync();
return 0;

/// <summary>Entry point; public for the HTTP tests' WebApplicationFactory.</summary>
public partial class Program;
