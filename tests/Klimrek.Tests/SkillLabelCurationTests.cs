using Klimrek.Data;
using Klimrek.Features.Esco;
using Klimrek.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Klimrek.Tests;

/// <summary>Curators correct our own Dutch skill labels: versioned, restorable, searchable, kept by an import, beaten by ESCO's.</summary>
public abstract class SkillLabelCurationTests(KlimrekApp app)
{
    /// <summary>A skill with our own Dutch label that no test corrected yet (tests in a collection run one at a time).</summary>
    private async Task<SkillInfo> FreshSkillAsync() => await app.WithScopeAsync(async sp =>
    {
        var used = (await sp.GetRequiredService<KlimrekDbContext>().SkillLabelRevisions.Select(r => r.SkillUri).Distinct().ToListAsync()).ToHashSet();
        var s = await sp.GetRequiredService<EscoCatalogue>().GetAsync(CancellationToken.None);
        return s.Skills.Values.Where(x => x.LabelNlUnofficial && !x.IsGroup && !used.Contains(x.Uri)).OrderBy(x => x.Id).First();
    });

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, int id, string? ifMatch, object body)
    {
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/skills/{id}/label") { Content = JsonContent.Create(body) };
        if (ifMatch is not null) put.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{ifMatch}\""));
        return await client.SendAsync(put);
    }

    [Fact]
    public async Task A_curator_corrects_our_label_through_the_api_and_search_finds_it()
    {
        var skill = await FreshSkillAsync();
        var word = "klimrektest" + Guid.NewGuid().ToString("N")[..6];
        var curator = await app.LoginAsync(Roles.Curator);

        var before = await app.Anonymous().GetAsync($"/api/v1/skills/{skill.Id}/label");
        Assert.Equal("\"0\"", before.Headers.ETag?.Tag);
        var ok = await PutAsync(curator, skill.Id, "0", new { label = "Verbeterde naam " + word, synonyms = new[] { word + "zoek" }, note = "beter Nederlands" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("\"1\"", ok.Headers.ETag?.Tag);
        var view = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, view.GetProperty("version").GetInt32());
        Assert.False(view.GetProperty("official").GetBoolean());

        // Stale version: 409, nothing written. A deelnemer: refused.
        Assert.Equal(HttpStatusCode.Conflict, (await PutAsync(curator, skill.Id, "0", new { label = "Andere naam" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(await app.LoginAsync(Roles.Deelnemer), skill.Id, "1", new { label = "Van een deelnemer" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PutAsync(curator, skill.Id, "1", new { label = "" })).StatusCode);
        Assert.Equal(1, await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().SkillLabelRevisions.CountAsync(r => r.SkillUri == skill.Uri)));

        // Search finds the correction by label and by synonym; the skill page shows it, still marked as our own.
        var search = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/skills?q={word}zoek");
        var hit = search.GetProperty("items").EnumerateArray().First();
        Assert.Equal(skill.Id, hit.GetProperty("id").GetInt32());
        Assert.Equal("Verbeterde naam " + word, hit.GetProperty("label").GetString());
        Assert.False(hit.GetProperty("official").GetBoolean());
        Assert.Contains("Verbeterde naam " + word, await app.Anonymous().GetStringAsync($"/vaardigheden/{skill.Id}"));
    }

    [Fact]
    public async Task A_curator_corrects_and_restores_on_the_page_and_every_version_is_listed()
    {
        var skill = await FreshSkillAsync();
        var curator = await app.LoginAsync(Roles.Curator);
        Assert.Contains($"/vaardigheden/{skill.Id}/vertaling", await curator.GetStringAsync($"/vaardigheden/{skill.Id}"));
        var page = $"/vaardigheden/{skill.Id}/vertaling";
        var first = await KlimrekApp.PostFormAsync(curator, page, new() { ["Label"] = "Eerste correctie", ["Synonyms"] = "een\ntwee", ["BaseVersion"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Matches("role=\"status\"[^>]*>Opgeslagen: de vertaling is nu versie 1", await curator.GetStringAsync(page));
        Assert.Equal(HttpStatusCode.Redirect, (await KlimrekApp.PostFormAsync(curator, page, new() { ["Label"] = "Tweede correctie", ["BaseVersion"] = "1" })).StatusCode);

        var restore = await KlimrekApp.PostFormAsync(curator, page + "?handler=Restore", new() { ["version"] = "1", ["BaseVersion"] = "2" }, page);
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        var revisions = await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().SkillLabelRevisions
            .Where(r => r.SkillUri == skill.Uri).OrderBy(r => r.Version).ToListAsync());
        Assert.Equal(["Eerste correctie", "Tweede correctie", "Eerste correctie"], revisions.Select(r => r.PreferredLabel));
        Assert.Equal("een\ntwee", revisions[2].Synonyms);
        var html = await curator.GetStringAsync(page);
        Assert.Equal(3, Regex.Count(html, "<tr>\\s*<td>\\d+</td>"));

        // Someone who is not a curator does not get the page.
        var deelnemer = await app.LoginAsync(Roles.Deelnemer);
        var denied = await deelnemer.GetAsync(page);
        Assert.True(denied.StatusCode == HttpStatusCode.Forbidden || denied.Headers.Location?.OriginalString.Contains("geen-toegang", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task An_import_keeps_the_correction_and_an_official_Dutch_label_wins()
    {
        var skill = await FreshSkillAsync();
        var curator = await app.LoginAsync(Roles.Curator);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(curator, skill.Id, "0", new { label = "Door curator verbeterd" })).StatusCode);

        async Task<SkillInfo> AfterAsync(Func<KlimrekDbContext, Task> change) => await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            await change(db);
            await EscoCatalogue.BumpAsync(db, CancellationToken.None);
            var catalogue = sp.GetRequiredService<EscoCatalogue>();
            catalogue.Invalidate();
            return (await catalogue.GetAsync(CancellationToken.None)).Skills[skill.Id];
        });

        // An import writes our shipped labels again (the nl-klimrek rows): the correction still stands.
        var imported = await AfterAsync(db => db.SkillTexts.Where(t => t.SkillId == skill.Id && t.Language == UnofficialSkillLabels.Language)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.PreferredLabel, "meegeleverde naam")));
        Assert.Equal("Door curator verbeterd", imported.LabelNl);
        Assert.True(imported.LabelNlUnofficial);

        // An official Dutch label arrives: it wins, and the correction can no longer be changed.
        var official = await AfterAsync(async db =>
        {
            db.SkillTexts.Add(new SkillText { SkillId = skill.Id, Language = "nl", PreferredLabel = "officiële naam" });
            // In real use the official label comes with a new import, which rebuilds the catalogue; here a correction
            // of a concept that is not in the catalogue makes it rebuild the same way.
            db.SkillLabelRevisions.Add(new SkillLabelRevision { SkillUri = "urn:test:" + Guid.NewGuid(), Version = 1, PreferredLabel = "x", AuthorName = "test" });
            await db.SaveChangesAsync();
        });
        try
        {
            Assert.Equal("officiële naam", official.LabelNl);
            Assert.False(official.LabelNlUnofficial);
            Assert.Equal(HttpStatusCode.BadRequest, (await PutAsync(curator, skill.Id, "1", new { label = "nog eens" })).StatusCode);
        }
        finally
        {
            await AfterAsync(async db =>
            {
                await db.SkillTexts.Where(t => t.SkillId == skill.Id && t.Language == "nl").ExecuteDeleteAsync();
                db.SkillLabelRevisions.Add(new SkillLabelRevision { SkillUri = "urn:test:" + Guid.NewGuid(), Version = 1, PreferredLabel = "x", AuthorName = "test" });
                await db.SaveChangesAsync();
            });
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SkillLabelCurationTestsSqlite(SqliteApp app) : SkillLabelCurationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SkillLabelCurationTestsPostgres(PostgresApp app) : SkillLabelCurationTests(app);
