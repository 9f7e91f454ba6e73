using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Klimrek.Tests;

/// <summary>Skills profile, transitions, paths, dual fit and their authorization, on both databases.</summary>
public abstract class CareerTests(KlimrekApp app)
{
    private const string NurseAssistant = "http://data.europa.eu/esco/occupation/87d0795a-d41f-47ee-979f-0ab7d73836e7";
    private const string Nurse = "http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50";
    private const string Carpenter = "http://data.europa.eu/esco/occupation/2a22ff9e-de3b-408d-b312-5034896cc4f4";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static string Esc(string s) => Uri.EscapeDataString(s);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"expected {expected}, got {r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private Task<int> OccupationIdAsync(string uri) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<KlimrekDbContext>().Occupations.Where(o => o.Uri == uri).Select(o => o.Id).SingleAsync());

    private Task<List<(string Uri, bool Essential)>> SkillsOfAsync(string occupationUri) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<KlimrekDbContext>();
        var rows = await db.OccupationSkills.Where(r => db.Occupations.Any(o => o.Id == r.OccupationId && o.Uri == occupationUri))
            .Select(r => new { r.Skill!.Uri, r.IsEssential }).ToListAsync();
        return rows.Select(r => (r.Uri, r.IsEssential)).ToList();
    });

    [Fact]
    public async Task Transitions_from_an_occupation_are_ranked_bounded_and_never_the_occupation_itself()
    {
        var client = app.Anonymous();
        var body = await JsonAsync(await client.GetAsync($"/api/v1/occupations/{Esc(NurseAssistant)}/transitions?limit=15"), HttpStatusCode.OK);
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(15, items.Count);
        var scores = items.Select(i => i.GetProperty("score").GetDouble()).ToList();
        Assert.All(scores, s => Assert.InRange(s, 0.0, 1.0));
        // The order is the ranking's (not the fit alone), with steps down after every other move of their round.
        foreach (var round in VariantRounds(items))
        {
            var kinds = round.Select(i => i.GetProperty("moveKind").GetString()).ToList();
            var firstDown = kinds.IndexOf("down");
            if (firstDown >= 0) Assert.All(kinds.Skip(firstDown), k => Assert.Equal("down", k));
        }
        Assert.DoesNotContain(items, i => i.GetProperty("target").GetProperty("uri").GetString() == NurseAssistant);
        Assert.All(items, i => Assert.StartsWith("http://data.europa.eu/esco/occupation/", i.GetProperty("target").GetProperty("uri").GetString()));
        Assert.All(items, i => Assert.False(string.IsNullOrWhiteSpace(i.GetProperty("explanation").GetString())));
        Assert.Equal("zorg", items[0].GetProperty("toSector").GetString());

        // Sector filter and scope.
        var ict = await JsonAsync(await client.GetAsync($"/api/v1/occupations/{Esc(NurseAssistant)}/transitions?sector=ict&limit=5"), HttpStatusCode.OK);
        Assert.Equal(5, ict.GetProperty("items").GetArrayLength());
        Assert.All(ict.GetProperty("items").EnumerateArray(), i => Assert.Equal("ict", i.GetProperty("toSector").GetString()));
        var across = await JsonAsync(await client.GetAsync($"/api/v1/occupations/{Esc(NurseAssistant)}/transitions?scope=across&limit=10"), HttpStatusCode.OK);
        Assert.NotEmpty(across.GetProperty("items").EnumerateArray());
        Assert.All(across.GetProperty("items").EnumerateArray(), i => Assert.NotEqual("zorg", i.GetProperty("toSector").GetString()));
        var isco = await JsonAsync(await client.GetAsync($"/api/v1/occupations/{Esc(NurseAssistant)}/transitions?isco=22&limit=5"), HttpStatusCode.OK);
        Assert.Equal(5, isco.GetProperty("items").GetArrayLength());
        Assert.All(isco.GetProperty("items").EnumerateArray(), i => Assert.StartsWith("22", i.GetProperty("toIsco").GetString()));
    }

    [Fact]
    public async Task Variants_of_one_kind_of_work_do_not_fill_the_list_and_the_page_names_the_others()
    {
        // ESCO has 35 "import export specialist in …" occupations in ISCO 3331: the same work for other goods.
        const string ImportExport = "http://data.europa.eu/esco/occupation/916d989e-0c5b-4c35-8d43-62ba65bebd30";
        var client = app.Anonymous();
        var body = await JsonAsync(await client.GetAsync($"/api/v1/occupations/{Esc(ImportExport)}/transitions?limit=20&detail=full"), HttpStatusCode.OK);
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(20, items.Count);
        var labels = items.Select(i => i.GetProperty("target").GetProperty("labelEn").GetString()!).ToList();
        var variants = labels.Count(l => l.StartsWith("import export specialist in ", StringComparison.Ordinal));
        Assert.InRange(variants, 1, 3);
        Assert.All(items, i => Assert.False(i.TryGetProperty("variants", out _))); // the API's shape is as it was

        var id = await OccupationIdAsync(ImportExport);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/beroepen/{id}/overstappen"));
        var named = System.Text.RegularExpressions.Regex.Match(page, @"Nog (\d+) varianten van dit werk");
        Assert.True(named.Success, page);
        // All 35 but the origin and the ones listed are named in the disclosure, each a link to its own transition page.
        Assert.Equal(35 - 1 - variants, int.Parse(named.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("<details class=\"variants small\">", page, StringComparison.Ordinal);
        Assert.Matches($"href=\"/beroepen/{id}/overstappen/\\d+\">specialist import en export van ", page);
    }

    [Fact]
    public async Task A_person_can_ask_for_one_direction_and_each_suggestion_says_which_signals_made_it()
    {
        var client = app.Anonymous();
        async Task<List<System.Text.Json.JsonElement>> ItemsAsync(string query) =>
            (await JsonAsync(await client.GetAsync($"/api/v1/occupations/{Esc(Nurse)}/transitions?{query}"), HttpStatusCode.OK))
                .GetProperty("items").EnumerateArray().ToList();

        // A nurse (ISCO 2221, skill level 4): every step sideways or up comes before the first step down.
        var all = await ItemsAsync("limit=40");
        var kinds = all.Select(i => i.GetProperty("moveKind").GetString()).ToList();
        Assert.Contains("down", kinds);
        Assert.All(kinds.Skip(kinds.IndexOf("down")), k => Assert.Equal("down", k));
        // Downskilling asked for: only steps down, the nurse assistant among them; upskilling and reskilling likewise.
        var down = await ItemsAsync("direction=down&limit=10");
        Assert.NotEmpty(down);
        Assert.All(down, i => Assert.Equal("down", i.GetProperty("moveKind").GetString()));
        Assert.Contains(down, i => i.GetProperty("target").GetProperty("uri").GetString() == NurseAssistant);
        Assert.All(await ItemsAsync("direction=level&limit=10"), i => Assert.Equal("level", i.GetProperty("moveKind").GetString()));
        Assert.All(await ItemsAsync("direction=up&limit=10"), i => Assert.Equal("up", i.GetProperty("moveKind").GetString()));

        // The first suggestions name their signals, in the asked language, right after the coverage sentence.
        var first = all[0].GetProperty("explanation").GetString()!;
        Assert.StartsWith("Vanuit ", first, StringComparison.Ordinal);
        Assert.Contains("Voorgesteld om: ", first, StringComparison.Ordinal);
        Assert.Contains("dezelfde vaardigheden", first, StringComparison.Ordinal);
        var en = await JsonAsync(await client.GetAsync($"/api/v1/occupations/{Esc(Nurse)}/transitions?limit=1&lang=en"), HttpStatusCode.OK);
        Assert.Contains("Suggested for: ", en.GetProperty("items")[0].GetProperty("explanation").GetString(), StringComparison.Ordinal);

        // The page offers the same choice, in Dutch.
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/beroepen/{await OccupationIdAsync(Nurse)}/overstappen?richting=down"));
        Assert.Contains("<label for=\"richting\">Richting</label>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"down\" selected=\"selected\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("zelfde niveau</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explanations_speak_about_the_occupation_in_the_asked_language_and_name_skills_in_Dutch()
    {
        var client = app.Anonymous();
        var nl = await JsonAsync(await client.GetAsync($"/api/v1/occupations/{Esc(NurseAssistant)}/transitions?limit=20&detail=full"), HttpStatusCode.OK);
        var items = nl.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(20, items.Count);
        var dutch = 0;
        foreach (var item in items)
        {
            var explanation = item.GetProperty("explanation").GetString()!;
            // An anonymous visitor reads about the occupation, not about skills "you" have.
            Assert.StartsWith("Vanuit ", explanation, StringComparison.Ordinal);
            Assert.DoesNotContain("heb je al", explanation, StringComparison.Ordinal);
            // Every skill reads in Dutch now (ESCO's label, or our own marked unofficial): no "Eerst te leren: identify abnormalities".
            foreach (var skill in item.GetProperty("missingEssential").EnumerateArray().Take(3))
            {
                var label = skill.GetProperty("label");
                Assert.False(label.GetProperty("isFallback").GetBoolean(), label.GetProperty("text").GetString());
                Assert.Equal("nl", label.GetProperty("language").GetString());
                Assert.Contains(label.GetProperty("text").GetString()!, explanation, StringComparison.Ordinal);
                if (label.GetProperty("isUnofficial").GetBoolean()) dutch++;
            }
        }
        Assert.True(dutch > 0, "expected at least one of our own Dutch skill labels in the first 20 explanations");

        var en = await JsonAsync(await client.GetAsync($"/api/v1/occupations/{Esc(NurseAssistant)}/transitions?limit=5&lang=en"), HttpStatusCode.OK);
        Assert.All(en.GetProperty("items").EnumerateArray(),
            i => Assert.StartsWith("From ", i.GetProperty("explanation").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_transition_lists_matches_and_the_gap_of_the_target_only()
    {
        var targetUri = Carpenter;
        var body = await JsonAsync(await app.Anonymous().GetAsync($"/api/v1/occupations/{Esc(NurseAssistant)}/transitions/{Esc(targetUri)}"), HttpStatusCode.OK);
        var required = (await SkillsOfAsync(targetUri)).ToDictionary(x => x.Uri, x => x.Essential);
        var held = (await SkillsOfAsync(NurseAssistant)).Select(x => x.Uri).ToHashSet();
        string[] Uris(string list) => body.GetProperty(list).EnumerateArray().Select(s => s.GetProperty("uri").GetString()!).ToArray();
        var all = Uris("matching").Concat(Uris("partial")).Concat(Uris("missingEssential")).Concat(Uris("missingOptional")).ToList();
        Assert.Equal(required.Keys.Order(), all.Order());
        Assert.All(Uris("missingEssential"), u => { Assert.True(required[u]); Assert.DoesNotContain(u, held); });
        Assert.All(Uris("missingOptional"), u => Assert.False(required[u]));
        Assert.All(Uris("matching"), u => Assert.Contains(u, held));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1000", "limit")]
    [InlineData("sector=maan", "sector")]
    [InlineData("scope=elsewhere", "scope")]
    [InlineData("isco=22x", "isco")]
    [InlineData("direction=sideways", "direction")]
    [InlineData("lang=fr", "lang")]
    public async Task Bad_transition_filters_get_a_validation_problem(string query, string field)
    {
        var r = await app.Anonymous().GetAsync($"/api/v1/occupations/{Esc(NurseAssistant)}/transitions?{query}");
        var body = await JsonAsync(r, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Unknown_occupations_are_404_problems()
    {
        var client = app.Anonymous();
        foreach (var url in new[] { "/api/v1/occupations/999999/transitions", "/api/v1/occupations/nope/transitions/1", $"/api/v1/paths?from={Esc(NurseAssistant)}&to=999999" })
        {
            var r = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_path_ends_at_the_target_within_the_step_limit_and_each_step_is_explained()
    {
        var client = app.Anonymous();
        var from = await OccupationIdAsync(NurseAssistant);
        // A target two steps away: the best transition of the best transition.
        var first = await JsonAsync(await client.GetAsync($"/api/v1/occupations/{from}/transitions?limit=1"), HttpStatusCode.OK);
        var mid = first.GetProperty("items")[0].GetProperty("target").GetProperty("id").GetInt32();
        var second = await JsonAsync(await client.GetAsync($"/api/v1/occupations/{mid}/transitions?limit=20"), HttpStatusCode.OK);
        var target = second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("target").GetProperty("id").GetInt32()).First(id => id != from);

        var body = await JsonAsync(await client.GetAsync($"/api/v1/paths?from={from}&to={target}"), HttpStatusCode.OK);
        var route = body.GetProperty("route");
        Assert.True(route.GetProperty("found").GetBoolean(), route.GetProperty("message").GetString());
        var steps = route.GetProperty("steps").EnumerateArray().ToList();
        Assert.InRange(steps.Count, 1, 4);
        Assert.Equal(target, steps[^1].GetProperty("occupation").GetProperty("id").GetInt32());
        Assert.All(steps, s => Assert.True(s.GetProperty("fit").GetDouble() >= 0.25 - 1e-9));
        Assert.All(steps, s => Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("explanation").GetString())));
        Assert.DoesNotContain(steps, s => s.GetProperty("occupation").GetProperty("id").GetInt32() == from);

        var same = await JsonAsync(await client.GetAsync($"/api/v1/paths?from={from}&to={from}"), HttpStatusCode.OK);
        Assert.False(same.GetProperty("route").GetProperty("found").GetBoolean());
        Assert.Equal(0, same.GetProperty("route").GetProperty("steps").GetArrayLength());
        Assert.Matches("^Je bent al .+: er is geen route nodig\\.$", same.GetProperty("route").GetProperty("message").GetString());

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/v1/paths?from=me&to={target}")).StatusCode);
        await JsonAsync(await client.GetAsync("/api/v1/paths?to=1"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_persons_steps_follow_the_counsellors_order_and_the_asked_direction()
    {
        var user = await app.LoginAsUserAsync(Roles.Deelnemer);
        await JsonAsync(await user.Client.PutAsync("/api/v1/me/profile",
            new StringContent((await ProfileWithSkillsAsync(40)).ToJsonString(), Encoding.UTF8, "application/json")), HttpStatusCode.OK);
        async Task<List<JsonElement>> StepsAsync(string query) =>
            (await JsonAsync(await user.Client.GetAsync($"/api/v1/me/transitions?{query}"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();
        // Parts: sensible sideways or up (0), sensible down (1), below a quarter covered (2); never back to an earlier part.
        int Part(JsonElement i) => i.GetProperty("score").GetDouble() < 0.25 ? 2 : i.GetProperty("moveKind").GetString() == "down" ? 1 : 0;
        var all = await StepsAsync("limit=100");
        Assert.NotEmpty(all);
        foreach (var round in VariantRounds(all))
        {
            var parts = round.Select(Part).ToList();
            Assert.Equal(parts.Order().ToList(), parts);
        }
        // Held: nurse assistant (ISCO 5321, level 2). Upskilling only: every step goes up.
        var up = await StepsAsync("direction=up&limit=20");
        Assert.NotEmpty(up);
        Assert.All(up, i => Assert.Equal("up", i.GetProperty("moveKind").GetString()));
        await JsonAsync(await user.Client.GetAsync("/api/v1/me/transitions?direction=omhoog"), HttpStatusCode.BadRequest);
    }

    /// <summary>
    /// A list in its rounds of variants (OccupationVariants, docs/transitions.md): the first holds the items without a
    /// family and the first three of each; the next round the next three, and so on. The list is in this order, and
    /// the counsellor's order holds within each round.
    /// </summary>
    private static List<List<JsonElement>> VariantRounds(List<JsonElement> items)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var round = items.Select(i =>
        {
            var template = Klimrek.Core.Transitions.OccupationVariants.TemplateOf(i.GetProperty("target").GetProperty("labelEn").GetString(), i.GetProperty("toIsco").GetString());
            if (template is null) return 0;
            var before = seen.GetValueOrDefault(template);
            seen[template] = before + 1;
            return before / Klimrek.Core.Transitions.OccupationVariants.DefaultCap;
        }).ToList();
        Assert.Equal(round.Order().ToList(), round);
        return items.Select((item, k) => (item, round[k])).GroupBy(x => x.Item2).OrderBy(g => g.Key).Select(g => g.Select(x => x.item).ToList()).ToList();
    }

    private async Task<JsonObject> ProfileWithSkillsAsync(int count)
    {
        var skills = (await SkillsOfAsync(NurseAssistant)).Concat(await SkillsOfAsync(Carpenter)).Select(s => s.Uri).Distinct().Take(count).ToList();
        var evidence = new[] { "diploma", "certificaat", "werkervaring", "werkgeversverklaring", "zelfbeoordeling" };
        return new JsonObject
        {
            ["format"] = "klimrek-skills-profile",
            ["version"] = 1,
            ["taxonomy"] = "ESCO v1.1.1",
            ["occupations"] = new JsonArray(new JsonObject { ["uri"] = NurseAssistant, ["fromYear"] = 2015, ["toYear"] = 2020 }),
            ["skills"] = new JsonArray(skills.Select((u, i) => (JsonNode)new JsonObject
            {
                ["uri"] = u, ["evidence"] = evidence[i % 5], ["validation"] = i % 2 == 0 ? "zwaar" : "licht",
                ["note"] = i switch { 0 => "<script>alert(1)</script> ' OR 1=1 --", 1 => "=cmd|' /C calc'!A0", 2 => "@SUM(1+1)", _ => null }, ["sourceOccupation"] = i < 3 ? NurseAssistant : null,
            }).ToArray()),
            ["interests"] = new JsonObject { ["sectors"] = new JsonArray("zorg", "onderwijs"), ["drivers"] = new JsonArray("ontwikkeling") },
            ["region"] = "Utrecht",
            ["marketWeight"] = 40,
        };
    }

    [Fact]
    public async Task The_public_api_is_served_from_the_cache_to_signed_in_people_too_but_their_pages_never_are()
    {
        var user = await app.LoginAsUserAsync(Roles.Deelnemer);
        var id = await app.WithScopeAsync(async sp => await sp.GetRequiredService<KlimrekDbContext>().Occupations.OrderBy(o => o.Id).Select(o => o.Id).Skip(7).FirstAsync());
        string url = $"/api/v1/occupations/{id}/transitions?limit={Random.Shared.Next(21, 50)}&sector=zorg";
        var first = await user.Client.GetAsync(url);
        var second = await user.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age); // from the cache
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.False(second.Headers.Contains("Set-Cookie"));
        // Anonymous gets the same cached answer.
        Assert.NotNull((await app.Anonymous().GetAsync(url)).Headers.Age);
        // A page names who is signed in: never from the cache for them.
        await user.Client.GetAsync($"/beroepen/{id}");
        var page = await user.Client.GetAsync($"/beroepen/{id}");
        Assert.Null(page.Headers.Age);
    }

    [Theory]
    [InlineData("/beroepen/{0}")]
    [InlineData("/beroepen/{0}/overstappen")]
    [InlineData("/beroepen/{0}/overstappen/{1}")]
    [InlineData("/beroepen")]
    public async Task Public_pages_set_no_cookie_and_come_from_the_cache_for_visitors(string path)
    {
        // A Set-Cookie (such as the TempData cookie's deletion that a [TempData] property caused) keeps a response out of
        // the output cache: under load the occupation page fell to an eighth of its throughput.
        var ids = await app.WithScopeAsync(async sp => await sp.GetRequiredService<KlimrekDbContext>().Occupations.OrderBy(o => o.Id).Select(o => o.Id).Skip(11).Take(2).ToListAsync());
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, path, ids[0], ids[1]) + "?v=" + Guid.NewGuid().ToString("N");
        var client = app.Anonymous();
        var first = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Set-Cookie"), string.Join("; ", first.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));
        var second = await client.GetAsync(url);
        Assert.NotNull(second.Headers.Age); // from the cache
    }

    [Fact]
    public async Task Profile_json_round_trips_exactly_and_exports_csv()
    {
        var user = await app.LoginAsUserAsync(Roles.Deelnemer);
        var doc = await ProfileWithSkillsAsync(60);
        var put = await user.Client.PutAsync("/api/v1/me/profile", new StringContent(doc.ToJsonString(), Encoding.UTF8, "application/json"));
        await JsonAsync(put, HttpStatusCode.OK);
        var first = await user.Client.GetStringAsync("/api/v1/me/profile");
        Assert.Equal(60, JsonDocument.Parse(first).RootElement.GetProperty("skills").GetArrayLength());
        // Export → import → export is identical.
        await JsonAsync(await user.Client.PutAsync("/api/v1/me/profile", new StringContent(first, Encoding.UTF8, "application/json")), HttpStatusCode.OK);
        Assert.Equal(first, await user.Client.GetStringAsync("/api/v1/me/profile"));

        var csv = await user.Client.GetStringAsync("/api/v1/me/profile.csv");
        Assert.StartsWith("skill_uri,label,evidence,validation,note,source_occupation_uri", csv);
        Assert.Equal(61, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        // A cell a spreadsheet would run as a formula is written as quoted text with a leading apostrophe.
        Assert.Contains(",\"'=cmd|' /C calc'!A0\",", csv);
        Assert.Contains(",\"'@SUM(1+1)\",", csv);
        Assert.DoesNotContain(",=cmd", csv);
        Assert.DoesNotContain(",@SUM", csv);

        // The page shows the note as text, never as markup.
        var page = await user.Client.GetStringAsync("/klimrek/profiel");
        Assert.DoesNotContain("<script>alert(1)</script>", page);
        Assert.Contains("&lt;script&gt;", page);

        // Transitions for the profile: personal and labour-market fit side by side (no labour-market data here: null).
        var mine = await JsonAsync(await user.Client.GetAsync("/api/v1/me/transitions?limit=10"), HttpStatusCode.OK);
        var items = mine.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(10, items.Count);
        Assert.All(items, i => Assert.InRange(i.GetProperty("personal").GetProperty("total").GetDouble(), 0.0, 1.0));
        // An occupation the person held is where they come from, not a next step.
        var all = await JsonAsync(await user.Client.GetAsync("/api/v1/me/transitions?limit=100"), HttpStatusCode.OK);
        Assert.DoesNotContain(all.GetProperty("items").EnumerateArray(), i => i.GetProperty("target").GetProperty("uri").GetString() == NurseAssistant);
    }

    [Theory]
    [InlineData("{ not json", "JSON")]
    [InlineData("[]", "object")]
    [InlineData("""{"format":"other","version":1}""", "format")]
    [InlineData("""{"format":"klimrek-skills-profile","version":9}""", "version")]
    [InlineData("""{"format":"klimrek-skills-profile","version":1,"skills":[{"uri":"http://data.europa.eu/esco/skill/nope","evidence":"diploma","validation":"zwaar"}]}""", "skills[0].uri")]
    [InlineData("""{"format":"klimrek-skills-profile","version":1,"skills":[{"uri":5,"evidence":"x","validation":"y"}]}""", "skills[0].evidence")]
    [InlineData("""{"format":"klimrek-skills-profile","version":1,"occupations":[{"uri":"http://data.europa.eu/esco/occupation/nope"}]}""", "occupations[0].uri")]
    [InlineData("""{"format":"klimrek-skills-profile","version":1,"occupations":[{"uri":"http://data.europa.eu/esco/occupation/2a22ff9e-de3b-408d-b312-5034896cc4f4","fromYear":2020,"toYear":2010}]}""", "fromYear")]
    [InlineData("""{"format":"klimrek-skills-profile","version":1,"interests":{"sectors":["maan"]}}""", "interests.sectors[0]")]
    [InlineData("""{"format":"klimrek-skills-profile","version":1,"marketWeight":500}""", "marketWeight")]
    [InlineData("""{"format":"klimrek-skills-profile","version":1,"extra":true}""", "extra")]
    public async Task A_bad_profile_document_lists_what_is_wrong_and_changes_nothing(string json, string mentioned)
    {
        var user = await app.LoginAsUserAsync(Roles.Deelnemer);
        var doc = await ProfileWithSkillsAsync(5);
        await JsonAsync(await user.Client.PutAsync("/api/v1/me/profile", new StringContent(doc.ToJsonString(), Encoding.UTF8, "application/json")), HttpStatusCode.OK);
        var before = await user.Client.GetStringAsync("/api/v1/me/profile");

        var r = await user.Client.PutAsync("/api/v1/me/profile", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await JsonAsync(r, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        // errors: { "skills[0].uri": ["…"], … } — every problem under its JSON path ("" for the document as a whole).
        var errors = body.GetProperty("errors").EnumerateObject()
            .SelectMany(f => f.Value.EnumerateArray().Select(m => $"{f.Name}: {m.GetString()}")).ToList();
        Assert.Contains(errors, e => e.Contains(mentioned, StringComparison.Ordinal));
        Assert.Equal(before, await user.Client.GetStringAsync("/api/v1/me/profile"));
    }

    [Fact]
    public async Task An_oversized_profile_is_refused_and_changes_nothing()
    {
        var user = await app.LoginAsUserAsync(Roles.Deelnemer);
        var before = await user.Client.GetStringAsync("/api/v1/me/profile");
        var huge = "{\"format\":\"klimrek-skills-profile\",\"version\":1,\"region\":\"" + new string('x', 1_100_000) + "\"}";
        var r = await user.Client.PutAsync("/api/v1/me/profile", new StringContent(huge, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
        Assert.Equal(before, await user.Client.GetStringAsync("/api/v1/me/profile"));
    }

    [Fact]
    public async Task A_profile_is_private_until_shared_with_a_begeleider()
    {
        var owner = await app.LoginAsUserAsync(Roles.Deelnemer);
        await JsonAsync(await owner.Client.PutAsync("/api/v1/me/profile",
            new StringContent((await ProfileWithSkillsAsync(5)).ToJsonString(), Encoding.UTF8, "application/json")), HttpStatusCode.OK);
        var other = await app.LoginAsUserAsync(Roles.Deelnemer);
        var coach = await app.LoginAsUserAsync(Roles.Begeleider);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/me/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().GetAsync("/klimrek")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.GetAsync($"/api/v1/profiles/{owner.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.Client.GetAsync($"/api/v1/profiles/{owner.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.Client.GetAsync($"/begeleiding/{owner.Id}")).StatusCode);
        var otherPage = await other.Client.GetAsync($"/begeleiding/{owner.Id}");
        Assert.Equal(HttpStatusCode.Redirect, otherPage.StatusCode);
        Assert.Contains("/account/geen-toegang", otherPage.Headers.Location?.ToString());
        // Another person's own-profile API returns their own (empty) profile, never the owner's.
        var otherProfile = await other.Client.GetStringAsync("/api/v1/me/profile");
        Assert.Equal(0, JsonDocument.Parse(otherProfile).RootElement.GetProperty("skills").GetArrayLength());

        // Sharing with someone who is not a begeleider is refused.
        var refused = await KlimrekApp.PostFormAsync(owner.Client, "/klimrek/profiel?handler=Share", new() { ["email"] = other.Email }, "/klimrek/profiel");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("geen begeleider", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await coach.Client.GetAsync($"/api/v1/profiles/{owner.Id}")).StatusCode);

        var shared = await KlimrekApp.PostFormAsync(owner.Client, "/klimrek/profiel?handler=Share", new() { ["email"] = coach.Email }, "/klimrek/profiel");
        Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);
        var seen = await JsonAsync(await coach.Client.GetAsync($"/api/v1/profiles/{owner.Id}"), HttpStatusCode.OK);
        Assert.Equal(5, seen.GetProperty("skills").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await coach.Client.GetAsync($"/begeleiding/{owner.Id}")).StatusCode);
        Assert.Contains(owner.Id, await coach.Client.GetStringAsync("/begeleiding"));
        // The begeleider reads the evidence in words, in the page's language, not the stored codes.
        var coachPage = WebUtility.HtmlDecode(await coach.Client.GetStringAsync($"/begeleiding/{owner.Id}"));
        Assert.Contains("<td>Zelf ingeschat</td><td>Zwaar</td>", coachPage, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>zelfbeoordeling</td>", coachPage, StringComparison.Ordinal);
        await coach.Client.GetAsync("/taal/en?terug=/");
        Assert.Contains("<td>Self-assessed</td>", WebUtility.HtmlDecode(await coach.Client.GetStringAsync($"/begeleiding/{owner.Id}")), StringComparison.Ordinal);
        await coach.Client.GetAsync("/taal/nl?terug=/");

        var withdrawn = await KlimrekApp.PostFormAsync(owner.Client, "/klimrek/profiel?handler=Unshare", new() { ["begeleiderId"] = coach.Id }, "/klimrek/profiel");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.Client.GetAsync($"/api/v1/profiles/{owner.Id}")).StatusCode);
    }

    [Fact]
    public async Task Adding_a_held_occupation_proposes_its_skills_and_keeps_only_the_accepted()
    {
        var user = await app.LoginAsUserAsync(Roles.Deelnemer);
        var id = await OccupationIdAsync(Carpenter);
        var proposal = await user.Client.GetStringAsync($"/klimrek/beroep-toevoegen?id={id}");
        var skillIds = await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().OccupationSkills
            .Where(r => r.OccupationId == id).OrderBy(r => r.SkillId).Select(r => r.SkillId).ToListAsync());
        Assert.All(skillIds, s => Assert.Contains($"value=\"{s}\"", proposal));

        var chosen = skillIds.Take(3).ToList();
        var form = new List<KeyValuePair<string, string>> { new("id", id.ToString()), new("fromYear", "2010"), new("toYear", "2018") };
        form.AddRange(chosen.Select(c => new KeyValuePair<string, string>("skills", c.ToString())));
        form.Add(new("skills", "999999999")); // not proposed by this occupation: ignored
        var token = System.Text.RegularExpressions.Regex.Match(proposal, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        form.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token)));
        var r = await user.Client.PostAsync("/klimrek/beroep-toevoegen", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        var doc = JsonDocument.Parse(await user.Client.GetStringAsync("/api/v1/me/profile")).RootElement;
        Assert.Equal(Carpenter, doc.GetProperty("occupations")[0].GetProperty("uri").GetString());
        Assert.Equal(2010, doc.GetProperty("occupations")[0].GetProperty("fromYear").GetInt32());
        Assert.Equal(3, doc.GetProperty("skills").GetArrayLength());
        Assert.All(doc.GetProperty("skills").EnumerateArray(), s => Assert.Equal("werkervaring", s.GetProperty("evidence").GetString()));

        var page = await user.Client.GetStringAsync("/klimrek");
        Assert.Contains("<svg", page);
        Assert.Contains("stappenlijst", page);
    }

    [Fact]
    public async Task Labour_market_import_is_all_or_nothing_and_for_beheerders_only()
    {
        var admin = await app.LoginAsUserAsync(Roles.Beheerder);
        var deelnemer = await app.LoginAsync(Roles.Deelnemer);
        var good = "isco;regio;spanning\n5321;Nederland;zeer krap\n5321;Utrecht;krap\n7115;Nederland;0,25\n";
        Assert.Equal(HttpStatusCode.Forbidden, (await deelnemer.PostAsync("/api/v1/labour-market", new StringContent(good, Encoding.UTF8, "text/csv"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsync("/api/v1/labour-market", new StringContent(good, Encoding.UTF8, "text/csv"))).StatusCode);
        var page = await deelnemer.GetAsync("/beheer/arbeidsmarkt");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/geen-toegang", page.Headers.Location?.ToString());

        var ok = await JsonAsync(await admin.Client.PostAsync("/api/v1/labour-market", new StringContent(good, Encoding.UTF8, "text/csv")), HttpStatusCode.OK);
        Assert.Equal(3, ok.GetProperty("rows").GetInt32());
        int Count() => app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().LabourMarketIndicators.CountAsync()).GetAwaiter().GetResult();
        Assert.Equal(3, Count());

        var bad = "isco;regio;spanning\n5321;Nederland;krap\n9999;Nederland;krap\n7115;Nederland;heel erg\n5321;Nederland;ruim\n";
        var rejected = await JsonAsync(await admin.Client.PostAsync("/api/v1/labour-market", new StringContent(bad, Encoding.UTF8, "text/csv")), HttpStatusCode.BadRequest);
        var errors = rejected.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([3, 4, 5], errors.Select(e => e.GetProperty("line").GetInt32()));
        Assert.Contains("9999", errors[0].GetProperty("message").GetString());
        Assert.Equal(3, Count());

        // A person in Utrecht now sees the labour-market factor beside the personal one.
        var user = await app.LoginAsUserAsync(Roles.Deelnemer);
        await JsonAsync(await user.Client.PutAsync("/api/v1/me/profile",
            new StringContent((await ProfileWithSkillsAsync(30)).ToJsonString(), Encoding.UTF8, "application/json")), HttpStatusCode.OK);
        var mine = await JsonAsync(await user.Client.GetAsync("/api/v1/me/transitions?limit=100&isco=5321"), HttpStatusCode.OK);
        Assert.True(mine.GetProperty("marketDataAvailable").GetBoolean());
        var withMarket = mine.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("market").ValueKind == JsonValueKind.Object).ToList();
        Assert.NotEmpty(withMarket);
        Assert.All(withMarket, i => Assert.Equal("Utrecht", i.GetProperty("market").GetProperty("region").GetString()));
        Assert.All(withMarket, i => Assert.Equal(0.75, i.GetProperty("market").GetProperty("value").GetDouble(), 6));

        // Clean up so other tests see no labour-market data.
        await app.WithScopeAsync(async sp => await sp.GetRequiredService<KlimrekDbContext>().LabourMarketImports.ExecuteDeleteAsync());
    }

    private Task<int> IndicatorCountAsync() =>
        app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().LabourMarketIndicators.CountAsync());

    [Theory]
    [InlineData("isco;regio;spanning\n5321;Nederland;krap\n7115;Utr\u00e9cht;ruim\n", 3, "UTF-8")] // é in Latin-1
    [InlineData("isco;regio;spanning\n5321;Nederland;krap\n7115;Nederland;ruim;extra\n", 3, "4 kolommen")]
    [InlineData("isco;regio;spanning\n5321;Nederland;krap\n7115;Nederland\n", 3, "2 kolommen")]
    [InlineData("isco;regio;spanning\n5321;\"Noord-\nHolland\";krap\n7115;Nederland;ruim;extra\n5321;Utrecht;krap\n", 4, "4 kolommen")]
    [InlineData("isco;regio;spanning\n5321;Nederland;krap\n7115;\"Noord-\nHolland;ruim\n5321;Utrecht;krap\n", 3, "aanhalingsteken")]
    public async Task Labour_market_csv_must_be_utf8_with_the_header_columns_on_every_line(string csv, int line, string reason)
    {
        var admin = await app.LoginAsync(Roles.Beheerder);
        var before = await IndicatorCountAsync();
        var r = await admin.PostAsync("/api/v1/labour-market", new ByteArrayContent(Encoding.Latin1.GetBytes(csv)));
        var rejected = await JsonAsync(r, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var error = Assert.Single(rejected.GetProperty("errors").EnumerateArray());
        Assert.Equal(line, error.GetProperty("line").GetInt32());
        Assert.Contains(reason, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await IndicatorCountAsync());
    }

    [Fact]
    public async Task A_labour_market_file_that_is_not_utf8_is_refused_on_the_page_with_its_name_and_line()
    {
        var admin = await app.LoginAsync(Roles.Beheerder);
        var before = await IndicatorCountAsync();
        var r = await KlimrekApp.PostFileAsync(admin, "/beheer/arbeidsmarkt", "/beheer/arbeidsmarkt", "file", "spanning.csv",
            Encoding.Latin1.GetBytes("isco;regio;spanning\n5321;Nederland;krap\n7115;Utr\u00e9cht;ruim\n"));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var page = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        Assert.Contains("er is niets gewijzigd", page);
        Assert.Contains("regel 3", page);
        Assert.Contains("spanning.csv", page);
        Assert.Contains("UTF-8", page);
        Assert.Equal(before, await IndicatorCountAsync());
    }

    /// <summary>A profile document whose second line holds "Utrecht" with its é… as the one Latin-1 byte 0xE9.</summary>
    private static byte[] ProfileNotUtf8() =>
        Encoding.Latin1.GetBytes("{\"format\":\"klimrek-skills-profile\",\"version\":1,\n\"region\":\"Utr\u00e9cht\"}");

    [Fact]
    public async Task A_profile_document_that_is_not_utf8_is_refused_with_its_position_and_changes_nothing()
    {
        var user = await app.LoginAsUserAsync(Roles.Deelnemer);
        await JsonAsync(await user.Client.PutAsync("/api/v1/me/profile",
            new StringContent((await ProfileWithSkillsAsync(5)).ToJsonString(), Encoding.UTF8, "application/json")), HttpStatusCode.OK);
        var before = await user.Client.GetStringAsync("/api/v1/me/profile");

        var content = new ByteArrayContent(ProfileNotUtf8());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var r = await user.Client.PutAsync("/api/v1/me/profile", content);
        var body = await JsonAsync(r, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var messages = body.GetProperty("errors").EnumerateObject().SelectMany(f => f.Value.EnumerateArray().Select(m => m.GetString())).ToList();
        Assert.Contains(messages, m => m!.Contains("UTF-8", StringComparison.Ordinal) && m.Contains("regel 2, positie 14", StringComparison.Ordinal));
        Assert.Equal(before, await user.Client.GetStringAsync("/api/v1/me/profile"));

        // The page asks merge or replace (MijnKlimrekTests); either way the file is read first and refused whole.
        var token = System.Text.RegularExpressions.Regex.Match(await user.Client.GetStringAsync("/klimrek/profiel"), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
            { new ByteArrayContent(ProfileNotUtf8()), "file", "profiel.json" },
            { new StringContent("merge"), "mode" },
        };
        var page = await user.Client.PostAsync("/klimrek/profiel?handler=Import", upload);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("UTF-8", html);
        Assert.Contains("regel 2, positie 14", html);
        Assert.Equal(before, await user.Client.GetStringAsync("/api/v1/me/profile"));
    }

    [Fact]
    public async Task Transition_pages_render_and_link_from_the_occupation_page()
    {
        var client = app.Anonymous();
        var id = await OccupationIdAsync(NurseAssistant);
        Assert.Contains($"/beroepen/{id}/overstappen", await client.GetStringAsync($"/beroepen/{id}"));
        var list = await client.GetStringAsync($"/beroepen/{id}/overstappen?sector=zorg");
        Assert.Contains($"/beroepen/{id}/overstappen/", list);
        var byIsco = await client.GetStringAsync($"/beroepen/{id}/overstappen?isco=71");
        Assert.Contains("value=\"71\"", byIsco);
        var bad = await client.GetStringAsync($"/beroepen/{id}/overstappen?sector=%3Cscript%3E");
        Assert.Contains("filter bestaat niet", bad);
        var target = await OccupationIdAsync(Carpenter);
        var detail = await client.GetStringAsync($"/beroepen/{id}/overstappen/{target}");
        Assert.Contains("Eerst te leren", detail);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/beroepen/{id}/overstappen/99999999")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CareerTestsSqlite(SqliteApp app) : CareerTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CareerTestsPostgres(PostgresApp app) : CareerTests(app);
