using Microsoft.Playwright;
using System.Text.RegularExpressions;

namespace Klimrek.Browser.Tests;

/// <summary>
/// The pages that scrolled sideways on a 390 px phone (issue 13: the occupation page, its versions, its transitions,
/// a programme and its monitor), and their neighbours, read on a 390 px screen: none may be wider than the screen,
/// and axe-core checks each as it loads.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NarrowScreenTests(RunningApp app)
{
    [Fact]
    public async Task A_visitor_reads_an_occupation_its_versions_transitions_and_a_skill_on_a_phone()
    {
        var page = await app.NewPageAsync(390, 844);
        await page.GotoAsync(app.BaseUrl + "/beroepen?q=verpleegkundige");
        await RunningApp.AssertNoSidewaysScrollAsync(page);
        await page.Locator("ol.results a.title").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/beroepen/[^/?]+$"));
        var occupation = page.Url;
        await RunningApp.AssertNoSidewaysScrollAsync(page);

        foreach (var part in new[] { "/versies", "/overstappen" })
        {
            await page.GotoAsync(occupation + part);
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            await RunningApp.AssertNoSidewaysScrollAsync(page);
        }
        await page.Locator("main a[href*='/overstappen/']").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await RunningApp.AssertNoSidewaysScrollAsync(page);

        await page.GotoAsync(app.BaseUrl + "/vaardigheden?q=wondzorg");
        await RunningApp.AssertNoSidewaysScrollAsync(page);
        await page.Locator("main a[href^='/vaardigheden/']").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/vaardigheden/[^?]+$"));
        await RunningApp.AssertNoSidewaysScrollAsync(page);
        await app.ShotAsync(page, "90-vaardigheid-390");
        await app.AssertVisitedPagesAccessibleAsync();
    }

    [Fact]
    public async Task A_steering_group_runs_a_programme_of_twenty_on_a_phone()
    {
        var email = $"stuur{Guid.NewGuid():N}@example.org";
        const string password = "een heel lang wachtwoord";
        var (exit, output) = await app.CliAsync("demo", "samen-leren", "--participants", "20", "--steward-email", email, "--steward-password", password);
        Assert.True(exit == 0, output);
        var programme = app.BaseUrl + "/samen-leren/" + output.Trim().Split('\n')[^1].Trim();

        var page = await app.NewPageAsync(390, 844);
        await app.SignInAsync(page, email, password);
        await page.GotoAsync(programme);
        await RunningApp.AssertNoSidewaysScrollAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Duo's vormen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync("duo");
        await RunningApp.AssertNoSidewaysScrollAsync(page);

        foreach (var part in new[] { "/monitor", "/intervisie", "/rapport" })
        {
            await page.GotoAsync(programme + part);
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            await RunningApp.AssertNoSidewaysScrollAsync(page);
        }
        await page.GotoAsync(programme);
        await page.Locator("main a[href*='/duo/']").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/duo/\\d+"));
        await RunningApp.AssertNoSidewaysScrollAsync(page);
        await app.ShotAsync(page, "91-duo-stuurgroep-390");
        await app.AssertVisitedPagesAccessibleAsync();
    }
}
