using Klimrek.Data;
using Klimrek.Features.Esco;
using Klimrek.Infrastructure.Calendar;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Globalization;
using System.Security.Claims;

namespace Klimrek.Features.Werkleren.Experiments;

/// <summary>
/// Learning experiments over HTTP, under <c>/api/v1/me/werkleren/experiments</c>. Who may do what: the owner everything;
/// a colleague who joined reads and co-edits the texts and feedback moments; an invited colleague reads and answers; a
/// leidinggevende or begeleider the owner shared it with reads. Anyone else gets 404; someone who may read but not do
/// the action gets 403. Refusals are ProblemDetails with the reasons under <c>errors</c>; a refused request changes nothing.
/// </summary>
public static class ExperimentsApi
{
    public sealed record ExperimentRequest(
        string? Title, string? WhatAndWhy, string? Question, string? Activity, string? Needs, string? FeedbackPlan, string? Findings, string? NextStep,
        IReadOnlyList<string>? Drivers, IReadOnlyList<int>? SkillIds, int? PreviousId);
    public sealed record StateRequest(string? To, string? Findings, string? NextStep);
    public sealed record FollowUpRequest(string? Title);
    public sealed record MemberRequest(string? Email);
    public sealed record ResponseRequest(bool? Accept);
    public sealed record MomentRequest(DateOnly? Date, TimeOnly? Time, int? DurationMinutes, string? Location, bool? Held, string? Notes);
    public sealed record SharingRequest(bool? Begeleider, bool? Leidinggevende);
    public sealed record EvidenceRequest(IReadOnlyList<int>? SkillIds);

    public sealed record SummaryView(int Id, string Title, string State, string? Owner, int? PreviousId, DateTime CreatedAt);
    public sealed record ListView(IReadOnlyList<SummaryView> Mine, IReadOnlyList<SummaryView> Joined, IReadOnlyList<SummaryView> Invitations);
    public sealed record MemberView(int Id, string Name, DateTime JoinedAt);
    public sealed record SkillView(int SkillId, string Uri, string Label, string LabelLanguage, DateTime? EvidenceAddedAt);
    public sealed record MomentView(int Id, string Uid, DateTime StartsAt, int DurationMinutes, string? Location, bool Cancelled, DateTime? HeldAt, string? Notes, int Sequence);
    public sealed record ChainView(int Id, string Title, string State, DateTime CreatedAt, DateTime? StartedAt, DateTime? FedBackAt, DateTime? ClosedAt, string? Findings,
        string? NextStep, bool Current);
    public sealed record SharingView(bool Begeleider, bool Leidinggevende);
    public sealed record ExperimentView(
        int Id, string Title, string? WhatAndWhy, string? Question, string? Activity, string? Needs, string? FeedbackPlan, string State, string? Findings,
        string? NextStep, int? PreviousId, int? FollowUpId, string Role, string Owner, DateTime CreatedAt, DateTime? StartedAt, DateTime? FedBackAt,
        DateTime? ClosedAt, IReadOnlyList<string> Drivers, IReadOnlyList<SkillView> Skills, IReadOnlyList<MemberView> Members,
        IReadOnlyList<MomentView> FeedbackMoments, IReadOnlyList<string> AllowedMoves, IReadOnlyList<ChainView> Chain, SharingView? SharedWith, int Version);
    public sealed record InviteView(string Message);
    public sealed record EvidenceView(IReadOnlyList<EvidenceOutcome> Skills);

    public static void Map(RouteGroupBuilder werkleren)
    {
        var g = werkleren.MapGroup("/experiments");
        g.MapGet("/", ListAsync).WithName("ListExperiments")
            .WithSummary("Your learning experiments, those you joined, and the invitations waiting for your answer.");
        g.MapPost("/", CreateAsync).WithName("CreateExperiment").ProducesValidationProblem()
            .WithSummary("Starts an experiment (state idee) in the five-question format; previousId links it as the follow-up of one of yours.");
        var one = g.MapGroup("/{experimentId:int}");
        one.MapGet("/", GetAsync).WithName("GetExperiment").ProducesProblem(404)
            .WithSummary("One experiment with its members, feedback moments, the states it may move to and its chain (oldest first). Sends its version as ETag.");
        one.MapPut("/", UpdateAsync).WithName("UpdateExperiment").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Saves the title, five questions, findings and next step (owner and colleagues who joined); drivers and skillIds (owner only, null = unchanged). "
                + "Send the version in If-Match (\"3\"): 409 when someone saved a newer one meanwhile.");
        one.MapDelete("/", DeleteAsync).WithName("DeleteExperiment").ProducesProblem(403).ProducesProblem(404)
            .WithSummary("Deletes the experiment, its feedback moments and their reminders (owner only).");
        one.MapPost("/state", StateAsync).WithName("ChangeExperimentState").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
            .WithSummary("Moves the experiment (owner only): idee→loopt, loopt→teruggekoppeld (needs findings), teruggekoppeld→afgerond, afgerond→teruggekoppeld (reopen). "
                + "Findings and nextStep may be sent along.");
        one.MapPost("/follow-up", FollowUpAsync).WithName("FollowUpExperiment").ProducesValidationProblem().ProducesProblem(409)
            .WithSummary("Starts the follow-up in one step (owner only): a new idea linked to this one, filled from its next step. One follow-up per experiment.");
        one.MapPost("/members", InviteAsync).WithName("InviteToExperiment").ProducesValidationProblem().ProducesProblem(403)
            .WithSummary("Invites a colleague with a Klimrek account by e-mail address (owner only). The answer is the same whether or not the address has an account.");
        one.MapDelete("/members/{memberId:int}", RemoveMemberAsync).WithName("RemoveExperimentMember").ProducesProblem(403).ProducesProblem(404)
            .WithSummary("Removes a colleague who joined (owner only); their reminders are cancelled.");
        one.MapPost("/response", RespondAsync).WithName("AnswerExperimentInvitation").ProducesValidationProblem().ProducesProblem(403)
            .WithSummary("The invited colleague joins (accept = true) or declines; a colleague who joined and declines leaves.");
        one.MapPost("/feedback-moments", AddMomentAsync).WithName("AddFeedbackMoment").ProducesValidationProblem().ProducesProblem(403)
            .WithSummary("Plans a feedback moment (date, time in Dutch time, durationMinutes, location): a calendar event with a reminder 24 hours before for everyone taking part.");
        one.MapPut("/feedback-moments/{momentId:int}", UpdateMomentAsync).WithName("UpdateFeedbackMoment").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
            .WithSummary("Moves a feedback moment (its calendar sequence rises, reminders move) or marks it held (held = true, once begun) with notes.");
        one.MapDelete("/feedback-moments/{momentId:int}", CancelMomentAsync).WithName("CancelFeedbackMoment").ProducesProblem(403).ProducesProblem(404)
            .WithSummary("Cancels a feedback moment: it stays in calendars as cancelled; its reminders are cancelled.");
        one.MapPut("/sharing", ShareAsync).WithName("ShareExperiment").ProducesValidationProblem().ProducesProblem(403)
            .WithSummary("Lets your begeleider and/or leidinggevende read this experiment, or stops it (owner only; both fields required).");
        one.MapPost("/evidence", EvidenceAsync).WithName("AddExperimentEvidence").ProducesValidationProblem().ProducesProblem(403)
            .WithSummary("After closing: adds work-experience evidence naming this experiment to linked skills of your profile (owner only); stronger evidence stays.");
        one.MapGet("/calendar.ics", CalendarAsync).WithName("ExperimentCalendar").Produces<string>(200, "text/calendar").ProducesProblem(403).ProducesProblem(404)
            .WithSummary("The experiment's feedback moments as iCalendar (owner and colleagues who joined).");
    }

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;
    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nl";

    private static ExperimentInput InputOf(ExperimentRequest r) =>
        new(r.Title, r.WhatAndWhy, r.Question, r.Activity, r.Needs, r.FeedbackPlan, r.Findings, r.NextStep, r.Drivers, r.SkillIds);

    public static async Task<Ok<ListView>> ListAsync(ExperimentService experiments, ClaimsPrincipal user, CancellationToken ct)
    {
        var o = await experiments.OverviewAsync(UserId(user), ct);
        var names = new Dictionary<string, string>();
        foreach (var id in o.Joined.Select(e => e.OwnerId).Distinct()) names[id] = await experiments.NameOfAsync(id, ct);
        SummaryView Of(Experiment e, string? owner) => new(e.Id, e.Title, ExperimentService.StateKey(e.State), owner, e.PreviousId, Utc(e.CreatedAt));
        return TypedResults.Ok(new ListView(o.Mine.Select(e => Of(e, null)).ToList(), o.Joined.Select(e => Of(e, names[e.OwnerId])).ToList(),
            o.Invitations.Select(x => Of(x.Experiment, x.Owner)).ToList()));
    }

    public static async Task<Created<ExperimentView>> CreateAsync(ExperimentRequest req, ExperimentService experiments, EscoCatalogue esco, ClaimsPrincipal user,
        HttpContext http, CancellationToken ct)
    {
        var e = await experiments.CreateAsync(UserId(user), InputOf(req), req.PreviousId, ct);
        var a = await experiments.AccessAsync(user, e.Id, ct);
        Versions.SetETag(http, e);
        return TypedResults.Created($"/api/v1/me/werkleren/experiments/{e.Id}", await ViewAsync(a, experiments, esco, ct));
    }

    public static async Task<Ok<ExperimentView>> GetAsync(int experimentId, ExperimentService experiments, EscoCatalogue esco, ClaimsPrincipal user, HttpContext http,
        CancellationToken ct)
    {
        var a = await experiments.AccessAsync(user, experimentId, ct);
        Versions.SetETag(http, a.Experiment);
        return TypedResults.Ok(await ViewAsync(a, experiments, esco, ct));
    }

    public static async Task<Ok<ExperimentView>> UpdateAsync(int experimentId, ExperimentRequest req, ExperimentService experiments, EscoCatalogue esco,
        ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var a = await experiments.AccessAsync(user, experimentId, ct);
        await experiments.UpdateAsync(a, InputOf(req), Versions.FromIfMatch(http), ct);
        Versions.SetETag(http, a.Experiment);
        return TypedResults.Ok(await ViewAsync(a, experiments, esco, ct));
    }

    public static async Task<NoContent> DeleteAsync(int experimentId, ExperimentService experiments, ClaimsPrincipal user, CancellationToken ct)
    {
        await experiments.DeleteAsync(await experiments.AccessAsync(user, experimentId, ct), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<ExperimentView>> StateAsync(int experimentId, StateRequest req, ExperimentService experiments, EscoCatalogue esco, ClaimsPrincipal user,
        HttpContext http, CancellationToken ct)
    {
        var a = await experiments.AccessAsync(user, experimentId, ct);
        await experiments.ChangeStateAsync(a, req.To, req.Findings, req.NextStep, Versions.FromIfMatch(http), ct);
        Versions.SetETag(http, a.Experiment);
        return TypedResults.Ok(await ViewAsync(a, experiments, esco, ct));
    }

    public static async Task<Created<ExperimentView>> FollowUpAsync(int experimentId, FollowUpRequest? req, ExperimentService experiments, EscoCatalogue esco,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var a = await experiments.AccessAsync(user, experimentId, ct);
        var next = await experiments.FollowUpAsync(a, req?.Title, ct);
        return TypedResults.Created($"/api/v1/me/werkleren/experiments/{next.Id}", await ViewAsync(await experiments.AccessAsync(user, next.Id, ct), experiments, esco, ct));
    }

    /// <summary>The same answer whether or not the address has an account.</summary>
    public const string InvitedMessage = "Als dit adres bij een Klimrek-account hoort, is je collega uitgenodigd. Je ziet je collega hier zodra die meedoet.";

    public static async Task<Accepted<InviteView>> InviteAsync(int experimentId, MemberRequest req, ExperimentService experiments, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l,
        ClaimsPrincipal user, CancellationToken ct)
    {
        await experiments.InviteAsync(await experiments.AccessAsync(user, experimentId, ct), req.Email, ct);
        return TypedResults.Accepted((string?)null, new InviteView(l[InvitedMessage].Value));
    }

    public static async Task<NoContent> RemoveMemberAsync(int experimentId, int memberId, ExperimentService experiments, ClaimsPrincipal user, CancellationToken ct)
    {
        await experiments.RemoveMemberAsync(await experiments.AccessAsync(user, experimentId, ct), memberId, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<ExperimentView>> RespondAsync(int experimentId, ResponseRequest req, ExperimentService experiments, EscoCatalogue esco,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var a = await experiments.AccessAsync(user, experimentId, ct);
        await experiments.RespondAsync(a, req.Accept, ct);
        // After declining, the experiment is no longer theirs to see: the answer is the view they had.
        return TypedResults.Ok(await ViewAsync(req.Accept == true ? a with { Role = ExperimentRole.Member } : a, experiments, esco, ct));
    }

    private static MomentInput MomentOf(MomentRequest r) => new(r.Date, r.Time, r.DurationMinutes, r.Location, r.Held, r.Notes);

    public static async Task<Created<MomentView>> AddMomentAsync(int experimentId, MomentRequest req, ExperimentService experiments, ClaimsPrincipal user, CancellationToken ct)
    {
        var m = await experiments.AddMomentAsync(await experiments.AccessAsync(user, experimentId, ct), MomentOf(req), ct);
        return TypedResults.Created($"/api/v1/me/werkleren/experiments/{experimentId}/feedback-moments/{m.Id}", MomentViewOf(m));
    }

    public static async Task<Ok<MomentView>> UpdateMomentAsync(int experimentId, int momentId, MomentRequest req, ExperimentService experiments, ClaimsPrincipal user,
        CancellationToken ct) =>
        TypedResults.Ok(MomentViewOf(await experiments.UpdateMomentAsync(await experiments.AccessAsync(user, experimentId, ct), momentId, MomentOf(req), ct)));

    public static async Task<Ok<MomentView>> CancelMomentAsync(int experimentId, int momentId, ExperimentService experiments, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(MomentViewOf(await experiments.CancelMomentAsync(await experiments.AccessAsync(user, experimentId, ct), momentId, ct)));

    public static async Task<Ok<SharingView>> ShareAsync(int experimentId, SharingRequest req, ExperimentService experiments, ClaimsPrincipal user, CancellationToken ct)
    {
        var a = await experiments.AccessAsync(user, experimentId, ct);
        await experiments.ShareAsync(a, req.Begeleider, req.Leidinggevende, ct);
        return TypedResults.Ok(SharingOf(a.Experiment));
    }

    public static async Task<Ok<EvidenceView>> EvidenceAsync(int experimentId, EvidenceRequest req, ExperimentService experiments, ClaimsPrincipal user, CancellationToken ct)
    {
        var a = await experiments.AccessAsync(user, experimentId, ct);
        return TypedResults.Ok(new EvidenceView(await experiments.AddEvidenceAsync(a, req.SkillIds, Language, ct)));
    }

    public static async Task<ContentHttpResult> CalendarAsync(int experimentId, ExperimentService experiments, ClaimsPrincipal user, CancellationToken ct)
    {
        var a = await experiments.AccessAsync(user, experimentId, ct);
        if (!a.CanEdit) throw Infrastructure.Errors.ProblemException.Forbidden("De agenda van een experiment is voor wie eraan meedoet.");
        return TypedResults.Text(CalendarFile.Write("Leerexperiment: " + a.Experiment.Title, ExperimentService.Events(a.Experiment)), CalendarFile.ContentType);
    }

    // ---------------------------------------------------------------- views

    private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);
    private static DateTime? Utc(DateTime? t) => t is null ? null : Utc(t.Value);

    public static MomentView MomentViewOf(FeedbackMoment m) =>
        new(m.Id, m.Uid, Utc(m.StartsAt), m.DurationMinutes, m.Location, m.Cancelled, Utc(m.HeldAt), m.Notes, m.Sequence);

    private static SharingView SharingOf(Experiment e) => new(e.SharedWith.HasFlag(Audience.Begeleider), e.SharedWith.HasFlag(Audience.Leidinggevende));

    public static async Task<ExperimentView> ViewAsync(ExperimentAccess a, ExperimentService experiments, EscoCatalogue esco, CancellationToken ct)
    {
        var e = a.Experiment;
        var catalogue = await esco.GetAsync(ct);
        var chain = await experiments.ChainAsync(a, ct);
        return new ExperimentView(e.Id, e.Title, e.WhatAndWhy, e.Question, e.Activity, e.Needs, e.FeedbackPlan, ExperimentService.StateKey(e.State), e.Findings, e.NextStep,
            e.PreviousId, chain.FollowUpId, a.Role.ToString().ToLowerInvariant(), await experiments.NameOfAsync(e.OwnerId, ct), Utc(e.CreatedAt),
            Utc(e.StartedAt), Utc(e.FedBackAt), Utc(e.ClosedAt), e.Drivers.Select(d => d.Key).Order(StringComparer.Ordinal).ToList(),
            e.Skills.Where(s => catalogue.Skills.ContainsKey(s.SkillId)).Select(s =>
            {
                var info = catalogue.Skills[s.SkillId];
                var label = info.Label(Language);
                return new SkillView(s.SkillId, info.Uri, label.Text, label.Language, Utc(s.EvidenceAddedAt));
            }).ToList(),
            e.Members.Where(m => m.JoinedAt != null && m.DeclinedAt == null).OrderBy(m => m.JoinedAt)
                .Select(m => new MemberView(m.Id, m.User?.DisplayName ?? "?", Utc(m.JoinedAt!.Value))).ToList(),
            e.FeedbackMoments.OrderBy(m => m.StartsAt).Select(MomentViewOf).ToList(),
            a.IsOwner ? ExperimentService.MovesFrom(e.State).Select(ExperimentService.StateKey).ToList() : [],
            chain.Steps.Select(c => new ChainView(c.Id, c.Title, ExperimentService.StateKey(c.State), Utc(c.CreatedAt), Utc(c.StartedAt), Utc(c.FedBackAt), Utc(c.ClosedAt),
                c.Findings, c.NextStep, c.Current)).ToList(),
            a.IsOwner ? SharingOf(e) : null, e.Version);
    }
}
