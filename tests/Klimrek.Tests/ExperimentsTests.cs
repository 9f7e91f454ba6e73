using Klimrek.Data;
using Klimrek.Features.Notifications;
using Klimrek.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Klimrek.Tests;

/// <summary>Learning experiments (werkleren, Tool 2) over the API and the pages, with their access rules, on both databases.</summary>
public abstract class ExperimentsTests(KlimrekApp app)
{
    private const string E = "/api/v1/me/werkleren/experiments";

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"{r.RequestMessage?.Method} {r.RequestMessage?.RequestUri}: expected {expected}, got {r.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static DateOnly InDays(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(days));

    private Task<T> Db<T>(Func<KlimrekDbContext, Task<T>> use) => app.WithScopeAsync(sp => use(sp.GetRequiredService<KlimrekDbContext>()));

    private static object Full(string title) => new
    {
        title, whatAndWhy = "Overdrachten korter maken, omdat er nu veel herhaald wordt", question = "Mist er iets als we het korter doen?",
        activity = "Een week de overdracht met een vaste volgorde; eerste stap: de volgorde op een kaart", needs = "Een collega die meeluistert",
        feedbackPlan = "Vrijdag na de late dienst, tien minuten",
    };

    private static async Task<int> CreateAsync(HttpClient c, object body) =>
        (await JsonAsync(await c.PostAsJsonAsync(E, body), HttpStatusCode.Created)).GetProperty("id").GetInt32();

    /// <summary>Gives the user a skills profile with ESCO skills (the first self-assessed, the second a diploma) and two drivers.</summary>
    private async Task<int[]> ProfileAsync(HttpClient c)
    {
        var skills = await Db(db => db.Skills.Where(s => s.ConceptType == SkillConceptType.Skill).OrderBy(s => s.Id).Take(3).Select(s => new { s.Id, s.Uri }).ToListAsync());
        var doc = new JsonObject
        {
            ["format"] = "klimrek-skills-profile", ["version"] = 1, ["taxonomy"] = "ESCO v1.1.1", ["occupations"] = new JsonArray(),
            ["skills"] = new JsonArray(skills.Select((s, i) => (JsonNode)new JsonObject
            {
                ["uri"] = s.Uri, ["evidence"] = i == 1 ? "diploma" : "zelfbeoordeling", ["validation"] = i == 1 ? "zwaar" : "licht", ["note"] = i == 2 ? "Eigen notitie" : null,
            }).ToArray()),
            ["interests"] = new JsonObject { ["sectors"] = new JsonArray(), ["drivers"] = new JsonArray("ontwikkeling", "kwaliteit") },
            ["region"] = null, ["marketWeight"] = 30,
        };
        await JsonAsync(await c.PutAsync("/api/v1/me/profile", new StringContent(doc.ToJsonString(), Encoding.UTF8, "application/json")), HttpStatusCode.OK);
        return [.. skills.Select(s => s.Id)];
    }

    private async Task<int> CountAsync(int id) => await Db(db => db.Experiments.CountAsync(x => x.OwnerId == db.Experiments.First(y => y.Id == id).OwnerId));

    [Fact]
    public async Task The_five_questions_are_saved_edited_with_versions_and_bad_input_changes_nothing()
    {
        var owner = await app.LoginAsUserAsync(Roles.Deelnemer);
        var skills = await ProfileAsync(owner.Client);
        // The new page asks the five questions, each with its hint, and offers the person's drivers and profile skills.
        var page = WebUtility.HtmlDecode(await owner.Client.GetStringAsync("/werkleren/experimenten/nieuw"));
        Assert.Contains("3. Wat ga je doen, en wat is je eerste stap?", page);
        Assert.Contains("Maak de eerste stap zo klein dat je hem deze week kunt zetten.", page);
        Assert.Contains("value=\"ontwikkeling\"", page);
        Assert.Contains("name=\"Form.WhatAndWhy\"", page);
        Assert.Contains("name=\"Form.FeedbackPlan\"", page);
        Assert.Contains($"value=\"{skills[0]}\"", page);
        Assert.Contains("What do you want to try out", WebUtility.HtmlDecode(await owner.Client.GetStringAsync("/werkleren/experimenten/nieuw?culture=en")));

        var r = await owner.Client.PostAsJsonAsync(E, new { title = "Korte overdracht", whatAndWhy = "x", drivers = new[] { "ontwikkeling" }, skillIds = new[] { skills[0] } });
        var created = await JsonAsync(r, HttpStatusCode.Created);
        Assert.Equal("\"0\"", r.Headers.ETag?.Tag);
        Assert.Equal("idee", created.GetProperty("state").GetString());
        Assert.Equal("owner", created.GetProperty("role").GetString());
        Assert.Equal(["loopt"], created.GetProperty("allowedMoves").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(["ontwikkeling"], created.GetProperty("drivers").EnumerateArray().Select(x => x.GetString()));
        int id = created.GetProperty("id").GetInt32();

        // Bad input: 400 with the field, and nothing is created or changed.
        var before = await CountAsync(id);
        foreach (var (body, field) in new (object, string)[]
                 {
                     (new { whatAndWhy = "zonder titel" }, "title"), (new { title = new string('x', 201) }, "title"), (new { title = "t", question = new string('x', 4001) }, "question"),
                     (new { title = "t", drivers = new[] { "erkenning" } }, "drivers"), (new { title = "t", skillIds = new[] { 999999999 } }, "skillIds"),
                     (new { title = "t", previousId = 999999 }, "previousId"),
                 })
        {
            var bad = await JsonAsync(await owner.Client.PostAsJsonAsync(E, body), HttpStatusCode.BadRequest);
            Assert.Contains(field, bad.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        }
        Assert.Equal(before, await CountAsync(id));

        // Editing: the full five questions, with If-Match; a stale version is refused (409) and changes nothing.
        var put = await owner.Client.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"{E}/{id}") { Content = JsonContent.Create(Full("Korte overdracht")), Headers = { { "If-Match", "\"0\"" } } });
        var saved = await JsonAsync(put, HttpStatusCode.OK);
        Assert.Equal("\"1\"", put.Headers.ETag?.Tag);
        Assert.Equal("Vrijdag na de late dienst, tien minuten", saved.GetProperty("feedbackPlan").GetString());
        Assert.Equal(["ontwikkeling"], saved.GetProperty("drivers").EnumerateArray().Select(x => x.GetString())); // null lists: unchanged
        var stale = await owner.Client.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"{E}/{id}") { Content = JsonContent.Create(new { title = "Oud" }), Headers = { { "If-Match", "\"0\"" } } });
        await JsonAsync(stale, HttpStatusCode.Conflict);
        await JsonAsync(await owner.Client.PutAsJsonAsync($"{E}/{id}", new { title = "", question = "weg" }), HttpStatusCode.BadRequest);
        var now = await JsonAsync(await owner.Client.GetAsync($"{E}/{id}"), HttpStatusCode.OK);
        Assert.Equal("Korte overdracht", now.GetProperty("title").GetString());
        Assert.Equal("Mist er iets als we het korter doen?", now.GetProperty("question").GetString());

        // The page form saves too, and the list shows it.
        var form = await KlimrekApp.PostFormAsync(owner.Client, "/werkleren/experimenten/nieuw", new()
        {
            ["Form.Title"] = "Via het formulier", ["Form.Question"] = "Werkt het?", ["Form.Drivers"] = "kwaliteit",
        });
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.Contains("Via het formulier", WebUtility.HtmlDecode(await owner.Client.GetStringAsync(form.Headers.Location!.ToString())));
        var bad2 = await KlimrekApp.PostFormAsync(owner.Client, "/werkleren/experimenten/nieuw", new() { ["Form.Title"] = " " });
        Assert.Contains("Geef het experiment een korte titel.", WebUtility.HtmlDecode(await bad2.Content.ReadAsStringAsync()));
        var list = await JsonAsync(await owner.Client.GetAsync(E), HttpStatusCode.OK);
        Assert.Equal(2, list.GetProperty("mine").GetArrayLength());

        // The routes are in the OpenAPI document.
        var paths = (await JsonAsync(await app.Anonymous().GetAsync("/api/v1/openapi.json"), HttpStatusCode.OK)).GetProperty("paths");
        foreach (var path in new[] { "/{experimentId}", "/{experimentId}/state", "/{experimentId}/follow-up", "/{experimentId}/feedback-moments/{momentId}", "/{experimentId}/calendar.ics" })
            Assert.True(paths.TryGetProperty(E + path, out _), "not in the OpenAPI document: " + E + path);
    }

    [Fact]
    public async Task States_move_only_along_the_allowed_moves_checked_on_the_server()
    {
        var owner = await app.LoginAsUserAsync(Roles.Deelnemer);
        int id = await CreateAsync(owner.Client, Full("Stand"));
        async Task<JsonElement> Move(object body, HttpStatusCode expected) => await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{id}/state", body), expected);

        await Move(new { }, HttpStatusCode.BadRequest);
        await Move(new { to = "klaar" }, HttpStatusCode.BadRequest);
        await Move(new { to = "2" }, HttpStatusCode.BadRequest);
        var skip = await Move(new { to = "afgerond" }, HttpStatusCode.BadRequest);
        Assert.Contains("to", skip.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        await Move(new { to = "idee" }, HttpStatusCode.BadRequest);
        var running = await Move(new { to = "loopt" }, HttpStatusCode.OK);
        Assert.Equal("loopt", running.GetProperty("state").GetString());
        Assert.NotEqual(JsonValueKind.Null, running.GetProperty("startedAt").ValueKind);
        await Move(new { to = "idee" }, HttpStatusCode.BadRequest); // no going back to an idea
        await Move(new { to = "teruggekoppeld" }, HttpStatusCode.BadRequest); // findings needed
        await Move(new { to = "teruggekoppeld", findings = new string('x', 4001) }, HttpStatusCode.BadRequest);
        Assert.Equal("loopt", (await JsonAsync(await owner.Client.GetAsync($"{E}/{id}"), HttpStatusCode.OK)).GetProperty("state").GetString());
        var fed = await Move(new { to = "teruggekoppeld", findings = "Niets gemist; het ging sneller", nextStep = "Met de nachtdienst proberen" }, HttpStatusCode.OK);
        Assert.Equal("Niets gemist; het ging sneller", fed.GetProperty("findings").GetString());
        Assert.Equal(["afgerond"], fed.GetProperty("allowedMoves").EnumerateArray().Select(x => x.GetString()));
        await Move(new { to = "loopt" }, HttpStatusCode.BadRequest);
        var closed = await Move(new { to = "afgerond" }, HttpStatusCode.OK);
        Assert.NotEqual(JsonValueKind.Null, closed.GetProperty("closedAt").ValueKind);
        // A closed experiment can be reopened to fed back, and closed again.
        var reopened = await Move(new { to = "teruggekoppeld" }, HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("closedAt").ValueKind);
        await Move(new { to = "afgerond" }, HttpStatusCode.OK);
        await Move(new { to = "loopt" }, HttpStatusCode.BadRequest);
        await Move(new { to = "idee" }, HttpStatusCode.BadRequest);
        // The page shows the state; its buttons post the same moves.
        var page = WebUtility.HtmlDecode(await owner.Client.GetStringAsync($"/werkleren/experimenten/{id}"));
        Assert.Contains("Weer openen", page);
    }

    [Fact]
    public async Task A_next_step_starts_a_linked_follow_up_and_the_chain_is_a_timeline_on_every_experiment()
    {
        var owner = await app.LoginAsUserAsync(Roles.Deelnemer);
        var skills = await ProfileAsync(owner.Client);
        int first = await CreateAsync(owner.Client, new { title = "Eerste", drivers = new[] { "kwaliteit" }, skillIds = new[] { skills[0] } });
        await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{first}/follow-up", new { }), HttpStatusCode.BadRequest); // no next step yet
        await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{first}/state", new { to = "loopt" }), HttpStatusCode.OK);
        await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{first}/state", new { to = "teruggekoppeld", findings = "Het werkte half", nextStep = "Samen met de nachtdienst\nen dan verder" }), HttpStatusCode.OK);
        await JsonAsync(await owner.Client.PutAsJsonAsync($"{E}/{first}/sharing", new { begeleider = false, leidinggevende = true }), HttpStatusCode.OK);

        // The new page with ?vorige= is filled from the next step.
        var prefilled = WebUtility.HtmlDecode(await owner.Client.GetStringAsync($"/werkleren/experimenten/nieuw?vorige={first}"));
        Assert.Contains("value=\"Samen met de nachtdienst\"", prefilled);
        Assert.Contains("Dit wordt het vervolg op ‘Eerste’.", prefilled);

        var second = await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{first}/follow-up", new { }), HttpStatusCode.Created);
        int secondId = second.GetProperty("id").GetInt32();
        Assert.Equal("Samen met de nachtdienst", second.GetProperty("title").GetString());
        Assert.Equal("Samen met de nachtdienst\nen dan verder", second.GetProperty("whatAndWhy").GetString());
        Assert.Equal(first, second.GetProperty("previousId").GetInt32());
        Assert.Equal("idee", second.GetProperty("state").GetString());
        Assert.Equal(["kwaliteit"], second.GetProperty("drivers").EnumerateArray().Select(x => x.GetString()));
        Assert.True(second.GetProperty("sharedWith").GetProperty("leidinggevende").GetBoolean());
        // One follow-up per experiment (a chain, not a tree), by the API and through the new page.
        await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{first}/follow-up", new { }), HttpStatusCode.Conflict);
        await JsonAsync(await owner.Client.PostAsJsonAsync(E, new { title = "Nog een", previousId = first }), HttpStatusCode.BadRequest);

        await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{secondId}/state", new { to = "loopt", nextStep = "Derde stap" }), HttpStatusCode.OK);
        int third = (await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{secondId}/follow-up", new { title = "Zelf gekozen titel" }), HttpStatusCode.Created)).GetProperty("id").GetInt32();

        foreach (var id in new[] { first, secondId, third })
        {
            var chain = (await JsonAsync(await owner.Client.GetAsync($"{E}/{id}"), HttpStatusCode.OK)).GetProperty("chain").EnumerateArray().ToList();
            Assert.Equal([first, secondId, third], chain.Select(c => c.GetProperty("id").GetInt32()));
            Assert.Equal(["teruggekoppeld", "loopt", "idee"], chain.Select(c => c.GetProperty("state").GetString()));
            Assert.Equal("Het werkte half", chain[0].GetProperty("findings").GetString());
            Assert.Equal(id, chain.Single(c => c.GetProperty("current").GetBoolean()).GetProperty("id").GetInt32());
        }
        var page = WebUtility.HtmlDecode(await owner.Client.GetStringAsync($"/werkleren/experimenten/{third}"));
        Assert.True(page.IndexOf("Eerste", StringComparison.Ordinal) < page.IndexOf("Samen met de nachtdienst", StringComparison.Ordinal));
        Assert.Contains("Het werkte half", page);
        Assert.Equal(secondId, (await JsonAsync(await owner.Client.GetAsync($"{E}/{first}"), HttpStatusCode.OK)).GetProperty("followUpId").GetInt32());

        // The follow-up through the page's button, in one action.
        await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{third}/state", new { to = "loopt", nextStep = "Vierde" }), HttpStatusCode.OK);
        var posted = await KlimrekApp.PostFormAsync(owner.Client, $"/werkleren/experimenten/{third}?handler=FollowUp", [], $"/werkleren/experimenten/{third}");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("Vierde", WebUtility.HtmlDecode(await owner.Client.GetStringAsync(posted.Headers.Location!.ToString())));
    }

    [Fact]
    public async Task Colleagues_are_invited_join_or_decline_and_see_only_that_experiment()
    {
        var owner = await app.LoginAsUserAsync(Roles.Deelnemer);
        var colleague = await app.LoginAsUserAsync(Roles.Deelnemer);
        var other = await app.LoginAsUserAsync(Roles.Deelnemer);
        int id = await CreateAsync(owner.Client, Full("Samen proberen"));
        int mineOnly = await CreateAsync(owner.Client, new { title = "Alleen van mij" });

        // The same answer whether or not an address has an account; bad addresses are refused.
        var known = await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{id}/members", new { email = colleague.Email.ToUpperInvariant() }), HttpStatusCode.Accepted);
        var unknown = await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{id}/members", new { email = "niemand-" + Guid.NewGuid().ToString("N") + "@example.org" }), HttpStatusCode.Accepted);
        Assert.Equal(known.GetProperty("message").GetString(), unknown.GetProperty("message").GetString());
        await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{id}/members", new { email = "geen adres" }), HttpStatusCode.BadRequest);
        await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{id}/members", new { }), HttpStatusCode.BadRequest);
        await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{id}/members", new { email = other.Email }), HttpStatusCode.Accepted);
        // Invitations are not listed to the owner (that would tell whether the address has an account).
        Assert.Equal(0, (await JsonAsync(await owner.Client.GetAsync($"{E}/{id}"), HttpStatusCode.OK)).GetProperty("members").GetArrayLength());

        // The invited colleague got a notification (kind experimenten) and a mail, and sees the invitation.
        var note = await Db(db => db.Notifications.SingleAsync(n => n.UserId == colleague.Id));
        Assert.Equal(NotificationKinds.Experimenten, note.Kind);
        Assert.Contains("Samen proberen", note.Title);
        Assert.Equal($"/werkleren/experimenten/{id}", note.Link);
        await app.Mail.WaitForAsync(colleague.Email, m => m.Subject?.Contains("Samen proberen", StringComparison.Ordinal) == true);
        var list = await JsonAsync(await colleague.Client.GetAsync(E), HttpStatusCode.OK);
        Assert.Equal([id], list.GetProperty("invitations").EnumerateArray().Select(x => x.GetProperty("id").GetInt32()));
        Assert.Contains("Samen proberen", WebUtility.HtmlDecode(await colleague.Client.GetStringAsync("/werkleren/experimenten")));
        var invited = await JsonAsync(await colleague.Client.GetAsync($"{E}/{id}"), HttpStatusCode.OK);
        Assert.Equal("invited", invited.GetProperty("role").GetString());
        await JsonAsync(await colleague.Client.PutAsJsonAsync($"{E}/{id}", new { title = "Nog niet" }), HttpStatusCode.Forbidden);
        await JsonAsync(await colleague.Client.PostAsJsonAsync($"{E}/{id}/response", new { }), HttpStatusCode.BadRequest);
        await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{id}/response", new { accept = true }), HttpStatusCode.Forbidden);

        // Joining through the list page; the owner is told.
        var joined = await KlimrekApp.PostFormAsync(colleague.Client, "/werkleren/experimenten?handler=Respond", new() { ["experimentId"] = id.ToString(), ["accept"] = "true" }, "/werkleren/experimenten");
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Equal($"/werkleren/experimenten/{id}", joined.Headers.Location!.ToString());
        Assert.Contains(await Db(db => db.Notifications.Where(n => n.UserId == owner.Id).Select(n => n.Title).ToListAsync()), t => t.Contains("doet mee", StringComparison.Ordinal));
        var asMember = await JsonAsync(await colleague.Client.GetAsync($"{E}/{id}"), HttpStatusCode.OK);
        Assert.Equal("member", asMember.GetProperty("role").GetString());
        Assert.Empty(asMember.GetProperty("allowedMoves").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, asMember.GetProperty("sharedWith").ValueKind);
        var members = (await JsonAsync(await owner.Client.GetAsync($"{E}/{id}"), HttpStatusCode.OK)).GetProperty("members");
        Assert.Equal(1, members.GetArrayLength());
        int memberId = members[0].GetProperty("id").GetInt32();

        // A member co-edits the texts and findings, but not the links, state, members, sharing or deletion.
        var edit = await JsonAsync(await colleague.Client.PutAsJsonAsync($"{E}/{id}", new { title = "Samen proberen", question = "Mijn vraag erbij", findings = "Eerste indruk" }), HttpStatusCode.OK);
        Assert.Equal("Mijn vraag erbij", edit.GetProperty("question").GetString());
        var detail = $"/werkleren/experimenten/{id}";
        var memberPage = WebUtility.HtmlDecode(await colleague.Client.GetStringAsync(detail));
        Assert.Contains("name=\"Form.Needs\"", memberPage);
        Assert.DoesNotContain("name=\"Form.Drivers\"", memberPage);
        Assert.DoesNotContain("handler=Share", memberPage);
        var saved = await KlimrekApp.PostFormAsync(colleague.Client, detail + "?handler=Save", new() { ["Form.Title"] = "Samen proberen", ["Form.Needs"] = "Een rustige dienst", ["Form.Findings"] = "Eerste indruk" }, detail);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Een rustige dienst", (await JsonAsync(await owner.Client.GetAsync($"{E}/{id}"), HttpStatusCode.OK)).GetProperty("needs").GetString());
        await JsonAsync(await colleague.Client.PutAsJsonAsync($"{E}/{id}", new { title = "x", drivers = Array.Empty<string>() }), HttpStatusCode.Forbidden);
        await JsonAsync(await colleague.Client.PostAsJsonAsync($"{E}/{id}/state", new { to = "loopt" }), HttpStatusCode.Forbidden);
        await JsonAsync(await colleague.Client.PostAsJsonAsync($"{E}/{id}/members", new { email = other.Email }), HttpStatusCode.Forbidden);
        await JsonAsync(await colleague.Client.PutAsJsonAsync($"{E}/{id}/sharing", new { begeleider = true, leidinggevende = true }), HttpStatusCode.Forbidden);
        await JsonAsync(await colleague.Client.DeleteAsync($"{E}/{id}"), HttpStatusCode.Forbidden);
        await JsonAsync(await colleague.Client.DeleteAsync($"{E}/{id}/members/{memberId}"), HttpStatusCode.Forbidden);
        // … and sees nothing else of the owner's.
        await JsonAsync(await colleague.Client.GetAsync($"{E}/{mineOnly}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.Client.GetAsync($"/werkleren/experimenten/{mineOnly}")).StatusCode);

        // The other invitee declines: the experiment is gone for them, and they are not invited again.
        await JsonAsync(await other.Client.PostAsJsonAsync($"{E}/{id}/response", new { accept = false }), HttpStatusCode.OK);
        await JsonAsync(await other.Client.GetAsync($"{E}/{id}"), HttpStatusCode.NotFound);
        await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{id}/members", new { email = other.Email }), HttpStatusCode.Accepted);
        await JsonAsync(await other.Client.GetAsync($"{E}/{id}"), HttpStatusCode.NotFound);
        Assert.Empty((await JsonAsync(await other.Client.GetAsync(E), HttpStatusCode.OK)).GetProperty("invitations").EnumerateArray());

        // Deleting waits until nobody takes part any more; the owner removes the colleague, who then gets 404.
        await JsonAsync(await owner.Client.DeleteAsync($"{E}/{id}"), HttpStatusCode.Conflict);
        await JsonAsync(await owner.Client.DeleteAsync($"{E}/{id}/members/999999"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"{E}/{id}/members/{memberId}")).StatusCode);
        await JsonAsync(await colleague.Client.GetAsync($"{E}/{id}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"{E}/{id}")).StatusCode);
        await JsonAsync(await owner.Client.GetAsync($"{E}/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Someone_not_in_the_experiment_gets_404_on_every_route_and_sharing_opens_only_reading()
    {
        var owner = await app.LoginAsUserAsync(Roles.Deelnemer);
        var stranger = await app.LoginAsUserAsync(Roles.Deelnemer);
        var manager = await app.LoginAsUserAsync(Roles.Deelnemer);
        var coach = await app.LoginAsUserAsync(Roles.Begeleider);
        await Db(async db =>
        {
            db.WorkRelations.Add(new WorkRelation { OwnerId = owner.Id, OtherUserId = manager.Id, Kind = WorkRelationKind.Leidinggevende, CreatedAt = DateTime.UtcNow });
            db.WorkRelations.Add(new WorkRelation { OwnerId = owner.Id, OtherUserId = coach.Id, Kind = WorkRelationKind.Begeleider, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        int id = await CreateAsync(owner.Client, Full("Privé experiment"));
        await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{id}/state", new { to = "loopt", nextStep = "verder" }), HttpStatusCode.OK);
        int moment = (await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{id}/feedback-moments", new { date = InDays(5), time = "10:00" }), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var member = await app.LoginAsUserAsync(Roles.Deelnemer);
        await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{id}/members", new { email = member.Email }), HttpStatusCode.Accepted);
        await JsonAsync(await member.Client.PostAsJsonAsync($"{E}/{id}/response", new { accept = true }), HttpStatusCode.OK);
        int memberId = (await JsonAsync(await owner.Client.GetAsync($"{E}/{id}"), HttpStatusCode.OK)).GetProperty("members")[0].GetProperty("id").GetInt32();

        var routes = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Get, $"{E}/{id}", null), (HttpMethod.Put, $"{E}/{id}", new { title = "x" }), (HttpMethod.Delete, $"{E}/{id}", null),
            (HttpMethod.Post, $"{E}/{id}/state", new { to = "teruggekoppeld", findings = "x" }), (HttpMethod.Post, $"{E}/{id}/follow-up", new { }),
            (HttpMethod.Post, $"{E}/{id}/members", new { email = stranger.Email }), (HttpMethod.Delete, $"{E}/{id}/members/{memberId}", null),
            (HttpMethod.Post, $"{E}/{id}/response", new { accept = true }), (HttpMethod.Post, $"{E}/{id}/feedback-moments", new { date = InDays(6), time = "10:00" }),
            (HttpMethod.Put, $"{E}/{id}/feedback-moments/{moment}", new { date = InDays(7), time = "10:00" }), (HttpMethod.Delete, $"{E}/{id}/feedback-moments/{moment}", null),
            (HttpMethod.Put, $"{E}/{id}/sharing", new { begeleider = true, leidinggevende = true }), (HttpMethod.Post, $"{E}/{id}/evidence", new { skillIds = new[] { 1 } }),
            (HttpMethod.Get, $"{E}/{id}/calendar.ics", null), (HttpMethod.Get, $"/werkleren/experimenten/{id}", null),
        };
        async Task AllRefusedAsync(HttpClient c, string who)
        {
            foreach (var (method, url, body) in routes)
            {
                var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
                var r = await c.SendAsync(request);
                Assert.True(r.StatusCode == HttpStatusCode.NotFound, $"{who}: {method} {url} gave {r.StatusCode}");
            }
        }
        await AllRefusedAsync(stranger.Client, "stranger");
        await AllRefusedAsync(manager.Client, "leidinggevende, not shared");
        await AllRefusedAsync(coach.Client, "begeleider, not shared");
        Assert.Empty((await JsonAsync(await stranger.Client.GetAsync(E), HttpStatusCode.OK)).GetProperty("mine").EnumerateArray());
        var unchanged = await JsonAsync(await owner.Client.GetAsync($"{E}/{id}"), HttpStatusCode.OK);
        Assert.Equal("Privé experiment", unchanged.GetProperty("title").GetString());
        Assert.Equal("loopt", unchanged.GetProperty("state").GetString());
        Assert.Equal(1, unchanged.GetProperty("feedbackMoments").GetArrayLength());
        Assert.False(unchanged.GetProperty("feedbackMoments")[0].GetProperty("cancelled").GetBoolean());

        // Shared with the leidinggevende: they read (logged), cannot change; the begeleider still gets 404.
        await JsonAsync(await owner.Client.PutAsJsonAsync($"{E}/{id}/sharing", new { }), HttpStatusCode.BadRequest);
        await JsonAsync(await owner.Client.PutAsJsonAsync($"{E}/{id}/sharing", new { begeleider = false, leidinggevende = true }), HttpStatusCode.OK);
        var read = await JsonAsync(await manager.Client.GetAsync($"{E}/{id}"), HttpStatusCode.OK);
        Assert.Equal("reader", read.GetProperty("role").GetString());
        Assert.Contains("Je kunt het lezen, niet wijzigen.", WebUtility.HtmlDecode(await manager.Client.GetStringAsync($"/werkleren/experimenten/{id}")));
        await JsonAsync(await manager.Client.PutAsJsonAsync($"{E}/{id}", new { title = "x" }), HttpStatusCode.Forbidden);
        await JsonAsync(await manager.Client.PostAsJsonAsync($"{E}/{id}/feedback-moments", new { date = InDays(6), time = "10:00" }), HttpStatusCode.Forbidden);
        await JsonAsync(await manager.Client.GetAsync($"{E}/{id}/calendar.ics"), HttpStatusCode.Forbidden);
        await JsonAsync(await coach.Client.GetAsync($"{E}/{id}"), HttpStatusCode.NotFound);
        Assert.Contains(await Db(db => db.AccessLog.Where(a => a.SubjectId == owner.Id && a.ActorId == manager.Id).Select(a => a.Kind).ToListAsync()), k => k == AccessKind.WerklerenRead);
        // Shared with the begeleider (who holds the role), then unshared again: 404 once more.
        await JsonAsync(await owner.Client.PutAsJsonAsync($"{E}/{id}/sharing", new { begeleider = true, leidinggevende = false }), HttpStatusCode.OK);
        await JsonAsync(await coach.Client.GetAsync($"{E}/{id}"), HttpStatusCode.OK);
        await JsonAsync(await manager.Client.GetAsync($"{E}/{id}"), HttpStatusCode.NotFound);
        await JsonAsync(await owner.Client.PutAsJsonAsync($"{E}/{id}/sharing", new { begeleider = false, leidinggevende = false }), HttpStatusCode.OK);
        await JsonAsync(await coach.Client.GetAsync($"{E}/{id}"), HttpStatusCode.NotFound);
        await JsonAsync(await stranger.Client.GetAsync($"{E}/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Feedback_moments_are_calendar_events_with_a_stable_uid_a_rising_sequence_and_cancellation()
    {
        var owner = await app.LoginAsUserAsync(Roles.Deelnemer);
        var colleague = await app.LoginAsUserAsync(Roles.Deelnemer);
        var stranger = await app.LoginAsUserAsync(Roles.Deelnemer);
        int id = await CreateAsync(owner.Client, Full("Agenda-experiment"));
        await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{id}/members", new { email = colleague.Email }), HttpStatusCode.Accepted);
        await JsonAsync(await colleague.Client.PostAsJsonAsync($"{E}/{id}/response", new { accept = true }), HttpStatusCode.OK);

        foreach (var bad in new object[] { new { }, new { date = InDays(-1), time = "10:00" }, new { date = InDays(3), time = "10:00", durationMinutes = 0 },
                     new { date = InDays(3), time = "10:00", location = new string('x', 201) }, new { date = InDays(3), time = "10:00", held = true } })
            await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{id}/feedback-moments", bad), HttpStatusCode.BadRequest);
        Assert.Equal(0, await Db(db => db.FeedbackMoments.CountAsync(m => m.ExperimentId == id)));

        var m = await JsonAsync(await colleague.Client.PostAsJsonAsync($"{E}/{id}/feedback-moments", new { date = InDays(10), time = "16:30", durationMinutes = 20, location = "Teamkamer" }), HttpStatusCode.Created);
        int momentId = m.GetProperty("id").GetInt32();
        string uid = m.GetProperty("uid").GetString()!;
        var ics = await owner.Client.GetStringAsync($"{E}/{id}/calendar.ics");
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics);
        Assert.Contains("UID:" + uid, ics);
        Assert.Contains("SEQUENCE:0", ics);
        Assert.Contains("BEGIN:VALARM", ics);
        Assert.Contains("LOCATION:Teamkamer", ics);
        Assert.Contains("Terugkoppelen: Agenda-experiment", ics);

        // Moved: the same UID, the sequence rises; a bad move changes nothing.
        await JsonAsync(await owner.Client.PutAsJsonAsync($"{E}/{id}/feedback-moments/{momentId}", new { date = InDays(-2), time = "10:00" }), HttpStatusCode.BadRequest);
        await JsonAsync(await owner.Client.PutAsJsonAsync($"{E}/{id}/feedback-moments/{momentId}", new { }), HttpStatusCode.BadRequest);
        await JsonAsync(await owner.Client.PutAsJsonAsync($"{E}/{id}/feedback-moments/{momentId}", new { date = InDays(12), time = "09:00", held = true }), HttpStatusCode.BadRequest);
        Assert.Contains("SEQUENCE:0", await owner.Client.GetStringAsync($"{E}/{id}/calendar.ics"));
        var moved = await JsonAsync(await owner.Client.PutAsJsonAsync($"{E}/{id}/feedback-moments/{momentId}", new { date = InDays(12), time = "09:00", durationMinutes = 20, location = "Teamkamer" }), HttpStatusCode.OK);
        Assert.Equal(1, moved.GetProperty("sequence").GetInt32());
        ics = await colleague.Client.GetStringAsync($"{E}/{id}/calendar.ics");
        Assert.Contains("UID:" + uid, ics);
        Assert.Contains("SEQUENCE:1", ics);
        Assert.Contains("STATUS:CONFIRMED", ics);

        // In the personal calendar of the owner and the colleague, not of a stranger.
        Assert.Contains("UID:" + uid, await owner.Client.GetStringAsync("/api/v1/me/calendar.ics"));
        Assert.Contains("UID:" + uid, await colleague.Client.GetStringAsync("/api/v1/me/calendar.ics"));
        Assert.DoesNotContain(uid, await stranger.Client.GetStringAsync("/api/v1/me/calendar.ics"));

        // Held (once begun) with notes: the moment is set in the past, as time passing would.
        var local = DutchTime.ToLocal(DateTime.UtcNow.AddHours(-1));
        var (pastDate, pastTime) = (DateOnly.FromDateTime(local), new TimeOnly(local.Hour, local.Minute));
        var past = DutchTime.ToUtc(pastDate, pastTime);
        await Db(db => db.FeedbackMoments.Where(x => x.Id == momentId).ExecuteUpdateAsync(u => u.SetProperty(x => x.StartsAt, past)));
        var held = await JsonAsync(await colleague.Client.PutAsJsonAsync($"{E}/{id}/feedback-moments/{momentId}",
            new { date = pastDate, time = pastTime.ToString("HH:mm"), durationMinutes = 20, location = "Teamkamer", held = true, notes = "Iedereen was er" }), HttpStatusCode.OK);
        Assert.Equal(1, held.GetProperty("sequence").GetInt32()); // marking held is no calendar change
        Assert.NotEqual(JsonValueKind.Null, held.GetProperty("heldAt").ValueKind);
        Assert.Equal("Iedereen was er", held.GetProperty("notes").GetString());

        // Cancelled: STATUS:CANCELLED, the sequence rises again, no alarm; it cannot be changed any more.
        var cancelled = await JsonAsync(await owner.Client.DeleteAsync($"{E}/{id}/feedback-moments/{momentId}"), HttpStatusCode.OK);
        Assert.True(cancelled.GetProperty("cancelled").GetBoolean());
        ics = await owner.Client.GetStringAsync($"{E}/{id}/calendar.ics");
        Assert.Contains("UID:" + uid, ics);
        Assert.Contains("STATUS:CANCELLED", ics);
        Assert.Contains($"SEQUENCE:{cancelled.GetProperty("sequence").GetInt32()}", ics);
        Assert.True(cancelled.GetProperty("sequence").GetInt32() >= 2);
        Assert.DoesNotContain("BEGIN:VALARM", ics);
        await JsonAsync(await owner.Client.PutAsJsonAsync($"{E}/{id}/feedback-moments/{momentId}", new { date = InDays(20), time = "09:00" }), HttpStatusCode.BadRequest);
        await JsonAsync(await owner.Client.DeleteAsync($"{E}/{id}/feedback-moments/999999"), HttpStatusCode.NotFound);

        // The page plans one too (Dutch time), and lists it.
        var posted = await KlimrekApp.PostFormAsync(owner.Client, $"/werkleren/experimenten/{id}?handler=AddMoment",
            new() { ["date"] = InDays(8).ToString("yyyy-MM-dd"), ["time"] = "13:15", ["durationMinutes"] = "30", ["location"] = "Kantine" }, $"/werkleren/experimenten/{id}");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("Kantine", WebUtility.HtmlDecode(await owner.Client.GetStringAsync($"/werkleren/experimenten/{id}")));
    }

    [Fact]
    public async Task A_feedback_moment_reminds_the_owner_and_each_colleague_exactly_once_and_moves_and_cancels_with_it()
    {
        var owner = await app.LoginAsUserAsync(Roles.Deelnemer);
        var colleague = await app.LoginAsUserAsync(Roles.Deelnemer);
        int id = await CreateAsync(owner.Client, Full("Herinnering-experiment"));
        await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{id}/members", new { email = colleague.Email }), HttpStatusCode.Accepted);
        // A moment planned before the colleague joins: joining schedules their reminder too.
        int momentId = (await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{id}/feedback-moments", new { date = InDays(10), time = "15:00" }), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        await JsonAsync(await colleague.Client.PostAsJsonAsync($"{E}/{id}/response", new { accept = true }), HttpStatusCode.OK);
        var starts = await Db(db => db.FeedbackMoments.Where(m => m.Id == momentId).Select(m => m.StartsAt).SingleAsync());
        var reminders = await Db(db => db.ScheduledReminders.Where(r => r.Key.StartsWith($"feedback:{momentId}:")).ToListAsync());
        Assert.Equal(new[] { owner.Id, colleague.Id }.Order(StringComparer.Ordinal), reminders.Select(r => r.UserId).Order(StringComparer.Ordinal));
        Assert.All(reminders, r => Assert.Equal(starts.AddHours(-24), r.DueAt, TimeSpan.FromSeconds(1)));
        Assert.All(reminders, r => Assert.Equal(NotificationKinds.Terugkoppelmomenten, r.Kind));
        Assert.Contains(reminders, r => r.Key == $"feedback:{momentId}:{owner.Id}");

        // Moved: the same keys, a new due time.
        await JsonAsync(await owner.Client.PutAsJsonAsync($"{E}/{id}/feedback-moments/{momentId}", new { date = InDays(14), time = "15:00" }), HttpStatusCode.OK);
        var starts2 = await Db(db => db.FeedbackMoments.Where(m => m.Id == momentId).Select(m => m.StartsAt).SingleAsync());
        reminders = await Db(db => db.ScheduledReminders.Where(r => r.Key.StartsWith($"feedback:{momentId}:")).ToListAsync());
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, r => Assert.Equal(starts2.AddHours(-24), r.DueAt, TimeSpan.FromSeconds(1)));

        // Due: sent once, however often the dispatcher runs.
        await Db(db => db.ScheduledReminders.Where(r => r.Key.StartsWith($"feedback:{momentId}:")).ExecuteUpdateAsync(u => u.SetProperty(r => r.DueAt, DateTime.UtcNow.AddMinutes(-1))));
        var dispatcher = app.Services.GetRequiredService<ReminderDispatcher>();
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        foreach (var u in new[] { owner, colleague })
        {
            Assert.Single(await Db(db => db.Notifications.Where(n => n.UserId == u.Id && n.Kind == NotificationKinds.Terugkoppelmomenten).ToListAsync()));
            await app.Mail.WaitForAsync(u.Email, m => m.Subject?.Contains("Herinnering-experiment", StringComparison.Ordinal) == true);
        }
        await Task.Delay(500);
        foreach (var u in new[] { owner, colleague })
            Assert.Single(app.Mail.To(u.Email), m => m.Subject?.Contains("Terugkoppelmoment", StringComparison.Ordinal) == true);

        // A second moment: cancelled with the moment, with the colleague leaving, with the experiment deleted.
        int second = (await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{id}/feedback-moments", new { date = InDays(20), time = "15:00" }), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        int third = (await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{id}/feedback-moments", new { date = InDays(21), time = "15:00" }), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        await JsonAsync(await owner.Client.DeleteAsync($"{E}/{id}/feedback-moments/{second}"), HttpStatusCode.OK);
        Assert.All(await Db(db => db.ScheduledReminders.Where(r => r.Key.StartsWith($"feedback:{second}:")).ToListAsync()), r => Assert.NotNull(r.CancelledAt));
        await JsonAsync(await colleague.Client.PostAsJsonAsync($"{E}/{id}/response", new { accept = false }), HttpStatusCode.OK);
        Assert.NotNull((await Db(db => db.ScheduledReminders.SingleAsync(r => r.Key == $"feedback:{third}:{colleague.Id}"))).CancelledAt);
        Assert.Null((await Db(db => db.ScheduledReminders.SingleAsync(r => r.Key == $"feedback:{third}:{owner.Id}"))).CancelledAt);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"{E}/{id}")).StatusCode);
        Assert.NotNull((await Db(db => db.ScheduledReminders.SingleAsync(r => r.Key == $"feedback:{third}:{owner.Id}"))).CancelledAt);
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Single(await Db(db => db.Notifications.Where(n => n.UserId == owner.Id && n.Kind == NotificationKinds.Terugkoppelmomenten).ToListAsync()));
    }

    [Fact]
    public async Task Closing_adds_experience_evidence_to_the_linked_profile_skills_once_and_leaves_stronger_evidence()
    {
        var owner = await app.LoginAsUserAsync(Roles.Deelnemer);
        var skills = await ProfileAsync(owner.Client);
        int id = await CreateAsync(owner.Client, new { title = "Tilhulp inzetten", skillIds = skills });
        await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{id}/evidence", new { skillIds = new[] { skills[0] } }), HttpStatusCode.BadRequest); // not closed
        await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{id}/state", new { to = "loopt" }), HttpStatusCode.OK);
        await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{id}/state", new { to = "teruggekoppeld", findings = "Scheelt rugpijn" }), HttpStatusCode.OK);
        await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{id}/state", new { to = "afgerond" }), HttpStatusCode.OK);
        // The page offers the skills that can still get it (not the diploma one).
        var page = WebUtility.HtmlDecode(await owner.Client.GetStringAsync($"/werkleren/experimenten/{id}"));
        Assert.Contains($"id=\"ev2-{skills[0]}\"", page);
        Assert.DoesNotContain($"id=\"ev2-{skills[1]}\"", page);

        await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{id}/evidence", new { }), HttpStatusCode.BadRequest);
        await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{id}/evidence", new { skillIds = new[] { 123456789 } }), HttpStatusCode.BadRequest);
        var before = await Db(db => db.ProfileSkills.Where(s => s.SkillId == skills[0] && db.SkillProfiles.Any(p => p.Id == s.ProfileId && p.UserId == owner.Id)).SingleAsync());
        Assert.Equal(EvidenceKind.Zelfbeoordeling, before.Evidence);

        var result = await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{id}/evidence", new { skillIds = skills }), HttpStatusCode.OK);
        var outcome = result.GetProperty("skills").EnumerateArray().ToDictionary(x => x.GetProperty("skillId").GetInt32(), x => x.GetProperty("result").GetString());
        Assert.Equal("toegevoegd", outcome[skills[0]]);
        Assert.Equal("al-sterker", outcome[skills[1]]);
        Assert.Equal("toegevoegd", outcome[skills[2]]);
        var held = await Db(db => db.ProfileSkills.Where(s => skills.Contains(s.SkillId) && db.SkillProfiles.Any(p => p.Id == s.ProfileId && p.UserId == owner.Id)).ToDictionaryAsync(s => s.SkillId));
        Assert.Equal(EvidenceKind.Werkervaring, held[skills[0]].Evidence);
        Assert.Equal(ValidationStrength.Middel, held[skills[0]].Validation);
        Assert.Contains("Tilhulp inzetten", held[skills[0]].Note);
        Assert.Equal(1, held[skills[0]].Version); // through the profile's versioned save
        Assert.Equal(EvidenceKind.Diploma, held[skills[1]].Evidence);
        Assert.Null(held[skills[1]].Note);
        Assert.StartsWith("Eigen notitie\n", held[skills[2]].Note); // the person's own note stays
        var links = (await JsonAsync(await owner.Client.GetAsync($"{E}/{id}"), HttpStatusCode.OK)).GetProperty("skills").EnumerateArray()
            .ToDictionary(x => x.GetProperty("skillId").GetInt32(), x => x.GetProperty("evidenceAddedAt").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, links[skills[0]]);
        Assert.Equal(JsonValueKind.Null, links[skills[1]]);
        // Once only.
        var again = await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{id}/evidence", new { skillIds = new[] { skills[0] } }), HttpStatusCode.OK);
        Assert.Equal("al-toegevoegd", again.GetProperty("skills")[0].GetProperty("result").GetString());
        Assert.Equal(1, (await Db(db => db.ProfileSkills.SingleAsync(s => s.Id == held[skills[0]].Id))).Version);
        // Closing on the page offers the same, in one step: work experience held already gets a note naming this experiment.
        int second = await CreateAsync(owner.Client, new { title = "Tilhulp bij de nachtdienst", skillIds = new[] { skills[0] } });
        await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{second}/state", new { to = "loopt" }), HttpStatusCode.OK);
        await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{second}/state", new { to = "teruggekoppeld", findings = "Ook 's nachts" }), HttpStatusCode.OK);
        var secondPage = $"/werkleren/experimenten/{second}";
        Assert.Contains($"id=\"ev-{skills[0]}\"", await owner.Client.GetStringAsync(secondPage));
        var closedOnPage = await KlimrekApp.PostFormAsync(owner.Client, secondPage + "?handler=State", new() { ["to"] = "afgerond", ["evidence"] = skills[0].ToString() }, secondPage);
        Assert.Equal(HttpStatusCode.Redirect, closedOnPage.StatusCode);
        var note = (await Db(db => db.ProfileSkills.SingleAsync(s => s.Id == held[skills[0]].Id))).Note!;
        Assert.Contains("Tilhulp inzetten", note);
        Assert.Contains("Tilhulp bij de nachtdienst", note);
        Assert.Equal(EvidenceKind.Werkervaring, (await Db(db => db.ProfileSkills.SingleAsync(s => s.Id == held[skills[0]].Id))).Evidence);

        // Labels are Dutch where ESCO has them; an English one is marked in the page.
        var label = (await JsonAsync(await owner.Client.GetAsync($"{E}/{id}"), HttpStatusCode.OK)).GetProperty("skills")[0];
        if (label.GetProperty("labelLanguage").GetString() == "en")
            Assert.Contains("lang=\"en\"", await owner.Client.GetStringAsync($"/werkleren/experimenten/{id}"));
    }

    [Fact]
    public async Task The_export_holds_own_experiments_and_memberships_and_erase_removes_them()
    {
        var owner = await app.LoginAsUserAsync(Roles.Deelnemer);
        var colleague = await app.LoginAsUserAsync(Roles.Deelnemer);
        int mine = await CreateAsync(owner.Client, Full("Export-experiment"));
        int moment = (await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{mine}/feedback-moments", new { date = InDays(9), time = "11:00", location = "Zaal 3" }), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{mine}/members", new { email = colleague.Email }), HttpStatusCode.Accepted);
        await JsonAsync(await colleague.Client.PostAsJsonAsync($"{E}/{mine}/response", new { accept = true }), HttpStatusCode.OK);
        int theirs = await CreateAsync(colleague.Client, new { title = "Van de collega" });
        await JsonAsync(await colleague.Client.PostAsJsonAsync($"{E}/{theirs}/members", new { email = owner.Email }), HttpStatusCode.Accepted);
        await JsonAsync(await owner.Client.PostAsJsonAsync($"{E}/{theirs}/response", new { accept = true }), HttpStatusCode.OK);
        await JsonAsync(await owner.Client.PutAsJsonAsync($"{E}/{theirs}", new { title = "Van de collega", findings = "Mijn bijdrage" }), HttpStatusCode.OK);
        int theirMoment = (await JsonAsync(await colleague.Client.PostAsJsonAsync($"{E}/{theirs}/feedback-moments", new { date = InDays(9), time = "12:00" }), HttpStatusCode.Created)).GetProperty("id").GetInt32();

        var files = await KlimrekApp.ExportFilesAsync(await owner.Client.GetAsync("/api/v1/me/data.zip"));
        var part = files["werkleren-experimenten.json"];
        Assert.Contains("Export-experiment", part);
        Assert.Contains("Vrijdag na de late dienst", part);
        Assert.Contains("Zaal 3", part);
        Assert.Contains("Van de collega", part); // a membership
        Assert.DoesNotContain("Mijn bijdrage", part); // the colleague's experiment itself is theirs
        var none = await app.LoginAsUserAsync(Roles.Deelnemer);
        Assert.DoesNotContain("werkleren-experimenten.json", (await KlimrekApp.ExportFilesAsync(await none.Client.GetAsync("/api/v1/me/data.zip"))).Keys);

        var erased = await KlimrekApp.PostFormAsync(owner.Client, "/account/mijn-gegevens?handler=Erase",
            new() { ["password"] = "correct horse battery", ["understood"] = "true" }, "/account/mijn-gegevens");
        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        Assert.False(await Db(db => db.Experiments.AnyAsync(x => x.Id == mine)));
        Assert.False(await Db(db => db.ExperimentMembers.AnyAsync(m => m.UserId == owner.Id)));
        Assert.All(await Db(db => db.ScheduledReminders.Where(r => r.Key.StartsWith($"feedback:{moment}:")).ToListAsync()), r => Assert.NotNull(r.CancelledAt));
        // The colleague keeps their experiment with what the erased person wrote in it, and their own reminder.
        var kept = await JsonAsync(await colleague.Client.GetAsync($"{E}/{theirs}"), HttpStatusCode.OK);
        Assert.Equal("Mijn bijdrage", kept.GetProperty("findings").GetString());
        Assert.Equal(0, kept.GetProperty("members").GetArrayLength());
        Assert.Null((await Db(db => db.ScheduledReminders.SingleAsync(r => r.Key == $"feedback:{theirMoment}:{colleague.Id}"))).CancelledAt);
        Assert.Empty((await JsonAsync(await colleague.Client.GetAsync(E), HttpStatusCode.OK)).GetProperty("joined").EnumerateArray());
        await JsonAsync(await colleague.Client.GetAsync($"{E}/{mine}"), HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ExperimentsTestsSqlite(SqliteApp app) : ExperimentsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ExperimentsTestsPostgres(PostgresApp app) : ExperimentsTests(app);
