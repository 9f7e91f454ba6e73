using Klimrek.Data;
using Klimrek.Features.Esco;
using Klimrek.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Klimrek.Tests;

/// <summary>
/// Every ESCO skill readable and searchable in Dutch: ESCO's Dutch label where it has one, else our own (unofficial,
/// shipped in data/klimrek-nl) — marked as such, and replaced by an official label once one is imported.
/// </summary>
public abstract class DutchSkillsTests(KlimrekApp app) : IDisposable
{
    /// <summary>"carry out wound care": no official Dutch label in the shipped pack; ours is "wondverzorging uitvoeren".</summary>
    protected const string WoundCare = "http://data.europa.eu/esco/skill/1c6736c2-77de-419c-9b84-8932e15abc21";
    /// <summary>"apply wound dressing" (ours: "wondverband aanleggen"), also found by "wondzorg".</summary>
    protected const string WoundDressing = "http://data.europa.eu/esco/skill/fa845322-85c4-42cb-b230-c1d43d308f02";
    /// <summary>"manage musical staff": the skill the simulated official Dutch pack gives a label.</summary>
    private const string MusicalStaff = "http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab";

    private readonly List<string> _packs = [];

    public void Dispose()
    {
        foreach (var dir in _packs)
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }

    private Task<CatalogueSnapshot> CatalogueAsync() => app.Service(sp => sp.GetRequiredService<EscoCatalogue>()).GetAsync().AsTask();

    [Fact]
    public async Task The_shipped_unofficial_labels_are_loaded_and_marked()
    {
        var c = await CatalogueAsync();
        var skill = c.Skills[c.SkillByUri[WoundCare]];
        Assert.Equal("wondverzorging uitvoeren", skill.LabelNl);
        Assert.Equal("carry out wound care", skill.LabelEn);
        var nl = skill.Label("nl");
        Assert.Equal(("wondverzorging uitvoeren", "nl", false, true), (nl.Text, nl.Language, nl.IsFallback, nl.IsUnofficial));
        var en = skill.Label("en");
        Assert.Equal(("carry out wound care", false, false), (en.Text, en.IsFallback, en.IsUnofficial));
        // Every real skill reads in Dutch now.
        Assert.DoesNotContain(c.Skills.Values, s => !s.IsGroup && s.LabelNl is null);

        var stored = await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().SkillTexts
            .CountAsync(t => t.Language == UnofficialSkillLabels.Language));
        Assert.True(stored >= 11_000, $"{stored} unofficial labels stored");
    }

    [Fact]
    public async Task An_official_Dutch_label_takes_over_from_ours()
    {
        var before = (await CatalogueAsync()).Skills.Values.Single(s => s.Uri == MusicalStaff);
        Assert.True(before.Label("nl").IsUnofficial);

        // An official Dutch pack with skills_nl.csv (cut down to one skill).
        var dir = Path.Combine(Path.GetTempPath(), "esco-nl-" + Guid.NewGuid().ToString("N"));
        _packs.Add(dir);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "skills_nl.csv"),
            "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description\n" +
            $"KnowledgeSkillCompetence,{MusicalStaff},skill/competence,sector-specific,muziekpersoneel leiden,muzikanten leiden,,released,,,,,\"Officiële beschrijving.\"\n",
            new UTF8Encoding(false));
        await app.WithScopeAsync(sp => sp.GetRequiredService<EscoImporter>().ImportAsync(dir));

        var after = (await CatalogueAsync()).Skills.Values.Single(s => s.Uri == MusicalStaff);
        var nl = after.Label("nl");
        Assert.Equal(("muziekpersoneel leiden", false), (nl.Text, nl.IsUnofficial));
        // Ours stays stored (unused) for this skill; the other skills keep theirs.
        var ours = await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().SkillTexts
            .Where(t => t.SkillId == after.Id && t.Language == UnofficialSkillLabels.Language).Select(t => t.PreferredLabel).SingleAsync());
        Assert.Equal("muziekpersoneel aansturen", ours);
        Assert.True((await CatalogueAsync()).Skills.Values.Single(s => s.Uri == WoundCare).Label("nl").IsUnofficial);
        // Our label no longer finds it; the official one does.
        var search = (await CatalogueAsync()).SkillSearch;
        Assert.Equal(after.Id, search.Search("muziekpersoneel leiden", 0, 5).Hits[0].Key);
        Assert.DoesNotContain(search.Search("muziekpersoneel aansturen", 0, 50).Hits, h => h.Key == after.Id && h.MatchedLabel == "muziekpersoneel aansturen");
    }

    [Fact]
    public async Task A_database_imported_without_our_labels_gets_them_once_at_start()
    {
        // As a database imported before the labels existed: none stored.
        await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().SkillTexts
            .Where(t => t.Language == UnofficialSkillLabels.Language).ExecuteDeleteAsync());
        var written = await app.WithScopeAsync(sp => sp.GetRequiredService<EscoImporter>().EnsureUnofficialLabelsAsync());
        Assert.True(written >= 11_000, $"{written} written");
        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<EscoImporter>().EnsureUnofficialLabelsAsync()));
        var ours = await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().SkillTexts
            .Where(t => t.Language == UnofficialSkillLabels.Language && t.PreferredLabel == "wondverzorging uitvoeren").Select(t => t.AltLabels).SingleAsync());
        Assert.Equal("wondzorg\nwonden verzorgen\nverbinden", ours);
    }

    [Theory]
    [InlineData("wondzorg")]
    [InlineData("wonden verzorgen")]
    [InlineData("Wondverzorging")]
    public async Task Dutch_search_finds_the_wound_care_skills_first(string query)
    {
        var c = await CatalogueAsync();
        var hits = c.SkillSearch.Search(query, 0, 10, "nl").Hits;
        Assert.NotEmpty(hits);
        Assert.Contains(c.Skills[hits[0].Key].Uri, new[] { WoundCare, WoundDressing });
    }

    [Fact]
    public async Task A_short_Dutch_query_does_not_put_dry_wood_first()
    {
        var c = await CatalogueAsync();
        var hits = c.SkillSearch.Search("wond", 0, 10, "nl").Hits;
        Assert.NotEmpty(hits);
        Assert.DoesNotContain("wood", c.Skills[hits[0].Key].LabelEn ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("wond", c.Skills[hits[0].Key].LabelNl, StringComparison.Ordinal);
    }
    [Fact]
    public async Task The_skills_api_returns_labels_with_their_language_and_whether_they_are_official()
    {
        var client = app.Anonymous();
        var r = await client.GetAsync("/api/v1/skills?q=wondzorg");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var body = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("wondzorg", body.GetProperty("query").GetString());
        var first = body.GetProperty("items")[0];
        Assert.Contains(first.GetProperty("uri").GetString(), new[] { WoundCare, WoundDressing });
        Assert.Equal("nl", first.GetProperty("labelLanguage").GetString());
        Assert.False(first.GetProperty("official").GetBoolean());

        // ESCO's English label is official.
        var en = await (await client.GetAsync("/api/v1/skills?q=carry+out+wound+care&lang=en")).Content.ReadFromJsonAsync<JsonElement>();
        var woundEn = en.GetProperty("items")[0];
        Assert.Equal((WoundCare, "carry out wound care", "en", true), (woundEn.GetProperty("uri").GetString(), woundEn.GetProperty("label").GetString(),
            woundEn.GetProperty("labelLanguage").GetString(), woundEn.GetProperty("official").GetBoolean()));

        // Capped like the occupation search; bad input is a validation problem.
        var page = await (await client.GetAsync("/api/v1/skills?q=beheren&pageSize=100")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(100, page.GetProperty("items").GetArrayLength());
        Assert.True(page.GetProperty("total").GetInt32() > 100);
        foreach (var bad in new[] { "/api/v1/skills", "/api/v1/skills?q=a&pageSize=101", "/api/v1/skills?q=a&lang=de", "/api/v1/skills?q=" + new string('a', 201) })
            Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(bad)).StatusCode);
    }

    [Fact]
    public async Task Occupation_skills_in_the_api_say_whether_their_label_is_official()
    {
        var nurse = await (await app.Anonymous().GetAsync("/api/v1/occupations/8d3e8aaa-791b-4c75-a465-f3f827028f50")).Content.ReadFromJsonAsync<JsonElement>();
        var skills = nurse.GetProperty("essentialSkills").EnumerateArray().Concat(nurse.GetProperty("optionalSkills").EnumerateArray()).ToList();
        Assert.Contains(skills, x => !x.GetProperty("official").GetBoolean() && x.GetProperty("labelLanguage").GetString() == "nl");
        Assert.Contains(skills, x => x.GetProperty("official").GetBoolean());
    }

    [Fact]
    public async Task Pages_mark_our_own_translations_and_the_skill_page_shows_what_it_is_and_who_needs_it()
    {
        var client = app.Anonymous();
        var c = await CatalogueAsync();
        int wound = c.SkillByUri[WoundCare];
        var html = await client.GetStringAsync($"/vaardigheden/{wound}");
        Assert.Contains("wondverzorging uitvoeren", html);
        Assert.Contains("class=\"unofficial-mark\" title=\"eigen vertaling, niet van ESCO\"", html);
        Assert.Contains("<span class=\"visually-hidden\"> (eigen vertaling, niet van ESCO)</span>", html);
        // The English ESCO name and the English description that remain carry lang="en".
        Assert.Contains("<span lang=\"en\">carry out wound care</span>", html);
        Assert.Contains("<span lang=\"en\">Cleanse, irrigate, probe, debride, pack and dress wounds.</span>", html);
        // Occupations that need it, linked (wound care is optional for six).
        Assert.Contains($"href=\"/beroepen/{c.Requirements.First(r => r.SkillId == wound).OccupationId}\"", html);
        Assert.DoesNotContain(">Essentieel (", html);
        // A skill asked for both ways lists the occupations that need it as essential first.
        var essentialFor = c.Requirements.Where(r => r.IsEssential).Select(r => r.SkillId).ToHashSet();
        var both = c.Requirements.First(r => !r.IsEssential && essentialFor.Contains(r.SkillId)).SkillId;
        var bothHtml = await client.GetStringAsync($"/vaardigheden/{both}");
        int essential = bothHtml.IndexOf(">Essentieel (", StringComparison.Ordinal), optional = bothHtml.IndexOf(">Optioneel (", StringComparison.Ordinal);
        Assert.True(essential > 0 && essential < optional, "essential before optional");
        Assert.Contains($"href=\"/beroepen/{c.Requirements.First(r => r.SkillId == both && r.IsEssential).OccupationId}\"", bothHtml[essential..optional]);
        var broader = c.SkillBroader.First(b => b.SkillId == wound).BroaderId;
        Assert.Contains($"href=\"/vaardigheden/{broader}\"", html);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/vaardigheden/999999999")).StatusCode);

        // The skill search page finds it in Dutch and links it.
        var search = await client.GetStringAsync("/vaardigheden?q=wonden+verzorgen");
        Assert.Contains($"href=\"/vaardigheden/{wound}\"", search);

        // In English the Dutch marker is absent and the label is ESCO's own.
        var en = await client.GetStringAsync($"/vaardigheden/{wound}?culture=en&ui-culture=en");
        Assert.Contains("carry out wound care", en);
        Assert.DoesNotContain("unofficial-mark", en);
    }

    [Fact]
    public void A_label_that_stays_in_another_language_carries_lang()
    {
        var helper = new EscoLabelTagHelper(app.Service(sp => sp.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>()))
        {
            Value = new LocalizedText("dry wood", "en", IsFallback: true),
        };
        var output = new Microsoft.AspNetCore.Razor.TagHelpers.TagHelperOutput("esco-label", new Microsoft.AspNetCore.Razor.TagHelpers.TagHelperAttributeList(), (_, _) =>
            Task.FromResult<Microsoft.AspNetCore.Razor.TagHelpers.TagHelperContent>(new Microsoft.AspNetCore.Razor.TagHelpers.DefaultTagHelperContent()));
        helper.Process(new Microsoft.AspNetCore.Razor.TagHelpers.TagHelperContext(new Microsoft.AspNetCore.Razor.TagHelpers.TagHelperAttributeList(), new Dictionary<object, object>(), "x"), output);
        var html = output.Content.GetContent();
        Assert.StartsWith("<span lang=\"en\">dry wood</span>", html);
        Assert.Contains(">EN</span>", html);
        Assert.DoesNotContain("unofficial-mark", html);
    }

    [Fact]
    public async Task The_intake_recognises_Dutch_skill_names_and_synonyms()
    {
        var steward = await app.LoginAsUserAsync(Roles.Stuurgroep);
        var created = await steward.Client.PostAsJsonAsync("/api/v1/programmes", new
        {
            name = "Zorg leert samen", description = "Pilot", startDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-7),
            endDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(200), hoursPerParticipant = 40, expertBudgetPerDuo = 100m, reflectionCadenceWeeks = 6,
            intervisionSessionCount = 2, notMetWeeks = 3,
            weights = new { complementarity = 40, qualities = 10, affinity = 20, availability = 20, crossDepartment = 10 }, avoidSameTeam = false, trioForOdd = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        int id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var person = await app.LoginAsUserAsync(Roles.Deelnemer);
        Assert.True((await steward.Client.PostAsJsonAsync($"/api/v1/programmes/{id}/participants", new { emails = new[] { person.Email } })).IsSuccessStatusCode);
        var saved = await person.Client.PutAsJsonAsync($"/api/v1/programmes/{id}/intake", new
        {
            brings = new[] { "Wondverzorging uitvoeren", "wondzorg" }, develops = new[] { "wondsluiting", "iets heel eigens" },
            qualities = new[] { "optimisme" }, affinities = new[] { "zorg" }, department = "Zorg", discipline = "verpleging",
            availability = new[] { "dinsdag-middag" },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var intake = await (await person.Client.GetAsync($"/api/v1/programmes/{id}/intake")).Content.ReadFromJsonAsync<JsonElement>();
        var brings = intake.GetProperty("brings").EnumerateArray().ToList();
        // Our Dutch label names the skill; "wondzorg" is a synonym of two skills, so it stays the person's own word.
        Assert.Equal(2, brings.Count);
        Assert.Equal(WoundCare, brings.Single(b => b.GetProperty("label").GetString() == "Wondverzorging uitvoeren").GetProperty("escoUri").GetString());
        Assert.Equal(JsonValueKind.Null, brings.Single(b => b.GetProperty("label").GetString() == "wondzorg").GetProperty("escoUri").ValueKind);
        var develops = intake.GetProperty("develops").EnumerateArray().ToList();
        // A synonym of exactly one skill names that skill.
        Assert.Equal("http://data.europa.eu/esco/skill/6042ba76-e5c9-4b64-b61d-cc96be8dc562",
            develops.Single(d => d.GetProperty("label").GetString() == "wondsluiting").GetProperty("escoUri").GetString());
        Assert.Equal(JsonValueKind.Null, develops.Single(d => d.GetProperty("label").GetString() == "iets heel eigens").GetProperty("escoUri").ValueKind);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DutchSkillsTestsSqlite(SqliteApp app) : DutchSkillsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DutchSkillsTestsPostgres(PostgresApp app) : DutchSkillsTests(app);
