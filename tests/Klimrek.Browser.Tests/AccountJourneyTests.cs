using Klimrek.Tests;
using Microsoft.Playwright;
using System.Text.RegularExpressions;

namespace Klimrek.Browser.Tests;

/// <summary>An account on a phone-sized screen: register, confirm the address from the mail, sign in, turn on two-factor sign-in, sign in with it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountJourneyTests(RunningApp app)
{
    private Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(app.ScreenshotFolder, name + ".png"), FullPage = true });

    [Fact]
    public async Task Register_confirm_sign_in_turn_on_two_factor_sign_out_and_sign_in_with_a_code()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "nl-NL", ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        var email = $"noor{Guid.NewGuid():N}@example.org";
        const string password = "mijn fiets staat bij het station";

        // Register: a weak password first, then a good one; the answer is "check your mail".
        await page.GotoAsync(app.BaseUrl + "/account/registreren");
        await page.GetByLabel("Naam").FillAsync("Noor Nieuw");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord (minstens 12 tekens)").FillAsync("Wachtwoord123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Account maken" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.error")).ToContainTextAsync("veel gebruikt");
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
        await page.WaitForURLAsync(app.BaseUrl + "/");

        // Two-factor sign-in from the account page: the QR code, the key typed over into "the app", its code.
        await page.GetByRole(AriaRole.Link, new() { Name = "Noor Nieuw" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/account");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("bevestigd");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tweestapsverificatie aanzetten" }).ClickAsync();
        await Assertions.Expect(page.Locator(".qr svg")).ToBeVisibleAsync();
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
        await context.CloseAsync();
    }
}
