using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Klimrek.Tests;

/// <summary>
/// Sharing in werkleren: naming a leidinggevende or begeleider, what each sees (only what is shared, every item kind),
/// who gets 404, comments on visible items only, notifications, the access log, export and erase — on both databases.
/// </summary>
public abstract class SharingTests(KlimrekApp app)
{
    private const string W = "/api/v1/me/werkleren";

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"{r.RequestMessage?.Method} {r.RequestMessage?.RequestUri}: expected {expected}, got {r.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private Task<T> Db<T>(Func<KlimrekDbContext, Task<T>> use) => app.WithScopeAsync(sp => use(sp.GetRequiredService<KlimrekDbContext>()));

    /// <summary>The ids of one item of every kind the person owns; nothing shared.</summary>
    private sealed record Items(int Driver, int Theme, int Conversation, int Experiment, int CheckIn, int Plan, int Cycle);

    private sealed record People(KlimrekApp.TestUser Self, KlimrekApp.TestUser Manager, KlimrekApp.TestUser Coach, KlimrekApp.TestUser OtherCoach, KlimrekApp.TestUser Stranger);

    /// <summary>Self names Manager as leidinggevende and Coach as begeleider; OtherCoach is a begeleider nobody named.</summary>
    private async Task<People> PeopleAsync()
    {
        var p = new People(await app.LoginAsUserAsync(Roles.Deelnemer), await app.LoginAsUserAsync(Roles.Deelnemer), await app.LoginAsUserAsync(Roles.Begeleider),
            await app.LoginAsUserAsync(Roles.Begeleider), await app.LoginAsUserAsync(Roles.Deelnemer));
        await JsonAsync(await p.Self.Client.PostAsJsonAsync($"{W}/relations", new { email = p.Manager.Email, kind = "leidinggevende" }), HttpStatusCode.Accepted);
        await JsonAsync(await p.Self.Client.PostAsJsonAsync($"{W}/relations", new { email = p.Coach.Email, kind = "begeleider" }), HttpStatusCode.Accepted);
        return p;
    }

    private async Task<Items> ItemsAsync(KlimrekApp.TestUser owner)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var plan = await JsonAsync(await owner.Client.PostAsJsonAsync($"{W}/plans", new { title = "Plan van " + owner.Id[..6], startsOn = today.AddMonths(-2), endsOn = today.AddMonths(10), ambition = "Wondzorg beter leren" }),
            HttpStatusCode.Created);
        int planId = plan.GetProperty("id").GetInt32();
        var cycle = await JsonAsync(await owner.Client.PostAsJsonAsync($"{W}/plans/{planId}/conversations", new { kind = "functioneringsgesprek", date = today, preparation = "Voorbereid" }),
            HttpStatusCode.Created);
        return await Db(async db =>
        {
            var now = DateTime.UtcNow;
            var driver = new PersonDriver { UserId = owner.Id, Key = "kwaliteit", Weight = 4, CreatedAt = now };
            var theme = new WorkTheme { UserId = owner.Id, Title = "Overdracht tussen diensten", CreatedAt = now };
            var conversation = new Conversation
            {
                UserId = owner.Id, Direction = QuestionDirection.Vooruit, HeldOn = today, CreatedAt = now, UpdatedAt = now, Version = 1,
                Answers = [new ConversationAnswer { Position = 1, QuestionKey = "bezig", Question = "Waar ben je mee bezig?", Answer = "De nachtdienst" }],
            };
            var experiment = new Experiment { OwnerId = owner.Id, Title = "Anders overdragen", WhatAndWhy = "Minder fouten", Findings = "Het werkt", CreatedAt = now, Version = 1 };
            var checkIn = new ReadinessCheckIn { UserId = owner.Id, At = now, Weten = 4, Willen = 5, Kunnen = 3, Durven = 2, Mogen = 4, Note = "Drukke week" };
            db.AddRange(driver, theme, conversation, experiment, checkIn);
            await db.SaveChangesAsync();
            return new Items(driver.Id, theme.Id, conversation.Id, experiment.Id, checkIn.Id, planId, cycle.GetProperty("id").GetInt32());
        });
    }

    private Task ShareAsync(Items i, Audience a) => Db(async db =>
    {
        await db.PersonDrivers.Where(x => x.Id == i.Driver).ExecuteUpdateAsync(u => u.SetProperty(x => x.SharedWith, a));
        await db.WorkThemes.Where(x => x.Id == i.Theme).ExecuteUpdateAsync(u => u.SetProperty(x => x.SharedWith, a));
        await db.Conversations.Where(x => x.Id == i.Conversation).ExecuteUpdateAsync(u => u.SetProperty(x => x.SharedWith, a));
        await db.Experiments.Where(x => x.Id == i.Experiment).ExecuteUpdateAsync(u => u.SetProperty(x => x.SharedWith, a));
        await db.ReadinessCheckIns.Where(x => x.Id == i.CheckIn).ExecuteUpdateAsync(u => u.SetProperty(x => x.SharedWith, a));
        return true;
    });

    private static int Count(JsonElement view, string list) => view.GetProperty(list).GetArrayLength();

    [Fact]
    public async Task Naming_answers_the_same_for_every_address_and_only_adds_accounts_that_can_be_named()
    {
        var self = await app.LoginAsUserAsync(Roles.Deelnemer);
        var manager = await app.LoginAsUserAsync(Roles.Deelnemer);
        var coach = await app.LoginAsUserAsync(Roles.Begeleider);
        var unconfirmed = await app.LoginAsUserAsync(Roles.Begeleider);
        await Db(db => db.Users.Where(u => u.Id == unconfirmed.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, false)));

        var answers = new List<string>();
        foreach (var (email, kind) in new[]
                 {
                     (manager.Email, "leidinggevende"), ("niemand-" + Guid.NewGuid().ToString("N") + "@example.org", "leidinggevende"),
                     (manager.Email, "begeleider"), // not a begeleider
                     (unconfirmed.Email, "begeleider"), (coach.Email, "begeleider"), (manager.Email, "leidinggevende"), // twice: once
                 })
            answers.Add((await JsonAsync(await self.Client.PostAsJsonAsync($"{W}/relations", new { email, kind }), HttpStatusCode.Accepted)).GetProperty("message").GetString()!);
        Assert.Single(answers.Distinct());

        var relations = await JsonAsync(await self.Client.GetAsync($"{W}/relations"), HttpStatusCode.OK);
        Assert.Equal([(manager.Id, "leidinggevende"), (coach.Id, "begeleider")],
            relations.EnumerateArray().Select(r => (r.GetProperty("userId").GetString()!, r.GetProperty("kind").GetString()!)).ToList());

        // The named people are told (kind delen), in the inbox and by mail; the others got nothing.
        foreach (var named in new[] { manager, coach })
            Assert.Equal(1, await Db(db => db.Notifications.CountAsync(n => n.UserId == named.Id && n.Kind == "delen")));
        await app.Mail.WaitForAsync(manager.Email);
        Assert.Equal(0, await Db(db => db.Notifications.CountAsync(n => n.UserId == unconfirmed.Id)));

        // Bad input: 400 with the fields, nothing added.
        var bad = await JsonAsync(await self.Client.PostAsJsonAsync($"{W}/relations", new { }), HttpStatusCode.BadRequest);
        Assert.Equal(["email", "kind"], bad.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        await JsonAsync(await self.Client.PostAsJsonAsync($"{W}/relations", new { email = "geen adres", kind = "leidinggevende" }), HttpStatusCode.BadRequest);
        await JsonAsync(await self.Client.PostAsJsonAsync($"{W}/relations", new { email = manager.Email, kind = "baas" }), HttpStatusCode.BadRequest);
        await JsonAsync(await self.Client.PostAsJsonAsync($"{W}/relations", new { email = self.Email, kind = "leidinggevende" }), HttpStatusCode.BadRequest);
        Assert.Equal(2, (await JsonAsync(await self.Client.GetAsync($"{W}/relations"), HttpStatusCode.OK)).GetArrayLength());

        // The named see who named them; removing is the owner's alone.
        var people = await JsonAsync(await manager.Client.GetAsync($"{W}/shared-with-me"), HttpStatusCode.OK);
        Assert.Equal(self.Id, Assert.Single(people.EnumerateArray()).GetProperty("ownerId").GetString());
        int relationId = relations[0].GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Client.DeleteAsync($"{W}/relations/{relationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await self.Client.DeleteAsync($"{W}/relations/{relationId}")).StatusCode);
        Assert.Equal(0, (await JsonAsync(await manager.Client.GetAsync($"{W}/shared-with-me"), HttpStatusCode.OK)).GetArrayLength());

        // The page answers the same neutral message.
        var page = await KlimrekApp.PostFormAsync(self.Client, "/werkleren/delen?handler=Name", new() { ["email"] = "onbekend@example.org", ["kind"] = "leidinggevende" });
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("Als dit adres hoort bij een Klimrek-account", WebUtility.HtmlDecode(await self.Client.GetStringAsync("/werkleren/delen")));
    }

    [Fact]
    public async Task A_viewer_sees_only_what_is_shared_with_their_audience_and_every_read_is_logged()
    {
        var p = await PeopleAsync();
        var i = await ItemsAsync(p.Self);
        string Url = $"{W}/shared-with-me/{p.Self.Id}";
        string[] lists = ["drivers", "themes", "conversations", "experiments", "checkIns", "plans"];

        // Named, nothing shared: an empty view, nothing in the log.
        foreach (var viewer in new[] { p.Manager, p.Coach })
        {
            var empty = await JsonAsync(await viewer.Client.GetAsync(Url), HttpStatusCode.OK);
            Assert.All(lists, l => Assert.Equal(0, Count(empty, l)));
        }
        Assert.Equal(0, await Db(db => db.AccessLog.CountAsync(e => e.SubjectId == p.Self.Id && e.Kind == AccessKind.WerklerenRead)));

        // Shared with the leidinggevende: the manager sees every kind, the begeleider none.
        await ShareAsync(i, Audience.Leidinggevende);
        await JsonAsync(await p.Self.Client.PutAsJsonAsync($"{W}/plans/{i.Plan}/sharing", new { leidinggevende = new[] { "ambition" }, begeleider = Array.Empty<string>() }), HttpStatusCode.OK);
        var seen = await JsonAsync(await p.Manager.Client.GetAsync(Url), HttpStatusCode.OK);
        Assert.All(lists, l => Assert.Equal(1, Count(seen, l)));
        Assert.Equal("Het werkt", seen.GetProperty("experiments")[0].GetProperty("findings").GetString());
        Assert.Equal("De nachtdienst", seen.GetProperty("conversations")[0].GetProperty("answers")[0].GetProperty("answer").GetString());
        Assert.Equal(2, seen.GetProperty("checkIns")[0].GetProperty("durven").GetInt32());
        var coachView = await JsonAsync(await p.Coach.Client.GetAsync(Url), HttpStatusCode.OK);
        Assert.All(lists, l => Assert.Equal(0, Count(coachView, l)));

        // Every item read by the manager is in Self's access log, once per hour however often it is read.
        await JsonAsync(await p.Manager.Client.GetAsync(Url), HttpStatusCode.OK);
        var details = await Db(db => db.AccessLog.Where(e => e.SubjectId == p.Self.Id && e.ActorId == p.Manager.Id && e.Kind == AccessKind.WerklerenRead)
            .Select(e => e.Detail!).ToListAsync());
        Assert.Equal(new[] { $"checkin {i.CheckIn}", $"conversation {i.Conversation}", $"driver {i.Driver}", $"experiment {i.Experiment}", $"plan {i.Plan}", $"theme {i.Theme}" },
            details.Order(StringComparer.Ordinal));

        // Shared with the begeleider instead: the other way round.
        await ShareAsync(i, Audience.Begeleider);
        var managerAfter = await JsonAsync(await p.Manager.Client.GetAsync(Url), HttpStatusCode.OK);
        Assert.All(lists.SkipLast(1), l => Assert.Equal(0, Count(managerAfter, l)));
        var coachSees = await JsonAsync(await p.Coach.Client.GetAsync(Url), HttpStatusCode.OK);
        Assert.All(lists.SkipLast(1), l => Assert.Equal(1, Count(coachSees, l)));
        Assert.Equal(0, Count(coachSees, "plans"));

        // The page shows the same, and nothing of the unshared.
        var page = WebUtility.HtmlDecode(await p.Coach.Client.GetStringAsync($"/werkleren/gedeeld/{p.Self.Id}"));
        Assert.Contains("Anders overdragen", page);
        Assert.DoesNotContain("Wondzorg beter leren", page);
        var managerPage = WebUtility.HtmlDecode(await p.Manager.Client.GetStringAsync($"/werkleren/gedeeld/{p.Self.Id}"));
        Assert.Contains("Wondzorg beter leren", managerPage);
        Assert.DoesNotContain("Anders overdragen", managerPage);
    }

    [Fact]
    public async Task Wrong_viewers_get_404_for_every_route_and_item_kind()
    {
        var p = await PeopleAsync();
        var i = await ItemsAsync(p.Self);
        await ShareAsync(i, Audience.Leidinggevende | Audience.Begeleider);
        await JsonAsync(await p.Self.Client.PutAsJsonAsync($"{W}/plans/{i.Plan}/sharing",
            new { leidinggevende = new[] { "ambition", "conversations" }, begeleider = new[] { "ambition", "conversations" } }), HttpStatusCode.OK);
        var kinds = new (string Kind, int Id)[] { ("driver", i.Driver), ("theme", i.Theme), ("conversation", i.Conversation), ("experiment", i.Experiment), ("checkin", i.CheckIn), ("plan", i.Plan), ("cycle", i.Cycle) };

        async Task RefusedAsync(KlimrekApp.TestUser who)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await who.Client.GetAsync($"{W}/shared-with-me/{p.Self.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await who.Client.GetAsync($"/werkleren/gedeeld/{p.Self.Id}")).StatusCode);
            foreach (var (kind, id) in kinds)
                Assert.Equal(HttpStatusCode.NotFound,
                    (await who.Client.PostAsJsonAsync($"{W}/shared-with-me/{p.Self.Id}/comments", new { itemKind = kind, itemId = id, text = "Mooi" })).StatusCode);
            Assert.DoesNotContain(p.Self.Id, await who.Client.GetStringAsync($"{W}/shared-with-me"));
        }

        // Strangers, a begeleider nobody named, and the owner on the viewer's side.
        await RefusedAsync(p.Stranger);
        await RefusedAsync(p.OtherCoach);
        Assert.Equal(HttpStatusCode.NotFound, (await p.Self.Client.GetAsync($"{W}/shared-with-me/{p.Self.Id}")).StatusCode);

        // Both named viewers reach every kind first.
        foreach (var viewer in new[] { p.Manager, p.Coach })
            foreach (var (kind, id) in kinds)
                await JsonAsync(await viewer.Client.PostAsJsonAsync($"{W}/shared-with-me/{p.Self.Id}/comments", new { itemKind = kind, itemId = id, text = "Goed bezig" }), HttpStatusCode.Created);

        // A begeleider who lost the role sees nothing any more.
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<KlimrekUser>>();
            return await users.RemoveFromRoleAsync((await users.FindByIdAsync(p.Coach.Id))!, Roles.Begeleider);
        });
        await RefusedAsync(p.Coach);

        // The leidinggevende after the relation is removed.
        var relation = (await JsonAsync(await p.Self.Client.GetAsync($"{W}/relations"), HttpStatusCode.OK)).EnumerateArray()
            .First(r => r.GetProperty("kind").GetString() == "leidinggevende").GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await p.Self.Client.DeleteAsync($"{W}/relations/{relation}")).StatusCode);
        await RefusedAsync(p.Manager);
    }

    [Fact]
    public async Task Comments_go_only_on_visible_items_notify_the_owner_and_vanish_for_the_viewer_when_unshared()
    {
        var p = await PeopleAsync();
        var i = await ItemsAsync(p.Self);
        var other = await ItemsAsync(p.Stranger); // someone else's items: never reachable through Self
        string C = $"{W}/shared-with-me/{p.Self.Id}/comments";
        await JsonAsync(await p.Self.Client.PutAsJsonAsync($"{W}/plans/{i.Plan}/sharing", new { leidinggevende = new[] { "skills" }, begeleider = Array.Empty<string>() }), HttpStatusCode.OK);
        Assert.Equal(1, await Db(db => db.Notifications.CountAsync(n => n.UserId == p.Manager.Id && n.Kind == "delen" && n.Title.Contains("ontwikkelplan"))));

        // Not visible: unshared items, conversations of the cycle while that part is not shared, another person's item.
        foreach (var (kind, id) in new[] { ("experiment", i.Experiment), ("driver", i.Driver), ("cycle", i.Cycle), ("plan", other.Plan), ("experiment", other.Experiment) })
            Assert.Equal(HttpStatusCode.NotFound, (await p.Manager.Client.PostAsJsonAsync(C, new { itemKind = kind, itemId = id, text = "Hallo" })).StatusCode);
        // Bad input: 400, nothing stored.
        var bad = await JsonAsync(await p.Manager.Client.PostAsJsonAsync(C, new { itemKind = "boek", text = "" }), HttpStatusCode.BadRequest);
        Assert.Equal(["itemId", "itemKind", "text"], bad.GetProperty("errors").EnumerateObject().Select(x => x.Name).Order(StringComparer.Ordinal));
        await JsonAsync(await p.Manager.Client.PostAsJsonAsync(C, new { itemKind = "plan", itemId = i.Plan, text = new string('x', 2001) }), HttpStatusCode.BadRequest);
        Assert.Equal(0, await Db(db => db.WorkComments.CountAsync(c => c.OwnerId == p.Self.Id)));

        // On the shared plan: stored, the owner is told with the text, and it is in the access log.
        var created = await JsonAsync(await p.Manager.Client.PostAsJsonAsync(C, new { itemKind = "plan", itemId = i.Plan, text = "Sterke keuze voor wondzorg" }), HttpStatusCode.Created);
        Assert.True(created.GetProperty("yours").GetBoolean());
        var note = await Db(db => db.Notifications.Where(n => n.UserId == p.Self.Id && n.Kind == "delen").ToListAsync());
        Assert.Contains(note, n => n.Body == "Sterke keuze voor wondzorg" && n.Link == $"/werkleren/pop?plan={i.Plan}");
        Assert.Equal(1, await Db(db => db.AccessLog.CountAsync(e => e.SubjectId == p.Self.Id && e.ActorId == p.Manager.Id && e.Kind == AccessKind.WerklerenComment)));

        // The owner sees it (API, sharing page, plan page); the viewer sees their own beside the plan.
        var mine = await JsonAsync(await p.Self.Client.GetAsync($"{W}/comments"), HttpStatusCode.OK);
        var c0 = Assert.Single(mine.EnumerateArray());
        Assert.Equal("plan", c0.GetProperty("itemKind").GetString());
        Assert.StartsWith("Plan van", c0.GetProperty("itemTitle").GetString());
        Assert.Contains("Sterke keuze voor wondzorg", WebUtility.HtmlDecode(await p.Self.Client.GetStringAsync("/werkleren/delen")));
        Assert.Contains("Sterke keuze voor wondzorg", WebUtility.HtmlDecode(await p.Self.Client.GetStringAsync($"/werkleren/pop?plan={i.Plan}")));
        var view = await JsonAsync(await p.Manager.Client.GetAsync($"{W}/shared-with-me/{p.Self.Id}"), HttpStatusCode.OK);
        Assert.Equal("Sterke keuze voor wondzorg", Assert.Single(view.GetProperty("plans")[0].GetProperty("comments").EnumerateArray()).GetProperty("text").GetString());
        // Another viewer never sees the manager's comment.
        await ShareAsync(i, Audience.Begeleider);
        await JsonAsync(await p.Self.Client.PutAsJsonAsync($"{W}/plans/{i.Plan}/sharing", new { leidinggevende = new[] { "skills" }, begeleider = new[] { "skills" } }), HttpStatusCode.OK);
        var coachView = await JsonAsync(await p.Coach.Client.GetAsync($"{W}/shared-with-me/{p.Self.Id}"), HttpStatusCode.OK);
        Assert.Equal(0, coachView.GetProperty("plans")[0].GetProperty("comments").GetArrayLength());

        // Commenting through the page works the same.
        var posted = await KlimrekApp.PostFormAsync(p.Coach.Client, $"/werkleren/gedeeld/{p.Self.Id}?handler=Comment",
            new() { ["itemKind"] = "experiment", ["itemId"] = i.Experiment.ToString(System.Globalization.CultureInfo.InvariantCulture), ["text"] = "Wat leerde je ervan?" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(2, await Db(db => db.WorkComments.CountAsync(c => c.OwnerId == p.Self.Id)));

        // Unshared: the viewer no longer sees the item nor their comment, and cannot comment on it.
        await JsonAsync(await p.Self.Client.PutAsJsonAsync($"{W}/plans/{i.Plan}/sharing", new { leidinggevende = Array.Empty<string>(), begeleider = new[] { "skills" } }), HttpStatusCode.OK);
        var after = await JsonAsync(await p.Manager.Client.GetAsync($"{W}/shared-with-me/{p.Self.Id}"), HttpStatusCode.OK);
        Assert.Equal(0, after.GetProperty("plans").GetArrayLength());
        Assert.DoesNotContain("Sterke keuze", after.GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, (await p.Manager.Client.PostAsJsonAsync(C, new { itemKind = "plan", itemId = i.Plan, text = "Nog iets" })).StatusCode);
        Assert.DoesNotContain("Sterke keuze", WebUtility.HtmlDecode(await p.Manager.Client.GetStringAsync($"/werkleren/gedeeld/{p.Self.Id}")));
    }

    [Fact]
    public async Task The_export_holds_relations_both_ways_and_comments_and_erase_removes_them_or_hands_them_to_the_stand_in()
    {
        var p = await PeopleAsync();
        var i = await ItemsAsync(p.Self);
        await JsonAsync(await p.Self.Client.PutAsJsonAsync($"{W}/plans/{i.Plan}/sharing", new { leidinggevende = new[] { "ambition" }, begeleider = Array.Empty<string>() }), HttpStatusCode.OK);
        await JsonAsync(await p.Manager.Client.PostAsJsonAsync($"{W}/shared-with-me/{p.Self.Id}/comments", new { itemKind = "plan", itemId = i.Plan, text = "Reactie van de leidinggevende" }),
            HttpStatusCode.Created);
        // Self is also someone's leidinggevende, and comments there.
        var colleague = await app.LoginAsUserAsync(Roles.Deelnemer);
        var theirs = await ItemsAsync(colleague);
        await JsonAsync(await colleague.Client.PostAsJsonAsync($"{W}/relations", new { email = p.Self.Email, kind = "leidinggevende" }), HttpStatusCode.Accepted);
        await JsonAsync(await colleague.Client.PutAsJsonAsync($"{W}/plans/{theirs.Plan}/sharing", new { leidinggevende = new[] { "ambition" }, begeleider = Array.Empty<string>() }), HttpStatusCode.OK);
        await JsonAsync(await p.Self.Client.PostAsJsonAsync($"{W}/shared-with-me/{colleague.Id}/comments", new { itemKind = "plan", itemId = theirs.Plan, text = "Reactie van Self" }),
            HttpStatusCode.Created);

        var files = await KlimrekApp.ExportFilesAsync(await p.Self.Client.GetAsync("/api/v1/me/data.zip"));
        var doc = JsonDocument.Parse(files["werkleren-delen.json"]).RootElement;
        Assert.Equal(2, doc.GetProperty("youNamed").GetArrayLength());
        Assert.Equal("leidinggevende", Assert.Single(doc.GetProperty("namedYou").EnumerateArray()).GetProperty("kind").GetString());
        Assert.Equal("Reactie van Self", Assert.Single(doc.GetProperty("commentsYouWrote").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal("Reactie van de leidinggevende", Assert.Single(doc.GetProperty("commentsOnYourItems").EnumerateArray()).GetProperty("text").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await p.Self.Client.PostAsJsonAsync("/api/v1/me/erase", new { password = "correct horse battery" })).StatusCode);
        Assert.Equal(0, await Db(db => db.WorkRelations.CountAsync(r => r.OwnerId == p.Self.Id || r.OtherUserId == p.Self.Id)));
        Assert.Equal(0, await Db(db => db.WorkComments.CountAsync(c => c.OwnerId == p.Self.Id || c.AuthorId == p.Self.Id)));
        // The colleague keeps the comment on their plan, written by the stand-in.
        var kept = await Db(db => db.WorkComments.SingleAsync(c => c.OwnerId == colleague.Id));
        Assert.Equal("Reactie van Self", kept.Text);
        Assert.Equal(ErasedPersonName, await Db(db => db.Users.Where(u => u.Id == kept.AuthorId).Select(u => u.DisplayName).SingleAsync()));
        Assert.Equal(0, (await JsonAsync(await p.Manager.Client.GetAsync($"{W}/shared-with-me"), HttpStatusCode.OK)).GetArrayLength());
    }

    private const string ErasedPersonName = Klimrek.Infrastructure.Privacy.ErasedPerson.DisplayName;
}

[Collection(SqliteCollection.Name)]
public sealed class SharingTestsSqlite(SqliteApp app) : SharingTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SharingTestsPostgres(PostgresApp app) : SharingTests(app);
