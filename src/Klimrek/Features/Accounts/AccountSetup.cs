using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Klimrek.Features.Accounts;

public sealed class AccountSetup(RoleManager<IdentityRole> roles, UserManager<KlimrekUser> users, TimeProvider clock)
{
    public async Task EnsureRolesAsync()
    {
        var existing = roles.Roles.Select(r => r.Name).ToHashSet();
        foreach (var role in Roles.All)
            if (!existing.Contains(role))
                await roles.CreateAsync(new IdentityRole(role));
    }

    /// <summary>Creates an account with the given roles; returns the Identity errors (Dutch) if it cannot.</summary>
    public async Task<IReadOnlyList<string>> CreateUserAsync(string email, string password, string displayName, IEnumerable<string> roleNames, ContributorOrigin? origin = null)
    {
        await EnsureRolesAsync();
        var user = new KlimrekUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            Origin = origin,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) return result.Errors.Select(e => e.Description).ToList();
        var add = await users.AddToRolesAsync(user, roleNames.Distinct());
        return add.Succeeded ? [] : add.Errors.Select(e => e.Description).ToList();
    }
}

/// <summary>Identity's messages for the forms people actually see: Dutch keys from the resources, in the page's language.</summary>
public sealed class DutchIdentityErrorDescriber(IStringLocalizer<SharedResource> localizer) : IdentityErrorDescriber
{
    private IdentityError Error(string code, string key, params object[] args) =>
        new() { Code = code, Description = args.Length == 0 ? localizer[key].Value : localizer[key, args].Value };

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "Er is al een account met het e-mailadres {0}.", email);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "Er is al een account met de naam {0}.", userName);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "‘{0}’ is geen geldig e-mailadres.", email ?? "");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "‘{0}’ is geen geldige gebruikersnaam.", userName ?? "");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), "Het wachtwoord moet minstens {0} tekens hebben.", length);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), "Het wachtwoord moet minstens {0} verschillende tekens hebben.", uniqueChars);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Het wachtwoord klopt niet.");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "De link is ongeldig of verlopen. Vraag een nieuwe aan.");
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "Deze herstelcode klopt niet of is al gebruikt.");
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Er ging iets mis.");
}
