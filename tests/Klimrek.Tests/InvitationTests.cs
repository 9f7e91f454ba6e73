using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Klimrek.Tests;

/// <summary>
/// Adding people to a samen-leren programme by address: a verified account is enrolled at once, any other address is
/// invited by mail and enrolled once its mailbox is proven; the steward's answer never tells which addresses have accounts.
/// </summary>
public abstract class InvitationTests(KlimrekApp app)
{
    private const string Password = "een eigen lang wachtwoord";

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"expected {expected}, got {r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<(HttpClient Steward, int Id)> ProgrammeAsync()
    {
        var steward = await app.LoginAsync(Roles.Stuurgroep);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var created = await JsonAsync(await steward.PostAsJsonAsync("/api/v1/programmes", new
        {
            name = "Samen leren met uitnodigingen", startDate = today, endDate = today.AddDays(200), hoursPerParticipant = 75,
            expertBudgetPerDuo = 500m, reflectionCadenceWeeks = 6, intervisionSessionCount = 3, notMetWeeks = 3,
            weights = new { complementarity = 40, qualities = 10, affinity = 20, availability = 20, crossDepartment = 10 },
        }), HttpStatusCode.Created);
        return (steward, created.GetProperty("id").GetInt32());
    }

    /// <summary>Registers through the form: the account exists, unverified; returns its client (not signed in) and address.</summary>
    private async Task<(HttpClient Client, string Email)> UnverifiedAsync(string who)
    {
        var client = app.Anonymous();
        var email = $"{who}{Guid.NewGuid():N}@example.org";
        var r = await KlimrekApp.PostFormAsync(client, "/account/registreren", new() { ["DisplayName"] = who, ["Email"] = email, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        return (client, email);
    }

    private static async Task<List<string>> ParticipantEmailsAsync(HttpClient steward, int id) =>
        (await JsonAsync(await steward.GetAsync($"/api/v1/programmes/{id}/participants"), HttpStatusCode.OK))
            .EnumerateArray().Select(p => p.GetProperty("email").GetString()!).ToList();

    private static async Task<List<string>> InvitedAsync(HttpClient steward, int id) =>
        (await JsonAsync(await steward.GetAsync($"/api/v1/programmes/{id}/invitations"), HttpStatusCode.OK))
            .EnumerateArray().Select(p => p.GetProperty("email").GetString()!).ToList();

    private Task<KlimrekUser?> UserAsync(string email) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<UserManager<KlimrekUser>>().FindByEmailAsync(email));

    [Fact]
    public async Task The_steward_gets_one_answer_for_every_address_and_only_verified_accounts_are_enrolled_at_once()
    {
        var (steward, id) = await ProgrammeAsync();
        var verified = await app.LoginAsUserAsync(Roles.Deelnemer);
        var (_, unverified) = await UnverifiedAsync("onbevestigd");
        var unknown = $"onbekend{Guid.NewGuid():N}@example.org";

        // One address at a time: the answers differ only in the address itself.
        string Shape(JsonElement e, string email) => e.GetRawText().Replace(email, "ADRES", StringComparison.Ordinal);
        var answers = new List<string>();
        foreach (var email in new[] { verified.Email, unverified, unknown })
            answers.Add(Shape(await JsonAsync(await steward.PostAsJsonAsync($"/api/v1/programmes/{id}/participants", new { emails = new[] { email } }), HttpStatusCode.OK), email));
        Assert.Single(answers.Distinct());
        Assert.Equal("""{"count":1,"emails":["ADRES"],"rejected":[]}""", answers[0]);

        Assert.Equal([verified.Email], await ParticipantEmailsAsync(steward, id));
        Assert.Equal(new[] { unverified, unknown }.Order(StringComparer.OrdinalIgnoreCase), await InvitedAsync(steward, id));
        var page = await steward.GetStringAsync($"/samen-leren/{id}");
        Assert.Contains("Openstaande uitnodigingen", page);
        Assert.Contains(unknown, page);

        // A participant hears it from samen leren itself (its notice, with what comes next), not from a generic "added" mail.
        var added = await app.Mail.WaitForAsync(verified.Email, m => m.Subject == "Je doet mee aan samen leren: ‘Samen leren met uitnodigingen’");
        Assert.Contains("vul je intake in", added.TextBody);
        var invitation = await app.Mail.WaitForAsync(unknown, m => m.Subject == "Uitnodiging voor Klimrek");
        Assert.Contains("nodigt je uit om mee te doen aan het samen-leren-programma", invitation.TextBody);
        await app.Mail.WaitForAsync(unverified, m => m.Subject == "Uitnodiging voor Klimrek");

        // The unknown address registers through its link: verified by it, and enrolled.
        var newcomer = app.Anonymous();
        var link = TestSmtpServer.LinkIn(invitation, "/account/uitnodiging");
        Assert.Contains("Account maken en meedoen", await newcomer.GetStringAsync(link));
        var weak = await KlimrekApp.PostFormAsync(newcomer, link + "&handler=Register", new() { ["DisplayName"] = "Nieuwkomer", ["Password"] = "wachtwoord12" }, link);
        Assert.Contains("veel gebruikt", await weak.Content.ReadAsStringAsync());
        var joined = await KlimrekApp.PostFormAsync(newcomer, link + "&handler=Register", new() { ["DisplayName"] = "Nieuwkomer", ["Password"] = Password }, link);
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Equal($"/samen-leren/{id}", joined.Headers.Location!.OriginalString);
        Assert.True((await UserAsync(unknown))!.EmailConfirmed);
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync($"/api/v1/programmes/{id}/intake")).StatusCode);
        Assert.Contains("ongeldig, verlopen of al gebruikt", await app.Anonymous().GetStringAsync(link));

        // The unverified account verifies its address through its registration mail: enrolled too.
        var verification = await app.Mail.WaitForAsync(unverified, m => m.Subject == "Bevestig je e-mailadres voor Klimrek");
        var confirmed = await app.Anonymous().GetStringAsync(TestSmtpServer.LinkIn(verification, "/account/bevestigen"));
        Assert.Contains($"/samen-leren/{id}", confirmed);
        Assert.Equal(new[] { verified.Email, unverified, unknown }.Order(StringComparer.OrdinalIgnoreCase),
            (await ParticipantEmailsAsync(steward, id)).Order(StringComparer.OrdinalIgnoreCase));
        Assert.Empty(await InvitedAsync(steward, id));
    }

    [Fact]
    public async Task An_unverified_account_takes_its_invitation_only_when_signed_in_as_itself()
    {
        var (steward, id) = await ProgrammeAsync();
        var (client, email) = await UnverifiedAsync("later");
        await JsonAsync(await steward.PostAsJsonAsync($"/api/v1/programmes/{id}/participants", new { emails = new[] { email }, stewards = true }), HttpStatusCode.OK);
        var invitation = await app.Mail.WaitForAsync(email, m => m.Subject == "Uitnodiging voor Klimrek");
        Assert.Contains("stuurgroep", invitation.TextBody);
        var link = TestSmtpServer.LinkIn(invitation, "/account/uitnodiging");

        // Whoever else holds the link cannot take it: not anonymously (no registration form for an address with an account) ...
        var stranger = app.Anonymous();
        var asked = await stranger.GetStringAsync(link);
        Assert.Contains("om de uitnodiging aan te nemen", asked);
        Assert.DoesNotContain("Account maken en meedoen", asked);
        // ... nor signed in as someone else.
        var other = await app.LoginAsync(Roles.Deelnemer);
        Assert.Contains("ander e-mailadres", await other.GetStringAsync(link));
        var refused = await KlimrekApp.PostFormAsync(other, link + "&handler=Accept", [], link);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Single(await InvitedAsync(steward, id));

        Assert.Equal(HttpStatusCode.Redirect, (await KlimrekApp.PostFormAsync(client, "/account/inloggen", new() { ["Email"] = email, ["Password"] = Password })).StatusCode);
        var accepted = await KlimrekApp.PostFormAsync(client, link + "&handler=Accept", [], link);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal($"/samen-leren/{id}", accepted.Headers.Location!.OriginalString);
        Assert.True((await UserAsync(email))!.EmailConfirmed);
        Assert.Empty(await InvitedAsync(steward, id));
        var stewards = await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().ProgrammeStewards.CountAsync(s => s.ProgrammeId == id));
        Assert.Equal(2, stewards);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/programmes/{id}/participants")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class InvitationTestsSqlite(SqliteApp app) : InvitationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class InvitationTestsPostgres(PostgresApp app) : InvitationTests(app);
