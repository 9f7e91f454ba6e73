using Klimrek.Data;
using Klimrek.Infrastructure.Calendar;
using Klimrek.Infrastructure.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using static Klimrek.Features.SamenLeren.SamenLerenApi;

namespace Klimrek.Features.SamenLeren;

/// <summary>One duo over HTTP: acceptance, plan, meetings and calendar, hours, budget and reflections.</summary>
public static class DuoApi
{
    /// <summary>Routes under <c>/programmes/{id}/duos/{duoId}</c>.</summary>
    public static void Map(RouteGroupBuilder duo)
    {
        duo.MapGet("/", Get);
        duo.MapPost("/response", RespondAsync).WithSummary("Accept the proposed duo, or ask for a change with a reason.");
        duo.MapPut("/plan", SavePlanAsync).WithSummary("Saves the plan of approach; submit = true sends it to the steering group. "
            + "Send the plan's version in If-Match (\"3\"): 409 when someone saved a newer one meanwhile.");
        duo.MapPost("/plan/review", ReviewPlanAsync).WithSummary("Approves the plan or returns it with comments (steering group).");
        duo.MapPost("/meetings", ScheduleAsync).WithSummary("Schedules recurring meetings (first date, time, every N weeks, count).");
        duo.MapPatch("/meetings/{meetingId:int}", RescheduleAsync).WithSummary("Moves or cancels one meeting.");
        duo.MapPost("/meetings/{meetingId:int}/held", SetHeldAsync)
            .WithSummary("After a meeting: did it take place (members)? A meeting that did not take place does not count for the monitoring.");
        duo.MapGet("/calendar.ics", Calendar).WithSummary("The duo's meetings as iCalendar.");
        duo.MapGet("/hours", HoursAsync).WithSummary("Hours logged in this duo; the budget and warnings are yours when you are a member.");
        duo.MapPost("/hours", LogHoursAsync).WithSummary("Logs your hours; over the budget is accepted with a warning.");
        duo.MapGet("/expenses", ExpensesAsync);
        duo.MapPost("/expenses", SpendAsync).WithSummary("Records spending of the duo's external-expertise budget (the duo decides).");
        duo.MapGet("/reflections", ReflectionsAsync)
            .WithSummary("The duo's reflections: text and factors for the duo, and for the steering group only those their author shared.");
        duo.MapPost("/reflections", WriteReflectionAsync)
            .WithSummary("Writes your reflection for a period (what went well, how to build on it, what was hard, next step, factors); "
                + "shareWithSteeringGroup = true lets the steering group read it (off by default).");
        duo.MapPut("/reflections/{reflectionId:int}/sharing", ShareReflectionAsync)
            .WithSummary("Shares your reflection with the steering group, or stops sharing it (its author only).");
    }

    public static Ok<DuoView> Get(SamenLerenRequest request) => TypedResults.Ok(DuoOf(request.Duo.Duo, request.Duo.Programme));

    public static async Task<Ok<DuoView>> RespondAsync(ResponseRequest req, SamenLerenRequest request, DuoService duos, CancellationToken ct)
    {
        await duos.RespondAsync(request.Duo, req.Accept, req.Note, ct);
        return TypedResults.Ok(DuoOf(request.Duo.Duo, request.Duo.Programme));
    }

    public static async Task<Ok<PlanView>> SavePlanAsync(PlanRequest req, SamenLerenRequest request, DuoService duos, HttpContext http, CancellationToken ct)
    {
        await duos.SavePlanAsync(request.Duo, new PlanInput(req.Topic, req.Goal, req.Product, req.MeetingMoments), req.Submit, Versions.FromIfMatch(http), ct);
        Versions.SetETag(http, request.Duo.Duo.Plan!);
        return TypedResults.Ok(PlanOf(request.Duo.Duo.Plan!));
    }

    public static async Task<Ok<PlanView>> ReviewPlanAsync(ReviewRequest req, SamenLerenRequest request, DuoService duos, ClaimsPrincipal user, CancellationToken ct)
    {
        await duos.ReviewPlanAsync(request.Duo, req.Approve, req.Comment, SamenLerenFilters.UserId(user), ct);
        return TypedResults.Ok(PlanOf(request.Duo.Duo.Plan!));
    }

    public static async Task<Ok<List<MeetingView>>> ScheduleAsync(ScheduleInput req, SamenLerenRequest request, DuoService duos, CancellationToken ct) =>
        TypedResults.Ok((await duos.ScheduleAsync(request.Duo, req, ct)).Select(MeetingOf).ToList());

    public static async Task<Ok<MeetingView>> RescheduleAsync(int meetingId, RescheduleRequest req, SamenLerenRequest request, DuoService duos, CancellationToken ct)
    {
        await duos.RescheduleAsync(request.Duo, meetingId, req.Date, req.Time, req.Cancel, ct);
        return TypedResults.Ok(MeetingOf(request.Duo.Duo.Meetings.First(m => m.Id == meetingId)));
    }

    public static async Task<Ok<MeetingView>> SetHeldAsync(int meetingId, HeldRequest req, SamenLerenRequest request, DuoService duos, CancellationToken ct)
    {
        await duos.SetHeldAsync(request.Duo, meetingId, req.Held, ct);
        return TypedResults.Ok(MeetingOf(request.Duo.Duo.Meetings.First(m => m.Id == meetingId)));
    }

    public static ContentHttpResult Calendar(SamenLerenRequest request) =>
        TypedResults.Text(CalendarFile.Write("Samen leren: " + DuoService.DuoName(request.Duo.Duo), DuoService.Events(request.Duo.Duo)), CalendarFile.ContentType);

    public static async Task<ContentHttpResult> PersonalCalendarAsync(DuoService duos, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Text(await duos.PersonalCalendarAsync(SamenLerenFilters.UserId(user), ct), CalendarFile.ContentType);

    public static async Task<Ok<LedgerView>> HoursAsync(SamenLerenRequest request, DuoLedgerService ledger, CancellationToken ct) =>
        TypedResults.Ok(await HoursLedger(ledger, request.Duo, ct));

    public static async Task<Ok<LedgerView>> LogHoursAsync(HoursRequest req, SamenLerenRequest request, DuoLedgerService ledger, CancellationToken ct)
    {
        await ledger.LogHoursAsync(request.Duo, req.Date, req.Hours, req.Activity, ct);
        return TypedResults.Ok(await HoursLedger(ledger, request.Duo, ct));
    }

    public static async Task<Ok<LedgerView>> ExpensesAsync(SamenLerenRequest request, DuoLedgerService ledger, CancellationToken ct) =>
        TypedResults.Ok(await ExpenseLedger(ledger, request.Duo, ct));

    public static async Task<Ok<LedgerView>> SpendAsync(ExpenseRequest req, SamenLerenRequest request, DuoLedgerService ledger, CancellationToken ct)
    {
        await ledger.SpendAsync(request.Duo, req.Date, req.Amount, req.Description, ct);
        return TypedResults.Ok(await ExpenseLedger(ledger, request.Duo, ct));
    }

    public static async Task<Ok<List<ReflectionView>>> ReflectionsAsync(SamenLerenRequest request, DuoLedgerService ledger, AccessLog log, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var list = await ledger.ReflectionsAsync(request.Duo, ct);
        await SamenLerenAudit.ReflectionsReadAsync(log, user, request.Duo, list, ct);
        return TypedResults.Ok(list.Select(r => ReflectionOf(r, request.Duo.CanRead(r))).ToList());
    }

    public static async Task<Created<ReflectionView>> WriteReflectionAsync(int id, int duoId, ReflectionInput req, SamenLerenRequest request, DuoLedgerService ledger, CancellationToken ct)
    {
        var r = await ledger.WriteReflectionAsync(request.Duo, req, ct);
        return TypedResults.Created($"/api/v1/programmes/{id}/duos/{duoId}/reflections", ReflectionOf(r, true));
    }

    public static async Task<Ok<ReflectionView>> ShareReflectionAsync(int reflectionId, SharingRequest req, SamenLerenRequest request, DuoLedgerService ledger,
        CancellationToken ct) =>
        TypedResults.Ok(ReflectionOf(await ledger.ShareReflectionAsync(request.Duo, reflectionId, req.Shared, ct), true));
}
