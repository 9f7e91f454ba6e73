using Klimrek.Data;
using Klimrek.Features.Atlas;
using Klimrek.Features.Esco;
using Klimrek.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using System.IO.Compression;
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

    private string TempPackOfBytes(params (string Name, byte[] Content)[] files)
    {
        var dir = TempPack();
        foreach (var (name, content) in files)
            File.WriteAllBytes(Path.Combine(dir, name), content);
        return dir;
    }

    /// <summary>
    /// <paramref name="rows"/> French occupations (new URIs) as gzip, and the length the file would have if it had been
    /// cut right after the first <paramref name="keep"/> rows: the decompressor then yields whole lines and no error.
    /// </summary>
    private static (byte[] Gzip, int CutAfterRows) FrenchOccupationsGzip(int rows, int keep)
    {
        var compressed = new MemoryStream();
        int cut = 0;
        using (var gz = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gz.Write(Encoding.UTF8.GetBytes(OccHeader));
            for (int i = 0; i < rows; i++)
            {
                gz.Write(Encoding.UTF8.GetBytes($"Occupation,http://data.europa.eu/esco/occupation/fr-test-{i},2221,métier {i},,,released,,,,,,,2221.{i}\n"));
                if (i == keep - 1)
                {
                    gz.Flush(); // a sync flush: everything so far is decodable from the bytes written so far
                    cut = (int)compressed.Length;
                }
            }
        }
        return (compressed.ToArray(), cut);
    }

    private async Task AssertUnchangedAsync(Counts before)
    {
        Assert.Equal(before, await CountAsync());
        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().Occupations.CountAsync(o => o.Uri.Contains("fr-test-"))));
    }

    [Fact]
    public async Task A_truncated_gzip_file_is_refused_by_the_command_line_with_its_name_and_line_and_changes_nothing()
    {
        var (gzip, cut) = FrenchOccupationsGzip(rows: 4000, keep: 1500);
        var pack = TempPackOfBytes(("occupations_fr.csv.gz", gzip[..cut]));
        var before = await CountAsync();

        var exit = await Cli.RunAsync(["import", "esco", pack], app.CliSettings);
        Assert.NotEqual(0, exit);
        await AssertUnchangedAsync(before);

        var error = await Assert.ThrowsAsync<EscoImportException>(() => app.WithScopeAsync(sp => sp.GetRequiredService<EscoImporter>().ImportAsync(pack)));
        Assert.Contains("occupations_fr.csv.gz", error.Message);
        Assert.Contains("regel 1502", error.Message); // the header and 1,500 whole rows came through; the file stops at line 1,502
        await AssertUnchangedAsync(before);
    }

    [Theory]
    [InlineData("trailer")] // the data is complete, the checksum and length after it are gone
    [InlineData("checksum")] // the data decompresses, but is not what was compressed
    public async Task A_gzip_file_that_cannot_be_verified_is_refused_and_changes_nothing(string damage)
    {
        var (gzip, _) = FrenchOccupationsGzip(rows: 50, keep: 50);
        var bytes = damage == "trailer" ? gzip[..^8] : [.. gzip[..^8], (byte)(gzip[^8] ^ 0x5a), .. gzip[^7..]];
        var pack = TempPackOfBytes(("occupations_fr.csv.gz", bytes));
        var before = await CountAsync();
        var error = await Assert.ThrowsAsync<EscoImportException>(() => app.WithScopeAsync(sp => sp.GetRequiredService<EscoImporter>().ImportAsync(pack)));
        Assert.Contains("occupations_fr.csv.gz", error.Message);
        Assert.Contains("beschadigd", error.Message);
        await AssertUnchangedAsync(before);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Invalid_utf8_in_a_csv_file_is_refused_with_its_name_and_line_and_changes_nothing(bool compressed)
    {
        var text = OccHeader + "Occupation,http://data.europa.eu/esco/occupation/fr-test-1,2221,ok,,,released,,,,,,,1\n"
            + "Occupation,http://data.europa.eu/esco/occupation/fr-test-2,2221,m\u00e9tier,,,released,,,,,,,2\n";
        var bytes = Encoding.Latin1.GetBytes(text); // é as the one byte 0xE9: not UTF-8
        var name = compressed ? "occupations_fr.csv.gz" : "occupations_fr.csv";
        if (compressed)
        {
            var ms = new MemoryStream();
            using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(bytes);
            bytes = ms.ToArray();
        }
        var pack = TempPackOfBytes((name, bytes));
        var before = await CountAsync();
        var error = await Assert.ThrowsAsync<EscoImportException>(() => app.WithScopeAsync(sp => sp.GetRequiredService<EscoImporter>().ImportAsync(pack)));
        Assert.Contains(name, error.Message);
        Assert.Contains("regel 3", error.Message);
        Assert.Contains("UTF-8", error.Message);
        await AssertUnchangedAsync(before);
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
