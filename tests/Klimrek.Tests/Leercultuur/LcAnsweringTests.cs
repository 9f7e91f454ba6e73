using Klimrek.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Klimrek.Tests.Leercultuur;

/// <summary>Answering the scan without an account: through a personal link or the open link, drafts, all-or-nothing submission.</summary>
public abstract class LcAnsweringTests(KlimrekApp app)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"expected {expected}, got {r.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private Task<T> Db<T>(Func<KlimrekDbContext, Task<T>> read) => app.WithScopeAsync(sp => read(sp.GetRequiredService<KlimrekDbContext>()));

    private Task<int> ResponsesAsync(int roundId) => Db(db => db.ScanResponses.CountAsync(r => r.RoundId == roundId));

    [Fact]
    public async Task A_personal_link_answers_once_through_the_api_and_its_draft_resumes()
    {
        var s = await LcAnsweringWorld.RoundAsync(app);
        var secret = await LcAnsweringWorld.InviteAsync(app, s.RoundId, s.UnitIds[0]);
        var anon = app.Anonymous();
        var form = await JsonAsync(await anon.GetAsync($"/api/v1/scan/{secret}"), HttpStatusCode.OK);
        Assert.Equal("open", form.GetProperty("state").GetString());
        Assert.Equal("Team A", form.GetProperty("unit").GetString());
        Assert.Equal(39, form.GetProperty("items").GetArrayLength());

        await JsonAsync(await anon.PutAsJsonAsync($"/api/v1/scan/{secret}/draft", new { values = new Dictionary<string, int> { ["b1.afwisseling"] = 4, ["b1.uitdaging"] = 0 }, language = "en" }), HttpStatusCode.OK);
        var resumed = await JsonAsync(await app.Anonymous().GetAsync($"/api/v1/scan/{secret}"), HttpStatusCode.OK);
        Assert.Equal("en", resumed.GetProperty("language").GetString());
        Assert.Equal(4, resumed.GetProperty("answers").GetProperty("values").GetProperty("b1.afwisseling").GetInt32());
        Assert.Equal("My work is varied enough that I keep learning from it.", resumed.GetProperty("items")[0].GetProperty("text").GetString());

        var values = LcAnsweringWorld.AllStatements(3);
        values.Remove("b1.afwisseling");
        values.Remove("b1.uitdaging");
        await JsonAsync(await anon.PostAsJsonAsync($"/api/v1/scan/{secret}", new
        {
            values, texts = new Dictionary<string, string> { ["b2.open"] = "Ruimte om fouten te maken", ["b3.open"] = "  " },
            choices = new Dictionary<string, string[]> { ["o.vanwie"] = ["team", "zelf"], ["o.tussendoor"] = ["wekelijks"] },
        }), HttpStatusCode.NoContent);

        var stored = await Db(db => db.ScanResponses.Include(r => r.Answers).Include(r => r.OpenAnswers).Include(r => r.Choices).Include(r => r.BlockScores)
            .SingleAsync(r => r.RoundId == s.RoundId));
        Assert.Equal(s.UnitIds[0], stored.UnitId);
        Assert.Equal(Klimrek.Infrastructure.DutchTime.Today(DateTime.UtcNow), stored.SubmittedOn);
        Assert.Equal(30, stored.Answers.Count);
        Assert.Single(stored.Answers, a => a.Value is null);
        Assert.Equal("40" + new string('3', 28), stored.Values); // packed in position order: b1.afwisseling, b1.uitdaging ("weet ik niet"), …
        Assert.Equal("Ruimte om fouten te maken", Assert.Single(stored.OpenAnswers).Text);
        Assert.Equal(3, stored.Choices.Count);
        Assert.Equal(6, stored.BlockScores.Count);
        Assert.Equal((4 + 3 + 3 + 3) / 4.0, stored.BlockScores.Single(b => b.Block == 1).Score, 9);
        Assert.Equal(0, await Db(db => db.ScanDrafts.CountAsync(d => d.RoundId == s.RoundId)));
        Assert.True(await Db(db => db.ScanInvitations.Where(i => i.RoundId == s.RoundId).Select(i => i.Answered).SingleAsync()));

        // The used link: a second answer is refused and nothing more is stored.
        await JsonAsync(await anon.PostAsJsonAsync($"/api/v1/scan/{secret}", new { values = LcAnsweringWorld.AllStatements(5) }), HttpStatusCode.Conflict);
        await JsonAsync(await anon.PutAsJsonAsync($"/api/v1/scan/{secret}/draft", new { values = LcAnsweringWorld.AllStatements(5) }), HttpStatusCode.Conflict);
        Assert.Equal(1, await ResponsesAsync(s.RoundId));
        Assert.Equal("answered", (await JsonAsync(await anon.GetAsync($"/api/v1/scan/{secret}"), HttpStatusCode.OK)).GetProperty("state").GetString());
        Assert.Contains("al geantwoord", await anon.GetStringAsync($"/scan/{secret}"));
    }

    public static TheoryData<string> BadAnswers => new()
    {
        """{"values":{"b2.fouten":6}}""",
        """{"values":{"b2.fouten":-1}}""",
        """{"values":{"bestaat.niet":3}}""",
        """{"values":{"b1.open":3}}""",
        """{"texts":{"b1.open":"__LONG__"}}""",
        """{"choices":{"o.vanwie":["team","zelf","buiten","opleiding"]}}""",
        """{"choices":{"o.vanwie":["iedereen"]}}""",
        """{"choices":{"o.tussendoor":["dagelijks","wekelijks"]}}""",
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task One_bad_answer_stores_nothing_and_keeps_the_draft(string bad)
    {
        var s = await LcAnsweringWorld.RoundAsync(app);
        var secret = await LcAnsweringWorld.InviteAsync(app, s.RoundId, s.UnitIds[1]);
        var anon = app.Anonymous();
        await JsonAsync(await anon.PutAsJsonAsync($"/api/v1/scan/{secret}/draft", new { values = LcAnsweringWorld.AllStatements(4) }), HttpStatusCode.OK);
        var draftBefore = await Db(db => db.ScanDrafts.Where(d => d.RoundId == s.RoundId).Select(d => d.Answers).SingleAsync());

        var body = bad.Replace("__LONG__", new string('x', 2001), StringComparison.Ordinal);
        var problem = await JsonAsync(await anon.PostAsync($"/api/v1/scan/{secret}", new StringContent(body, System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").EnumerateObject().Any());
        await JsonAsync(await anon.PutAsync($"/api/v1/scan/{secret}/draft", new StringContent(body, System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);

        Assert.Equal(0, await ResponsesAsync(s.RoundId));
        Assert.Equal(0, await Db(db => db.ScanBlockScores.CountAsync(b => b.RoundId == s.RoundId)));
        Assert.Equal(draftBefore, await Db(db => db.ScanDrafts.Where(d => d.RoundId == s.RoundId).Select(d => d.Answers).SingleAsync()));
        Assert.False(await Db(db => db.ScanInvitations.Where(i => i.RoundId == s.RoundId).Select(i => i.Answered).SingleAsync()));
    }

    [Fact]
    public async Task An_empty_answer_is_refused()
    {
        var s = await LcAnsweringWorld.RoundAsync(app);
        var secret = await LcAnsweringWorld.InviteAsync(app, s.RoundId, s.UnitIds[0]);
        await JsonAsync(await app.Anonymous().PostAsJsonAsync($"/api/v1/scan/{secret}", new { }), HttpStatusCode.BadRequest);
        Assert.Equal(0, await ResponsesAsync(s.RoundId));
    }

    [Fact]
    public async Task Block_scores_follow_the_half_answered_rule()
    {
        var s = await LcAnsweringWorld.RoundAsync(app);
        var secret = await LcAnsweringWorld.InviteAsync(app, s.RoundId, s.UnitIds[0]);
        var values = new Dictionary<string, int>
        {
            // Block 1: three of five answered (two "weet ik niet") → counts, mean 2.
            ["b1.afwisseling"] = 1, ["b1.uitdaging"] = 2, ["b1.autonomie"] = 3, ["b1.kennis"] = 0, ["b1.rust"] = 0,
            // Block 2: two of five → does not count.
            ["b2.fouten"] = 5, ["b2.bespreken"] = 5,
            // Block 3: only "weet ik niet" → does not count.
            ["b3.feedback"] = 0, ["b3.hulp"] = 0, ["b3.delen"] = 0, ["b3.vertrouwen"] = 0, ["b3.verschillen"] = 0,
            // Block 4: all five → counts, mean 4.4.
            ["b4.stimuleren"] = 4, ["b4.werk"] = 4, ["b4.afspraken"] = 5, ["b4.visie"] = 4, ["b4.kennis"] = 5,
        };
        await JsonAsync(await app.Anonymous().PostAsJsonAsync($"/api/v1/scan/{secret}", new { values }), HttpStatusCode.NoContent);
        var scores = await Db(db => db.ScanBlockScores.Where(b => b.RoundId == s.RoundId).OrderBy(b => b.Block).ToListAsync());
        Assert.Equal([1, 4], scores.Select(b => b.Block));
        Assert.Equal(2.0, scores[0].Score, 9);
        Assert.Equal(4.4, scores[1].Score, 9);
    }

    [Theory]
    [InlineData(-10, -1, false)]
    [InlineData(2, 30, false)]
    [InlineData(-1, 30, true)]
    public async Task A_round_that_is_not_open_takes_no_answer(int opens, int closes, bool closedEarly)
    {
        var s = await LcAnsweringWorld.RoundAsync(app, opens, closes);
        if (closedEarly)
            await Db(db => db.ScanRounds.Where(r => r.Id == s.RoundId).ExecuteUpdateAsync(u => u.SetProperty(r => r.ClosedAt, DateTime.UtcNow)));
        var secret = await LcAnsweringWorld.InviteAsync(app, s.RoundId, s.UnitIds[0]);
        var anon = app.Anonymous();
        await JsonAsync(await anon.PostAsJsonAsync($"/api/v1/scan/{secret}", new { values = LcAnsweringWorld.AllStatements(4) }), HttpStatusCode.Conflict);
        await JsonAsync(await anon.PostAsJsonAsync($"/api/v1/scan/open/{s.OpenToken}", new { unitId = s.UnitIds[0] }), HttpStatusCode.Conflict);
        Assert.Equal(0, await ResponsesAsync(s.RoundId));
        var page = await anon.GetStringAsync($"/scan/{secret}");
        Assert.Contains(opens > 0 ? "nog niet geopend" : "gesloten", page);
        Assert.DoesNotContain("Opslaan en verder", page);
    }

    [Fact]
    public async Task Unknown_links_are_not_found()
    {
        var anon = app.Anonymous();
        var unknown = Klimrek.Features.Leercultuur.Answering.ScanSecrets.New();
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/api/v1/scan/{unknown}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.PostAsJsonAsync($"/api/v1/scan/{unknown}", new { values = LcAnsweringWorld.AllStatements(3) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/scan/{unknown}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/scan/open/{unknown}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/api/v1/scan/open/{unknown}")).StatusCode);
    }

    [Fact]
    public async Task The_open_link_starts_a_draft_of_ones_own_that_resumes_and_answers_once()
    {
        var s = await LcAnsweringWorld.RoundAsync(app);
        var anon = app.Anonymous();
        var open = await JsonAsync(await anon.GetAsync($"/api/v1/scan/open/{s.OpenToken}"), HttpStatusCode.OK);
        Assert.Equal(["Team A", "Team B"], open.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("name").GetString()));
        await JsonAsync(await anon.PostAsJsonAsync($"/api/v1/scan/open/{s.OpenToken}", new { unitId = 999_999 }), HttpStatusCode.BadRequest);
        var started = await JsonAsync(await anon.PostAsJsonAsync($"/api/v1/scan/open/{s.OpenToken}", new { unitId = s.UnitIds[1], language = "en" }), HttpStatusCode.Created);
        var token = started.GetProperty("token").GetString()!;
        var other = (await JsonAsync(await anon.PostAsJsonAsync($"/api/v1/scan/open/{s.OpenToken}", new { unitId = s.UnitIds[1] }), HttpStatusCode.Created)).GetProperty("token").GetString();
        Assert.NotEqual(token, other);

        await JsonAsync(await anon.PutAsJsonAsync($"/api/v1/scan/{token}/draft", new { values = new Dictionary<string, int> { ["b1.rust"] = 2 } }), HttpStatusCode.OK);
        var resumed = await JsonAsync(await app.Anonymous().GetAsync($"/api/v1/scan/{token}"), HttpStatusCode.OK);
        Assert.Equal("en", resumed.GetProperty("language").GetString());
        Assert.Equal(2, resumed.GetProperty("answers").GetProperty("values").GetProperty("b1.rust").GetInt32());
        await JsonAsync(await anon.PostAsJsonAsync($"/api/v1/scan/{token}", new { values = LcAnsweringWorld.AllStatements(4) }), HttpStatusCode.NoContent);
        Assert.Equal(s.UnitIds[1], await Db(db => db.ScanResponses.Where(r => r.RoundId == s.RoundId).Select(r => r.UnitId).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await anon.PostAsJsonAsync($"/api/v1/scan/{token}", new { values = LcAnsweringWorld.AllStatements(4) })).StatusCode);
        Assert.Equal(1, await ResponsesAsync(s.RoundId));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LcAnsweringTestsSqlite(SqliteApp app) : LcAnsweringTests(app);

[Collection(PostgresCollection.Name)]
public sealed class LcAnsweringTestsPostgres(PostgresApp app) : LcAnsweringTests(app);
