using Klimrek.Infrastructure.Privacy;

namespace Klimrek.Features.Werkleren.Experiments;

/// <summary>
/// Werkleren: learning experiments (Tool 2) — the service, the personal-data part and the API routes under
/// <c>/api/v1/me/werkleren/experiments</c>. Pages: <c>/werkleren/experimenten</c>, <c>…/nieuw</c>, <c>…/{experimentId}</c>.
/// </summary>
internal static class ExperimentsArea
{
    public static IServiceCollection Add(IServiceCollection services)
    {
        services.AddScoped<ExperimentService>();
        services.AddPersonalData<ExperimentsPersonalData>();
        return services;
    }

    public static void Map(RouteGroupBuilder werkleren) => ExperimentsApi.Map(werkleren);
}
