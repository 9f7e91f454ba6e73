using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using System.ComponentModel.DataAnnotations;

namespace Klimrek.Features.Accounts;

/// <summary>
/// Signing in. Failed passwords do not lock the account (anyone who knows an address could keep its owner out);
/// they are slowed down by <see cref="RateLimits.Credentials"/> per address and per account instead. A beheerder's
/// block still keeps the account out.
/// </summary>
[AllowAnonymous, EnableRateLimiting(RateLimits.Credentials)]
public sealed class LoginModel(SignInManager<KlimrekUser> signIn) : PageModel
{
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
        var result = await signIn.PasswordSignInAsync(Email, Password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        Error = result.IsLockedOut
            ? "Dit account is geblokkeerd. Neem contact op met een beheerder."
            : "Het e-mailadres of het wachtwoord klopt niet.";
        return Page();
    }
}
