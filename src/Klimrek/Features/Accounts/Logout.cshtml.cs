using Klimrek.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Klimrek.Features.Accounts;

/// <summary>Logging out ends every session of the account (<see cref="SessionRevocation"/>), not only this browser's cookie.</summary>
public sealed class LogoutModel(SignInManager<KlimrekUser> signIn, SessionRevocation sessions) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
            await sessions.RevokeAsync(user);
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
