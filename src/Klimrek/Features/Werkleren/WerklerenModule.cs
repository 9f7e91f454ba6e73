using Klimrek.Features.Werkleren.Climate;
using Klimrek.Features.Werkleren.Conversations;
using Klimrek.Features.Werkleren.Cycle;
using Klimrek.Features.Werkleren.Experiments;
using Klimrek.Features.Werkleren.Readiness;
using Klimrek.Features.Werkleren.Sharing;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Klimrek.Features.Werkleren;

/// <summary>
/// Werkleren: learning in daily work (docs/werkleren.md). Pages under <c>/werkleren</c>, API under
/// <c>/api/v1/me/werkleren</c>. Each part lives in its own folder and registers itself through its <c>…Area</c> class:
/// conversations and drivers (Tool 1), learning experiments (Tool 2), the micro learning climate and its signals,
/// readiness check-ins, the development cycle (POP), and what a person shared with their leidinggevende or begeleider.
/// </summary>
public static class WerklerenModule
{
    public static IServiceCollection AddWerkleren(this IServiceCollection services)
    {
        services.AddScoped<WerklerenAccess>();
        ConversationsArea.Add(services);
        ExperimentsArea.Add(services);
        ClimateArea.Add(services);
        ReadinessArea.Add(services);
        CycleArea.Add(services);
        SharingArea.Add(services);
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Werkleren"));
        return services;
    }

    public static RouteGroupBuilder MapWerkleren(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me/werkleren").RequireAuthorization().WithTags("Werkleren");
        ConversationsArea.Map(me);
        ExperimentsArea.Map(me);
        ClimateArea.Map(me);
        ReadinessArea.Map(me);
        CycleArea.Map(me);
        SharingArea.Map(me);
        ConversationsArea.MapAdmin(api);
        return api;
    }
}
