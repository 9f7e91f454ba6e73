using Klimrek.Data;
using Klimrek.Features.Accounts;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using System.Net;

namespace Klimrek.Tests;

/// <summary>
/// Revoking revokes: a role change, a block and a logout end the account's existing sessions, also for a copy of the
/// sign-in cookie (<c>SessionRevocation</c>).
/// </summary>
public abstract class SessionTests(KlimrekApp app)
{
    private const string Password = "correct horse battery";

    /// <summary>A client that signs in through the form, with its cookie jar, so a test can copy the sign-in cookie.</summary>
    private async Task<(HttpClient Client, CookieContainer Jar, string Email, string Id)> SignInAsync(params string[] roles)
    {
        var email = $"s{Guid.NewGuid():N}@example.org";
        await app.WithScopeAsync(sp => sp.GetRequiredService<AccountSetup>().CreateUserAsync(email, Password, "Sessie", roles));
        var jar = new CookieContainer();
        var client = TestClientAddress.From(app.CreateDefaultClient(new CookieContainerHandler(jar)), TestClientAddress.Next());
        var login = await KlimrekApp.PostFormAsync(client, "/account/inloggen", new() { ["Email"] = email, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var id = await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return (client, jar, email, id);
    }

    private HttpClient WithCopiedCookie(CookieContainer jar)
    {
        var cookie = jar.GetCookies(app.Server.BaseAddress)["klimrek.auth"];
        Assert.NotNull(cookie);
        var copy = TestClientAddress.From(app.CreateDefaultClient(), TestClientAddress.Next());
        copy.DefaultRequestHeaders.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        return copy;
    }

    private async Task SetRolesAsync(string userId, params string[] roles)
    {
        var admin = await app.LoginAsync(Roles.Beheerder);
        var page = await admin.GetStringAsync("/beheer/gebruikers");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", WebUtility.HtmlDecode(token)), new("userId", userId) };
        fields.AddRange(roles.Select(r => new KeyValuePair<string, string>("roles", r)));
        var post = await admin.PostAsync("/beheer/gebruikers", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
    }

    [Fact]
    public async Task A_curator_demoted_to_deelnemer_can_no_longer_curate_with_the_old_cookie()
    {
        var (curator, jar, _, id) = await SignInAsync(Roles.Curator);
        var occupation = await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().Occupations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync());
        var edit = $"/beroepen/{occupation}/bewerken/hoofd";
        var form = await curator.GetAsync(edit);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var token = System.Text.RegularExpressions.Regex.Match(await form.Content.ReadAsStringAsync(),
            "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var copy = WithCopiedCookie(jar);

        await SetRolesAsync(id, Roles.Deelnemer);

        foreach (var client in new[] { curator, copy })
        {
            var get = await client.GetAsync(edit);
            Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
            Assert.StartsWith("/account/inloggen", get.Headers.Location!.PathAndQuery);
        }
        var text = "Na de degradatie " + Guid.NewGuid().ToString("N")[..8];
        var post = await copy.PostAsync(edit, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["Text"] = text, ["BaseVersion"] = "0", ["Origin"] = "onderwijs", ["Note"] = "",
        }));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.True(post.StatusCode != HttpStatusCode.Redirect || post.Headers.Location!.PathAndQuery.StartsWith("/account/inloggen", StringComparison.Ordinal));
        Assert.False(await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().ImageRevisions.AnyAsync(r => r.Content == text)));

        // Signing in again gives the new roles: a deelnemer is not a curator.
        var again = await KlimrekApp.PostFormAsync(curator, "/account/inloggen", new() { ["Email"] = await EmailOfAsync(id), ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var denied = await curator.GetAsync(edit);
        Assert.StartsWith("/account/geen-toegang", denied.Headers.Location!.PathAndQuery);
    }

    private Task<string> EmailOfAsync(string id) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().Users.Where(u => u.Id == id).Select(u => u.Email!).SingleAsync());

    [Fact]
    public void Every_instance_checks_a_cookie_against_the_database_at_least_once_a_minute()
    {
        var interval = app.Service(sp => sp.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval);
        Assert.InRange(interval, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.FromSeconds(30), SessionCheck.Interval(Config([])));
        Assert.Equal(TimeSpan.FromMinutes(1), SessionCheck.Interval(Config(new() { ["Accounts:SessionCheckSeconds"] = "3600" })));
        Assert.Equal(TimeSpan.Zero, SessionCheck.Interval(Config(new() { ["Accounts:SessionCheckSeconds"] = "0" })));
    }

    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public async Task After_logout_a_copy_of_the_sign_in_cookie_no_longer_works()
    {
        var (client, jar, _, _) = await SignInAsync(Roles.Deelnemer);
        var copy = WithCopiedCookie(jar);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/v1/me/profile")).StatusCode);

        var logout = await KlimrekApp.PostFormAsync(client, "/account/uitloggen", [], formPage: "/over");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/v1/me/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me/profile")).StatusCode);
    }

    [Fact]
    public async Task A_blocked_account_is_signed_out_everywhere_and_cannot_sign_in()
    {
        var (client, _, email, id) = await SignInAsync(Roles.Deelnemer);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me/profile")).StatusCode);
        var admin = await app.LoginAsync(Roles.Beheerder);
        var block = await KlimrekApp.PostFormAsync(admin, "/beheer/gebruikers?handler=Lock", new() { ["userId"] = id }, formPage: "/beheer/gebruikers");
        Assert.Equal(HttpStatusCode.OK, block.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me/profile")).StatusCode);

        var login = await KlimrekApp.PostFormAsync(client, "/account/inloggen", new() { ["Email"] = email, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("geblokkeerd", await login.Content.ReadAsStringAsync());

        var unblock = await KlimrekApp.PostFormAsync(admin, "/beheer/gebruikers?handler=Unlock", new() { ["userId"] = id }, formPage: "/beheer/gebruikers");
        Assert.Equal(HttpStatusCode.OK, unblock.StatusCode);
        login = await KlimrekApp.PostFormAsync(client, "/account/inloggen", new() { ["Email"] = email, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SessionTestsSqlite(SqliteApp app) : SessionTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SessionTestsPostgres(PostgresApp app) : SessionTests(app);
