using Klimrek.Infrastructure.Privacy;

namespace Klimrek.Features.Werkleren.Cycle;

/// <summary>Werkleren: the development cycle (POP) — its services and its API routes under <c>/api/v1/me/werkleren</c>.</summary>
internal static class CycleArea
{
    public static IServiceCollection Add(IServiceCollection services)
    {
        services.AddScoped<CycleService>();
        services.AddPersonalData<CyclePersonalData>();
        return services;
    }

    public static void Map(RouteGroupBuilder werkleren) => CycleApi.Map(werkleren);
}
