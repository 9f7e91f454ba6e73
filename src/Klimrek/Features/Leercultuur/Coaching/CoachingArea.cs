namespace Klimrek.Features.Leercultuur.Coaching;

/// <summary>Leercultuur: coaching — services and API (to be built).</summary>
internal static class CoachingArea
{
    public static IServiceCollection Add(IServiceCollection services) => services;

    public static void Map(RouteGroupBuilder organisation)
    {
    }
}
