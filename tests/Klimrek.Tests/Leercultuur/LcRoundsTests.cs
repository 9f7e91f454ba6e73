using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Klimrek.Tests.Leercultuur;

/// <summary>HR runs a round: units, invitations by mail with a working personal link, reminders to unused links, response per unit only from five, and who may do what.</summary>
public abstract class LcRoundsTests(KlimrekApp app)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"expected {expected}, got {r.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private sealed record Org(int Id, string Api, KlimrekApp.TestUser Hr, KlimrekApp.TestUser Stuurgroep);

    private async Task<Org> OrganisationAsync()
    {
        var hr = await app.LoginAsUserAsync(Roles.Stuurgroep);
        var steering = await app.LoginAsUserAsync(Roles.Deelnemer);
        var id = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            var org = new Organisation { Name = "Ronde-org " + Guid.NewGuid().ToString("N")[..6], Kind = OrganisationKind.Werkgever, CreatedAt = DateTime.UtcNow };
            db.Organisations.Add(org);
            await db.SaveChangesAsync();
            db.OrganisationMembers.Add(new OrganisationMember { OrganisationId = org.Id, UserId = hr.Id, Role = OrganisationRole.Hr, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return org.Id;
        });
        var api = $"/api/v1/organisations/{id}/scans";
        await JsonAsync(await hr.Client.PostAsJsonAsync($"{api}/members", new { email = steering.Email }), HttpStatusCode.Created);
        return new Org(id, api, hr, steering);
    }

    private static async Task<(int Department, int A, int B)> UnitsAsync(Org o)
    {
        var dep = (await JsonAsync(await o.Hr.Client.PostAsJsonAsync($"{o.Api}/units", new { name = "Zorg" }), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var a = (await JsonAsync(await o.Hr.Client.PostAsJsonAsync($"{o.Api}/units", new { name = "Team A", parentId = dep }), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var b = (await JsonAsync(await o.Hr.Client.PostAsJsonAsync($"{o.Api}/units", new { name = "Team B", parentId = dep }), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        return (dep, a, b);
    }

    private static async Task<int> RoundAsync(Org o, params int[] units)
    {
        var today = DutchTime.Today(DateTime.UtcNow);
        var r = await JsonAsync(await o.Hr.Client.PostAsJsonAsync($"{o.Api}/rounds", new { title = "Voorjaar", opensOn = today, closesOn = today.AddDays(14), unitIds = units }), HttpStatusCode.Created);
        Assert.NotNull(r.GetProperty("openLink").GetString());
        return r.GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task Invitations_mail_a_working_link_reminders_go_to_unused_links_and_the_rate_shows_from_five()
    {
        var o = await OrganisationAsync();
        var (_, a, b) = await UnitsAsync(o);
        var round = await RoundAsync(o, a, b);
        var people = Enumerable.Range(0, 6).Select(i => $"r{i}-{Guid.NewGuid():N}@example.org").ToList();
        var outcomes = await JsonAsync(await o.Hr.Client.PostAsJsonAsync($"{o.Api}/rounds/{round}/invitations",
            new { unitId = a, emails = people.Append("geen-adres").Append(people[0].ToUpperInvariant()) }), HttpStatusCode.OK);
        Assert.Equal(6, outcomes.EnumerateArray().Count(x => x.GetProperty("invited").GetBoolean()));
        Assert.Equal(["Dit is geen geldig e-mailadres.", "Dit adres is in deze ronde al uitgenodigd."],
            outcomes.EnumerateArray().Where(x => !x.GetProperty("invited").GetBoolean()).Select(x => x.GetProperty("refusal").GetString()));

        var links = new List<string>();
        foreach (var p in people) links.Add(TestSmtpServer.LinkIn(await app.Mail.WaitForAsync(p), "/scan/"));
        Assert.Equal(6, links.Distinct().Count());
        // Four answer: too few to show.
        for (int i = 0; i < 4; i++)
            await JsonAsync(await app.Anonymous().PostAsJsonAsync("/api/v1" + links[i], new { values = LcAnsweringWorld.AllStatements(4) }), HttpStatusCode.NoContent);
        var view = await JsonAsync(await o.Stuurgroep.Client.GetAsync($"{o.Api}/rounds/{round}"), HttpStatusCode.OK);
        var teamA = view.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitId").GetInt32() == a);
        Assert.Equal(6, teamA.GetProperty("invited").GetInt32());
        Assert.Equal(JsonValueKind.Null, teamA.GetProperty("responses").ValueKind);
        Assert.Equal(JsonValueKind.Null, teamA.GetProperty("rate").ValueKind);
        Assert.Equal(JsonValueKind.Null, view.GetProperty("responses").ValueKind);
        Assert.Contains("minder dan 5", await o.Stuurgroep.Client.GetStringAsync($"/leercultuur/{o.Id}/rondes/{round}"));

        await JsonAsync(await app.Anonymous().PostAsJsonAsync("/api/v1" + links[4], new { values = LcAnsweringWorld.AllStatements(2) }), HttpStatusCode.NoContent);
        view = await JsonAsync(await o.Hr.Client.GetAsync($"{o.Api}/rounds/{round}"), HttpStatusCode.OK);
        teamA = view.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitId").GetInt32() == a);
        Assert.Equal(5, teamA.GetProperty("responses").GetInt32());
        Assert.Equal(5 / 6.0, teamA.GetProperty("rate").GetDouble(), 9);
        Assert.Equal(5, view.GetProperty("responses").GetInt32());
        Assert.Equal(1, view.GetProperty("unused").GetInt32());

        // A sixth answer through the open link in team B (1 answer) would be derivable from the total: team A hides too.
        var open = view.GetProperty("openLink").GetString()!;
        var openToken = open[(open.LastIndexOf('/') + 1)..];
        var started = await JsonAsync(await app.Anonymous().PostAsJsonAsync($"/api/v1/scan/open/{openToken}", new { unitId = b }), HttpStatusCode.Created);
        await JsonAsync(await app.Anonymous().PostAsJsonAsync($"/api/v1/scan/{started.GetProperty("token").GetString()}", new { values = LcAnsweringWorld.AllStatements(3) }), HttpStatusCode.NoContent);
        view = await JsonAsync(await o.Hr.Client.GetAsync($"{o.Api}/rounds/{round}"), HttpStatusCode.OK);
        Assert.All(view.GetProperty("units").EnumerateArray(), u => Assert.Equal(JsonValueKind.Null, u.GetProperty("responses").ValueKind));
        Assert.Equal(6, view.GetProperty("responses").GetInt32());

        var before = people.ToDictionary(p => p, p => app.Mail.To(p).Count);
        Assert.Equal(1, (await JsonAsync(await o.Hr.Client.PostAsync($"{o.Api}/rounds/{round}/reminders", null), HttpStatusCode.OK)).GetProperty("reminded").GetInt32());
        var reminder = await app.Mail.WaitForAsync(people[5], m => (m.Subject ?? "").Contains("Herinnering", StringComparison.Ordinal));
        Assert.Equal(links[5], TestSmtpServer.LinkIn(reminder, "/scan/"));
        Assert.All(people.Take(5), p => Assert.Equal(before[p], app.Mail.To(p).Count));
        var invitation = await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().ScanInvitations.SingleAsync(i => i.RoundId == round && i.Email == people[5]));
        Assert.Equal(1, invitation.Reminders);
        Assert.NotNull(invitation.LastMailedAt);
    }

    [Fact]
    public async Task Hr_changes_the_steering_group_reads_a_stranger_sees_nothing_and_the_beheerder_only_sets_up()
    {
        var o = await OrganisationAsync();
        var (_, a, _) = await UnitsAsync(o);
        var round = await RoundAsync(o, a);
        var stranger = await app.LoginAsync(Roles.Stuurgroep);
        var beheerder = await app.LoginAsync(Roles.Beheerder);
        var r = $"{o.Api}/rounds/{round}";
        await JsonAsync(await o.Stuurgroep.Client.GetAsync(r), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await o.Stuurgroep.Client.GetAsync($"/leercultuur/{o.Id}/rondes/{round}")).StatusCode);
        Assert.DoesNotContain("Uitnodigingen versturen", await o.Stuurgroep.Client.GetStringAsync($"/leercultuur/{o.Id}/rondes/{round}"));
        foreach (var (method, url, body) in new[]
                 {
                     ("POST", $"{r}/close", "{}"), ("POST", $"{r}/invitations", """{"unitId":1,"emails":["x@example.org"]}"""), ("POST", $"{r}/reminders", "{}"),
                     ("PUT", $"{r}/open-link", """{"on":false}"""), ("POST", $"{o.Api}/rounds", "{}"), ("POST", $"{o.Api}/units", """{"name":"X"}"""),
                 })
        {
            async Task<HttpStatusCode> Send(HttpClient c) =>
                (await c.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") })).StatusCode;
            Assert.Equal(HttpStatusCode.Forbidden, await Send(o.Stuurgroep.Client));
            Assert.Equal(HttpStatusCode.NotFound, await Send(stranger));
            Assert.Equal(HttpStatusCode.Forbidden, await Send(beheerder));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(r)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/leercultuur/{o.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await beheerder.GetAsync(r)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await beheerder.GetAsync($"/leercultuur/{o.Id}")).StatusCode);

        // Members: unknown address 400; HR cannot name HR, the beheerder can.
        await JsonAsync(await o.Hr.Client.PostAsJsonAsync($"{o.Api}/members", new { email = "niemand-" + Guid.NewGuid().ToString("N") + "@example.org" }), HttpStatusCode.BadRequest);
        var other = await app.LoginAsUserAsync(Roles.Deelnemer);
        await JsonAsync(await o.Hr.Client.PostAsJsonAsync($"{o.Api}/members", new { email = other.Email, role = "Hr" }), HttpStatusCode.Forbidden);
        var named = await JsonAsync(await beheerder.PostAsJsonAsync($"{o.Api}/members", new { email = other.Email, role = "Hr" }), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Forbidden, (await o.Hr.Client.DeleteAsync($"{o.Api}/members/{named.GetProperty("id").GetInt32()}")).StatusCode);
        Assert.Contains(o.Id, (await JsonAsync(await other.Client.GetAsync($"/api/v1/organisations/{o.Id}/scans/rounds"), HttpStatusCode.OK)).EnumerateArray().Select(_ => o.Id));
        await JsonAsync(await beheerder.DeleteAsync($"{o.Api}/members/{named.GetProperty("id").GetInt32()}"), HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/organisations/{o.Id}/scans/rounds")).StatusCode);

        // Sector and province: the beheerder sets them through the API; an unknown key changes nothing; HR only reads them.
        var settings = await JsonAsync(await o.Hr.Client.GetAsync($"{o.Api}/settings"), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("sector").ValueKind);
        Assert.Contains(settings.GetProperty("sectors").EnumerateArray(), s => s.GetProperty("key").GetString() == "zorg-welzijn" && s.GetProperty("name").GetString() == "Zorg en welzijn");
        Assert.Equal(12, settings.GetProperty("regions").GetArrayLength());
        await JsonAsync(await o.Hr.Client.PutAsJsonAsync($"{o.Api}/settings", new { sector = "onderwijs", region = "utrecht" }), HttpStatusCode.Forbidden);
        var set = await JsonAsync(await beheerder.PutAsJsonAsync($"{o.Api}/settings", new { sector = "onderwijs", region = "utrecht" }), HttpStatusCode.OK);
        Assert.Equal("onderwijs", set.GetProperty("sector").GetString());
        var bad = await JsonAsync(await beheerder.PutAsJsonAsync($"{o.Api}/settings", new { sector = "ruimtevaart", region = "utrecht" }), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("sector", out _));
        var kept = await JsonAsync(await o.Hr.Client.GetAsync($"{o.Api}/settings"), HttpStatusCode.OK);
        Assert.Equal(("onderwijs", "utrecht"), (kept.GetProperty("sector").GetString(), kept.GetProperty("region").GetString()));

        // Closing: the links stop taking answers; a second close is a conflict.
        await JsonAsync(await o.Hr.Client.PostAsync($"{r}/close", null), HttpStatusCode.NoContent);
        await JsonAsync(await o.Hr.Client.PostAsync($"{r}/close", null), HttpStatusCode.Conflict);
        Assert.Equal("closed", (await JsonAsync(await o.Hr.Client.GetAsync(r), HttpStatusCode.OK)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Hr_invites_on_the_page_per_unit_and_by_csv_and_the_open_link_can_be_turned_off()
    {
        var o = await OrganisationAsync();
        var (_, a, b) = await UnitsAsync(o);
        var round = await RoundAsync(o, a, b);
        var page = $"/leercultuur/{o.Id}/rondes/{round}";
        var x = $"x-{Guid.NewGuid():N}@example.org";
        var pasted = await KlimrekApp.PostFormAsync(o.Hr.Client, page + "?handler=Invite", new() { [$"Addresses[{a}]"] = x + "\nfout", ["MailLanguage"] = "en" }, page);
        var html = await pasted.Content.ReadAsStringAsync();
        Assert.Contains("1 uitnodiging verstuurd.", html);
        Assert.Contains("Dit is geen geldig e-mailadres.", html);
        var mail = await app.Mail.WaitForAsync(x);
        Assert.Equal("Take part in the learning-culture scan", mail.Subject);
        Assert.Equal("en", (await JsonAsync(await app.Anonymous().GetAsync("/api/v1" + TestSmtpServer.LinkIn(mail, "/scan/")), HttpStatusCode.OK)).GetProperty("language").GetString());

        var y = $"y-{Guid.NewGuid():N}@example.org";
        var csv = System.Text.Encoding.UTF8.GetBytes($"email;team\n{y};Team B\n{x};Team A\n");
        var uploaded = await KlimrekApp.PostFileAsync(o.Hr.Client, page + "?handler=Invite", page, "Upload", "lijst.csv", csv);
        Assert.Contains("Dit adres is in deze ronde al uitgenodigd.", await uploaded.Content.ReadAsStringAsync());
        Assert.Equal(b, await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().ScanInvitations.Where(i => i.Email == y).Select(i => i.UnitId).SingleAsync()));

        var view = await JsonAsync(await o.Hr.Client.GetAsync($"{o.Api}/rounds/{round}"), HttpStatusCode.OK);
        var open = view.GetProperty("openLink").GetString()!;
        Assert.Contains(open, await o.Hr.Client.GetStringAsync(page));
        Assert.Equal(HttpStatusCode.Redirect, (await KlimrekApp.PostFormAsync(o.Hr.Client, page + "?handler=OpenLink", new() { ["on"] = "false" }, page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync(new Uri(open).PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task A_members_roles_are_in_the_data_export_and_go_with_the_account()
    {
        var o = await OrganisationAsync();
        var files = await KlimrekApp.ExportFilesAsync(await o.Stuurgroep.Client.GetAsync("/api/v1/me/data.zip"));
        var part = files.Single(f => f.Key.Contains("leercultuur-organisations", StringComparison.Ordinal)).Value;
        Assert.Contains("Stuurgroep", part);
        var erased = await o.Stuurgroep.Client.PostAsJsonAsync("/api/v1/me/erase", new { password = "correct horse battery" });
        Assert.True(erased.IsSuccessStatusCode, await erased.Content.ReadAsStringAsync());
        Assert.False(await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().OrganisationMembers.AnyAsync(m => m.UserId == o.Stuurgroep.Id)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LcRoundsTestsSqlite(SqliteApp app) : LcRoundsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class LcRoundsTestsPostgres(PostgresApp app) : LcRoundsTests(app);
