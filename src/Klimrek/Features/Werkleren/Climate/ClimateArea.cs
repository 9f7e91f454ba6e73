using Klimrek.Infrastructure.Privacy;

namespace Klimrek.Features.Werkleren.Climate;

/// <summary>Werkleren: Climate (mijn microleerklimaat) — its services and its API routes under <c>/api/v1/me/werkleren</c>.</summary>
internal static class ClimateArea
{
    public static IServiceCollection Add(IServiceCollection services)
    {
        services.AddScoped<ClimateService>();
        services.AddPersonalData<ClimatePersonalData>();
        return services;
    }

    public static void Map(RouteGroupBuilder werkleren) => ClimateApi.Map(werkleren);
}
