using Klimrek.Tests;
using Microsoft.Playwright;
using System.Text.RegularExpressions;

namespace Klimrek.Browser.Tests;

/// <summary>
/// An account on a phone-sized screen: register, confirm the address from the mail, sign in, turn on two-factor sign-in,
/// sign in with it, download one's data, erase the account. Each page passes axe-core's WCAG 2.1 AA rules.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountJourneyTests(RunningApp app)
{
    private Task ShotAsync(IPage page, string name) => app.ShotAsync(page, name);

    [Fact]
    public async Task Register_confirm_sign_in_with_two_factor_download_my_data_and_erase_the_account()
    {
        var page = await app.NewPageAsync(390, 844);
        var email = $"noor{Guid.NewGuid():N}@example.org";
        const string password = "mijn fiets staat bij het station";

        // Register: a weak password first, then a good one; the answer is "check your mail".
        await page.GotoAsync(app.BaseUrl + "/account/registreren");
        await page.GetByLabel("Naam").FillAsync("Noor Nieuw");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord (minstens 12 tekens)").FillAsync("Wachtwoord123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Account maken" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.error")).ToContainTextAsync("veel gebruikt");
        await RunningApp.AssertAccessibleAsync(page);
        await page.GetByLabel("Wachtwoord (minstens 12 tekens)").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Account maken" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/account/registreren/verstuurd");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Controleer je e-mail");
        await ShotAsync(page, "30-controleer-je-mail");

        // The verification link from the mail (the app's .eml folder, as on a fresh install).
        var mail = await app.MailToAsync(email);
        Assert.Equal("Bevestig je e-mailadres voor Klimrek", mail.Subject);
        await page.GotoAsync(RunningApp.LinkIn(mail, "/account/bevestigen"));
        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync("Je e-mailadres is bevestigd.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Inloggen" }).Last.ClickAsync();

        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        // A person who registered on their own is welcomed with the onboarding on the first sign-in.
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(app.BaseUrl) + "/(klimrek/welkom)?$"));

        // Two-factor sign-in from the account page: the QR code, the key typed over into "the app", its code.
        await page.GetByRole(AriaRole.Link, new() { Name = "Noor Nieuw" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/account");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("bevestigd");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tweestapsverificatie aanzetten" }).ClickAsync();
        await Assertions.Expect(page.Locator(".qr svg")).ToBeVisibleAsync();
        await RunningApp.AssertAccessibleAsync(page);
        await ShotAsync(page, "31-tweestaps-instellen");
        var key = await RunningApp.TurnOnTwoFactorAsync(page);
        await Assertions.Expect(page.Locator("ul.codes li")).ToHaveCountAsync(10);
        await ShotAsync(page, "32-herstelcodes");

        // Sign out; signing in now takes the code.
        await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        await page.GotoAsync(app.BaseUrl + "/account/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/account/inloggen/tweestaps"));
        await ShotAsync(page, "33-code-uit-je-app");
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Noor Nieuw" })).ToBeVisibleAsync();

        // My data: everything as one ZIP, then the account erased.
        await page.GetByRole(AriaRole.Link, new() { Name = "Mijn gegevens" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/account/mijn-gegevens");
        await RunningApp.AssertAccessibleAsync(page);
        await ShotAsync(page, "34-mijn-gegevens");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Mijn gegevens downloaden" }).ClickAsync());
        Assert.EndsWith(".zip", download.SuggestedFilename, StringComparison.Ordinal);
        using (var zip = new System.IO.Compression.ZipArchive(File.OpenRead(await download.PathAsync())))
        {
            var account = zip.GetEntry("account.json") ?? throw new InvalidOperationException("no account.json");
            using var reader = new StreamReader(account.Open());
            var json = await reader.ReadToEndAsync();
            Assert.Contains(email, json, StringComparison.Ordinal);
            Assert.Contains("\"twoFactorEnabled\": true", json, StringComparison.Ordinal);
        }
        await page.GetByLabel("Je wachtwoord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Mijn account verwijderen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.error")).ToContainTextAsync("niet ongedaan");
        await page.GetByLabel("Je wachtwoord").FillAsync(password);
        await page.GetByLabel("Ik begrijp dat verwijderen niet ongedaan kan worden").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mijn account verwijderen" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/account/verwijderd");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Je account is verwijderd");
        await RunningApp.AssertAccessibleAsync(page);
        await ShotAsync(page, "35-account-verwijderd");
        // The account is gone: signing in with it fails like any unknown address.
        await page.GotoAsync(app.BaseUrl + "/account/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.error")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
        await app.AssertVisitedPagesAccessibleAsync();
    }
}
