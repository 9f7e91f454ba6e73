using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using QRCoder;

namespace Klimrek.Features.Accounts;

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP, Identity's authenticator key) and recovery codes: offered to
/// everyone, required for beheerders — the <see cref="Policies.Beheerder"/> policy holds a <see cref="TwoFactorRequirement"/>,
/// and a beheerder without it is sent to <see cref="SetupPage"/> first.
/// </summary>
public static class TwoFactor
{
    /// <summary>In the sign-in cookie when the account has two-factor sign-in on (<see cref="KlimrekClaimsFactory"/>).</summary>
    public const string Claim = "klimrek:2fa";
    public const string SetupPage = "/account/tweestapsverificatie";
    public const int RecoveryCodeCount = 10;

    /// <summary>The key as people type it: groups of four, lower case.</summary>
    public static string Readable(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4)))).ToLowerInvariant();

    /// <summary>The otpauth:// address an authenticator app reads from the QR code.</summary>
    public static string AuthenticatorUri(string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString("Klimrek:" + email)}?secret={key}&issuer=Klimrek&digits=6";

    /// <summary>The QR code as inline SVG (no script, no image request, no data: URL).</summary>
    public static string QrSvg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(5);
    }
}

/// <summary>The account has two-factor sign-in on.</summary>
public sealed class TwoFactorRequirement : IAuthorizationRequirement;

public sealed class TwoFactorHandler : AuthorizationHandler<TwoFactorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TwoFactorRequirement requirement)
    {
        if (context.User.HasClaim(TwoFactor.Claim, "true")) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// <summary>
/// When only the <see cref="TwoFactorRequirement"/> failed, a page sends the person to set it up (and back after);
/// the API answers 403 with what to do. Every other outcome is ASP.NET Core's usual one.
/// </summary>
public sealed class TwoFactorSetupRedirect : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _usual = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var failed = authorizeResult.AuthorizationFailure?.FailedRequirements.ToList() ?? [];
        if (!authorizeResult.Forbidden || failed.Count == 0 || !failed.All(r => r is TwoFactorRequirement))
            return _usual.HandleAsync(next, context, policy, authorizeResult);
        if (ApiStatusCodes.IsApi(context))
            throw ProblemException.Forbidden("Zet eerst tweestapsverificatie aan op je accountpagina: voor beheerders is die verplicht.");
        context.Response.Redirect(TwoFactor.SetupPage + "?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
        return Task.CompletedTask;
    }
}
