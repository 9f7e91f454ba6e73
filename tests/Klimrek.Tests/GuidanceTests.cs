using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Klimrek.Tests;

/// <summary>
/// The career-guidance conversation on a shared profile (issue 13): only with the person's consent, visible to both,
/// gone for the begeleider when consent or the share is withdrawn, the person's own in export and erase.
/// </summary>
public abstract class GuidanceTests(KlimrekApp app)
{
    private sealed record Pair(KlimrekApp.TestUser Person, KlimrekApp.TestUser Coach)
    {
        public string Mine => $"/api/v1/me/guidance/{Coach.Id}";
        public string Theirs => $"/api/v1/profiles/{Person.Id}/guidance";
    }

    private async Task<Pair> SharedAsync()
    {
        var person = await app.LoginAsUserAsync(Roles.Deelnemer);
        var coach = await app.LoginAsUserAsync(Roles.Begeleider);
        var shared = await KlimrekApp.PostFormAsync(person.Client, "/klimrek/profiel?handler=Share", new() { ["email"] = coach.Email }, "/klimrek/profiel");
        Assert.True(shared.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, await shared.Content.ReadAsStringAsync());
        return new Pair(person, coach);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"{(int)r.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private Task<int> NurseIdAsync() => app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().Occupations
        .Where(o => o.Uri == "http://data.europa.eu/esco/occupation/18e14e61-495b-44cc-a7c6-df4c625934ba").Select(o => o.Id).FirstAsync());

    [Fact]
    public async Task Nothing_is_kept_until_the_person_allows_it_then_both_see_the_same_lines()
    {
        var p = await SharedAsync();
        var before = await JsonAsync(await p.Coach.Client.GetAsync(p.Theirs), HttpStatusCode.OK);
        Assert.False(before.GetProperty("allowed").GetBoolean());
        await JsonAsync(await p.Coach.Client.PostAsJsonAsync(p.Theirs + "/entries", new { kind = "aantekening", text = "Eerste indruk" }), HttpStatusCode.Forbidden);

        await JsonAsync(await p.Person.Client.PutAsJsonAsync(p.Mine + "/consent", new { allowed = true }), HttpStatusCode.NoContent);
        await JsonAsync(await p.Coach.Client.PostAsJsonAsync(p.Theirs + "/entries", new { kind = "aantekening", text = "Sterk in plannen" }), HttpStatusCode.Created);
        var step = await JsonAsync(await p.Coach.Client.PostAsJsonAsync(p.Theirs + "/entries", new { kind = "afspraak", text = "Twee vacatures lezen" }), HttpStatusCode.Created);
        var nurse = await NurseIdAsync();
        await JsonAsync(await p.Person.Client.PostAsJsonAsync(p.Mine + "/entries", new { kind = "route", text = "via de hbo-v", occupationId = nurse }), HttpStatusCode.Created);
        await JsonAsync(await p.Person.Client.PutAsJsonAsync($"/api/v1/guidance/entries/{step.GetProperty("id").GetInt32()}", new { done = true }), HttpStatusCode.NoContent);

        var mine = await JsonAsync(await p.Person.Client.GetAsync(p.Mine), HttpStatusCode.OK);
        var theirs = await JsonAsync(await p.Coach.Client.GetAsync(p.Theirs), HttpStatusCode.OK);
        Assert.Equal(mine.GetProperty("entries").GetRawText(), theirs.GetProperty("entries").GetRawText());
        Assert.Equal(3, mine.GetProperty("entries").GetArrayLength());
        Assert.Equal(nurse, mine.GetProperty("route").GetProperty("occupationId").GetInt32());
        Assert.Equal("gespecialiseerd verpleegkundige", mine.GetProperty("route").GetProperty("occupationLabel").GetString());
        var done = mine.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "afspraak");
        Assert.NotEqual(JsonValueKind.Null, done.GetProperty("doneAt").ValueKind);
        Assert.Equal("begeleider", done.GetProperty("writtenBy").GetString());

        // Each hears of the other's lines in the inbox.
        var titles = await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().Notifications
            .Where(n => n.UserId == p.Person.Id || n.UserId == p.Coach.Id).Select(n => new { n.UserId, n.Title }).ToListAsync());
        Assert.Equal(2, titles.Count(t => t.UserId == p.Person.Id && t.Title.Contains("loopbaangesprek", StringComparison.Ordinal)));
        Assert.Equal(1, titles.Count(t => t.UserId == p.Coach.Id && t.Title.Contains("loopbaangesprek", StringComparison.Ordinal)));

        // The pages show the same conversation to both.
        Assert.Contains("Twee vacatures lezen", await p.Coach.Client.GetStringAsync($"/begeleiding/{p.Person.Id}"));
        var page = await p.Person.Client.GetStringAsync("/klimrek/begeleiding");
        Assert.Contains("Twee vacatures lezen", page);
        Assert.Contains("via de hbo-v", page);
    }

    [Fact]
    public async Task Bad_input_changes_nothing_and_the_page_keeps_what_was_typed()
    {
        var p = await SharedAsync();
        await JsonAsync(await p.Person.Client.PutAsJsonAsync(p.Mine + "/consent", new { allowed = true }), HttpStatusCode.NoContent);
        var tooLong = await JsonAsync(await p.Coach.Client.PostAsJsonAsync(p.Theirs + "/entries", new { kind = "aantekening", text = new string('x', 2001) }), HttpStatusCode.BadRequest);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("text", out _));
        var noRoute = await JsonAsync(await p.Person.Client.PostAsJsonAsync(p.Mine + "/entries", new { kind = "route", occupationId = -5 }), HttpStatusCode.BadRequest);
        Assert.True(noRoute.GetProperty("errors").TryGetProperty("occupationId", out _));
        await JsonAsync(await p.Person.Client.PostAsJsonAsync(p.Mine + "/entries", new { kind = "9", text = "x" }), HttpStatusCode.BadRequest);
        Assert.Equal(0, (await JsonAsync(await p.Person.Client.GetAsync(p.Mine), HttpStatusCode.OK)).GetProperty("entries").GetArrayLength());

        // On the page: a route without an occupation is refused in Dutch and the text stays in the form.
        var r = await KlimrekApp.PostFormAsync(p.Person.Client, $"/klimrek/begeleiding?handler=GuidanceAdd&met={p.Coach.Id}",
            new() { ["kind"] = "route", ["text"] = "Dit wil ik niet kwijt" }, $"/klimrek/begeleiding?met={p.Coach.Id}");
        var html = await r.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("Kies het beroep waar de route heen gaat.", html);
        Assert.Contains("Dit wil ik niet kwijt</textarea>", html);
        Assert.Equal(0, (await JsonAsync(await p.Person.Client.GetAsync(p.Mine), HttpStatusCode.OK)).GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task Withdrawing_consent_or_the_share_ends_the_begeleiders_access_and_the_person_keeps_every_line()
    {
        var p = await SharedAsync();
        await JsonAsync(await p.Person.Client.PutAsJsonAsync(p.Mine + "/consent", new { allowed = true }), HttpStatusCode.NoContent);
        var mineLine = await JsonAsync(await p.Person.Client.PostAsJsonAsync(p.Mine + "/entries", new { kind = "aantekening", text = "Van mij" }), HttpStatusCode.Created);
        var theirLine = await JsonAsync(await p.Coach.Client.PostAsJsonAsync(p.Theirs + "/entries", new { kind = "aantekening", text = "Van de begeleider" }), HttpStatusCode.Created);
        // The begeleider may not delete the person's line; the person may delete any.
        await JsonAsync(await p.Coach.Client.DeleteAsync($"/api/v1/guidance/entries/{mineLine.GetProperty("id").GetInt32()}"), HttpStatusCode.Forbidden);

        await JsonAsync(await p.Person.Client.PutAsJsonAsync(p.Mine + "/consent", new { allowed = false }), HttpStatusCode.NoContent);
        var coachView = await JsonAsync(await p.Coach.Client.GetAsync(p.Theirs), HttpStatusCode.OK);
        Assert.False(coachView.GetProperty("allowed").GetBoolean());
        Assert.Equal(0, coachView.GetProperty("entries").GetArrayLength());
        Assert.DoesNotContain("Van de begeleider", await p.Coach.Client.GetStringAsync($"/begeleiding/{p.Person.Id}"));
        await JsonAsync(await p.Coach.Client.DeleteAsync($"/api/v1/guidance/entries/{theirLine.GetProperty("id").GetInt32()}"), HttpStatusCode.NotFound);
        Assert.Equal(2, (await JsonAsync(await p.Person.Client.GetAsync(p.Mine), HttpStatusCode.OK)).GetProperty("entries").GetArrayLength());

        // The share withdrawn: the begeleider gets 404 everywhere; another begeleider never saw anything.
        var other = await app.LoginAsUserAsync(Roles.Begeleider);
        await JsonAsync(await other.Client.GetAsync(p.Theirs), HttpStatusCode.NotFound);
        var unshared = await KlimrekApp.PostFormAsync(p.Person.Client, "/klimrek/profiel?handler=Unshare", new() { ["begeleiderId"] = p.Coach.Id }, "/klimrek/profiel");
        Assert.True(unshared.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK);
        await JsonAsync(await p.Coach.Client.GetAsync(p.Theirs), HttpStatusCode.NotFound);
        Assert.Equal(2, await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().GuidanceEntries.CountAsync(e => e.BegeleiderId == p.Coach.Id)));
    }

    [Fact]
    public async Task A_begeleider_whose_open_form_is_refused_after_consent_ended_is_told_why_on_the_page()
    {
        var p = await SharedAsync();
        await JsonAsync(await p.Person.Client.PutAsJsonAsync(p.Mine + "/consent", new { allowed = true }), HttpStatusCode.NoContent);
        await JsonAsync(await p.Person.Client.PutAsJsonAsync(p.Mine + "/consent", new { allowed = false }), HttpStatusCode.NoContent);

        // Not the "no access" page, which would tell a begeleider that only begeleiders come here.
        var r = await KlimrekApp.PostFormAsync(p.Coach.Client, $"/begeleiding/{p.Person.Id}?handler=GuidanceAdd",
            new() { ["kind"] = "aantekening", ["text"] = "Na afloop nog een gedachte" }, "/klimrek/profiel");
        var html = await r.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("De persoon heeft het loopbaangesprek in Klimrek (nog) niet toegestaan.", html);
        Assert.Equal(0, (await JsonAsync(await p.Person.Client.GetAsync(p.Mine), HttpStatusCode.OK)).GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task The_conversation_is_in_the_export_and_erasing_the_begeleider_leaves_the_persons_lines()
    {
        var p = await SharedAsync();
        await JsonAsync(await p.Person.Client.PutAsJsonAsync(p.Mine + "/consent", new { allowed = true }), HttpStatusCode.NoContent);
        await JsonAsync(await p.Coach.Client.PostAsJsonAsync(p.Theirs + "/entries", new { kind = "afspraak", text = "Open dag bezoeken" }), HttpStatusCode.Created);
        Assert.Contains("Open dag bezoeken", await ExportedProfileAsync(p.Person.Client));
        Assert.Contains("Open dag bezoeken", await ExportedProfileAsync(p.Coach.Client));
        // The begeleider's reading is in the person's access log.
        await JsonAsync(await p.Coach.Client.GetAsync(p.Theirs), HttpStatusCode.OK);
        Assert.Contains("loopbaangesprek", await p.Person.Client.GetStringAsync("/api/v1/me/access-log"));

        await JsonAsync(await p.Coach.Client.PostAsJsonAsync("/api/v1/me/erase", new { password = "correct horse battery" }), HttpStatusCode.NoContent);
        var kept = await JsonAsync(await p.Person.Client.GetAsync("/api/v1/me/guidance"), HttpStatusCode.OK);
        Assert.Equal(0, kept.GetArrayLength()); // the share is gone with the account
        Assert.Equal(1, await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().GuidanceEntries
            .CountAsync(e => e.BegeleiderId == "" && e.Text == "Open dag bezoeken")));
        Assert.Contains("Open dag bezoeken", await ExportedProfileAsync(p.Person.Client));

        // Erasing the person removes the conversation with the profile.
        await JsonAsync(await p.Person.Client.PostAsJsonAsync("/api/v1/me/erase", new { password = "correct horse battery" }), HttpStatusCode.NoContent);
        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().GuidanceEntries.CountAsync(e => e.Text == "Open dag bezoeken")));
    }

    private static async Task<string> ExportedProfileAsync(HttpClient client)
    {
        var r = await client.GetAsync("/api/v1/me/data.zip");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await r.Content.ReadAsByteArrayAsync()));
        using var reader = new StreamReader(zip.GetEntry("skills-profile.json")!.Open());
        return await reader.ReadToEndAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class GuidanceTestsSqlite(SqliteApp app) : GuidanceTests(app);

[Collection(PostgresCollection.Name)]
public sealed class GuidanceTestsPostgres(PostgresApp app) : GuidanceTests(app);
