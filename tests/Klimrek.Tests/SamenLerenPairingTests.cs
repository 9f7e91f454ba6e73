using Klimrek.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Klimrek.Tests;

/// <summary>The steering group pairs and swaps by hand, seeing the fit and the cost against the optimal set before confirming.</summary>
public abstract class SamenLerenPairingTests(KlimrekApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"expected {expected}, got {r.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task Swapping_and_pairing_by_hand_show_the_fit_and_the_cost_and_keep_the_hard_rules()
    {
        var steward = await app.LoginAsUserAsync(Roles.Stuurgroep);
        int id = (await JsonAsync(await steward.Client.PostAsJsonAsync("/api/v1/programmes", new { name = "Met de hand", startDate = Today, endDate = Today.AddDays(200), trioForOdd = false }),
            HttpStatusCode.Created)).GetProperty("id").GetInt32();
        string p = $"/api/v1/programmes/{id}";
        var people = new List<KlimrekApp.TestUser>();
        for (int i = 0; i < 6; i++) people.Add(await app.LoginAsUserAsync(Roles.Deelnemer));
        await JsonAsync(await steward.Client.PostAsJsonAsync($"{p}/participants", new { emails = people.Select(u => u.Email).ToArray() }), HttpStatusCode.OK);
        var ids = new int[6];
        async Task IntakeAsync(int i)
        {
            int pair = i / 2;
            await JsonAsync(await people[i].Client.PutAsJsonAsync($"{p}/intake", new
            {
                brings = new[] { $"kunde-{pair}-{i % 2}" }, develops = new[] { $"kunde-{pair}-{1 - i % 2}" }, qualities = new[] { "optimisme" },
                department = i % 2 == 0 ? "Onderwijs" : "Onderzoek", availability = new[] { "dinsdag-middag" },
            }), HttpStatusCode.OK);
            ids[i] = (await JsonAsync(await people[i].Client.GetAsync($"{p}/intake"), HttpStatusCode.OK)).GetProperty("participantId").GetInt32();
        }
        for (int i = 0; i < 4; i++) await IntakeAsync(i);
        await JsonAsync(await steward.Client.PostAsync($"{p}/matching", null), HttpStatusCode.OK);
        for (int i = 4; i < 6; i++) await IntakeAsync(i); // after the run: no duo yet

        // Swap 0 and 2: the new pairs (2,1) and (0,3) fit worse than the optimal set; the preview says by how much and changes nothing.
        var swap = new { kind = "swap", a = ids[0], b = ids[2] };
        var preview = await JsonAsync(await steward.Client.PostAsJsonAsync($"{p}/duos/manual/preview", swap), HttpStatusCode.OK);
        Assert.Equal(2, preview.GetProperty("pairs").GetArrayLength());
        double optimal = preview.GetProperty("optimalTotal").GetDouble(), after = preview.GetProperty("totalAfter").GetDouble();
        Assert.True(optimal > after, $"optimal {optimal}, after {after}");
        Assert.Equal(Math.Round(optimal - after, 1), preview.GetProperty("cost").GetDouble());
        Assert.True(preview.GetProperty("pairs")[0].GetProperty("fit").GetDouble() < preview.GetProperty("currentTotal").GetDouble() / 2);
        Assert.Empty(preview.GetProperty("newDuoIds").EnumerateArray());
        var before = await JsonAsync(await steward.Client.GetAsync($"{p}/duos"), HttpStatusCode.OK);
        Assert.Equal(2, before.GetArrayLength());
        // Participants may not.
        await JsonAsync(await people[0].Client.PostAsJsonAsync($"{p}/duos/manual/preview", swap), HttpStatusCode.Forbidden);
        await JsonAsync(await people[0].Client.PostAsJsonAsync($"{p}/duos/manual", swap), HttpStatusCode.Forbidden);

        var applied = await JsonAsync(await steward.Client.PostAsJsonAsync($"{p}/duos/manual", swap), HttpStatusCode.OK);
        Assert.Equal(2, applied.GetProperty("newDuoIds").GetArrayLength());
        var mine = await JsonAsync(await people[0].Client.GetAsync($"{p}/my-duo"), HttpStatusCode.OK);
        Assert.Equal(new[] { ids[0], ids[3] }.Order(), mine.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("participantId").GetInt32()).Order());

        // Pairing the two without a duo: they are the optimal pair for each other, so nothing is lost against the optimum for them.
        await JsonAsync(await steward.Client.PostAsJsonAsync($"{p}/duos/manual/preview", new { kind = "pair", a = ids[4], b = ids[0] }), HttpStatusCode.BadRequest);
        await JsonAsync(await steward.Client.PostAsJsonAsync($"{p}/rules", new { a = ids[4], b = ids[5], kind = "forbidden" }), HttpStatusCode.OK);
        var refused = await JsonAsync(await steward.Client.PostAsJsonAsync($"{p}/duos/manual", new { kind = "pair", a = ids[4], b = ids[5] }), HttpStatusCode.BadRequest);
        Assert.Contains("uitgesloten", refused.GetRawText());
        var rules = await JsonAsync(await steward.Client.GetAsync($"{p}/rules"), HttpStatusCode.OK);
        await JsonAsync(await steward.Client.DeleteAsync($"{p}/rules/{rules[0].GetProperty("id").GetInt32()}"), HttpStatusCode.NoContent);
        var paired = await JsonAsync(await steward.Client.PostAsJsonAsync($"{p}/duos/manual", new { kind = "pair", a = ids[4], b = ids[5] }), HttpStatusCode.OK);
        Assert.Single(paired.GetProperty("newDuoIds").EnumerateArray());
        Assert.True(paired.GetProperty("pairs")[0].GetProperty("fit").GetDouble() > 50);
        Assert.Equal(3, (await JsonAsync(await steward.Client.GetAsync($"{p}/duos"), HttpStatusCode.OK)).GetArrayLength());
        await JsonAsync(await steward.Client.PostAsJsonAsync($"{p}/duos/manual", new { kind = "ruilen", a = ids[4], b = ids[5] }), HttpStatusCode.BadRequest);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SamenLerenPairingTestsSqlite(SqliteApp app) : SamenLerenPairingTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SamenLerenPairingTestsPostgres(PostgresApp app) : SamenLerenPairingTests(app);
