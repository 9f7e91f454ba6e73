using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Klimrek.Features.Accounts;

/// <summary>
/// Setting up two-factor sign-in: the authenticator key as a QR code (inline SVG) and as text, confirmed with a first
/// code; then recovery codes (shown once). Every change refreshes the sign-in cookie (Identity renews the security stamp).
/// </summary>
public sealed class TwoFactorModel(UserManager<KlimrekUser> users, SignInManager<KlimrekUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool Enabled { get; private set; }
    public bool Required => User.IsInRole(Roles.Beheerder);
    public string ReadableKey { get; private set; } = "";
    public string QrSvg { get; private set; } = "";
    public int RecoveryCodesLeft { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        await LoadAsync(me);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(string? code)
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        var clean = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (me.TwoFactorEnabled || clean.Length == 0
            || !await users.VerifyTwoFactorTokenAsync(me, users.Options.Tokens.AuthenticatorTokenProvider, clean))
        {
            Error = me.TwoFactorEnabled ? null : "De code klopt niet. Kijk of de tijd op je telefoon klopt en probeer de code die de app nu toont.";
            await LoadAsync(me);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(me, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(me, TwoFactor.RecoveryCodeCount))?.ToList();
        await signIn.RefreshSignInAsync(me);
        Message = "Tweestapsverificatie staat aan.";
        await LoadAsync(me);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        if (me.TwoFactorEnabled)
        {
            RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(me, TwoFactor.RecoveryCodeCount))?.ToList();
            await signIn.RefreshSignInAsync(me);
            Message = "Je hebt nieuwe herstelcodes; de oude werken niet meer.";
        }
        await LoadAsync(me);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(string? password)
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        if (!await users.CheckPasswordAsync(me, password ?? ""))
            Error = "Het wachtwoord klopt niet.";
        else
        {
            await users.SetTwoFactorEnabledAsync(me, false);
            await users.ResetAuthenticatorKeyAsync(me);
            await signIn.RefreshSignInAsync(me);
            Message = "Tweestapsverificatie staat uit.";
        }
        await LoadAsync(me);
        return Page();
    }

    /// <summary>The state to show; without two-factor sign-in, a key to set it up with (made once and kept until it is used).</summary>
    private async Task LoadAsync(KlimrekUser me)
    {
        ReturnUrl = Url.IsLocalUrl(ReturnUrl) && ReturnUrl != TwoFactor.SetupPage ? ReturnUrl : null;
        Enabled = me.TwoFactorEnabled;
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(me);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(me);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(me);
            await signIn.RefreshSignInAsync(me);
            key = await users.GetAuthenticatorKeyAsync(me) ?? "";
        }
        ReadableKey = TwoFactor.Readable(key);
        QrSvg = TwoFactor.QrSvg(TwoFactor.AuthenticatorUri(me.Email ?? "", key));
    }
}
