using Klimrek.Data;
using Klimrek.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Klimrek.Tests;

/// <summary>
/// What samen leren tells people after a matching run and on the monitor says what really happened (issue 13, "bugs
/// first"): the reason someone stayed without a duo, a run that formed none, and a count that agrees with the warnings.
/// </summary>
public abstract class SamenLerenMessagesTests(KlimrekApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private sealed record Setup(KlimrekApp.TestUser Steward, int ProgrammeId, KlimrekApp.TestUser[] People, int[] Ids);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"expected {expected}, got {r.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static object Intake(string brings, string develops, string dept) => new
    {
        brings = new[] { brings }, develops = new[] { develops }, qualities = new[] { "optimisme" }, affinities = new[] { "onderwijsinnovatie" },
        department = dept, discipline = "beleid", availability = new[] { "dinsdag-middag", "donderdag-ochtend" },
    };

    /// <summary>
    /// Five participants; the first four fill their intake, are matched in two duos and accept them (active). The
    /// fifth fills in the intake afterwards: nobody else is free.
    /// </summary>
    private async Task<Setup> TwoActiveDuosAndALateComerAsync()
    {
        var steward = await app.LoginAsUserAsync(Roles.Stuurgroep);
        var created = await JsonAsync(await steward.Client.PostAsJsonAsync("/api/v1/programmes", new
        {
            name = "Samen leren late instromer", startDate = Today.AddDays(-14), endDate = Today.AddDays(200), notMetWeeks = 3, trioForOdd = true,
        }), HttpStatusCode.Created);
        int id = created.GetProperty("id").GetInt32();
        var people = new KlimrekApp.TestUser[5];
        for (int i = 0; i < 5; i++) people[i] = await app.LoginAsUserAsync(Roles.Deelnemer);
        await JsonAsync(await steward.Client.PostAsJsonAsync($"/api/v1/programmes/{id}/participants", new { emails = people.Select(u => u.Email).ToArray() }), HttpStatusCode.OK);
        var ids = new int[5];
        for (int i = 0; i < 5; i++)
            ids[i] = (await JsonAsync(await people[i].Client.GetAsync($"/api/v1/programmes/{id}/intake"), HttpStatusCode.OK)).GetProperty("participantId").GetInt32();
        for (int i = 0; i < 4; i++)
            await JsonAsync(await people[i].Client.PutAsJsonAsync($"/api/v1/programmes/{id}/intake",
                Intake($"vaardigheid-{i / 2}-{i % 2}", $"vaardigheid-{i / 2}-{1 - i % 2}", i % 2 == 0 ? "Onderwijs" : "Onderzoek")), HttpStatusCode.OK);
        await JsonAsync(await steward.Client.PostAsync($"/api/v1/programmes/{id}/matching", null), HttpStatusCode.OK);
        for (int i = 0; i < 4; i++)
        {
            var duo = (await JsonAsync(await people[i].Client.GetAsync($"/api/v1/programmes/{id}/my-duo"), HttpStatusCode.OK)).GetProperty("id").GetInt32();
            await JsonAsync(await people[i].Client.PostAsJsonAsync($"/api/v1/programmes/{id}/duos/{duo}/response", new { accept = true }), HttpStatusCode.OK);
        }
        await JsonAsync(await people[4].Client.PutAsJsonAsync($"/api/v1/programmes/{id}/intake", Intake("roosteren", "vaardigheid-0-0", "Zorg")), HttpStatusCode.OK);
        return new Setup(steward, id, people, ids);
    }

    [Fact]
    public async Task A_rerun_that_forms_no_duo_says_so_and_why_and_the_one_left_is_told_the_others_are_in_an_active_duo()
    {
        var s = await TwoActiveDuosAndALateComerAsync();
        string page = $"/samen-leren/{s.ProgrammeId}";
        var posted = await KlimrekApp.PostFormAsync(s.Steward.Client, page + "?handler=Match", [], page);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = WebUtility.HtmlDecode(await s.Steward.Client.GetStringAsync(posted.Headers.Location!.OriginalString));
        Assert.DoesNotContain("De duo's zijn gevormd", after);
        Assert.Contains("Er zijn geen duo's gevormd: er was maar één deelnemer vrij om te koppelen", after);
        Assert.Contains("4 deelnemers zitten al in een actief duo", after);
        Assert.Contains("notice warn", after);

        // The participant left over (and the steering group beside their name) reads the real reason.
        var mine = WebUtility.HtmlDecode(await s.People[4].Client.GetStringAsync(page));
        Assert.DoesNotContain("Geen enkele partner is toegestaan", mine);
        Assert.Contains("Er was niemand meer vrij om mee te koppelen: de 4 andere deelnemers zitten al in een actief duo.", mine);
        var stewards = WebUtility.HtmlDecode(await s.Steward.Client.GetStringAsync(page));
        Assert.Contains("Niet gekoppeld: Er was niemand meer vrij om mee te koppelen", stewards);
        SiteNavigationTests.AssertHeadingsInOrder(stewards, page);
        SiteNavigationTests.AssertHeadingsInOrder(mine, page);
        // In English too.
        var english = WebUtility.HtmlDecode(await s.People[4].Client.GetStringAsync(page + "?culture=en"));
        Assert.Contains("already in an active pair", english);

        // A run that does form duos says how many.
        var sixth = await app.LoginAsUserAsync(Roles.Deelnemer);
        await JsonAsync(await s.Steward.Client.PostAsJsonAsync($"/api/v1/programmes/{s.ProgrammeId}/participants", new { emails = new[] { sixth.Email } }), HttpStatusCode.OK);
        await JsonAsync(await sixth.Client.PutAsJsonAsync($"/api/v1/programmes/{s.ProgrammeId}/intake", Intake("vaardigheid-0-0", "roosteren", "Onderwijs")), HttpStatusCode.OK);
        posted = await KlimrekApp.PostFormAsync(s.Steward.Client, page + "?handler=Match", [], page);
        after = WebUtility.HtmlDecode(await s.Steward.Client.GetStringAsync(posted.Headers.Location!.OriginalString));
        Assert.Contains("Er is 1 duo gevormd.", after);
        Assert.Contains("notice ok", after);
    }

    [Fact]
    public async Task The_monitor_counts_the_duos_whose_warnings_it_shows()
    {
        var s = await TwoActiveDuosAndALateComerAsync();
        // Both active duos were formed today and have no meeting planned: each has a warning, neither the "not met" signal.
        var dash = await JsonAsync(await s.Steward.Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/dashboard"), HttpStatusCode.OK);
        Assert.All(dash.EnumerateArray(), r => Assert.False(r.GetProperty("notMetSignal").GetBoolean()));
        Assert.All(dash.EnumerateArray(), r => Assert.NotEqual(0, r.GetProperty("warnings").GetArrayLength()));
        var monitor = WebUtility.HtmlDecode(await s.Steward.Client.GetStringAsync($"/samen-leren/{s.ProgrammeId}/monitor"));
        Assert.Contains("Geen volgende afspraak ingepland.", monitor);
        Assert.Contains("2 van de 2 duo's vragen aandacht.", monitor);
        SiteNavigationTests.AssertHeadingsInOrder(monitor, "monitor");
        Assert.Contains("Daarvan hebben er 0 3 weken of langer niet afgesproken.", monitor);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SamenLerenMessagesTestsSqlite(SqliteApp app) : SamenLerenMessagesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SamenLerenMessagesTestsPostgres(PostgresApp app) : SamenLerenMessagesTests(app);
