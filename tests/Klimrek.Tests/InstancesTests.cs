using Klimrek.Data;
using Klimrek.Features.Accounts;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using System.Net;

namespace Klimrek.Tests;

/// <summary>
/// Several instances on one database, as behind a load balancer: the data-protection keys are in the database, so a
/// sign-in cookie and an antiforgery token made by one instance work on the other; a session revoked on one ends on
/// the other at its next stamp check.
/// </summary>
public abstract class InstancesTests(KlimrekApp app)
{
    [Fact]
    public async Task A_cookie_and_a_form_from_one_instance_work_on_the_other_and_a_revocation_reaches_it()
    {
        // The other instance checks the stamp on every request (production: at least once a minute).
        await using var other = new OtherInstance(app, new Dictionary<string, string> { ["Accounts:SessionCheckSeconds"] = "0" });
        var jar = new CookieContainer(); // one browser, whose requests the balancer sends to either instance
        var address = TestClientAddress.Next();
        var onA = TestClientAddress.From(app.CreateDefaultClient(new CookieContainerHandler(jar)), address);
        var onB = TestClientAddress.From(other.CreateDefaultClient(new CookieContainerHandler(jar)), address);

        // A form from A posted to B: sign in.
        var (email, _) = await NewAccountAsync();
        var login = await PostFormAsync(onA, onB, "/account/inloggen", new() { ["Email"] = email, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        // The cookie B made works on A ...
        Assert.Equal(HttpStatusCode.OK, (await onA.GetAsync("/api/v1/me/profile")).StatusCode);

        // ... and one A made works on B.
        var (email2, id2) = await NewAccountAsync();
        var jar2 = new CookieContainer();
        var signedInOnA = TestClientAddress.From(app.CreateDefaultClient(new CookieContainerHandler(jar2)), TestClientAddress.Next());
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(signedInOnA, signedInOnA, "/account/inloggen",
            new() { ["Email"] = email2, ["Password"] = Password })).StatusCode);
        var copy = other.CreateDefaultClient();
        var cookie = jar2.GetCookies(app.Server.BaseAddress)["klimrek.auth"]!;
        copy.DefaultRequestHeaders.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/v1/me/profile")).StatusCode);

        // Sessions revoked through A end on B at its next stamp check.
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<KlimrekUser>>();
            await sp.GetRequiredService<SessionRevocation>().RevokeAsync((await users.FindByIdAsync(id2))!);
            return 0;
        });
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/v1/me/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/v1/me/profile")).StatusCode);
    }

    [Fact]
    public async Task A_password_reset_link_made_by_one_instance_works_on_the_other()
    {
        await using var other = new OtherInstance(app);
        var (email, id) = await NewAccountAsync();
        // The token in the mail's link, made on this instance (as "wachtwoord vergeten" does) ...
        var token = await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<KlimrekUser>>();
            return await users.GeneratePasswordResetTokenAsync((await users.FindByIdAsync(id))!);
        });
        // ... opened on the other: it is accepted there, and the new password signs in.
        await using (var scope = other.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<KlimrekUser>>();
            var reset = await users.ResetPasswordAsync((await users.FindByIdAsync(id))!, token, "een nieuw en lang wachtwoord");
            Assert.True(reset.Succeeded, string.Join("; ", reset.Errors.Select(e => e.Code)));
        }
        var client = TestClientAddress.From(app.CreateDefaultClient(new CookieContainerHandler(new CookieContainer())), TestClientAddress.Next());
        var login = await PostFormAsync(client, client, "/account/inloggen", new() { ["Email"] = email, ["Password"] = "een nieuw en lang wachtwoord" });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    private const string Password = "correct horse battery";

    private async Task<(string Email, string Id)> NewAccountAsync()
    {
        var email = $"i{Guid.NewGuid():N}@example.org";
        Assert.Empty(await app.WithScopeAsync(sp => sp.GetRequiredService<AccountSetup>().CreateUserAsync(email, Password, "Twee", [Roles.Deelnemer])));
        var id = await app.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<KlimrekUser>>().FindByEmailAsync(email))!.Id);
        return (email, id);
    }

    /// <summary>GETs the form from one instance and POSTs it to the other.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient formFrom, HttpClient postTo, string url, Dictionary<string, string> fields)
    {
        var page = await formFrom.GetStringAsync(url);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(token.Success);
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await postTo.PostAsync(url, new FormUrlEncodedContent(all));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class InstancesTestsSqlite(SqliteApp app) : InstancesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class InstancesTestsPostgres(PostgresApp app) : InstancesTests(app);
