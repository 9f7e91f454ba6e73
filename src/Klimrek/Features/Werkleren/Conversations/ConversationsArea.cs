namespace Klimrek.Features.Werkleren.Conversations;

/// <summary>Werkleren: Conversations — its services and its API routes under <c>/api/v1/me/werkleren</c>.</summary>
internal static class ConversationsArea
{
    public static IServiceCollection Add(IServiceCollection services) => services;

    public static void Map(RouteGroupBuilder werkleren)
    {
    }
}
