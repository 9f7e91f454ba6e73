using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Klimrek.Features.Atlas;

/// <summary>
/// Beroepenatlas: search over every ESCO occupation and the beroepsbeeld of one occupation (pages and
/// <c>/api/v1/occupations</c>). Public interface for other features: <see cref="AtlasQueries"/> (occupation lookups)
/// and <see cref="AtlasCache"/> (the in-memory occupation read model).
/// </summary>
public static class AtlasModule
{
    public static IServiceCollection AddAtlas(this IServiceCollection services)
    {
        services.AddSingleton<AtlasCache>();
        services.AddScoped<AtlasQueries>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Atlas/Index", "beroepen"));
        return services;
    }

    public static RouteGroupBuilder MapAtlas(this RouteGroupBuilder api) => api.MapAtlasApi();
}
