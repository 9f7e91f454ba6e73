namespace Klimrek.Features.Werkleren.Experiments;

/// <summary>Werkleren: Experiments — its services and its API routes under <c>/api/v1/me/werkleren</c>.</summary>
internal static class ExperimentsArea
{
    public static IServiceCollection Add(IServiceCollection services) => services;

    public static void Map(RouteGroupBuilder werkleren)
    {
    }
}
