namespace Klimrek.Features.Leercultuur.Instrument;

/// <summary>Leercultuur: the instrument's revisions — services, and the beheerder's API under <c>/api/v1/admin/scan-instruments</c>.</summary>
internal static class InstrumentArea
{
    public static IServiceCollection Add(IServiceCollection services)
    {
        services.AddScoped<InstrumentService>();
        return services;
    }

    public static void MapAdmin(RouteGroupBuilder api)
    {
    }
}
