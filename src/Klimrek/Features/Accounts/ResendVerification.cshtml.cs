using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using System.ComponentModel.DataAnnotations;

namespace Klimrek.Features.Accounts;

/// <summary>A new verification mail for an address; the answer is the same whether or not it has an (unverified) account.</summary>
[AllowAnonymous, EnableRateLimiting(RateLimits.Credentials)]
public sealed class ResendVerificationModel(UserManager<KlimrekUser> users, EmailVerification verification) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Vul je e-mailadres in."), EmailAddress(ErrorMessage = "Vul een geldig e-mailadres in."), StringLength(256)]
    public string Email { get; set; } = "";
    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        if (await users.FindByEmailAsync(Email.Trim()) is { } user)
            await verification.SendAsync(user);
        Sent = true;
        return Page();
    }
}
