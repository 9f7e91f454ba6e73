using Klimrek.Data;
using Klimrek.Features.Leercultuur.Instrument;
using Klimrek.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Klimrek.Tests;

/// <summary>The SME coaching route: starting it, the coach's edits and hours, what the organisation sees, and the change between two scans.</summary>
public abstract class LcCoachingTests(KlimrekApp app)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"{r.RequestMessage?.Method} {r.RequestMessage?.RequestUri}: expected {expected}, got {r.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string Today(int days = 0) => Klimrek.Infrastructure.DutchTime.Today(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd");

    private async Task<(LcCoachingData.Org Org, int RouteId)> RouteAsync()
    {
        var o = await LcCoachingData.OrganisationAsync(app);
        var r = await JsonAsync(await o.Hr.Client.PostAsJsonAsync(o.Api, new { coachEmail = o.Coach.Email, startsOn = Today(-40) }), HttpStatusCode.Created);
        return (o, r.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Hr_starts_a_route_with_a_begeleider_and_nobody_else_may()
    {
        var o = await LcCoachingData.OrganisationAsync(app);
        // Not a begeleider, or no account: a clear 400 on the address, nothing stored.
        var bad = await JsonAsync(await o.Hr.Client.PostAsJsonAsync(o.Api, new { coachEmail = o.Steering.Email, startsOn = Today() }), HttpStatusCode.BadRequest);
        Assert.Contains("begeleider", bad.GetProperty("errors").GetProperty("coachEmail")[0].GetString());
        await JsonAsync(await o.Hr.Client.PostAsJsonAsync(o.Api, new { coachEmail = "niemand@example.org", startsOn = Today() }), HttpStatusCode.BadRequest);
        // The steering group may not; a stranger does not see the organisation.
        await JsonAsync(await o.Steering.Client.PostAsJsonAsync(o.Api, new { coachEmail = o.Coach.Email, startsOn = Today() }), HttpStatusCode.Forbidden);
        await JsonAsync(await o.Stranger.Client.PostAsJsonAsync(o.Api, new { coachEmail = o.Coach.Email, startsOn = Today() }), HttpStatusCode.NotFound);
        Assert.Empty((await JsonAsync(await o.Hr.Client.GetAsync(o.Api), HttpStatusCode.OK)).EnumerateArray());

        var created = await JsonAsync(await o.Hr.Client.PostAsJsonAsync(o.Api, new { coachEmail = o.Coach.Email.ToUpperInvariant(), startsOn = Today() }), HttpStatusCode.Created);
        Assert.Equal(120, created.GetProperty("plannedHours").GetInt32());
        Assert.Equal("Intake", created.GetProperty("phase").GetString());
        // One running route at a time; the coach now sees the organisation's routes, a stranger still does not.
        await JsonAsync(await o.Hr.Client.PostAsJsonAsync(o.Api, new { coachEmail = o.Coach.Email, startsOn = Today() }), HttpStatusCode.Conflict);
        Assert.Single((await JsonAsync(await o.Coach.Client.GetAsync(o.Api), HttpStatusCode.OK)).EnumerateArray());
        await JsonAsync(await o.Stranger.Client.GetAsync(o.Api), HttpStatusCode.NotFound);

        // A beheerder may start one too (for another organisation), and sees the list but not the route itself.
        var other = await LcCoachingData.OrganisationAsync(app);
        var beheerder = await app.LoginAsUserAsync(Roles.Beheerder);
        var byAdmin = await JsonAsync(await beheerder.Client.PostAsJsonAsync(other.Api, new { coachEmail = other.Coach.Email, startsOn = Today(), plannedHours = 80 }), HttpStatusCode.Created);
        Assert.Equal(80, byAdmin.GetProperty("plannedHours").GetInt32());
        Assert.Single((await JsonAsync(await beheerder.Client.GetAsync(other.Api), HttpStatusCode.OK)).EnumerateArray());
        await JsonAsync(await beheerder.Client.GetAsync($"{other.Api}/{byAdmin.GetProperty("id").GetInt32()}"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_coach_edits_versioned_and_moves_one_phase_at_a_time_hr_and_steering_group_read_only()
    {
        var (o, id) = await RouteAsync();
        var url = $"{o.Api}/{id}";
        var got = await o.Coach.Client.GetAsync(url);
        Assert.Equal("\"0\"", got.Headers.ETag!.Tag);
        using (var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new { intake = "Gesprek met directie", plan = "Eerst de scan", phase = "PlanVanAanpak" }) })
        {
            put.Headers.IfMatch.ParseAdd("\"0\"");
            var saved = await JsonAsync(await o.Coach.Client.SendAsync(put), HttpStatusCode.OK);
            Assert.Equal("PlanVanAanpak", saved.GetProperty("phase").GetString());
        }
        // A save from the old version is refused and changes nothing.
        using (var stale = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new { intake = "Overschreven", plan = "x" }) })
        {
            stale.Headers.IfMatch.ParseAdd("\"0\"");
            await JsonAsync(await o.Coach.Client.SendAsync(stale), HttpStatusCode.Conflict);
        }
        // Two phases at once: refused.
        await JsonAsync(await o.Coach.Client.PutAsJsonAsync(url, new { intake = "Gesprek met directie", phase = "Voordoen" }), HttpStatusCode.BadRequest);
        // Back one step is allowed.
        await JsonAsync(await o.Coach.Client.PutAsJsonAsync(url, new { intake = "Gesprek met directie", plan = "Eerst de scan", phase = "Intake" }), HttpStatusCode.OK);

        foreach (var reader in new[] { o.Hr, o.Steering })
        {
            var seen = await JsonAsync(await reader.Client.GetAsync(url), HttpStatusCode.OK);
            Assert.Equal("Gesprek met directie", seen.GetProperty("intake").GetString());
            Assert.False(seen.GetProperty("isCoach").GetBoolean());
            await JsonAsync(await reader.Client.PutAsJsonAsync(url, new { intake = "HR schrijft" }), HttpStatusCode.Forbidden);
            await JsonAsync(await reader.Client.PostAsJsonAsync($"{url}/hours", new { date = Today(), hours = 1 }), HttpStatusCode.Forbidden);
        }
        await JsonAsync(await o.Stranger.Client.GetAsync(url), HttpStatusCode.NotFound);
        // A route id of another organisation is not found under this one.
        var (other, otherId) = await RouteAsync();
        await JsonAsync(await other.Coach.Client.GetAsync($"{o.Api}/{otherId}"), HttpStatusCode.NotFound);
        await JsonAsync(await o.Hr.Client.GetAsync($"{o.Api}/{otherId}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Hours_are_logged_per_phase_within_bounds_and_add_up_against_the_plan()
    {
        var (o, id) = await RouteAsync();
        var url = $"{o.Api}/{id}";
        await JsonAsync(await o.Coach.Client.PostAsJsonAsync($"{url}/hours", new { date = Today(-30), hours = 2.5, note = "Intakegesprek" }), HttpStatusCode.Created);
        await JsonAsync(await o.Coach.Client.PutAsJsonAsync(url, new { phase = "PlanVanAanpak" }), HttpStatusCode.OK);
        var second = await JsonAsync(await o.Coach.Client.PostAsJsonAsync($"{url}/hours", new { date = Today(-20), hours = 4 }), HttpStatusCode.Created);
        Assert.Equal("PlanVanAanpak", second.GetProperty("phase").GetString());
        foreach (var wrong in new object[]
                 {
                     new { date = Today(), hours = 0.0 }, new { date = Today(), hours = 24.5 }, new { date = Today(1), hours = 1.0 },
                     new { date = Today(-400), hours = 1.0 }, new { date = Today(), hours = 1.0, phase = "Voordoen" },
                 })
            await JsonAsync(await o.Coach.Client.PostAsJsonAsync($"{url}/hours", wrong), HttpStatusCode.BadRequest);

        var seen = await JsonAsync(await o.Steering.Client.GetAsync(url), HttpStatusCode.OK);
        Assert.Equal(6.5, seen.GetProperty("totalHours").GetDouble());
        var perPhase = seen.GetProperty("hoursPerPhase").EnumerateArray().ToDictionary(h => h.GetProperty("phase").GetString()!, h => h.GetProperty("hours").GetDouble());
        Assert.Equal(2.5, perPhase["Intake"]);
        Assert.Equal(4, perPhase["PlanVanAanpak"]);
        Assert.Equal(0, perPhase["Voordoen"]);

        // Only the coach deletes; a log id of another route is not found.
        var logId = second.GetProperty("id").GetInt32();
        await JsonAsync(await o.Hr.Client.DeleteAsync($"{url}/hours/{logId}"), HttpStatusCode.Forbidden);
        var (other, otherId) = await RouteAsync();
        await JsonAsync(await other.Coach.Client.DeleteAsync($"{other.Api}/{otherId}/hours/{logId}"), HttpStatusCode.NotFound);
        await JsonAsync(await o.Coach.Client.DeleteAsync($"{url}/hours/{logId}"), HttpStatusCode.NoContent);
        Assert.Equal(2.5, (await JsonAsync(await o.Hr.Client.GetAsync(url), HttpStatusCode.OK)).GetProperty("totalHours").GetDouble());
    }

    [Fact]
    public async Task The_second_scan_shows_the_change_per_block_only_when_both_rounds_have_five_responses()
    {
        var (o, id) = await RouteAsync();
        var url = $"{o.Api}/{id}";
        var first = await LcCoachingData.RoundAsync(app, o.Id, 2, 2, 3, 3, 3, 2);
        var small = await LcCoachingData.RoundAsync(app, o.Id, 5, 5, 5, 5);
        var second = await LcCoachingData.RoundAsync(app, o.Id, 4, 4, 4, 4, 3, 3);
        var (other, _) = await RouteAsync();
        var foreign = await LcCoachingData.RoundAsync(app, other.Id, 4, 4, 4, 4, 4);

        // Rounds of another organisation cannot be linked.
        await JsonAsync(await o.Coach.Client.PutAsJsonAsync(url, new { firstRoundId = foreign }), HttpStatusCode.BadRequest);

        // A second scan of 4 responses shows nothing.
        await JsonAsync(await o.Coach.Client.PutAsJsonAsync(url, new { firstRoundId = first, secondRoundId = small }), HttpStatusCode.OK);
        var seen = await JsonAsync(await o.Hr.Client.GetAsync(url), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("change").ValueKind);
        Assert.DoesNotContain("Verschil", await o.Hr.Client.GetStringAsync(o.Page));

        await JsonAsync(await o.Coach.Client.PutAsJsonAsync(url, new { firstRoundId = first, secondRoundId = second }), HttpStatusCode.OK);
        seen = await JsonAsync(await o.Steering.Client.GetAsync(url), HttpStatusCode.OK);
        var change = seen.GetProperty("change").EnumerateArray().ToList();
        Assert.Equal(6, change.Count);
        foreach (var c in change)
        {
            Assert.Equal(6, c.GetProperty("firstRespondents").GetInt32());
            Assert.Equal(2.5, c.GetProperty("firstMean").GetDouble());
            Assert.Equal(3.67, c.GetProperty("secondMean").GetDouble());
            Assert.Equal(1.17, c.GetProperty("difference").GetDouble());
        }
        var page = WebUtility.HtmlDecode(await o.Steering.Client.GetStringAsync(o.Page));
        Assert.Contains("Verschil", page);
        Assert.Contains("+1,2", page);
    }

    [Fact]
    public async Task The_page_shows_progress_to_the_organisation_and_lets_the_coach_log_hours()
    {
        var (o, id) = await RouteAsync();
        var logged = await KlimrekApp.PostFormAsync(o.Coach.Client, $"{o.Page}?handler=Hours",
            new() { ["routeId"] = id.ToString(), ["HoursDate"] = Today(-3), ["Hours"] = "1,5", ["HoursNote"] = "Kennismaking" }, o.Page);
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        var refused = await KlimrekApp.PostFormAsync(o.Coach.Client, $"{o.Page}?handler=Hours",
            new() { ["routeId"] = id.ToString(), ["HoursDate"] = Today(-3), ["Hours"] = "30" }, o.Page);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("hoogstens 24 uur", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        var forward = await KlimrekApp.PostFormAsync(o.Coach.Client, $"{o.Page}?handler=Phase", new() { ["routeId"] = id.ToString(), ["version"] = "0", ["direction"] = "verder" }, o.Page);
        Assert.Equal(HttpStatusCode.Redirect, forward.StatusCode);
        // A second click from the same (old) page is refused as saved meanwhile.
        var again = await KlimrekApp.PostFormAsync(o.Coach.Client, $"{o.Page}?handler=Phase", new() { ["routeId"] = id.ToString(), ["version"] = "0", ["direction"] = "verder" }, o.Page);
        Assert.Contains("intussen gewijzigd", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));

        var hr = WebUtility.HtmlDecode(await o.Hr.Client.GetStringAsync(o.Page));
        Assert.Contains("1,5 van 120 geplande uren geschreven", hr);
        Assert.Contains("Kennismaking", hr);
        Assert.Contains("aria-current=\"step\"", hr);
        Assert.DoesNotContain("handler=Hours", hr);
        // The steering group cannot post the coach's forms; a stranger does not see the page.
        var steering = await KlimrekApp.PostFormAsync(o.Steering.Client, $"{o.Page}?handler=Hours",
            new() { ["routeId"] = id.ToString(), ["HoursDate"] = Today(-3), ["Hours"] = "1" }, o.Page);
        Assert.Equal(HttpStatusCode.Redirect, steering.StatusCode);
        Assert.Contains("/account/geen-toegang", steering.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await o.Stranger.Client.GetAsync(o.Page)).StatusCode);
        Assert.Equal(1, await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().CoachingLogs.CountAsync(l => l.RouteId == id)));
    }

    [Fact]
    public async Task A_coach_exports_their_routes_and_on_erase_the_route_stays_with_a_stand_in()
    {
        var (o, id) = await RouteAsync();
        await JsonAsync(await o.Coach.Client.PutAsJsonAsync($"{o.Api}/{id}", new { intake = "Intake-notitie van de coach" }), HttpStatusCode.OK);
        await JsonAsync(await o.Coach.Client.PostAsJsonAsync($"{o.Api}/{id}/hours", new { date = Today(-1), hours = 3, note = "Werksessie" }), HttpStatusCode.Created);
        var files = await KlimrekApp.ExportFilesAsync(await o.Coach.Client.GetAsync("/api/v1/me/data.zip"));
        Assert.Contains("Intake-notitie van de coach", files["leercultuur-coaching.json"]);
        Assert.Contains("Werksessie", files["leercultuur-coaching.json"]);

        await JsonAsync(await o.Coach.Client.PostAsJsonAsync("/api/v1/me/erase", new { password = "correct horse battery" }), HttpStatusCode.NoContent);
        var after = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            var route = await db.CoachingRoutes.Include(r => r.Coach).SingleAsync(r => r.Id == id);
            return (route.CoachId, route.Coach!.DisplayName, Logs: await db.CoachingLogs.CountAsync(l => l.RouteId == id && l.CoachId == route.CoachId));
        });
        Assert.NotEqual(o.Coach.Id, after.CoachId);
        Assert.Equal("verwijderde deelnemer", after.DisplayName);
        Assert.Equal(1, after.Logs);
        Assert.Equal(3, (await JsonAsync(await o.Hr.Client.GetAsync($"{o.Api}/{id}"), HttpStatusCode.OK)).GetProperty("totalHours").GetDouble());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LcCoachingTestsSqlite(SqliteApp app) : LcCoachingTests(app);

[Collection(PostgresCollection.Name)]
public sealed class LcCoachingTestsPostgres(PostgresApp app) : LcCoachingTests(app);

/// <summary>Leercultuur test data for the coaching and instrument tests: an organisation with its people, rounds with answers.</summary>
internal static class LcCoachingData
{
    public sealed record Org(int Id, KlimrekApp.TestUser Hr, KlimrekApp.TestUser Steering, KlimrekApp.TestUser Coach, KlimrekApp.TestUser Stranger)
    {
        public string Api => $"/api/v1/organisations/{Id}/scans/coaching";
        public string Page => $"/leercultuur/{Id}/traject";
    }

    /// <summary>A fresh organisation with HR, a steering-group member, a begeleider (not yet its coach) and a stranger.</summary>
    public static async Task<Org> OrganisationAsync(KlimrekApp app)
    {
        var hr = await app.LoginAsUserAsync(Roles.Deelnemer);
        var steering = await app.LoginAsUserAsync(Roles.Deelnemer);
        var coach = await app.LoginAsUserAsync(Roles.Begeleider);
        var stranger = await app.LoginAsUserAsync(Roles.Begeleider);
        var id = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            var org = new Organisation { Name = "Test " + Guid.NewGuid().ToString("N")[..6], Kind = OrganisationKind.Werkgever, Sector = "handel", Region = "zeeland", CreatedAt = DateTime.UtcNow };
            db.Organisations.Add(org);
            await db.SaveChangesAsync();
            db.OrganisationMembers.AddRange(
                new OrganisationMember { OrganisationId = org.Id, UserId = hr.Id, Role = OrganisationRole.Hr, CreatedAt = DateTime.UtcNow },
                new OrganisationMember { OrganisationId = org.Id, UserId = steering.Id, Role = OrganisationRole.Stuurgroep, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return org.Id;
        });
        return new Org(id, hr, steering, coach, stranger);
    }

    /// <summary>
    /// A closed round of the organisation on the current instrument with one response per entry of
    /// <paramref name="scores"/>: every statement answered with that value (a block score equal to it).
    /// </summary>
    public static Task<int> RoundAsync(KlimrekApp app, int organisationId, params int[] scores) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<KlimrekDbContext>();
        var instrument = await sp.GetRequiredService<InstrumentService>().CurrentAsync(default);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var round = new ScanRound { OrganisationId = organisationId, InstrumentId = instrument.Id, Title = "Ronde", OpensOn = today.AddDays(-20), ClosesOn = today.AddDays(-1), CreatedAt = DateTime.UtcNow };
        db.ScanRounds.Add(round);
        await db.SaveChangesAsync();
        var statements = instrument.Items.Where(i => i.Kind == ScanItemKind.Stelling).ToList();
        foreach (var s in scores)
        {
            var r = new ScanResponse { Id = Guid.NewGuid(), RoundId = round.Id, SubmittedOn = today.AddDays(-5) };
            r.Answers.AddRange(statements.Select(i => new ScanAnswer { ItemId = i.Id, Value = (byte)s }));
            r.Values = ScanValues.Of(statements, r.Answers);
            r.BlockScores.AddRange(statements.Select(i => i.Block).Distinct().Select(b => new ScanBlockScore { RoundId = round.Id, Block = b, Score = s }));
            db.ScanResponses.Add(r);
        }
        await db.SaveChangesAsync();
        return round.Id;
    });
}
