using Klimrek.Data;
using Klimrek.Features.Leercultuur;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using System.Security.Claims;

namespace Klimrek.Features.Accounts;

/// <summary>
/// Adds to the sign-in cookie what the header shows on every page, so that it needs no query: the display name,
/// whether two-factor sign-in is on, and whether the person has a part in a learning-culture scan.
/// </summary>
public sealed class KlimrekClaimsFactory(UserManager<KlimrekUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options,
    LeercultuurAccess leercultuur)
    : UserClaimsPrincipalFactory<KlimrekUser, IdentityRole>(users, roles, options)
{
    public const string DisplayName = "klimrek:display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(KlimrekUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.DisplayName))
            identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        if (user.TwoFactorEnabled)
            identity.AddClaim(new Claim(TwoFactor.Claim, "true"));
        // The "Leercultuur" menu item. A claim rather than a per-user cache: Identity's security-stamp check
        // (SessionCheck.Interval, 30 s by default, at most a minute) rebuilds the cookie's claims through this factory
        // on every instance, so being made HR, steering group or coach shows in the menu within that interval and
        // costs one existence query per interval instead of one per page. Changing the security stamp to make it
        // immediate would end the person's other sessions (SessionRevocation), which a new membership must not do.
        if (await leercultuur.HasAnyAsync(user.Id, identity.HasClaim(identity.RoleClaimType, Roles.Begeleider), CancellationToken.None))
            identity.AddClaim(new Claim(LeercultuurAccess.MenuClaim, "true"));
        return identity;
    }
}
