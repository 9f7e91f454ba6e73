namespace Klimrek.Features.Leercultuur.Answering;

/// <summary>Leercultuur: answering — services and API (to be built).</summary>
internal static class AnsweringArea
{
    public static IServiceCollection Add(IServiceCollection services) => services;

    public static void Map(RouteGroupBuilder scan)
    {
    }
}
