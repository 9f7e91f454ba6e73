using Microsoft.Playwright;
using System.Text.RegularExpressions;

namespace Klimrek.Browser.Tests;

/// <summary>
/// Under the real server (Kestrel) and a browser that enforces the Content-Security-Policy: no Server header, and
/// the pages and their few behaviours (now in site.js) work without a single CSP violation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityJourneyTests(RunningApp app)
{
    [Fact]
    public async Task Pages_and_their_behaviours_work_under_the_content_security_policy()
    {
        using (var http = new HttpClient())
        {
            var over = await http.GetAsync(app.BaseUrl + "/over");
            Assert.False(over.Headers.Contains("Server"), "Kestrel announces itself");
            Assert.Contains("script-src 'self'", over.Headers.GetValues("Content-Security-Policy").Single());
        }

        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "nl-NL" });
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || m.Text.Contains("Refused to", StringComparison.Ordinal))
                lock (violations) violations.Add(page.Url + ": " + m.Text);
        };

        await page.GotoAsync(app.BaseUrl + "/beroepen?q=verpleeg");
        await page.Locator("ol.results a.title").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/beroepen/\\d+$"));
        // The aspect colours come from the stylesheet (no style attribute): the head's border is its own colour.
        var border = await page.Locator("section.aspect-hoofd").EvaluateAsync<string>("e => getComputedStyle(e).borderLeftColor");
        Assert.Equal("rgb(47, 109, 181)", border);

        await app.RegisterAsync(page, "Cas Csp", $"csp{Guid.NewGuid():N}@example.org", "een heel lang wachtwoord");

        // A proposed occupation's skills accepted in bulk (a form without script), under the policy.
        await page.GotoAsync(app.BaseUrl + "/klimrek/beroep-toevoegen?zoek=verpleeghulp");
        await page.Locator("ol.results a.title").First.ClickAsync();
        Assert.True(await page.Locator("input[type=checkbox][name=skills]:not(:disabled)").CountAsync() > 1);
        await page.Locator("#allEssential").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen aan mijn profiel" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync("staat in je profiel");

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
