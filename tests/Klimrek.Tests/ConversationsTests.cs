using Klimrek.Data;
using Klimrek.Features.Werkleren.Conversations;
using Klimrek.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Klimrek.Tests;

/// <summary>
/// Werkleren conversations (Tool 1), drivers and themes, the praatplaat (Tool 3), the beheerder's question revisions, and
/// the one driver model shared with Mijn klimrek; on both databases.
/// </summary>
public abstract partial class ConversationsTests(KlimrekApp app)
{
    private const string W = "/api/v1/me/werkleren";
    private const string NurseAssistant = "http://data.europa.eu/esco/occupation/87d0795a-d41f-47ee-979f-0ab7d73836e7";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"{r.RequestMessage?.Method} {r.RequestMessage?.RequestUri}: expected {expected}, got {r.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string[] Fields(JsonElement problem) => [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name)];

    private static Task<JsonElement> NewConversationAsync(HttpClient client, string direction = "Vooruit", params (string Key, string Answer)[] answers) =>
        JsonAsync(client.PostAsJsonAsync($"{W}/conversations", new
        {
            direction, heldOn = Today, with = "Collega", withName = "Sam",
            answers = (answers.Length > 0 ? answers : [("bezig", "De overdracht tussen de diensten"), ("uitproberen", "Een korte checklist bij de overdracht")])
                .Select(a => new { questionKey = a.Key, answer = a.Answer }).ToArray(),
        }).Result, HttpStatusCode.Created);

    private static int AnswerId(JsonElement conversation, string key) =>
        conversation.GetProperty("answers").EnumerateArray().First(a => a.GetProperty("questionKey").GetString() == key).GetProperty("id").GetInt32();

    private Task NameAsync(string ownerId, string otherId, WorkRelationKind kind) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<KlimrekDbContext>();
        db.WorkRelations.Add(new WorkRelation { OwnerId = ownerId, OtherUserId = otherId, Kind = kind, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return true;
    });

    [Fact]
    public async Task The_default_questions_ship_in_dutch_and_english_with_stable_keys_and_why_they_are_asked()
    {
        var user = await app.LoginAsUserAsync(Roles.Deelnemer);
        var nl = await JsonAsync(await user.Client.GetAsync($"{W}/questions"), HttpStatusCode.OK);
        Assert.True(nl.GetProperty("isDefault").GetBoolean());
        var questions = nl.GetProperty("questions").EnumerateArray().ToList();
        string[] Keys(string d) => [.. questions.Where(q => q.GetProperty("direction").GetString() == d).Select(q => q.GetProperty("key").GetString()!)];
        Assert.Equal(["bezig", "belangrijk", "nieuwsgierig", "uitproberen", "steun", "situaties", "volgende-stap"], Keys("Vooruit"));
        Assert.Equal(["vaardiger", "inzicht", "drempel", "afwegingen", "verschil", "nu-nodig"], Keys("Terug"));
        Assert.All(questions, q =>
        {
            foreach (var f in new[] { "text", "why", "textNl", "textEn", "whyNl", "whyEn" }) Assert.False(string.IsNullOrWhiteSpace(q.GetProperty(f).GetString()), f);
            Assert.Equal(q.GetProperty("textNl").GetString(), q.GetProperty("text").GetString());
        });
        var en = await JsonAsync(await user.Client.GetAsync($"{W}/questions?culture=en&ui-culture=en"), HttpStatusCode.OK);
        Assert.Equal("What are you mostly occupied with in your work at the moment?", en.GetProperty("questions")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_conversation_is_saved_dated_listed_edited_against_its_version_and_deleted()
    {
        var user = await app.LoginAsUserAsync(Roles.Deelnemer);
        var c = await NewConversationAsync(user.Client);
        int id = c.GetProperty("id").GetInt32();
        Assert.Equal(7, c.GetProperty("answers").GetArrayLength()); // every question of the set, answered or not
        Assert.Equal("Waar ben je in je werk op dit moment vooral mee bezig?", c.GetProperty("answers")[0].GetProperty("question").GetString());
        Assert.Equal("De overdracht tussen de diensten", c.GetProperty("answers")[0].GetProperty("answer").GetString());
        Assert.Equal("Collega", c.GetProperty("with").GetString());
        Assert.Equal("Sam", c.GetProperty("withName").GetString());
        Assert.False(c.GetProperty("sharedWithLeidinggevende").GetBoolean());

        var list = await JsonAsync(await user.Client.GetAsync($"{W}/conversations"), HttpStatusCode.OK);
        Assert.Equal(id, list[0].GetProperty("id").GetInt32());
        Assert.Equal(2, list[0].GetProperty("answered").GetInt32());

        var get = await user.Client.GetAsync($"{W}/conversations/{id}");
        Assert.Equal("\"1\"", get.Headers.ETag?.Tag);
        var edit = new { heldOn = Today.AddDays(-1), with = "Alleen", answers = new[] { new { answerId = AnswerId(c, "bezig"), answer = "Vooral de nachtdiensten" } } };
        var put = new HttpRequestMessage(HttpMethod.Put, $"{W}/conversations/{id}") { Content = JsonContent.Create(edit) };
        put.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));
        var updated = await JsonAsync(await user.Client.SendAsync(put), HttpStatusCode.OK);
        Assert.Equal(2, updated.GetProperty("version").GetInt32());
        Assert.Equal("Alleen", updated.GetProperty("with").GetString());
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("withName").ValueKind);
        Assert.Equal("Vooral de nachtdiensten", updated.GetProperty("answers")[0].GetProperty("answer").GetString());
        // The question text stays as it was asked.
        Assert.Equal(c.GetProperty("answers")[0].GetProperty("question").GetString(), updated.GetProperty("answers")[0].GetProperty("question").GetString());

        // A save from the older version is refused and changes nothing.
        var stale = new HttpRequestMessage(HttpMethod.Put, $"{W}/conversations/{id}")
        {
            Content = JsonContent.Create(new { heldOn = Today, with = "Collega", answers = new[] { new { answerId = AnswerId(c, "bezig"), answer = "Overschreven" } } }),
        };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));
        await JsonAsync(await user.Client.SendAsync(stale), HttpStatusCode.Conflict);
        var now = await JsonAsync(await user.Client.GetAsync($"{W}/conversations/{id}"), HttpStatusCode.OK);
        Assert.Equal("Vooral de nachtdiensten", now.GetProperty("answers")[0].GetProperty("answer").GetString());

        await JsonAsync(await user.Client.DeleteAsync($"{W}/conversations/{id}"), HttpStatusCode.NoContent);
        await JsonAsync(await user.Client.GetAsync($"{W}/conversations/{id}"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"heldOn":"2026-01-05","with":"Alleen"}""", "direction")]
    [InlineData("""{"direction":"Vooruit","with":"Alleen"}""", "heldOn")]
    [InlineData("""{"direction":"Vooruit","heldOn":"2026-01-05"}""", "with")]
    [InlineData("""{"direction":"Vooruit","heldOn":"2026-01-05","with":"Alleen","answers":[{"questionKey":"bestaat-niet","answer":"x"}]}""", "answers[0].questionKey")]
    [InlineData("""{"direction":"Terug","heldOn":"2026-01-05","with":"Alleen","answers":[{"questionKey":"bezig","answer":"x"}]}""", "answers[0].questionKey")]
    [InlineData("""{"direction":"Vooruit","heldOn":"2026-01-05","with":"Collega","withName":"LONGNAME"}""", "withName")]
    [InlineData("""{"direction":"Vooruit","heldOn":"2026-01-05","with":"Collega","withUserId":"iemand-anders"}""", "withUserId")]
    [InlineData("""{"direction":"Vooruit","heldOn":"2026-01-05","with":"Alleen","answers":[{"questionKey":"bezig","answer":"LONGANSWER"}]}""", "answers[0].answer")]
    public async Task A_bad_conversation_is_a_problem_naming_the_field_and_nothing_is_saved(string json, string field)
    {
        var user = await app.LoginAsUserAsync(Roles.Deelnemer);
        json = json.Replace("LONGNAME", new string('n', 201), StringComparison.Ordinal).Replace("LONGANSWER", new string('a', 4001), StringComparison.Ordinal);
        var r = await user.Client.PostAsync($"{W}/conversations", new StringContent(json, Encoding.UTF8, "application/json"));
        var problem = await JsonAsync(r, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        Assert.Contains(field, Fields(problem));
        Assert.Equal(0, (await JsonAsync(await user.Client.GetAsync($"{W}/conversations"), HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task The_person_there_can_be_an_account_only_when_the_person_named_it()
    {
        var user = await app.LoginAsUserAsync(Roles.Deelnemer);
        var manager = await app.LoginAsUserAsync(Roles.Deelnemer);
        var stranger = await app.LoginAsUserAsync(Roles.Deelnemer);
        await NameAsync(user.Id, manager.Id, WorkRelationKind.Leidinggevende);
        object Body(string id) => new { direction = "Terug", heldOn = Today, with = "Leidinggevende", withUserId = id };
        Assert.Contains("withUserId", Fields(await JsonAsync(await user.Client.PostAsJsonAsync($"{W}/conversations", Body(stranger.Id)), HttpStatusCode.BadRequest)));
        var c = await JsonAsync(await user.Client.PostAsJsonAsync($"{W}/conversations", Body(manager.Id)), HttpStatusCode.Created);
        Assert.Equal(manager.Id, c.GetProperty("withUserId").GetString());
        Assert.StartsWith("Test ", c.GetProperty("withName").GetString()); // their display name, since none was typed
        // Recorded as being there is not the same as being shared with.
        await JsonAsync(await manager.Client.GetAsync($"{W}/conversations/{c.GetProperty("id").GetInt32()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Each_answer_becomes_a_driver_a_theme_or_a_learning_experiment_in_one_step()
    {
        var user = await app.LoginAsUserAsync(Roles.Deelnemer);
        var c = await NewConversationAsync(user.Client, "Vooruit", ("bezig", "De overdracht tussen de diensten"), ("belangrijk", "Dat ouders zich gehoord voelen"),
            ("uitproberen", "Een korte checklist bij de overdracht, samen met het avondteam, zodat niets meer tussen wal en schip valt"));
        int id = c.GetProperty("id").GetInt32();
        string A(string key) => $"{W}/conversations/{id}/answers/{AnswerId(c, key)}";

        var own = await JsonAsync(await user.Client.PostAsJsonAsync($"{A("belangrijk")}/to-driver", new { }), HttpStatusCode.Created);
        Assert.Equal("eigen", own.GetProperty("key").GetString());
        Assert.Equal("Dat ouders zich gehoord voelen", own.GetProperty("ownWords").GetString());
        Assert.Equal(3, own.GetProperty("weight").GetInt32());
        Assert.Equal(AnswerId(c, "belangrijk"), own.GetProperty("fromAnswerId").GetInt32());
        var named = await JsonAsync(await user.Client.PostAsJsonAsync($"{A("belangrijk")}/to-driver", new { key = "kwaliteit", weight = 5 }), HttpStatusCode.Created);
        Assert.Equal("kwaliteit", named.GetProperty("key").GetString());
        await JsonAsync(await user.Client.PostAsJsonAsync($"{A("belangrijk")}/to-driver", new { key = "kwaliteit" }), HttpStatusCode.Conflict);
        Assert.Contains("key", Fields(await JsonAsync(await user.Client.PostAsJsonAsync($"{A("belangrijk")}/to-driver", new { key = "geld" }), HttpStatusCode.BadRequest)));
        Assert.Contains("weight", Fields(await JsonAsync(await user.Client.PostAsJsonAsync($"{A("belangrijk")}/to-driver", new { weight = 9 }), HttpStatusCode.BadRequest)));
        var drivers = await JsonAsync(await user.Client.GetAsync($"{W}/drivers"), HttpStatusCode.OK);
        Assert.Equal(["kwaliteit", "eigen"], drivers.EnumerateArray().Select(d => d.GetProperty("key").GetString()));

        var theme = await JsonAsync(await user.Client.PostAsJsonAsync($"{A("bezig")}/to-theme", new { }), HttpStatusCode.Created);
        Assert.Equal("De overdracht tussen de diensten", theme.GetProperty("title").GetString());
        Assert.True(theme.GetProperty("open").GetBoolean());

        var experiment = await JsonAsync(await user.Client.PostAsJsonAsync($"{A("uitproberen")}/to-experiment", new { }), HttpStatusCode.Created);
        int eid = experiment.GetProperty("id").GetInt32();
        Assert.Equal($"/werkleren/experimenten/{eid}", experiment.GetProperty("link").GetString());
        var stored = await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().Experiments.AsNoTracking().SingleAsync(e => e.Id == eid));
        Assert.Equal(ExperimentState.Idee, stored.State);
        Assert.Equal(user.Id, stored.OwnerId);
        Assert.Equal(AnswerId(c, "uitproberen"), stored.FromAnswerId);
        Assert.Equal("Een korte checklist bij de overdracht, samen met het avondteam, zodat niets meer tussen wal en schip valt", stored.WhatAndWhy);
        Assert.Equal(stored.WhatAndWhy, stored.Title); // short enough to be its own title
        Assert.Equal(Audience.None, stored.SharedWith);

        // An unanswered question has nothing to turn into anything.
        var empty = await JsonAsync(await user.Client.PostAsJsonAsync($"{A("steun")}/to-theme", new { }), HttpStatusCode.BadRequest);
        Assert.Contains("answer", Fields(empty));
        Assert.Equal(1, (await JsonAsync(await user.Client.GetAsync($"{W}/themes"), HttpStatusCode.OK)).GetArrayLength());

        // The page does the same with one form per answer; an experiment goes on on its own page.
        var page = await KlimrekApp.PostFormAsync(user.Client, $"/werkleren/gesprekken/{id}?handler=Convert",
            new() { ["answerId"] = AnswerId(c, "uitproberen").ToString(System.Globalization.CultureInfo.InvariantCulture), ["wordt"] = "experiment" }, $"/werkleren/gesprekken/{id}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Matches("^/werkleren/experimenten/\\d+$", page.Headers.Location!.ToString());
        page = await KlimrekApp.PostFormAsync(user.Client, $"/werkleren/gesprekken/{id}?handler=Convert",
            new() { ["answerId"] = AnswerId(c, "bezig").ToString(System.Globalization.CultureInfo.InvariantCulture), ["wordt"] = "ontwikkeling" }, $"/werkleren/gesprekken/{id}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains((await JsonAsync(await user.Client.GetAsync($"{W}/drivers"), HttpStatusCode.OK)).EnumerateArray(), d => d.GetProperty("key").GetString() == "ontwikkeling");
    }

    [Fact]
    public async Task A_long_answer_gets_a_short_title_cut_between_words()
    {
        var text = string.Join(' ', Enumerable.Repeat("overdracht", 40));
        var shortForm = ConversationService.ShortForm(text, 200);
        Assert.True(shortForm.Length <= 200);
        Assert.EndsWith("overdracht…", shortForm);
        Assert.Equal("Eerste regel", ConversationService.ShortForm("Eerste regel\nTweede regel", 200));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Every_wrong_viewer_gets_404_for_a_conversation_a_driver_and_a_theme_until_it_is_shared_with_them()
    {
        var owner = await app.LoginAsUserAsync(Roles.Deelnemer);
        var manager = await app.LoginAsUserAsync(Roles.Deelnemer);
        var coach = await app.LoginAsUserAsync(Roles.Begeleider);
        var otherCoach = await app.LoginAsUserAsync(Roles.Begeleider);
        var colleague = await app.LoginAsUserAsync(Roles.Deelnemer);
        await NameAsync(owner.Id, manager.Id, WorkRelationKind.Leidinggevende);
        await NameAsync(owner.Id, coach.Id, WorkRelationKind.Begeleider);
        var c = await NewConversationAsync(owner.Client);
        int id = c.GetProperty("id").GetInt32();
        var theme = await JsonAsync(await owner.Client.PostAsJsonAsync($"{W}/themes", new { title = "Overdracht", note = "privé" }), HttpStatusCode.Created);
        int themeId = theme.GetProperty("id").GetInt32();
        var drivers = await JsonAsync(await owner.Client.PutAsJsonAsync($"{W}/drivers", new { drivers = new[] { new { key = "ontwikkeling", weight = 4 } } }), HttpStatusCode.OK);
        int driverId = drivers[0].GetProperty("id").GetInt32();
        var others = new[] { manager, coach, otherCoach, colleague };

        async Task AllRefusedAsync(IEnumerable<KlimrekApp.TestUser> who)
        {
            foreach (var u in who)
            {
                await JsonAsync(await u.Client.GetAsync($"{W}/conversations/{id}"), HttpStatusCode.NotFound);
                Assert.Equal(HttpStatusCode.NotFound, (await u.Client.GetAsync($"/werkleren/gesprekken/{id}")).StatusCode);
            }
        }
        await AllRefusedAsync(others);
        foreach (var u in others)
        {
            await JsonAsync(await u.Client.PutAsJsonAsync($"{W}/conversations/{id}", new { heldOn = Today, with = "Alleen" }), HttpStatusCode.NotFound);
            await JsonAsync(await u.Client.PutAsJsonAsync($"{W}/conversations/{id}/sharing", new { sharedWithBegeleider = true, sharedWithLeidinggevende = true }), HttpStatusCode.NotFound);
            await JsonAsync(await u.Client.PostAsJsonAsync($"{W}/conversations/{id}/answers/{AnswerId(c, "bezig")}/to-theme", new { }), HttpStatusCode.NotFound);
            await JsonAsync(await u.Client.DeleteAsync($"{W}/conversations/{id}"), HttpStatusCode.NotFound);
            await JsonAsync(await u.Client.PutAsJsonAsync($"{W}/themes/{themeId}", new { title = "Van mij" }), HttpStatusCode.NotFound);
            await JsonAsync(await u.Client.DeleteAsync($"{W}/themes/{themeId}"), HttpStatusCode.NotFound);
            await JsonAsync(await u.Client.PutAsJsonAsync($"{W}/drivers", new { drivers = new[] { new { id = driverId, key = "erkenning", weight = 1 } } }), HttpStatusCode.NotFound);
            Assert.Equal(0, (await JsonAsync(await u.Client.GetAsync($"{W}/drivers"), HttpStatusCode.OK)).GetArrayLength());
            Assert.Equal(0, (await JsonAsync(await u.Client.GetAsync($"{W}/themes"), HttpStatusCode.OK)).GetArrayLength());
        }
        // Nothing of the owner's changed.
        Assert.Equal("ontwikkeling", (await JsonAsync(await owner.Client.GetAsync($"{W}/drivers"), HttpStatusCode.OK))[0].GetProperty("key").GetString());
        Assert.Equal("Overdracht", (await JsonAsync(await owner.Client.GetAsync($"{W}/themes"), HttpStatusCode.OK))[0].GetProperty("title").GetString());

        // Shared with the leidinggevende: the manager reads it (and the read is logged); the begeleider and the rest still don't.
        await JsonAsync(await owner.Client.PutAsJsonAsync($"{W}/conversations/{id}/sharing", new { sharedWithBegeleider = false, sharedWithLeidinggevende = true }), HttpStatusCode.OK);
        var seen = await JsonAsync(await manager.Client.GetAsync($"{W}/conversations/{id}"), HttpStatusCode.OK);
        Assert.Equal("De overdracht tussen de diensten", seen.GetProperty("answers")[0].GetProperty("answer").GetString());
        var page = await manager.Client.GetStringAsync($"/werkleren/gesprekken/{id}");
        Assert.Contains("De overdracht tussen de diensten", page);
        Assert.DoesNotContain("handler=Save", page); // reading, not editing
        await JsonAsync(await manager.Client.PutAsJsonAsync($"{W}/conversations/{id}", new { heldOn = Today, with = "Alleen" }), HttpStatusCode.NotFound);
        await AllRefusedAsync([coach, otherCoach, colleague]);
        var log = await JsonAsync(await owner.Client.GetAsync("/api/v1/me/access-log"), HttpStatusCode.OK);
        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("kind").GetString() == "WerklerenRead");

        // Shared with the begeleider too; a begeleider who lost the role sees nothing.
        await JsonAsync(await owner.Client.PutAsJsonAsync($"{W}/conversations/{id}/sharing", new { sharedWithBegeleider = true, sharedWithLeidinggevende = false }), HttpStatusCode.OK);
        await JsonAsync(await coach.Client.GetAsync($"{W}/conversations/{id}"), HttpStatusCode.OK);
        await AllRefusedAsync([manager, otherCoach, colleague]);
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<KlimrekUser>>();
            return await users.RemoveFromRoleAsync((await users.FindByIdAsync(coach.Id))!, Roles.Begeleider);
        });
        await JsonAsync(await coach.Client.GetAsync($"{W}/conversations/{id}"), HttpStatusCode.NotFound);

        // Unshared: nobody but the owner.
        Assert.Contains("sharedWithLeidinggevende", Fields(await JsonAsync(await owner.Client.PutAsJsonAsync($"{W}/conversations/{id}/sharing", new { }), HttpStatusCode.BadRequest)));
        await JsonAsync(await owner.Client.PutAsJsonAsync($"{W}/conversations/{id}/sharing", new { sharedWithBegeleider = false, sharedWithLeidinggevende = false }), HttpStatusCode.OK);
        await AllRefusedAsync(others);
        await JsonAsync(await app.Anonymous().GetAsync($"{W}/conversations/{id}"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Drivers_are_chosen_weighed_written_in_own_words_shared_per_item_and_removed_on_the_page()
    {
        var user = await app.LoginAsUserAsync(Roles.Deelnemer);
        const string Page = "/werkleren/drijfveren";
        var html = await user.Client.GetStringAsync(Page);
        Assert.Contains("name=\"Rows[4].OwnWords\"", html); // four named drivers, then a new one in own words
        var form = new Dictionary<string, string>
        {
            ["Rows[0].Key"] = "ontwikkeling", ["Rows[0].Chosen"] = "true", ["Rows[0].Weight"] = "5", ["Rows[0].Leidinggevende"] = "true",
            ["Rows[1].Key"] = "verbondenheid", ["Rows[1].Weight"] = "3",
            ["Rows[2].Key"] = "kwaliteit", ["Rows[2].Weight"] = "3",
            ["Rows[3].Key"] = "erkenning", ["Rows[3].Chosen"] = "true", ["Rows[3].Weight"] = "2",
            ["Rows[4].Key"] = "eigen", ["Rows[4].OwnWords"] = "Dat ouders zich gehoord voelen", ["Rows[4].Weight"] = "4", ["Rows[4].Begeleider"] = "true",
        };
        var r = await KlimrekApp.PostFormAsync(user.Client, Page + "?handler=Drivers", form, Page);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var drivers = (await JsonAsync(await user.Client.GetAsync($"{W}/drivers"), HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(["ontwikkeling:5", "eigen:4", "erkenning:2"], drivers.Select(d => $"{d.GetProperty("key").GetString()}:{d.GetProperty("weight").GetInt32()}"));
        Assert.True(drivers[0].GetProperty("sharedWithLeidinggevende").GetBoolean());
        Assert.False(drivers[0].GetProperty("sharedWithBegeleider").GetBoolean());
        Assert.True(drivers[1].GetProperty("sharedWithBegeleider").GetBoolean());
        Assert.Equal("Dat ouders zich gehoord voelen", drivers[1].GetProperty("name").GetString());

        // A bad weight changes nothing and says why.
        var bad = new Dictionary<string, string>(form) { ["Rows[3].Weight"] = "9" };
        r = await KlimrekApp.PostFormAsync(user.Client, Page + "?handler=Drivers", bad, Page);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("Het gewicht is 1 tot en met 5.", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));
        Assert.Equal(3, (await JsonAsync(await user.Client.GetAsync($"{W}/drivers"), HttpStatusCode.OK)).GetArrayLength());

        // Unticking removes; the own-words driver keeps its row (same id) when kept.
        html = await user.Client.GetStringAsync(Page);
        var ownId = Regex.Match(html, "name=\"Rows\\[4\\]\\.Id\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.Equal(drivers[1].GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), ownId);
        r = await KlimrekApp.PostFormAsync(user.Client, Page + "?handler=Drivers", new()
        {
            ["Rows[0].Key"] = "ontwikkeling", ["Rows[0].Weight"] = "5",
            ["Rows[1].Key"] = "eigen", ["Rows[1].Id"] = ownId, ["Rows[1].Chosen"] = "true", ["Rows[1].OwnWords"] = "Dat ouders zich echt gehoord voelen", ["Rows[1].Weight"] = "1",
            ["Rows[2].Key"] = "eigen", ["Rows[2].OwnWords"] = "",
        }, Page);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        drivers = (await JsonAsync(await user.Client.GetAsync($"{W}/drivers"), HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Single(drivers);
        Assert.Equal(ownId, drivers[0].GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Dat ouders zich echt gehoord voelen", drivers[0].GetProperty("ownWords").GetString());
        Assert.False(drivers[0].GetProperty("sharedWithBegeleider").GetBoolean());

        // The API: the whole set, checked as a whole.
        var problem = await JsonAsync(await user.Client.PutAsJsonAsync($"{W}/drivers", new
        {
            drivers = new object[] { new { key = "ontwikkeling" }, new { key = "ontwikkeling" }, new { key = "eigen" }, new { key = "geld" } },
        }), HttpStatusCode.BadRequest);
        Assert.Equal(["drivers[1].key", "drivers[2].ownWords", "drivers[3].key"], Fields(problem).Order(StringComparer.Ordinal));
        Assert.Contains("drivers", Fields(await JsonAsync(await user.Client.PutAsJsonAsync($"{W}/drivers", new { }), HttpStatusCode.BadRequest)));
        Assert.Single((await JsonAsync(await user.Client.GetAsync($"{W}/drivers"), HttpStatusCode.OK)).EnumerateArray());
        await JsonAsync(await user.Client.PutAsJsonAsync($"{W}/drivers", new { drivers = Array.Empty<object>() }), HttpStatusCode.OK);
        Assert.Equal(0, (await JsonAsync(await user.Client.GetAsync($"{W}/drivers"), HttpStatusCode.OK)).GetArrayLength());
    }

    private async Task<KlimrekApp.TestUser> NurseWithProfileAsync()
    {
        var user = await app.LoginAsUserAsync(Roles.Deelnemer);
        var skills = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            return await db.OccupationSkills.Where(r => db.Occupations.Any(o => o.Id == r.OccupationId && o.Uri == NurseAssistant) && r.IsEssential)
                .OrderBy(r => r.SkillId).Select(r => r.Skill!.Uri).Take(12).ToListAsync();
        });
        var doc = new JsonObject
        {
            ["format"] = "klimrek-skills-profile", ["version"] = 1, ["taxonomy"] = "ESCO v1.1.1",
            ["occupations"] = new JsonArray(new JsonObject { ["uri"] = NurseAssistant }),
            ["skills"] = new JsonArray(skills.Select(u => (JsonNode)new JsonObject { ["uri"] = u, ["evidence"] = "werkervaring", ["validation"] = "licht" }).ToArray()),
            ["interests"] = new JsonObject { ["sectors"] = new JsonArray(), ["drivers"] = new JsonArray() },
        };
        await JsonAsync(await user.Client.PutAsync("/api/v1/me/profile", new StringContent(doc.ToJsonString(), Encoding.UTF8, "application/json")), HttpStatusCode.OK);
        return user;
    }

    private static async Task<Dictionary<string, (double? Drivers, double Total, string Reasons)>> FitAsync(HttpClient client)
    {
        var body = await JsonAsync(await client.GetAsync("/api/v1/me/transitions?limit=20"), HttpStatusCode.OK);
        return body.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("target").GetProperty("uri").GetString()!, i =>
        {
            var p = i.GetProperty("personal");
            var d = p.GetProperty("drivers");
            return (d.ValueKind == JsonValueKind.Null ? (double?)null : d.GetDouble(), p.GetProperty("total").GetDouble(),
                string.Join(" | ", p.GetProperty("reasons").EnumerateArray().Select(x => x.GetString())));
        });
    }

    [Fact]
    public async Task Choosing_and_weighing_drivers_on_the_page_changes_the_personal_fit_of_mijn_klimrek()
    {
        var user = await NurseWithProfileAsync();
        var before = await FitAsync(user.Client);
        Assert.All(before.Values, v => Assert.Null(v.Drivers));
        Assert.All(before.Values, v => Assert.DoesNotContain("ontwikkeling:", v.Reasons, StringComparison.Ordinal));

        async Task ChooseAsync(int development, int belonging)
        {
            var r = await KlimrekApp.PostFormAsync(user.Client, "/werkleren/drijfveren?handler=Drivers", new()
            {
                ["Rows[0].Key"] = "ontwikkeling", ["Rows[0].Chosen"] = "true", ["Rows[0].Weight"] = development.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Rows[1].Key"] = "verbondenheid", ["Rows[1].Chosen"] = "true", ["Rows[1].Weight"] = belonging.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }, "/werkleren/drijfveren");
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }
        await ChooseAsync(5, 1);
        var development = await FitAsync(user.Client);
        Assert.All(development.Values, v => Assert.NotNull(v.Drivers));
        Assert.All(development.Values, v => Assert.Contains("ontwikkeling:", v.Reasons, StringComparison.Ordinal));
        Assert.All(development.Values, v => Assert.Contains("verbondenheid:", v.Reasons, StringComparison.Ordinal));
        await ChooseAsync(1, 5);
        var belonging = await FitAsync(user.Client);
        // The same two drivers, weighed the other way round: the driver score of a step that serves one and not the other moves.
        var common = development.Keys.Intersect(belonging.Keys).ToList();
        Assert.NotEmpty(common);
        Assert.Contains(common, k => Math.Abs(development[k].Drivers!.Value - belonging[k].Drivers!.Value) > 0.01);
        // Mijn klimrek's profile page shows them with their weights and links here.
        var profile = WebUtility.HtmlDecode(await user.Client.GetStringAsync("/klimrek/profiel"));
        Assert.Contains("weegt 5 van 5", profile);
        Assert.Contains("href=\"/werkleren/drijfveren\"", profile);
    }

    [Fact]
    public async Task The_profile_document_still_round_trips_driver_keys_and_keeps_weights_and_own_words()
    {
        var user = await NurseWithProfileAsync();
        await JsonAsync(await user.Client.PutAsJsonAsync($"{W}/drivers", new
        {
            drivers = new object[] { new { key = "erkenning", weight = 5 }, new { key = "ontwikkeling", weight = 2 }, new { key = "eigen", ownWords = "Rust op de afdeling", weight = 4 } },
        }), HttpStatusCode.OK);
        var first = await user.Client.GetStringAsync("/api/v1/me/profile");
        Assert.Equal(["erkenning", "ontwikkeling"], JsonDocument.Parse(first).RootElement.GetProperty("interests").GetProperty("drivers").EnumerateArray().Select(d => d.GetString()));
        await JsonAsync(await user.Client.PutAsync("/api/v1/me/profile", new StringContent(first, Encoding.UTF8, "application/json")), HttpStatusCode.OK);
        Assert.Equal(first, await user.Client.GetStringAsync("/api/v1/me/profile"));
        var drivers = await JsonAsync(await user.Client.GetAsync($"{W}/drivers"), HttpStatusCode.OK);
        Assert.Equal(["erkenning:5", "eigen:4", "ontwikkeling:2"], drivers.EnumerateArray().Select(d => $"{d.GetProperty("key").GetString()}:{d.GetProperty("weight").GetInt32()}"));
        // A document naming other drivers changes the named ones only.
        var doc = JsonNode.Parse(first)!.AsObject();
        doc["interests"]!["drivers"] = new JsonArray("verbondenheid", "ontwikkeling");
        await JsonAsync(await user.Client.PutAsync("/api/v1/me/profile", new StringContent(doc.ToJsonString(), Encoding.UTF8, "application/json")), HttpStatusCode.OK);
        drivers = await JsonAsync(await user.Client.GetAsync($"{W}/drivers"), HttpStatusCode.OK);
        Assert.Equal(["eigen:4", "verbondenheid:3", "ontwikkeling:2"], drivers.EnumerateArray().Select(d => $"{d.GetProperty("key").GetString()}:{d.GetProperty("weight").GetInt32()}"));
    }

    [Fact]
    public async Task Themes_are_added_noted_closed_reopened_shared_and_deleted()
    {
        var user = await app.LoginAsUserAsync(Roles.Deelnemer);
        var t = await JsonAsync(await user.Client.PostAsJsonAsync($"{W}/themes", new { title = "Samenwerking met de poli", note = "Sinds de verhuizing", sharedWithBegeleider = true }), HttpStatusCode.Created);
        int id = t.GetProperty("id").GetInt32();
        Assert.True(t.GetProperty("sharedWithBegeleider").GetBoolean());
        Assert.Contains("title", Fields(await JsonAsync(await user.Client.PostAsJsonAsync($"{W}/themes", new { note = "zonder titel" }), HttpStatusCode.BadRequest)));
        Assert.Contains("title", Fields(await JsonAsync(await user.Client.PostAsJsonAsync($"{W}/themes", new { title = new string('t', 301) }), HttpStatusCode.BadRequest)));
        Assert.Single((await JsonAsync(await user.Client.GetAsync($"{W}/themes"), HttpStatusCode.OK)).EnumerateArray());

        var closed = await JsonAsync(await user.Client.PutAsJsonAsync($"{W}/themes/{id}", new { title = "Samenwerking met de poli", note = "Loopt nu goed", closed = true }), HttpStatusCode.OK);
        Assert.False(closed.GetProperty("open").GetBoolean());
        Assert.False(closed.GetProperty("sharedWithBegeleider").GetBoolean());
        Assert.Equal("Loopt nu goed", closed.GetProperty("note").GetString());
        // The page reopens it; then it is open again and listed.
        var r = await KlimrekApp.PostFormAsync(user.Client, $"/werkleren/drijfveren?handler=CloseTheme&themeId={id}&closed=false", [], "/werkleren/drijfveren");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.True((await JsonAsync(await user.Client.GetAsync($"{W}/themes"), HttpStatusCode.OK))[0].GetProperty("open").GetBoolean());
        r = await KlimrekApp.PostFormAsync(user.Client, "/werkleren/drijfveren?handler=AddTheme", new() { ["Title"] = "Nieuwe collega's inwerken", ["Leidinggevende"] = "true" }, "/werkleren/drijfveren");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var themes = await JsonAsync(await user.Client.GetAsync($"{W}/themes"), HttpStatusCode.OK);
        Assert.Equal(2, themes.GetArrayLength());
        Assert.Contains(themes.EnumerateArray(), x => x.GetProperty("title").GetString() == "Nieuwe collega's inwerken" && x.GetProperty("sharedWithLeidinggevende").GetBoolean());
        var page = WebUtility.HtmlDecode(await user.Client.GetStringAsync("/werkleren"));
        Assert.Contains("Nieuwe collega's inwerken", page);
        await JsonAsync(await user.Client.DeleteAsync($"{W}/themes/{id}"), HttpStatusCode.NoContent);
        await JsonAsync(await user.Client.DeleteAsync($"{W}/themes/{id}"), HttpStatusCode.NotFound);
        Assert.Single((await JsonAsync(await user.Client.GetAsync($"{W}/themes"), HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task A_conversation_is_held_and_edited_on_its_pages_and_a_stale_save_shows_the_stored_version()
    {
        var user = await app.LoginAsUserAsync(Roles.Deelnemer);
        var form = await user.Client.GetStringAsync("/werkleren/gesprekken/nieuw?richting=terug");
        Assert.Contains("Hoe ben je hier vaardiger in geworden: wat deed je?", WebUtility.HtmlDecode(form));
        Assert.Contains("Terugkijken laat zien hoe jij leert", WebUtility.HtmlDecode(form));
        var r = await KlimrekApp.PostFormAsync(user.Client, "/werkleren/gesprekken/nieuw", new()
        {
            ["Richting"] = "terug", ["HeldOn"] = "2026-11-20", ["With"] = "Begeleider", ["WithName"] = "Noor", ["Answers[vaardiger]"] = "Meelopen met een ervaren collega",
        }, "/werkleren/gesprekken/nieuw?richting=terug");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var url = r.Headers.Location!.ToString();
        var id = int.Parse(url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var c = await JsonAsync(await user.Client.GetAsync($"{W}/conversations/{id}"), HttpStatusCode.OK);
        Assert.Equal("Terug", c.GetProperty("direction").GetString());
        Assert.Equal("2026-11-20", c.GetProperty("heldOn").GetString());
        Assert.Equal("Noor", c.GetProperty("withName").GetString());
        Assert.Equal("Meelopen met een ervaren collega", c.GetProperty("answers")[0].GetProperty("answer").GetString());
        Assert.Contains(">Terugblikken<", await user.Client.GetStringAsync("/werkleren/gesprekken"));

        var answerId = AnswerId(c, "vaardiger").ToString(System.Globalization.CultureInfo.InvariantCulture);
        Dictionary<string, string> Save(string text) => new()
        {
            ["Version"] = "1", ["HeldOn"] = "2026-11-20", ["With"] = "Begeleider", ["WithName"] = "Noor", [$"Answers[{answerId}]"] = text,
        };
        r = await KlimrekApp.PostFormAsync(user.Client, $"{url}?handler=Save", Save("Uit het eerste tabblad"), url);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        r = await KlimrekApp.PostFormAsync(user.Client, $"{url}?handler=Save", Save("Uit het tweede tabblad"), url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        Assert.Contains("Iemand anders heeft dit intussen gewijzigd.", html);
        Assert.Contains("<dd>Uit het eerste tabblad</dd>", html);
        Assert.Contains(">Uit het tweede tabblad</textarea>", html);
        Assert.Contains("name=\"Version\" value=\"2\"", html);
        Assert.Equal("Uit het eerste tabblad", (await JsonAsync(await user.Client.GetAsync($"{W}/conversations/{id}"), HttpStatusCode.OK)).GetProperty("answers")[0].GetProperty("answer").GetString());

        r = await KlimrekApp.PostFormAsync(user.Client, $"{url}?handler=Delete", [], url);
        Assert.Equal("/werkleren/gesprekken", r.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_beheerder_adapts_the_questions_of_their_organisation_in_numbered_revisions_and_old_conversations_keep_their_texts()
    {
        var beheerder = await app.LoginAsUserAsync(Roles.Beheerder);
        var member = await app.LoginAsUserAsync(Roles.Deelnemer);
        var outsider = await app.LoginAsUserAsync(Roles.Deelnemer);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            var org = new Organisation { Name = "Ziekenhuis " + Guid.NewGuid().ToString("N")[..8], Kind = OrganisationKind.Werkgever, CreatedAt = DateTime.UtcNow };
            db.Organisations.Add(org);
            await db.SaveChangesAsync();
            foreach (var id in new[] { beheerder.Id, member.Id }) (await db.Users.SingleAsync(u => u.Id == id)).OrganisationId = org.Id;
            return await db.SaveChangesAsync();
        });
        const string A = "/api/v1/admin/question-sets";
        Assert.True((await JsonAsync(await beheerder.Client.GetAsync($"{A}/current"), HttpStatusCode.OK)).GetProperty("isDefault").GetBoolean());
        Assert.Equal(0, (await JsonAsync(await beheerder.Client.GetAsync(A), HttpStatusCode.OK)).GetArrayLength());
        var held = await NewConversationAsync(member.Client);

        object Set(string first) => new
        {
            note = "Aangepast voor de kinderafdeling",
            questions = new object[]
            {
                new { direction = "Vooruit", key = "bezig", textNl = first, textEn = "What occupies you on the ward?", whyNl = "Om bij het werk te beginnen.", whyEn = "To start from the work." },
                new { direction = "Vooruit", key = "proef", textNl = "Welke kleine proef zou je willen doen?", textEn = "", whyNl = "", whyEn = "" },
                new { direction = "Terug", key = "geholpen", textNl = "Wat hielp je het meest?", textEn = "What helped you most?", whyNl = "Om het te herhalen.", whyEn = "To repeat it." },
            },
        };
        var bad = await JsonAsync(await beheerder.Client.PostAsJsonAsync(A, new
        {
            questions = new object[]
            {
                new { direction = "Vooruit", key = "Niet Goed", textNl = "", textEn = "", whyNl = "", whyEn = "" },
                new { direction = "Vooruit", key = "dubbel", textNl = "a", textEn = "", whyNl = new string('w', 301), whyEn = "" },
                new { direction = "Vooruit", key = "dubbel", textNl = "b", textEn = "", whyNl = "", whyEn = "" },
            },
        }), HttpStatusCode.BadRequest);
        Assert.Equal(["questions", "questions[0].key", "questions[0].textNl", "questions[1].whyNl", "questions[2].key"], Fields(bad).Order(StringComparer.Ordinal));
        Assert.Equal(0, (await JsonAsync(await beheerder.Client.GetAsync(A), HttpStatusCode.OK)).GetArrayLength());

        var first = await JsonAsync(await beheerder.Client.PostAsJsonAsync(A, Set("Wat houdt je op de afdeling bezig?")), HttpStatusCode.Created);
        Assert.Equal(1, first.GetProperty("number").GetInt32());
        var mine = await JsonAsync(await member.Client.GetAsync($"{W}/questions"), HttpStatusCode.OK);
        Assert.Equal(first.GetProperty("revisionId").GetInt32(), mine.GetProperty("revisionId").GetInt32());
        Assert.Equal("Wat houdt je op de afdeling bezig?", mine.GetProperty("questions")[0].GetProperty("text").GetString());
        // Someone outside the organisation keeps the default set.
        Assert.True((await JsonAsync(await outsider.Client.GetAsync($"{W}/questions"), HttpStatusCode.OK)).GetProperty("isDefault").GetBoolean());

        var c1 = await NewConversationAsync(member.Client, "Vooruit", ("proef", "Een checklist"));
        Assert.Equal(first.GetProperty("revisionId").GetInt32(), c1.GetProperty("questionSetRevisionId").GetInt32());
        Assert.Equal(2, c1.GetProperty("answers").GetArrayLength());
        Assert.Equal("Welke kleine proef zou je willen doen?", c1.GetProperty("answers")[1].GetProperty("question").GetString());

        // The page makes revision 2: one question changed, one left out.
        var page = await beheerder.Client.GetStringAsync("/beheer/gespreksvragen");
        Assert.Contains("value=\"Wat houdt je op de afdeling bezig?\"", WebUtility.HtmlDecode(page));
        var r = await KlimrekApp.PostFormAsync(beheerder.Client, "/beheer/gespreksvragen", new()
        {
            ["Rows[0].Direction"] = "Vooruit", ["Rows[0].Key"] = "bezig", ["Rows[0].TextNl"] = "Wat speelt er nu op je afdeling?", ["Rows[0].TextEn"] = "What is going on?",
            ["Rows[1].Direction"] = "Vooruit", ["Rows[1].Key"] = "proef", ["Rows[1].TextNl"] = "Welke kleine proef zou je willen doen?", ["Rows[1].Remove"] = "true",
            ["Rows[2].Direction"] = "Vooruit", ["Rows[2].TextNl"] = "Wie kijkt met je mee?",
            ["Rows[3].Direction"] = "Terug", ["Rows[3].Key"] = "geholpen", ["Rows[3].TextNl"] = "Wat hielp je het meest?",
            ["Note"] = "Tweede ronde",
        }, "/beheer/gespreksvragen");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var revisions = await JsonAsync(await beheerder.Client.GetAsync(A), HttpStatusCode.OK);
        Assert.Equal([2, 1], revisions.EnumerateArray().Select(x => x.GetProperty("number").GetInt32()));
        Assert.Equal(["bezig", "wie-kijkt-met-je", "geholpen"], revisions[0].GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("key").GetString()));
        Assert.Equal("Wat speelt er nu op je afdeling?", (await JsonAsync(await member.Client.GetAsync($"{W}/questions"), HttpStatusCode.OK)).GetProperty("questions")[0].GetProperty("text").GetString());
        // Conversations held earlier keep the questions as they were asked.
        var again = await JsonAsync(await member.Client.GetAsync($"{W}/conversations/{c1.GetProperty("id").GetInt32()}"), HttpStatusCode.OK);
        Assert.Equal("Wat houdt je op de afdeling bezig?", again.GetProperty("answers")[0].GetProperty("question").GetString());
        var old = await JsonAsync(await member.Client.GetAsync($"{W}/conversations/{held.GetProperty("id").GetInt32()}"), HttpStatusCode.OK);
        Assert.Equal("Waar ben je in je werk op dit moment vooral mee bezig?", old.GetProperty("answers")[0].GetProperty("question").GetString());
        Assert.Equal(JsonValueKind.Null, old.GetProperty("questionSetRevisionId").ValueKind);

        // Only beheerders reach the administration.
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PostAsJsonAsync(A, Set("x"))).StatusCode);
        Assert.Equal(2, (await JsonAsync(await beheerder.Client.GetAsync(A), HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task Without_an_organisation_revision_the_installation_revision_is_used_else_the_default()
    {
        var user = await app.LoginAsUserAsync(Roles.Deelnemer);
        var services = app.Services;
        int id = await app.WithScopeAsync(async sp =>
        {
            var r = await sp.GetRequiredService<QuestionSetService>().CreateRevisionAsync(null, user.Id,
                [new(QuestionDirection.Vooruit, "installatie", "Een vraag van deze installatie?", "", "", ""), new(QuestionDirection.Terug, "terug", "Terug?", "", "", "")], null, default);
            return r.Id;
        });
        try
        {
            var q = await JsonAsync(await user.Client.GetAsync($"{W}/questions"), HttpStatusCode.OK);
            Assert.Equal(id, q.GetProperty("revisionId").GetInt32());
            Assert.Equal("installatie", q.GetProperty("questions")[0].GetProperty("key").GetString());
            // Dutch text stands in where the English one was left empty.
            var en = await JsonAsync(await user.Client.GetAsync($"{W}/questions?culture=en&ui-culture=en"), HttpStatusCode.OK);
            Assert.Equal("Een vraag van deze installatie?", en.GetProperty("questions")[0].GetProperty("text").GetString());
        }
        finally
        {
            await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().QuestionSetRevisions.Where(r => r.Id == id).ExecuteDeleteAsync());
        }
        Assert.True((await JsonAsync(await user.Client.GetAsync($"{W}/questions"), HttpStatusCode.OK)).GetProperty("isDefault").GetBoolean());
    }

    [Fact]
    public async Task The_export_holds_conversations_drivers_and_themes_and_erase_removes_them()
    {
        var user = await app.LoginAsUserAsync(Roles.Deelnemer);
        var colleague = await app.LoginAsUserAsync(Roles.Deelnemer);
        var c = await NewConversationAsync(user.Client, "Vooruit", ("bezig", "Alleen van mij: de overdracht"));
        await JsonAsync(await user.Client.PostAsJsonAsync($"{W}/conversations/{c.GetProperty("id").GetInt32()}/answers/{AnswerId(c, "bezig")}/to-driver", new { }), HttpStatusCode.Created);
        await JsonAsync(await user.Client.PutAsJsonAsync($"{W}/drivers", new
        {
            drivers = new object[] { new { key = "kwaliteit", weight = 4 }, new { key = "eigen", ownWords = "Mijn eigen drijfveer", weight = 2 } },
        }), HttpStatusCode.OK);
        await JsonAsync(await user.Client.PostAsJsonAsync($"{W}/themes", new { title = "Mijn thema", note = "Mijn notitie" }), HttpStatusCode.Created);
        // The colleague's conversation records this account as who was there.
        await NameAsync(colleague.Id, user.Id, WorkRelationKind.Begeleider);
        var theirs = await JsonAsync(await colleague.Client.PostAsJsonAsync($"{W}/conversations", new { direction = "Terug", heldOn = Today, with = "Begeleider", withUserId = user.Id }), HttpStatusCode.Created);

        var files = await KlimrekApp.ExportFilesAsync(await user.Client.GetAsync("/api/v1/me/data.zip"));
        var part = files["werkleren-gesprekken.json"];
        foreach (var s in new[] { "Alleen van mij: de overdracht", "Waar ben je in je werk op dit moment vooral mee bezig?", "kwaliteit", "Mijn eigen drijfveer", "Mijn thema", "Mijn notitie" })
            Assert.Contains(s, part);
        Assert.DoesNotContain("Alleen van mij", (await KlimrekApp.ExportFilesAsync(await colleague.Client.GetAsync("/api/v1/me/data.zip")))["werkleren-gesprekken.json"]);

        await JsonAsync(await user.Client.PostAsJsonAsync("/api/v1/me/erase", new { password = "correct horse battery" }), HttpStatusCode.NoContent);
        var left = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            return (await db.Conversations.CountAsync(x => x.UserId == user.Id), await db.PersonDrivers.CountAsync(x => x.UserId == user.Id),
                await db.WorkThemes.CountAsync(x => x.UserId == user.Id), await db.ConversationAnswers.CountAsync(a => a.Answer == "Alleen van mij: de overdracht"),
                await db.Conversations.CountAsync(x => x.WithUserId == user.Id));
        });
        Assert.Equal((0, 0, 0, 0, 0), left);
        var kept = await JsonAsync(await colleague.Client.GetAsync($"{W}/conversations/{theirs.GetProperty("id").GetInt32()}"), HttpStatusCode.OK);
        Assert.Equal("verwijderde deelnemer", kept.GetProperty("withName").GetString());
        Assert.Equal(JsonValueKind.Null, kept.GetProperty("withUserId").ValueKind);
    }

    [Fact]
    public async Task An_erased_beheerder_leaves_the_question_revision_without_a_maker()
    {
        var beheerder = await app.LoginAsUserAsync(Roles.Beheerder);
        int org = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            var o = new Organisation { Name = "School " + Guid.NewGuid().ToString("N")[..8], Kind = OrganisationKind.Onderwijs, CreatedAt = DateTime.UtcNow };
            db.Organisations.Add(o);
            await db.SaveChangesAsync();
            (await db.Users.SingleAsync(u => u.Id == beheerder.Id)).OrganisationId = o.Id;
            await db.SaveChangesAsync();
            return o.Id;
        });
        await JsonAsync(await beheerder.Client.PostAsJsonAsync("/api/v1/admin/question-sets", new
        {
            questions = new object[]
            {
                new { direction = "Vooruit", key = "a", textNl = "Vraag a?", textEn = "", whyNl = "", whyEn = "" },
                new { direction = "Terug", key = "b", textNl = "Vraag b?", textEn = "", whyNl = "", whyEn = "" },
            },
        }), HttpStatusCode.Created);
        Assert.Contains("questionSetRevisionsMade", (await KlimrekApp.ExportFilesAsync(await beheerder.Client.GetAsync("/api/v1/me/data.zip")))["werkleren-gesprekken.json"]);
        await JsonAsync(await beheerder.Client.PostAsJsonAsync("/api/v1/me/erase", new { password = "correct horse battery" }), HttpStatusCode.NoContent);
        var revision = await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().QuestionSetRevisions.AsNoTracking().Include(r => r.Items).SingleAsync(r => r.OrganisationId == org));
        Assert.Null(revision.CreatedById);
        Assert.Equal(2, revision.Items.Count);
    }

    [Fact]
    public async Task The_hub_shows_drivers_themes_latest_conversations_and_links_every_part()
    {
        var user = await app.LoginAsUserAsync(Roles.Deelnemer);
        await JsonAsync(await user.Client.PutAsJsonAsync($"{W}/drivers", new { drivers = new object[] { new { key = "erkenning", weight = 5 } } }), HttpStatusCode.OK);
        await JsonAsync(await user.Client.PostAsJsonAsync($"{W}/themes", new { title = "Wondzorg thuis" }), HttpStatusCode.Created);
        var c = await NewConversationAsync(user.Client);
        var html = WebUtility.HtmlDecode(await user.Client.GetStringAsync("/werkleren"));
        Assert.Contains("Erkenning van vakmanschap", html);
        Assert.Contains("weegt 5 van 5", html);
        Assert.Contains("Wondzorg thuis", html);
        Assert.Contains($"href=\"/werkleren/gesprekken/{c.GetProperty("id").GetInt32()}\"", html);
        Assert.Contains("privé", html);
        foreach (var link in new[] { "/werkleren/gesprekken/nieuw?richting=vooruit", "/werkleren/gesprekken/nieuw?richting=terug", "/werkleren/drijfveren", "/werkleren/experimenten",
                     "/werkleren/klimaat", "/werkleren/bereidheid", "/werkleren/pop", "/werkleren/praatplaat", "/werkleren/gedeeld" })
            Assert.Contains($"href=\"{link}\"", html);
        var en = await user.Client.GetStringAsync("/werkleren?culture=en&ui-culture=en");
        Assert.Contains("Recognition of expertise", en);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().GetAsync("/werkleren")).StatusCode);
    }

    [Fact]
    public async Task The_praatplaat_is_an_accessible_svg_with_the_questions_blank_or_personal_in_a3_or_a4()
    {
        var user = await app.LoginAsUserAsync(Roles.Deelnemer);
        await JsonAsync(await user.Client.PutAsJsonAsync($"{W}/drivers", new { drivers = new object[] { new { key = "eigen", ownWords = "Zorg die klopt voor het hele gezin", weight = 5 } } }), HttpStatusCode.OK);
        await JsonAsync(await user.Client.PostAsJsonAsync($"{W}/themes", new { title = "Overdracht naar de thuiszorg" }), HttpStatusCode.Created);

        var blank = WebUtility.HtmlDecode(await user.Client.GetStringAsync("/werkleren/praatplaat"));
        var svg = Regex.Match(blank, "<svg class=\"praatplaat-svg\".*?</svg>", RegexOptions.Singleline).Value;
        Assert.Contains("role=\"img\"", svg);
        Assert.Matches("<title id=\"pp-title\">Praatplaat werkleren</title>", svg);
        Assert.Contains("<desc id=\"pp-desc\">", svg);
        foreach (var q in QuestionSets.Default)
            Assert.Contains(Praatplaat.Wrap(q.TextNl, 30)[0].Split(' ')[0], svg, StringComparison.Ordinal);
        Assert.Contains(">Vooruitblikken</text>", svg);
        Assert.Contains(">Terugblikken</text>", svg);
        Assert.Contains(">Kwaliteit van zorg", svg); // drivers to tick on a blank poster
        Assert.DoesNotContain("Zorg die klopt", svg);
        Assert.Contains("/css/praatplaat-a3.css", blank);
        Assert.Contains("Waar ben je in je werk op dit moment vooral mee bezig?", blank); // the text equivalent

        var personal = WebUtility.HtmlDecode(await user.Client.GetStringAsync("/werkleren/praatplaat?formaat=a4&persoonlijk=true"));
        Assert.Contains("Zorg die klopt voor het hele gezin", personal);
        Assert.Contains("Overdracht naar de thuiszorg", personal);
        Assert.Contains("/css/praatplaat-a4.css", personal);
        Assert.Contains("href=\"/werkleren/praatplaat.pdf?formaat=a4&persoonlijk=true\"", personal);
        // Every text on the poster is text (no image of text), in the poster's own words.
        Assert.Equal(Regex.Count(svg, "<text "), Regex.Count(svg, "</text>"));

        var a4css = await app.Anonymous().GetStringAsync("/css/praatplaat-a4.css");
        Assert.Contains("size: A4 landscape", a4css);
        Assert.Contains("size: A3 landscape", await app.Anonymous().GetStringAsync("/css/praatplaat-a3.css"));
    }

    [Fact]
    public async Task The_praatplaat_pdf_is_one_landscape_page_of_the_asked_size_with_the_questions_in_an_embedded_font()
    {
        var user = await app.LoginAsUserAsync(Roles.Deelnemer);
        await JsonAsync(await user.Client.PutAsJsonAsync($"{W}/drivers", new { drivers = new object[] { new { key = "eigen", ownWords = "Één team, geïnspireerd", weight = 5 } } }), HttpStatusCode.OK);
        foreach (var (format, width, height) in new[] { ("a3", 420.0, 297.0), ("a4", 297.0, 210.0) })
        {
            var r = await user.Client.GetAsync($"/werkleren/praatplaat.pdf?formaat={format}&persoonlijk=true");
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal("application/pdf", r.Content.Headers.ContentType?.MediaType);
            var bytes = await r.Content.ReadAsByteArrayAsync();
            Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
            using var pdf = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(bytes), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
            Assert.Equal(1, pdf.PageCount);
            Assert.Equal(width, pdf.Pages[0].Width.Millimeter, 0);
            Assert.Equal(height, pdf.Pages[0].Height.Millimeter, 0);
            var text = PdfText.Of(bytes);
            Assert.Contains("Waar ben je in je werk op dit moment vooral mee bezig?", text);
            Assert.Contains("Wie of wat heeft in je ontwikkeling het meeste verschil gemaakt?", text);
            Assert.Contains("Één team, geïnspireerd", text);
            // The font travels inside the PDF (a subset of DejaVu Sans), so it prints the same without fonts installed.
            var fonts = pdf.Pages[0].Resources.Elements.GetDictionary("/Font")!;
            Assert.All(fonts.Elements.Keys, k =>
            {
                var font = fonts.Elements.GetDictionary(k)!;
                Assert.Contains("DejaVu Sans", font.Elements.GetName("/BaseFont"), StringComparison.Ordinal);
                var descendant = font.Elements.GetArray("/DescendantFonts")!.Elements.GetDictionary(0)!;
                Assert.NotNull(descendant.Elements.GetDictionary("/FontDescriptor")!.Elements.GetDictionary("/FontFile2"));
            });
        }
        var blank = PdfText.Of(await user.Client.GetByteArrayAsync("/werkleren/praatplaat.pdf?formaat=a4&persoonlijk=false"));
        Assert.DoesNotContain("Één team", blank);
        Assert.Contains("Erkenning van vakmanschap", blank);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_conversation_driver_theme_and_question_set_routes()
    {
        var doc = JsonDocument.Parse(await app.Anonymous().GetStringAsync("/api/v1/openapi.json")).RootElement;
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name.TrimEnd('/')).ToHashSet(StringComparer.Ordinal);
        foreach (var path in new[]
                 {
                     W + "/questions", W + "/conversations", W + "/conversations/{conversationId}", W + "/conversations/{conversationId}/sharing",
                     W + "/conversations/{conversationId}/answers/{answerId}/to-driver", W + "/conversations/{conversationId}/answers/{answerId}/to-theme",
                     W + "/conversations/{conversationId}/answers/{answerId}/to-experiment", W + "/drivers", W + "/themes", W + "/themes/{themeId}",
                     "/api/v1/admin/question-sets", "/api/v1/admin/question-sets/current",
                 })
            Assert.Contains(path, paths);
    }

    /// <summary>The data migration of Werkleren: Mijn klimrek's driver checkboxes become weighted werkleren drivers.</summary>
    [Fact]
    public async Task The_werkleren_migration_moves_profile_drivers_into_weighted_person_drivers()
    {
        var (options, drop) = await MigrationDatabase.EmptyAsync(app);
        try
        {
            await using (var db = MigrationDatabase.Context(app, options))
            {
                var migrations = db.Database.GetMigrations().ToList();
                var werkleren = migrations.FindIndex(m => m.EndsWith("_Werkleren", StringComparison.Ordinal));
                Assert.True(werkleren > 0);
                await db.GetService<IMigrator>().MigrateAsync(migrations[werkleren - 1]);
                await db.Database.ExecuteSqlRawAsync("""
                    INSERT INTO "AspNetUsers" ("Id", "DisplayName", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "CreatedAt")
                    VALUES ('u1', 'Een', FALSE, FALSE, FALSE, FALSE, 0, '2026-01-01 00:00:00'), ('u2', 'Twee', FALSE, FALSE, FALSE, FALSE, 0, '2026-01-01 00:00:00');
                    INSERT INTO "SkillProfiles" ("UserId", "Drivers", "MarketWeight", "UpdatedAt") VALUES ('u1', 'ontwikkeling' || CHR(10) || 'erkenning', 30, '2026-01-02 00:00:00');
                    INSERT INTO "SkillProfiles" ("UserId", "Drivers", "MarketWeight", "UpdatedAt") VALUES ('u2', NULL, 30, '2026-01-02 00:00:00');
                    """.Replace("CHR(10)", app.Provider == DatabaseProvider.Sqlite ? "char(10)" : "chr(10)", StringComparison.Ordinal));
                await db.Database.MigrateAsync();
            }
            await using (var db = MigrationDatabase.Context(app, options))
            {
                var rows = await db.PersonDrivers.AsNoTracking().OrderBy(d => d.Key).ToListAsync();
                Assert.Equal(["u1:erkenning:3", "u1:ontwikkeling:3"], rows.Select(d => $"{d.UserId}:{d.Key}:{d.Weight}"));
                Assert.All(rows, d => Assert.Equal(Audience.None, d.SharedWith));
                Assert.Equal(2, await db.SkillProfiles.CountAsync());
            }
        }
        finally
        {
            await drop();
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ConversationsTestsSqlite(SqliteApp app) : ConversationsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ConversationsTestsPostgres(PostgresApp app) : ConversationsTests(app);
