using Klimrek.Infrastructure.Privacy;

namespace Klimrek.Features.Werkleren.Sharing;

/// <summary>Werkleren: sharing — relations, what others shared with you, comments — its services and its API routes under <c>/api/v1/me/werkleren</c>.</summary>
internal static class SharingArea
{
    public static IServiceCollection Add(IServiceCollection services)
    {
        services.AddScoped<SharingService>();
        services.AddPersonalData<SharingPersonalData>();
        return services;
    }

    public static void Map(RouteGroupBuilder werkleren) => SharingApi.Map(werkleren);
}
