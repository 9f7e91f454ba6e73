using Klimrek.Features.Career;
using System.Globalization;
using Klimrek.Data;
using Klimrek.Features.Accounts;
using Klimrek.Features.Atlas;
using Klimrek.Features.Curation;
using Klimrek.Features.Esco;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Klimrek.Infrastructure;

/// <summary>Composes the web application: services, middleware, pages and API groups.</summary>
public static class KlimrekWeb
{
    public static readonly CultureInfo[] Cultures = [new("nl-NL"), new("en")];

    public static void AddKlimrekServices(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddKlimrekDatabase(configuration, contentRoot);
        services.AddIdentity<KlimrekUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.User.RequireUniqueEmail = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<KlimrekDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<DutchIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<KlimrekClaimsFactory>();
        services.AddScoped<EscoImporter>();
        services.AddScoped<AtlasQueries>();
        services.AddScoped<CurationService>();
        services.AddScoped<DemoProfileSeeder>();
        services.AddSingleton<AtlasCache>();
        services.AddSingleton<TransitionCache>();
        services.AddSingleton<LabourMarketService>();
        services.AddScoped<TransitionService>();
        services.AddScoped<ProfileService>();
        services.AddScoped<AccountSetup>();
        services.AddScoped<Klimrek.Features.SamenLeren.SamenLerenService>();
        services.TryAddSingleton(TimeProvider.System);
    }

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Serve wwwroot from the project during `dotnet run` whatever the working directory; a no-op once published.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddDataProtection()
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(DatabaseSetup.DataFolder(builder.Configuration, builder.Environment.ContentRootPath), "keys")))
            .SetApplicationName("Klimrek");
        builder.Services.AddKlimrekServices(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddHostedService<StartupTasks>();

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/inloggen";
            o.LogoutPath = "/account/uitloggen";
            o.AccessDeniedPath = "/account/geen-toegang";
            o.Cookie.Name = "klimrek.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Curator, p => p.RequireRole(Roles.Curator, Roles.Beheerder))
            .AddPolicy(Policies.Beheerder, p => p.RequireRole(Roles.Beheerder))
            .AddPolicy(Policies.Begeleider, p => p.RequireRole(Roles.Begeleider));

        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.AddSingleton<IStringLocalizer<SharedResource>, SharedLocalizer>();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("nl-NL");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        builder.Services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/Curation", Policies.Curator);
                o.Conventions.AuthorizeFolder("/Admin", Policies.Beheerder);
                o.Conventions.AuthorizeFolder("/Profile");
                o.Conventions.AuthorizeFolder("/Coaching", Policies.Begeleider);
                o.Conventions.AuthorizeFolder("/SamenLeren");
                o.Conventions.AddPageRoute("/Atlas/Index", "beroepen");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<Errors.KlimrekExceptionHandler>();
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Klimrek API";
            doc.Info.Description = "Open API of Klimrek: ESCO occupations with their curated beroepsbeelden. ESCO © European Union, reused under the Commission's reuse policy.";
            return Task.CompletedTask;
        }));

        var app = builder.Build();
        // Always on (also in Development): the API answers ProblemDetails, pages the Dutch error page, re-executed as a GET.
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/fout", StatusCodeSelector = Errors.Failure.StatusOf });
        app.UseWhen(ApiStatusCodes.IsApi, a => a.UseStatusCodePages(ApiStatusCodes.WriteAsync));
        app.UseWhen(c => !ApiStatusCodes.IsApi(c), a => a.UseStatusCodePagesWithReExecute("/fout/{0}"));
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapOpenApi("/api/v1/openapi.json");
        var api = app.MapGroup("/api/v1");
        api.MapAtlasApi();
        api.MapCareerApi();
        Klimrek.Features.SamenLeren.SamenLerenApi.MapSamenLerenApi(api);
        app.MapRazorPages();
        app.MapGet("/taal/{culture}", (string culture, string? terug, HttpContext ctx) =>
        {
            var c = Cultures.FirstOrDefault(x => x.Name.Equals(culture, StringComparison.OrdinalIgnoreCase)) ?? Cultures[0];
            ctx.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(c)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(terug is { Length: > 0 } && terug.StartsWith('/') && !terug.StartsWith("//") ? terug : "/");
        }).ExcludeFromDescription();
        return app;
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

public static class Roles
{
    public const string Deelnemer = "Deelnemer";
    public const string Begeleider = "Begeleider";
    public const string Stuurgroep = "Stuurgroep";
    public const string Curator = "Curator";
    public const string Beheerder = "Beheerder";
    public static readonly string[] All = [Deelnemer, Begeleider, Stuurgroep, Curator, Beheerder];
}

public static class Policies
{
    public const string Curator = "Curator";
    public const string Beheerder = "Beheerder";
    public const string Begeleider = "Begeleider";
}
