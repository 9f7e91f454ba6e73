using Klimrek.Data;
using Microsoft.AspNetCore.Identity;

namespace Klimrek.Features.Accounts;

/// <summary>
/// Signing in with a password so that the answer and the time taken do not tell whether an address has an account:
/// an unknown address and a locked account (which Identity refuses before hashing) hash the password against a dummy
/// hash, so every attempt hashes once; the page shows one message for every failure.
/// </summary>
public sealed class PasswordSignIn(SignInManager<KlimrekUser> signIn, UserManager<KlimrekUser> users, IPasswordHasher<KlimrekUser> hasher)
{
    public enum Outcome { Succeeded, RequiresTwoFactor, Failed }

    private static readonly KlimrekUser Nobody = new() { Id = "", UserName = "" };
    private static string? _dummyHash;

    public async Task<Outcome> SignInAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            HashOnce(password);
            return Outcome.Failed;
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded) return Outcome.Succeeded;
        return result.RequiresTwoFactor ? Outcome.RequiresTwoFactor : Outcome.Failed;
    }

    private void HashOnce(string password)
    {
        _dummyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        _ = hasher.VerifyHashedPassword(Nobody, _dummyHash, password);
    }
}
