using Klimrek.Data;
using Klimrek.Infrastructure.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace Klimrek.Features.Leercultuur.Coaching;

/// <summary>
/// Leercultuur: the SME coaching route — services, the page <c>/leercultuur/{organisationId}/traject</c>, and the API
/// under <c>/api/v1/organisations/{organisationId}/scans/coaching</c>. HR or a beheerder starts a route; its coach edits
/// it and logs hours; HR and the steering group read along.
/// </summary>
internal static class CoachingArea
{
    public static IServiceCollection Add(IServiceCollection services)
    {
        services.AddScoped<CoachingService>();
        services.AddPersonalData<CoachingPersonalData>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Leercultuur/Coaching"));
        return services;
    }

    public static void Map(RouteGroupBuilder organisation)
    {
        var g = organisation.MapGroup("/coaching");
        g.MapGet("/", ListAsync).WithName("ListCoachingRoutes").ProducesProblem(404)
            .WithSummary("The organisation's coaching routes, newest first (HR, steering group, coach; a beheerder sees the list too).");
        g.MapPost("/", StartAsync).WithName("StartCoachingRoute").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Starts a route (HR of the organisation or a beheerder): coachEmail names an account with the begeleider role; startsOn; plannedHours (default 120).");
        var one = g.MapGroup("/{routeId:int}");
        one.MapGet("/", GetAsync).WithName("GetCoachingRoute").ProducesProblem(403).ProducesProblem(404)
            .WithSummary("A route's phase, intake, plan, hours per phase and in total, the log, and — once both scans have at least 5 responses — the change per block. "
                + "Sends its version as ETag.");
        one.MapPut("/", UpdateAsync).WithName("UpdateCoachingRoute").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("The coach saves intake, plan, phase (the same, one step forward or back; null = unchanged) and the first and second scan round "
                + "(rounds of this organisation; null = none). Send the version in If-Match: 409 when someone saved a newer one meanwhile.");
        one.MapPost("/hours", LogHoursAsync).WithName("LogCoachingHours").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
            .WithSummary("The coach logs hours (more than 0, at most 24) on a date in a phase that has begun (default: the current one), with a note.");
        one.MapDelete("/hours/{logId:int}", DeleteHoursAsync).WithName("DeleteCoachingHours").ProducesProblem(403).ProducesProblem(404)
            .WithSummary("The coach deletes an entry of hours.");
    }

    public sealed record StartRequest(string? CoachEmail, DateOnly? StartsOn, int? PlannedHours);
    public sealed record UpdateRequest(string? Intake, string? Plan, CoachingPhase? Phase, int? FirstRoundId, int? SecondRoundId);
    public sealed record HoursRequest(CoachingPhase? Phase, DateOnly? Date, double? Hours, string? Note);

    public sealed record RouteSummary(int Id, string Coach, DateOnly StartsOn, CoachingPhase Phase, int PlannedHours);
    public sealed record LogView(int Id, CoachingPhase Phase, DateOnly Date, double Hours, string? Note);
    public sealed record ChangeView(int Block, string Name, int FirstRespondents, double FirstMean, int SecondRespondents, double SecondMean, double Difference);
    public sealed record RouteView(
        int Id, int OrganisationId, string Coach, string CoachEmail, DateOnly StartsOn, CoachingPhase Phase, int PlannedHours, double TotalHours,
        IReadOnlyList<PhaseHours> HoursPerPhase, string? Intake, string? Plan, int? FirstRoundId, int? SecondRoundId, IReadOnlyList<LogView> Logs,
        IReadOnlyList<ChangeView>? Change, bool IsCoach, int Version);

    private static RouteSummary SummaryOf(CoachingRoute r) => new(r.Id, r.Coach?.DisplayName ?? "", r.StartsOn, r.Phase, r.PlannedHours);

    private static RouteView ViewOf(RouteProgress p, ClaimsPrincipal user) => new(
        p.Route.Id, p.Route.OrganisationId, p.CoachName, p.CoachEmail, p.Route.StartsOn, p.Route.Phase, p.Route.PlannedHours, p.TotalHours, p.Hours,
        p.Route.Intake, p.Route.Plan, p.Route.FirstRoundId, p.Route.SecondRoundId,
        p.Logs.Select(l => new LogView(l.Id, l.Phase, l.Date, l.Hours, l.Note)).ToList(),
        p.Change?.Select(c => new ChangeView(c.Block, ScanNames.Block(c.Block).Nl, c.FirstRespondents, Math.Round(c.FirstMean, 2), c.SecondRespondents,
            Math.Round(c.SecondMean, 2), Math.Round(c.Difference, 2))).ToList(),
        p.Route.CoachId == LeercultuurAccess.Me(user), p.Route.Version);

    public static async Task<Ok<List<RouteSummary>>> ListAsync(int organisationId, CoachingService coaching, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok((await coaching.ListAsync(user, organisationId, ct)).Select(SummaryOf).ToList());

    public static async Task<Created<RouteSummary>> StartAsync(int organisationId, StartRequest req, CoachingService coaching, ClaimsPrincipal user, CancellationToken ct)
    {
        var r = await coaching.StartAsync(user, organisationId, new RouteStart(req.CoachEmail, req.StartsOn, req.PlannedHours), ct);
        return TypedResults.Created($"/api/v1/organisations/{organisationId}/scans/coaching/{r.Id}", SummaryOf(r));
    }

    public static async Task<Ok<RouteView>> GetAsync(int organisationId, int routeId, CoachingService coaching, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var route = await coaching.RouteAsync(user, organisationId, routeId, ct);
        Versions.SetETag(http, route);
        return TypedResults.Ok(ViewOf(await coaching.ProgressAsync(route, ct), user));
    }

    public static async Task<Ok<RouteView>> UpdateAsync(int organisationId, int routeId, UpdateRequest req, CoachingService coaching, ClaimsPrincipal user, HttpContext http,
        CancellationToken ct)
    {
        var route = await coaching.CoachRouteAsync(user, organisationId, routeId, ct);
        await coaching.UpdateAsync(route, new RouteChange(req.Intake, req.Plan, req.Phase ?? route.Phase, req.FirstRoundId, req.SecondRoundId), Versions.FromIfMatch(http), ct);
        Versions.SetETag(http, route);
        return TypedResults.Ok(ViewOf(await coaching.ProgressAsync(route, ct), user));
    }

    public static async Task<Created<LogView>> LogHoursAsync(int organisationId, int routeId, HoursRequest req, CoachingService coaching, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var route = await coaching.CoachRouteAsync(user, organisationId, routeId, ct);
        var l = await coaching.LogHoursAsync(route, new HoursInput(req.Phase, req.Date, req.Hours, req.Note), ct);
        return TypedResults.Created($"/api/v1/organisations/{organisationId}/scans/coaching/{routeId}/hours/{l.Id}", new LogView(l.Id, l.Phase, l.Date, l.Hours, l.Note));
    }

    public static async Task<NoContent> DeleteHoursAsync(int organisationId, int routeId, int logId, CoachingService coaching, ClaimsPrincipal user, CancellationToken ct)
    {
        await coaching.DeleteHoursAsync(await coaching.CoachRouteAsync(user, organisationId, routeId, ct), logId, ct);
        return TypedResults.NoContent();
    }
}

/// <summary>
/// A coach's part of the routes: the routes they coach with their intake and plan, and the hours they logged. On erase
/// the routes and logs go to the stand-in: they are the organisation's record of its route, not only the coach's.
/// </summary>
internal sealed class CoachingPersonalData(KlimrekDbContext db) : IPersonalDataPart
{
    public string Area => "leercultuur-coaching";

    public async Task<object?> ExportAsync(DataSubject subject, CancellationToken ct)
    {
        var routes = await db.CoachingRoutes.AsNoTracking().Where(r => r.CoachId == subject.UserId).OrderBy(r => r.Id)
            .Select(r => new { r.Id, Organisation = r.Organisation!.Name, r.StartsOn, r.Phase, r.PlannedHours, r.Intake, r.Plan }).ToListAsync(ct);
        var logs = await db.CoachingLogs.AsNoTracking().Where(l => l.CoachId == subject.UserId).OrderBy(l => l.Date).ThenBy(l => l.Id)
            .Select(l => new { l.Id, l.RouteId, l.Phase, l.Date, l.Hours, l.Note }).ToListAsync(ct);
        return routes.Count == 0 && logs.Count == 0 ? null : new { Routes = routes, Hours = logs };
    }

    public async Task EraseAsync(DataSubject subject, CancellationToken ct)
    {
        await db.CoachingLogs.Where(l => l.CoachId == subject.UserId).ExecuteUpdateAsync(u => u.SetProperty(l => l.CoachId, subject.StandInId), ct);
        await db.CoachingRoutes.Where(r => r.CoachId == subject.UserId).ExecuteUpdateAsync(u => u.SetProperty(r => r.CoachId, subject.StandInId), ct);
    }
}
