using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using System.ComponentModel.DataAnnotations;

namespace Klimrek.Features.Accounts;

/// <summary>The link in the reset mail: a new password (the same rules as registering); a bad link says so, whoever it was for.</summary>
[AllowAnonymous, EnableRateLimiting(RateLimits.Credentials)]
public sealed class ResetPasswordModel(PasswordReset reset) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty, Required(ErrorMessage = "Kies een wachtwoord."), StringLength(200, MinimumLength = 12, ErrorMessage = "Het wachtwoord moet minstens 12 tekens hebben.")]
    public string Password { get; set; } = "";
    public List<string> Errors { get; } = [];
    public bool Done { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        Errors.AddRange(await reset.ResetAsync(Id, Code, Password, ct));
        Done = Errors.Count == 0;
        return Page();
    }
}
