namespace Klimrek.Features.Leercultuur.Results;

/// <summary>Leercultuur: results — services and API (to be built).</summary>
internal static class ResultsArea
{
    public static IServiceCollection Add(IServiceCollection services) => services;

    public static void Map(RouteGroupBuilder organisation)
    {
    }
}
