using AngleSharp.Html.Parser;
using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Klimrek.Tests;

/// <summary>
/// Every page, as each role that can open it: every <c>&lt;label for&gt;</c> points to exactly one element, no id is used
/// twice, and every form control has an accessible name (a label, aria-label or aria-labelledby) — the checks that
/// catch Razor's <c>id="q@i"</c> trap, where every label pointed at one literal id.
/// </summary>
public abstract class MarkupTests(KlimrekApp app)
{
    private async Task<List<string>> PagesAsync()
    {
        var (occupation, other) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            var ids = await db.Occupations.OrderBy(o => o.Id).Select(o => o.Id).Take(2).ToListAsync();
            return (ids[0], ids[1]);
        });
        return
        [
            "/", "/beroepen?q=verpleeg", "/over", $"/beroepen/{occupation}", $"/beroepen/{occupation}/overstappen",
            $"/beroepen/{occupation}/overstappen/{other}", $"/beroepen/{occupation}/versies", "/account/inloggen", "/account/registreren",
            "/account/registreren/verstuurd", "/account/wachtwoord-vergeten", "/account/wachtwoord-herstellen?id=x&code=y", "/account/bevestigen/opnieuw",
            "/account/uitnodiging?code=bestaat-niet",
            "/account/verwijderd",
        ];
    }

    private static readonly Dictionary<string, string[]> ByRole = new()
    {
        [Roles.Deelnemer] = ["/account", "/account/tweestapsverificatie", "/klimrek", "/klimrek/profiel", "/klimrek/profiel?zoek=plannen", "/klimrek/beroep-toevoegen?zoek=verpleeg", "/samen-leren",
            "/account/mijn-gegevens"],
        [Roles.Curator] = ["/beroepen/{occ}/bewerken/hoofd", "/beroepen/{occ}/bewerken/verschuivingen"],
        [Roles.Begeleider] = ["/begeleiding"],
        [Roles.Stuurgroep] = ["/samen-leren", "/samen-leren/instellingen"],
        [Roles.Beheerder] = ["/beheer/gebruikers", "/beheer/organisaties", "/beheer/arbeidsmarkt", "/beheer/privacy", "/beheer/privacy?email=niemand@example.org"],
    };

    [Fact]
    public async Task Every_label_points_to_one_control_and_every_control_has_a_name()
    {
        var problems = new List<string>();
        var anonymous = app.Anonymous();
        var pages = await PagesAsync();
        foreach (var url in pages)
            await CheckAsync(anonymous, url, problems);
        var occupation = pages[3].Split('/')[2];
        foreach (var (role, urls) in ByRole)
        {
            var client = await app.LoginAsync(role);
            foreach (var url in urls)
                await CheckAsync(client, url.Replace("{occ}", occupation), problems);
        }
        await CheckSamenLerenAsync(problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>A running programme with one duo: its pages as the steward and as a participant.</summary>
    private async Task CheckSamenLerenAsync(List<string> problems)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var steward = await app.LoginAsync(Roles.Stuurgroep);
        var created = await steward.PostAsJsonAsync("/api/v1/programmes", new
        {
            name = "Markup", startDate = today.AddDays(-14), endDate = today.AddDays(200), hoursPerParticipant = 75,
            expertBudgetPerDuo = 500m, reflectionCadenceWeeks = 6, intervisionSessionCount = 3, notMetWeeks = 3,
            weights = new { complementarity = 40, qualities = 10, affinity = 20, availability = 20, crossDepartment = 10 },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var people = new[] { await app.LoginAsUserAsync(Roles.Deelnemer), await app.LoginAsUserAsync(Roles.Deelnemer) };
        Assert.Equal(HttpStatusCode.OK, (await steward.PostAsJsonAsync($"/api/v1/programmes/{id}/participants",
            new { emails = people.Select(p => p.Email).ToArray() })).StatusCode);
        for (var i = 0; i < 2; i++)
        {
            var intake = await people[i].Client.PutAsJsonAsync($"/api/v1/programmes/{id}/intake", new
            {
                brings = new[] { $"onderwerp-{i}" }, develops = new[] { $"onderwerp-{1 - i}" }, qualities = new[] { "optimisme" },
                affinities = new[] { "onderwijsinnovatie" }, department = i == 0 ? "Onderwijs" : "Onderzoek", discipline = "beleid",
                availability = new[] { "dinsdag-middag" },
            });
            Assert.Equal(HttpStatusCode.OK, intake.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await steward.PostAsync($"/api/v1/programmes/{id}/matching", null)).StatusCode);
        var duo = (await people[0].Client.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{id}/my-duo")).GetProperty("id").GetInt32();

        foreach (var url in new[] { $"/samen-leren/{id}", $"/samen-leren/instellingen/{id}", $"/samen-leren/{id}/monitor",
                     $"/samen-leren/{id}/intervisie", $"/samen-leren/{id}/rapport", $"/samen-leren/{id}/duo/{duo}",
                     $"/samen-leren/{id}/duo/{duo}/plan", $"/samen-leren/{id}/duo/{duo}/intervisie" })
            await CheckAsync(steward, url, problems);
        foreach (var url in new[] { "/samen-leren", $"/samen-leren/{id}", $"/samen-leren/{id}/intake", $"/samen-leren/{id}/evaluatie",
                     $"/samen-leren/{id}/duo/{duo}" })
            await CheckAsync(people[0].Client, url, problems);
    }

    private static async Task CheckAsync(HttpClient client, string url, List<string> problems)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        foreach (var group in document.QuerySelectorAll("[id]").GroupBy(e => e.Id!).Where(g => g.Count() > 1))
            problems.Add($"{url}: id \"{group.Key}\" is used {group.Count()} times");
        foreach (var label in document.QuerySelectorAll("label[for]"))
        {
            var target = label.GetAttribute("for")!;
            var count = document.QuerySelectorAll("[id]").Count(e => e.Id == target);
            if (count != 1) problems.Add($"{url}: <label for=\"{target}\"> ({label.TextContent.Trim()}) points to {count} elements");
        }
        foreach (var control in document.QuerySelectorAll("input, select, textarea"))
        {
            var type = control.GetAttribute("type");
            if (type is "hidden" or "submit" or "button" or "reset") continue;
            var named = control.HasAttribute("aria-label") || control.HasAttribute("aria-labelledby") || control.Closest("label") is not null
                || (control.Id is { Length: > 0 } id && document.QuerySelectorAll("label[for]").Any(l => l.GetAttribute("for") == id));
            if (!named) problems.Add($"{url}: <{control.LocalName} name=\"{control.GetAttribute("name")}\"> has no accessible name");
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MarkupTestsSqlite(SqliteApp app) : MarkupTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MarkupTestsPostgres(PostgresApp app) : MarkupTests(app);
