using Klimrek.Data;
using Klimrek.Features.Esco;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Text;

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
}

[Collection(SqliteCollection.Name)]
public sealed class DutchSkillsTestsSqlite(SqliteApp app) : DutchSkillsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DutchSkillsTestsPostgres(PostgresApp app) : DutchSkillsTests(app);
