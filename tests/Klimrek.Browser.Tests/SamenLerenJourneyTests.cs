using Microsoft.Playwright;
using System.Text.RegularExpressions;

namespace Klimrek.Browser.Tests;

/// <summary>Samen leren in a real browser: a steward, two participants, from programme to reflection.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SamenLerenJourneyTests(RunningApp app)
{
    private Task ShotAsync(IPage page, string name) => app.ShotAsync(page, name);

    private Task<IPage> NewPageAsync() => app.NewPageAsync();

    private async Task<(IPage Page, string Email)> RegisterAsync(string name)
    {
        var page = await NewPageAsync();
        var email = $"{name.ToLowerInvariant().Replace(' ', '.')}{Guid.NewGuid():N}@example.org";
        await app.RegisterAsync(page, name, email, "een heel lang wachtwoord");
        return (page, email);
    }

    private static async Task FillIntakeAsync(IPage page, string brings, string develops, string department)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Samen leren" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Samen leren pilot" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("intake nog niet ingevuld");
        await page.GetByRole(AriaRole.Link, new() { Name = "Intake invullen of wijzigen" }).ClickAsync();
        await page.GetByLabel("Wat breng je mee?").FillAsync(brings);
        await page.GetByLabel("Wat wil je ontwikkelen?").FillAsync(develops);
        await page.GetByLabel("optimisme").CheckAsync();
        await page.GetByLabel("Inhoudelijke affiniteit").FillAsync("onderwijsinnovatie");
        await page.GetByLabel("Afdeling").FillAsync(department);
        await page.Locator("#s-dinsdag-middag").CheckAsync();
        await page.Locator("#s-donderdag-ochtend").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Intake opslaan" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync("intake is opgeslagen");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Je intake is compleet");
    }

    /// <summary>A beheerder made through the CLI (a beheerder may set up programmes), signed in through the form.</summary>
    private async Task<IPage> SignedInStewardAsync()
    {
        var stewardEmail = $"stuur{Guid.NewGuid():N}@example.org";
        var (exit, output) = await app.CliAsync("admin", "create", "--email", stewardEmail, "--password", "een lang wachtwoord", "--name", "Sanne Stuurgroep");
        Assert.True(exit == 0, output);
        var steward = await NewPageAsync();
        await steward.GotoAsync(app.BaseUrl + "/account/inloggen");
        await steward.GetByLabel("E-mailadres").FillAsync(stewardEmail);
        await steward.GetByLabel("Wachtwoord").FillAsync("een lang wachtwoord");
        await steward.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await steward.WaitForURLAsync(app.BaseUrl + "/");
        return steward;
    }

    [Fact]
    public async Task Steward_sets_up_a_programme_participants_do_intakes_a_duo_accepts_plans_and_reflects()
    {
        // The steward (a beheerder may set up programmes) creates the programme.
        var steward = await SignedInStewardAsync();
        await steward.GotoAsync(app.BaseUrl + "/samen-leren");
        await steward.GetByRole(AriaRole.Link, new() { Name = "Nieuw programma opzetten" }).ClickAsync();
        await steward.GetByLabel("Naam").FillAsync("Samen leren pilot");
        var today = DateOnly.FromDateTime(DateTime.Today);
        await steward.GetByLabel("Start").FillAsync(today.AddDays(-7).ToString("yyyy-MM-dd"));
        await steward.GetByLabel("Einde").FillAsync(today.AddDays(250).ToString("yyyy-MM-dd"));
        Assert.Equal("75", await steward.GetByLabel("Uren per deelnemer").InputValueAsync());
        // Bad input first: an end before the start is refused with a Dutch message and keeps what was typed.
        await steward.GetByLabel("Einde").FillAsync(today.AddDays(-30).ToString("yyyy-MM-dd"));
        await steward.GetByRole(AriaRole.Button, new() { Name = "Programma opzetten" }).ClickAsync();
        await Assertions.Expect(steward.Locator(".notice.error")).ToContainTextAsync("De einddatum moet na de startdatum liggen.");
        Assert.Equal("Samen leren pilot", await steward.GetByLabel("Naam").InputValueAsync());
        await steward.GetByLabel("Einde").FillAsync(today.AddDays(250).ToString("yyyy-MM-dd"));
        await ShotAsync(steward, "20-programma-opzetten");
        await steward.GetByRole(AriaRole.Button, new() { Name = "Programma opzetten" }).ClickAsync();
        await steward.WaitForURLAsync(new Regex("/samen-leren/\\d+$"));
        var programmeUrl = steward.Url;

        // Two participants register; the steward adds them.
        var (amira, amiraEmail) = await RegisterAsync("Amira Docent");
        var (bas, basEmail) = await RegisterAsync("Bas Onderzoeker");
        await steward.GetByLabel("E-mailadressen").FillAsync(amiraEmail + "\n" + basEmail);
        await steward.GetByRole(AriaRole.Button, new() { Name = "Toevoegen", Exact = true }).ClickAsync();
        await Assertions.Expect(steward.Locator(".notice.ok")).ToContainTextAsync("uitgenodigd of ingeschreven");
        await Assertions.Expect(steward.Locator("main")).ToContainTextAsync("nog niet te koppelen");

        await FillIntakeAsync(amira, "didactiek\nfeedback geven", "data-analyse", "Onderwijs");
        await FillIntakeAsync(bas, "data-analyse", "didactiek", "Onderzoek");

        // Matching.
        await steward.GotoAsync(programmeUrl);
        await steward.GetByRole(AriaRole.Button, new() { Name = "Duo's vormen" }).ClickAsync();
        await Assertions.Expect(steward.Locator(".notice.ok")).ToContainTextAsync("1 duo gevormd");
        await Assertions.Expect(steward.Locator("main table").Last).ToContainTextAsync("Amira Docent & Bas Onderzoeker");
        await ShotAsync(steward, "21-duos-gevormd");
        await AssertLabelsPointToOneElementAsync(steward);

        // Amira sees why, and accepts; Bas accepts too.
        await amira.GotoAsync(programmeUrl);
        await amira.GetByRole(AriaRole.Link, new() { Name = "Amira Docent & Bas Onderzoeker" }).ClickAsync();
        await Assertions.Expect(amira.Locator("#waarom + .aspect")).ToContainTextAsync("brengt mee wat");
        await Assertions.Expect(amira.Locator("main")).ToContainTextAsync("Verschillende afdelingen");
        await ShotAsync(amira, "22-waarom-jullie");
        await amira.GetByRole(AriaRole.Button, new() { Name = "Ik doe mee met dit duo" }).ClickAsync();
        await Assertions.Expect(amira.Locator(".notice.ok")).ToContainTextAsync("geaccepteerd");
        var duoUrl = amira.Url.Split('#')[0];
        await bas.GotoAsync(duoUrl);
        await bas.GetByRole(AriaRole.Button, new() { Name = "Ik doe mee met dit duo" }).ClickAsync();
        await Assertions.Expect(bas.Locator(".notice.ok")).ToContainTextAsync("geaccepteerd");
        // The workspace has a section per subject, each with its own address.
        await bas.GotoAsync(duoUrl + "/plan");
        await Assertions.Expect(bas.Locator("#plan")).ToBeVisibleAsync();

        // Plan of approach: submitting an incomplete plan is refused; then submitted whole.
        await bas.GetByLabel("Onderwerp: waar werken jullie aan?").FillAsync("Feedback met data");
        await bas.GetByRole(AriaRole.Button, new() { Name = "Indienen bij de stuurgroep" }).ClickAsync();
        await Assertions.Expect(bas.Locator(".notice.error")).ToContainTextAsync("Doel is nodig");
        Assert.Equal("Feedback met data", await bas.GetByLabel("Onderwerp: waar werken jullie aan?").InputValueAsync());
        await bas.GetByLabel("Doel: wat willen jullie bereiken").FillAsync("Studenten gerichter feedback geven op basis van toetsdata");
        await bas.GetByLabel("Product: wat leveren jullie op?").FillAsync("Een handreiking met vijf werkvormen");
        await bas.GetByLabel("Wanneer komen jullie bij elkaar?").FillAsync("Om de week dinsdagmiddag");
        await bas.GetByRole(AriaRole.Button, new() { Name = "Indienen bij de stuurgroep" }).ClickAsync();
        await Assertions.Expect(bas.Locator(".notice.ok")).ToContainTextAsync("ingediend");

        // Meetings every two weeks from the programme's start (a week ago): the first has passed, so Bas says it took place.
        await bas.GotoAsync(duoUrl + "/afspraken");
        await bas.GetByLabel("Eerste afspraak").FillAsync(today.AddDays(-7).ToString("yyyy-MM-dd"));
        await bas.GetByLabel("Tijd", new() { Exact = true }).FillAsync("14:00");
        await bas.GetByLabel("Aantal").FillAsync("3");
        await bas.GetByLabel("Plaats").FillAsync("Lokaal 2.14");
        await bas.GetByRole(AriaRole.Button, new() { Name = "Inplannen" }).ClickAsync();
        await Assertions.Expect(bas.Locator("section[aria-labelledby=afspraken]")).ToContainTextAsync("nog niet doorgegeven");
        await bas.GetByRole(AriaRole.Button, new() { Name = "is doorgegaan", Exact = true }).ClickAsync();
        await Assertions.Expect(bas.Locator(".notice.ok")).ToContainTextAsync("de afspraak is doorgegaan");
        await Assertions.Expect(bas.Locator("section[aria-labelledby=afspraken] li").First).ToContainTextAsync("doorgegaan");
        await Assertions.Expect(bas.Locator("section[aria-labelledby=afspraken]")).Not.ToContainTextAsync("nog niet doorgegeven");

        // A reflection with the appreciative prompts.
        await bas.GotoAsync(duoUrl + "/reflecties");
        await bas.GetByLabel("Wat ging er goed, en waardoor?").FillAsync("We vullen elkaar aan: ik weet hoe je data leest, Amira hoe je feedback geeft.");
        await bas.GetByLabel("Hoe kunnen jullie daarop voortbouwen?").FillAsync("Elke sessie één echte toets samen bekijken.");
        await bas.GetByLabel("Wat is jullie volgende stap?").FillAsync("Eerste werkvorm uitproberen in de klas.");
        await bas.GetByLabel("Gelijkwaardige partners").CheckAsync();
        await bas.GetByRole(AriaRole.Button, new() { Name = "Reflectie opslaan" }).ClickAsync();
        await Assertions.Expect(bas.Locator(".notice.ok")).ToContainTextAsync("reflectie is opgeslagen");
        await Assertions.Expect(bas.Locator("#reflecties ~ article, section[aria-labelledby=reflecties] article").First).ToContainTextAsync("We vullen elkaar aan");
        await ShotAsync(bas, "23-duo-plan-reflectie");
        await AssertLabelsPointToOneElementAsync(bas);

        // The steering group approves the plan and sees the duo on the monitoring dashboard.
        await steward.GotoAsync(duoUrl + "/plan");
        await steward.GetByRole(AriaRole.Button, new() { Name = "Goedkeuren" }).ClickAsync();
        await Assertions.Expect(steward.Locator(".notice.ok")).ToContainTextAsync("goedgekeurd");
        await steward.GotoAsync(programmeUrl + "/monitor");
        await Assertions.Expect(steward.Locator("table.monitor")).ToContainTextAsync("goedgekeurd");
        await ShotAsync(steward, "24-monitoren");
        await AssertLabelsPointToOneElementAsync(steward);
        await steward.GotoAsync(programmeUrl + "/intervisie");
        await AssertLabelsPointToOneElementAsync(steward);

        // A participant cannot open the steering group's dashboard.
        var response = await amira.GotoAsync(programmeUrl + "/monitor");
        Assert.Contains("/account/geen-toegang", amira.Url);
        _ = response;
        await app.AssertVisitedPagesAccessibleAsync();
    }

    /// <summary>Every <c>label for</c> on the page names exactly one element (ids written as <c>q@i</c> are rendered literally by Razor).</summary>
    private static async Task AssertLabelsPointToOneElementAsync(IPage page)
    {
        var bad = await page.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll('label[for]')]
            .filter(l => document.querySelectorAll('[id=""' + CSS.escape(l.htmlFor) + '""]').length !== 1)
            .map(l => l.htmlFor + ': ' + l.textContent.trim())");
        Assert.Empty(bad);
    }

    [Fact]
    public async Task Clicking_labels_on_the_intake_and_the_evaluation_records_the_answer_of_that_label()
    {
        var steward = await SignedInStewardAsync();
        await steward.GotoAsync(app.BaseUrl + "/samen-leren/instellingen");
        await AssertLabelsPointToOneElementAsync(steward);
        await steward.GetByLabel("Naam").FillAsync("Labels kloppen");
        var today = DateOnly.FromDateTime(DateTime.Today);
        await steward.GetByLabel("Start").FillAsync(today.AddDays(-7).ToString("yyyy-MM-dd"));
        await steward.GetByLabel("Einde").FillAsync(today.AddDays(250).ToString("yyyy-MM-dd"));
        await steward.GetByRole(AriaRole.Button, new() { Name = "Programma opzetten" }).ClickAsync();
        await steward.WaitForURLAsync(new Regex("/samen-leren/\\d+$"));
        var programmeUrl = steward.Url;
        var (carla, carlaEmail) = await RegisterAsync("Carla Labels");
        await steward.GetByLabel("E-mailadressen").FillAsync(carlaEmail);
        await steward.GetByRole(AriaRole.Button, new() { Name = "Toevoegen", Exact = true }).ClickAsync();
        await Assertions.Expect(steward.Locator(".notice.ok")).ToContainTextAsync("uitgenodigd of ingeschreven");

        // Intake: clicking the label "overzicht houden" ticks that quality, not "optimisme".
        await carla.GotoAsync(programmeUrl + "/intake");
        await AssertLabelsPointToOneElementAsync(carla);
        await carla.GetByLabel("Wat breng je mee?").FillAsync("didactiek");
        await carla.GetByLabel("Wat wil je ontwikkelen?").FillAsync("data-analyse");
        await carla.Locator("label", new() { HasTextString = "overzicht houden" }).ClickAsync();
        await carla.Locator("label", new() { HasTextString = "verbinden" }).ClickAsync();
        await carla.GetByLabel("Afdeling").FillAsync("Onderwijs");
        await carla.Locator("#s-dinsdag-middag").CheckAsync();
        await carla.GetByRole(AriaRole.Button, new() { Name = "Intake opslaan" }).ClickAsync();
        await Assertions.Expect(carla.Locator(".notice.ok")).ToContainTextAsync("intake is opgeslagen");
        await carla.GotoAsync(programmeUrl + "/intake");
        await Assertions.Expect(carla.GetByLabel("overzicht houden")).ToBeCheckedAsync();
        await Assertions.Expect(carla.GetByLabel("verbinden")).ToBeCheckedAsync();
        await Assertions.Expect(carla.GetByLabel("optimisme")).Not.ToBeCheckedAsync();
        await Assertions.Expect(carla.Locator("#s-dinsdag-middag")).ToBeCheckedAsync();

        // Evaluation: clicking the label "4" records goal attainment 4.
        await carla.GotoAsync(programmeUrl + "/evaluatie");
        await AssertLabelsPointToOneElementAsync(carla);
        await carla.GetByLabel("Wat was je motivatie om mee te doen?").FillAsync("Leren van iemand uit een ander vak.");
        await carla.GetByLabel("Waarom werkte dit duo (of niet)?").FillAsync("We vulden elkaar aan.");
        await carla.GetByLabel("Welke doelen had je?").FillAsync("Data lezen.");
        await carla.GetByLabel("Wat heb je bereikt en geleerd?").FillAsync("Een toetsanalyse maken.");
        await carla.Locator("label[for='gr-4']").ClickAsync();
        await carla.GetByRole(AriaRole.Button, new() { Name = "Evaluatie opslaan" }).ClickAsync();
        await Assertions.Expect(carla.Locator(".notice.ok")).ToContainTextAsync("evaluatie is opgeslagen");
        await carla.GotoAsync(programmeUrl + "/evaluatie");
        Assert.Equal("4", await carla.Locator("input[name=GoalsReached]:checked").GetAttributeAsync("value"));
        await Assertions.Expect(carla.GetByLabel("4", new() { Exact = true })).ToBeCheckedAsync();
        await app.AssertVisitedPagesAccessibleAsync();
    }
}
