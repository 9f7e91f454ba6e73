using Klimrek.Data;
using Klimrek.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using System.Text;

namespace Klimrek.Features.Accounts;

/// <summary>
/// Verifying an account's address: the mail with its link (an Identity token), confirming it, and what follows once the
/// mailbox is proven — by that link, an invitation's link or a password reset: the address's pending invitations are accepted.
/// </summary>
public sealed class EmailVerification(UserManager<KlimrekUser> users, AccountMail mail, MailLinks links, Invitations invitations)
{
    public async Task SendAsync(KlimrekUser user)
    {
        if (user.EmailConfirmed) return;
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        mail.Verification(user, links.To($"/account/bevestigen?id={Uri.EscapeDataString(user.Id)}&code={Encode(token)}"));
    }

    /// <summary>
    /// Confirms the address with the link's code (not confirmed: an unknown account, or a wrong or expired code); next:
    /// the page of an invitation this accepted.
    /// </summary>
    public async Task<(bool Confirmed, string? Next)> ConfirmAsync(string? userId, string? code, CancellationToken ct)
    {
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null || Decode(code) is not { } token) return (false, null);
        if (!user.EmailConfirmed && !(await users.ConfirmEmailAsync(user, token)).Succeeded) return (false, null);
        return (true, await invitations.AcceptPendingAsync(user, ct));
    }

    /// <summary>The mailbox was proven another way (an invitation's or a password reset's link): the address counts as verified.</summary>
    public async Task<string?> MailboxProvenAsync(KlimrekUser user, CancellationToken ct)
    {
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        return await invitations.AcceptPendingAsync(user, ct);
    }

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }
}
