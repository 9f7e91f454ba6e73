using Klimrek.Data;
using Klimrek.Features.Accounts;
using Klimrek.Features.Atlas;
using Klimrek.Features.Career;
using Klimrek.Features.Curation;
using Klimrek.Features.Esco;
using Klimrek.Features.Leercultuur;
using Klimrek.Features.Notifications;
using Klimrek.Features.Privacy;
using Klimrek.Features.SamenLeren;
using Klimrek.Features.Werkleren;
using Klimrek.Infrastructure.Errors;
using Klimrek.Infrastructure.Mail;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using System.Globalization;

namespace Klimrek.Infrastructure;

/// <summary>
/// Composes the application from its modules (docs/architecture.md): each capability in <c>Features/</c> registers its
/// services and pages' rules (<c>Add…</c>) and maps its API group (<c>Map…</c>); the rest here is shared plumbing.
/// </summary>
public static class KlimrekWeb
{
    public static readonly CultureInfo[] Cultures = [new("nl-NL"), new("en")];

    /// <summary>The services of every module (web app and command line alike).</summary>
    public static void AddKlimrekServices(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton<IStringLocalizer<SharedResource>, SharedLocalizer>();
        services.AddSingleton<Texts>();
        services.AddKlimrekDatabase(configuration, contentRoot);
        services.AddMail(configuration, contentRoot);
        services.AddAccounts()
            .AddEsco()
            .AddAtlas()
            .AddCuration()
            .AddCareer()
            .AddSamenLeren()
            .AddWerkleren()
            .AddNotifications(configuration)
            .AddLeercultuur()
            .AddPrivacy();
    }

    private static void MapModules(RouteGroupBuilder api)
    {
        api.MapAtlas();
        api.MapCuration();
        api.MapCareer();
        api.MapSamenLeren();
        api.MapWerkleren();
        api.MapNotifications();
        api.MapLeercultuur();
        api.MapPrivacy();
    }

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Serve wwwroot from the project during `dotnet run` whatever the working directory; a no-op once published.
        builder.WebHost.UseStaticWebAssets();
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        var services = builder.Services;
        var forwarded = SecurityHeaders.ConfigureForwardedHeaders(services, builder.Configuration);
        // The keys live in the database, so every instance on it reads the others' cookies and antiforgery tokens.
        services.AddDataProtection()
            .PersistKeysToDbContext<KlimrekDbContext>()
            .SetApplicationName("Klimrek");
        // Razor Pages first: the modules add their pages' conventions to the options it creates.
        AddWebPlumbing(services);
        services.AddKlimrekServices(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddAccountsWeb();
        services.AddKlimrekRateLimits(builder.Configuration);
        services.AddHostedService<StartupTasks>();

        var app = builder.Build();
        if (forwarded) app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHsts(); // only ever sent over https
        // Always on (also in Development): the API answers ProblemDetails, pages the Dutch error page, re-executed as a GET.
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/fout", StatusCodeSelector = Failure.StatusOf });
        app.UseWhen(ApiStatusCodes.IsApi, a => a.UseStatusCodePages(ApiStatusCodes.WriteAsync));
        app.UseWhen(c => !ApiStatusCodes.IsApi(c), a => a.UseStatusCodePagesWithReExecute("/fout/{0}"));
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authentication: the API is limited per signed-in user (RateLimits).
        app.UseKlimrekRateLimits();
        // After authentication (signed-in requests are never served from it) and localization (it varies by language).
        app.UseOutputCache();
        app.UseAntiforgery();

        app.MapOpenApi("/api/v1/openapi.json");
        MapModules(app.MapGroup("/api/v1"));
        app.MapRazorPages();
        app.MapLanguageSwitch();
        return app;
    }

    private static void AddWebPlumbing(IServiceCollection services)
    {
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("nl-NL");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
        services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataProvider, QuietTempDataProvider>();
        services.AddProblemDetails();
        // Secure whenever the request is https (behind a proxy: once ForwardedHeaders:* trusts it to say so).
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddExceptionHandler<KlimrekExceptionHandler>();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Klimrek API";
            doc.Info.Description = "Open API of Klimrek: ESCO occupations with their curated beroepsbeelden, transitions, skills profiles "
                + "and samen leren. ESCO © European Union, reused under the Commission's reuse policy.";
            return Task.CompletedTask;
        }));
    }

    /// <summary>
    /// <c>/taal/{culture}</c>: sets the UI language cookie and returns to the page — a local path only
    /// (<see cref="SecurityHeaders.IsLocalPath"/>); anything else goes home.
    /// </summary>
    private static void MapLanguageSwitch(this WebApplication app) =>
        app.MapGet("/taal/{culture}", (string culture, string? terug, HttpContext ctx, TimeProvider clock) =>
        {
            var c = Cultures.FirstOrDefault(x => x.Name.Equals(culture, StringComparison.OrdinalIgnoreCase)) ?? Cultures[0];
            ctx.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(c)),
                new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, Secure = ctx.Request.IsHttps });
            return Results.Redirect(SecurityHeaders.IsLocalPath(terug) ? terug! : "/");
        }).ExcludeFromDescription();
}
