using Klimrek.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using System.Security.Claims;

namespace Klimrek.Features.Accounts;

/// <summary>Adds the display name to the sign-in cookie, so pages can greet people by name without a query, and whether two-factor sign-in is on.</summary>
public sealed class KlimrekClaimsFactory(UserManager<KlimrekUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
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
        return identity;
    }
}
