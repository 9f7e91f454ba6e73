using Klimrek.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using System.Security.Claims;

namespace Klimrek.Features.Accounts;

/// <summary>
/// Ends every existing session of an account: a role change, a lock, a logout, a password change and an account
/// erase call <see cref="RevokeAsync"/>. It gives the account a new security stamp, so every sign-in cookie made
/// before carries a stamp that no longer matches. Two checks refuse such a cookie:
/// <list type="bullet">
/// <item>on every request, this instance remembers the accounts it revoked in the last minutes with their new stamp,
/// and refuses a cookie with another stamp at once (a dictionary look-up, no query);</item>
/// <item>every <see cref="SessionCheck.Interval"/> (at most a minute) of a cookie's life, Identity's security-stamp
/// validator compares the stamp with the database — this is what ends the session on the other instances.</item>
/// </list>
/// </summary>
public sealed class SessionRevocation(UserManager<KlimrekUser> users, IMemoryCache recent)
{
    /// <summary>How long this instance remembers a revocation: longer than the stamp check needs to catch up.</summary>
    private static readonly TimeSpan Remember = SessionCheck.Longest + SessionCheck.Longest;

    /// <summary>Ends every session of <paramref name="user"/> (on this instance at once, on the others within a minute).</summary>
    public async Task RevokeAsync(KlimrekUser user)
    {
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
            throw new InvalidOperationException("The security stamp could not be updated: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        recent.Set(Key(user.Id), user.SecurityStamp, Remember);
    }

    /// <summary>Whether this instance revoked the sessions of the principal's account after its cookie was made.</summary>
    internal static bool WasRevoked(IMemoryCache recent, ClaimsPrincipal principal, IdentityOptions options)
    {
        var id = principal.FindFirstValue(options.ClaimsIdentity.UserIdClaimType);
        if (id is null || !recent.TryGetValue(Key(id), out string? stamp)) return false;
        return !string.Equals(principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType), stamp, StringComparison.Ordinal);
    }

    private static string Key(string userId) => "klimrek:revoked:" + userId;
}

/// <summary>
/// The sign-in cookie's check on every request: refused at once when this instance revoked it, otherwise Identity's
/// security-stamp validator (which asks the database once per <see cref="Interval"/>).
/// </summary>
public static class SessionCheck
{
    /// <summary>The longest allowed interval between two database checks of a cookie: a revoked session ends within it.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(1);

    /// <summary>
    /// <c>Accounts:SessionCheckSeconds</c>: how often a cookie's stamp is compared with the database (default 30 s,
    /// at most 60 so that a revoked session ends within a minute on every instance; 0 checks every request).
    /// </summary>
    public static TimeSpan Interval(IConfiguration configuration)
    {
        var seconds = configuration.GetValue("Accounts:SessionCheckSeconds", 30.0);
        return seconds < 0 || double.IsNaN(seconds) ? TimeSpan.FromSeconds(30) : TimeSpan.FromSeconds(Math.Min(seconds, Longest.TotalSeconds));
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        if (context.Principal is { } principal && SessionRevocation.WasRevoked(services.GetRequiredService<IMemoryCache>(), principal,
                services.GetRequiredService<IOptions<IdentityOptions>>().Value))
        {
            context.RejectPrincipal();
            await context.HttpContext.RequestServices.GetRequiredService<SignInManager<KlimrekUser>>().SignOutAsync();
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
