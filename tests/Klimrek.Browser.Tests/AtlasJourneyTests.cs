using Microsoft.Playwright;
using System.Text.RegularExpressions;

namespace Klimrek.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AtlasJourneyTests(RunningApp app)
{
    private Task<IPage> NewPageAsync() => app.NewPageAsync();

    private Task ShotAsync(IPage page, string name) => app.ShotAsync(page, name);

    [Fact]
    public async Task Visitor_searches_verpleeg_opens_an_occupation_and_sees_the_figure()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/");
        await ShotAsync(page, "01-home");
        await page.GetByLabel("Zoek een beroep").FillAsync("verpleeg");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/beroepen\\?q=verpleeg"));
        await ShotAsync(page, "02-search-verpleeg");

        var first = page.Locator("ol.results a.title").First;
        var title = await first.InnerTextAsync();
        Assert.Contains("verpleeg", title.ToLowerInvariant());
        await first.ClickAsync();
        await page.WaitForURLAsync(new Regex("/beroepen/\\d+$"));
        Assert.Equal(title, (await page.Locator("h1").InnerTextAsync()).Trim().Split('\n')[0].Trim());
        var figure = page.Locator("figure.figure svg[role=img]");
        await Assertions.Expect(figure).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("ul.figure-text li")).ToHaveCountAsync(7);
        await ShotAsync(page, "03-beroepsbeeld");
        await app.AssertVisitedPagesAccessibleAsync();
    }

    [Fact]
    public async Task Curator_edits_an_aspect_and_the_version_history_shows_it()
    {
        var email = $"curator{Guid.NewGuid():N}@example.org";
        var (exit, output) = await app.CliAsync("admin", "create", "--email", email, "--password", "een lang wachtwoord", "--name", "Docent Jansen", "--origin", "onderwijs");
        Assert.True(exit == 0, output);

        var page = await NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/account/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync("een lang wachtwoord");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/");

        await page.GotoAsync(app.BaseUrl + "/beroepen?q=timmerman");
        await page.Locator("ol.results a.title").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/beroepen/\\d+$"));
        var occupationUrl = page.Url;
        await page.Locator("#aspect-hart").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Bewerken") }).ClickAsync();
        var text = "Trots op een strak afgewerkt kozijn — " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("Tekst").FillAsync(text);
        await page.GetByLabel("Ik schrijf namens").SelectOptionAsync("onderwijs");
        await ShotAsync(page, "04-bewerken");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan als nieuwe versie" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(Regex.Escape(occupationUrl) + "#aspect-hart"));
        await Assertions.Expect(page.Locator("#aspect-hart")).ToContainTextAsync(text);

        await page.GotoAsync(occupationUrl + "/versies");
        await Assertions.Expect(page.Locator("table.data")).ToContainTextAsync("Docent Jansen");
        await ShotAsync(page, "05-versies");
        await page.Locator("table.data a", new() { HasText = "Hart" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(text);
        await ShotAsync(page, "06-versie");
        await app.AssertVisitedPagesAccessibleAsync();
    }

    [Fact]
    public async Task A_participant_who_is_not_a_curator_is_refused()
    {
        var page = await NewPageAsync();
        await app.RegisterAsync(page, "Sam Deelnemer", $"sam{Guid.NewGuid():N}@example.org", "nog een lang wachtwoord");

        await page.GotoAsync(app.BaseUrl + "/beroepen?q=piloot");
        await page.Locator("ol.results a.title").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/beroepen/\\d+$"));
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Bewerken") }).CountAsync());
        await page.GotoAsync(page.Url + "/bewerken/hoofd");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Geen toegang");
        await ShotAsync(page, "07-geen-toegang");
        await app.AssertVisitedPagesAccessibleAsync();
    }

    [Fact]
    public async Task The_english_interface_is_one_click_away()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/over");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("About Klimrek");
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await app.AssertVisitedPagesAccessibleAsync();
    }
}
