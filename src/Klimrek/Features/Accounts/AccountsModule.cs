using Klimrek.Data;
using Klimrek.Features.Accounts.Passwords;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Privacy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Klimrek.Features.Accounts;

/// <summary>
/// Accounts: Identity (passwords, roles), registration with a verified address, password reset, two-factor sign-in
/// (required for beheerders), the sign-in cookie, the authorization policies, and the beheerder's pages for users and
/// organisations (<c>Admin/</c>). Public interface: <see cref="AccountSetup"/>, <see cref="Roles"/>, <see cref="Policies"/>,
/// <see cref="Invitations"/> with <see cref="IInvitationAcceptor"/> for binding people by address, and
/// <see cref="SessionRevocation"/> (ends an account's sessions).
/// </summary>
public static class AccountsModule
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddIdentity<KlimrekUser, IdentityRole>(o =>
            {
                // NIST SP 800-63B: length and a blocklist (KlimrekPasswordValidator), no composition rules.
                o.Password.RequiredLength = KlimrekPasswordValidator.MinimumLength;
                o.Password.RequiredUniqueChars = 1;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.User.RequireUniqueEmail = true;
                // Password sign-in does not count failures towards a lockout (LoginModel, RateLimits); these apply
                // only where a caller asks for lockoutOnFailure. A beheerder's block is a lockout without end.
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                // An unverified account may sign in; what it may not do is be bound to anything by its address (Invitations).
                o.SignIn.RequireConfirmedEmail = false;
            })
            .AddEntityFrameworkStores<KlimrekDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<DutchIdentityErrorDescriber>()
            .AddPasswordValidator<KlimrekPasswordValidator>()
            .AddClaimsPrincipalFactory<KlimrekClaimsFactory>();
        services.AddScoped<AccountSetup>();
        services.AddScoped<AccountMail>();
        services.AddScoped<Invitations>();
        services.AddScoped<EmailVerification>();
        services.AddScoped<Registration>();
        services.AddScoped<PasswordReset>();
        services.AddScoped<PasswordSignIn>();
        services.AddPersonalData<AccountPersonalData>();
        services.AddMemoryCache();
        services.AddScoped<SessionRevocation>();
        return services;
    }

    /// <summary>The web parts: sign-in cookie (401/403 instead of a redirect on the API), policies, admin pages.</summary>
    public static IServiceCollection AddAccountsWeb(this IServiceCollection services)
    {
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/inloggen";
            o.LogoutPath = "/account/uitloggen";
            o.AccessDeniedPath = "/account/geen-toegang";
            o.Cookie.Name = "klimrek.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // behind a proxy: see ForwardedHeaders:* (SecurityHeaders)
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
            // Replaces Identity's own stamp validator with one that also refuses sessions revoked here at once.
            o.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
        });
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IConfiguration>((o, c) => o.ValidationInterval = SessionCheck.Interval(c));
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Curator, p => p.RequireRole(Roles.Curator, Roles.Beheerder))
            .AddPolicy(Policies.Beheerder, p => p.RequireRole(Roles.Beheerder).AddRequirements(new TwoFactorRequirement()))
            .AddPolicy(Policies.Begeleider, p => p.RequireRole(Roles.Begeleider));
        services.AddSingleton<IAuthorizationHandler, TwoFactorHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, TwoFactorSetupRedirect>();
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Accounts/Admin", Policies.Beheerder);
            o.Conventions.AuthorizePage("/Accounts/Manage");
            o.Conventions.AuthorizePage("/Accounts/TwoFactor");
        });
        return services;
    }

    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ApiStatusCodes.IsApi(ctx.HttpContext))
            ctx.Response.StatusCode = status;
        else
            ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
