using Klimrek.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Klimrek.Tests;

/// <summary>
/// Another instance of the app on a running test app's database (nothing to migrate, import or seed), with its own
/// data folder and optional extra settings — as a second server behind a load balancer.
/// </summary>
public sealed class OtherInstance(KlimrekApp first, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "klimrek-tests-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_dataFolder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", first.Provider.ToString());
        builder.UseSetting("Klimrek:DataFolder", _dataFolder);
        builder.UseSetting("Klimrek:DemoContent", "false");
        builder.UseSetting("ConnectionStrings:Klimrek", first.ConnectionString);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, TestClientAddress>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { }
    }
}
