using Klimrek.Features.Accounts;
using Klimrek.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Klimrek.Tests;

/// <summary>Two-factor sign-in: set up with a QR code and a first code, asked at every sign-in, recovery codes; required for beheerders.</summary>
public abstract partial class TwoFactorTests(KlimrekApp app)
{
    [GeneratedRegex("<code id=\"shared-key\">([a-z2-7 ]+)</code>")]
    private static partial Regex KeyRegex();

    [GeneratedRegex("<li><code>([A-Za-z0-9-]+)</code></li>")]
    private static partial Regex RecoveryCodeRegex();

    /// <summary>Opens the setup page, reads the key as a person would type it over, and confirms it with a computed code.</summary>
    private static async Task<(string Key, List<string> RecoveryCodes)> SetUpAsync(HttpClient client, string page = TwoFactor.SetupPage)
    {
        var html = await client.GetStringAsync(page);
        Assert.Contains("<svg", html);
        var key = KeyRegex().Match(html).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        Assert.NotEmpty(key);
        var wrongCode = Totp.Code(key) == "000000" ? "111111" : "000000";
        var refused = await KlimrekApp.PostFormAsync(client, TwoFactor.SetupPage + "?handler=Enable", new() { ["Code"] = wrongCode }, page);
        Assert.Contains("De code klopt niet.", await refused.Content.ReadAsStringAsync());
        var enabled = await KlimrekApp.PostFormAsync(client, TwoFactor.SetupPage + "?handler=Enable", new() { ["Code"] = Totp.Code(key) }, page);
        var done = await enabled.Content.ReadAsStringAsync();
        Assert.Contains("Tweestapsverificatie staat aan.", done);
        var codes = RecoveryCodeRegex().Matches(done).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(TwoFactor.RecoveryCodeCount, codes.Count);
        return (key, codes);
    }

    private static Task<HttpResponseMessage> PasswordStepAsync(HttpClient client, string email) =>
        KlimrekApp.PostFormAsync(client, "/account/inloggen", new() { ["Email"] = email, ["Password"] = "correct horse battery" });

    [Fact]
    public void The_test_code_generator_matches_RFC_6238()
    {
        // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 (eight digits; an authenticator shows the last six).
        Assert.Equal("287082", Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(59)));
        Assert.Equal("081804", Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(1111111109)));
    }

    [Fact]
    public async Task Two_factor_sign_in_is_set_up_with_a_qr_code_and_a_first_code_then_asked_at_every_sign_in()
    {
        var me = await app.LoginAsUserAsync(Roles.Deelnemer);
        Assert.Contains("Tweestapsverificatie aanzetten", await me.Client.GetStringAsync("/account"));
        var (key, recovery) = await SetUpAsync(me.Client);
        Assert.Contains("Tweestapsverificatie beheren", await me.Client.GetStringAsync("/account"));

        // The password alone is no longer enough.
        var client = app.Anonymous();
        var step = await PasswordStepAsync(client, me.Email);
        Assert.Equal(HttpStatusCode.Redirect, step.StatusCode);
        var codePage = step.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/inloggen/tweestaps", codePage);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/klimrek")).StatusCode);
        var wrong = await KlimrekApp.PostFormAsync(client, codePage, new() { ["Code"] = Totp.Code(key) == "123456" ? "654321" : "123456" });
        Assert.Contains("De code klopt niet.", await wrong.Content.ReadAsStringAsync());
        var right = await KlimrekApp.PostFormAsync(client, codePage, new() { ["Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/klimrek")).StatusCode);

        // Without the phone: a recovery code, once.
        var lost = app.Anonymous();
        await PasswordStepAsync(lost, me.Email);
        var withCode = await KlimrekApp.PostFormAsync(lost, "/account/inloggen/herstelcode", new() { ["RecoveryCode"] = recovery[0].ToLowerInvariant() });
        Assert.Equal(HttpStatusCode.Redirect, withCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lost.GetAsync("/klimrek")).StatusCode);
        var again = app.Anonymous();
        await PasswordStepAsync(again, me.Email);
        var reused = await KlimrekApp.PostFormAsync(again, "/account/inloggen/herstelcode", new() { ["RecoveryCode"] = recovery[0] });
        Assert.Contains("Deze herstelcode klopt niet of is al gebruikt.", await reused.Content.ReadAsStringAsync());

        // Turning it off takes the password.
        var off = await KlimrekApp.PostFormAsync(client, TwoFactor.SetupPage + "?handler=Disable", new() { ["Password"] = "niet het wachtwoord" }, TwoFactor.SetupPage);
        Assert.Contains("Het wachtwoord klopt niet.", await off.Content.ReadAsStringAsync());
        off = await KlimrekApp.PostFormAsync(client, TwoFactor.SetupPage + "?handler=Disable", new() { ["Password"] = "correct horse battery" }, TwoFactor.SetupPage);
        Assert.Contains("Tweestapsverificatie staat uit.", await off.Content.ReadAsStringAsync());
        Assert.Equal("/", (await PasswordStepAsync(app.Anonymous(), me.Email)).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_beheerder_without_two_factor_sign_in_is_sent_to_set_it_up_before_the_admin_pages_and_actions()
    {
        var email = $"beheer{Guid.NewGuid():N}@example.org";
        Assert.Empty(await app.WithScopeAsync(sp => sp.GetRequiredService<AccountSetup>().CreateUserAsync(email, "correct horse battery", "Beheer", [Roles.Beheerder])));
        var client = app.Anonymous();
        Assert.Equal("/", (await PasswordStepAsync(client, email)).Headers.Location!.OriginalString);

        var admin = await client.GetAsync("/beheer/gebruikers");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.Equal(TwoFactor.SetupPage + "?returnUrl=%2Fbeheer%2Fgebruikers", admin.Headers.Location!.OriginalString);
        var api = await client.PostAsync("/api/v1/labour-market", new StringContent("isco;regio;spanning\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("tweestapsverificatie", await api.Content.ReadAsStringAsync());
        // Other pages are not held up; someone without the role still gets the usual refusal.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/klimrek")).StatusCode);
        var deelnemer = await app.LoginAsync(Roles.Deelnemer);
        Assert.StartsWith("/account/geen-toegang", (await deelnemer.GetAsync("/beheer/gebruikers")).Headers.Location!.PathAndQuery);

        var setup = await client.GetStringAsync(admin.Headers.Location.OriginalString);
        Assert.Contains("Als beheerder heb je tweestapsverificatie nodig", setup);
        await SetUpAsync(client, admin.Headers.Location.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/beheer/gebruikers")).StatusCode);
        Assert.Contains("tweestapsverificatie", await client.GetStringAsync("/beheer/gebruikers"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TwoFactorTestsSqlite(SqliteApp app) : TwoFactorTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TwoFactorTestsPostgres(PostgresApp app) : TwoFactorTests(app);
