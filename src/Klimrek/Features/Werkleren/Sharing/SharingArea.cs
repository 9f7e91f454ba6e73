namespace Klimrek.Features.Werkleren.Sharing;

/// <summary>Werkleren: Sharing — its services and its API routes under <c>/api/v1/me/werkleren</c>.</summary>
internal static class SharingArea
{
    public static IServiceCollection Add(IServiceCollection services) => services;

    public static void Map(RouteGroupBuilder werkleren)
    {
    }
}
