using Microsoft.Playwright;
using System.Text.RegularExpressions;

namespace Klimrek.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class KlimrekJourneyTests(RunningApp app)
{
    private Task ShotAsync(IPage page, string name) => app.ShotAsync(page, name);

    [Fact]
    public async Task Participant_builds_a_profile_opens_a_transition_and_plans_a_route()
    {
        var page = await app.NewPageAsync();
        await app.RegisterAsync(page, "Kim Klimmer", $"kim{Guid.NewGuid():N}@example.org", "een heel lang wachtwoord");

        // An empty profile says what to do.
        await page.GetByRole(AriaRole.Link, new() { Name = "Mijn klimrek" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("nog geen vaardigheden");

        // Add an occupation held and accept its proposed skills.
        await page.GetByRole(AriaRole.Link, new() { Name = "Beroep toevoegen" }).First.ClickAsync();
        await page.GetByLabel("Zoek een beroep").FillAsync("verpleeghulp");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await page.Locator("ol.results a.title").First.ClickAsync();
        await page.GetByLabel("Van (jaar)").FillAsync("2016");
        await page.Locator("#allEssential").CheckAsync();
        await ShotAsync(page, "10-beroep-voorstel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen aan mijn profiel" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/klimrek/profiel"));
        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync("staat in je profiel");

        // Add one skill by search, with its evidence.
        await page.GetByLabel("Vaardigheid zoeken en toevoegen").FillAsync("Excel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        var firstResult = page.Locator("ul.results-skills li").First;
        await firstResult.Locator("select").SelectOptionAsync("certificaat");
        await firstResult.GetByRole(AriaRole.Button, new() { Name = "Toevoegen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync("staat in je profiel");
        await ShotAsync(page, "11-profiel");

        // Next steps, with the climbing frame and its text equivalent.
        await page.GotoAsync(app.BaseUrl + "/klimrek");
        await Assertions.Expect(page.Locator("figure.frame svg[role=group]")).ToBeVisibleAsync();
        var steps = page.Locator("#stappenlijst li");
        Assert.True(await steps.CountAsync() >= 5);
        await ShotAsync(page, "12-mijn-klimrek");

        await steps.First.Locator("a.title").ClickAsync();
        await page.WaitForURLAsync(new Regex("/klimrek/overstap/\\d+"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Persoonlijke aansluiting");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Al aanwezig");
        await ShotAsync(page, "13-overstap");

        // Plan a route to an occupation further away.
        await page.GotoAsync(app.BaseUrl + "/klimrek");
        await page.GetByLabel("Doelberoep").FillAsync("verpleegkundige");
        await page.GetByRole(AriaRole.Button, new() { Name = "Route zoeken" }).ClickAsync();
        await page.Locator("ol.results a.title").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/klimrek/route\\?naar=\\d+"));
        var lead = await page.Locator("p.lead").InnerTextAsync();
        Assert.Matches("tussenstap|directe stap", lead);
        await Assertions.Expect(page.Locator("ol.route > li")).Not.ToHaveCountAsync(0);
        await ShotAsync(page, "14-route");
        await app.AssertVisitedPagesAccessibleAsync();
    }
}

[Collection(BrowserCollection.Name)]
public sealed class TransitionsAndLabourMarketPagesTests(RunningApp app)
{
    private Task ShotAsync(IPage page, string name) => app.ShotAsync(page, name);

    [Fact]
    public async Task Visitor_opens_the_transitions_of_an_occupation_and_filters_them()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/beroepen?q=timmerman");
        await page.Locator("ol.results a.title").First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Overstappen vanuit dit beroep" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/overstappen$"));
        Assert.True(await page.Locator("ol.transitions li").CountAsync() >= 10);
        await ShotAsync(page, "15-overstappen");
        await page.GetByLabel("Binnen of buiten de sector").SelectOptionAsync("across");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon" }).ClickAsync();
        await Assertions.Expect(page.Locator("ol.transitions li").First).ToContainTextAsync("andere sector");
        await page.Locator("ol.transitions a.title").First.ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Eerst te leren");
        await ShotAsync(page, "16-overstap-publiek");
        await app.AssertVisitedPagesAccessibleAsync();
    }

    [Fact]
    public async Task Variants_of_one_kind_of_work_are_named_once_and_opened_by_keyboard_on_a_narrow_screen()
    {
        var page = await app.NewPageAsync(390, 844);
        await page.GotoAsync(app.BaseUrl + "/beroepen?q=" + Uri.EscapeDataString("specialist import en export van landbouwmachines"));
        await page.Locator("ol.results a.title").First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Overstappen vanuit dit beroep" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/overstappen$"));
        // ESCO has 35 "import export specialist in …": at most three in the list, the others named under the first.
        var titles = await page.Locator("ol.transitions > li > a.title").AllInnerTextsAsync();
        Assert.Equal(20, titles.Count);
        Assert.InRange(titles.Count(t => t.StartsWith("specialist import en export van ", StringComparison.Ordinal)), 1, 3);
        var variants = page.Locator("details.variants").First;
        await Assertions.Expect(variants.Locator("summary")).ToContainTextAsync("varianten van dit werk");
        await Assertions.Expect(variants.Locator("a").First).Not.ToBeVisibleAsync();
        await variants.Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(variants.Locator("a").First).ToBeVisibleAsync();
        await RunningApp.AssertNoSidewaysScrollAsync(page);
        await ShotAsync(page, "16b-overstappen-varianten");
        await variants.Locator("a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/overstappen/[0-9]+$"));
        await app.AssertVisitedPagesAccessibleAsync();
    }

    [Fact]
    public async Task Beheerder_imports_labour_market_data_all_or_nothing()
    {
        var email = $"beheer{Guid.NewGuid():N}@example.org";
        var (exit, output) = await app.CliAsync("admin", "create", "--email", email, "--password", "een lang wachtwoord", "--name", "Beheerder B");
        Assert.True(exit == 0, output);
        var page = await app.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/account/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync("een lang wachtwoord");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/");

        // A beheerder needs two-factor sign-in first: sent to set it up, then back to where they were going.
        await page.GotoAsync(app.BaseUrl + "/beheer/arbeidsmarkt");
        await page.WaitForURLAsync(new Regex("/account/tweestapsverificatie"));
        await RunningApp.TurnOnTwoFactorAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Verder" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/beheer/arbeidsmarkt");
        var bad = Path.Combine(Path.GetTempPath(), $"lm-bad-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(bad, "isco;regio;spanning\n2221;Nederland;krap\n9999;Nederland;krap\n");
        await page.GetByLabel("CSV-bestand").SetInputFilesAsync(bad);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inlezen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.error")).ToContainTextAsync("regel 3");
        await ShotAsync(page, "17-arbeidsmarkt-fout");

        var good = Path.Combine(Path.GetTempPath(), $"lm-good-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(good, "isco;regio;spanning\n2221;Nederland;zeer krap\n7115;Nederland;krap\n");
        await page.GetByLabel("CSV-bestand").SetInputFilesAsync(good);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inlezen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync("2 indicatoren");
        await ShotAsync(page, "18-arbeidsmarkt");
        await app.AssertVisitedPagesAccessibleAsync();
    }
}
