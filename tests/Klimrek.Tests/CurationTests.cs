using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.RegularExpressions;

namespace Klimrek.Tests;

/// <summary>Curators write versioned sections; conflicts lose nothing; other roles are refused.</summary>
public abstract partial class CurationTests(KlimrekApp app)
{
    /// <summary>
    /// A different occupation per test so tests on the shared database do not interfere: the first one nobody has curated
    /// yet (tests in a collection run one at a time, and each test curates the one it gets).
    /// </summary>
    private async Task<int> FreshOccupationAsync() => await app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<KlimrekDbContext>();
        var used = await db.ImageRevisions.Select(r => r.OccupationId).Distinct().ToListAsync();
        return await db.Occupations.Where(o => !used.Contains(o.Id)).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
    });

    private static async Task<HttpResponseMessage> SaveTextAsync(HttpClient client, int occ, string section, string text, int baseVersion, string origin = "werkgever") =>
        await KlimrekApp.PostFormAsync(client, $"/beroepen/{occ}/bewerken/{section}",
            new() { ["Text"] = text, ["BaseVersion"] = baseVersion.ToString(), ["Origin"] = origin, ["Note"] = "test" });

    private async Task<List<ImageRevision>> RevisionsAsync(int occ) => await app.WithScopeAsync(sp =>
        sp.GetRequiredService<KlimrekDbContext>().ImageRevisions.Where(r => r.OccupationId == occ).OrderBy(r => r.Version).ToListAsync());

    [Fact]
    public async Task Curator_edits_an_aspect_and_the_history_shows_every_version()
    {
        var occ = await FreshOccupationAsync();
        var curator = await app.LoginAsync(Roles.Curator);

        var first = await SaveTextAsync(curator, occ, "hart", "Trots op vakmanschap.", 0);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await SaveTextAsync(curator, occ, "hart", "Trots op vakmanschap en op het team.", 1, "werkgever");
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var page = await app.Anonymous().GetStringAsync($"/beroepen/{occ}");
        Assert.Contains("Trots op vakmanschap en op het team.", page);
        Assert.Contains("Versie 2", page);

        var revisions = await RevisionsAsync(occ);
        Assert.Equal([1, 2], revisions.Select(r => r.Version));
        Assert.Equal(ContributorOrigin.Werkgever, revisions[0].Origin);
        Assert.Equal(ContributorOrigin.Werkgever, revisions[1].Origin);

        var history = await app.Anonymous().GetStringAsync($"/beroepen/{occ}/versies");
        Assert.Equal(2, Regex.Count(history, $"/beroepen/{occ}/versies/\\d+"));
        var old = await app.Anonymous().GetStringAsync($"/beroepen/{occ}/versies/{revisions[0].Id}");
        Assert.Contains("Trots op vakmanschap.", old);
    }

    [Fact]
    public async Task Second_curator_gets_a_conflict_and_keeps_their_text()
    {
        var occ = await FreshOccupationAsync();
        var a = await app.LoginAsync(Roles.Curator);
        var b = await app.LoginAsync(Roles.Curator);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveTextAsync(a, occ, "klassiek", "Begin", 0)).StatusCode);

        // Both start from version 1; A saves first.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveTextAsync(a, occ, "klassiek", "Tekst van A", 1)).StatusCode);
        var conflict = await SaveTextAsync(b, occ, "klassiek", "Tekst van B", 1);
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var html = await conflict.Content.ReadAsStringAsync();
        Assert.Contains("intussen gewijzigd", html);
        Assert.Contains("Tekst van B", html);   // B's text is still in the form
        Assert.Contains("Tekst van A", html);   // A's newer version is shown beside it
        Assert.Equal("Tekst van A", (await RevisionsAsync(occ)).Last().Content);

        // B saves deliberately on top of A's version: now it is version 3.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveTextAsync(b, occ, "klassiek", "Tekst van B", 2)).StatusCode);
        Assert.Equal(["Begin", "Tekst van A", "Tekst van B"], (await RevisionsAsync(occ)).Select(r => r.Content));
    }

    [Fact]
    public async Task Script_in_curated_text_is_shown_as_text()
    {
        var occ = await FreshOccupationAsync();
        var curator = await app.LoginAsync(Roles.Curator);
        await SaveTextAsync(curator, occ, "mond", "<script>alert('x')</script> & \"quotes\"", 0);
        var page = await app.Anonymous().GetStringAsync($"/beroepen/{occ}");
        Assert.DoesNotContain("<script>alert('x')</script>", page);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", page);
    }

    [Fact]
    public async Task Structured_lists_are_validated_and_saved()
    {
        var occ = await FreshOccupationAsync();
        var curator = await app.LoginAsync(Roles.Curator);
        var bad = await KlimrekApp.PostFormAsync(curator, $"/beroepen/{occ}/bewerken/verschuivingen",
            new() { ["Rows[0].A"] = "zorgbegeleider", ["Rows[0].B"] = "", ["BaseVersion"] = "0", ["Origin"] = "werkgever" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Niet opgeslagen", await bad.Content.ReadAsStringAsync());
        Assert.Empty(await RevisionsAsync(occ));

        var good = await KlimrekApp.PostFormAsync(curator, $"/beroepen/{occ}/bewerken/verschuivingen",
            new() { ["Rows[0].A"] = "zorgbegeleider", ["Rows[0].B"] = "wooncoach", ["Rows[0].C"] = "van zorgen naar coachen", ["BaseVersion"] = "0", ["Origin"] = "werkgever" });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var page = await app.Anonymous().GetStringAsync($"/beroepen/{occ}");
        Assert.Contains("wooncoach", page);
        var api = await app.Anonymous().GetStringAsync($"/api/v1/occupations/{occ}");
        Assert.Contains("\"to\":\"wooncoach\"", api);
    }

    [Fact]
    public async Task Too_long_text_is_refused_and_nothing_changes()
    {
        var occ = await FreshOccupationAsync();
        var curator = await app.LoginAsync(Roles.Curator);
        var response = await SaveTextAsync(curator, occ, "hoofd", new string('x', 8001), 0);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("te lang", html);
        Assert.Empty(await RevisionsAsync(occ));
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_login_and_a_deelnemer_is_refused()
    {
        var occ = await FreshOccupationAsync();
        var anonymous = await app.Anonymous().GetAsync($"/beroepen/{occ}/bewerken/hoofd");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/inloggen", anonymous.Headers.Location!.PathAndQuery);

        foreach (var role in new[] { Roles.Deelnemer, Roles.Begeleider, Roles.Stuurgroep })
        {
            var client = await app.LoginAsync(role);
            var get = await client.GetAsync($"/beroepen/{occ}/bewerken/hoofd");
            Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
            Assert.StartsWith("/account/geen-toegang", get.Headers.Location!.PathAndQuery);
            // A forged POST (token taken from a page the user can see) is refused too.
            var post = await KlimrekApp.PostFormAsync(client, $"/beroepen/{occ}/bewerken/hoofd",
                new() { ["Text"] = "inbraak", ["BaseVersion"] = "0", ["Origin"] = "werkgever" }, formPage: "/over");
            Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        }
        Assert.Empty(await RevisionsAsync(occ));
    }

    [Fact]
    public async Task Post_without_antiforgery_token_is_rejected()
    {
        var occ = await FreshOccupationAsync();
        var curator = await app.LoginAsync(Roles.Curator);
        var response = await curator.PostAsync($"/beroepen/{occ}/bewerken/hoofd",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Text"] = "x", ["BaseVersion"] = "0", ["Origin"] = "werkgever" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await RevisionsAsync(occ));
    }

    [Fact]
    public async Task Demo_content_is_loaded_for_at_least_twelve_studied_occupations()
    {
        var (occupations, sections) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            var demo = db.ImageRevisions.Where(r => r.IsDemo);
            return (await demo.Select(r => r.OccupationId).Distinct().CountAsync(), await demo.Select(r => r.Section).Distinct().CountAsync());
        });
        Assert.True(occupations >= 12, $"only {occupations} demo occupations");
        Assert.Equal(13, sections);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CurationTestsSqlite(SqliteApp app) : CurationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CurationTestsPostgres(PostgresApp app) : CurationTests(app);
