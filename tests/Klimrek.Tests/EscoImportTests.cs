using Klimrek.Data;
using Klimrek.Features.Atlas;
using Klimrek.Features.Esco;
using Klimrek.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using System.Text;

namespace Klimrek.Tests;

/// <summary>The ESCO import on both databases: the shipped set, re-import, other language packs, malformed files.</summary>
public abstract class EscoImportTests(KlimrekApp app) : IDisposable
{
    private sealed record Counts(int Occupations, int Skills, int Groups, int Relations, int Texts, int Broader, int FrTexts);

    private Task<Counts> CountAsync() => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<KlimrekDbContext>();
        return new Counts(
            await db.Occupations.CountAsync(), await db.Skills.CountAsync(s => s.ConceptType == SkillConceptType.Skill),
            await db.Skills.CountAsync(s => s.ConceptType == SkillConceptType.SkillGroup), await db.OccupationSkills.CountAsync(),
            await db.OccupationTexts.CountAsync() + await db.SkillTexts.CountAsync(), await db.SkillBroaders.CountAsync(),
            await db.OccupationTexts.CountAsync(t => t.Language == "fr"));
    });

    private string ShippedFolder => app.Service(sp => ShippedData.EscoFolder(sp.GetRequiredService<IConfiguration>()));

    private readonly List<string> _packs = [];

    /// <summary>Removes the packs this test wrote (xunit disposes the test class after each test).</summary>
    public void Dispose()
    {
        foreach (var dir in _packs)
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }

    private string TempPack(params (string Name, string Content)[] files)
    {
        var dir = Path.Combine(Path.GetTempPath(), "esco-pack-" + Guid.NewGuid().ToString("N"));
        _packs.Add(dir);
        Directory.CreateDirectory(dir);
        foreach (var (name, content) in files)
            File.WriteAllText(Path.Combine(dir, name), content, new UTF8Encoding(false));
        return dir;
    }

    private const string OccHeader = "conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code\n";
    private const string Nurse = "http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50";

    [Fact]
    public async Task Shipped_set_is_complete_and_quirks_are_reported()
    {
        var c = await CountAsync();
        Assert.Equal(3007, c.Occupations);
        Assert.Equal(13896, c.Skills);
        Assert.True(c.Groups > 600);
        // 123,855 rows, minus the 67 that point to the occupation missing from occupations_*.csv.
        Assert.Equal(123855 - 67, c.Relations);
        var report = await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().EscoImports.OrderBy(i => i.Id).Select(i => i.Report).FirstAsync());
        Assert.Contains("a9e54177", report);
        Assert.Contains("zonder skillType", report);

        var dutchSkills = await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().SkillTexts.CountAsync(t => t.Language == "nl"));
        Assert.True(dutchSkills >= 2218, $"{dutchSkills} Dutch skill labels");
    }

    [Fact]
    public async Task Reimport_updates_without_duplicating_and_keeps_ids()
    {
        var before = await CountAsync();
        var idsBefore = await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().Occupations.OrderBy(o => o.Uri).Select(o => o.Id).ToListAsync());
        var result = await app.WithScopeAsync(sp => sp.GetRequiredService<EscoImporter>().ImportAsync(ShippedFolder));
        Assert.Equal(3007, result.Occupations);
        var after = await CountAsync();
        Assert.Equal(before with { FrTexts = 0 }, after with { FrTexts = 0 });
        var idsAfter = await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().Occupations.OrderBy(o => o.Uri).Select(o => o.Id).ToListAsync());
        Assert.Equal(idsBefore, idsAfter);
    }

    [Fact]
    public async Task Another_language_pack_adds_its_labels_and_updates_on_reimport()
    {
        var pack = TempPack(("occupations_fr.csv", OccHeader +
            $"Occupation,{Nurse},2221,infirmier en soins généraux,\"infirmière\ninfirmier généraliste\",,released,,,,,,\"Soins infirmiers\",2221.1\n"));
        var before = await CountAsync();
        await app.WithScopeAsync(sp => sp.GetRequiredService<EscoImporter>().ImportAsync(pack));
        await app.WithScopeAsync(sp => sp.GetRequiredService<EscoImporter>().ImportAsync(pack));
        var after = await CountAsync();
        Assert.Equal(1, after.FrTexts);
        Assert.Equal(before.Occupations, after.Occupations);
        Assert.Equal(before.Relations, after.Relations);

        var alt = await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().OccupationTexts
            .Where(t => t.Language == "fr").Select(t => t.AltLabels).SingleAsync());
        Assert.Equal("infirmière\ninfirmier généraliste", alt);

        app.Service(sp => { sp.GetRequiredService<EscoCatalogue>().Invalidate(); return 0; });
        var hits = await app.WithScopeAsync(async sp => await AtlasSearch.SearchAsync(sp.GetRequiredService<EscoCatalogue>(), "infirmiere", 1, 5, "nl", default));
        Assert.Contains(hits.Items, h => h.Occupation.Uri == Nurse);
    }

    [Theory]
    [InlineData("occupations_fr.csv", OccHeader + "Occupation,http://data.europa.eu/esco/occupation/x,2221,ok,,,released,,,,,,,1\nOccupation,\"http://broken,2221\n", "occupations_fr.csv")]
    [InlineData("occupations_fr.csv", OccHeader + "Occupation,http://data.europa.eu/esco/occupation/x,2221,ok,,,released,,,,,,,1\nOccupation,geen-uri,2221,x,,,released,,,,,,,1\n", "regel 3")]
    [InlineData("occupations_fr.csv", "conceptType,conceptUri\nOccupation,http://x\n", "preferredLabel")]
    [InlineData("occupationSkillRelations.csv", "occupationUri,relationType,skillType,skillUri\nhttp://a,essential,knowledge,http://b\nhttp://a,sometimes,knowledge,http://b\n", "regel 3")]
    public async Task Malformed_file_is_named_with_its_line_and_changes_nothing(string file, string content, string expected)
    {
        var pack = TempPack(("occupations_de.csv", OccHeader + $"Occupation,{Nurse},2221,Krankenpfleger,,,released,,,,,,,2221.1\n"), (file, content));
        var before = await CountAsync();
        var deBefore = await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().OccupationTexts.CountAsync(t => t.Language == "de"));
        var error = await Assert.ThrowsAsync<EscoImportException>(() => app.WithScopeAsync(sp => sp.GetRequiredService<EscoImporter>().ImportAsync(pack)));
        Assert.Contains(file, error.Message);
        Assert.Contains(expected, error.Message);
        Assert.Equal(before, await CountAsync());
        Assert.Equal(deBefore, await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().OccupationTexts.CountAsync(t => t.Language == "de")));
    }

    [Fact]
    public async Task Folder_without_esco_files_is_refused()
    {
        var pack = TempPack(("readme.txt", "niets"));
        var error = await Assert.ThrowsAsync<EscoImportException>(() => app.WithScopeAsync(sp => sp.GetRequiredService<EscoImporter>().ImportAsync(pack)));
        Assert.Contains("Geen ESCO-bestanden", error.Message);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class EscoImportTestsSqlite(SqliteApp app) : EscoImportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class EscoImportTestsPostgres(PostgresApp app) : EscoImportTests(app);
