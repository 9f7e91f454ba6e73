using Microsoft.Playwright;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Klimrek.Browser.Tests;

/// <summary>
/// Pairing by hand in a real browser (issue 13): a steering-group member forms the duos of a programme of six, then on
/// "Met de hand koppelen of ruilen" tries to pair two people who already have a duo (told to swap instead), previews a
/// swap between two proposed duos — the fit of both new duos and what the change costs against the optimal set —,
/// carries it out and finds the two new duos in the programme's list.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PairingJourneyTests(RunningApp app)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>A participant as the select offers them: id, name, and the proposed duo they are in.</summary>
    private sealed record Person(string Id, string Name, string Duo);

    /// <summary>A number as the page writes it (one decimal, Dutch comma).</summary>
    private static async Task<double> NumberAfterAsync(ILocator facts, string term) =>
        double.Parse((await facts.Locator("dt", new() { HasTextString = term }).Locator("xpath=following-sibling::dd[1]").InnerTextAsync()).Trim(), Dutch);

    /// <summary>"A &amp; B" or "B &amp; A", whole names ("Deelnemer 1" is not "Deelnemer 10").</summary>
    private static Regex Pair(string a, string b) =>
        new($"^({Regex.Escape(a)} & {Regex.Escape(b)}|{Regex.Escape(b)} & {Regex.Escape(a)})$");

    /// <summary>The row of the programme's duo list whose duo is these two.</summary>
    private static ILocator DuoRow(IPage page, string a, string b) => page.Locator("section[aria-labelledby=matching] table tbody tr")
        .Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { NameRegex = Pair(a, b) }) });

    [Fact]
    public async Task Steering_group_previews_a_swap_with_its_cost_against_the_optimum_and_carries_it_out()
    {
        var email = $"stuur{Guid.NewGuid():N}@example.org";
        const string password = "een heel lang wachtwoord";
        var (exit, output) = await app.CliAsync("demo", "samen-leren", "--participants", "6", "--steward-email", email, "--steward-password", password);
        Assert.True(exit == 0, output);
        var programme = app.BaseUrl + "/samen-leren/" + output.Trim().Split('\n')[^1].Trim();

        var page = await app.NewPageAsync();
        await app.SignInAsync(page, email, password);
        await page.GotoAsync(programme);
        await page.GetByRole(AriaRole.Button, new() { Name = "Duo's vormen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync("duo");

        await page.GetByRole(AriaRole.Link, new() { Name = "Met de hand koppelen of ruilen" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/samen-leren/\\d+/koppelen$"));
        var pairingUrl = page.Url;
        await app.ShotAsync(page, "26-koppelen");

        // Who is in which proposal, as the select says it ("Deelnemer 3 — in voorstel Deelnemer 3 & Deelnemer 5").
        var first = page.GetByLabel("Eerste deelnemer");
        var people = new List<Person>();
        foreach (var option in await first.Locator("option").AllAsync())
        {
            var text = (await option.TextContentAsync() ?? "").Trim();
            var m = Regex.Match(text, "^(.+) — in voorstel (.+)$");
            if (m.Success) people.Add(new Person((await option.GetAttributeAsync("value"))!, m.Groups[1].Value, m.Groups[2].Value));
        }
        var duos = people.GroupBy(p => p.Duo).Where(g => g.Count() == 2).ToList();
        Assert.True(duos.Count >= 2, "at least two proposed duos: " + string.Join("; ", people));

        // Pairing two people who both have a proposed duo is refused with a way out.
        await page.GetByLabel("Koppelen: twee deelnemers zonder duo").CheckAsync();
        await first.SelectOptionAsync(duos[0].First().Id);
        await page.GetByLabel("Tweede deelnemer").SelectOptionAsync(duos[1].First().Id);
        await page.GetByRole(AriaRole.Button, new() { Name = "Bekijk wat het kost" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.error")).ToContainTextAsync("Koppelen kan alleen met twee deelnemers die nog geen duo hebben; ruil anders.");
        await Assertions.Expect(page.Locator("#voorbeeld")).ToHaveCountAsync(0);

        // A swap between two proposed duos: the first one the hard rules (team, shared half-day, manager) allow. Each try
        // starts from the page as it loads, which shows neither a preview nor a refusal.
        Person? a = null, b = null;
        var tried = new List<string>();
        foreach (var (x, y) in from dx in duos from dy in duos where string.CompareOrdinal(dx.Key, dy.Key) < 0
                               from px in dx from py in dy select (px, py))
        {
            await page.GotoAsync(pairingUrl);
            await page.GetByLabel("Ruilen: twee deelnemers wisselen van partner").CheckAsync();
            await page.GetByLabel("Eerste deelnemer").SelectOptionAsync(x.Id);
            await page.GetByLabel("Tweede deelnemer").SelectOptionAsync(y.Id);
            await page.GetByRole(AriaRole.Button, new() { Name = "Bekijk wat het kost" }).ClickAsync();
            await Assertions.Expect(page.Locator("#voorbeeld, .notice.error").First).ToBeVisibleAsync();
            if (await page.Locator("#voorbeeld").CountAsync() > 0) { (a, b) = (x, y); break; }
            // Refused: the page says which rule, by name.
            await Assertions.Expect(page.Locator(".notice.error")).ToContainTextAsync("harde regel");
            tried.Add($"{x.Name} ↔ {y.Name}: {await page.Locator(".notice.error").InnerTextAsync()}");
        }
        Assert.True(a is not null && b is not null, "no swap allowed:\n" + string.Join("\n", tried));
        var partnerA = people.Single(p => p.Duo == a.Duo && p.Id != a.Id).Name;
        var partnerB = people.Single(p => p.Duo == b.Duo && p.Id != b.Id).Name;

        // The preview: both new duos with their fit, and the totals — what it costs is the optimum minus the total after.
        var preview = page.Locator("section[aria-labelledby=voorbeeld]");
        await Assertions.Expect(preview.Locator("h2")).ToHaveTextAsync("Zo wordt het");
        var pairs = preview.Locator("ul > li");
        await Assertions.Expect(pairs).ToHaveCountAsync(2);
        foreach (var (x, y) in new[] { (b.Name, partnerA), (a.Name, partnerB) })
        {
            var pair = pairs.Filter(new() { Has = page.Locator("strong").Filter(new() { HasTextRegex = Pair(x, y) }) });
            await Assertions.Expect(pair).ToHaveCountAsync(1);
            await Assertions.Expect(pair).ToContainTextAsync(new Regex("— passend -?\\d+,\\d$"));
        }
        var facts = preview.Locator("dl.facts");
        var optimal = await NumberAfterAsync(facts, "Totaal van de best mogelijke indeling");
        var now = await NumberAfterAsync(facts, "Totaal van de voorstellen nu");
        var after = await NumberAfterAsync(facts, "Totaal na deze wijziging");
        var cost = await NumberAfterAsync(facts, "Wat het kost tegenover de beste indeling");
        Assert.True(optimal >= now - 0.05 && optimal >= after - 0.05, $"the optimum {optimal} is at least the proposals now {now} and after {after}");
        Assert.Equal(Math.Round(optimal - after, 1), cost, 1);
        await app.ShotAsync(page, "27-koppelen-voorbeeld");

        // Carried out: the programme says so, and lists the two new duos (fixed) instead of the old ones.
        await preview.GetByRole(AriaRole.Button, new() { Name = "Doorvoeren" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/samen-leren/\\d+#matching$"));
        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync("Gedaan: ");
        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync("De deelnemers reageren er zelf op.");
        foreach (var (x, y) in new[] { (b.Name, partnerA), (a.Name, partnerB) })
        {
            var row = DuoRow(page, x, y);
            await Assertions.Expect(row).ToHaveCountAsync(1);
            await Assertions.Expect(row).ToContainTextAsync("vastgezet");
            await Assertions.Expect(row).ToContainTextAsync("voorgesteld");
        }
        await Assertions.Expect(DuoRow(page, a.Name, partnerA)).ToHaveCountAsync(0);
        await Assertions.Expect(DuoRow(page, b.Name, partnerB)).ToHaveCountAsync(0);
        await app.ShotAsync(page, "28-koppelen-doorgevoerd");
        await app.AssertVisitedPagesAccessibleAsync();
    }
}
