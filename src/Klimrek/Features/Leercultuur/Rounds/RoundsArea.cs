namespace Klimrek.Features.Leercultuur.Rounds;

/// <summary>Leercultuur: rounds — services and API (to be built).</summary>
internal static class RoundsArea
{
    public static IServiceCollection Add(IServiceCollection services) => services;

    public static void Map(RouteGroupBuilder organisation)
    {
    }
}
