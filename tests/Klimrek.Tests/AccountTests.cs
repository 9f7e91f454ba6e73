using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;

namespace Klimrek.Tests;

public abstract class AccountTests(KlimrekApp app)
{
    [Fact]
    public async Task Registration_creates_a_deelnemer_and_bad_input_gets_dutch_messages()
    {
        var client = app.Anonymous();
        var bad = await KlimrekApp.PostFormAsync(client, "/account/registreren",
            new() { ["DisplayName"] = "", ["Email"] = "geen-email", ["Password"] = "kort" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Vul je naam in.", html);
        Assert.Contains("Vul een geldig e-mailadres in.", html);

        var email = $"r{Guid.NewGuid():N}@example.org";
        var ok = await KlimrekApp.PostFormAsync(client, "/account/registreren",
            new() { ["DisplayName"] = "Sanne", ["Email"] = email, ["Password"] = "lang genoeg wachtwoord" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var roles = await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<KlimrekUser>>();
            return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
        });
        Assert.Equal([Roles.Deelnemer], roles);
    }

    [Fact]
    public async Task Failed_logins_stop_the_guessing_address_but_never_lock_out_the_owner_elsewhere()
    {
        var email = $"l{Guid.NewGuid():N}@example.org";
        await app.WithScopeAsync(sp => sp.GetRequiredService<Klimrek.Features.Accounts.AccountSetup>()
            .CreateUserAsync(email, "het juiste wachtwoord", "Lock", [Roles.Deelnemer]));
        var attacker = app.Anonymous();
        for (int i = 0; i < 5; i++)
        {
            var wrong = await KlimrekApp.PostFormAsync(attacker, "/account/inloggen", new() { ["Email"] = email, ["Password"] = "fout wachtwoord " + i });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("klopt niet", await wrong.Content.ReadAsStringAsync());
        }
        // The guessing address is out of tries for this account, even with the right password ...
        var refused = await KlimrekApp.PostFormAsync(attacker, "/account/inloggen", new() { ["Email"] = email, ["Password"] = "het juiste wachtwoord" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("Te veel pogingen", await refused.Content.ReadAsStringAsync());
        // ... but the owner, from another address, signs in at once.
        var owner = await KlimrekApp.PostFormAsync(app.Anonymous(), "/account/inloggen", new() { ["Email"] = email, ["Password"] = "het juiste wachtwoord" });
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
    }

    [Fact]
    public async Task Only_beheerders_manage_users_and_organisations()
    {
        foreach (var role in new[] { Roles.Curator, Roles.Deelnemer, Roles.Stuurgroep })
        {
            var client = await app.LoginAsync(role);
            var response = await client.GetAsync("/beheer/gebruikers");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/geen-toegang", response.Headers.Location!.PathAndQuery);
        }
        var anonymous = await app.Anonymous().GetAsync("/beheer/organisaties");
        Assert.StartsWith("/account/inloggen", anonymous.Headers.Location!.PathAndQuery);

        var admin = await app.LoginAsync(Roles.Beheerder);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/beheer/gebruikers")).StatusCode);
        var name = "Zorggroep " + Guid.NewGuid().ToString("N")[..6];
        var add = await KlimrekApp.PostFormAsync(admin, "/beheer/organisaties", new() { ["Name"] = name, ["Kind"] = "Werkgever" });
        Assert.Contains(name, await add.Content.ReadAsStringAsync());
        var duplicate = await KlimrekApp.PostFormAsync(admin, "/beheer/organisaties", new() { ["Name"] = name, ["Kind"] = "Werkgever" });
        Assert.Contains("Er is al een organisatie met deze naam.", await duplicate.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Beheerder_makes_someone_a_curator_who_can_then_edit()
    {
        var email = $"c{Guid.NewGuid():N}@example.org";
        await app.WithScopeAsync(sp => sp.GetRequiredService<Klimrek.Features.Accounts.AccountSetup>()
            .CreateUserAsync(email, "wachtwoord van tien", "Docent", [Roles.Deelnemer]));
        var userId = await app.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<KlimrekUser>>().FindByEmailAsync(email))!.Id);
        var admin = await app.LoginAsync(Roles.Beheerder);
        var page = await admin.GetStringAsync("/beheer/gebruikers");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var post = await admin.PostAsync("/beheer/gebruikers", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", System.Net.WebUtility.HtmlDecode(token)), new("userId", userId),
            new("roles", Roles.Deelnemer), new("roles", Roles.Curator), new("origin", "onderwijs"),
        ]));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var (roles, origin) = await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<KlimrekUser>>();
            var u = (await users.FindByEmailAsync(email))!;
            return (await users.GetRolesAsync(u), u.Origin);
        });
        Assert.Contains(Roles.Curator, roles);
        Assert.Equal(ContributorOrigin.Onderwijs, origin);

        // The new curator signs in and writes a section; the version records them.
        var curator = app.Anonymous();
        var login = await KlimrekApp.PostFormAsync(curator, "/account/inloggen", new() { ["Email"] = email, ["Password"] = "wachtwoord van tien" });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var occupation = await app.WithScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            return db.Occupations.Where(o => !db.ImageRevisions.Any(r => r.OccupationId == o.Id))
                .OrderByDescending(o => o.Id).Select(o => o.Id).FirstAsync();
        });
        var text = "Door de nieuwe curator " + Guid.NewGuid().ToString("N")[..8];
        var save = await KlimrekApp.PostFormAsync(curator, $"/beroepen/{occupation}/bewerken/hoofd",
            new() { ["Text"] = text, ["BaseVersion"] = "0", ["Origin"] = "onderwijs", ["Note"] = "eerste versie" });
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var revision = await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().ImageRevisions
            .Where(r => r.OccupationId == occupation && r.Content == text).Select(r => new { r.AuthorId }).SingleAsync());
        Assert.Equal(userId, revision.AuthorId);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AccountTestsSqlite(SqliteApp app) : AccountTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AccountTestsPostgres(PostgresApp app) : AccountTests(app);
