using Klimrek.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Klimrek.Features.Accounts;

/// <summary>
/// The link in an invitation mail. It proves the mailbox, so: without an account, registering here gives a verified
/// account that is bound at once; signed in as the invited address, one button binds it (verifying it if need be);
/// an account of the address that is not signed in is asked to sign in (or to reset its password).
/// </summary>
[AllowAnonymous]
public sealed class InvitationModel(Invitations invitations, UserManager<KlimrekUser> users, SignInManager<KlimrekUser> signIn,
    Registration registration, EmailVerification verification, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public enum Situation { NoAccount, HasAccount, SignedInAsInvitee, SignedInAsSomeoneElse }

    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public string DisplayName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    public AccountInvitation? Invitation { get; private set; }
    public Situation State { get; private set; }
    public List<string> Errors { get; } = [];

    private async Task<KlimrekUser?> LoadAsync(CancellationToken ct)
    {
        Invitation = await invitations.FindAsync(Code, ct);
        if (Invitation is null) return null;
        var me = await users.GetUserAsync(User);
        if (me is not null)
        {
            State = me.NormalizedEmail == Invitation.NormalizedEmail ? Situation.SignedInAsInvitee : Situation.SignedInAsSomeoneElse;
            return me;
        }
        State = await users.FindByEmailAsync(Invitation.Email) is null ? Situation.NoAccount : Situation.HasAccount;
        return null;
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken ct)
    {
        var me = await LoadAsync(ct);
        if (Invitation is null || me is null || State != Situation.SignedInAsInvitee) return Page();
        var next = await verification.MailboxProvenAsync(me, ct);
        await signIn.RefreshSignInAsync(me);
        return LocalRedirect(next ?? "/account");
    }

    public async Task<IActionResult> OnPostRegisterAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Invitation is null || State != Situation.NoAccount) return Page();
        var name = DisplayName.Trim();
        if (name.Length is 0 or > 200)
        {
            Errors.Add(localizer["Vul je naam in."].Value);
            return Page();
        }
        var (user, errors) = await registration.RegisterInvitedAsync(new Registration.Request(name, Invitation.Email, Password, AccountMail.CurrentLanguage));
        if (user is null)
        {
            Errors.AddRange(errors.Count > 0 ? errors : [localizer["Er is intussen een account met dit adres gemaakt. Log in om de uitnodiging aan te nemen."].Value]);
            return Page();
        }
        var next = await verification.MailboxProvenAsync(user, ct);
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect(next ?? "/");
    }
}
