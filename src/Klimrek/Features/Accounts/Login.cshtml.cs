using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using System.ComponentModel.DataAnnotations;

namespace Klimrek.Features.Accounts;

/// <summary>
/// Signing in: one message for an unknown address, a wrong password and a blocked account alike (<see cref="PasswordSignIn"/>);
/// with two-factor sign-in on, the code next (<see cref="LoginTwoFactorModel"/>). Failed passwords do not lock the account
/// (anyone who knows an address could keep its owner out); they are slowed down by <see cref="RateLimits.Credentials"/>
/// per address and per account instead. A beheerder's block still keeps the account out.
/// </summary>
[AllowAnonymous, EnableRateLimiting(RateLimits.Credentials)]
public sealed class LoginModel(PasswordSignIn signIn) : PageModel
{
    public const string Failed = "Het e-mailadres of het wachtwoord klopt niet, of het account is tijdelijk geblokkeerd na te veel mislukte pogingen.";

    [BindProperty, Required(ErrorMessage = "Vul je e-mailadres in."), EmailAddress(ErrorMessage = "Vul een geldig e-mailadres in."), Display(Name = "E-mailadres")]
    public string Email { get; set; } = "";
    [BindProperty, Required(ErrorMessage = "Vul je wachtwoord in."), DataType(DataType.Password), Display(Name = "Wachtwoord")]
    public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        switch (await signIn.SignInAsync(Email, Password))
        {
            case PasswordSignIn.Outcome.Succeeded:
                return LocalRedirect(await Career.Profile.WelcomeModel.AfterSignInAsync(HttpContext, Email, LocalOrHome(Url, ReturnUrl)));
            case PasswordSignIn.Outcome.RequiresTwoFactor:
                return LocalRedirect("/account/inloggen/tweestaps?returnUrl=" + Uri.EscapeDataString(LocalOrHome(Url, ReturnUrl)));
            default:
                Error = Failed;
                return Page();
        }
    }

    /// <summary>The return address when it is on this site, else the home page.</summary>
    public static string LocalOrHome(IUrlHelper url, string? returnUrl) => url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
}
