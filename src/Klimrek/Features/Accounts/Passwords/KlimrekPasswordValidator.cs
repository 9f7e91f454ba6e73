using Klimrek.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Klimrek.Features.Accounts.Passwords;

/// <summary>
/// The password rules beyond Identity's minimum length (12, set in <see cref="AccountsModule"/>), after NIST SP 800-63B:
/// no composition rules (no required digits or capitals), but not a common password, not one character or a short
/// piece repeated or a plain run (<c>abcdefghijkl</c>), and not the e-mail address or its part before the @.
/// </summary>
public sealed class KlimrekPasswordValidator(IStringLocalizer<SharedResource> localizer) : IPasswordValidator<KlimrekUser>
{
    public const int MinimumLength = 12;

    public Task<IdentityResult> ValidateAsync(UserManager<KlimrekUser> manager, KlimrekUser user, string? password)
    {
        var errors = Problems(password ?? "", user.Email)
            .Select(p => new IdentityError { Code = p.Code, Description = localizer[p.Key].Value })
            .ToArray();
        return Task.FromResult(errors.Length == 0 ? IdentityResult.Success : IdentityResult.Failed(errors));
    }

    /// <summary>What is wrong with the password (its code and Dutch message key), at most one reason of each kind.</summary>
    public static IEnumerable<(string Code, string Key)> Problems(string password, string? email)
    {
        var compact = CommonPasswords.Compact(password);
        if (compact.Length > 0 && IsRepetitive(compact))
            yield return ("PasswordRepetitive", "Het wachtwoord is te voorspelbaar: steeds hetzelfde teken, een herhaald stukje of een reeks als abcdef of 123456.");
        else if (CommonPasswords.Contains(password))
            yield return ("PasswordCommon", "Dit wachtwoord wordt veel gebruikt en is daardoor makkelijk te raden. Kies iets anders, bijvoorbeeld een paar woorden achter elkaar.");
        if (ContainsAddress(compact, email))
            yield return ("PasswordContainsEmail", "Het wachtwoord mag je e-mailadres (of het deel voor de @) niet bevatten.");
    }

    /// <summary>One character or a piece of at most four characters repeated, or a run up or down (abcdef, 987654).</summary>
    private static bool IsRepetitive(string s)
    {
        for (var period = 1; period <= 4 && period < s.Length; period++)
        {
            var repeats = true;
            for (var i = period; i < s.Length && repeats; i++) repeats = s[i] == s[i - period];
            if (repeats) return true;
        }
        if (s.Length < 3) return false;
        var step = s[1] - s[0];
        if (step is not (1 or -1)) return false;
        for (var i = 2; i < s.Length; i++)
            if (s[i] - s[i - 1] != step) return false;
        return true;
    }

    private static bool ContainsAddress(string compact, string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return false;
        var address = CommonPasswords.Compact(email);
        if (compact == address) return true;
        var at = address.IndexOf('@', StringComparison.Ordinal);
        var local = at > 0 ? address[..at] : address;
        return local.Length >= 4 ? compact.Contains(local, StringComparison.Ordinal) : compact == local;
    }
}
