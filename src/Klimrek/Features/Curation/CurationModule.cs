using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Privacy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Klimrek.Features.Curation;

/// <summary>
/// Curation of beroepsbeelden: curators write the sections of an occupation's image, every save a new version; anyone
/// may read the version history. Uses the atlas (<see cref="Atlas.AtlasQueries"/>) to find the occupation.
/// </summary>
public static class CurationModule
{
    public static IServiceCollection AddCuration(this IServiceCollection services)
    {
        services.AddScoped<CurationService>();
        services.AddScoped<SkillLabelCuration>();
        services.AddScoped<DemoImageSeeder>();
        services.AddPersonalData<CurationPersonalData>();
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizePage("/Curation/Edit", Policies.Curator);
            o.Conventions.AuthorizePage("/Curation/SkillLabel", Policies.Curator);
        });
        return services;
    }

    public static RouteGroupBuilder MapCuration(this RouteGroupBuilder api) => api.MapSkillLabelsApi();
}
