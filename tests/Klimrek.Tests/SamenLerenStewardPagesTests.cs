using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Klimrek.Tests;

/// <summary>
/// The steering group's pages for control (issue 13): reading a participant's intake (logged for the participant) and
/// pairing or swapping by hand with a preview of the fit and the cost before the change.
/// </summary>
public abstract class SamenLerenStewardPagesTests(KlimrekApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"expected {expected}, got {r.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private sealed record Setup(KlimrekApp.TestUser Steward, List<KlimrekApp.TestUser> People, int[] Ids, int Programme);

    /// <summary>Six people; the first four matched into two proposed duos, the last two with an intake after the run.</summary>
    private async Task<Setup> ProgrammeAsync()
    {
        var steward = await app.LoginAsUserAsync(Roles.Stuurgroep);
        int id = (await JsonAsync(await steward.Client.PostAsJsonAsync("/api/v1/programmes", new { name = "Stuur zelf", startDate = Today, endDate = Today.AddDays(200), trioForOdd = false }),
            HttpStatusCode.Created)).GetProperty("id").GetInt32();
        string p = $"/api/v1/programmes/{id}";
        var people = new List<KlimrekApp.TestUser>();
        for (int i = 0; i < 6; i++) people.Add(await app.LoginAsUserAsync(Roles.Deelnemer));
        await JsonAsync(await steward.Client.PostAsJsonAsync($"{p}/participants", new { emails = people.Select(u => u.Email).ToArray() }), HttpStatusCode.OK);
        var ids = new int[6];
        for (int i = 0; i < 6; i++)
        {
            if (i == 4) await JsonAsync(await steward.Client.PostAsync($"{p}/matching", null), HttpStatusCode.OK);
            await JsonAsync(await people[i].Client.PutAsJsonAsync($"{p}/intake", new
            {
                brings = new[] { $"kunde-{i / 2}-{i % 2}" }, develops = new[] { $"kunde-{i / 2}-{1 - i % 2}" }, qualities = new[] { "optimisme" },
                department = i % 2 == 0 ? "Onderwijs" : "Onderzoek", availability = new[] { "dinsdag-middag" },
            }), HttpStatusCode.OK);
            ids[i] = (await JsonAsync(await people[i].Client.GetAsync($"{p}/intake"), HttpStatusCode.OK)).GetProperty("participantId").GetInt32();
        }
        return new Setup(steward, people, ids, id);
    }

    [Fact]
    public async Task A_steward_reads_an_intake_and_the_participant_sees_that_in_the_access_log()
    {
        var s = await ProgrammeAsync();
        var url = $"/samen-leren/{s.Programme}/deelnemers/{s.Ids[1]}";
        var page = await s.Steward.Client.GetStringAsync(url);
        Assert.Contains("kunde-0-1", page);
        Assert.Contains("Onderzoek", page);
        Assert.Contains("dinsdagmiddag", page);
        Assert.Contains($"/samen-leren/{s.Programme}/deelnemers/{s.Ids[1]}", await s.Steward.Client.GetStringAsync($"/samen-leren/{s.Programme}"));
        var log = await s.People[1].Client.GetStringAsync("/api/v1/me/access-log");
        Assert.Contains("IntakeRead", log);
        Assert.Contains("Stuur zelf", log);
        // A participant may not read another's intake; a participant of another programme is not found.
        AssertRefused(await s.People[0].Client.GetAsync(url));
        Assert.Equal(HttpStatusCode.NotFound, (await s.Steward.Client.GetAsync($"/samen-leren/{s.Programme}/deelnemers/999999")).StatusCode);
    }

    [Fact]
    public async Task On_the_page_a_swap_is_previewed_with_its_cost_changes_nothing_and_then_is_made()
    {
        var s = await ProgrammeAsync();
        var url = $"/samen-leren/{s.Programme}/koppelen";
        var fields = new Dictionary<string, string> { ["Kind"] = "swap", ["A"] = s.Ids[0].ToString(), ["B"] = s.Ids[2].ToString() };
        var preview = await KlimrekApp.PostFormAsync(s.Steward.Client, url + "?handler=Preview", fields, url);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Wat het kost tegenover de beste indeling", html);
        var api = await JsonAsync(await s.Steward.Client.PostAsJsonAsync($"/api/v1/programmes/{s.Programme}/duos/manual/preview",
            new { kind = "swap", a = s.Ids[0], b = s.Ids[2] }), HttpStatusCode.OK);
        Assert.Contains(api.GetProperty("cost").GetDouble().ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("nl-NL")), html);
        int Duos() => app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().Duos.CountAsync(d => d.ProgrammeId == s.Programme && d.Fixed)).GetAwaiter().GetResult();
        Assert.Equal(0, Duos());

        // A participant without a duo cannot be swapped: refused in Dutch on the page, nothing changed.
        var refused = await KlimrekApp.PostFormAsync(s.Steward.Client, url + "?handler=Apply",
            new() { ["Kind"] = "swap", ["A"] = s.Ids[0].ToString(), ["B"] = s.Ids[4].ToString() }, url);
        Assert.Contains("Ruilen kan tussen twee deelnemers uit twee verschillende voorgestelde duo", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, Duos());

        Task<int> NoticesAsync() => app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().Notifications.CountAsync(n => n.UserId == s.People[3].Id));
        var noticesBefore = await NoticesAsync();
        var applied = await KlimrekApp.PostFormAsync(s.Steward.Client, url + "?handler=Apply", fields, url);
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal(2, Duos());
        var mine = await JsonAsync(await s.People[0].Client.GetAsync($"/api/v1/programmes/{s.Programme}/my-duo"), HttpStatusCode.OK);
        Assert.Equal(new[] { s.Ids[0], s.Ids[3] }.Order(), mine.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("participantId").GetInt32()).Order());
        // The partners of a pair made by hand are told, as after a matching run.
        Assert.Equal(noticesBefore + 1, await NoticesAsync());
        AssertRefused(await s.People[0].Client.GetAsync(url));
    }

    /// <summary>A page refuses a signed-in person by sending them to the "no access" page.</summary>
    private static void AssertRefused(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Contains("/account/geen-toegang", r.Headers.Location?.ToString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SamenLerenStewardPagesTestsSqlite(SqliteApp app) : SamenLerenStewardPagesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SamenLerenStewardPagesTestsPostgres(PostgresApp app) : SamenLerenStewardPagesTests(app);
