using Microsoft.Playwright;
using System.Text.RegularExpressions;

namespace Klimrek.Browser.Tests;

/// <summary>
/// Werkleren in a real browser: a nurse answers the looking-ahead questions, picks two drivers, starts an experiment
/// with a colleague, sends a signal that the colleague answers from her inbox, holds the feedback moment, records the
/// finding and starts a follow-up; three check-ins make a trend; her development plan gathers it and is shared with her
/// leidinggevende, who comments; the praatplaat prints.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WerklerenJourneyTests(RunningApp app)
{
    private Task ShotAsync(IPage page, string name) => app.ShotAsync(page, name);

    private async Task<(IPage Page, string Email)> RegisterAsync(string name, int width = 1280)
    {
        var page = await app.NewPageAsync(width);
        var email = $"{name.Split(' ')[0].ToLowerInvariant()}{Guid.NewGuid():N}@example.org";
        await app.RegisterAsync(page, name, email, "een heel lang wachtwoord");
        return (page, email);
    }

    private static ILocator MainOf(IPage page) => page.Locator("main");

    [Fact]
    public async Task A_nurse_learns_in_her_work_with_a_colleague_and_shares_her_plan_with_her_leidinggevende()
    {
        var (nurse, _) = await RegisterAsync("Sanne Verpleegkundige");
        var (colleague, colleagueEmail) = await RegisterAsync("Fatima Collega");
        var (manager, managerEmail) = await RegisterAsync("Marco Leidinggevende");
        string Url(string path) => app.BaseUrl + path;

        // The overview, then a looking-ahead conversation.
        await nurse.GotoAsync(Url("/werkleren"));
        await ShotAsync(nurse, "60-werkleren-overzicht");
        await nurse.GotoAsync(Url("/werkleren/gesprekken/nieuw?richting=vooruit"));
        var answers = new[]
        {
            "Valincidenten in de nachtdienst: we zien ze pas achteraf.",
            "Dat bewoners veilig zijn zonder dat we ze vastzetten.",
            "Of we het valrisico al bij de overdracht zien aankomen.",
            "Bij elke overdracht kort het valrisico noemen.",
        };
        for (int i = 0; i < answers.Length; i++)
            await nurse.Locator($"label:text-matches('^{i + 1}\\\\. ')").First.Locator("xpath=following::textarea[1]").FillAsync(answers[i]);
        await nurse.GetByLabel("Naam (als je wilt)").FillAsync("Fatima");
        await ShotAsync(nurse, "61-gesprek-vooruit");
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Gesprek opslaan" }).ClickAsync();
        await nurse.WaitForURLAsync(new Regex("/werkleren/gesprekken/\\d+"));
        await Assertions.Expect(MainOf(nurse)).ToContainTextAsync(answers[3]);

        // Two drivers, weighed.
        await nurse.GotoAsync(Url("/werkleren/drijfveren"));
        foreach (var (driver, weight) in new[] { ("Kwaliteit van zorg of werk", "5"), ("Ontwikkeling", "4") })
        {
            var set = nurse.Locator("fieldset.driver").Filter(new() { HasText = driver });
            await set.GetByLabel("dit drijft mij").CheckAsync();
            await set.GetByLabel("Gewicht").SelectOptionAsync(weight);
        }
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Drijfveren opslaan" }).ClickAsync();
        await Assertions.Expect(nurse.Locator("fieldset.driver").Filter(new() { HasText = "Kwaliteit van zorg of werk" }).GetByLabel("dit drijft mij")).ToBeCheckedAsync();
        await ShotAsync(nurse, "62-drijfveren");

        // An experiment with a colleague.
        await nurse.GotoAsync(Url("/werkleren/experimenten/nieuw"));
        await nurse.Locator("#f-title").FillAsync("Valrisico noemen bij de overdracht");
        await nurse.Locator("#f-whatAndWhy").FillAsync("Bij elke overdracht het valrisico kort noemen, omdat we vallen nu pas achteraf bespreken.");
        await nurse.Locator("#f-question").FillAsync("Zien we vooraf wie 's nachts gaat dwalen?");
        await nurse.Locator("#f-activity").FillAsync("Twee weken; eerste stap: een regel op het overdrachtsformulier.");
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Experiment opslaan" }).ClickAsync();
        await nurse.WaitForURLAsync(new Regex("/werkleren/experimenten/\\d+$"));
        var experimentUrl = nurse.Url;
        await nurse.GetByLabel("Nodig een collega uit (e-mailadres van hun Klimrek-account)").FillAsync(colleagueEmail);
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Uitnodigen" }).ClickAsync();
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Het experiment begint" }).ClickAsync();
        await Assertions.Expect(nurse.Locator("li[aria-current=step]")).ToContainTextAsync(new Regex("loopt", RegexOptions.IgnoreCase));
        // A moment is planned in the future and marked held once it has begun: two minutes from now (Dutch time).
        var amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, amsterdam);
        var startLocal = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0).AddMinutes(2);
        var startUtc = TimeZoneInfo.ConvertTimeToUtc(startLocal, amsterdam);
        await nurse.Locator("#nd").FillAsync(startLocal.ToString("yyyy-MM-dd"));
        await nurse.Locator("#nt").FillAsync(startLocal.ToString("HH:mm"));
        await nurse.Locator("#nl").FillAsync("Koffiekamer");
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Plannen" }).ClickAsync();
        await Assertions.Expect(MainOf(nurse)).ToContainTextAsync("Koffiekamer");

        // The colleague joins from her invitation.
        await colleague.GotoAsync(Url("/meldingen"));
        await Assertions.Expect(MainOf(colleague)).ToContainTextAsync("Valrisico noemen bij de overdracht");
        await colleague.GotoAsync(experimentUrl);
        await colleague.GetByRole(AriaRole.Button, new() { Name = "Ik doe mee" }).ClickAsync();
        await Assertions.Expect(MainOf(colleague)).ToContainTextAsync("Fatima Collega");

        // The nurse's micro learning climate: the colleague, and a signal she answers from her inbox.
        await nurse.GotoAsync(Url("/werkleren/klimaat"));
        await nurse.Locator("#NewName").FillAsync("Fatima");
        await nurse.Locator("#NewEmail").FillAsync(colleagueEmail);
        await nurse.Locator("#new-doetMee").CheckAsync();
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Toevoegen" }).ClickAsync();
        await nurse.Locator("#SignalText").FillAsync("Ik probeer het valrisico bij de overdracht te noemen. Kijk je mee of het werkt?");
        await nurse.Locator("input[name=SignalTo]").First.CheckAsync();
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Signaal versturen" }).ClickAsync();
        await Assertions.Expect(MainOf(nurse)).ToContainTextAsync("nog geen antwoord");
        await colleague.GotoAsync(Url("/meldingen"));
        await Assertions.Expect(MainOf(colleague)).ToContainTextAsync("Sanne Verpleegkundige");
        await ShotAsync(colleague, "63-meldingen-collega");
        await colleague.GotoAsync(Url("/werkleren/signalen"));
        await colleague.Locator("textarea[id^=answer-]").First.FillAsync("Ja, en zet er het tijdstip van de laatste val bij.");
        await colleague.GetByRole(AriaRole.Button, new() { Name = "Antwoord versturen" }).ClickAsync();
        await nurse.GotoAsync(Url("/werkleren/klimaat"));
        await Assertions.Expect(MainOf(nurse)).ToContainTextAsync("tijdstip van de laatste val");
        await ShotAsync(nurse, "64-microleerklimaat");

        // The feedback moment is held; the finding is recorded; a follow-up starts.
        if (startUtc > DateTime.UtcNow) await Task.Delay(startUtc - DateTime.UtcNow + TimeSpan.FromSeconds(2));
        await nurse.GotoAsync(experimentUrl);
        await nurse.GetByText("Wijzigen").First.ClickAsync();
        await nurse.Locator("input[id^=mh-]").First.CheckAsync();
        await nurse.Locator("textarea[id^=mn-]").First.FillAsync("Werkt; invallers missen het nog.");
        await nurse.Locator("form").Filter(new() { Has = nurse.Locator("input[id^=mh-]") }).GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(MainOf(nurse)).ToContainTextAsync("gehouden");
        await nurse.Locator("#st-findings").FillAsync("Vier keer vooraf een risico genoemd dat klopte.");
        await nurse.Locator("#st-next").FillAsync("Een valrisicokaart aan het bed, zodat ook invallers het zien.");
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Bevindingen vastleggen: teruggekoppeld" }).ClickAsync();
        await Assertions.Expect(nurse.Locator("li[aria-current=step]")).ToContainTextAsync(new Regex("teruggekoppeld", RegexOptions.IgnoreCase));
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Start een vervolgexperiment met de volgende stap" }).ClickAsync();
        await nurse.WaitForURLAsync(new Regex("/werkleren/experimenten/\\d+$"));
        Assert.NotEqual(experimentUrl, nurse.Url);
        await Assertions.Expect(MainOf(nurse)).ToContainTextAsync("Valrisico noemen bij de overdracht");
        await Assertions.Expect(MainOf(nurse)).ToContainTextAsync("Vier keer vooraf een risico genoemd dat klopte.");
        await ShotAsync(nurse, "65-vervolgexperiment-tijdlijn");

        // Three check-ins make a trend.
        foreach (var scores in new[] { new[] { 2, 4, 2, 2, 3 }, new[] { 3, 4, 3, 3, 3 }, new[] { 4, 5, 4, 4, 4 } })
        {
            await nurse.GotoAsync(Url("/werkleren/bereidheid"));
            string[] aspects = ["weten", "willen", "kunnen", "durven", "mogen"];
            for (int i = 0; i < aspects.Length; i++) await nurse.Locator($"#{aspects[i]}-{scores[i]}").CheckAsync();
            await nurse.GetByRole(AriaRole.Button, new() { Name = "Check-in bewaren" }).ClickAsync();
            await Assertions.Expect(nurse.Locator(".notice.ok")).ToContainTextAsync("Je check-in is bewaard.");
        }
        await Assertions.Expect(nurse.Locator(".readiness-trend svg polyline")).ToHaveCountAsync(5);
        await ShotAsync(nurse, "66-bereidheid-trend");

        // The nurse names her leidinggevende; her plan gathers it and she shares parts of it.
        await nurse.GotoAsync(Url("/werkleren/delen"));
        await nurse.GetByLabel("E-mailadres van het Klimrek-account").FillAsync(managerEmail);
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Noemen" }).ClickAsync();
        await Assertions.Expect(MainOf(nurse)).ToContainTextAsync("Marco Leidinggevende");
        await nurse.GotoAsync(Url("/werkleren/pop"));
        await nurse.Locator("#ambition").FillAsync("Aanspreekpunt worden voor valpreventie op de afdeling.");
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Plan aanmaken" }).ClickAsync();
        await Assertions.Expect(MainOf(nurse)).ToContainTextAsync("Valrisico noemen bij de overdracht");
        foreach (var part in new[] { "ambition", "themesAndDrivers", "experiments" })
            await nurse.Locator($"#sh-leidinggevende-{part}").CheckAsync();
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Delen opslaan" }).ClickAsync();
        await Assertions.Expect(nurse.Locator("#sh-leidinggevende-experiments")).ToBeCheckedAsync();
        await ShotAsync(nurse, "67-ontwikkelplan");

        // The leidinggevende sees only what is shared, and comments.
        await manager.GotoAsync(Url("/werkleren/gedeeld"));
        await manager.GetByRole(AriaRole.Link, new() { Name = "Sanne Verpleegkundige" }).First.ClickAsync();
        await Assertions.Expect(MainOf(manager)).ToContainTextAsync("Aanspreekpunt worden voor valpreventie");
        await Assertions.Expect(MainOf(manager)).Not.ToContainTextAsync("tijdstip van de laatste val"); // the circle is never shared
        await Assertions.Expect(MainOf(manager)).Not.ToContainTextAsync("Koffiekamer");
        var box = manager.Locator("[id^=plan-][id$=-box]").First;
        await box.GetByText("Reageren").ClickAsync();
        await box.GetByLabel("Jouw reactie").FillAsync("Mooi plan. Zullen we de kaart in het teamoverleg bespreken?");
        await box.GetByRole(AriaRole.Button, new() { Name = "Reactie plaatsen" }).ClickAsync();
        await Assertions.Expect(MainOf(manager)).ToContainTextAsync("Zullen we de kaart in het teamoverleg bespreken?");
        await ShotAsync(manager, "68-gedeeld-leidinggevende");
        await nurse.GotoAsync(Url("/werkleren/pop"));
        await Assertions.Expect(MainOf(nurse)).ToContainTextAsync("Zullen we de kaart in het teamoverleg bespreken?");

        // The praatplaat, personal, on A4, printed.
        await nurse.GotoAsync(Url("/werkleren/praatplaat?formaat=a4&persoonlijk=true"));
        await Assertions.Expect(nurse.Locator("svg[role=img]").First).ToBeVisibleAsync();
        await ShotAsync(nurse, "69-praatplaat");
        await nurse.EmulateMediaAsync(new() { Media = Media.Print });
        var pdf = await nurse.PdfAsync(new() { PreferCSSPageSize = true });
        Assert.True(pdf.Length > 5000 && pdf[0] == '%' && pdf[1] == 'P', "printing the praatplaat gave no PDF");
        await nurse.EmulateMediaAsync(new() { Media = Media.Screen });
        var download = await nurse.APIRequest.GetAsync(Url("/werkleren/praatplaat.pdf?formaat=a3&persoonlijk=false"));
        Assert.Equal(200, download.Status);
        Assert.Equal("application/pdf", download.Headers["content-type"]);

        // On a phone.
        await nurse.SetViewportSizeAsync(390, 844);
        await nurse.GotoAsync(Url("/werkleren/klimaat"));
        await ShotAsync(nurse, "70-microleerklimaat-390");
        await nurse.GotoAsync(experimentUrl);
        await ShotAsync(nurse, "71-experiment-390");
        await app.AssertVisitedPagesAccessibleAsync();
    }
}
