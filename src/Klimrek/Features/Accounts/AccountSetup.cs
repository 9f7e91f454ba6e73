using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Identity;

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

/// <summary>Identity's messages in Dutch, for the forms people actually see.</summary>
public sealed class DutchIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"Er is al een account met het e-mailadres {email}." };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"Er is al een account met de naam {userName}." };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = $"‘{email}’ is geen geldig e-mailadres." };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"‘{userName}’ is geen geldige gebruikersnaam." };
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Het wachtwoord moet minstens {length} tekens hebben." };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"Het wachtwoord moet minstens {uniqueChars} verschillende tekens hebben." };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "Het wachtwoord klopt niet." };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "Er ging iets mis." };
}
