using Microsoft.Playwright;
using System.Text.RegularExpressions;

namespace Klimrek.Browser.Tests;

/// <summary>
/// The career-guidance conversation in a real browser (issue 13): a beheerder makes a registered person a begeleider; a
/// carpenter shares her profile with him, and until she allows the conversation he can read but not write; once she
/// does, he writes a note, an agreed next step and a chosen route, she sees them, marks the step done and adds her own
/// note, and he sees that; when she turns the conversation off again his open form is refused and the lines are gone
/// for him.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class GuidanceJourneyTests(RunningApp app)
{
    private const string Password = "een heel lang wachtwoord";

    private Task ShotAsync(IPage page, string name) => app.ShotAsync(page, name);

    private static ILocator Lines(IPage page) => page.Locator("ol.guidance-lines li.entry");

    /// <summary>Adds a line through the conversation form on either side.</summary>
    private static async Task AddAsync(IPage page, string kind, string text)
    {
        await page.GetByLabel(kind, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Tekst", new() { Exact = true }).FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.ok")).ToHaveTextAsync("Toegevoegd aan het loopbaangesprek.");
        await Assertions.Expect(Lines(page).Filter(new() { HasText = text })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_person_allows_the_conversation_both_write_and_without_consent_the_begeleider_cannot()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];

        // The person registers and, in the onboarding, adds the occupation she holds with its essential skills.
        var person = await app.NewPageAsync();
        var personEmail = $"yara{suffix}@example.org";
        await app.RegisterAsync(person, "Yara Overstap", personEmail, Password);
        await person.GetByLabel("Zoek je beroep").FillAsync("timmerman");
        await person.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await person.Locator("ol.results a.title", new() { HasTextString = "timmerman" }).First.ClickAsync();
        await person.GetByLabel(new Regex("Alle essentiële vaardigheden aanvaarden")).CheckAsync();
        await person.GetByRole(AriaRole.Button, new() { Name = "Toevoegen aan mijn profiel" }).ClickAsync();
        await person.WaitForURLAsync(new Regex("/klimrek/welkom\\?stap=3"));

        // The coach registers; a beheerder gives him the role begeleider; he signs in again.
        var coach = await app.NewPageAsync();
        var coachEmail = $"joost{suffix}@example.org";
        await app.RegisterAsync(coach, "Joost Loopbaancoach", coachEmail, Password);
        var adminEmail = $"beheer{suffix}@example.org";
        var (exit, output) = await app.CliAsync("admin", "create", "--email", adminEmail, "--password", "een lang wachtwoord", "--name", "Bea Beheer");
        Assert.True(exit == 0, output);
        var admin = await app.NewPageAsync();
        await app.SignInAsync(admin, adminEmail, "een lang wachtwoord");
        await admin.GotoAsync(app.BaseUrl + "/beheer/gebruikers");
        await RunningApp.TurnOnTwoFactorAsync(admin); // the beheer pages ask for it first
        await admin.GotoAsync(app.BaseUrl + "/beheer/gebruikers");
        await admin.GetByLabel("Zoek op naam of e-mailadres").FillAsync(coachEmail);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        var row = admin.Locator("table.users tbody tr").Filter(new() { HasText = coachEmail });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await row.GetByLabel("Begeleider", new() { Exact = true }).CheckAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Opslaan " + coachEmail }).ClickAsync();
        await Assertions.Expect(admin.Locator(".notice.ok")).ToContainTextAsync($"De gegevens van {coachEmail} zijn bijgewerkt.");
        await app.SignInAsync(coach, coachEmail, Password);

        // She shares her profile with him.
        await person.GotoAsync(app.BaseUrl + "/klimrek/profiel");
        await person.GetByLabel("E-mailadres van je begeleider").FillAsync(coachEmail);
        await person.GetByRole(AriaRole.Button, new() { Name = "Delen", Exact = true }).ClickAsync();
        await Assertions.Expect(person.Locator(".notice.ok")).ToContainTextAsync("Je profiel is gedeeld.");

        // He reads her profile, but the conversation is not allowed yet: no form to write in.
        await coach.GotoAsync(app.BaseUrl + "/begeleiding");
        await coach.GetByRole(AriaRole.Link, new() { Name = "Yara Overstap" }).ClickAsync();
        await coach.WaitForURLAsync(new Regex("/begeleiding/[^/]+$"));
        var coachView = coach.Url;
        await Assertions.Expect(coach.Locator("h1")).ToHaveTextAsync("Profiel van Yara Overstap");
        var conversation = coach.Locator("section.guidance");
        await Assertions.Expect(conversation).ToContainTextAsync("Yara Overstap heeft het gesprek in Klimrek nog niet toegestaan.");
        await Assertions.Expect(conversation.Locator("form")).ToHaveCountAsync(0);
        await Assertions.Expect(coach.GetByRole(AriaRole.Button, new() { Name = "Toevoegen", Exact = true })).ToHaveCountAsync(0);
        await ShotAsync(coach, "50-begeleider-zonder-toestemming");

        // She allows it.
        await person.GetByRole(AriaRole.Link, new() { Name = "Loopbaangesprek", Exact = true }).ClickAsync();
        await person.WaitForURLAsync(new Regex("/klimrek/begeleiding\\?met="));
        await Assertions.Expect(person.Locator("main")).ToContainTextAsync("Joost Loopbaancoach kan je profiel lezen, maar het gesprek in Klimrek staat uit.");
        await person.GetByRole(AriaRole.Button, new() { Name = "Gesprek toestaan" }).ClickAsync();
        await Assertions.Expect(person.Locator(".notice.ok")).ToContainTextAsync("Het loopbaangesprek staat aan");
        var personView = person.Url.Split('#')[0];

        // He writes a note, an agreed next step and a chosen route (one of her next steps).
        await coach.ReloadAsync();
        await AddAsync(coach, "Aantekening", "Yara wil meer met mensen werken en minder zwaar tillen.");
        await AddAsync(coach, "Afspraak: een volgende stap", "Voor het volgende gesprek twee vacatures uitzoeken en meenemen.");
        await coach.GetByLabel("Gekozen route", new() { Exact = true }).CheckAsync();
        var route = coach.GetByLabel("Route naar (alleen bij een gekozen route)");
        await route.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        var routeTo = (await route.Locator("option:checked").TextContentAsync() ?? "").Trim();
        await coach.GetByLabel("Tekst", new() { Exact = true }).FillAsync("Eerst een korte opleiding, dan overstappen.");
        await coach.GetByRole(AriaRole.Button, new() { Name = "Toevoegen", Exact = true }).ClickAsync();
        await Assertions.Expect(coach.Locator(".notice.ok")).ToHaveTextAsync("Toegevoegd aan het loopbaangesprek.");
        await Assertions.Expect(conversation).ToContainTextAsync("Gekozen route: " + routeTo);
        await Assertions.Expect(Lines(coach)).ToHaveCountAsync(3);
        await ShotAsync(coach, "51-begeleider-gesprek");

        // She sees all three, by him; marks the step done and adds her own note.
        await person.GotoAsync(personView);
        await Assertions.Expect(person.Locator("section.guidance")).ToContainTextAsync("Gekozen route: " + routeTo);
        await Assertions.Expect(Lines(person)).ToHaveCountAsync(3);
        var note = Lines(person).Filter(new() { HasText = "minder zwaar tillen" });
        await Assertions.Expect(note).ToContainTextAsync("Aantekening · Joost Loopbaancoach");
        var step = Lines(person).Filter(new() { HasText = "twee vacatures uitzoeken" });
        await Assertions.Expect(step).ToContainTextAsync("Afspraak · Joost Loopbaancoach");
        await Assertions.Expect(Lines(person).Filter(new() { HasText = "Eerst een korte opleiding" })).ToContainTextAsync("→ " + routeTo);
        // She may delete his lines too (the conversation is hers); he only his own.
        await Assertions.Expect(note.GetByRole(AriaRole.Button, new() { Name = "Verwijderen" })).ToHaveCountAsync(1);
        await step.GetByRole(AriaRole.Button, new() { Name = "Markeer als gedaan" }).ClickAsync();
        await Assertions.Expect(person.Locator(".notice.ok")).ToHaveTextAsync("De afspraak staat op gedaan.");
        await Assertions.Expect(step.Locator(".tag")).ToHaveTextAsync("gedaan");
        await AddAsync(person, "Aantekening", "Ik loop eerst een dag mee in de thuiszorg.");
        await Assertions.Expect(Lines(person).Filter(new() { HasText = "een dag mee" })).ToContainTextAsync("Aantekening · Jij");
        await ShotAsync(person, "52-persoon-gesprek");

        // He sees her note, by her, and the step done; her line has no delete button for him.
        await coach.GotoAsync(coachView);
        var hers = Lines(coach).Filter(new() { HasText = "een dag mee" });
        await Assertions.Expect(hers).ToContainTextAsync("Aantekening · Yara Overstap");
        await Assertions.Expect(hers.GetByRole(AriaRole.Button, new() { Name = "Verwijderen" })).ToHaveCountAsync(0);
        await Assertions.Expect(Lines(coach).Filter(new() { HasText = "twee vacatures uitzoeken" }).Locator(".tag")).ToHaveTextAsync("gedaan");
        await Assertions.Expect(Lines(coach)).ToHaveCountAsync(4);

        // She turns the conversation off while his page is open: what he then writes is refused, and he sees no lines.
        await person.GetByRole(AriaRole.Button, new() { Name = "Gesprek uitzetten" }).ClickAsync();
        await Assertions.Expect(person.Locator(".notice.ok")).ToContainTextAsync("Het loopbaangesprek staat uit");
        await coach.GetByLabel("Tekst", new() { Exact = true }).FillAsync("Nog een aantekening na afloop.");
        await coach.GetByRole(AriaRole.Button, new() { Name = "Toevoegen", Exact = true }).ClickAsync();
        await Assertions.Expect(coach.Locator(".notice.error")).ToContainTextAsync("De persoon heeft het loopbaangesprek in Klimrek (nog) niet toegestaan.");
        await Assertions.Expect(coach.Locator("h1")).ToHaveTextAsync("Profiel van Yara Overstap");
        await coach.GotoAsync(coachView);
        await Assertions.Expect(coach.Locator("section.guidance")).ToContainTextAsync("Yara Overstap heeft het gesprek in Klimrek nog niet toegestaan.");
        await Assertions.Expect(Lines(coach)).ToHaveCountAsync(0);
        await Assertions.Expect(coach.Locator("section.guidance form")).ToHaveCountAsync(0);
        // She keeps every line.
        await person.GotoAsync(personView);
        await Assertions.Expect(Lines(person)).ToHaveCountAsync(4);
        await Assertions.Expect(Lines(person).Filter(new() { HasText = "Nog een aantekening na afloop" })).ToHaveCountAsync(0);
        await app.AssertVisitedPagesAccessibleAsync();
    }
}
