using Klimrek.Features.Leercultuur.Answering;
using Klimrek.Features.Leercultuur.Coaching;
using Klimrek.Features.Leercultuur.Instrument;
using Klimrek.Features.Leercultuur.Organisations;
using Klimrek.Features.Leercultuur.Results;
using Klimrek.Features.Leercultuur.Rounds;

namespace Klimrek.Features.Leercultuur;

/// <summary>
/// Leercultuur: an organisation's learning-culture scan on six building blocks and the SME coaching route
/// (docs/leercultuur.md). Pages under <c>/leercultuur</c> (HR, steering group, coach), the anonymous answer pages under
/// <c>/scan</c>, the instrument's revisions under <c>/beheer/leercultuur</c>. API under
/// <c>/api/v1/organisations/{organisationId}/scans</c> (each area's routes under that group), the anonymous answer endpoint under <c>/api/v1/scan</c>.
/// Who may do what is <see cref="LeercultuurAccess"/>'s: HR runs rounds, the steering group reads results, the route's
/// coach logs hours and reads results; nobody sees a figure about fewer than five respondents.
/// </summary>
public static class LeercultuurModule
{
    public static IServiceCollection AddLeercultuur(this IServiceCollection services)
    {
        services.AddScoped<LeercultuurAccess>();
        OrganisationsArea.Add(services);
        InstrumentArea.Add(services);
        RoundsArea.Add(services);
        AnsweringArea.Add(services);
        ResultsArea.Add(services);
        CoachingArea.Add(services);
        return services;
    }

    public static RouteGroupBuilder MapLeercultuur(this RouteGroupBuilder api)
    {
        var organisation = api.MapGroup("/organisations/{organisationId:int}/scans").RequireAuthorization().WithTags("Leercultuur");
        OrganisationsArea.Map(organisation);
        RoundsArea.Map(organisation);
        ResultsArea.Map(organisation);
        CoachingArea.Map(organisation);
        InstrumentArea.MapAdmin(api);
        AnsweringArea.Map(api.MapGroup("/scan").AllowAnonymous().WithTags("Leercultuur"));
        return api;
    }
}
