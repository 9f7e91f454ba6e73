using Klimrek.Features.Accounts;
using Klimrek.Infrastructure.Privacy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Klimrek.Features.SamenLeren;

/// <summary>Samen leren: programmes of duos of equal partners (pages under /samen-leren, API under /api/v1/programmes).</summary>
public static class SamenLerenModule
{
    public static IServiceCollection AddSamenLeren(this IServiceCollection services)
    {
        services.AddScoped<SamenLerenAccess>();
        services.AddPersonalData<SamenLerenPersonalData>();
        services.AddScoped<SamenLerenRequest>();
        services.AddScoped<ProgrammeService>();
        services.AddScoped<IInvitationAcceptor, ProgrammeInvitations>();
        services.AddScoped<IntakeService>();
        services.AddScoped<MatchingService>();
        services.AddScoped<ManualPairingService>();
        services.AddScoped<DuoService>();
        services.AddScoped<DuoLedgerService>();
        services.AddScoped<EvaluationService>();
        services.AddScoped<MonitoringService>();
        services.AddScoped<SamenLerenNotices>();
        services.AddScoped<DuoReminders>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/SamenLeren"));
        return services;
    }

    public static RouteGroupBuilder MapSamenLeren(this RouteGroupBuilder api) => api.MapSamenLerenApi();
}
