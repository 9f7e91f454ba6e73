using Klimrek.Features.Esco;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Privacy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Globalization;

namespace Klimrek.Features.Career;

/// <summary>
/// Klimrek proper: transitions between occupations (public), a person's own skills profile and next steps
/// (<c>Profile/</c>, signed in), profiles shared with a begeleider (<c>Coaching/</c>) and the labour-market indicators
/// (imported by a beheerder). API: <c>/api/v1/occupations/{id}/transitions</c>, <c>/paths</c>, <c>/me/…</c>,
/// <c>/profiles/{userId}</c>, <c>/labour-market</c>.
/// </summary>
public static class CareerModule
{
    public const string TransitionsCachePolicy = "transitions";

    public static IServiceCollection AddCareer(this IServiceCollection services)
    {
        services.AddSingleton<TransitionCache>();
        services.AddSingleton<LabourMarketService>();
        // Public transitions: per catalogue version and labour-market import (the market fit is part of the answer).
        // The same answer for everyone, signed in or not: cached for all (CatalogueOutputCache.PublicResponse).
        services.AddOutputCache(o => o.AddPolicy(TransitionsCachePolicy, b => b.AddPolicy<CatalogueOutputCache.PublicResponse>().VaryByCatalogue()
            .VaryByValue(async (ctx, ct) => new("market",
                (await ctx.RequestServices.GetRequiredService<LabourMarketService>().SnapshotAsync(ct)).ImportId.ToString(CultureInfo.InvariantCulture))),
            excludeDefaultPolicy: true));
        services.AddScoped<TransitionService>();
        services.AddScoped<ProfileService>();
        services.AddScoped<Coaching.GuidanceService>();
        services.AddPersonalData<CareerPersonalData>();
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Career/Profile");
            o.Conventions.AuthorizeFolder("/Career/Coaching", Policies.Begeleider);
            o.Conventions.AuthorizePage("/Career/LabourMarket", Policies.Beheerder);
        });
        return services;
    }

    public static RouteGroupBuilder MapCareer(this RouteGroupBuilder api) => Coaching.GuidanceApi.MapGuidanceApi(api.MapCareerApi());
}
