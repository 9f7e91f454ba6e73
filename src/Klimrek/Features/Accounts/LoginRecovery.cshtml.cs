using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using System.ComponentModel.DataAnnotations;

namespace Klimrek.Features.Accounts;

/// <summary>The second step of signing in with a recovery code instead of the app; each code works once.</summary>
[AllowAnonymous, EnableRateLimiting(RateLimits.Credentials)]
public sealed class LoginRecoveryModel(SignInManager<KlimrekUser> signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Vul een herstelcode in."), StringLength(20, ErrorMessage = "Vul een herstelcode in.")]
    public string RecoveryCode { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? LocalRedirect("/account/inloggen") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return LocalRedirect("/account/inloggen");
        if (!ModelState.IsValid) return Page();
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        if (result.Succeeded) return LocalRedirect(LoginModel.LocalOrHome(Url, ReturnUrl));
        Error = result.IsLockedOut
            ? "Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het over een kwartier opnieuw."
            : "Deze herstelcode klopt niet of is al gebruikt.";
        return Page();
    }
}
