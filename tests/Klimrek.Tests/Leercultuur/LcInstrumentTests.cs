using Klimrek.Data;
using Klimrek.Features.Leercultuur.Instrument;
using Klimrek.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Klimrek.Tests;

/// <summary>The beheerder's instrument revisions: a new revision N+1 from edited items, validation, stale and racing saves, rounds keeping theirs.</summary>
public abstract class LcInstrumentTests(KlimrekApp app)
{
    private const string Api = "/api/v1/admin/scan-instruments";

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"{r.RequestMessage?.Method} {r.RequestMessage?.RequestUri}: expected {expected}, got {r.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private sealed record Item(string Key, int Block, string Kind, string Nl, string En, string? Options, bool MultipleChoice);

    private static async Task<(int Number, List<Item> Items, Dictionary<string, string> Fingerprints)> CurrentAsync(HttpClient admin)
    {
        var list = await JsonAsync(await admin.GetAsync(Api), HttpStatusCode.OK);
        var newest = list[0];
        var full = await JsonAsync(await admin.GetAsync($"{Api}/{newest.GetProperty("id").GetInt32()}"), HttpStatusCode.OK);
        var items = full.GetProperty("items").EnumerateArray().Select(i => new Item(i.GetProperty("key").GetString()!, i.GetProperty("block").GetInt32(),
            i.GetProperty("kind").GetString()!, i.GetProperty("textNl").GetString()!, i.GetProperty("textEn").GetString()!,
            i.GetProperty("options").ValueKind == JsonValueKind.Null ? null : i.GetProperty("options").GetString(), i.GetProperty("multipleChoice").GetBoolean())).ToList();
        return (full.GetProperty("number").GetInt32(), items,
            full.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString()!, i => i.GetProperty("fingerprint").GetString()!));
    }

    /// <summary>Puts the shipped revision back as the newest (other tests expect its items).</summary>
    private static async Task RestoreAsync(HttpClient admin)
    {
        var (number, _, _) = await CurrentAsync(admin);
        var seed = InstrumentSeed.Items.Select(s => new Item(s.Key, s.Block, s.Kind.ToString(), s.Nl, s.En, s.Options, s.Multiple)).ToList();
        await JsonAsync(await admin.PostAsJsonAsync(Api, new { basedOn = number, note = "terug naar het begin", items = seed }), HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_new_revision_gets_the_next_number_keeps_unchanged_fingerprints_and_leaves_rounds_on_their_own()
    {
        var admin = (await app.LoginAsUserAsync(Roles.Beheerder)).Client;
        var (number, items, fingerprints) = await CurrentAsync(admin);
        var org = await LcCoachingData.OrganisationAsync(app);
        var round = await LcCoachingData.RoundAsync(app, org.Id, 3, 3, 3);
        var roundInstrument = await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().ScanRounds.Where(r => r.Id == round).Select(r => r.InstrumentId).SingleAsync());

        var changed = items.Select(i => i.Key == "b1.uitdaging" ? i with { Nl = i.Nl + " Echt." } : i).Where(i => i.Key != "b1.rust").ToList();
        changed.Add(new Item("b6.netwerk", 6, "Stelling", "Ik leer van mensen buiten mijn organisatie.", "I learn from people outside my organisation.", null, false));
        var created = await JsonAsync(await admin.PostAsJsonAsync(Api, new { basedOn = number, note = "Test", items = changed }), HttpStatusCode.Created);
        Assert.Equal(number + 1, created.GetProperty("number").GetInt32());
        var after = created.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString()!, i => i.GetProperty("fingerprint").GetString()!);
        Assert.NotEqual(fingerprints["b1.uitdaging"], after["b1.uitdaging"]);
        Assert.Equal(fingerprints["b2.fouten"], after["b2.fouten"]);
        Assert.Equal(fingerprints["o.vanwie"], after["o.vanwie"]);
        Assert.False(after.ContainsKey("b1.rust"));
        Assert.Equal(changed.Count, after.Count);

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            Assert.Equal(roundInstrument, await db.ScanRounds.Where(r => r.Id == round).Select(r => r.InstrumentId).SingleAsync());
            Assert.Equal(number + 1, (await sp.GetRequiredService<InstrumentService>().CurrentAsync(default)).Number);
            return true;
        });
        var list = await JsonAsync(await admin.GetAsync(Api), HttpStatusCode.OK);
        Assert.Equal(number + 1, list[0].GetProperty("number").GetInt32());

        // A save made from the old revision is refused.
        await JsonAsync(await admin.PostAsJsonAsync(Api, new { basedOn = number, items = changed }), HttpStatusCode.Conflict);
        await RestoreAsync(admin);
    }

    [Fact]
    public async Task Invalid_revisions_are_refused_in_dutch_and_store_nothing()
    {
        var admin = (await app.LoginAsUserAsync(Roles.Beheerder)).Client;
        var (number, items, _) = await CurrentAsync(admin);
        var cases = new (List<Item> Items, string Expect)[]
        {
            (items.Where(i => !(i.Block == 3 && i.Kind == "Stelling")).Concat(items.Where(i => i.Block == 3 && i.Kind == "Stelling").Take(2)).ToList(), "minstens 3 stellingen"),
            (items.Concat([items[0]]).ToList(), "komt al eerder voor"),
            (items.Select((i, n) => n == 0 ? i with { Key = "B1.Hoofd" } : i).ToList(), "kleine letters"),
            (items.Select((i, n) => n == 0 ? i with { Nl = "  " } : i).ToList(), "Nederlandse tekst"),
            (items.Select((i, n) => n == 1 ? i with { En = new string('x', 501) } : i).ToList(), "Engelse tekst"),
            (items.Select(i => i.Kind == "Onderstroom" ? i with { Options = "alleen|één" } : i).ToList(), "minstens twee keuzes"),
        };
        foreach (var (list, expect) in cases)
        {
            var problem = await JsonAsync(await admin.PostAsJsonAsync(Api, new { basedOn = number, items = list }), HttpStatusCode.BadRequest);
            Assert.Contains(expect, problem.GetRawText());
        }
        Assert.Equal(number, (await CurrentAsync(admin)).Number);
        // A deelnemer or begeleider does not reach the admin API.
        var coach = (await app.LoginAsUserAsync(Roles.Begeleider)).Client;
        Assert.Equal(HttpStatusCode.Forbidden, (await coach.PostAsJsonAsync(Api, new { basedOn = number, items })).StatusCode);
    }

    [Fact]
    public async Task Of_two_saves_from_the_same_revision_one_wins_and_the_other_gets_409()
    {
        var admin = (await app.LoginAsUserAsync(Roles.Beheerder)).Client;
        var other = (await app.LoginAsUserAsync(Roles.Beheerder)).Client;
        var (number, items, _) = await CurrentAsync(admin);
        var results = await Task.WhenAll(admin.PostAsJsonAsync(Api, new { basedOn = number, items }), other.PostAsJsonAsync(Api, new { basedOn = number, items }));
        Assert.Equal([HttpStatusCode.Conflict, HttpStatusCode.Created], results.Select(r => r.StatusCode).OrderBy(s => s.ToString()).ToArray());
        Assert.Equal(number + 1, (await CurrentAsync(admin)).Number);
    }

    [Fact]
    public async Task The_page_shows_the_items_per_block_and_saves_an_edited_table_as_a_new_revision()
    {
        var admin = (await app.LoginAsUserAsync(Roles.Beheerder)).Client;
        var (number, items, _) = await CurrentAsync(admin);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/beheer/leercultuur/instrument"));
        Assert.Contains("Ruimte en veiligheid om te ontwikkelen", page);
        Assert.Contains(items[0].Nl, page);

        var form = new Dictionary<string, string> { ["BasedOn"] = number.ToString(), ["Note"] = "Via de pagina" };
        for (int i = 0; i < items.Count; i++)
        {
            var it = items[i];
            form[$"Rows[{i}].Key"] = it.Key;
            form[$"Rows[{i}].Kind"] = it.Kind;
            form[$"Rows[{i}].Block"] = it.Block.ToString();
            form[$"Rows[{i}].Nl"] = i == 2 ? it.Nl + " (herzien)" : it.Nl;
            form[$"Rows[{i}].En"] = it.En;
            form[$"Rows[{i}].Options"] = it.Options ?? "";
            if (it.MultipleChoice) form[$"Rows[{i}].Multiple"] = "true";
        }
        form[$"Rows[{items.Count}].Key"] = "";
        var saved = await KlimrekApp.PostFormAsync(admin, "/beheer/leercultuur/instrument", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (after, afterItems, _) = await CurrentAsync(admin);
        Assert.Equal(number + 1, after);
        Assert.EndsWith("(herzien)", afterItems[2].Nl);
        Assert.Equal(items.Count, afterItems.Count);

        // Removing statements until a block has two: refused on the page, with the message.
        form["Rows[0].Remove"] = "true";
        form["Rows[1].Remove"] = "true";
        form["Rows[2].Remove"] = "true";
        form["BasedOn"] = after.ToString();
        var refused = await KlimrekApp.PostFormAsync(admin, "/beheer/leercultuur/instrument", form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("houdt minstens 3 stellingen", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        await RestoreAsync(admin);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LcInstrumentTestsSqlite(SqliteApp app) : LcInstrumentTests(app);

[Collection(PostgresCollection.Name)]
public sealed class LcInstrumentTestsPostgres(PostgresApp app) : LcInstrumentTests(app);
