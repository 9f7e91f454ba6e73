using Microsoft.Playwright;
using System.Text.RegularExpressions;

namespace Klimrek.Browser.Tests;

/// <summary>
/// Curation in a real browser (issue 13): a curator from a dairy company edits the "Hoofd" of the procesoperator
/// zuivelverwerking and is told it was saved; reads the change as a highlighted word diff in the history and restores the
/// version before it; corrects Klimrek's own Dutch name of one of its skills; and moves that skill to another aspect,
/// where the occupation page then lists it. The history is also read on a 390 px screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CurationJourneyTests(RunningApp app)
{
    private const string Occupation = "procesoperator zuivelverwerking";
    /// <summary>ESCO's "be at ease in unsafe environments": no official Dutch label, ours as shipped.</summary>
    private const string ShippedLabel = "zich op zijn gemak voelen in onveilige omgevingen";
    private const string CorrectedLabel = "kalm blijven in een onveilige werkomgeving";

    private Task ShotAsync(IPage page, string name) => app.ShotAsync(page, name);

    [Fact]
    public async Task Curator_edits_reads_the_diff_restores_corrects_a_skill_name_and_moves_the_skill()
    {
        var email = $"curator{Guid.NewGuid():N}@example.org";
        var (exit, output) = await app.CliAsync("admin", "create", "--email", email, "--password", "een lang wachtwoord", "--name", "Marloes de Wit", "--origin", "werkgever");
        Assert.True(exit == 0, output);
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, email, "een lang wachtwoord");

        // The occupation, found by its Dutch name.
        await page.GotoAsync(app.BaseUrl + "/beroepen");
        await page.GetByLabel("Zoek een beroep").FillAsync(Occupation);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await page.Locator("ol.results a.title").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/beroepen/\\d+$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(Occupation);
        var occupationUrl = page.Url;

        // Edit the "Hoofd": two changes in the shipped text. She writes only on behalf of her own background.
        await page.GetByRole(AriaRole.Link, new() { Name = "Bewerken Hoofd" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/bewerken/hoofd$"));
        var original = await page.GetByLabel("Tekst").InputValueAsync();
        Assert.Contains("Hij of zij begrijpt", original);
        Assert.Contains("en van kwaliteitssystemen hoort erbij", original);
        var edited = original.Replace("Hij of zij begrijpt", "De operator begrijpt", StringComparison.Ordinal)
            .Replace("en van kwaliteitssystemen hoort erbij", "van kwaliteitssystemen en van het lezen van procesdata hoort erbij", StringComparison.Ordinal);
        await page.GetByLabel("Tekst").FillAsync(edited);
        var origin = page.GetByLabel("Ik schrijf namens");
        await Assertions.Expect(origin.Locator("option")).ToHaveCountAsync(1);
        await Assertions.Expect(origin).ToHaveValueAsync("werkgever");
        await page.GetByLabel("Toelichting bij deze wijziging (optioneel)").FillAsync("Procesdata lezen hoort er nu bij");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan als nieuwe versie" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(Regex.Escape(occupationUrl) + "#aspect-hoofd$"));
        var saved = page.Locator("#saved");
        await Assertions.Expect(saved).ToHaveAttributeAsync("role", "status");
        await Assertions.Expect(saved).ToHaveTextAsync(new Regex("^Opgeslagen: Hoofd is nu versie \\d+\\.$"));
        var version = int.Parse(Regex.Match(await saved.InnerTextAsync(), "versie (\\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(version >= 2, "the shipped text is the version before hers");
        await Assertions.Expect(page.Locator("#aspect-hoofd")).ToContainTextAsync("van het lezen van procesdata");
        await Assertions.Expect(page.Locator("#aspect-hoofd")).ToContainTextAsync($"Versie {version}, Marloes de Wit");
        await ShotAsync(page, "40-curatie-opgeslagen");
        // The confirmation is said once: reloading the page does not repeat it.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#saved")).ToHaveCountAsync(0);

        // The history: her version, compared word by word with the one before.
        await page.GetByRole(AriaRole.Link, new() { Name = "Versiegeschiedenis" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/versies$"));
        var hers = page.Locator("table.data tbody tr").Filter(new() { HasText = "Marloes de Wit" });
        await Assertions.Expect(hers).ToHaveCountAsync(1);
        await Assertions.Expect(hers).ToContainTextAsync("Procesdata lezen hoort er nu bij");
        await hers.GetByRole(AriaRole.Link, new() { Name = "Hoofd", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/versies/\\d+$"));
        var diffUrl = page.Url;
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Hoofd, versie {version}");
        await Assertions.Expect(page.Locator("#h-diff")).ToHaveTextAsync($"Wat veranderde van versie {version - 1} naar versie {version}");
        var diff = page.Locator(".diff-text");
        await Assertions.Expect(diff.Locator("del", new() { HasTextString = "zij" })).ToHaveCountAsync(1);
        await Assertions.Expect(diff.Locator("ins", new() { HasTextString = "operator" })).ToHaveCountAsync(1);
        await Assertions.Expect(diff.Locator("ins", new() { HasTextString = "procesdata" })).ToHaveCountAsync(1);
        // Not by colour alone: the marks say what they are to a screen reader.
        await Assertions.Expect(diff.Locator("del").First).ToContainTextAsync("verwijderd:");
        await Assertions.Expect(diff.Locator("ins").First).ToContainTextAsync("toegevoegd:");
        // Unchanged text is neither.
        await Assertions.Expect(diff).ToContainTextAsync("kent het productieproces van kaas");
        await Assertions.Expect(diff.Locator("ins, del").Filter(new() { HasText = "kent het productieproces" })).ToHaveCountAsync(0);
        await ShotAsync(page, "41-curatie-verschil");

        // The same comparison on a phone does not scroll sideways.
        var phone = await app.NewPageAsync(390, 844);
        await phone.GotoAsync(diffUrl);
        await Assertions.Expect(phone.Locator(".diff-text del").First).ToBeVisibleAsync();
        await RunningApp.AssertNoSidewaysScrollAsync(phone);
        await ShotAsync(phone, "42-curatie-verschil-390");
        await phone.Context.CloseAsync();

        // She restores the version before hers: a new version with its text; hers stays in the history.
        await page.GetByRole(AriaRole.Link, new() { Name = "Alle versies" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/versies$"));
        var before = page.Locator("table.data tbody tr")
            .Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Hoofd", Exact = true }) })
            .Filter(new() { HasNotText = "Marloes de Wit" });
        await Assertions.Expect(before).ToHaveCountAsync(1);
        await before.GetByRole(AriaRole.Link, new() { Name = "Hoofd", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Hoofd, versie {version - 1}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Terugzetten maakt een nieuwe versie {version + 1} met de tekst van versie {version - 1}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Deze versie terugzetten" }).ClickAsync();
        await Assertions.Expect(page.Locator("#saved")).ToHaveTextAsync($"Versie {version - 1} is teruggezet: de tekst is nu versie {version + 1}.");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Hoofd, versie {version + 1}");
        // Restored: compared with hers, her words are the ones taken out.
        await Assertions.Expect(page.Locator(".diff-text del", new() { HasTextString = "procesdata" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Deze versie terugzetten" })).ToHaveCountAsync(0);
        await ShotAsync(page, "43-curatie-teruggezet");
        await page.GotoAsync(occupationUrl);
        await Assertions.Expect(page.Locator("#aspect-hoofd")).ToContainTextAsync("Hij of zij begrijpt");
        await Assertions.Expect(page.Locator("#aspect-hoofd")).Not.ToContainTextAsync("procesdata");
        await Assertions.Expect(page.Locator("#aspect-hoofd")).ToContainTextAsync($"Versie {version + 1}, Marloes de Wit");

        // A skill without an official Dutch name: she corrects Klimrek's own translation.
        var handen = page.Locator("#aspect-handen");
        await handen.GetByRole(AriaRole.Link, new() { Name = ShippedLabel }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/vaardigheden/\\d+$"));
        var skillUrl = page.Url;
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("eigen vertaling van Klimrek");
        await page.GetByRole(AriaRole.Link, new() { Name = "Vertaling verbeteren" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/vaardigheden/\\d+/vertaling$"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("be at ease in unsafe environments");
        await Assertions.Expect(page.GetByLabel("Nederlandse naam")).ToHaveValueAsync(ShippedLabel);
        await page.GetByLabel("Nederlandse naam").FillAsync(CorrectedLabel);
        await page.GetByLabel("Zoekwoorden (één per regel)").FillAsync("rustig blijven bij gevaar\nveilig werken in een risicovolle omgeving");
        await page.GetByLabel("Toelichting bij deze wijziging (optioneel)").FillAsync("Minder letterlijk vertaald");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan als nieuwe versie" }).ClickAsync();
        await Assertions.Expect(page.Locator("#saved")).ToHaveTextAsync("Opgeslagen: de vertaling is nu versie 1.");
        await Assertions.Expect(page.Locator("table.data tbody tr").First).ToContainTextAsync(CorrectedLabel);
        await Assertions.Expect(page.Locator("table.data tbody tr").First).ToContainTextAsync("Marloes de Wit");
        await ShotAsync(page, "44-vertaling-verbeterd");

        // The skill's own page shows the new name at once, still marked as Klimrek's own translation.
        await page.GotoAsync(skillUrl);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(CorrectedLabel);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("eigen vertaling, niet van ESCO");
        await Assertions.Expect(page.Locator("h1")).Not.ToContainTextAsync(ShippedLabel);

        // Back to the occupation through the skill page; she moves the skill from "Handen" (ESCO's) to "Buik".
        await page.Locator("section[aria-labelledby=h-occ]").GetByRole(AriaRole.Link, new() { Name = Occupation, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(occupationUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Vaardigheden verplaatsen" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/bewerken/aspecten$"));
        var move = page.GetByLabel("Verplaats naar … " + CorrectedLabel);
        await Assertions.Expect(move).ToHaveValueAsync("handen");
        await Assertions.Expect(move.Locator("option:checked")).ToHaveTextAsync("Handen (ESCO)");
        await move.SelectOptionAsync(new SelectOptionValue { Label = "Verplaats naar Buik" });
        await page.GetByLabel("Toelichting bij deze wijziging (optioneel)").FillAsync("Hoort bij de arbeidsomstandigheden");
        await ShotAsync(page, "45-vaardigheden-verplaatsen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan als nieuwe versie" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(Regex.Escape(occupationUrl) + "#beeld$"));
        await Assertions.Expect(page.Locator("#saved")).ToHaveTextAsync("Opgeslagen: Vaardigheden per aspect is nu versie 1.");
        var moved = page.Locator("#aspect-buik li").Filter(new() { HasText = CorrectedLabel });
        await Assertions.Expect(moved).ToHaveCountAsync(1);
        await Assertions.Expect(moved).ToContainTextAsync("verplaatst door een curator");
        await Assertions.Expect(page.Locator("#aspect-handen")).Not.ToContainTextAsync(CorrectedLabel);
        await ShotAsync(page, "46-vaardigheid-verplaatst");

        // The move is a version too, read as "skill → aspect".
        await page.GotoAsync(occupationUrl + "/versies");
        await page.Locator("table.data").GetByRole(AriaRole.Link, new() { Name = "Vaardigheden per aspect", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".diff-text ins").First).ToContainTextAsync(CorrectedLabel);
        await app.AssertVisitedPagesAccessibleAsync();
    }
}
