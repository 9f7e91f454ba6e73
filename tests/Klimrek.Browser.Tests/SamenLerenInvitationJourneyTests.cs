using Microsoft.Playwright;
using System.Text;
using System.Text.RegularExpressions;

namespace Klimrek.Browser.Tests;

/// <summary>
/// Samen leren from the invitation (issue 13): the steering group enrols by CSV file, one line of which is bad; the
/// good address, without an account, gets an invitation mail; its owner makes an account from the link on a 390 px
/// phone, lands in the programme, reads what to expect and fills in the intake; the steering group sees it complete and
/// reads it. axe-core checks every page on the way.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SamenLerenInvitationJourneyTests(RunningApp app)
{
    [Fact]
    public async Task A_person_without_an_account_joins_from_the_invitation_mail_and_does_the_intake()
    {
        var stewardEmail = $"stuur{Guid.NewGuid():N}@example.org";
        const string password = "een heel lang wachtwoord";
        var (exit, output) = await app.CliAsync("demo", "samen-leren", "--participants", "4", "--steward-email", stewardEmail, "--steward-password", password);
        Assert.True(exit == 0, output);
        var programme = app.BaseUrl + "/samen-leren/" + output.Trim().Split('\n')[^1].Trim();

        var steward = await app.NewPageAsync();
        await app.SignInAsync(steward, stewardEmail, password);
        await steward.GotoAsync(programme);
        var newcomer = $"fatima{Guid.NewGuid():N}@example.org";
        await steward.GetByLabel("Of een CSV-bestand met adressen").SetInputFilesAsync(new FilePayload
        {
            Name = "deelnemers.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes($"email;naam\n{newcomer};Fatima\nniet-een-adres;Kees\n"),
        });
        await steward.GetByRole(AriaRole.Button, new() { Name = "Toevoegen", Exact = true }).ClickAsync();
        await Assertions.Expect(steward.Locator("#enrol-rejected")).ToContainTextAsync("Regel 3");
        await Assertions.Expect(steward.Locator(".notice.ok, [role=status]").First).ToContainTextAsync("1 adres");

        // The invitation mail, to an address Klimrek has no account for.
        var mail = await app.MailToAsync(newcomer);
        var phone = await app.NewPageAsync(390, 844);
        await phone.GotoAsync(RunningApp.LinkIn(mail, "/account/uitnodiging"));
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync("Maak een account om de uitnodiging aan te nemen");
        await RunningApp.AssertNoSidewaysScrollAsync(phone);
        await phone.GetByLabel("Naam").FillAsync("Fatima Verpleegkundige");
        await phone.GetByLabel("Wachtwoord (minstens 12 tekens)").FillAsync("mijn eigen lange wachtwoord");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Account maken en meedoen" }).ClickAsync();
        await phone.WaitForURLAsync(new Regex("/samen-leren/\\d+"));

        // What to expect, then the intake.
        await Assertions.Expect(phone.Locator("#pack")).ToBeVisibleAsync();
        await RunningApp.AssertNoSidewaysScrollAsync(phone);
        await phone.GetByRole(AriaRole.Link, new() { Name = "Intake invullen of wijzigen" }).ClickAsync();
        await phone.GetByLabel("Wat breng je mee?").FillAsync("wondzorg\nclinical reasoning");
        await phone.GetByLabel("Wat wil je ontwikkelen?").FillAsync("coachen");
        await phone.GetByLabel("optimisme").CheckAsync();
        await phone.GetByLabel("Afdeling").FillAsync("Chirurgie");
        await phone.Locator("#s-dinsdag-middag").CheckAsync();
        await RunningApp.AssertNoSidewaysScrollAsync(phone);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Intake opslaan" }).ClickAsync();
        await Assertions.Expect(phone.Locator(".notice.ok")).ToContainTextAsync("intake is opgeslagen");
        await app.ShotAsync(phone, "25-uitnodiging-intake-390");

        // The steering group sees her intake complete and reads it.
        await steward.GotoAsync(programme);
        var row = steward.Locator("tr", new() { HasText = "Fatima Verpleegkundige" });
        await Assertions.Expect(row).ToContainTextAsync("compleet");
        await row.GetByRole(AriaRole.Link, new() { Name = "Fatima Verpleegkundige" }).ClickAsync();
        await Assertions.Expect(steward.Locator("main")).ToContainTextAsync("Chirurgie");
        await Assertions.Expect(steward.Locator("main")).ToContainTextAsync("coachen");
        await app.AssertVisitedPagesAccessibleAsync();
    }
}
