using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Klimrek.Tests;

/// <summary>Samen leren end to end over the API, its bad input and its access rules, on both databases.</summary>
public abstract class SamenLerenTests(KlimrekApp app)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"expected {expected}, got {r.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private sealed record Setup(KlimrekApp.TestUser Steward, int ProgrammeId, KlimrekApp.TestUser[] People, int[] Ids);

    private static object Intake(string[] brings, string[] develops, string dept, string[]? days = null, string[]? affinities = null, string? team = null, int? manager = null) => new
    {
        brings, develops, qualities = new[] { "optimisme" }, affinities = affinities ?? new[] { "onderwijsinnovatie" },
        department = dept, team, discipline = "beleid", managerParticipantId = manager, availability = days ?? new[] { "dinsdag-middag", "donderdag-ochtend" },
    };

    /// <summary>A programme that started ten weeks ago with six participants whose intakes make three obvious duos.</summary>
    private async Task<Setup> SetUpAsync(int people = 6)
    {
        var steward = await app.LoginAsUserAsync(Roles.Stuurgroep);
        var created = await JsonAsync(await steward.Client.PostAsJsonAsync("/api/v1/programmes", new
        {
            name = "Samen leren HBO", description = "Pilot", startDate = Today.AddDays(-70), endDate = Today.AddDays(200),
            hoursPerParticipant = 75, expertBudgetPerDuo = 500m, reflectionCadenceWeeks = 6, intervisionSessionCount = 3, notMetWeeks = 3,
            weights = new { complementarity = 40, qualities = 10, affinity = 20, availability = 20, crossDepartment = 10 },
            avoidSameTeam = false, trioForOdd = true,
        }), HttpStatusCode.Created);
        int id = created.GetProperty("id").GetInt32();
        var users = new List<KlimrekApp.TestUser>();
        for (int i = 0; i < people; i++) users.Add(await app.LoginAsUserAsync(Roles.Deelnemer));
        await JsonAsync(await steward.Client.PostAsJsonAsync($"/api/v1/programmes/{id}/participants", new { emails = users.Select(u => u.Email).ToArray() }), HttpStatusCode.OK);
        var ids = new int[people];
        for (int i = 0; i < people; i++)
            ids[i] = (await JsonAsync(await users[i].Client.GetAsync($"/api/v1/programmes/{id}/intake"), HttpStatusCode.OK)).GetProperty("participantId").GetInt32();
        return new Setup(steward, id, [.. users], ids);
    }

    /// <summary>Pairs (0,1), (2,3), (4,5) complement each other exactly; across pairs nothing is brought that is wanted.</summary>
    private static async Task FillIntakesAsync(Setup s, int count)
    {
        for (int i = 0; i < count; i++)
        {
            int pair = i / 2;
            string mine = $"vaardigheid-{pair}-{i % 2}", theirs = $"vaardigheid-{pair}-{1 - i % 2}";
            await JsonAsync(await s.People[i].Client.PutAsJsonAsync($"/api/v1/programmes/{s.ProgrammeId}/intake",
                Intake([mine], [theirs], i % 2 == 0 ? "Onderwijs" : "Onderzoek")), HttpStatusCode.OK);
        }
    }

    private static async Task<int> DuoOfAsync(Setup s, int person)
    {
        var duo = await JsonAsync(await s.People[person].Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/my-duo"), HttpStatusCode.OK);
        return duo.GetProperty("id").GetInt32();
    }

    private static async Task AcceptAsync(Setup s, int person, int duo) =>
        await JsonAsync(await s.People[person].Client.PostAsJsonAsync($"/api/v1/programmes/{s.ProgrammeId}/duos/{duo}/response", new { accept = true }), HttpStatusCode.OK);

    /// <summary>The messages of a ProblemDetails' <c>errors</c> (field → messages), of one field or of all.</summary>
    private static List<string> Messages(JsonElement problem, string? field = null) =>
        problem.GetProperty("errors").EnumerateObject().Where(f => field is null || f.Name == field)
            .SelectMany(f => f.Value.EnumerateArray()).Select(e => e.GetString()!).ToList();

    [Fact]
    public async Task Creating_a_programme_needs_the_steering_group_role_and_valid_settings()
    {
        var participant = await app.LoginAsync(Roles.Deelnemer);
        var body = new { name = "X", startDate = Today, endDate = Today.AddDays(100) };
        await JsonAsync(await participant.PostAsJsonAsync("/api/v1/programmes", body), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsJsonAsync("/api/v1/programmes", body)).StatusCode);

        var steward = await app.LoginAsync(Roles.Stuurgroep);
        var bad = await JsonAsync(await steward.PostAsJsonAsync("/api/v1/programmes", new { name = " ", startDate = Today, endDate = Today.AddDays(-1), hoursPerParticipant = 0, weights = new { complementarity = 0, qualities = 0, affinity = 0, availability = 0, crossDepartment = 0 } }), HttpStatusCode.BadRequest);
        var errors = Messages(bad);
        Assert.Contains("Geef het programma een naam.", Messages(bad, "name"));
        Assert.Equal("Het programma is niet opgeslagen.", bad.GetProperty("title").GetString());
        Assert.Contains("De einddatum moet na de startdatum liggen.", errors);
        Assert.Contains("Minstens één gewicht moet groter dan 0 zijn.", errors);

        var ok = await JsonAsync(await steward.PostAsJsonAsync("/api/v1/programmes", body), HttpStatusCode.Created);
        // Settings left out take the defaults, the match weights included.
        var settings = ok.GetProperty("settings");
        Assert.Equal(75, settings.GetProperty("hoursPerParticipant").GetInt32());
        Assert.Equal(6, settings.GetProperty("reflectionCadenceWeeks").GetInt32());
        Assert.Equal(3, settings.GetProperty("intervisionSessionCount").GetInt32());
        Assert.Equal(40, settings.GetProperty("weights").GetProperty("complementarity").GetInt32());
        Assert.False(settings.TryGetProperty("reflectionVisibility", out _)); // who reads a reflection is its author's choice now
        Assert.Equal("Intake", ok.GetProperty("status").GetString());
        var list = await JsonAsync(await steward.GetAsync("/api/v1/programmes"), HttpStatusCode.OK);
        Assert.Contains(list.EnumerateArray(), p => p.GetProperty("id").GetInt32() == ok.GetProperty("id").GetInt32());
        // An outsider does not learn that the programme exists; a participant cannot change it.
        var other = await app.LoginAsync(Roles.Stuurgroep);
        await JsonAsync(await other.GetAsync($"/api/v1/programmes/{ok.GetProperty("id").GetInt32()}"), HttpStatusCode.NotFound);
        Assert.DoesNotContain((await JsonAsync(await other.GetAsync("/api/v1/programmes"), HttpStatusCode.OK)).EnumerateArray(), p => p.GetProperty("id").GetInt32() == ok.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task The_settings_form_saves_the_same_settings_the_api_shows()
    {
        var s = await SetUpAsync(2);
        string page = $"/samen-leren/instellingen/{s.ProgrammeId}";
        var posted = await KlimrekApp.PostFormAsync(s.Steward.Client, page, new()
        {
            ["Form.Name"] = "Samen leren HBO, tweede ronde", ["Form.Description"] = "", ["Form.StartDate"] = Today.AddDays(-70).ToString("yyyy-MM-dd"),
            ["Form.EndDate"] = Today.AddDays(210).ToString("yyyy-MM-dd"), ["Form.HoursPerParticipant"] = "80", ["ExpertBudget"] = "750,50",
            ["Form.ReflectionCadenceWeeks"] = "4", ["Form.IntervisionSessionCount"] = "2", ["Form.NotMetWeeks"] = "5",
            ["Form.Weights.Complementarity"] = "50", ["Form.Weights.Qualities"] = "0", ["Form.Weights.Affinity"] = "15", ["Form.Weights.Availability"] = "25",
            ["Form.Weights.CrossDepartment"] = "10", ["Form.AvoidSameTeam"] = "false", ["Form.TrioForOdd"] = "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var settings = (await JsonAsync(await s.Steward.Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}"), HttpStatusCode.OK)).GetProperty("settings");
        Assert.Equal("Samen leren HBO, tweede ronde", settings.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("description").ValueKind);
        Assert.Equal(80, settings.GetProperty("hoursPerParticipant").GetInt32());
        Assert.Equal(750.50m, settings.GetProperty("expertBudgetPerDuo").GetDecimal());
        Assert.Equal((4, 2, 5), (settings.GetProperty("reflectionCadenceWeeks").GetInt32(), settings.GetProperty("intervisionSessionCount").GetInt32(), settings.GetProperty("notMetWeeks").GetInt32()));
        var weights = settings.GetProperty("weights");
        Assert.Equal([50, 0, 15, 25, 10], new[] { "complementarity", "qualities", "affinity", "availability", "crossDepartment" }.Select(w => weights.GetProperty(w).GetInt32()));
        Assert.False(settings.GetProperty("trioForOdd").GetBoolean());
        // The form shows what was saved.
        var form = await s.Steward.Client.GetStringAsync(page);
        Assert.Contains("name=\"Form.Weights.Complementarity\" value=\"50\"", form);
        Assert.Contains("name=\"ExpertBudget\" value=\"750.5", form);
    }

    [Fact]
    public async Task Refusals_and_failures_are_problem_details_never_an_empty_400()
    {
        var s = await SetUpAsync(2);
        static async Task<JsonElement> ProblemAsync(HttpResponseMessage r, HttpStatusCode status)
        {
            var body = await r.Content.ReadAsStringAsync();
            Assert.True(status == r.StatusCode, $"expected {status}, got {r.StatusCode}: {body}");
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            return JsonDocument.Parse(body).RootElement.Clone();
        }
        // Invalid input names the field; an outsider gets 404, a participant doing the steering group's work 403.
        var bad = await ProblemAsync(await s.People[0].Client.PutAsJsonAsync($"/api/v1/programmes/{s.ProgrammeId}/intake", Intake(["x"], ["y"], new string('a', 201))), HttpStatusCode.BadRequest);
        Assert.Equal("De intake is niet opgeslagen.", bad.GetProperty("title").GetString());
        Assert.Contains("Afdeling: hoogstens 200 tekens.", Messages(bad, "department"));
        var outsider = await app.LoginAsync(Roles.Deelnemer);
        await ProblemAsync(await outsider.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/intake"), HttpStatusCode.NotFound);
        await ProblemAsync(await outsider.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/duos/1/hours"), HttpStatusCode.NotFound);
        await ProblemAsync(await s.People[0].Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/dashboard"), HttpStatusCode.Forbidden);

        // The database going away while hours are written: 503 with Retry-After, not an empty 400.
        using (app.Faults.Inject(Faults.Mode.Unreachable))
        {
            var down = await s.People[0].Client.PostAsJsonAsync($"/api/v1/programmes/{s.ProgrammeId}/duos/1/hours", new { date = Today, hours = 2, activity = "x" });
            await ProblemAsync(down, HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(down.Headers.RetryAfter);
        }

        // Parallel saves of one intake: each is saved whole or refused as a conflict, never a 400 or 500.
        var saves = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            s.People[1].Client.PutAsJsonAsync($"/api/v1/programmes/{s.ProgrammeId}/intake", Intake(["didactiek", "term " + i], ["data-analyse"], "Onderwijs"))));
        Assert.Contains(saves, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var r in saves.Where(r => r.StatusCode != HttpStatusCode.OK))
            await ProblemAsync(r, HttpStatusCode.Conflict);
        var intake = await JsonAsync(await s.People[1].Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/intake"), HttpStatusCode.OK);
        Assert.Equal(2, intake.GetProperty("brings").GetArrayLength());
    }

    [Fact]
    public async Task Enrolment_invites_unknown_addresses_without_holding_up_the_rest_and_intakes_reject_bad_input_without_saving()
    {
        var s = await SetUpAsync(2);
        var before = (await JsonAsync(await s.Steward.Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/participants"), HttpStatusCode.OK)).GetArrayLength();
        var newcomer = await app.LoginAsUserAsync(Roles.Deelnemer);
        var nobody = $"niemand{Guid.NewGuid():N}@example.org";
        var handled = await JsonAsync(await s.Steward.Client.PostAsJsonAsync($"/api/v1/programmes/{s.ProgrammeId}/participants",
            new { emails = new[] { newcomer.Email, nobody } }), HttpStatusCode.OK);
        Assert.Equal(2, handled.GetProperty("count").GetInt32());
        Assert.Equal(before + 1, (await JsonAsync(await s.Steward.Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/participants"), HttpStatusCode.OK)).GetArrayLength());
        var invited = await JsonAsync(await s.Steward.Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/invitations"), HttpStatusCode.OK);
        Assert.Equal([nobody], invited.EnumerateArray().Select(i => i.GetProperty("email").GetString()!).ToArray());
        // Not an e-mail address at all: named by its number, and the good address still goes out; only bad ones: refused, nothing done.
        var partly = await JsonAsync(await s.Steward.Client.PostAsJsonAsync($"/api/v1/programmes/{s.ProgrammeId}/participants",
            new { emails = new[] { $"ander{Guid.NewGuid():N}@example.org", "geen adres" } }), HttpStatusCode.OK);
        Assert.Equal(1, partly.GetProperty("count").GetInt32());
        Assert.Contains("geen adres", partly.GetProperty("rejected")[0].GetProperty("message").GetString());
        var refused = await JsonAsync(await s.Steward.Client.PostAsJsonAsync($"/api/v1/programmes/{s.ProgrammeId}/participants",
            new { emails = new[] { "geen adres" } }), HttpStatusCode.BadRequest);
        Assert.Contains(Messages(refused, "emails"), e => e.Contains("geen adres"));
        Assert.Equal(2, (await JsonAsync(await s.Steward.Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/invitations"), HttpStatusCode.OK)).GetArrayLength());
        // A participant may not enrol others or read the participant list.
        await JsonAsync(await s.People[0].Client.PostAsJsonAsync($"/api/v1/programmes/{s.ProgrammeId}/participants", new { emails = new[] { newcomer.Email } }), HttpStatusCode.Forbidden);
        await JsonAsync(await s.People[0].Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/participants"), HttpStatusCode.Forbidden);

        var bad = await JsonAsync(await s.People[0].Client.PutAsJsonAsync($"/api/v1/programmes/{s.ProgrammeId}/intake", new
        {
            brings = new[] { new string('x', 200) }, develops = new[] { "http://data.europa.eu/esco/skill/bestaat-niet" },
            department = "ICT", availability = new[] { "zondag-avond" }, managerParticipantId = s.Ids[0],
        }), HttpStatusCode.BadRequest);
        Assert.Contains(Messages(bad, "brings"), e => e.Contains("te lang"));
        Assert.Contains(Messages(bad, "develops"), e => e.Contains("onbekende ESCO-vaardigheid"));
        Assert.Contains(Messages(bad, "availability"), e => e.Contains("zondag-avond"));
        Assert.Contains("Je kunt niet je eigen leidinggevende zijn.", Messages(bad, "managerParticipantId"));
        var intake = await JsonAsync(await s.People[0].Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/intake"), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, intake.GetProperty("completedAt").ValueKind);
        Assert.Empty(intake.GetProperty("brings").EnumerateArray());

        // An ESCO skill by URI is kept as the skill; the same word typed twice is one term.
        var skillUri = await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().Skills.OrderBy(x => x.Id).Select(x => x.Uri).FirstAsync());
        var saved = await JsonAsync(await s.People[0].Client.PutAsJsonAsync($"/api/v1/programmes/{s.ProgrammeId}/intake",
            Intake([skillUri, "Didactiek", " didactiek "], ["Data-analyse"], "ICT")), HttpStatusCode.OK);
        var brings = saved.GetProperty("brings").EnumerateArray().ToList();
        Assert.Equal(2, brings.Count);
        Assert.Contains(brings, b => b.GetProperty("escoUri").GetString() == skillUri);
        Assert.Contains(brings, b => b.GetProperty("label").GetString() == "Didactiek" && b.GetProperty("escoUri").ValueKind == JsonValueKind.Null);
        Assert.Empty(saved.GetProperty("missing").EnumerateArray());
    }

    [Fact]
    public async Task Matching_forms_the_optimal_explained_duos_lists_incomplete_intakes_and_names_contradicting_rules()
    {
        var s = await SetUpAsync(7);
        await FillIntakesAsync(s, 6); // the seventh never fills the intake
        var run = await JsonAsync(await s.Steward.Client.PostAsync($"/api/v1/programmes/{s.ProgrammeId}/matching", null), HttpStatusCode.OK);
        Assert.Equal(6, run.GetProperty("participants").GetInt32());
        Assert.Equal(3, run.GetProperty("groups").GetInt32());
        var notMatchable = run.GetProperty("notMatchable").EnumerateArray().Single();
        Assert.Equal(s.Ids[6], notMatchable.GetProperty("participantId").GetInt32());
        Assert.Contains("intake nog niet ingevuld", notMatchable.GetProperty("missing").EnumerateArray().Select(x => x.GetString()));

        var duos = await JsonAsync(await s.Steward.Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/duos"), HttpStatusCode.OK);
        var pairs = duos.EnumerateArray().Select(d => d.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("participantId").GetInt32()).Order().ToArray()).ToList();
        for (int p = 0; p < 3; p++) Assert.Contains(pairs, x => x.SequenceEqual(new[] { s.Ids[2 * p], s.Ids[2 * p + 1] }.Order()));

        // The participant sees why: what each brings that the other wants, shared time, the other department.
        var mine = await JsonAsync(await s.People[0].Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/my-duo"), HttpStatusCode.OK);
        var why = mine.GetProperty("explanation")[0];
        Assert.Equal(1.0, why.GetProperty("complementarity").GetDouble());
        Assert.Contains("vaardigheid-0-0", why.GetProperty("aBrings").EnumerateArray().Concat(why.GetProperty("bBrings").EnumerateArray()).Select(x => x.GetString()));
        Assert.Equal(1.0, why.GetProperty("crossDepartment").GetDouble());
        Assert.Contains("dinsdag-middag", why.GetProperty("sharedSlots").EnumerateArray().Select(x => x.GetString()));
        // The duo page says the same in words, in the reader's language.
        int myDuo = mine.GetProperty("id").GetInt32();
        var duoPage = WebUtility.HtmlDecode(await s.People[0].Client.GetStringAsync($"/samen-leren/{s.ProgrammeId}/duo/{myDuo}?culture=en"));
        Assert.Contains("Tuesday afternoon", duoPage);
        Assert.Contains("dinsdagmiddag", WebUtility.HtmlDecode(await s.People[0].Client.GetStringAsync($"/samen-leren/{s.ProgrammeId}/duo/{myDuo}?culture=nl")));
        // ... and not someone else's duo.
        var otherDuo = duos.EnumerateArray().First(d => d.GetProperty("members").EnumerateArray().All(m => m.GetProperty("participantId").GetInt32() != s.Ids[0])).GetProperty("id").GetInt32();
        await JsonAsync(await s.People[0].Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/duos/{otherDuo}"), HttpStatusCode.NotFound);
        await JsonAsync(await s.People[0].Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/duos"), HttpStatusCode.Forbidden);
        await JsonAsync(await s.People[0].Client.PostAsync($"/api/v1/programmes/{s.ProgrammeId}/matching", null), HttpStatusCode.Forbidden);

        // Forbid (0,1) and fix (0,2): the optimum changes accordingly.
        await JsonAsync(await s.Steward.Client.PostAsJsonAsync($"/api/v1/programmes/{s.ProgrammeId}/rules", new { a = s.Ids[0], b = s.Ids[1], kind = "forbidden" }), HttpStatusCode.OK);
        await JsonAsync(await s.Steward.Client.PostAsJsonAsync($"/api/v1/programmes/{s.ProgrammeId}/rules", new { a = s.Ids[0], b = s.Ids[2], kind = "fixed" }), HttpStatusCode.OK);
        await JsonAsync(await s.Steward.Client.PostAsync($"/api/v1/programmes/{s.ProgrammeId}/matching", null), HttpStatusCode.OK);
        duos = await JsonAsync(await s.Steward.Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/duos"), HttpStatusCode.OK);
        pairs = duos.EnumerateArray().Select(d => d.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("participantId").GetInt32()).Order().ToArray()).ToList();
        Assert.Contains(pairs, x => x.SequenceEqual(new[] { s.Ids[0], s.Ids[2] }.Order()));
        Assert.DoesNotContain(pairs, x => x.Contains(s.Ids[0]) && x.Contains(s.Ids[1]));
        Assert.True(duos.EnumerateArray().Single(d => d.GetProperty("members").EnumerateArray().Any(m => m.GetProperty("participantId").GetInt32() == s.Ids[0])).GetProperty("fixed").GetBoolean());

        // Contradiction: fix a pair that is also forbidden → 409 naming both, and the earlier duos stay.
        await JsonAsync(await s.Steward.Client.PostAsJsonAsync($"/api/v1/programmes/{s.ProgrammeId}/rules", new { a = s.Ids[3], b = s.Ids[4], kind = "fixed" }), HttpStatusCode.OK);
        await JsonAsync(await s.Steward.Client.PostAsJsonAsync($"/api/v1/programmes/{s.ProgrammeId}/rules", new { a = s.Ids[4], b = s.Ids[5], kind = "fixed" }), HttpStatusCode.OK);
        var conflict = await JsonAsync(await s.Steward.Client.PostAsync($"/api/v1/programmes/{s.ProgrammeId}/matching", null), HttpStatusCode.Conflict);
        var message = Assert.Single(Messages(conflict));
        Assert.Contains("ook met iemand anders vastgezet", message);
        Assert.Equal(3, (await JsonAsync(await s.Steward.Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/duos"), HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task An_esco_skill_one_step_from_what_the_partner_wants_counts_half_and_is_explained()
    {
        // A real pair from the shipped ESCO hierarchy: a skill and its broader skill (both real skills, not groups).
        await app.WithScopeAsync(sp => sp.GetRequiredService<Klimrek.Features.Career.TransitionCache>().GetAsync()); // the import is done
        var (narrow, broad, broadLabel) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            var pair = await db.SkillBroaders.AsNoTracking()
                .Where(b => db.Skills.Any(x => x.Id == b.SkillId && x.ConceptType == SkillConceptType.Skill)
                         && db.Skills.Any(x => x.Id == b.BroaderSkillId && x.ConceptType == SkillConceptType.Skill)
                         && db.SkillTexts.Any(t => t.SkillId == b.BroaderSkillId && t.Language == "nl"))
                .OrderBy(b => b.SkillId).ThenBy(b => b.BroaderSkillId).FirstAsync();
            var uris = await db.Skills.AsNoTracking().Where(x => x.Id == pair.SkillId || x.Id == pair.BroaderSkillId).ToDictionaryAsync(x => x.Id, x => x.Uri);
            var label = await db.SkillTexts.AsNoTracking().Where(t => t.SkillId == pair.BroaderSkillId && t.Language == "nl").Select(t => t.PreferredLabel).FirstAsync();
            return (uris[pair.SkillId], uris[pair.BroaderSkillId], label);
        });
        var s = await SetUpAsync(2);
        await JsonAsync(await s.People[0].Client.PutAsJsonAsync($"/api/v1/programmes/{s.ProgrammeId}/intake", Intake([narrow], ["roosteren"], "Onderwijs")), HttpStatusCode.OK);
        await JsonAsync(await s.People[1].Client.PutAsJsonAsync($"/api/v1/programmes/{s.ProgrammeId}/intake", Intake(["roosteren"], [broad], "Zorg")), HttpStatusCode.OK);
        await JsonAsync(await s.Steward.Client.PostAsync($"/api/v1/programmes/{s.ProgrammeId}/matching", null), HttpStatusCode.OK);
        var duo = await JsonAsync(await s.People[0].Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/my-duo"), HttpStatusCode.OK);
        var why = duo.GetProperty("explanation")[0];
        bool zeroIsA = why.GetProperty("a").GetInt32() == s.Ids[0];
        var near = why.GetProperty(zeroIsA ? "aNear" : "bNear").EnumerateArray().Select(x => x.GetString()).ToList();
        Assert.Equal([broadLabel], near);
        Assert.Empty(why.GetProperty(zeroIsA ? "aBrings" : "bBrings").EnumerateArray());
        Assert.Equal(0.5, why.GetProperty(zeroIsA ? "aToB" : "bToA").GetDouble(), 9); // half of the one skill wanted
        Assert.Equal(1.0, why.GetProperty(zeroIsA ? "bToA" : "aToB").GetDouble(), 9);
        var page = WebUtility.HtmlDecode(await s.People[1].Client.GetStringAsync($"/samen-leren/{s.ProgrammeId}/duo/{duo.GetProperty("id").GetInt32()}?culture=en"));
        Assert.Contains("brings something close to what", page);
        Assert.Contains(broadLabel, page);
    }

    [Fact]
    public async Task Never_with_ones_own_manager_and_an_odd_person_joins_a_trio()
    {
        var s = await SetUpAsync(5);
        for (int i = 0; i < 5; i++)
            await JsonAsync(await s.People[i].Client.PutAsJsonAsync($"/api/v1/programmes/{s.ProgrammeId}/intake",
                Intake([$"t{i}"], [$"t{(i + 1) % 5}"], "Afdeling " + i, manager: i == 1 ? s.Ids[0] : null)), HttpStatusCode.OK);
        await JsonAsync(await s.Steward.Client.PostAsync($"/api/v1/programmes/{s.ProgrammeId}/matching", null), HttpStatusCode.OK);
        var duos = await JsonAsync(await s.Steward.Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/duos"), HttpStatusCode.OK);
        var groups = duos.EnumerateArray().Select(d => d.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("participantId").GetInt32()).ToArray()).ToList();
        Assert.Equal(5, groups.Sum(g => g.Length));
        Assert.Single(groups, g => g.Length == 3);
        Assert.DoesNotContain(groups, g => g.Contains(s.Ids[0]) && g.Contains(s.Ids[1]));

        // Without trios, the one left over is named with the reason.
        var prog = (await JsonAsync(await s.Steward.Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}"), HttpStatusCode.OK)).GetProperty("settings");
        await JsonAsync(await s.Steward.Client.PutAsJsonAsync($"/api/v1/programmes/{s.ProgrammeId}", new
        {
            name = prog.GetProperty("name").GetString(), startDate = prog.GetProperty("startDate").GetString(), endDate = prog.GetProperty("endDate").GetString(),
            trioForOdd = false,
        }), HttpStatusCode.OK);
        var run = await JsonAsync(await s.Steward.Client.PostAsync($"/api/v1/programmes/{s.ProgrammeId}/matching", null), HttpStatusCode.OK);
        Assert.Equal(1, run.GetProperty("unmatched").GetInt32());
        var people = await JsonAsync(await s.Steward.Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/participants"), HttpStatusCode.OK);
        Assert.Single(people.EnumerateArray(), p => p.GetProperty("unmatchedReason").GetString() == "OddNumber|3" || p.GetProperty("unmatchedReason").GetString()?.StartsWith("OddNumber", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_duo_accepts_plans_meets_logs_hours_and_spending_and_reflects_and_the_steering_group_monitors()
    {
        var s = await SetUpAsync(4);
        await FillIntakesAsync(s, 4);
        await JsonAsync(await s.Steward.Client.PostAsync($"/api/v1/programmes/{s.ProgrammeId}/matching", null), HttpStatusCode.OK);
        int duo = await DuoOfAsync(s, 0), other = await DuoOfAsync(s, 2);
        string d = $"/api/v1/programmes/{s.ProgrammeId}/duos/{duo}";

        // Acceptance: a change request needs a reason; the duo is active when both accept.
        await JsonAsync(await s.People[1].Client.PostAsJsonAsync($"{d}/response", new { accept = false }), HttpStatusCode.BadRequest);
        await JsonAsync(await s.People[0].Client.PutAsJsonAsync($"{d}/plan", new { topic = "x", submit = true }), HttpStatusCode.BadRequest); // not active yet
        await AcceptAsync(s, 0, duo);
        await AcceptAsync(s, 1, duo);
        Assert.Equal("Active", (await JsonAsync(await s.People[0].Client.GetAsync(d), HttpStatusCode.OK)).GetProperty("status").GetString());
        await AcceptedOnAsync(duo, Today.AddDays(-70)); // this duo has worked together since the programme's start

        // Plan: incomplete submission refused; returned needs a comment; then approved.
        var bad = await JsonAsync(await s.People[0].Client.PutAsJsonAsync($"{d}/plan", new { topic = "Feedback in de klas", submit = true }), HttpStatusCode.BadRequest);
        Assert.Contains("Doel is nodig om het plan in te dienen.", Messages(bad, "goal"));
        var plan = new { topic = "Feedback in de klas", goal = "Samen een feedbackmethode ontwikkelen", product = "Handreiking", meetingMoments = "Om de week op dinsdagmiddag", submit = true };
        Assert.Equal("Submitted", (await JsonAsync(await s.People[0].Client.PutAsJsonAsync($"{d}/plan", plan), HttpStatusCode.OK)).GetProperty("status").GetString());
        await JsonAsync(await s.People[1].Client.PostAsJsonAsync($"{d}/plan/review", new { approve = true }), HttpStatusCode.Forbidden);
        await JsonAsync(await s.Steward.Client.PostAsJsonAsync($"{d}/plan/review", new { approve = false }), HttpStatusCode.BadRequest);
        Assert.Equal("Returned", (await JsonAsync(await s.Steward.Client.PostAsJsonAsync($"{d}/plan/review", new { approve = false, comment = "Maak het product concreter." }), HttpStatusCode.OK)).GetProperty("status").GetString());
        await JsonAsync(await s.People[1].Client.PutAsJsonAsync($"{d}/plan", plan with { product = "Handreiking met vijf werkvormen" }), HttpStatusCode.OK);
        Assert.Equal("Approved", (await JsonAsync(await s.Steward.Client.PostAsJsonAsync($"{d}/plan/review", new { approve = true }), HttpStatusCode.OK)).GetProperty("status").GetString());

        // Meetings: every two weeks from nine weeks ago; the last one held was five weeks ago → the "not met" signal (3 weeks).
        var meetings = await JsonAsync(await s.People[0].Client.PostAsJsonAsync($"{d}/meetings", new { firstDate = Today.AddDays(-63), time = "14:00", durationMinutes = 90, everyWeeks = 2, count = 3, location = "Lokaal 2.14; gebouw B" }), HttpStatusCode.OK);
        Assert.Equal(3, meetings.GetArrayLength());
        await JsonAsync(await s.People[0].Client.PostAsJsonAsync($"{d}/meetings", new { firstDate = Today, time = "25:00", durationMinutes = 5, everyWeeks = 0, count = 0 }), HttpStatusCode.BadRequest);
        var dash = await JsonAsync(await s.Steward.Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/dashboard"), HttpStatusCode.OK);
        var row = dash.EnumerateArray().Single(r => r.GetProperty("duoId").GetInt32() == duo);
        Assert.True(row.GetProperty("notMetSignal").GetBoolean());
        Assert.Equal(5, row.GetProperty("weeksSinceMet").GetInt32());
        Assert.Equal("Approved", row.GetProperty("plan").GetString());
        // Reschedule the last one to two days ago: the signal clears; its calendar entry gets a new sequence.
        int last = meetings[2].GetProperty("id").GetInt32();
        await JsonAsync(await s.People[1].Client.PatchAsJsonAsync($"{d}/meetings/{last}", new { date = Today.AddDays(-2), time = "10:30" }), HttpStatusCode.OK);
        row = (await JsonAsync(await s.Steward.Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/dashboard"), HttpStatusCode.OK)).EnumerateArray().Single(r => r.GetProperty("duoId").GetInt32() == duo);
        Assert.False(row.GetProperty("notMetSignal").GetBoolean());
        // After a meeting a member says whether it took place; one that did not is not a meeting: the signal returns.
        string held = $"{d}/meetings/{last}/held";
        await JsonAsync(await s.Steward.Client.PostAsJsonAsync(held, new { held = false }), HttpStatusCode.Forbidden);
        await JsonAsync(await s.People[2].Client.PostAsJsonAsync(held, new { held = false }), HttpStatusCode.NotFound);
        var future = (await JsonAsync(await s.People[0].Client.PostAsJsonAsync($"{d}/meetings", new { firstDate = Today.AddDays(7), time = "09:00", durationMinutes = 60, everyWeeks = 1, count = 1 }), HttpStatusCode.OK))[0].GetProperty("id").GetInt32();
        await JsonAsync(await s.People[0].Client.PostAsJsonAsync($"{d}/meetings/{future}/held", new { held = true }), HttpStatusCode.BadRequest);
        Assert.False((await JsonAsync(await s.People[0].Client.PostAsJsonAsync(held, new { held = false }), HttpStatusCode.OK)).GetProperty("held").GetBoolean());
        row = (await JsonAsync(await s.Steward.Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/dashboard"), HttpStatusCode.OK)).EnumerateArray().Single(r => r.GetProperty("duoId").GetInt32() == duo);
        Assert.True(row.GetProperty("notMetSignal").GetBoolean());
        Assert.Equal(7, row.GetProperty("weeksSinceMet").GetInt32());
        // The same on the duo page: the member reports it there; the page shows what was reported.
        string duoPage = $"/samen-leren/{s.ProgrammeId}/duo/{duo}/afspraken";
        Assert.Contains("nog niet doorgegeven", await s.People[1].Client.GetStringAsync(duoPage)); // the first two meetings
        var posted = await KlimrekApp.PostFormAsync(s.People[1].Client, duoPage + "?handler=Held", new() { ["meetingId"] = last.ToString(), ["held"] = "true" }, duoPage);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var meetingsNow = (await JsonAsync(await s.People[0].Client.GetAsync(d), HttpStatusCode.OK)).GetProperty("meetings");
        Assert.True(meetingsNow.EnumerateArray().Single(m => m.GetProperty("id").GetInt32() == last).GetProperty("held").GetBoolean());
        Assert.Contains("Genoteerd: de afspraak is doorgegaan.", await s.People[1].Client.GetStringAsync(posted.Headers.Location!.ToString()));
        row = (await JsonAsync(await s.Steward.Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/dashboard"), HttpStatusCode.OK)).EnumerateArray().Single(r => r.GetProperty("duoId").GetInt32() == duo);
        Assert.False(row.GetProperty("notMetSignal").GetBoolean());
        var ics = await s.People[0].Client.GetStringAsync($"{d}/calendar.ics");
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics);
        Assert.Equal(4, ics.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains("SEQUENCE:1", ics);
        Assert.Equal(4, ics.Split("\r\nUID:").Length - 1);
        Assert.Contains("LOCATION:Lokaal 2.14\\; gebouw B", ics);
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75));
        var personal = await s.People[1].Client.GetStringAsync("/api/v1/me/calendar.ics");
        Assert.Equal(4, personal.Split("BEGIN:VEVENT").Length - 1);
        Assert.Equal(0, (await s.People[2].Client.GetStringAsync("/api/v1/me/calendar.ics")).Split("BEGIN:VEVENT").Length - 1);

        // Hours and expert spending: accepted over budget, with warnings; bad entries refused.
        await JsonAsync(await s.People[0].Client.PostAsJsonAsync($"{d}/hours", new { date = Today.AddDays(3), hours = 2, activity = "x" }), HttpStatusCode.BadRequest);
        await JsonAsync(await s.People[0].Client.PostAsJsonAsync($"{d}/hours", new { date = Today, hours = 0, activity = "" }), HttpStatusCode.BadRequest);
        await JsonAsync(await s.People[0].Client.PostAsJsonAsync($"{d}/hours", new { date = Today.AddDays(-1), hours = 20, activity = "Literatuur" }), HttpStatusCode.OK);
        await JsonAsync(await s.People[0].Client.PostAsJsonAsync($"{d}/hours", new { date = Today.AddDays(-2), hours = 24, activity = "Werkvormen" }), HttpStatusCode.OK);
        await JsonAsync(await s.People[0].Client.PostAsJsonAsync($"{d}/hours", new { date = Today.AddDays(-3), hours = 24, activity = "Werkvormen" }), HttpStatusCode.OK);
        var hours = await JsonAsync(await s.People[0].Client.PostAsJsonAsync($"{d}/hours", new { date = Today, hours = 12, activity = "Ontwikkelen" }), HttpStatusCode.OK);
        Assert.Equal(80m, hours.GetProperty("used").GetDecimal());
        Assert.Contains(hours.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("Meer uren"));
        var partnerHours = await JsonAsync(await s.People[1].Client.GetAsync($"{d}/hours"), HttpStatusCode.OK);
        Assert.Equal(0m, partnerHours.GetProperty("used").GetDecimal()); // the budget is per person
        await JsonAsync(await s.People[1].Client.PostAsJsonAsync($"{d}/expenses", new { date = Today, amount = 300m, description = "Gastles door een expert" }), HttpStatusCode.OK);
        var spent = await JsonAsync(await s.People[0].Client.PostAsJsonAsync($"{d}/expenses", new { date = Today, amount = 250.50m, description = "Workshop" }), HttpStatusCode.OK);
        Assert.Equal(550.50m, spent.GetProperty("used").GetDecimal());
        Assert.Contains(spent.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("overschreden"));
        await JsonAsync(await s.People[2].Client.PostAsJsonAsync($"{d}/expenses", new { date = Today, amount = 1m, description = "x" }), HttpStatusCode.NotFound);

        // Reflections: one per person per period; the other duo never reads them.
        var reflection = new { period = 1, wentWell = "We vullen elkaar goed aan.", buildOn = "Vaste momenten houden.", difficult = "Roosters.", nextStep = "Eerste werkvorm testen.", tags = new[] { "gelijkwaardigheid", "te-weinig-tijd" } };
        await JsonAsync(await s.People[0].Client.PostAsJsonAsync($"{d}/reflections", reflection), HttpStatusCode.Created);
        await JsonAsync(await s.People[0].Client.PostAsJsonAsync($"{d}/reflections", reflection), HttpStatusCode.BadRequest);
        await JsonAsync(await s.People[1].Client.PostAsJsonAsync($"{d}/reflections", reflection with { tags = new[] { "onzin" } }), HttpStatusCode.BadRequest);
        await JsonAsync(await s.People[2].Client.GetAsync($"{d}/reflections"), HttpStatusCode.NotFound);
        await JsonAsync(await s.People[2].Client.PostAsJsonAsync($"{d}/reflections", reflection), HttpStatusCode.NotFound);
        var partner = await JsonAsync(await s.People[1].Client.GetAsync($"{d}/reflections"), HttpStatusCode.OK);
        Assert.Equal("We vullen elkaar goed aan.", partner[0].GetProperty("wentWell").GetString());
        var steward = await JsonAsync(await s.Steward.Client.GetAsync($"{d}/reflections"), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, steward[0].GetProperty("wentWell").ValueKind); // private until its author shares it

        // Overdue: period 1 was due four weeks ago; person 1 has not written it, person 0 has.
        var overdue = await JsonAsync(await s.Steward.Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/reflections/overdue"), HttpStatusCode.OK);
        Assert.Contains(overdue.EnumerateArray(), o => o.GetProperty("participantId").GetInt32() == s.Ids[1] && o.GetProperty("period").GetInt32() == 1);
        Assert.DoesNotContain(overdue.EnumerateArray(), o => o.GetProperty("participantId").GetInt32() == s.Ids[0]);
        await JsonAsync(await s.People[0].Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/reflections/overdue"), HttpStatusCode.Forbidden);
        await JsonAsync(await s.People[0].Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/dashboard"), HttpStatusCode.Forbidden);

        // Warnings: Dutch sentences in the API; on the monitor page in the reader's language, with the person they concern.
        row = (await JsonAsync(await s.Steward.Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/dashboard"), HttpStatusCode.OK)).EnumerateArray().Single(r => r.GetProperty("duoId").GetInt32() == duo);
        var rowWarnings = row.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains("1 reflectie(s) te laat.", rowWarnings);
        Assert.Contains(rowWarnings, w => w.EndsWith(": Meer uren besteed dan er per deelnemer beschikbaar zijn.", StringComparison.Ordinal));
        string monitor = $"/samen-leren/{s.ProgrammeId}/monitor";
        var dutch = WebUtility.HtmlDecode(await s.Steward.Client.GetStringAsync(monitor + "?culture=nl"));
        Assert.Contains("1 reflectie(s) te laat.", dutch);
        var english = WebUtility.HtmlDecode(await s.Steward.Client.GetStringAsync(monitor + "?culture=en"));
        Assert.Contains("1 reflection(s) overdue.", english);
        Assert.Contains(": More hours used than are available per participant.", english);
        Assert.Contains("The budget for external expertise has been exceeded.", english);
        Assert.DoesNotContain("te laat.", english);
        Assert.DoesNotContain("Meer uren", english);
        _ = other;
    }

    [Fact]
    public async Task A_reflection_is_the_duos_until_its_author_shares_it_and_a_change_request_reason_is_not_for_the_partner()
    {
        var s = await SetUpAsync(2);
        await FillIntakesAsync(s, 2);
        await JsonAsync(await s.Steward.Client.PostAsync($"/api/v1/programmes/{s.ProgrammeId}/matching", null), HttpStatusCode.OK);
        int duo = await DuoOfAsync(s, 0);
        string d = $"/api/v1/programmes/{s.ProgrammeId}/duos/{duo}";
        // Person 1 asks for another duo with a reason: the steering group reads it, the partner does not.
        await JsonAsync(await s.People[1].Client.PostAsJsonAsync($"{d}/response", new { accept = false, note = "Botst met mijn leidinggevende" }), HttpStatusCode.OK);
        var partnerView = await JsonAsync(await s.People[0].Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/my-duo"), HttpStatusCode.OK);
        Assert.All(partnerView.GetProperty("members").EnumerateArray(), m => Assert.Equal(JsonValueKind.Null, m.GetProperty("note").ValueKind));
        Assert.DoesNotContain("Botst met", await s.People[0].Client.GetStringAsync($"/samen-leren/{s.ProgrammeId}/duo/{duo}"));
        Assert.Contains("Botst met", await s.People[1].Client.GetStringAsync(d));
        var stewardView = await JsonAsync(await s.Steward.Client.GetAsync(d), HttpStatusCode.OK);
        Assert.Contains(stewardView.GetProperty("members").EnumerateArray(), m => m.GetProperty("note").GetString() == "Botst met mijn leidinggevende");
        Assert.Contains("Botst met", await s.Steward.Client.GetStringAsync($"/samen-leren/{s.ProgrammeId}/duo/{duo}"));

        await AcceptAsync(s, 0, duo);
        await AcceptAsync(s, 1, duo);
        await JsonAsync(await s.People[0].Client.PostAsJsonAsync($"{d}/reflections", new { period = 1, wentWell = "Vertrouwelijk", buildOn = "b", nextStep = "c", tags = new[] { "intervisie" } }), HttpStatusCode.Created);
        var steward = await JsonAsync(await s.Steward.Client.GetAsync($"{d}/reflections"), HttpStatusCode.OK);
        Assert.False(steward[0].GetProperty("textVisible").GetBoolean());
        Assert.Equal(JsonValueKind.Null, steward[0].GetProperty("wentWell").ValueKind);
        Assert.Empty(steward[0].GetProperty("tags").EnumerateArray()); // the factors are part of what was written
        Assert.DoesNotContain("Vertrouwelijk", await s.Steward.Client.GetStringAsync($"{d}/reflections"));
        Assert.Equal("Vertrouwelijk", (await JsonAsync(await s.People[1].Client.GetAsync($"{d}/reflections"), HttpStatusCode.OK))[0].GetProperty("wentWell").GetString());
        Assert.DoesNotContain("Vertrouwelijk", await s.Steward.Client.GetStringAsync($"/samen-leren/{s.ProgrammeId}/duo/{duo}/reflecties"));
        Assert.Contains("Vertrouwelijk", await s.People[1].Client.GetStringAsync($"/samen-leren/{s.ProgrammeId}/duo/{duo}/reflecties"));

        // Only the author shares; then the steering group reads it, on the page too; withdrawing hides it again.
        int rid = steward[0].GetProperty("id").GetInt32();
        await JsonAsync(await s.People[1].Client.PutAsJsonAsync($"{d}/reflections/{rid}/sharing", new { shared = true }), HttpStatusCode.Forbidden);
        await JsonAsync(await s.Steward.Client.PutAsJsonAsync($"{d}/reflections/{rid}/sharing", new { shared = true }), HttpStatusCode.Forbidden);
        var shared = await KlimrekApp.PostFormAsync(s.People[0].Client, $"/samen-leren/{s.ProgrammeId}/duo/{duo}/reflecties?handler=Share", new() { ["reflectionId"] = rid.ToString(), ["shared"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);
        var now = await JsonAsync(await s.Steward.Client.GetAsync($"{d}/reflections"), HttpStatusCode.OK);
        Assert.Equal("Vertrouwelijk", now[0].GetProperty("wentWell").GetString());
        Assert.Equal("intervisie", now[0].GetProperty("tags")[0].GetString());
        Assert.Contains("Vertrouwelijk", await s.Steward.Client.GetStringAsync($"/samen-leren/{s.ProgrammeId}/duo/{duo}/reflecties"));
        await JsonAsync(await s.People[0].Client.PutAsJsonAsync($"{d}/reflections/{rid}/sharing", new { shared = false }), HttpStatusCode.OK);
        Assert.DoesNotContain("Vertrouwelijk", await s.Steward.Client.GetStringAsync($"{d}/reflections"));
        // Written shared from the start.
        await JsonAsync(await s.People[1].Client.PostAsJsonAsync($"{d}/reflections", new { period = 1, wentWell = "Open boek", buildOn = "b", nextStep = "c", shareWithSteeringGroup = true }), HttpStatusCode.Created);
        Assert.Contains("Open boek", await s.Steward.Client.GetStringAsync($"{d}/reflections"));
    }

    /// <summary>Moves the day a duo's members accepted it (its start) to <paramref name="day"/>.</summary>
    private Task AcceptedOnAsync(int duo, DateOnly day) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<KlimrekDbContext>();
        foreach (var m in await db.DuoMembers.Where(m => m.DuoId == duo).ToListAsync())
            m.RespondedAt = day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        return await db.SaveChangesAsync();
    });

    private static HttpRequestMessage Put(string url, object body, int? ifMatch)
    {
        var m = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (ifMatch is int v) m.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{v}\""));
        return m;
    }

    [Fact]
    public async Task Two_partners_editing_the_plan_the_later_save_is_refused_and_shown_both_versions_on_the_page()
    {
        var s = await SetUpAsync(2);
        await FillIntakesAsync(s, 2);
        await JsonAsync(await s.Steward.Client.PostAsync($"/api/v1/programmes/{s.ProgrammeId}/matching", null), HttpStatusCode.OK);
        int duo = await DuoOfAsync(s, 0);
        await AcceptAsync(s, 0, duo);
        await AcceptAsync(s, 1, duo);
        string d = $"/api/v1/programmes/{s.ProgrammeId}/duos/{duo}";
        int v0 = (await JsonAsync(await s.People[0].Client.GetAsync(d), HttpStatusCode.OK)).GetProperty("plan").GetProperty("version").GetInt32();

        // API: both start from v0; the first save wins, the second gets 409 and changes nothing.
        var first = await s.People[0].Client.SendAsync(Put($"{d}/plan", new { topic = "Feedback geven" }, v0));
        Assert.Equal(v0 + 1, (await JsonAsync(first, HttpStatusCode.OK)).GetProperty("version").GetInt32());
        Assert.Equal($"\"{v0 + 1}\"", first.Headers.ETag?.Tag);
        var second = await s.People[1].Client.SendAsync(Put($"{d}/plan", new { topic = "Roosteren" }, v0));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Feedback geven", (await JsonAsync(await s.People[1].Client.GetAsync(d), HttpStatusCode.OK)).GetProperty("plan").GetProperty("topic").GetString());
        var retried = await s.People[1].Client.SendAsync(Put($"{d}/plan", new { topic = "Feedback geven en roosteren" }, v0 + 1));
        await JsonAsync(retried, HttpStatusCode.OK);

        // The page: a form opened before the partner saved keeps what this person typed and shows the partner's version.
        string page = $"/samen-leren/{s.ProgrammeId}/duo/{duo}/plan";
        var stale = await KlimrekApp.PostFormAsync(s.People[0].Client, page + "?handler=Plan", new()
        {
            ["Version"] = v0.ToString(), ["Plan.Topic"] = "Mijn eigen onderwerp", ["Plan.Goal"] = "Mijn doel", ["Plan.Product"] = "", ["Plan.MeetingMoments"] = "", ["submit"] = "false",
        }, page);
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Iemand anders heeft dit intussen gewijzigd.", html);
        Assert.Contains("Feedback geven en roosteren", html); // the stored version
        Assert.Contains("value=\"Mijn eigen onderwerp\"", html); // what was typed
        Assert.Contains("Mijn doel", html);
        Assert.Equal("Feedback geven en roosteren", (await JsonAsync(await s.People[0].Client.GetAsync(d), HttpStatusCode.OK)).GetProperty("plan").GetProperty("topic").GetString());
        // Saving again from the form as shown (it now carries the stored version) goes through.
        var current = Regex.Match(html, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.Equal((v0 + 2).ToString(), current);
        var again = await KlimrekApp.PostFormAsync(s.People[0].Client, page + "?handler=Plan", new()
        {
            ["Version"] = current, ["Plan.Topic"] = "Mijn eigen onderwerp", ["Plan.Goal"] = "Mijn doel", ["Plan.Product"] = "", ["Plan.MeetingMoments"] = "", ["submit"] = "false",
        }, page);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Mijn eigen onderwerp", (await JsonAsync(await s.People[1].Client.GetAsync(d), HttpStatusCode.OK)).GetProperty("plan").GetProperty("topic").GetString());
    }

    [Fact]
    public async Task A_stale_intake_or_settings_save_is_refused_with_both_versions_and_a_bad_if_match_is_a_400()
    {
        var s = await SetUpAsync(2);
        string intake = $"/api/v1/programmes/{s.ProgrammeId}/intake";
        var got = await s.People[0].Client.GetAsync(intake);
        int v = (await JsonAsync(got, HttpStatusCode.OK)).GetProperty("version").GetInt32();
        Assert.Equal($"\"{v}\"", got.Headers.ETag?.Tag);
        await JsonAsync(await s.People[0].Client.SendAsync(Put(intake, Intake(["didactiek"], ["data-analyse"], "Onderwijs"), v)), HttpStatusCode.OK);
        await JsonAsync(await s.People[0].Client.SendAsync(Put(intake, Intake(["roosteren"], ["data-analyse"], "Onderzoek"), v)), HttpStatusCode.Conflict);
        var bad = new HttpRequestMessage(HttpMethod.Put, intake) { Content = JsonContent.Create(Intake(["x"], ["y"], "Onderwijs")) };
        bad.Headers.TryAddWithoutValidation("If-Match", "\"abc\"");
        await JsonAsync(await s.People[0].Client.SendAsync(bad), HttpStatusCode.BadRequest);
        var now = await JsonAsync(await s.People[0].Client.GetAsync(intake), HttpStatusCode.OK);
        Assert.Equal("Onderwijs", now.GetProperty("department").GetString());
        // The intake page with the old version: the stored intake is shown, the typed one kept.
        string page = $"/samen-leren/{s.ProgrammeId}/intake";
        var stale = await KlimrekApp.PostFormAsync(s.People[0].Client, page, new()
        {
            ["Version"] = v.ToString(), ["Brings"] = "statistiek", ["Develops"] = "coachen", ["Department"] = "Bedrijfsbureau", ["Availability"] = "dinsdag-middag",
        });
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("Iemand anders heeft dit intussen gewijzigd.", html);
        Assert.Contains("value=\"Bedrijfsbureau\"", html);
        Assert.Contains("<dd>Onderwijs</dd>", html);
        Assert.Equal("Onderwijs", (await JsonAsync(await s.People[0].Client.GetAsync(intake), HttpStatusCode.OK)).GetProperty("department").GetString());

        // Programme settings: a steward's stale form.
        string p = $"/api/v1/programmes/{s.ProgrammeId}";
        var programme = await JsonAsync(await s.Steward.Client.GetAsync(p), HttpStatusCode.OK);
        int pv = programme.GetProperty("version").GetInt32();
        var settings = JsonSerializer.Deserialize<Dictionary<string, object>>(programme.GetProperty("settings").GetRawText())!;
        settings["name"] = "Nieuwe naam";
        await JsonAsync(await s.Steward.Client.SendAsync(Put(p, settings, pv)), HttpStatusCode.OK);
        settings["name"] = "Andere naam";
        await JsonAsync(await s.Steward.Client.SendAsync(Put(p, settings, pv)), HttpStatusCode.Conflict);
        string form = $"/samen-leren/instellingen/{s.ProgrammeId}";
        var staleSettings = await KlimrekApp.PostFormAsync(s.Steward.Client, form, new()
        {
            ["Version"] = pv.ToString(), ["Form.Name"] = "Naam uit het oude formulier", ["Form.StartDate"] = Today.AddDays(-70).ToString("yyyy-MM-dd"),
            ["Form.EndDate"] = Today.AddDays(200).ToString("yyyy-MM-dd"), ["Form.HoursPerParticipant"] = "75", ["ExpertBudget"] = "500",
            ["Form.ReflectionCadenceWeeks"] = "6", ["Form.IntervisionSessionCount"] = "3", ["Form.NotMetWeeks"] = "3",
            ["Form.Weights.Complementarity"] = "40", ["Form.Weights.Qualities"] = "10", ["Form.Weights.Affinity"] = "20", ["Form.Weights.Availability"] = "20",
            ["Form.Weights.CrossDepartment"] = "10",
        });
        html = WebUtility.HtmlDecode(await staleSettings.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, staleSettings.StatusCode);
        Assert.Contains("Iemand anders heeft dit intussen gewijzigd.", html);
        Assert.Contains("<dd>Nieuwe naam</dd>", html);
        Assert.Contains("value=\"Naam uit het oude formulier\"", html);
        Assert.Equal("Nieuwe naam", (await JsonAsync(await s.Steward.Client.GetAsync(p), HttpStatusCode.OK)).GetProperty("settings").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Pages_follow_the_same_access_rules_and_a_refused_intake_keeps_what_was_typed()
    {
        var s = await SetUpAsync(2);
        string p = $"/samen-leren/{s.ProgrammeId}";
        var anonymous = await app.Anonymous().GetAsync(p);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/inloggen", anonymous.Headers.Location!.ToString());
        var outsider = await app.LoginAsync(Roles.Deelnemer);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(p)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(p + "/intake")).StatusCode);
        foreach (var stewardOnly in new[] { "/monitor", "/rapport" })
        {
            var r = await s.People[0].Client.GetAsync(p + stewardOnly);
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.Contains("/account/geen-toegang", r.Headers.Location!.ToString());
            Assert.Equal(HttpStatusCode.OK, (await s.Steward.Client.GetAsync(p + stewardOnly)).StatusCode);
        }
        var settings = await s.People[0].Client.GetAsync($"/samen-leren/instellingen/{s.ProgrammeId}");
        Assert.Contains("/account/geen-toegang", settings.Headers.Location!.ToString());
        Assert.Contains("/account/geen-toegang", (await s.People[0].Client.GetAsync("/samen-leren/instellingen")).Headers.Location!.ToString());
        // English is available.
        var english = await s.People[0].Client.GetStringAsync($"{p}?culture=en");
        Assert.Contains("Learning together", english);
        Assert.Contains("your department", english);
        // The steward's page lists who is not yet matchable; the participant's page does not show the participant list.
        Assert.Contains("nog niet te koppelen", await s.Steward.Client.GetStringAsync(p));
        Assert.DoesNotContain(s.People[1].Email, await s.People[0].Client.GetStringAsync(p));

        var page = await KlimrekApp.PostFormAsync(s.People[0].Client, p + "/intake", new()
        {
            ["Brings"] = "didactiek\nroosteren", ["Develops"] = "", ["Department"] = "Onderwijs", ["Availability"] = "zaterdag-avond",
        });
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("De intake is niet opgeslagen.", html);
        Assert.Contains("zaterdag-avond", html);
        Assert.Contains("roosteren", html); // what was typed is still in the form
        var intake = await JsonAsync(await s.People[0].Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/intake"), HttpStatusCode.OK);
        Assert.Empty(intake.GetProperty("brings").EnumerateArray());

        var ok = await KlimrekApp.PostFormAsync(s.People[0].Client, p + "/intake", new()
        {
            ["Brings"] = "didactiek\nroosteren", ["Develops"] = "data-analyse", ["Department"] = "Onderwijs", ["Availability"] = "dinsdag-middag",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        intake = await JsonAsync(await s.People[0].Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/intake"), HttpStatusCode.OK);
        Assert.Equal(["didactiek", "roosteren"], intake.GetProperty("brings").EnumerateArray().Select(b => b.GetProperty("label").GetString()!).ToArray());
    }

    [Fact]
    public async Task Intervision_reports_evaluations_and_the_programme_report_with_its_privacy_threshold()
    {
        var s = await SetUpAsync(6);
        await FillIntakesAsync(s, 6);
        await JsonAsync(await s.Steward.Client.PostAsync($"/api/v1/programmes/{s.ProgrammeId}/matching", null), HttpStatusCode.OK);
        string p = $"/api/v1/programmes/{s.ProgrammeId}";

        await JsonAsync(await s.Steward.Client.PostAsJsonAsync($"{p}/intervision", new { date = Today.AddDays(-7), reporterParticipantId = s.Ids[5], attendees = new[] { s.Ids[0] } }), HttpStatusCode.BadRequest);
        await JsonAsync(await s.People[0].Client.PostAsJsonAsync($"{p}/intervision", new { date = Today.AddDays(-7), attendees = new[] { s.Ids[0] } }), HttpStatusCode.Forbidden);
        var session = await JsonAsync(await s.Steward.Client.PostAsJsonAsync($"{p}/intervision", new { date = Today.AddDays(-7), reporterParticipantId = s.Ids[0], attendees = new[] { s.Ids[0], s.Ids[2], s.Ids[4] }, appreciativeInquiry = true }), HttpStatusCode.OK);
        int sid = session.GetProperty("id").GetInt32();
        var report = new { problems = "Weinig tijd in het rooster", discussed = "Wat lukte wel, en waarom", learningPoints = "Vaste momenten afspreken werkt", tags = new[] { "te-weinig-tijd", "intervisie" } };
        await JsonAsync(await s.People[2].Client.PutAsJsonAsync($"{p}/intervision/{sid}/report", report), HttpStatusCode.Forbidden);
        await JsonAsync(await s.People[0].Client.PutAsJsonAsync($"{p}/intervision/{sid}/report", report with { learningPoints = "" }), HttpStatusCode.BadRequest);
        await JsonAsync(await s.People[0].Client.PutAsJsonAsync($"{p}/intervision/{sid}/report", report), HttpStatusCode.NoContent);
        Assert.Equal("Vaste momenten afspreken werkt", (await JsonAsync(await s.People[4].Client.GetAsync($"{p}/intervision"), HttpStatusCode.OK))[0].GetProperty("learningPoints").GetString());
        Assert.Empty((await JsonAsync(await s.People[5].Client.GetAsync($"{p}/intervision"), HttpStatusCode.OK)).EnumerateArray());

        await JsonAsync(await s.People[1].Client.PutAsJsonAsync($"{p}/evaluation", new { motivation = "m", whyDuo = "w", goals = "g", results = "r", goalsReached = 9 }), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, (await s.People[1].Client.GetAsync($"{p}/evaluation")).StatusCode);
        // Three people named factors so far (the intervision attendees): the report hides factor counts below five people.
        var hidden = await JsonAsync(await s.Steward.Client.GetAsync($"{p}/report"), HttpStatusCode.OK);
        Assert.True(hidden.GetProperty("factorsHiddenBelowFivePeople").GetBoolean());
        Assert.Empty(hidden.GetProperty("factors").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, hidden.GetProperty("averageGoalsReached").ValueKind);
        foreach (var i in new[] { 1, 3, 5 })
            await JsonAsync(await s.People[i].Client.PutAsJsonAsync($"{p}/evaluation", new { motivation = "Leren van een ander vak", whyDuo = "Aanvullend", goals = "Methode", results = "Handreiking", product = "Handreiking", goalsReached = 4, tags = new[] { "verschillende-achtergronden", "te-weinig-tijd" } }), HttpStatusCode.OK);
        var shown = await JsonAsync(await s.Steward.Client.GetAsync($"{p}/report"), HttpStatusCode.OK);
        // Six people named "te weinig tijd": shown. Three named each of the others: each such count stays hidden.
        Assert.True(shown.GetProperty("factorsHiddenBelowFivePeople").GetBoolean());
        var time = shown.GetProperty("factors").EnumerateArray().Single();
        Assert.Equal("te-weinig-tijd", time.GetProperty("key").GetString());
        Assert.Equal(6, time.GetProperty("people").GetInt32());
        Assert.False(time.GetProperty("success").GetBoolean());
        var reportPage = WebUtility.HtmlDecode(await s.Steward.Client.GetStringAsync($"/samen-leren/{s.ProgrammeId}/rapport"));
        Assert.DoesNotContain("3 mensen", reportPage);
        Assert.Contains("6 mensen", reportPage);
        Assert.Equal(3, shown.GetProperty("evaluations").GetInt32());
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("averageGoalsReached").ValueKind); // three evaluations: below five
        Assert.Contains("1: Vaste momenten afspreken werkt", shown.GetProperty("learningPoints").EnumerateArray().Select(x => x.GetString()));
        await JsonAsync(await s.People[0].Client.GetAsync($"{p}/report"), HttpStatusCode.Forbidden);
        await JsonAsync(await s.People[0].Client.GetAsync($"{p}/evaluations"), HttpStatusCode.Forbidden);
        // Nobody shared an evaluation: the steering group sees none of them, by name or by score.
        Assert.Empty((await JsonAsync(await s.Steward.Client.GetAsync($"{p}/evaluations"), HttpStatusCode.OK)).EnumerateArray());
        Assert.DoesNotContain("Leren van een ander vak", reportPage);
        Assert.DoesNotContain("doelen bereikt: 4", reportPage);
        // One shares (on the form): that one appears with the name, the others still do not.
        var form = await KlimrekApp.PostFormAsync(s.People[3].Client, $"/samen-leren/{s.ProgrammeId}/evaluatie", new()
        {
            ["Motivation"] = "Eigen woorden", ["WhyDuo"] = "w", ["Goals"] = "g", ["Results"] = "r", ["GoalsReached"] = "5", ["Share"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        var evaluations = await JsonAsync(await s.Steward.Client.GetAsync($"{p}/evaluations"), HttpStatusCode.OK);
        Assert.Equal("Eigen woorden", evaluations.EnumerateArray().Single().GetProperty("evaluation").GetProperty("motivation").GetString());
        reportPage = WebUtility.HtmlDecode(await s.Steward.Client.GetStringAsync($"/samen-leren/{s.ProgrammeId}/rapport"));
        Assert.Contains("Eigen woorden", reportPage);
        Assert.DoesNotContain("Leren van een ander vak", reportPage);

        // Display names are what people typed: a name a spreadsheet would run as a formula is written as text.
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            foreach (var u in await db.Users.Where(u => u.Id == s.People[0].Id || u.Id == s.People[1].Id).ToListAsync())
                u.DisplayName = "=HYPERLINK(\"https://example.org/x\",\"klik\")";
            return await db.SaveChangesAsync();
        });
        var csv = await s.Steward.Client.GetStringAsync($"{p}/report.csv");
        var lines = csv.Trim().Split('\n');
        Assert.StartsWith("duo;leden;status;plan;uren", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Contains("'=HYPERLINK(", csv);
        Assert.DoesNotContain(";=HYPERLINK", csv);
        Assert.DoesNotContain(";\"=HYPERLINK", csv);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.People[0].Client.GetAsync($"{p}/report.csv")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SamenLerenTestsSqlite(SqliteApp app) : SamenLerenTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SamenLerenTestsPostgres(PostgresApp app) : SamenLerenTests(app);
