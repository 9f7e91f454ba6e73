using Klimrek.Data;
using Klimrek.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Klimrek.Features.Accounts;

/// <summary>
/// "Wachtwoord vergeten": a mail with a link (an Identity token, valid a day and once) to set a new password. Asking
/// answers the same whether or not the address has an account; the link proves the mailbox, so it also verifies the
/// address and lifts a lockout.
/// </summary>
public sealed class PasswordReset(UserManager<KlimrekUser> users, AccountMail mail, MailLinks links, EmailVerification verification,
    IStringLocalizer<SharedResource> localizer, SessionRevocation revocation)
{
    public const string InvalidLink = "De link is ongeldig of verlopen. Vraag een nieuwe aan.";

    public async Task RequestAsync(string email)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null) return;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        mail.PasswordReset(user, links.To($"/account/wachtwoord-herstellen?id={Uri.EscapeDataString(user.Id)}&code={EmailVerification.Encode(token)}"));
    }

    /// <summary>Sets the new password; the problems if it cannot (the same one for an unknown account as for a bad link).</summary>
    public async Task<IReadOnlyList<string>> ResetAsync(string? userId, string? code, string password, CancellationToken ct)
    {
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null || EmailVerification.Decode(code) is not { } token) return [localizer[InvalidLink].Value];
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
            return result.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken) ? localizer[InvalidLink].Value : e.Description).ToList();
        // Every session made with the old password ends. A beheerder's block stays: a reset is no way around it.
        await revocation.RevokeAsync(user);
        await users.ResetAccessFailedCountAsync(user);
        await verification.MailboxProvenAsync(user, ct);
        return [];
    }
}
