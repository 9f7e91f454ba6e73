using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using System.ComponentModel.DataAnnotations;

namespace Klimrek.Features.Accounts;

/// <summary>Anyone may create an account; it starts as Deelnemer. Other roles are given by a beheerder.</summary>
[AllowAnonymous, EnableRateLimiting(RateLimits.Credentials)]
public sealed class RegisterModel(AccountSetup setup, SignInManager<KlimrekUser> signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Vul je naam in."), StringLength(200, ErrorMessage = "Je naam mag hoogstens 200 tekens hebben.")]
    public string DisplayName { get; set; } = "";
    [BindProperty, Required(ErrorMessage = "Vul je e-mailadres in."), EmailAddress(ErrorMessage = "Vul een geldig e-mailadres in."), StringLength(256)]
    public string Email { get; set; } = "";
    [BindProperty, Required(ErrorMessage = "Kies een wachtwoord."), StringLength(200, MinimumLength = 10, ErrorMessage = "Het wachtwoord moet minstens 10 tekens hebben.")]
    public string Password { get; set; } = "";
    public List<string> Errors { get; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var errors = await setup.CreateUserAsync(Email.Trim(), Password, DisplayName.Trim(), [Roles.Deelnemer]);
        if (errors.Count > 0)
        {
            Errors.AddRange(errors);
            return Page();
        }
        await signIn.PasswordSignInAsync(Email.Trim(), Password, false, lockoutOnFailure: false);
        return LocalRedirect("/");
    }
}
