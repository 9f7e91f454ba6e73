using Microsoft.Playwright;
using System.Text.RegularExpressions;

namespace Klimrek.Browser.Tests;

/// <summary>
/// A newly registered person on a phone (390 px): the onboarding, an occupation found by its Dutch name, its essential
/// skills accepted in one go, and the profile — every page checked by axe and for sideways scrolling.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MijnKlimrekOnboardingJourneyTests(RunningApp app)
{
    private async Task CheckAsync(IPage page, string name)
    {
        await app.ShotAsync(page, name); // screenshot + axe
        await RunningApp.AssertNoSidewaysScrollAsync(page);
    }

    [Fact]
    public async Task A_new_person_adds_an_occupation_in_dutch_accepts_its_essential_skills_and_sees_the_profile()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "nl-NL", ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await app.RegisterAsync(page, "Noor Nieuw", $"noor{Guid.NewGuid():N}@example.org", "een heel lang wachtwoord");

        // Registered and signed in: the onboarding.
        Assert.EndsWith("/klimrek/welkom", page.Url);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Stap 1 van 3");
        await CheckAsync(page, "60-welkom");

        // Step 1: the occupation, typed in Dutch.
        await page.GetByLabel("Zoek je beroep").FillAsync("timmerman");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await page.Locator("ol.results a.title", new() { HasTextString = "timmerman" }).First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/klimrek/beroep-toevoegen\\?id=\\d+&na=welkom"));

        // Step 2: the skills grouped, essential first; all essential ones accepted at once.
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Essentiële vaardigheden");
        await Assertions.Expect(page.Locator("fieldset.proposal-group").First).ToBeVisibleAsync();
        await CheckAsync(page, "61-welkom-vaardigheden");
        await page.GetByLabel(new Regex("Alle essentiële vaardigheden aanvaarden")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen aan mijn profiel" }).ClickAsync();

        // Step 3: next steps.
        await page.WaitForURLAsync(new Regex("/klimrek/welkom\\?stap=3"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Je volgende stappen");
        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync("staat in je profiel");
        await CheckAsync(page, "62-welkom-volgende-stappen");

        // The profile: one row per accepted skill, one save, the key actions at the top.
        await page.Locator("ul.next-steps a[href='/klimrek/profiel']").ClickAsync();
        await page.WaitForURLAsync(new Regex("/klimrek/profiel$"));
        Assert.True(await page.Locator("table.skills-table tbody tr").CountAsync() >= 3);
        await Assertions.Expect(page.Locator("nav.profile-actions")).ToBeVisibleAsync();
        await CheckAsync(page, "63-profiel-een-formulier");

        // Mijn klimrek at 390 px: the climbing frame names its points, and the page fits the phone.
        await page.GotoAsync(app.BaseUrl + "/klimrek");
        await Assertions.Expect(page.Locator("figure.frame svg")).ToBeVisibleAsync();
        Assert.True(await page.Locator("figure.frame svg a title").CountAsync() >= 2);
        await CheckAsync(page, "64-klimrek-klimrek");
        await context.CloseAsync();
    }
}
