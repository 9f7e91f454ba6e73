using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using System.ComponentModel.DataAnnotations;

namespace Klimrek.Features.Accounts;

/// <summary>The second step of signing in: the code from the authenticator app (after the password, in Identity's two-factor cookie).</summary>
[AllowAnonymous, EnableRateLimiting(RateLimits.Credentials)]
public sealed class LoginTwoFactorModel(SignInManager<KlimrekUser> signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Vul de code uit je app in."), StringLength(10, ErrorMessage = "Vul de code uit je app in.")]
    public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? LocalRedirect("/account/inloggen") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return LocalRedirect("/account/inloggen");
        if (!ModelState.IsValid) return Page();
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded) return LocalRedirect(LoginModel.LocalOrHome(Url, ReturnUrl));
        Error = result.IsLockedOut
            ? "Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het over een kwartier opnieuw."
            : "De code klopt niet. Kijk of de tijd op je telefoon klopt en probeer de code die de app nu toont.";
        return Page();
    }
}
