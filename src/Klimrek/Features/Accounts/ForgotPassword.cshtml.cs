using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using System.ComponentModel.DataAnnotations;

namespace Klimrek.Features.Accounts;

/// <summary>Asking for a new password by mail; the answer is the same whether or not the address has an account.</summary>
[AllowAnonymous, EnableRateLimiting(RateLimits.Credentials)]
public sealed class ForgotPasswordModel(PasswordReset reset) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Vul je e-mailadres in."), EmailAddress(ErrorMessage = "Vul een geldig e-mailadres in."), StringLength(256)]
    public string Email { get; set; } = "";
    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        await reset.RequestAsync(Email);
        Sent = true;
        return Page();
    }
}
