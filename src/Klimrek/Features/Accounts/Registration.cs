using Klimrek.Data;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;

namespace Klimrek.Features.Accounts;

/// <summary>
/// Registering. The answer never tells whether the address already has an account: the password is judged first (on
/// its own merits), then a new account gets a verification mail and an existing one's owner a notice — the page says
/// "check your mail" either way, and both paths hash a password once.
/// </summary>
public sealed class Registration(UserManager<KlimrekUser> users, IPasswordHasher<KlimrekUser> hasher, AccountMail mail, MailLinks links,
    EmailVerification verification, TimeProvider clock, ILogger<Registration> logger)
{
    public sealed record Request(string DisplayName, string Email, string Password, string Language);

    /// <summary>The password's problems (the same whether or not the address has an account); none means "check your mail".</summary>
    public async Task<IReadOnlyList<string>> RegisterAsync(Request request)
    {
        var problems = await PasswordProblemsAsync(request.Email, request.Password);
        if (problems.Count > 0) return problems;
        var existing = await users.FindByEmailAsync(request.Email);
        if (existing is not null)
        {
            _ = hasher.HashPassword(existing, request.Password); // the same work as creating an account
            NotifyOwner(existing);
            return [];
        }
        var (user, errors) = await CreateAsync(request, confirmed: false);
        if (user is null)
        {
            if (errors.Count > 0) return errors;
            // Registered meanwhile by a second request (a double submission): the same answer as above.
            if (await users.FindByEmailAsync(request.Email) is { } other) NotifyOwner(other);
            return [];
        }
        await verification.SendAsync(user);
        return [];
    }

    /// <summary>Registers through an invitation's link: the link proves the mailbox, so the account starts verified.</summary>
    public async Task<(KlimrekUser? User, IReadOnlyList<string> Errors)> RegisterInvitedAsync(Request request)
    {
        var problems = await PasswordProblemsAsync(request.Email, request.Password);
        if (problems.Count > 0) return (null, problems);
        return await CreateAsync(request, confirmed: true);
    }

    /// <summary>Identity's password validators (length, <see cref="Passwords.KlimrekPasswordValidator"/>) on their own.</summary>
    public async Task<IReadOnlyList<string>> PasswordProblemsAsync(string email, string password)
    {
        var candidate = new KlimrekUser { Email = email, UserName = email };
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, candidate, password);
            problems.AddRange(result.Errors.Select(e => e.Description));
        }
        return problems;
    }

    /// <summary>Creates a Deelnemer; no user and no errors when the address was taken meanwhile.</summary>
    private async Task<(KlimrekUser? User, IReadOnlyList<string> Errors)> CreateAsync(Request request, bool confirmed)
    {
        var user = new KlimrekUser
        {
            UserName = request.Email,
            Email = request.Email,
            EmailConfirmed = confirmed,
            DisplayName = request.DisplayName,
            Language = request.Language,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, request.Password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
                return (null, []);
            return (null, result.Errors.Select(e => e.Description).ToList());
        }
        await users.AddToRoleAsync(user, Roles.Deelnemer);
        if (!confirmed) await users.AddClaimAsync(user, new System.Security.Claims.Claim(Career.Profile.WelcomeModel.ClaimType, Career.Profile.WelcomeModel.Pending)); // self-registered: onboarding on sign-in
        logger.LogInformation("Account {Id} registered", user.Id);
        return (user, []);
    }

    private void NotifyOwner(KlimrekUser owner) =>
        mail.AlreadyRegistered(owner, links.To("/account/inloggen"), links.To("/account/wachtwoord-vergeten"));
}
