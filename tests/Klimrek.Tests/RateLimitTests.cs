using Klimrek.Features.Accounts;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json;

namespace Klimrek.Tests;

/// <summary>
/// Rate limits (<c>RateLimits</c>), on an instance of the app with low limits of its own (so the shared app's tests
/// never meet them): credential POSTs per address, per account from one address and per account overall; the API per
/// user or address; 429 with Retry-After as ProblemDetails on the API and the Dutch page elsewhere.
/// </summary>
public abstract class RateLimitTests(KlimrekApp app)
{
    private OtherInstance Limited() => new(app, new Dictionary<string, string>
    {
        ["RateLimits:Credentials:PerAddress:PermitLimit"] = "4", ["RateLimits:Credentials:PerAddress:WindowSeconds"] = "3600",
        ["RateLimits:Credentials:PerAccountAndAddress:PermitLimit"] = "2", ["RateLimits:Credentials:PerAccountAndAddress:WindowSeconds"] = "3600",
        ["RateLimits:Credentials:PerAccount:PermitLimit"] = "3", ["RateLimits:Credentials:PerAccount:WindowSeconds"] = "3600",
        ["RateLimits:Api:PermitLimit"] = "5", ["RateLimits:Api:WindowSeconds"] = "3600",
    });

    private static HttpClient Client(OtherInstance instance, string? address = null) => TestClientAddress.From(
        instance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), address ?? TestClientAddress.Next());

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password = "een fout wachtwoord") =>
        KlimrekApp.PostFormAsync(client, "/account/inloggen", new() { ["Email"] = email, ["Password"] = password });

    private static string NewEmail() => $"rl{Guid.NewGuid():N}@example.org";

    private static async Task AssertTooManyOnPageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After: " + response.Headers.RetryAfter);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Te veel pogingen", html);
        Assert.Contains("<html", html);
    }

    [Fact]
    public async Task Credential_posts_are_limited_per_address_per_account_and_address_and_per_account()
    {
        await using var limited = Limited();

        // One password tried on many accounts from one address: the address runs out (login and registration together).
        var sprayer = Client(limited);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await LoginAsync(sprayer, NewEmail())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await KlimrekApp.PostFormAsync(sprayer, "/account/registreren",
            new() { ["DisplayName"] = "", ["Email"] = NewEmail(), ["Password"] = "kort" })).StatusCode);
        await AssertTooManyOnPageAsync(await LoginAsync(sprayer, NewEmail()));
        Assert.Equal(HttpStatusCode.OK, (await sprayer.GetAsync("/account/inloggen")).StatusCode); // reading the form is not limited
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(Client(limited), NewEmail())).StatusCode); // another address is not affected

        // One account from one address, then from several addresses together.
        var target = NewEmail();
        var guesser = Client(limited);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(guesser, target)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(guesser, " " + target.ToUpperInvariant())).StatusCode);
        await AssertTooManyOnPageAsync(await LoginAsync(guesser, target));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(guesser, NewEmail())).StatusCode); // that address, another account
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(Client(limited), target)).StatusCode); // the third try overall
        await AssertTooManyOnPageAsync(await LoginAsync(Client(limited), target)); // the account's own budget is spent
    }

    [Fact]
    public async Task The_api_is_limited_per_user_or_address_with_a_problem_and_retry_after()
    {
        await using var limited = Limited();
        var email = NewEmail();
        const string password = "correct horse battery";
        Assert.Empty(await app.WithScopeAsync(sp => sp.GetRequiredService<AccountSetup>().CreateUserAsync(email, password, "Api", [Roles.Deelnemer])));
        var user = Client(limited);
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(user, email, password)).StatusCode);
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/v1/me/profile")).StatusCode);
        var refused = await user.GetAsync("/api/v1/me/profile");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/over")).StatusCode); // pages are not the API

        // Anonymous callers count per address.
        var address = TestClientAddress.Next();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await Client(limited, address).GetAsync("/api/v1/occupations?q=verpleeg")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Client(limited, address).GetAsync("/api/v1/occupations?q=verpleeg")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client(limited).GetAsync("/api/v1/occupations?q=verpleeg")).StatusCode);
    }

    [Fact]
    public void Default_limits_are_generous_for_the_api_and_tight_for_credentials()
    {
        var defaults = RateLimits.Settings.From(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        Assert.True(defaults.Api.PermitLimit >= 300 && defaults.Api.WindowSeconds <= 60);
        Assert.True(defaults.PerAccountAndAddress.PermitLimit <= 10);
        // One address alone can never spend an account's whole budget (so it cannot keep the owner out).
        Assert.True(defaults.PerAccount.PermitLimit > defaults.PerAccountAndAddress.PermitLimit * 3);
        Assert.Equal(defaults.PerAccount.WindowSeconds, defaults.PerAccountAndAddress.WindowSeconds);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RateLimitTestsSqlite(SqliteApp app) : RateLimitTests(app);

[Collection(PostgresCollection.Name)]
public sealed class RateLimitTestsPostgres(PostgresApp app) : RateLimitTests(app);
