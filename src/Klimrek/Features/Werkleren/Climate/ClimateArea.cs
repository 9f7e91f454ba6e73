namespace Klimrek.Features.Werkleren.Climate;

/// <summary>Werkleren: Climate — its services and its API routes under <c>/api/v1/me/werkleren</c>.</summary>
internal static class ClimateArea
{
    public static IServiceCollection Add(IServiceCollection services) => services;

    public static void Map(RouteGroupBuilder werkleren)
    {
    }
}
