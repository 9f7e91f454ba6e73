using Klimrek.Data;
using Klimrek.Features.Accounts;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using System.Net;
using System.Text.RegularExpressions;

namespace Klimrek.Tests;

/// <summary>
/// One running app per database provider, shared by every test in that provider's collection: the app migrates an
/// empty database and imports the full shipped ESCO set on start, exactly as a real first start does.
/// </summary>
public abstract partial class KlimrekApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public abstract DatabaseProvider Provider { get; }
    protected abstract Task<string?> PrepareDatabaseAsync();
    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;
    protected string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "klimrek-tests-" + Guid.NewGuid().ToString("N"));
    private string? _connectionString;

    /// <summary>The SMTP server this app sends its mail to (<c>Mail:Host</c>): every mail the app sends ends up here.</summary>
    public TestSmtpServer Mail { get; } = TestSmtpServer.Start();

    /// <summary>The database this app runs on (for a second instance sharing it).</summary>
    public string? ConnectionString => _connectionString;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataFolder);
        _connectionString = await PrepareDatabaseAsync();
        _ = Server; // starts the host: migrations, ESCO import, demo content
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await DropDatabaseAsync();
        Mail.Dispose();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Klimrek:DataFolder", DataFolder);
        builder.UseSetting("ConnectionStrings:Klimrek", _connectionString ?? "");
        builder.UseSetting("Mail:Host", "127.0.0.1");
        builder.UseSetting("Mail:Port", Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Tls", "None");
        builder.UseSetting("Mail:BaseUrl", "http://localhost");
        // Tests send due reminders themselves (ReminderDispatcher.DispatchDueAsync), so that what is sent when is certain.
        builder.UseSetting("Notifications:Background", "false");
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(new FaultInterceptor(Faults, Provider));
            s.AddScoped<IPasswordHasher<KlimrekUser>>(sp => new CountingPasswordHasher(
                new PasswordHasher<KlimrekUser>(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<PasswordHasherOptions>>()), PasswordChecks));
            s.AddSingleton<IStartupFilter, TestClientAddress>();
        });
    }

    /// <summary>The configuration that points a command-line verb (<c>Cli.RunAsync</c>) at this app's database.</summary>
    public IReadOnlyDictionary<string, string?> CliSettings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider.ToString(),
        ["Klimrek:DataFolder"] = DataFolder,
        ["ConnectionStrings:Klimrek"] = _connectionString ?? "",
    };

    /// <summary>Database faults to inject into this app (tests in a collection run one at a time).</summary>
    public Faults Faults { get; } = new();

    public T Service<T>(Func<IServiceProvider, T> use)
    {
        using var scope = Services.CreateScope();
        return use(scope.ServiceProvider);
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    /// <summary>A new browser on its own machine: its requests come from an address no other client uses (rate limits).</summary>
    public HttpClient Anonymous() =>
        TestClientAddress.From(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }), TestClientAddress.Next());

    /// <summary>Creates a fresh account with the given roles and returns a client logged in through the real login form.</summary>
    public async Task<HttpClient> LoginAsync(params string[] roles) => (await LoginAsUserAsync(roles)).Client;

    public sealed record TestUser(HttpClient Client, string Email, string Id);

    /// <summary>As <see cref="LoginAsync"/>, also returning the account's e-mail address and id.</summary>
    public async Task<TestUser> LoginAsUserAsync(params string[] roles)
    {
        var email = $"u{Guid.NewGuid():N}@example.org";
        const string password = "correct horse battery";
        var errors = await WithScopeAsync(sp => sp.GetRequiredService<AccountSetup>()
            .CreateUserAsync(email, password, "Test " + string.Join("/", roles), roles, ContributorOrigin.Werkgever));
        Assert.Empty(errors);
        // Beheerders must sign in with two factors: their authenticator key is set here, the code computed as an app would.
        var key = roles.Contains(Roles.Beheerder) ? await EnableTwoFactorAsync(email) : null;
        var client = Anonymous();
        var response = await PostFormAsync(client, "/account/inloggen", new() { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (key is not null)
        {
            Assert.StartsWith("/account/inloggen/tweestaps", response.Headers.Location!.OriginalString);
            response = await PostFormAsync(client, response.Headers.Location.OriginalString, new() { ["Code"] = Totp.Code(key) });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        var id = await WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<KlimrekUser>>().FindByEmailAsync(email))!.Id);
        return new TestUser(client, email, id);
    }

    /// <summary>The files of a "my data" export (<c>/api/v1/me/data.zip</c>) by name, with their text.</summary>
    public static async Task<Dictionary<string, string>> ExportFilesAsync(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await r.Content.ReadAsByteArrayAsync()));
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in zip.Entries)
        {
            using var reader = new StreamReader(e.Open(), System.Text.Encoding.UTF8);
            files[e.FullName] = await reader.ReadToEndAsync();
        }
        return files;
    }

    /// <summary>Turns on two-factor sign-in for an account; returns its authenticator key.</summary>
    public Task<string> EnableTwoFactorAsync(string email) => WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<KlimrekUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    });

    /// <summary>How often this app verified a password against a hash (the dummy hash of an unknown account included).</summary>
    public CountingPasswordHasher.Counter PasswordChecks { get; } = new();

    /// <summary>GETs the page to obtain its antiforgery token (as a browser would), then POSTs the form.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? url);
        var token = TokenRegex().Match(page);
        Assert.True(token.Success, "no antiforgery token on " + (formPage ?? url));
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(url, new FormUrlEncodedContent(all));
    }

    /// <summary>GETs <paramref name="formPage"/> for its antiforgery token, then POSTs one file as a browser's file upload does.</summary>
    public static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string url, string formPage, string field, string fileName, byte[] content)
    {
        var token = TokenRegex().Match(await client.GetStringAsync(formPage));
        Assert.True(token.Success, "no antiforgery token on " + formPage);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(content), field, fileName);
        return await client.PostAsync(url, form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}

public sealed class SqliteApp : KlimrekApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    // The default file in the data folder, named so that another instance can open the same database.
    protected override Task<string?> PrepareDatabaseAsync() => Task.FromResult<string?>($"Data Source={Path.Combine(DataFolder, "klimrek.db")}");
}

public sealed class PostgresApp : KlimrekApp
{
    /// <summary>Server to create test databases on; .ci/run starts one with these credentials.</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("KLIMREK_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";

    private readonly string _database = "klimrek_test_" + Guid.NewGuid().ToString("N")[..12];
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override async Task<string?> PrepareDatabaseAsync()
    {
        try
        {
            await using var conn = new NpgsqlConnection(ServerConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {_database}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException e)
        {
            throw new InvalidOperationException(
                $"PostgreSQL is not reachable ({e.Message}). The tests need it: run .ci/run, or set KLIMREK_TEST_POSTGRES to a server connection string.", e);
        }
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _database }.ConnectionString;
    }

    protected override async Task DropDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(ServerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteApp> { public const string Name = "sqlite"; }

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresApp> { public const string Name = "postgres"; }
