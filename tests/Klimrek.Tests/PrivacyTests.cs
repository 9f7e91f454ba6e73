using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Klimrek.Tests;

/// <summary>A person's own data: the export, the access log and the erase, on both databases.</summary>
public abstract class PrivacyTests(KlimrekApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"expected {expected}, got {r.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private sealed record Duo(KlimrekApp.TestUser Steward, KlimrekApp.TestUser A, KlimrekApp.TestUser B, int ProgrammeId, int DuoId)
    {
        public string Api => $"/api/v1/programmes/{ProgrammeId}/duos/{DuoId}";
        public string Page => $"/samen-leren/{ProgrammeId}/duo/{DuoId}/reflecties";
    }

    /// <summary>A running programme with one active duo (A and B), a plan and a reflection of each, A's shared.</summary>
    private async Task<Duo> DuoAsync()
    {
        var steward = await app.LoginAsUserAsync(Roles.Stuurgroep);
        var created = await JsonAsync(await steward.Client.PostAsJsonAsync("/api/v1/programmes", new
        {
            name = "Privacy-pilot", startDate = Today.AddDays(-70), endDate = Today.AddDays(200),
        }), HttpStatusCode.Created);
        int id = created.GetProperty("id").GetInt32();
        var a = await app.LoginAsUserAsync(Roles.Deelnemer);
        var b = await app.LoginAsUserAsync(Roles.Deelnemer);
        // A name only A has, to look for after erasing.
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            (await db.Users.FirstAsync(u => u.Id == a.Id)).DisplayName = "Anna " + Guid.NewGuid().ToString("N")[..8];
            return await db.SaveChangesAsync();
        });
        await JsonAsync(await steward.Client.PostAsJsonAsync($"/api/v1/programmes/{id}/participants", new { emails = new[] { a.Email, b.Email } }), HttpStatusCode.OK);
        foreach (var (u, mine, theirs, dept) in new[] { (a, "statistiek", "didactiek", "Onderzoek"), (b, "didactiek", "statistiek", "Onderwijs") })
            await JsonAsync(await u.Client.PutAsJsonAsync($"/api/v1/programmes/{id}/intake", new
            {
                brings = new[] { mine }, develops = new[] { theirs }, qualities = new[] { "optimisme" }, affinities = new[] { "onderwijsinnovatie" },
                department = dept, discipline = "beleid", availability = new[] { "dinsdag-middag" },
            }), HttpStatusCode.OK);
        await JsonAsync(await steward.Client.PostAsync($"/api/v1/programmes/{id}/matching", null), HttpStatusCode.OK);
        int duo = (await JsonAsync(await a.Client.GetAsync($"/api/v1/programmes/{id}/my-duo"), HttpStatusCode.OK)).GetProperty("id").GetInt32();
        var d = new Duo(steward, a, b, id, duo);
        foreach (var u in new[] { a, b })
            await JsonAsync(await u.Client.PostAsJsonAsync($"{d.Api}/response", new { accept = true }), HttpStatusCode.OK);
        await JsonAsync(await a.Client.PutAsJsonAsync($"{d.Api}/plan", new { topic = "Samen een lesopzet maken", goal = "Van elkaar leren" }), HttpStatusCode.OK);
        await JsonAsync(await a.Client.PostAsJsonAsync($"{d.Api}/reflections", new { period = 1, wentWell = "A schreef dit", buildOn = "b", nextStep = "c", shareWithSteeringGroup = true }), HttpStatusCode.Created);
        await JsonAsync(await b.Client.PostAsJsonAsync($"{d.Api}/reflections", new { period = 1, wentWell = "B schreef dit", buildOn = "b", nextStep = "c" }), HttpStatusCode.Created);
        return d;
    }

    private static async Task<Dictionary<string, string>> ZipAsync(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/zip", r.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await r.Content.ReadAsByteArrayAsync()));
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in zip.Entries)
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            files[e.FullName] = await reader.ReadToEndAsync();
        }
        return files;
    }

    [Fact]
    public async Task The_export_holds_everything_of_the_person_and_nothing_the_partner_wrote()
    {
        var d = await DuoAsync();
        await JsonAsync(await d.A.Client.PutAsync("/api/v1/me/profile", new StringContent("""
            {"format":"klimrek-skills-profile","version":1,"taxonomy":"ESCO v1.1.1","occupations":[],"skills":[],"interests":{"sectors":["zorg"],"drivers":[]},"region":"Utrecht","marketWeight":40}
            """, Encoding.UTF8, "application/json")), HttpStatusCode.OK);
        var files = await ZipAsync(await d.A.Client.GetAsync("/api/v1/me/data.zip"));
        // notifications.json: samen leren told the person they were enrolled and their duo was proposed.
        Assert.Equal(["LEESMIJ.txt", "access-log.json", "account.json", "notifications.json", "samen-leren.json", "skills-profile.json"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(d.A.Email, JsonDocument.Parse(files["account.json"]).RootElement.GetProperty("email").GetString());
        Assert.Contains("Utrecht", files["skills-profile.json"]);
        var samen = files["samen-leren.json"];
        Assert.Contains("A schreef dit", samen);
        Assert.Contains("statistiek", samen); // the intake
        Assert.Contains("Samen een lesopzet maken", samen); // the duo's plan
        Assert.DoesNotContain("B schreef dit", samen);
        // The page gives the same ZIP.
        var page = await KlimrekApp.PostFormAsync(d.A.Client, "/account/mijn-gegevens?handler=Download", [], "/account/mijn-gegevens");
        Assert.Contains("A schreef dit", (await ZipAsync(page))["samen-leren.json"]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/me/data.zip")).StatusCode);
    }

    [Fact]
    public async Task Reading_what_a_person_shared_is_in_their_access_log_once_per_hour()
    {
        var d = await DuoAsync();
        // The steering group reads the duo's reflections: A shared one (logged for A), B did not (nothing for B).
        await JsonAsync(await d.Steward.Client.GetAsync($"{d.Api}/reflections"), HttpStatusCode.OK);
        Assert.Contains("A schreef dit", await d.Steward.Client.GetStringAsync(d.Page));
        var log = await JsonAsync(await d.A.Client.GetAsync("/api/v1/me/access-log"), HttpStatusCode.OK);
        var read = Assert.Single(log.EnumerateArray());
        Assert.Equal("ReflectionRead", read.GetProperty("kind").GetString());
        Assert.Equal("las een reflectie die je deelde", read.GetProperty("what").GetString());
        Assert.Empty((await JsonAsync(await d.B.Client.GetAsync("/api/v1/me/access-log"), HttpStatusCode.OK)).EnumerateArray());
        // Members reading their own duo's reflections are not logged.
        await d.B.Client.GetStringAsync(d.Page);
        Assert.Single((await JsonAsync(await d.A.Client.GetAsync("/api/v1/me/access-log"), HttpStatusCode.OK)).EnumerateArray());

        // A begeleider opens a shared profile: logged with their name, on the owner's page too.
        var coach = await app.LoginAsUserAsync(Roles.Begeleider);
        await JsonAsync(await d.A.Client.GetAsync("/api/v1/me/profile"), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Redirect, (await KlimrekApp.PostFormAsync(d.A.Client, "/klimrek/profiel?handler=Share", new() { ["email"] = coach.Email }, "/klimrek/profiel")).StatusCode);
        await JsonAsync(await coach.Client.GetAsync($"/api/v1/profiles/{d.A.Id}"), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await coach.Client.GetAsync($"/begeleiding/{d.A.Id}")).StatusCode);
        log = await JsonAsync(await d.A.Client.GetAsync("/api/v1/me/access-log"), HttpStatusCode.OK);
        Assert.Single(log.EnumerateArray(), e => e.GetProperty("kind").GetString() == "ProfileRead");
        var myData = WebUtility.HtmlDecode(await d.A.Client.GetStringAsync("/account/mijn-gegevens"));
        Assert.Contains("bekeek je gedeelde skills-profiel", myData);
        Assert.Contains("las een reflectie die je deelde", myData);
        // In English too.
        Assert.Contains("viewed your shared skills profile", WebUtility.HtmlDecode(await d.A.Client.GetStringAsync("/account/mijn-gegevens?culture=en")));
        // The export carries the log.
        Assert.Contains("ProfileRead", (await ZipAsync(await d.A.Client.GetAsync("/api/v1/me/data.zip")))["access-log.json"]);
    }

    [Fact]
    public async Task Erasing_deletes_what_is_the_persons_keeps_the_partners_part_and_names_nobody()
    {
        var d = await DuoAsync();
        var name = await app.WithScopeAsync(async sp => (await sp.GetRequiredService<KlimrekDbContext>().Users.FirstAsync(u => u.Id == d.A.Id)).DisplayName);
        await JsonAsync(await d.Steward.Client.GetAsync($"{d.Api}/reflections"), HttpStatusCode.OK); // an access-log entry about A

        // A wrong password changes nothing.
        var wrong = await JsonAsync(await d.A.Client.PostAsJsonAsync("/api/v1/me/erase", new { password = "niet mijn wachtwoord" }), HttpStatusCode.BadRequest);
        Assert.Contains("password", wrong.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var page = await KlimrekApp.PostFormAsync(d.A.Client, "/account/mijn-gegevens?handler=Erase", new() { ["password"] = "correct horse battery" }, "/account/mijn-gegevens");
        Assert.Contains("Vink aan dat je begrijpt", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, (await d.A.Client.GetAsync("/api/v1/me/profile")).StatusCode);

        var erased = await KlimrekApp.PostFormAsync(d.A.Client, "/account/mijn-gegevens?handler=Erase",
            new() { ["password"] = "correct horse battery", ["understood"] = "true" }, "/account/mijn-gegevens");
        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        Assert.Equal("/account/verwijderd", erased.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await d.A.Client.GetAsync("/api/v1/me/profile")).StatusCode);

        // No row anywhere still points at the account.
        var left = await app.WithScopeAsync(sp => ReferencesAsync(sp.GetRequiredService<KlimrekDbContext>(), d.A.Id));
        Assert.True(left.Count == 0, "still referring to the erased account: " + string.Join(", ", left));

        // The partner keeps the duo, the plan and their own reflection; A is "verwijderde deelnemer", A's reflection is gone.
        var duoPage = WebUtility.HtmlDecode(await d.B.Client.GetStringAsync(d.Page));
        Assert.Contains("verwijderde deelnemer", duoPage);
        Assert.Contains("Samen een lesopzet maken", await d.B.Client.GetStringAsync(d.Page.Replace("/reflecties", "/plan")));
        Assert.Contains("B schreef dit", duoPage);
        Assert.DoesNotContain("A schreef dit", duoPage);
        Assert.DoesNotContain(name, duoPage);
        // The steering group's report and CSV do not name A any more.
        Assert.DoesNotContain(name, WebUtility.HtmlDecode(await d.Steward.Client.GetStringAsync($"/samen-leren/{d.ProgrammeId}/rapport")));
        Assert.DoesNotContain(name, await d.Steward.Client.GetStringAsync($"/api/v1/programmes/{d.ProgrammeId}/report.csv"));
        Assert.DoesNotContain(d.A.Email, await d.Steward.Client.GetStringAsync($"/samen-leren/{d.ProgrammeId}"));
        // The address is free again.
        Assert.Null(await app.WithScopeAsync(async sp => await sp.GetRequiredService<KlimrekDbContext>().Users.FirstOrDefaultAsync(u => u.Email == d.A.Email)));
    }

    /// <summary>Every text column of every table (ESCO excepted) that holds <paramref name="userId"/>: "table.column".</summary>
    private static async Task<List<string>> ReferencesAsync(KlimrekDbContext db, string userId)
    {
        var found = new List<string>();
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var type in db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned()))
                foreach (var p in type.GetProperties().Where(p => p.ClrType == typeof(string)))
                {
                    await using var cmd = conn.CreateCommand();
                    cmd.CommandText = $"SELECT COUNT(*) FROM \"{type.GetTableName()}\" WHERE \"{p.GetColumnName()}\" = @id";
                    var param = cmd.CreateParameter();
                    param.ParameterName = "@id";
                    param.Value = userId;
                    cmd.Parameters.Add(param);
                    if (Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0)
                        found.Add($"{type.GetTableName()}.{p.GetColumnName()}");
                }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return found;
    }

    [Fact]
    public async Task A_beheerder_downloads_or_erases_on_request_and_the_download_is_logged()
    {
        var person = await app.LoginAsUserAsync(Roles.Deelnemer);
        var admin = await app.LoginAsUserAsync(Roles.Beheerder);
        Assert.Equal(HttpStatusCode.Redirect, (await person.Client.GetAsync("/beheer/privacy")).StatusCode);
        string desk = "/beheer/privacy?email=" + Uri.EscapeDataString(person.Email);
        Assert.Contains(person.Email, await admin.Client.GetStringAsync(desk));
        var files = await ZipAsync(await KlimrekApp.PostFormAsync(admin.Client, "/beheer/privacy?handler=Download&email=" + Uri.EscapeDataString(person.Email), [], desk));
        Assert.Contains(person.Email, files["account.json"]);
        var log = await JsonAsync(await person.Client.GetAsync("/api/v1/me/access-log"), HttpStatusCode.OK);
        Assert.Equal("DataExportedByBeheerder", Assert.Single(log.EnumerateArray()).GetProperty("kind").GetString());
        var all = await JsonAsync(await admin.Client.GetAsync("/api/v1/admin/access-log?email=" + Uri.EscapeDataString(person.Email)), HttpStatusCode.OK);
        Assert.Single(all.EnumerateArray());
        await JsonAsync(await person.Client.GetAsync("/api/v1/admin/access-log"), HttpStatusCode.Forbidden);

        var unconfirmed = await KlimrekApp.PostFormAsync(admin.Client, "/beheer/privacy?handler=Erase&email=" + Uri.EscapeDataString(person.Email), new() { ["confirm"] = "iemand@anders.nl" }, desk);
        Assert.Contains("Typ het e-mailadres", WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync()));
        var done = await KlimrekApp.PostFormAsync(admin.Client, "/beheer/privacy?handler=Erase&email=" + Uri.EscapeDataString(person.Email), new() { ["confirm"] = person.Email }, desk);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Null(await app.WithScopeAsync(async sp => await sp.GetRequiredService<KlimrekDbContext>().Users.FirstOrDefaultAsync(u => u.Email == person.Email)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PrivacyTestsSqlite(SqliteApp app) : PrivacyTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PrivacyTestsPostgres(PostgresApp app) : PrivacyTests(app);
