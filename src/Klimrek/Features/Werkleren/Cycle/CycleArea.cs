namespace Klimrek.Features.Werkleren.Cycle;

/// <summary>Werkleren: Cycle — its services and its API routes under <c>/api/v1/me/werkleren</c>.</summary>
internal static class CycleArea
{
    public static IServiceCollection Add(IServiceCollection services) => services;

    public static void Map(RouteGroupBuilder werkleren)
    {
    }
}
