namespace Klimrek.Features.Leercultuur.Organisations;

/// <summary>Leercultuur: organisations — services and API (to be built).</summary>
internal static class OrganisationsArea
{
    public static IServiceCollection Add(IServiceCollection services) => services;

    public static void Map(RouteGroupBuilder organisation)
    {
    }
}
