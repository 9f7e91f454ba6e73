using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Klimrek.Features.Atlas;

/// <summary>
/// Beroepenatlas: search over every ESCO occupation and the beroepsbeeld of one occupation (pages and
/// <c>/api/v1/occupations</c>), and skill search (<c>/api/v1/skills</c>). Public interface for other features: <see cref="AtlasQueries"/> (an occupation's
/// beroepsbeeld, cached per catalogue version in <see cref="OccupationReadModels"/>). The occupations themselves come
/// from the ESCO catalogue (<see cref="Esco.EscoCatalogue"/>).
/// </summary>
public static class AtlasModule
{
    public static IServiceCollection AddAtlas(this IServiceCollection services)
    {
        services.AddSingleton<OccupationReadModels>();
        services.AddScoped<AtlasQueries>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Atlas/Index", "beroepen"));
        return services;
    }

    public static RouteGroupBuilder MapAtlas(this RouteGroupBuilder api) => api.MapAtlasApi().MapSkillsApi();
}
