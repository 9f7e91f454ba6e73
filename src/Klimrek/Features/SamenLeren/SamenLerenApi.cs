using System.Globalization;
using System.Security.Claims;
using Klimrek.Data;
using Klimrek.Features.Career;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Errors;
using Microsoft.Extensions.Localization;

namespace Klimrek.Features.SamenLeren;

/// <summary>
/// Samen leren over HTTP. Every endpoint requires a signed-in user; creating a programme requires the Stuurgroep
/// (or Beheerder) role; everything else is decided per programme: its steering group, its participants, a duo's
/// members. Someone outside a programme or duo gets 404 (its existence is not revealed); a participant doing a
/// steering-group action gets 403. Refusals are ProblemDetails with the reasons in <c>errors</c>.
/// </summary>
public static class SamenLerenApi
{
    public sealed record ProgrammeView(int Id, string Name, string? Description, DateOnly StartDate, DateOnly EndDate, int HoursPerParticipant,
        decimal ExpertBudgetPerDuo, int ReflectionCadenceWeeks, int IntervisionSessionCount, int NotMetWeeks, MatchWeightsView Weights,
        bool AvoidSameTeam, bool TrioForOdd, string ReflectionVisibility, string Status, bool IsSteward, bool IsParticipant);
    public sealed record EnrolRequest(IReadOnlyList<string> Emails, bool Stewards = false);
    public sealed record ParticipantView(int Id, string Name, string Email, bool Matchable, IReadOnlyList<string> Missing, string? UnmatchedReason);
    public sealed record IntakeView(int ParticipantId, IReadOnlyList<TermView> Brings, IReadOnlyList<TermView> Develops, IReadOnlyList<string> Qualities,
        IReadOnlyList<string> Affinities, string? Department, string? Team, string? Discipline, int? ManagerParticipantId, IReadOnlyList<string> Availability,
        DateTime? CompletedAt, IReadOnlyList<string> Missing);
    public sealed record TermView(string Label, string? EscoUri);
    public sealed record RuleRequest(int A, int B, string Kind);
    public sealed record RuleView(int Id, int A, int B, string Kind);
    public sealed record MatchRunView(int RunId, int Participants, int Groups, int Unmatched, double TotalScore, int CandidateEdges, int PricingRounds,
        long Milliseconds, IReadOnlyList<NotMatchable> NotMatchable);
    public sealed record MemberView(int ParticipantId, string Name, string Response, string? Note);
    public sealed record DuoView(int Id, string Status, double Score, bool Fixed, IReadOnlyList<MemberView> Members, IReadOnlyList<PairExplanation> Explanation,
        PlanView? Plan, IReadOnlyList<MeetingView> Meetings);
    public sealed record PlanView(string Topic, string Goal, string Product, string MeetingMoments, string Status, string? ReviewComment, DateTime? SubmittedAt, DateTime? ReviewedAt);
    public sealed record MeetingView(int Id, DateTime StartsAt, int DurationMinutes, string? Location, bool Cancelled, bool? Held, int Sequence);
    public sealed record HeldRequest(bool Held);
    public sealed record ResponseRequest(bool Accept, string? Note);
    public sealed record PlanRequest(string? Topic, string? Goal, string? Product, string? MeetingMoments, bool Submit = false);
    public sealed record ReviewRequest(bool Approve, string? Comment);
    public sealed record RescheduleRequest(DateOnly? Date, TimeOnly? Time, bool Cancel = false);
    public sealed record HoursRequest(DateOnly Date, decimal Hours, string? Activity);
    public sealed record ExpenseRequest(DateOnly Date, decimal Amount, string? Description);
    public sealed record LedgerView(decimal Used, decimal Budget, decimal Left, IReadOnlyList<Notice> Warnings, IReadOnlyList<LedgerLine> Lines);
    public sealed record LedgerLine(int Id, int ParticipantId, DateOnly Date, decimal Amount, string Text);
    public sealed record ReflectionView(int Id, int AuthorParticipantId, int Period, string? WentWell, string? BuildOn, string? Difficult, string? NextStep,
        IReadOnlyList<string> Tags, DateTime SubmittedAt, bool TextVisible);
    public sealed record IntervisionView(int Id, int Number, DateOnly Date, int? ReporterParticipantId, IReadOnlyList<int> Attendees, bool AppreciativeInquiry,
        string? Problems, string? Discussed, string? LearningPoints, IReadOnlyList<string> Tags, DateTime? ReportedAt);
    public sealed record EvaluationView(int ParticipantId, string Motivation, string WhyDuo, string Goals, string Results, string? Product, int GoalsReached,
        IReadOnlyList<string> Tags, DateTime SubmittedAt);
    public sealed record ReportView(int Participants, int IntakesComplete, int Duos, int ActiveDuos, int Unmatched, int PlansApproved,
        decimal HoursUsed, decimal HoursBudget, decimal ExpertSpent, decimal ExpertBudget, int ReflectionsDue, int ReflectionsWritten, int ReflectionsOnTime,
        int MeetingsHeld, int DuosNotMeeting, int IntervisionPlanned, int IntervisionHeld, int Evaluations, double? AverageGoalsReached,
        IReadOnlyList<FactorView> Factors, bool FactorsHiddenBelowFivePeople, IReadOnlyList<string> LearningPoints, IReadOnlyList<DuoMonitorRow> DuoRows);
    public sealed record FactorView(string Key, string Label, int People, bool Success);

    public static RouteGroupBuilder MapSamenLerenApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/programmes").WithTags("Samen leren").RequireAuthorization();
        g.MapGet("/", async (SamenLerenService s, ClaimsPrincipal u, CancellationToken ct) =>
            Results.Ok((await s.MyProgrammesAsync(Uid(u), ct)).Select(x => View(x.Programme, x.IsSteward, x.IsParticipant))))
            .WithSummary("Programmes you steer or take part in.");
        g.MapPost("/", (ProgrammeInput input, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
        {
            if (!u.IsInRole(Roles.Stuurgroep) && !u.IsInRole(Roles.Beheerder))
                throw ProblemException.Forbidden("Een programma opzetten mag de stuurgroep (of een beheerder).");
            var p = await s.CreateProgrammeAsync(Uid(u), input, ct);
            return Results.Created($"/api/v1/programmes/{p.Id}", View(p, true, false));
        })).WithSummary("Creates a programme (role Stuurgroep or Beheerder); you join its steering group.");
        g.MapGet("/{id:int}", (int id, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
        {
            var a = await s.AccessAsync(id, Uid(u), ct);
            return Results.Ok(View(a.Programme, a.IsSteward, a.Me is not null));
        }));
        g.MapPut("/{id:int}", (int id, ProgrammeInput input, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
        {
            var a = await s.AccessAsync(id, Uid(u), ct);
            await s.UpdateProgrammeAsync(a, input, ct);
            return Results.Ok(View(a.Programme, a.IsSteward, a.Me is not null));
        })).WithSummary("Changes the programme's settings (steering group).");
        g.MapPost("/{id:int}/participants", (int id, EnrolRequest req, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
        {
            var a = await s.AccessAsync(id, Uid(u), ct);
            return Results.Ok(new { Added = await s.EnrolAsync(a, req.Emails ?? [], req.Stewards, ct) });
        })).WithSummary("Adds participants (or steering-group members) by e-mail; all or nothing.");
        g.MapGet("/{id:int}/participants", (int id, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
        {
            var a = await s.AccessAsync(id, Uid(u), ct);
            var rows = await s.ParticipantsAsync(a, ct);
            return Results.Ok(rows.Select(r => new ParticipantView(r.Participant.Id, r.Name, r.Email, r.Missing.Count == 0, r.Missing, r.Participant.UnmatchedReason)));
        })).WithSummary("Participants with intake status: who is not yet matchable and what is missing (steering group).");

        g.MapGet("/{id:int}/intake", (int id, SamenLerenService s, TransitionCache cache, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
            Results.Ok(IntakeOf(await s.IntakeAsync(await s.AccessAsync(id, Uid(u), ct), ct), await cache.GetAsync(ct)))));
        g.MapPut("/{id:int}/intake", (int id, IntakeInput input, SamenLerenService s, TransitionCache cache, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
            Results.Ok(IntakeOf(await s.SaveIntakeAsync(await s.AccessAsync(id, Uid(u), ct), input, ct), await cache.GetAsync(ct)))))
            .WithSummary("Your intake, replaced whole. Terms: ESCO skill URIs or labels, or free words; availability like 'dinsdag-middag'. Age is never asked.");

        g.MapGet("/{id:int}/rules", (int id, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
            Results.Ok((await s.RulesAsync(await s.AccessAsync(id, Uid(u), ct), ct)).Select(r => new RuleView(r.Id, r.ParticipantAId, r.ParticipantBId, Kind(r.Kind))))));
        g.MapPost("/{id:int}/rules", (int id, RuleRequest req, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
        {
            var kind = req.Kind?.ToLowerInvariant() switch { "fixed" => PairRuleKind.Fixed, "forbidden" => PairRuleKind.Forbidden, _ => throw ProblemException.Field("kind", "Soort regel: 'fixed' of 'forbidden'.") };
            var r = await s.SetRuleAsync(await s.AccessAsync(id, Uid(u), ct), req.A, req.B, kind, ct);
            return Results.Ok(new RuleView(r.Id, r.ParticipantAId, r.ParticipantBId, Kind(r.Kind)));
        })).WithSummary("Fixes or forbids a pair for every next matching run (steering group).");
        g.MapDelete("/{id:int}/rules/{ruleId:int}", (int id, int ruleId, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
        {
            await s.DeleteRuleAsync(await s.AccessAsync(id, Uid(u), ct), ruleId, ct);
            return Results.NoContent();
        }));
        g.MapPost("/{id:int}/matching", (int id, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
        {
            var o = await s.RunMatchingAsync(await s.AccessAsync(id, Uid(u), ct), Uid(u), ct);
            return Results.Ok(new MatchRunView(o.Run.Id, o.Run.Participants, o.Run.Groups, o.Run.Unmatched, o.Run.TotalScore, o.Run.CandidateEdges,
                o.Run.PricingRounds, o.Run.Milliseconds, o.NotMatchable));
        })).WithSummary("Forms the optimal duos from the complete intakes (replacing earlier proposals; active duos stay). 409 with the contradicting rules named.");
        g.MapGet("/{id:int}/duos", (int id, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
            Results.Ok((await s.DuosAsync(await s.AccessAsync(id, Uid(u), ct), ct)).Select(DuoOf))))
            .WithSummary("All duos with their score breakdown (steering group).");
        g.MapGet("/{id:int}/my-duo", (int id, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
        {
            var d = await s.MyDuoAsync(await s.AccessAsync(id, Uid(u), ct), ct);
            return d is null ? Results.NoContent() : Results.Ok(DuoOf(d));
        })).WithSummary("Your duo and why you were matched (204: none yet).");

        var duo = g.MapGroup("/{id:int}/duos/{duoId:int}");
        duo.MapGet("/", (int id, int duoId, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
            Results.Ok(DuoOf((await s.DuoAccessAsync(id, duoId, Uid(u), ct)).Duo))));
        duo.MapPost("/response", (int id, int duoId, ResponseRequest req, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
        {
            var a = await s.AccessAsync(id, Uid(u), ct);
            await s.RespondAsync(a, duoId, req.Accept, req.Note, ct);
            return Results.Ok(DuoOf((await s.DuoAccessAsync(id, duoId, Uid(u), ct)).Duo));
        })).WithSummary("Accept the proposed duo, or ask for a change with a reason.");
        duo.MapPut("/plan", (int id, int duoId, PlanRequest req, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
        {
            var a = await s.DuoAccessAsync(id, duoId, Uid(u), ct);
            await s.SavePlanAsync(a, new PlanInput(req.Topic, req.Goal, req.Product, req.MeetingMoments), req.Submit, ct);
            return Results.Ok(PlanOf(a.Duo.Plan!));
        })).WithSummary("Saves the plan of approach; submit = true sends it to the steering group.");
        duo.MapPost("/plan/review", (int id, int duoId, ReviewRequest req, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
        {
            var a = await s.DuoAccessAsync(id, duoId, Uid(u), ct);
            await s.ReviewPlanAsync(a, req.Approve, req.Comment, Uid(u), ct);
            return Results.Ok(PlanOf(a.Duo.Plan!));
        })).WithSummary("Approves the plan or returns it with comments (steering group).");
        duo.MapPost("/meetings", (int id, int duoId, ScheduleInput req, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
        {
            var a = await s.DuoAccessAsync(id, duoId, Uid(u), ct);
            var created = await s.ScheduleAsync(a, req, ct);
            return Results.Ok(created.Select(MeetingOf));
        })).WithSummary("Schedules recurring meetings (first date, time, every N weeks, count).");
        duo.MapPatch("/meetings/{meetingId:int}", (int id, int duoId, int meetingId, RescheduleRequest req, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
        {
            var a = await s.DuoAccessAsync(id, duoId, Uid(u), ct);
            await s.RescheduleAsync(a, meetingId, req.Date, req.Time, req.Cancel, ct);
            return Results.Ok(MeetingOf(a.Duo.Meetings.First(m => m.Id == meetingId)));
        })).WithSummary("Moves or cancels one meeting.");
        duo.MapPost("/meetings/{meetingId:int}/held", (int id, int duoId, int meetingId, HeldRequest req, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
        {
            var a = await s.DuoAccessAsync(id, duoId, Uid(u), ct);
            await s.SetHeldAsync(a, meetingId, req.Held, ct);
            return Results.Ok(MeetingOf(a.Duo.Meetings.First(m => m.Id == meetingId)));
        })).WithSummary("After a meeting: did it take place (members)? A meeting that did not take place does not count for the monitoring.");
        duo.MapGet("/calendar.ics", (int id, int duoId, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
        {
            var a = await s.DuoAccessAsync(id, duoId, Uid(u), ct);
            return Results.Text(ICalendar.Write("Samen leren: " + SamenLerenService.DuoName(a.Duo), SamenLerenService.Events(a.Duo)), "text/calendar; charset=utf-8");
        })).WithSummary("The duo's meetings as iCalendar.");
        duo.MapGet("/hours", (int id, int duoId, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
        {
            var a = await s.DuoAccessAsync(id, duoId, Uid(u), ct);
            return Results.Ok(await HoursLedger(s, a, ct));
        })).WithSummary("Hours logged in this duo; the budget and warnings are yours when you are a member.");
        duo.MapPost("/hours", (int id, int duoId, HoursRequest req, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
        {
            var a = await s.DuoAccessAsync(id, duoId, Uid(u), ct);
            await s.LogHoursAsync(a, req.Date, req.Hours, req.Activity, ct);
            return Results.Ok(await HoursLedger(s, a, ct));
        })).WithSummary("Logs your hours; over the budget is accepted with a warning.");
        duo.MapGet("/expenses", (int id, int duoId, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
            Results.Ok(await ExpenseLedger(s, await s.DuoAccessAsync(id, duoId, Uid(u), ct), ct))));
        duo.MapPost("/expenses", (int id, int duoId, ExpenseRequest req, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
        {
            var a = await s.DuoAccessAsync(id, duoId, Uid(u), ct);
            await s.SpendAsync(a, req.Date, req.Amount, req.Description, ct);
            return Results.Ok(await ExpenseLedger(s, a, ct));
        })).WithSummary("Records spending of the duo's external-expertise budget (the duo decides).");
        duo.MapGet("/reflections", (int id, int duoId, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
        {
            var a = await s.DuoAccessAsync(id, duoId, Uid(u), ct);
            return Results.Ok((await s.ReflectionsAsync(a, ct)).Select(r => ReflectionOf(r, a.CanReadReflectionText)));
        })).WithSummary("The duo's reflections: text for the duo, and for the steering group only when the programme allows it.");
        duo.MapPost("/reflections", (int id, int duoId, ReflectionInput req, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
        {
            var a = await s.DuoAccessAsync(id, duoId, Uid(u), ct);
            var r = await s.WriteReflectionAsync(a, req, ct);
            return Results.Created($"/api/v1/programmes/{id}/duos/{duoId}/reflections", ReflectionOf(r, true));
        })).WithSummary("Writes your reflection for a period (what went well, how to build on it, what was hard, next step, factors).");

        g.MapGet("/{id:int}/reflections/overdue", (int id, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
            Results.Ok(await s.OverdueAsync(await s.AccessAsync(id, Uid(u), ct), ct)))).WithSummary("Reflections past their due date (steering group).");
        g.MapGet("/{id:int}/dashboard", (int id, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
            Results.Ok(await s.DashboardAsync(await s.AccessAsync(id, Uid(u), ct), ct))))
            .WithSummary("Coaching monitoring per duo: plan, hours, budget, reflections, last and next meeting, the 'not met for N weeks' signal.");
        g.MapGet("/{id:int}/intervision", (int id, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
            Results.Ok((await s.IntervisionAsync(await s.AccessAsync(id, Uid(u), ct), ct)).Select(IntervisionOf))))
            .WithSummary("Intervision sessions: all for the steering group, the ones you attend for a participant.");
        g.MapPost("/{id:int}/intervision", (int id, IntervisionInput req, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
            Results.Ok(IntervisionOf(await s.PlanIntervisionAsync(await s.AccessAsync(id, Uid(u), ct), req, ct)))));
        g.MapPut("/{id:int}/intervision/{sessionId:int}/report", (int id, int sessionId, IntervisionReportInput req, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
        {
            await s.WriteIntervisionReportAsync(await s.AccessAsync(id, Uid(u), ct), sessionId, req, ct);
            return Results.NoContent();
        })).WithSummary("The session report, by the appointed participant (or the steering group).");
        g.MapGet("/{id:int}/evaluation", (int id, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
        {
            var e = await s.MyEvaluationAsync(await s.AccessAsync(id, Uid(u), ct), ct);
            return e is null ? Results.NoContent() : Results.Ok(EvaluationOf(e));
        }));
        g.MapPut("/{id:int}/evaluation", (int id, EvaluationInput req, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
            Results.Ok(EvaluationOf(await s.SaveEvaluationAsync(await s.AccessAsync(id, Uid(u), ct), req, ct)))))
            .WithSummary("Your final evaluation (motivation, why this duo, goals, results, product, factors).");
        g.MapGet("/{id:int}/evaluations", (int id, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
            Results.Ok((await s.EvaluationsAsync(await s.AccessAsync(id, Uid(u), ct), ct)).Select(e => new { e.Name, Evaluation = EvaluationOf(e.Evaluation) }))))
            .WithSummary("Every participant's evaluation (steering group).");
        g.MapGet("/{id:int}/report", (int id, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
        {
            var r = await s.ReportAsync(await s.AccessAsync(id, Uid(u), ct), ct);
            return Results.Ok(new ReportView(r.Participants, r.IntakesComplete, r.Duos, r.ActiveDuos, r.Unmatched, r.PlansApproved, r.HoursUsed, r.HoursBudget,
                r.ExpertSpent, r.ExpertBudget, r.ReflectionsDue, r.ReflectionsWritten, r.ReflectionsOnTime, r.MeetingsHeld, r.DuosNotMeeting,
                r.IntervisionPlanned, r.IntervisionHeld, r.Evaluations, r.AverageGoalsReached,
                r.Factors.Select(f => new FactorView(f.Key, FactorTags.LabelOf(f.Key), f.People, f.Success)).ToList(), r.FactorsHidden, r.LearningPoints, r.Rows));
        })).WithSummary("The programme report: effects, success and failure factors (only over 5 or more people), per-duo figures (steering group).");
        g.MapGet("/{id:int}/report.csv", (int id, SamenLerenService s, ClaimsPrincipal u, HttpContext http, CancellationToken ct) => Run(http, async () =>
            Results.Text(await s.ReportCsvAsync(await s.AccessAsync(id, Uid(u), ct), ct), "text/csv; charset=utf-8")));

        api.MapGet("/me/calendar.ics", async (SamenLerenService s, ClaimsPrincipal u, CancellationToken ct) =>
            Results.Text(await s.PersonalCalendarAsync(Uid(u), ct), "text/calendar; charset=utf-8"))
            .RequireAuthorization().WithTags("Samen leren").WithSummary("All meetings of all your duos as one iCalendar.");
        return api;
    }

    private static string Uid(ClaimsPrincipal u) => u.FindFirstValue(ClaimTypes.NameIdentifier)!;

    // The global exception handler turns a ProblemException into ProblemDetails; the handlers are split by use case next.
    private static Task<IResult> Run(HttpContext http, Func<Task<IResult>> action) => action();

    private static string Kind(PairRuleKind k) => k == PairRuleKind.Fixed ? "fixed" : "forbidden";

    public static ProgrammeView View(Programme p, bool steward, bool participant) => new(p.Id, p.Name, p.Description, p.StartDate, p.EndDate,
        p.HoursPerParticipant, p.ExpertBudgetPerDuo, p.ReflectionCadenceWeeks, p.IntervisionSessionCount, p.NotMetWeeks,
        new MatchWeightsView(p.WeightComplementarity, p.WeightQualities, p.WeightAffinity, p.WeightAvailability, p.WeightCrossDepartment),
        p.AvoidSameTeam, p.TrioForOdd, p.ReflectionVisibility.ToString(), p.Status.ToString(), steward, participant);

    private static IntakeView IntakeOf(Participant p, TransitionCache.Snapshot esco)
    {
        TermView TermOf(IntakeTerm t) => new(t.Label, t.SkillId is int sid && esco.Skills.TryGetValue(sid, out var info) ? info.Uri : null);
        return new(p.Id,
        p.Terms.Where(t => t.Kind == TermKind.Brings).Select(TermOf).ToList(), p.Terms.Where(t => t.Kind == TermKind.Develops).Select(TermOf).ToList(),
        p.Terms.Where(t => t.Kind == TermKind.Quality).Select(t => t.Label).ToList(), p.Terms.Where(t => t.Kind == TermKind.Affinity).Select(t => t.Label).ToList(),
        p.Department, p.Team, p.Discipline, p.ManagerParticipantId, Slots.Bits(p.Availability).Select(Slots.Key).ToList(), p.IntakeCompletedAt,
        SamenLerenService.MissingInIntake(p));
    }

    private static DuoView DuoOf(Duo d) => new(d.Id, d.Status.ToString(), d.Score, d.Fixed,
        d.Members.Select(m => new MemberView(m.ParticipantId, m.Participant?.User?.DisplayName ?? "?", m.Response.ToString(), m.ResponseNote)).ToList(),
        SamenLerenService.Explanation(d), d.Plan is null ? null : PlanOf(d.Plan), d.Meetings.OrderBy(m => m.StartsAt).Select(MeetingOf).ToList());

    private static PlanView PlanOf(DuoPlan p) => new(p.Topic, p.Goal, p.Product, p.MeetingMoments, p.Status.ToString(), p.ReviewComment, p.SubmittedAt, p.ReviewedAt);
    private static MeetingView MeetingOf(Meeting m) => new(m.Id, DateTime.SpecifyKind(m.StartsAt, DateTimeKind.Utc), m.DurationMinutes, m.Location, m.Cancelled, m.Held, m.Sequence);

    private static async Task<LedgerView> HoursLedger(SamenLerenService s, DuoAccess a, CancellationToken ct)
    {
        var lines = await s.HoursAsync(a.Duo.Id, ct);
        var mine = a.MeAsMember is { } me ? lines.Where(l => l.ParticipantId == me.ParticipantId).Sum(l => l.Hours) : lines.Sum(l => l.Hours);
        var status = a.MeAsMember is not null ? s.HoursStatus(a.Programme.Programme, mine)
            : new BudgetStatus(mine, a.Programme.Programme.HoursPerParticipant * a.Duo.Members.Count, []);
        return new LedgerView(status.Used, status.Budget, status.Left, status.Warnings,
            lines.Select(l => new LedgerLine(l.Id, l.ParticipantId, l.Date, l.Hours, l.Activity)).ToList());
    }

    private static async Task<LedgerView> ExpenseLedger(SamenLerenService s, DuoAccess a, CancellationToken ct)
    {
        var lines = await s.ExpensesAsync(a.Duo.Id, ct);
        var status = SamenLerenService.ExpenseStatus(a.Programme.Programme, lines.Sum(l => l.Amount));
        return new LedgerView(status.Used, status.Budget, status.Left, status.Warnings,
            lines.Select(l => new LedgerLine(l.Id, l.EnteredByParticipantId, l.Date, l.Amount, l.Description)).ToList());
    }

    private static ReflectionView ReflectionOf(Reflection r, bool visible) => visible
        ? new(r.Id, r.AuthorParticipantId, r.Period, r.WentWell, r.BuildOn, r.Difficult, r.NextStep, FactorTags.Split(r.Tags), r.SubmittedAt, true)
        : new(r.Id, r.AuthorParticipantId, r.Period, null, null, null, null, FactorTags.Split(r.Tags), r.SubmittedAt, false);

    private static IntervisionView IntervisionOf(IntervisionSession s) => new(s.Id, s.Number, s.Date, s.ReporterParticipantId,
        s.Attendees.Select(a => a.ParticipantId).ToList(), s.AppreciativeInquiry, s.Problems, s.Discussed, s.LearningPoints, FactorTags.Split(s.Tags), s.ReportedAt);

    private static EvaluationView EvaluationOf(Evaluation e) => new(e.ParticipantId, e.Motivation, e.WhyDuo, e.Goals, e.Results, e.Product, e.GoalsReached,
        FactorTags.Split(e.Tags), e.SubmittedAt);
}
