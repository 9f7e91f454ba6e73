using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using System.ComponentModel.DataAnnotations;

namespace Klimrek.Features.Accounts;

/// <summary>
/// Anyone may create an account; it starts as Deelnemer with an unverified address (other roles are given by a
/// beheerder). The answer is "check your mail" whether or not the address already had an account (<see cref="Registration"/>).
/// </summary>
[AllowAnonymous, EnableRateLimiting(RateLimits.Credentials)]
public sealed class RegisterModel(Registration registration) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Vul je naam in."), StringLength(200, ErrorMessage = "Je naam mag hoogstens 200 tekens hebben.")]
    public string DisplayName { get; set; } = "";
    [BindProperty, Required(ErrorMessage = "Vul je e-mailadres in."), EmailAddress(ErrorMessage = "Vul een geldig e-mailadres in."), StringLength(256)]
    public string Email { get; set; } = "";
    [BindProperty, Required(ErrorMessage = "Kies een wachtwoord."), StringLength(200, MinimumLength = 12, ErrorMessage = "Het wachtwoord moet minstens 12 tekens hebben.")]
    public string Password { get; set; } = "";
    public List<string> Errors { get; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var problems = await registration.RegisterAsync(new Registration.Request(DisplayName.Trim(), Email.Trim(), Password, AccountMail.CurrentLanguage));
        if (problems.Count > 0)
        {
            Errors.AddRange(problems);
            return Page();
        }
        return LocalRedirect("/account/registreren/verstuurd");
    }
}
