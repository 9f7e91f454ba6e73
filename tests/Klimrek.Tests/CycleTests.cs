using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Klimrek.Tests;

/// <summary>
/// The development cycle (POP): plans with versions, skills from a Klimrek gap, learning activities and the
/// experience/others/courses split, cycle conversations with preparation and agreements, sharing per part, who reaches
/// what, export and erase — on both databases.
/// </summary>
public abstract class CycleTests(KlimrekApp app)
{
    private const string W = "/api/v1/me/werkleren";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"{r.RequestMessage?.Method} {r.RequestMessage?.RequestUri}: expected {expected}, got {r.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private Task<T> Db<T>(Func<KlimrekDbContext, Task<T>> use) => app.WithScopeAsync(sp => use(sp.GetRequiredService<KlimrekDbContext>()));

    private static HttpRequestMessage With(HttpMethod method, string url, object? body, string? ifMatch)
    {
        var r = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null) r.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return r;
    }

    private static async Task<int> PlanAsync(HttpClient c, string title = "Mijn jaar")
    {
        var plan = await JsonAsync(await c.PostAsJsonAsync($"{W}/plans", new { title, startsOn = Today.AddMonths(-3), endsOn = Today.AddMonths(9), ambition = "Meer zelf regelen" }),
            HttpStatusCode.Created);
        return plan.GetProperty("id").GetInt32();
    }

    private static string[] Errors(JsonElement problem) => [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task A_plan_is_created_changed_with_its_version_and_deleted_only_with_one()
    {
        var me = await app.LoginAsUserAsync(Roles.Deelnemer);
        var bad = await JsonAsync(await me.Client.PostAsJsonAsync($"{W}/plans", new { }), HttpStatusCode.BadRequest);
        Assert.Equal(["endsOn", "startsOn", "title"], Errors(bad));
        await JsonAsync(await me.Client.PostAsJsonAsync($"{W}/plans", new { title = "x", startsOn = Today, endsOn = Today.AddDays(-1) }), HttpStatusCode.BadRequest);
        await JsonAsync(await me.Client.PostAsJsonAsync($"{W}/plans", new { title = "x", startsOn = Today, endsOn = Today.AddYears(6) }), HttpStatusCode.BadRequest);
        await JsonAsync(await me.Client.PostAsJsonAsync($"{W}/plans", new { title = new string('t', 201), startsOn = Today, endsOn = Today }), HttpStatusCode.BadRequest);
        Assert.Equal(0, (await JsonAsync(await me.Client.GetAsync($"{W}/plans"), HttpStatusCode.OK)).GetArrayLength());

        var created = await me.Client.PostAsJsonAsync($"{W}/plans", new { title = "2026", startsOn = Today.AddYears(-1), endsOn = Today.AddDays(-1) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        int older = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        int current = await PlanAsync(me.Client);
        var list = await JsonAsync(await me.Client.GetAsync($"{W}/plans"), HttpStatusCode.OK);
        Assert.Equal([current, older], list.EnumerateArray().Select(p => p.GetProperty("id").GetInt32()));
        Assert.True(list[0].GetProperty("current").GetBoolean());

        // Versions: a stale save is refused and changes nothing; the right one passes.
        var body = new { title = "Mijn jaar, herzien", startsOn = Today.AddMonths(-3), endsOn = Today.AddMonths(9), ambition = "Anders" };
        var stale = await JsonAsync(await me.Client.SendAsync(With(HttpMethod.Put, $"{W}/plans/{current}", body, "\"7\"")), HttpStatusCode.Conflict);
        Assert.Contains("version", Errors(stale));
        Assert.Equal("Mijn jaar", (await JsonAsync(await me.Client.GetAsync($"{W}/plans/{current}"), HttpStatusCode.OK)).GetProperty("title").GetString());
        var saved = await me.Client.SendAsync(With(HttpMethod.Put, $"{W}/plans/{current}", body, "\"1\""));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("\"2\"", saved.Headers.ETag?.Tag);
        await JsonAsync(await me.Client.PutAsJsonAsync($"{W}/plans/{current}", new { title = "" }), HttpStatusCode.BadRequest);

        // Deleting needs the version: none 428, stale 409, right one 204.
        await JsonAsync(await me.Client.DeleteAsync($"{W}/plans/{current}"), (HttpStatusCode)428);
        await JsonAsync(await me.Client.SendAsync(With(HttpMethod.Delete, $"{W}/plans/{current}", null, "\"1\"")), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await me.Client.SendAsync(With(HttpMethod.Delete, $"{W}/plans/{current}", null, "\"2\""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await me.Client.GetAsync($"{W}/plans/{current}")).StatusCode);

        // The page: a first plan through the form, and a stale save shown beside the form.
        var fresh = await app.LoginAsUserAsync(Roles.Deelnemer);
        Assert.Contains("Begin je eerste plan", WebUtility.HtmlDecode(await fresh.Client.GetStringAsync("/werkleren/pop")));
        var posted = await KlimrekApp.PostFormAsync(fresh.Client, "/werkleren/pop?handler=Create",
            new() { ["title"] = "Via de pagina", ["startsOn"] = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["endsOn"] = Today.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var planId = (await JsonAsync(await fresh.Client.GetAsync($"{W}/plans"), HttpStatusCode.OK))[0].GetProperty("id").GetInt32();
        var refused = await KlimrekApp.PostFormAsync(fresh.Client, "/werkleren/pop?handler=Save", new()
        {
            ["planId"] = planId.ToString(CultureInfo.InvariantCulture), ["Version"] = "9", ["title"] = "Anders", ["startsOn"] = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["endsOn"] = Today.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, "/werkleren/pop");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Iemand anders heeft dit intussen gewijzigd", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal("Via de pagina", (await JsonAsync(await fresh.Client.GetAsync($"{W}/plans/{planId}"), HttpStatusCode.OK)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_gap_to_a_target_occupation_offers_the_missing_skills_and_they_go_into_the_plan()
    {
        var me = await app.LoginAsUserAsync(Roles.Deelnemer);
        int plan = await PlanAsync(me.Client);
        var occupation = await Db(db => db.OccupationSkills.GroupBy(o => o.OccupationId).Where(g => g.Count(x => x.IsEssential) >= 3).Select(g => g.Key).FirstAsync());
        await JsonAsync(await me.Client.GetAsync($"{W}/plans/{plan}/gap"), HttpStatusCode.BadRequest);
        await JsonAsync(await me.Client.GetAsync($"{W}/plans/{plan}/gap?occupationId=-5"), HttpStatusCode.BadRequest);
        var gap = await JsonAsync(await me.Client.GetAsync($"{W}/plans/{plan}/gap?occupationId={occupation}"), HttpStatusCode.OK);
        var essential = gap.GetProperty("missingEssential").EnumerateArray().ToList();
        Assert.True(essential.Count >= 3);
        Assert.All(essential, s => Assert.False(s.GetProperty("inPlan").GetBoolean()));
        var essentialIds = await Db(db => db.OccupationSkills.Where(o => o.OccupationId == occupation && o.IsEssential).Select(o => o.SkillId).ToListAsync());
        Assert.All(essential, s => Assert.Contains(s.GetProperty("skillId").GetInt32(), essentialIds));

        int first = essential[0].GetProperty("skillId").GetInt32();
        var added = await JsonAsync(await me.Client.PostAsJsonAsync($"{W}/plans/{plan}/skills", new { skillId = first, targetOccupationId = occupation }), HttpStatusCode.Created);
        int planSkillId = added[0].GetProperty("id").GetInt32();
        await JsonAsync(await me.Client.PostAsJsonAsync($"{W}/plans/{plan}/skills", new { skillId = -1 }), HttpStatusCode.BadRequest);
        await JsonAsync(await me.Client.PostAsJsonAsync($"{W}/plans/{plan}/skills", new { }), HttpStatusCode.BadRequest);
        gap = await JsonAsync(await me.Client.GetAsync($"{W}/plans/{plan}/gap?occupationId={occupation}"), HttpStatusCode.OK);
        Assert.True(gap.GetProperty("missingEssential").EnumerateArray().Single(s => s.GetProperty("skillId").GetInt32() == first).GetProperty("inPlan").GetBoolean());

        // The page offers the same skills as checkboxes and adds the ticked ones.
        var page = await me.Client.GetStringAsync($"/werkleren/pop?plan={plan}&doel={occupation}");
        Assert.Contains($"name=\"skills\" value=\"{essential[1].GetProperty("skillId").GetInt32()}\"", page);
        var posted = await KlimrekApp.PostFormAsync(me.Client, "/werkleren/pop?handler=AddSkills", new()
        {
            ["planId"] = plan.ToString(CultureInfo.InvariantCulture), ["doel"] = occupation.ToString(CultureInfo.InvariantCulture),
            ["skills"] = essential[1].GetProperty("skillId").GetInt32().ToString(CultureInfo.InvariantCulture),
        }, "/werkleren/pop");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var view = await JsonAsync(await me.Client.GetAsync($"{W}/plans/{plan}"), HttpStatusCode.OK);
        Assert.Equal(2, view.GetProperty("skills").GetArrayLength());

        Assert.Equal(HttpStatusCode.NoContent, (await me.Client.DeleteAsync($"{W}/plans/{plan}/skills/{planSkillId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await me.Client.DeleteAsync($"{W}/plans/{plan}/skills/{planSkillId}")).StatusCode);
        Assert.Equal(1, (await JsonAsync(await me.Client.GetAsync($"{W}/plans/{plan}"), HttpStatusCode.OK)).GetProperty("skills").GetArrayLength());
    }

    [Fact]
    public async Task Activities_experiments_and_duo_hours_make_up_the_persons_own_split()
    {
        var me = await app.LoginAsUserAsync(Roles.Deelnemer);
        int plan = await PlanAsync(me.Client);
        var A = $"{W}/plans/{plan}/activities";
        var bad = await JsonAsync(await me.Client.PostAsJsonAsync(A, new { title = "", form = "half", source = "boek", hours = -1 }), HttpStatusCode.BadRequest);
        Assert.Equal(["form", "hours", "source", "title"], Errors(bad));
        var course = await JsonAsync(await me.Client.PostAsJsonAsync(A, new { title = "Training wondzorg", form = "formeel", source = "cursus", date = Today, hours = 8 }), HttpStatusCode.Created);
        await JsonAsync(await me.Client.PostAsJsonAsync(A, new { title = "Meelopen op de IC", form = "non-formeel", source = "anderen", hours = 4.5 }), HttpStatusCode.Created);
        var doing = await JsonAsync(await me.Client.PostAsJsonAsync(A, new { title = "Nieuwe werkwijze uitzoeken", form = "informeel", source = "ervaring" }), HttpStatusCode.Created);
        int courseId = course.GetProperty("id").GetInt32();
        var changed = await JsonAsync(await me.Client.PutAsJsonAsync($"{A}/{courseId}", new { title = "Training wondzorg (2 dagen)", form = "formeel", source = "cursus", hours = 16 }),
            HttpStatusCode.OK);
        Assert.Equal(16, changed.GetProperty("hours").GetDecimal());
        await JsonAsync(await me.Client.PutAsJsonAsync($"{A}/{courseId}", new { title = "x", form = "formeel", source = "niets" }), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, (await me.Client.DeleteAsync($"{A}/{doing.GetProperty("id").GetInt32()}")).StatusCode);

        // Two experiments in the period count as experience; one closed before the period does not.
        await Db(async db =>
        {
            var now = DateTime.UtcNow;
            db.Experiments.AddRange(
                new Experiment { OwnerId = me.Id, Title = "Overdracht aan bed", CreatedAt = now.AddDays(-10), Version = 1, State = ExperimentState.Loopt },
                new Experiment { OwnerId = me.Id, Title = "Samen plannen", CreatedAt = now.AddDays(-2), Version = 1 },
                new Experiment { OwnerId = me.Id, Title = "Lang geleden", CreatedAt = now.AddYears(-2), ClosedAt = now.AddYears(-1), Version = 1, State = ExperimentState.Afgerond });
            return await db.SaveChangesAsync();
        });

        // Duo work in samen leren counts as learning from others.
        var steward = await app.LoginAsUserAsync(Roles.Stuurgroep);
        var partner = await app.LoginAsUserAsync(Roles.Deelnemer);
        var programme = await JsonAsync(await steward.Client.PostAsJsonAsync("/api/v1/programmes", new { name = "Leren op de afdeling", startDate = Today.AddDays(-30), endDate = Today.AddDays(200) }),
            HttpStatusCode.Created);
        string P = $"/api/v1/programmes/{programme.GetProperty("id").GetInt32()}";
        await JsonAsync(await steward.Client.PostAsJsonAsync($"{P}/participants", new { emails = new[] { me.Email, partner.Email } }), HttpStatusCode.OK);
        foreach (var (who, mine, theirs) in new[] { (me, "wondzorg", "planning"), (partner, "planning", "wondzorg") })
            await JsonAsync(await who.Client.PutAsJsonAsync($"{P}/intake", new
            {
                brings = new[] { mine }, develops = new[] { theirs }, qualities = new[] { "geduld" }, affinities = new[] { "zorg" },
                department = who == me ? "Chirurgie" : "Interne", discipline = "verpleegkunde", availability = new[] { "dinsdag-middag" },
            }), HttpStatusCode.OK);
        await JsonAsync(await steward.Client.PostAsync($"{P}/matching", null), HttpStatusCode.OK);
        int duo = (await JsonAsync(await me.Client.GetAsync($"{P}/my-duo"), HttpStatusCode.OK)).GetProperty("id").GetInt32();
        foreach (var who in new[] { me, partner }) await JsonAsync(await who.Client.PostAsJsonAsync($"{P}/duos/{duo}/response", new { accept = true }), HttpStatusCode.OK);
        await JsonAsync(await me.Client.PostAsJsonAsync($"{P}/duos/{duo}/hours", new { date = Today, hours = 3, activity = "Samen de dienst doorgenomen" }), HttpStatusCode.OK);

        var view = await JsonAsync(await me.Client.GetAsync($"{W}/plans/{plan}"), HttpStatusCode.OK);
        Assert.Equal(["Overdracht aan bed", "Samen plannen"], view.GetProperty("experiments").EnumerateArray().Select(e => e.GetProperty("title").GetString()));
        var samen = Assert.Single(view.GetProperty("samenLeren").EnumerateArray());
        Assert.Equal("Leren op de afdeling", samen.GetProperty("programme").GetString());
        Assert.Equal("actief", samen.GetProperty("duoStatus").GetString());
        Assert.Equal(3, samen.GetProperty("hours").GetDecimal());
        var split = view.GetProperty("overview").GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("source").GetString()!);
        Assert.Equal(5, view.GetProperty("overview").GetProperty("total").GetInt32());
        Assert.Equal((0, 2, 0, 2), (split["ervaring"].GetProperty("activities").GetInt32(), split["ervaring"].GetProperty("experiments").GetInt32(), split["ervaring"].GetProperty("duoSessions").GetInt32(), split["ervaring"].GetProperty("count").GetInt32()));
        Assert.Equal((1, 1, 2, 7.5m), (split["anderen"].GetProperty("activities").GetInt32(), split["anderen"].GetProperty("duoSessions").GetInt32(), split["anderen"].GetProperty("count").GetInt32(), split["anderen"].GetProperty("hours").GetDecimal()));
        Assert.Equal((1, 16m), (split["cursus"].GetProperty("count").GetInt32(), split["cursus"].GetProperty("hours").GetDecimal()));
        Assert.Equal(0.4, split["ervaring"].GetProperty("share").GetDouble(), 3);

        // The page shows the split as a chart with a text equivalent, and adds activities through its form.
        var page = WebUtility.HtmlDecode(await me.Client.GetStringAsync($"/werkleren/pop?plan={plan}"));
        Assert.Contains("role=\"img\"", page);
        Assert.Contains("Leren op de afdeling", page);
        Assert.Contains("Overdracht aan bed", page);
        var posted = await KlimrekApp.PostFormAsync(me.Client, "/werkleren/pop?handler=AddActivity", new()
        {
            ["planId"] = plan.ToString(CultureInfo.InvariantCulture), ["title"] = "Boek over feedback", ["form"] = "informeel", ["source"] = "ervaring", ["hours"] = "2,5",
        }, "/werkleren/pop");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var activities = (await JsonAsync(await me.Client.GetAsync($"{W}/plans/{plan}"), HttpStatusCode.OK)).GetProperty("activities").EnumerateArray().ToList();
        Assert.Equal(2.5m, activities.Single(a => a.GetProperty("title").GetString() == "Boek over feedback").GetProperty("hours").GetDecimal());
    }

    [Fact]
    public async Task A_cycle_conversation_is_prepared_from_the_questions_and_what_the_person_brings_and_its_agreements_are_followed_up()
    {
        var me = await app.LoginAsUserAsync(Roles.Deelnemer);
        int plan = await PlanAsync(me.Client);
        var C = $"{W}/plans/{plan}/conversations";
        var bad = await JsonAsync(await me.Client.PostAsJsonAsync(C, new { kind = "sollicitatiegesprek" }), HttpStatusCode.BadRequest);
        Assert.Equal(["date", "kind"], Errors(bad));
        var conversation = await JsonAsync(await me.Client.PostAsJsonAsync(C, new { kind = "ontwikkelingsgesprek", date = Today.AddDays(7) }), HttpStatusCode.Created);
        int cycle = conversation.GetProperty("id").GetInt32();
        var stale = await me.Client.SendAsync(With(HttpMethod.Put, $"{C}/{cycle}", new { kind = "ontwikkelingsgesprek", date = Today, notes = "x" }, "\"5\""));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var saved = await me.Client.SendAsync(With(HttpMethod.Put, $"{C}/{cycle}", new { kind = "ontwikkelingsgesprek", date = Today.AddDays(7), preparation = "Eigen punt" }, "\"1\""));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        // Agreements: added, followed up until done.
        var A = $"{C}/{cycle}/agreements";
        await JsonAsync(await me.Client.PostAsJsonAsync(A, new { text = "" }), HttpStatusCode.BadRequest);
        var first = await JsonAsync(await me.Client.PostAsJsonAsync(A, new { text = "Cursus wondzorg aanvragen", dueOn = Today.AddDays(30) }), HttpStatusCode.Created);
        await JsonAsync(await me.Client.PostAsJsonAsync(A, new { text = "Meelopen bij de wondconsulent" }), HttpStatusCode.Created);
        var pop = WebUtility.HtmlDecode(await me.Client.GetStringAsync($"/werkleren/pop?plan={plan}"));
        Assert.Contains("Cursus wondzorg aanvragen", pop);
        Assert.Contains("Meelopen bij de wondconsulent", pop);
        var done = await JsonAsync(await me.Client.PutAsJsonAsync($"{A}/{first.GetProperty("id").GetInt32()}", new { text = "Cursus wondzorg aanvragen", done = true }), HttpStatusCode.OK);
        Assert.True(done.GetProperty("done").GetBoolean());
        Assert.DoesNotContain("Cursus wondzorg aanvragen", WebUtility.HtmlDecode(await me.Client.GetStringAsync($"/werkleren/pop?plan={plan}")));
        var agreements = (await JsonAsync(await me.Client.GetAsync($"{C}/{cycle}"), HttpStatusCode.OK)).GetProperty("agreements").EnumerateArray().ToList();
        Assert.Equal([false, true], agreements.Select(a => a.GetProperty("done").GetBoolean()));

        // The preparation, on request: the looking-back questions and a theme the person chose to bring.
        int theme = await Db(async db =>
        {
            var t = new WorkTheme { UserId = me.Id, Title = "Rust op de afdeling", CreatedAt = DateTime.UtcNow };
            db.WorkThemes.Add(t);
            await db.SaveChangesAsync();
            return t.Id;
        });
        var page = $"/werkleren/pop/gesprekken/{cycle}";
        Assert.Contains("Rust op de afdeling", WebUtility.HtmlDecode(await me.Client.GetStringAsync(page)));
        var prepared = await KlimrekApp.PostFormAsync(me.Client, $"{page}?handler=Prepare",
            new() { ["Version"] = "2", ["back"] = "true", ["themes"] = theme.ToString(CultureInfo.InvariantCulture) }, page);
        Assert.Equal(HttpStatusCode.Redirect, prepared.StatusCode);
        var preparation = (await JsonAsync(await me.Client.GetAsync($"{C}/{cycle}"), HttpStatusCode.OK)).GetProperty("preparation").GetString()!;
        Assert.StartsWith("Eigen punt", preparation);
        Assert.Contains("Wat hielp je om iets nieuws of anders te gaan doen?", preparation);
        Assert.Contains("Thema: Rust op de afdeling", preparation);
        Assert.DoesNotContain("Welke stap wil je als eerstvolgende zetten", preparation); // looking ahead was not asked for

        // Deleting: the version is required; then the agreements go too.
        await JsonAsync(await me.Client.DeleteAsync($"{C}/{cycle}"), (HttpStatusCode)428);
        Assert.Equal(HttpStatusCode.NoContent, (await me.Client.SendAsync(With(HttpMethod.Delete, $"{C}/{cycle}", null, "\"3\""))).StatusCode);
        Assert.Equal(0, await Db(db => db.CycleAgreements.CountAsync(a => a.CycleConversationId == cycle)));
    }

    [Fact]
    public async Task Only_the_owner_reaches_a_plan_and_a_viewer_sees_each_part_only_while_it_is_shared()
    {
        var me = await app.LoginAsUserAsync(Roles.Deelnemer);
        var manager = await app.LoginAsUserAsync(Roles.Deelnemer);
        var coach = await app.LoginAsUserAsync(Roles.Begeleider);
        int plan = await PlanAsync(me.Client);
        var P = $"{W}/plans/{plan}";
        var cycle = (await JsonAsync(await me.Client.PostAsJsonAsync($"{P}/conversations", new { kind = "beoordelingsgesprek", date = Today, notes = "Goed gesprek" }), HttpStatusCode.Created))
            .GetProperty("id").GetInt32();
        var agreement = (await JsonAsync(await me.Client.PostAsJsonAsync($"{P}/conversations/{cycle}/agreements", new { text = "Afspraak" }), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var activity = (await JsonAsync(await me.Client.PostAsJsonAsync($"{P}/activities", new { title = "Training", form = "formeel", source = "cursus" }), HttpStatusCode.Created))
            .GetProperty("id").GetInt32();
        var skill = await Db(db => db.Skills.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        await JsonAsync(await me.Client.PostAsJsonAsync($"{P}/skills", new { skillId = skill }), HttpStatusCode.Created);
        await Db(async db =>
        {
            db.PersonDrivers.Add(new PersonDriver { UserId = me.Id, Key = "erkenning", Weight = 5, CreatedAt = DateTime.UtcNow });
            db.Experiments.Add(new Experiment { OwnerId = me.Id, Title = "Proef", CreatedAt = DateTime.UtcNow, Version = 1 });
            return await db.SaveChangesAsync();
        });

        // Anyone else: 404 on every route of the plan and its pages, even the named leidinggevende.
        await JsonAsync(await me.Client.PostAsJsonAsync($"{W}/relations", new { email = manager.Email, kind = "leidinggevende" }), HttpStatusCode.Accepted);
        foreach (var other in new[] { manager, coach })
        {
            foreach (var (method, url) in new[]
                     {
                         ("GET", P), ("PUT", P), ("DELETE", P), ("PUT", $"{P}/sharing"), ("GET", $"{P}/gap?occupationId=1"), ("POST", $"{P}/skills"), ("POST", $"{P}/activities"),
                         ("PUT", $"{P}/activities/{activity}"), ("DELETE", $"{P}/activities/{activity}"), ("POST", $"{P}/conversations"), ("GET", $"{P}/conversations/{cycle}"),
                         ("PUT", $"{P}/conversations/{cycle}"), ("DELETE", $"{P}/conversations/{cycle}"), ("POST", $"{P}/conversations/{cycle}/agreements"),
                         ("PUT", $"{P}/conversations/{cycle}/agreements/{agreement}"), ("GET", $"/werkleren/pop?plan={plan}"), ("GET", $"/werkleren/pop/gesprekken/{cycle}"),
                     })
            {
                var r = await other.Client.SendAsync(With(new HttpMethod(method), url, method is "PUT" or "POST" ? new { title = "x", text = "x" } : null, method == "DELETE" ? "\"1\"" : null));
                Assert.True(r.StatusCode == HttpStatusCode.NotFound, $"{method} {url} as another person: {r.StatusCode}");
            }
            Assert.Equal(0, (await JsonAsync(await other.Client.GetAsync($"{W}/plans"), HttpStatusCode.OK)).GetArrayLength());
        }

        // Each part on its own: the leidinggevende sees that part and none of the others.
        var fields = new Dictionary<string, string[]>
        {
            ["ambition"] = ["ambition"], ["themesAndDrivers"] = ["drivers", "themes"], ["experiments"] = ["experiments"], ["skills"] = ["skills"],
            ["activities"] = ["activities", "samenLeren", "overview"], ["conversations"] = ["conversations"],
        };
        foreach (var part in fields.Keys)
        {
            await JsonAsync(await me.Client.PutAsJsonAsync($"{P}/sharing", new { leidinggevende = new[] { part }, begeleider = Array.Empty<string>() }), HttpStatusCode.OK);
            var shared = Assert.Single((await JsonAsync(await manager.Client.GetAsync($"{W}/shared-with-me/{me.Id}"), HttpStatusCode.OK)).GetProperty("plans").EnumerateArray());
            Assert.Equal([part], shared.GetProperty("parts").EnumerateArray().Select(x => x.GetString()));
            foreach (var (key, props) in fields)
                foreach (var prop in props)
                    Assert.True((shared.GetProperty(prop).ValueKind != JsonValueKind.Null) == (key == part), $"sharing {part}: {prop} is {shared.GetProperty(prop).ValueKind}");
        }
        var withNotes = Assert.Single((await JsonAsync(await manager.Client.GetAsync($"{W}/shared-with-me/{me.Id}"), HttpStatusCode.OK)).GetProperty("plans").EnumerateArray());
        Assert.Equal("Goed gesprek", withNotes.GetProperty("conversations")[0].GetProperty("conversation").GetProperty("notes").GetString());
        // Nothing shared: the plan is not there at all.
        var unknown = await JsonAsync(await me.Client.PutAsJsonAsync($"{P}/sharing", new { leidinggevende = new[] { "alles" }, begeleider = Array.Empty<string>() }), HttpStatusCode.BadRequest);
        Assert.Equal(["leidinggevende"], Errors(unknown));
        await JsonAsync(await me.Client.PutAsJsonAsync($"{P}/sharing", new { leidinggevende = Array.Empty<string>(), begeleider = Array.Empty<string>() }), HttpStatusCode.OK);
        Assert.Equal(0, (await JsonAsync(await manager.Client.GetAsync($"{W}/shared-with-me/{me.Id}"), HttpStatusCode.OK)).GetProperty("plans").GetArrayLength());

        // Sharing through the page's checkboxes.
        var posted = await KlimrekApp.PostFormAsync(me.Client, "/werkleren/pop?handler=Share", new()
        {
            ["planId"] = plan.ToString(CultureInfo.InvariantCulture), ["leidinggevende"] = "skills",
            ["Version"] = (await me.Client.GetAsync(P)).Headers.ETag!.Tag.Trim('"'),
        }, "/werkleren/pop");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(["skills"], (await JsonAsync(await me.Client.GetAsync(P), HttpStatusCode.OK)).GetProperty("sharedWithLeidinggevende").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public async Task The_export_holds_the_plans_and_erase_removes_them()
    {
        var me = await app.LoginAsUserAsync(Roles.Deelnemer);
        int plan = await PlanAsync(me.Client, "Export-plan");
        await JsonAsync(await me.Client.PostAsJsonAsync($"{W}/plans/{plan}/activities", new { title = "Intervisie", form = "non-formeel", source = "anderen" }), HttpStatusCode.Created);
        var cycle = (await JsonAsync(await me.Client.PostAsJsonAsync($"{W}/plans/{plan}/conversations", new { kind = "functioneringsgesprek", date = Today }), HttpStatusCode.Created))
            .GetProperty("id").GetInt32();
        await JsonAsync(await me.Client.PostAsJsonAsync($"{W}/plans/{plan}/conversations/{cycle}/agreements", new { text = "Rooster aanpassen" }), HttpStatusCode.Created);

        var r = await me.Client.GetAsync("/api/v1/me/data.zip");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await r.Content.ReadAsByteArrayAsync()));
        using var reader = new StreamReader(zip.GetEntry("werkleren-ontwikkelplan.json")!.Open(), Encoding.UTF8);
        var json = await reader.ReadToEndAsync();
        foreach (var text in new[] { "Export-plan", "Meer zelf regelen", "Intervisie", "functioneringsgesprek", "Rooster aanpassen" }) Assert.Contains(text, json);

        Assert.Equal(HttpStatusCode.NoContent, (await me.Client.PostAsJsonAsync("/api/v1/me/erase", new { password = "correct horse battery" })).StatusCode);
        Assert.Equal(0, await Db(db => db.DevelopmentPlans.CountAsync(p => p.Id == plan)));
        Assert.Equal(0, await Db(db => db.CycleConversations.CountAsync(c => c.Id == cycle)));
        Assert.Equal(0, await Db(db => db.LearningActivities.CountAsync(a => a.PlanId == plan)));
        Assert.Equal(0, await Db(db => db.CycleAgreements.CountAsync(a => a.CycleConversationId == cycle)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CycleTestsSqlite(SqliteApp app) : CycleTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CycleTestsPostgres(PostgresApp app) : CycleTests(app);
