using Klimrek.Infrastructure.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using static Klimrek.Features.SamenLeren.SamenLerenApi;

namespace Klimrek.Features.SamenLeren;

/// <summary>Monitoring and evaluation over HTTP: dashboard, overdue reflections, intervision, evaluations and the report.</summary>
public static class MonitoringApi
{
    /// <summary>Routes under <c>/programmes/{id}</c>.</summary>
    public static void Map(RouteGroupBuilder programme)
    {
        programme.MapGet("/reflections/overdue", OverdueAsync).WithSummary("Reflections past their due date (steering group).");
        programme.MapGet("/dashboard", DashboardAsync)
            .WithSummary("Coaching monitoring per duo: plan, hours, budget, reflections, last and next meeting, the 'not met for N weeks' signal.");
        programme.MapGet("/intervision", IntervisionAsync).WithSummary("Intervision sessions: all for the steering group, the ones you attend for a participant.");
        programme.MapPost("/intervision", PlanIntervisionAsync).WithSummary("Plans a session with date, time and place; the attendees get an invitation by mail (steering group).");
        programme.MapGet("/intervision/{sessionId:int}/calendar.ics", IntervisionCalendarAsync).WithName("IntervisionCalendar")
            .WithSummary("One intervision session as iCalendar (404 while it has no time).");
        programme.MapPut("/intervision/{sessionId:int}/report", WriteIntervisionReportAsync)
            .WithSummary("The session report, by the appointed participant (or the steering group).");
        programme.MapGet("/evaluation", MyEvaluationAsync);
        programme.MapPut("/evaluation", SaveEvaluationAsync).WithSummary("Your final evaluation (motivation, why this duo, goals, results, product, factors).");
        programme.MapGet("/evaluations", EvaluationsAsync).WithSummary("The evaluations their authors shared, with names (steering group).");
        programme.MapGet("/report", ReportAsync)
            .WithSummary("The programme report: effects, success and failure factors (only over 5 or more people), per-duo figures (steering group).");
        programme.MapGet("/report.csv", ReportCsvAsync);
    }

    public static async Task<Ok<List<OverdueReflection>>> OverdueAsync(SamenLerenRequest request, MonitoringService monitoring, CancellationToken ct) =>
        TypedResults.Ok(await monitoring.OverdueAsync(request.Programme, ct));

    public static async Task<Ok<List<DuoMonitorRow>>> DashboardAsync(SamenLerenRequest request, MonitoringService monitoring, CancellationToken ct) =>
        TypedResults.Ok(await monitoring.DashboardAsync(request.Programme, ct));

    public static async Task<Ok<List<IntervisionView>>> IntervisionAsync(SamenLerenRequest request, EvaluationService evaluations, CancellationToken ct) =>
        TypedResults.Ok((await evaluations.IntervisionAsync(request.Programme, ct)).Select(IntervisionOf).ToList());

    public static async Task<Ok<IntervisionView>> PlanIntervisionAsync(IntervisionInput req, SamenLerenRequest request, EvaluationService evaluations, CancellationToken ct) =>
        TypedResults.Ok(IntervisionOf(await evaluations.PlanIntervisionAsync(request.Programme, req, ct)));

    public static async Task<ContentHttpResult> IntervisionCalendarAsync(int sessionId, SamenLerenRequest request, EvaluationService evaluations, CancellationToken ct) =>
        TypedResults.Text(await evaluations.IntervisionCalendarAsync(request.Programme, sessionId, ct), Klimrek.Infrastructure.Calendar.CalendarFile.ContentType);

    public static async Task<NoContent> WriteIntervisionReportAsync(int sessionId, IntervisionReportInput req, SamenLerenRequest request, EvaluationService evaluations,
        CancellationToken ct)
    {
        await evaluations.WriteIntervisionReportAsync(request.Programme, sessionId, req, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<EvaluationView>, NoContent>> MyEvaluationAsync(SamenLerenRequest request, EvaluationService evaluations, CancellationToken ct)
    {
        if (await evaluations.MyEvaluationAsync(request.Programme, ct) is { } e) return TypedResults.Ok(EvaluationOf(e));
        return TypedResults.NoContent();
    }

    public static async Task<Ok<EvaluationView>> SaveEvaluationAsync(EvaluationInput req, SamenLerenRequest request, EvaluationService evaluations, CancellationToken ct) =>
        TypedResults.Ok(EvaluationOf(await evaluations.SaveEvaluationAsync(request.Programme, req, ct)));

    public static async Task<Ok<List<NamedEvaluationView>>> EvaluationsAsync(SamenLerenRequest request, EvaluationService evaluations, AccessLog log,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var shared = await evaluations.SharedEvaluationsAsync(request.Programme, ct);
        await SamenLerenAudit.EvaluationsReadAsync(log, user, request.Programme, shared, ct);
        return TypedResults.Ok(shared.Select(e => new NamedEvaluationView(e.Name, EvaluationOf(e.Evaluation))).ToList());
    }

    public static async Task<Ok<ReportView>> ReportAsync(SamenLerenRequest request, MonitoringService monitoring, CancellationToken ct)
    {
        var r = await monitoring.ReportAsync(request.Programme, ct);
        return TypedResults.Ok(new ReportView(r.Participants, r.IntakesComplete, r.Duos, r.ActiveDuos, r.Unmatched, r.PlansApproved, r.HoursUsed, r.HoursBudget,
            r.ExpertSpent, r.ExpertBudget, r.ReflectionsDue, r.ReflectionsWritten, r.ReflectionsOnTime, r.MeetingsHeld, r.DuosNotMeeting,
            r.IntervisionPlanned, r.IntervisionHeld, r.Evaluations, r.AverageGoalsReached,
            r.Factors.Select(f => new FactorView(f.Key, FactorTags.LabelOf(f.Key), f.People, f.Success)).ToList(), r.FactorsHidden, r.LearningPoints, r.Rows));
    }

    public static async Task<ContentHttpResult> ReportCsvAsync(SamenLerenRequest request, MonitoringService monitoring, CancellationToken ct) =>
        TypedResults.Text(await monitoring.ReportCsvAsync(request.Programme, ct), "text/csv; charset=utf-8");
}
