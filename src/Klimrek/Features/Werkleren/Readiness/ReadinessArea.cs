namespace Klimrek.Features.Werkleren.Readiness;

/// <summary>Werkleren: Readiness — its services and its API routes under <c>/api/v1/me/werkleren</c>.</summary>
internal static class ReadinessArea
{
    public static IServiceCollection Add(IServiceCollection services) => services;

    public static void Map(RouteGroupBuilder werkleren)
    {
    }
}
