using Klimrek.Data;
using Klimrek.Features.Accounts;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Klimrek.Tests;

/// <summary>
/// Verified addresses, password reset and change, one answer for every address (registration, reset, sign-in), the
/// password rules, and two-factor sign-in (required for beheerders) — over HTTP, with the mail read from the app's SMTP server.
/// </summary>
public abstract partial class AccountTrustTests(KlimrekApp app)
{
    private const string Password = "een eigen lang wachtwoord";

    private static string NewEmail(string who) => $"{who}{Guid.NewGuid():N}@example.org";

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string name, string email, string password) =>
        KlimrekApp.PostFormAsync(client, "/account/registreren", new() { ["DisplayName"] = name, ["Email"] = email, ["Password"] = password });

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        KlimrekApp.PostFormAsync(client, "/account/inloggen", new() { ["Email"] = email, ["Password"] = password });

    private Task<KlimrekUser> UserAsync(string email) =>
        app.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<KlimrekUser>>().FindByEmailAsync(email))!);

    private static string Notice(string html) => NoticeRegex().Match(html).Value;

    [GeneratedRegex("<p class=\"notice [a-z]+\" role=\"[a-z]+\">[^<]*</p>")]
    private static partial Regex NoticeRegex();

    [Fact]
    public async Task Registration_mails_a_verification_link_in_the_page_language_and_the_account_is_unverified_until_it_is_opened()
    {
        var client = app.Anonymous();
        var email = NewEmail("sanne");
        var registered = await RegisterAsync(client, "Sanne", email, Password);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/account/registreren/verstuurd", registered.Headers.Location!.OriginalString);
        Assert.Contains("Controleer je e-mail", await client.GetStringAsync("/account/registreren/verstuurd"));

        var mail = await app.Mail.WaitForAsync(email);
        Assert.Equal("Bevestig je e-mailadres voor Klimrek", mail.Subject);
        Assert.Contains("Hallo Sanne,", mail.TextBody);
        Assert.Contains("<a href=\"http://localhost/account/bevestigen?", mail.HtmlBody);
        Assert.False((await UserAsync(email)).EmailConfirmed);

        // Unverified, the account can sign in, and its page says it is not verified yet.
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(client, email, Password)).StatusCode);
        Assert.Contains("nog niet bevestigd", await client.GetStringAsync("/account"));

        var link = TestSmtpServer.LinkIn(mail, "/account/bevestigen");
        Assert.Contains("ongeldig of verlopen", await app.Anonymous().GetStringAsync(link[..^3] + "xyz"));
        Assert.Contains("Je e-mailadres is bevestigd.", await client.GetStringAsync(link));
        Assert.True((await UserAsync(email)).EmailConfirmed);
        Assert.DoesNotContain("nog niet bevestigd", await client.GetStringAsync("/account"));

        // Someone registering on the English pages gets English mail, and keeps getting it.
        var english = app.Anonymous();
        await english.GetAsync("/taal/en");
        var emailEn = NewEmail("sam");
        Assert.Equal(HttpStatusCode.Redirect, (await RegisterAsync(english, "Sam", emailEn, Password)).StatusCode);
        var mailEn = await app.Mail.WaitForAsync(emailEn);
        Assert.Equal("Confirm your email address for Klimrek", mailEn.Subject);
        Assert.Contains("Hello Sam,", mailEn.TextBody);
        Assert.Equal("en", (await UserAsync(emailEn)).Language);
    }

    [Fact]
    public async Task Registering_an_address_that_has_an_account_answers_the_same_and_mails_the_owner_instead()
    {
        var email = NewEmail("bestaand");
        Assert.Empty(await app.WithScopeAsync(sp => sp.GetRequiredService<AccountSetup>().CreateUserAsync(email, Password, "Bestaand", [Roles.Deelnemer])));

        var fresh = await RegisterAsync(app.Anonymous(), "Nieuw", NewEmail("nieuw"), "iets heel anders dan dat");
        var again = await RegisterAsync(app.Anonymous(), "Indringer", email, "iets heel anders dan dat");
        Assert.Equal(fresh.StatusCode, again.StatusCode);
        Assert.Equal(fresh.Headers.Location, again.Headers.Location);

        var notice = await app.Mail.WaitForAsync(email);
        Assert.Equal("Er is geprobeerd een account te maken met je e-mailadres", notice.Subject);
        Assert.Contains("/account/wachtwoord-vergeten", notice.TextBody);
        Assert.DoesNotContain(app.Mail.To(email), m => m.Subject?.Contains("Bevestig", StringComparison.Ordinal) == true);
        Assert.Equal(1, await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().Users.CountAsync(u => u.Email == email)));
        Assert.Equal("Bestaand", (await UserAsync(email)).DisplayName);
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(app.Anonymous(), email, Password)).StatusCode);
    }

    [Fact]
    public async Task A_new_verification_mail_can_be_asked_for_signed_in_or_not_with_the_same_answer_for_any_address()
    {
        var client = app.Anonymous();
        var email = NewEmail("opnieuw");
        await RegisterAsync(client, "Opnieuw", email, Password);
        await app.Mail.WaitForAsync(email);
        var known = await KlimrekApp.PostFormAsync(app.Anonymous(), "/account/bevestigen/opnieuw", new() { ["Email"] = email });
        var unknown = await KlimrekApp.PostFormAsync(app.Anonymous(), "/account/bevestigen/opnieuw", new() { ["Email"] = NewEmail("onbekend") });
        Assert.Equal(Notice(await known.Content.ReadAsStringAsync()), Notice(await unknown.Content.ReadAsStringAsync()));
        Assert.NotEmpty(Notice(await known.Content.ReadAsStringAsync()));
        await app.Mail.WaitForAsync(email, _ => app.Mail.To(email).Count >= 2);

        await LoginAsync(client, email, Password);
        var resend = await KlimrekApp.PostFormAsync(client, "/account?handler=Resend", [], "/account");
        Assert.Contains("bevestigingsmail opnieuw gestuurd", await resend.Content.ReadAsStringAsync());
        await app.Mail.WaitForAsync(email, _ => app.Mail.To(email).Count >= 3);
        // Every link works until one is used.
        var link = TestSmtpServer.LinkIn(app.Mail.To(email)[1], "/account/bevestigen");
        Assert.Contains("Je e-mailadres is bevestigd.", await app.Anonymous().GetStringAsync(link));
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_through_a_mailed_link_and_the_answer_is_the_same_for_unknown_addresses()
    {
        var email = NewEmail("vergeten");
        var unknownEmail = NewEmail("onbekend");
        await RegisterAsync(app.Anonymous(), "Vergeten", email, Password);
        await app.Mail.WaitForAsync(email);
        var unknown = await KlimrekApp.PostFormAsync(app.Anonymous(), "/account/wachtwoord-vergeten", new() { ["Email"] = unknownEmail });
        var known = await KlimrekApp.PostFormAsync(app.Anonymous(), "/account/wachtwoord-vergeten", new() { ["Email"] = email });
        Assert.Equal(Notice(await unknown.Content.ReadAsStringAsync()), Notice(await known.Content.ReadAsStringAsync()));
        var mail = await app.Mail.WaitForAsync(email, m => m.Subject == "Nieuw wachtwoord voor Klimrek");
        Assert.Empty(app.Mail.To(unknownEmail)); // mail goes out in order: the unknown address's would have come first

        var link = TestSmtpServer.LinkIn(mail, "/account/wachtwoord-herstellen");
        var client = app.Anonymous();
        var weak = await KlimrekApp.PostFormAsync(client, link, new() { ["Password"] = "Wachtwoord2024!" });
        Assert.Contains("veel gebruikt", await weak.Content.ReadAsStringAsync());
        const string newPassword = "een nieuw en lang wachtwoord";
        var reset = await KlimrekApp.PostFormAsync(client, link, new() { ["Password"] = newPassword });
        Assert.Contains("Je nieuwe wachtwoord is ingesteld.", await reset.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(app.Anonymous(), email, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(app.Anonymous(), email, newPassword)).StatusCode);
        // The link proved the mailbox: the address counts as verified. A used link, or one for nobody, says the same.
        Assert.True((await UserAsync(email)).EmailConfirmed);
        var reused = await KlimrekApp.PostFormAsync(app.Anonymous(), link, new() { ["Password"] = "nog weer een ander wachtwoord" });
        var nobody = await KlimrekApp.PostFormAsync(app.Anonymous(), "/account/wachtwoord-herstellen?id=niemand&code=abc", new() { ["Password"] = "nog weer een ander wachtwoord" });
        Assert.Contains("De link is ongeldig of verlopen.", await reused.Content.ReadAsStringAsync());
        Assert.Contains("De link is ongeldig of verlopen.", await nobody.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signed_in_person_changes_their_password_on_the_account_page()
    {
        var me = await app.LoginAsUserAsync(Roles.Deelnemer);
        var page = await me.Client.GetStringAsync("/account");
        Assert.Contains("Mijn account", page);
        Assert.Contains(me.Email, page);
        var wrong = await KlimrekApp.PostFormAsync(me.Client, "/account?handler=Password",
            new() { ["CurrentPassword"] = "niet mijn wachtwoord", ["NewPassword"] = "een gloednieuw wachtwoord" }, "/account");
        Assert.Contains("Je huidige wachtwoord klopt niet.", await wrong.Content.ReadAsStringAsync());
        var weak = await KlimrekApp.PostFormAsync(me.Client, "/account?handler=Password",
            new() { ["CurrentPassword"] = "correct horse battery", ["NewPassword"] = "aaaaaaaaaaaaaaaa" }, "/account");
        Assert.Contains("te voorspelbaar", await weak.Content.ReadAsStringAsync());
        var changed = await KlimrekApp.PostFormAsync(me.Client, "/account?handler=Password",
            new() { ["CurrentPassword"] = "correct horse battery", ["NewPassword"] = "een gloednieuw wachtwoord" }, "/account");
        Assert.Contains("Je wachtwoord is gewijzigd.", await changed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await me.Client.GetAsync("/account")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(app.Anonymous(), me.Email, "een gloednieuw wachtwoord")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_says_the_same_for_an_unknown_address_a_wrong_password_and_a_locked_account_and_hashes_once_for_each()
    {
        var email = NewEmail("slot");
        await app.WithScopeAsync(sp => sp.GetRequiredService<AccountSetup>().CreateUserAsync(email, Password, "Slot", [Roles.Deelnemer]));
        async Task<(string Html, int Hashes)> AttemptAsync(string address, string password)
        {
            var client = app.Anonymous();
            var before = app.PasswordChecks.Checks;
            var response = await LoginAsync(client, address, password);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadAsStringAsync(), app.PasswordChecks.Checks - before);
        }
        var unknown = await AttemptAsync(NewEmail("niemand"), Password);
        var wrong = await AttemptAsync(email, "niet het goede wachtwoord");
        // Failed passwords never lock an account (rate limits slow guessing instead); a beheerder's block does.
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Klimrek.Data.KlimrekUser>>();
            var u = (await users.FindByEmailAsync(email))!;
            await users.SetLockoutEnabledAsync(u, true);
            return await users.SetLockoutEndDateAsync(u, DateTimeOffset.MaxValue);
        });
        var locked = await AttemptAsync(email, Password); // the right password, but the account is blocked
        Assert.True((await UserAsync(email)).LockoutEnd > DateTimeOffset.UtcNow);

        Assert.Equal(Notice(unknown.Html), Notice(wrong.Html));
        Assert.Equal(Notice(unknown.Html), Notice(locked.Html));
        Assert.Contains("klopt niet, of het account is tijdelijk geblokkeerd", Notice(unknown.Html));
        Assert.Equal(1, unknown.Hashes);
        Assert.Equal(1, wrong.Hashes);
        Assert.Equal(1, locked.Hashes);
    }

    [Fact]
    public async Task Registration_refuses_short_common_and_repetitive_passwords_without_composition_rules()
    {
        async Task<string> TryAsync(string email, string password) =>
            await (await RegisterAsync(app.Anonymous(), "Wachtwoord Test", email, password)).Content.ReadAsStringAsync();
        Assert.Contains("minstens 12 tekens", await TryAsync(NewEmail("kort"), "aaaaaaaaaa"));
        Assert.Contains("minstens 12 tekens", await TryAsync(NewEmail("kort"), "wachtwoord"));
        Assert.Contains("te voorspelbaar", await TryAsync(NewEmail("herhaald"), "aaaaaaaaaaaaaaaa"));
        Assert.Contains("veel gebruikt", await TryAsync(NewEmail("gewoon"), "Wachtwoord2024!"));
        Assert.Contains("veel gebruikt", await TryAsync(NewEmail("gewoon"), "welkom welkom"));
        Assert.Contains("mag je e-mailadres", await TryAsync($"jeroen.devries@{Guid.NewGuid():N}.example.org", "jeroen.devries is de beste"));
        // No digits, capitals or symbols needed: a long passphrase of plain words is fine.
        var ok = await RegisterAsync(app.Anonymous(), "Zin", NewEmail("zin"), "fietsen langs de grachten");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AccountTrustTestsSqlite(SqliteApp app) : AccountTrustTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AccountTrustTestsPostgres(PostgresApp app) : AccountTrustTests(app);
