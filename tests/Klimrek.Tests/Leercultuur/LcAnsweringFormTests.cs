using Klimrek.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;

namespace Klimrek.Tests.Leercultuur;

/// <summary>The answer pages (without JavaScript, one step per block) and the anonymity of what they store.</summary>
public abstract class LcAnsweringFormTests(KlimrekApp app)
{
    private Task<T> Db<T>(Func<KlimrekDbContext, Task<T>> read) => app.WithScopeAsync(sp => read(sp.GetRequiredService<KlimrekDbContext>()));

    private static Dictionary<string, string> Step(string block, int value) =>
        Klimrek.Features.Leercultuur.Instrument.InstrumentSeed.Items.Where(i => i.Key.StartsWith(block + ".", StringComparison.Ordinal) && i.Kind == ScanItemKind.Stelling)
            .ToDictionary(i => "v." + i.Key, _ => value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task The_form_saves_each_step_resumes_from_the_same_link_and_sends_all_or_nothing()
    {
        var s = await LcAnsweringWorld.RoundAsync(app);
        var secret = await LcAnsweringWorld.InviteAsync(app, s.RoundId, s.UnitIds[0]);
        var url = $"/scan/{secret}";
        var browser = app.Anonymous();
        var first = await browser.GetStringAsync(url);
        Assert.Contains("<legend>Mijn werk is afwisselend genoeg om er steeds iets van te leren.</legend>", first);
        Assert.Contains("helemaal oneens", first);
        Assert.Contains("weet ik niet", first);
        Assert.Contains("Stap 1 van 7", first);

        var saved = await KlimrekApp.PostFormAsync(browser, url, new(Step("b1", 2)) { ["stap"] = "0", ["actie"] = "verder", ["t.b1.open"] = "Collega's die meedenken" }, url);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("stap=1", saved.Headers.Location!.ToString());

        // Later, in another browser: the same link shows what was saved.
        var later = app.Anonymous();
        var back = await later.GetStringAsync(url + "?stap=0");
        Assert.Contains("id=\"b1-afwisseling-2\" name=\"v.b1.afwisseling\" value=\"2\" checked=\"checked\"", back);
        Assert.Contains("Collega&#x27;s die meedenken", back);

        // The last step with one option too many: nothing is stored, the draft stays as it was.
        var last = url + "?stap=6";
        var form = new List<KeyValuePair<string, string>>
        {
            new("stap", "6"), new("actie", "versturen"), new("c.o.vanwie", "team"), new("c.o.vanwie", "zelf"), new("c.o.vanwie", "buiten"), new("c.o.vanwie", "opleiding"),
        };
        var tooMany = await PostListAsync(later, url, form, last);
        Assert.Equal(HttpStatusCode.OK, tooMany.StatusCode);
        Assert.Contains("Kies er hoogstens 3.", await tooMany.Content.ReadAsStringAsync());
        Assert.Equal(0, await Db(db => db.ScanResponses.CountAsync(r => r.RoundId == s.RoundId)));
        Assert.False(await Db(db => db.ScanInvitations.Where(i => i.RoundId == s.RoundId).Select(i => i.Answered).SingleAsync()));
        Assert.Contains("b1.afwisseling", await Db(db => db.ScanDrafts.Where(d => d.RoundId == s.RoundId).Select(d => d.Answers).SingleAsync()));

        var sent = await PostListAsync(later, url, [new("stap", "6"), new("actie", "versturen"), new("c.o.vanwie", "team"), new("c.o.tussendoor", "dagelijks")], last);
        Assert.Contains("Dank je wel! Je antwoord is verstuurd.", await sent.Content.ReadAsStringAsync());
        var stored = await Db(db => db.ScanResponses.Include(r => r.Answers).Include(r => r.OpenAnswers).Include(r => r.Choices).SingleAsync(r => r.RoundId == s.RoundId));
        Assert.Equal(5, stored.Answers.Count);
        Assert.Single(stored.OpenAnswers);
        Assert.Equal(2, stored.Choices.Count);
        Assert.Contains("al geantwoord", await browser.GetStringAsync(url));
    }

    private static async Task<HttpResponseMessage> PostListAsync(HttpClient client, string url, List<KeyValuePair<string, string>> fields, string formPage)
    {
        var page = await client.GetStringAsync(formPage);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(token.Success);
        fields.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task The_open_link_page_lets_one_pick_a_unit_and_hands_out_a_link_to_keep()
    {
        var s = await LcAnsweringWorld.RoundAsync(app);
        var browser = app.Anonymous();
        var url = $"/scan/open/{s.OpenToken}";
        var page = await browser.GetStringAsync(url);
        Assert.Contains("Team A", page);
        Assert.Contains("Team B", page);
        var missing = await KlimrekApp.PostFormAsync(browser, url, new() { ["taal"] = "nl" });
        Assert.Contains("Kies je afdeling of team.", await missing.Content.ReadAsStringAsync());
        var started = await KlimrekApp.PostFormAsync(browser, url, new() { ["unit"] = s.UnitIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture), ["taal"] = "en" });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var to = started.Headers.Location!.ToString();
        var fresh = await browser.GetStringAsync(to);
        var token = to.Split('?')[0]["/scan/".Length..];
        Assert.Contains(token, fresh);
        Assert.Contains("lang=\"en\"", fresh);
        Assert.Equal(s.UnitIds[0], await Db(db => db.ScanDrafts.Where(d => d.RoundId == s.RoundId).Select(d => d.UnitId).SingleAsync()));
        var api = await app.Anonymous().GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/scan/{token}");
        Assert.Equal("open", api.GetProperty("state").GetString());
    }

    [Fact]
    public void Answers_have_no_path_to_an_invitation_a_draft_or_an_account()
    {
        var model = app.Service(sp => sp.GetRequiredService<KlimrekDbContext>().Model);
        var forbidden = new[] { typeof(ScanInvitation), typeof(ScanDraft), typeof(KlimrekUser) };
        foreach (var type in new[] { typeof(ScanResponse), typeof(ScanAnswer), typeof(ScanOpenAnswer), typeof(ScanChoice), typeof(ScanBlockScore) })
        {
            var entity = model.FindEntityType(type)!;
            foreach (var fk in entity.GetForeignKeys().Concat(entity.GetReferencingForeignKeys()))
                Assert.DoesNotContain(fk.PrincipalEntityType.ClrType == type ? fk.DeclaringEntityType.ClrType : fk.PrincipalEntityType.ClrType, forbidden);
            foreach (var nav in entity.GetNavigations())
                Assert.DoesNotContain(nav.TargetEntityType.ClrType, forbidden);
            Assert.DoesNotContain(entity.GetProperties(), p => p.Name.Contains("User", StringComparison.OrdinalIgnoreCase)
                || p.Name.Contains("Invitation", StringComparison.OrdinalIgnoreCase) || p.Name.Contains("Token", StringComparison.OrdinalIgnoreCase)
                || p.Name.Contains("Ip", StringComparison.Ordinal) || p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?) || p.ClrType == typeof(DateTimeOffset));
        }
        var response = model.FindEntityType(typeof(ScanResponse))!;
        Assert.Equal(["Id", "RoundId", "SubmittedOn", "UnitId", "Values"], response.GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(typeof(DateOnly), response.FindProperty(nameof(ScanResponse.SubmittedOn))!.ClrType);
        Assert.Equal(ValueGenerated.Never, response.FindProperty(nameof(ScanResponse.Id))!.ValueGenerated);
        var invitation = model.FindEntityType(typeof(ScanInvitation))!;
        Assert.Equal(typeof(bool), invitation.FindProperty(nameof(ScanInvitation.Answered))!.ClrType);
        Assert.DoesNotContain(invitation.GetProperties(), p => p.Name.Contains("Answered", StringComparison.Ordinal) && p.ClrType != typeof(bool));
        foreach (var fk in invitation.GetForeignKeys().Concat(invitation.GetReferencingForeignKeys()))
            Assert.DoesNotContain(fk.DeclaringEntityType.ClrType, new[] { typeof(ScanResponse), typeof(ScanAnswer), typeof(ScanOpenAnswer), typeof(ScanChoice), typeof(ScanBlockScore) });
    }

    [Fact]
    public async Task Response_ids_are_random_not_sequential()
    {
        var s = await LcAnsweringWorld.RoundAsync(app);
        for (int i = 0; i < 3; i++)
        {
            var secret = await LcAnsweringWorld.InviteAsync(app, s.RoundId, s.UnitIds[0]);
            Assert.Equal(HttpStatusCode.NoContent, (await app.Anonymous().PostAsJsonAsync($"/api/v1/scan/{secret}", new { values = LcAnsweringWorld.AllStatements(3) })).StatusCode);
        }
        var ids = await Db(db => db.ScanResponses.Where(r => r.RoundId == s.RoundId).Select(r => r.Id).ToListAsync());
        Assert.Equal(3, ids.Count);
        Assert.All(ids, id => Assert.Equal(4, id.Version)); // version 4: 122 random bits, no time or counter in it
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LcAnsweringFormTestsSqlite(SqliteApp app) : LcAnsweringFormTests(app);

[Collection(PostgresCollection.Name)]
public sealed class LcAnsweringFormTestsPostgres(PostgresApp app) : LcAnsweringFormTests(app);
