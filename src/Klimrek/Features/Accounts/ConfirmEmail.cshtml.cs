using Klimrek.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Klimrek.Features.Accounts;

/// <summary>The link in the verification mail: confirms the address, then accepts the address's pending invitations.</summary>
[AllowAnonymous]
public sealed class ConfirmEmailModel(EmailVerification verification, UserManager<KlimrekUser> users, SignInManager<KlimrekUser> signIn) : PageModel
{
    public bool Confirmed { get; private set; }
    /// <summary>Where a just-accepted invitation leads.</summary>
    public string? Next { get; private set; }

    public async Task OnGetAsync(string? id, string? code, CancellationToken ct)
    {
        (Confirmed, Next) = await verification.ConfirmAsync(id, code, ct);
        if (!Confirmed) return;
        // Someone signed in as this account sees the change at once (the cookie is refreshed with the new state).
        if (users.GetUserId(User) == id && await users.FindByIdAsync(id!) is { } me)
            await signIn.RefreshSignInAsync(me);
    }
}
