using Klimrek.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Klimrek.Features.Accounts;

/// <summary>"Mijn account": whether the address is verified (and a new verification mail), two-factor sign-in, a new password, the mail language.</summary>
public sealed class ManageModel(UserManager<KlimrekUser> users, SignInManager<KlimrekUser> signIn, EmailVerification verification,
    IStringLocalizer<SharedResource> localizer, SessionRevocation revocation) : PageModel
{
    public KlimrekUser Me { get; private set; } = null!;
    public string? Message { get; private set; }
    public List<string> Errors { get; } = [];

    private async Task<KlimrekUser?> LoadAsync() => Me = (await users.GetUserAsync(User))!;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostResendAsync()
    {
        if (await LoadAsync() is not { } me) return Challenge();
        await verification.SendAsync(me);
        Message = "We hebben de bevestigingsmail opnieuw gestuurd.";
        return Page();
    }

    public async Task<IActionResult> OnPostPasswordAsync(string? currentPassword, string? newPassword)
    {
        if (await LoadAsync() is not { } me) return Challenge();
        if (string.IsNullOrEmpty(currentPassword) || string.IsNullOrEmpty(newPassword))
        {
            Errors.Add(L("Vul je huidige en je nieuwe wachtwoord in."));
            return Page();
        }
        var result = await users.ChangePasswordAsync(me, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? L("Je huidige wachtwoord klopt niet.") : e.Description));
            return Page();
        }
        // Every other session ends (on this instance at once, elsewhere within a minute); this one goes on.
        await revocation.RevokeAsync(me);
        await signIn.RefreshSignInAsync(me);
        Message = "Je wachtwoord is gewijzigd.";
        return Page();
    }

    public async Task<IActionResult> OnPostLanguageAsync(string? language)
    {
        if (await LoadAsync() is not { } me) return Challenge();
        me.Language = language == "en" ? "en" : "nl";
        await users.UpdateAsync(me);
        Message = "De taal van je e-mails is opgeslagen.";
        return Page();
    }

    private string L(string key) => localizer[key].Value;
}
