using Klimrek.Data;
using Klimrek.Features.Esco;
using Klimrek.Infrastructure;
using System.Globalization;
using System.Security.Claims;

namespace Klimrek.Features.SamenLeren;

/// <summary>
/// Samen leren over HTTP. Every endpoint requires a signed-in user; creating a programme requires the Stuurgroep
/// (or Beheerder) role; everything else is decided per programme: its steering group, its participants, a duo's
/// members. Someone outside a programme or duo gets 404 (its existence is not revealed); a participant doing a
/// steering-group action gets 403. Refusals are ProblemDetails with the reasons in <c>errors</c>.
/// </summary>
public static class SamenLerenApi
{
    /// <param name="InformationPack">The information pack as participants read it (the steering group's own text or the default), in paragraphs, in the reader's language.</param>
    public sealed record ProgrammeView(int Id, ProgrammeSettings Settings, ProgrammeStatus Status, bool IsSteward, bool IsParticipant, int Version,
        IReadOnlyList<string>? InformationPack = null);
    public sealed record EnrolRequest(IReadOnlyList<string> Emails, bool Stewards = false);
    public sealed record ParticipantView(int Id, string Name, string Email, bool Matchable, IReadOnlyList<string> Missing, string? UnmatchedReason);
    public sealed record IntakeView(int ParticipantId, IReadOnlyList<TermView> Brings, IReadOnlyList<TermView> Develops, IReadOnlyList<string> Qualities,
        IReadOnlyList<string> Affinities, string? Department, string? Team, string? Discipline, int? ManagerParticipantId, IReadOnlyList<string> Availability,
        DateTime? CompletedAt, IReadOnlyList<string> Missing, int Version);
    public sealed record TermView(string Label, string? EscoUri);
    public sealed record RuleRequest(int A, int B, string Kind);
    public sealed record RuleView(int Id, int A, int B, string Kind);
    public sealed record MatchRunView(int RunId, int Participants, int Groups, int Unmatched, double TotalScore, int CandidateEdges, int PricingRounds,
        long Milliseconds, IReadOnlyList<NotMatchable> NotMatchable);
    public sealed record MemberView(int ParticipantId, string Name, string Response, string? Note);
    public sealed record DuoView(int Id, string Status, double Score, bool Fixed, IReadOnlyList<MemberView> Members, IReadOnlyList<PairExplanation> Explanation,
        PlanView? Plan, IReadOnlyList<MeetingView> Meetings);
    public sealed record PlanView(string Topic, string Goal, string Product, string MeetingMoments, string Status, string? ReviewComment, DateTime? SubmittedAt, DateTime? ReviewedAt,
        int Version);
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
        IReadOnlyList<string> Tags, DateTime SubmittedAt, bool TextVisible, bool SharedWithSteeringGroup);
    public sealed record SharingRequest(bool Shared);
    public sealed record IntervisionView(int Id, int Number, DateOnly Date, int? ReporterParticipantId, IReadOnlyList<int> Attendees, bool AppreciativeInquiry,
        string? Problems, string? Discussed, string? LearningPoints, IReadOnlyList<string> Tags, DateTime? ReportedAt);
    public sealed record EvaluationView(int ParticipantId, string Motivation, string WhyDuo, string Goals, string Results, string? Product, int GoalsReached,
        IReadOnlyList<string> Tags, DateTime SubmittedAt, bool SharedWithSteeringGroup);
    public sealed record ReportView(int Participants, int IntakesComplete, int Duos, int ActiveDuos, int Unmatched, int PlansApproved,
        decimal HoursUsed, decimal HoursBudget, decimal ExpertSpent, decimal ExpertBudget, int ReflectionsDue, int ReflectionsWritten, int ReflectionsOnTime,
        int MeetingsHeld, int DuosNotMeeting, int IntervisionPlanned, int IntervisionHeld, int Evaluations, double? AverageGoalsReached,
        IReadOnlyList<FactorView> Factors, bool FactorsHiddenBelowFivePeople, IReadOnlyList<string> LearningPoints, IReadOnlyList<DuoMonitorRow> DuoRows);
    public sealed record FactorView(string Key, string Label, int People, bool Success);

    /// <summary>The addresses handled: each one enrolled (a verified account) or invited by mail — deliberately not saying which.</summary>
    public sealed record EnrolledView(int Count, IReadOnlyList<string> Emails, IReadOnlyList<RejectedLineView> Rejected);
    /// <summary>A line (or list item, counted from 1) that was left out, and why in the reader's language.</summary>
    public sealed record RejectedLineView(int Line, string Text, string Message);
    public sealed record InvitationView(string Email, bool Steward, string Status, DateTime InvitedAt);
    public sealed record NamedEvaluationView(string Name, EvaluationView Evaluation);

    /// <summary>
    /// Maps <c>/programmes</c>: the list and creation here; under <c>/programmes/{id}</c> (programme access resolved
    /// once by a filter) the routes of <see cref="ProgrammesApi"/>, <see cref="MatchingApi"/> and <see cref="MonitoringApi"/>;
    /// under <c>/programmes/{id}/duos/{duoId}</c> (duo access likewise) those of <see cref="DuoApi"/>.
    /// </summary>
    public static RouteGroupBuilder MapSamenLerenApi(this RouteGroupBuilder api)
    {
        var programmes = api.MapGroup("/programmes").WithTags("Samen leren").RequireAuthorization();
        programmes.MapGet("/", ProgrammesApi.ListAsync).WithSummary("Programmes you steer or take part in.");
        programmes.MapPost("/", ProgrammesApi.CreateAsync).WithSummary("Creates a programme (role Stuurgroep or Beheerder); you join its steering group.");
        var programme = programmes.MapGroup("/{id:int}").WithProgrammeAccess();
        ProgrammesApi.Map(programme);
        MatchingApi.Map(programme);
        MonitoringApi.Map(programme);
        DuoApi.Map(programme.MapGroup("/duos/{duoId:int}").WithDuoAccess());
        api.MapGet("/me/calendar.ics", DuoApi.PersonalCalendarAsync)
            .RequireAuthorization().WithTags("Samen leren").WithSummary("All meetings of all your duos, and the feedback moments of your learning experiments, as one iCalendar.");
        return api;
    }

    internal static string Kind(PairRuleKind k) => k == PairRuleKind.Fixed ? "fixed" : "forbidden";

    public static ProgrammeView View(Programme p, bool steward, bool participant) => new(p.Id, p.Settings, p.Status, steward, participant, p.Version);

    internal static IntakeView IntakeOf(Participant p, CatalogueSnapshot esco)
    {
        TermView TermOf(IntakeTerm t) => new(t.Label, t.SkillId is int sid && esco.Skills.TryGetValue(sid, out var info) ? info.Uri : null);
        return new(p.Id,
        p.Terms.Where(t => t.Kind == TermKind.Brings).Select(TermOf).ToList(), p.Terms.Where(t => t.Kind == TermKind.Develops).Select(TermOf).ToList(),
        p.Terms.Where(t => t.Kind == TermKind.Quality).Select(t => t.Label).ToList(), p.Terms.Where(t => t.Kind == TermKind.Affinity).Select(t => t.Label).ToList(),
        p.Department, p.Team, p.Discipline, p.ManagerParticipantId, Slots.Bits(p.Availability).Select(Slots.Key).ToList(), p.IntakeCompletedAt,
        IntakeService.MissingInIntake(p), p.Version);
    }

    /// <summary>The duo as <paramref name="viewer"/> may see it: a member's reason for asking for a change is shown to
    /// that member and to the steering group only.</summary>
    internal static DuoView DuoOf(Duo d, ProgrammeAccess viewer) => new(d.Id, d.Status.ToString(), d.Score, d.Fixed,
        d.Members.Select(m => new MemberView(m.ParticipantId, m.Participant?.User?.DisplayName ?? "?", m.Response.ToString(),
            viewer.IsSteward || m.ParticipantId == viewer.Me?.Id ? m.ResponseNote : null)).ToList(),
        MatchingService.Explanation(d), d.Plan is null ? null : PlanOf(d.Plan), d.Meetings.OrderBy(m => m.StartsAt).Select(MeetingOf).ToList());

    internal static PlanView PlanOf(DuoPlan p) => new(p.Topic, p.Goal, p.Product, p.MeetingMoments, p.Status.ToString(), p.ReviewComment, p.SubmittedAt, p.ReviewedAt,
        p.Version);
    internal static MeetingView MeetingOf(Meeting m) => new(m.Id, DateTime.SpecifyKind(m.StartsAt, DateTimeKind.Utc), m.DurationMinutes, m.Location, m.Cancelled, m.Held, m.Sequence);

    internal static async Task<LedgerView> HoursLedger(DuoLedgerService s, DuoAccess a, CancellationToken ct)
    {
        var lines = await s.HoursAsync(a.Duo.Id, ct);
        var mine = a.MeAsMember is { } me ? lines.Where(l => l.ParticipantId == me.ParticipantId).Sum(l => l.Hours) : lines.Sum(l => l.Hours);
        var status = a.MeAsMember is not null ? s.HoursStatus(a.Programme.Programme, mine, DuoLedgerService.DuoStart(a.Programme.Programme, a.Duo))
            : new BudgetStatus(mine, a.Programme.Programme.Settings.HoursPerParticipant * a.Duo.Members.Count, []);
        return new LedgerView(status.Used, status.Budget, status.Left, status.Warnings,
            lines.Select(l => new LedgerLine(l.Id, l.ParticipantId, l.Date, l.Hours, l.Activity)).ToList());
    }

    internal static async Task<LedgerView> ExpenseLedger(DuoLedgerService s, DuoAccess a, CancellationToken ct)
    {
        var lines = await s.ExpensesAsync(a.Duo.Id, ct);
        var status = DuoLedgerService.ExpenseStatus(a.Programme.Programme, lines.Sum(l => l.Amount));
        return new LedgerView(status.Used, status.Budget, status.Left, status.Warnings,
            lines.Select(l => new LedgerLine(l.Id, l.EnteredByParticipantId, l.Date, l.Amount, l.Description)).ToList());
    }

    internal static ReflectionView ReflectionOf(Reflection r, bool visible) => visible
        ? new(r.Id, r.AuthorParticipantId, r.Period, r.WentWell, r.BuildOn, r.Difficult, r.NextStep, FactorTags.Split(r.Tags), r.SubmittedAt, true, r.SharedWithSteeringGroup)
        : new(r.Id, r.AuthorParticipantId, r.Period, null, null, null, null, [], r.SubmittedAt, false, r.SharedWithSteeringGroup);

    internal static IntervisionView IntervisionOf(IntervisionSession s) => new(s.Id, s.Number, s.Date, s.ReporterParticipantId,
        s.Attendees.Select(a => a.ParticipantId).ToList(), s.AppreciativeInquiry, s.Problems, s.Discussed, s.LearningPoints, FactorTags.Split(s.Tags), s.ReportedAt);

    internal static EvaluationView EvaluationOf(Evaluation e) => new(e.ParticipantId, e.Motivation, e.WhyDuo, e.Goals, e.Results, e.Product, e.GoalsReached,
        FactorTags.Split(e.Tags), e.SubmittedAt, e.SharedWithSteeringGroup);
}
