using Klimrek.Data;
using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Globalization;
using System.Security.Claims;

namespace Klimrek.Features.Werkleren.Climate;

/// <summary>
/// Mijn microleerklimaat over HTTP, under <c>/api/v1/me/werkleren</c>: the circle, the signals sent and the signals
/// received. Everything is the signed-in person's own; a signal or member of someone else is 404.
/// </summary>
public static class ClimateApi
{
    /// <summary>A member of the circle: roles as "denktMee", "doetMee", "moedigtAan"; their answers to your signals over the last 90 days.</summary>
    public sealed record MemberView(int Id, string Name, string? Email, List<string> Roles, bool IsLeidinggevende, DateTime CreatedAt, DateTime? RemovedAt,
        int SignalsLast90Days, int AnsweredLast90Days);
    public sealed record MemberRequest(string? Name, string? Email, List<string>? Roles, bool IsLeidinggevende = false);
    public sealed record SignalRequest(string? Text, List<int>? MemberIds, int? ExperimentId);
    public sealed record RecipientView(int Id, int MemberId, string Name, string? Answer, DateTime? AnsweredAt);
    public sealed record SignalView(int Id, string Text, int? ExperimentId, DateTime SentAt, List<RecipientView> Recipients);
    public sealed record ReceivedView(int RecipientId, string From, string Text, DateTime SentAt, string? Answer, DateTime? AnsweredAt);
    public sealed record AnswerRequest(string? Answer);

    public static void Map(RouteGroupBuilder werkleren)
    {
        werkleren.MapGet("/circle", CircleAsync).WithName("GetCircle")
            .WithSummary("Your micro learning climate: the people who help you learn, what each does, and how they answered your signals (90 days). includeRemoved=true lists those you took out too.");
        werkleren.MapPost("/circle", AddAsync).WithName("AddCircleMember")
            .WithSummary("Adds someone by name and e-mail address with their roles (denktMee, doetMee, moedigtAan) and whether they are your leidinggevende.")
            .ProducesValidationProblem();
        werkleren.MapPut("/circle/{circleMemberId:int}", UpdateAsync).WithName("UpdateCircleMember")
            .WithSummary("Changes a member's name, roles and leidinggevende mark.").ProducesValidationProblem().ProducesProblem(404);
        werkleren.MapDelete("/circle/{circleMemberId:int}", RemoveAsync).WithName("RemoveCircleMember")
            .WithSummary("Takes someone out of your circle; the signals to them and their answers stay in your timeline.").ProducesProblem(404);
        werkleren.MapGet("/signals", SignalsAsync).WithName("GetSignals").WithSummary("Your signals with the answers, newest first (your timeline).");
        werkleren.MapPost("/signals", SendAsync).WithName("SendSignal")
            .WithSummary("Sends a signal (\"I'm trying X, would you look along?\") to members of your circle, optionally about one of your experiments.")
            .ProducesValidationProblem();
        werkleren.MapGet("/signals/{signalId:int}", SignalAsync).WithName("GetSignal").WithSummary("One of your signals with its answers.").ProducesProblem(404);
        werkleren.MapGet("/received-signals", ReceivedAsync).WithName("GetReceivedSignals")
            .WithSummary("Signals others sent you, newest first: the text, who sent it and when, and your own answer.");
        werkleren.MapPost("/received-signals/{recipientId:int}/answer", AnswerAsync).WithName("AnswerSignal")
            .WithSummary("Answers a signal sent to you, or changes your answer.").ProducesValidationProblem().ProducesProblem(404);
    }

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>Roles from their API names; an unknown name is a field error.</summary>
    private static CircleRoles RolesFrom(List<string>? names)
    {
        var roles = CircleRoles.None;
        foreach (var n in names ?? [])
        {
            var role = ClimateService.RoleOrder.FirstOrDefault(r => ClimateService.RoleKey(r) == n);
            if (role == CircleRoles.None) throw ProblemException.Field("roles", "Onbekende rol: {0} (kies denktMee, doetMee of moedigtAan).", n ?? "");
            roles |= role;
        }
        return roles;
    }

    public static MemberView ViewOf(CircleMember m, Responsiveness r) =>
        new(m.Id, m.Name, m.Email, ClimateService.RolesOf(m.Roles).Select(ClimateService.RoleKey).ToList(), m.IsLeidinggevende, m.CreatedAt, m.RemovedAt,
            r.Signals, r.Answered);

    public static SignalView ViewOf(Signal s) =>
        new(s.Id, s.Text, s.ExperimentId, s.SentAt, s.Recipients.OrderBy(r => r.Id)
            .Select(r => new RecipientView(r.Id, r.CircleMemberId, r.CircleMember?.Name ?? "", r.Answer, r.AnsweredAt)).ToList());

    private static ReceivedView ViewOf(ReceivedSignal r) => new(r.RecipientId, r.From, r.Text, r.SentAt, r.Answer, r.AnsweredAt);

    public static async Task<Ok<List<MemberView>>> CircleAsync(ClimateService climate, ClaimsPrincipal user, CancellationToken ct, bool includeRemoved = false)
    {
        var members = await climate.CircleAsync(UserId(user), includeRemoved, ct);
        var resp = await climate.ResponsivenessAsync(UserId(user), ct);
        return TypedResults.Ok(members.Select(m => ViewOf(m, resp.GetValueOrDefault(m.Id, Responsiveness.None))).ToList());
    }

    public static async Task<Created<MemberView>> AddAsync(MemberRequest req, ClimateService climate, ClaimsPrincipal user, CancellationToken ct)
    {
        var m = await climate.AddAsync(UserId(user), new MemberInput(req.Name, req.Email, RolesFrom(req.Roles), req.IsLeidinggevende), ct);
        return TypedResults.Created($"/api/v1/me/werkleren/circle/{m.Id}", ViewOf(m, Responsiveness.None));
    }

    public static async Task<Ok<MemberView>> UpdateAsync(int circleMemberId, MemberRequest req, ClimateService climate, ClaimsPrincipal user, CancellationToken ct)
    {
        var m = await climate.UpdateAsync(UserId(user), circleMemberId, new MemberInput(req.Name, null, RolesFrom(req.Roles), req.IsLeidinggevende), ct);
        var resp = await climate.ResponsivenessAsync(UserId(user), ct);
        return TypedResults.Ok(ViewOf(m, resp.GetValueOrDefault(m.Id, Responsiveness.None)));
    }

    public static async Task<NoContent> RemoveAsync(int circleMemberId, ClimateService climate, ClaimsPrincipal user, CancellationToken ct)
    {
        await climate.RemoveAsync(UserId(user), circleMemberId, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<SignalView>>> SignalsAsync(ClimateService climate, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok((await climate.SignalsAsync(UserId(user), 500, ct)).Select(ViewOf).ToList());

    public static async Task<Created<SignalView>> SendAsync(SignalRequest req, ClimateService climate, ClaimsPrincipal user, CancellationToken ct)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nl";
        var s = await climate.SendAsync(UserId(user), req.Text, req.MemberIds, req.ExperimentId, language, ct);
        return TypedResults.Created($"/api/v1/me/werkleren/signals/{s.Id}", ViewOf(await climate.SignalAsync(UserId(user), s.Id, ct)));
    }

    public static async Task<Ok<SignalView>> SignalAsync(int signalId, ClimateService climate, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(ViewOf(await climate.SignalAsync(UserId(user), signalId, ct)));

    public static async Task<Ok<List<ReceivedView>>> ReceivedAsync(ClimateService climate, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok((await climate.ReceivedAsync(UserId(user), ct)).Select(ViewOf).ToList());

    public static async Task<Ok<ReceivedView>> AnswerAsync(int recipientId, AnswerRequest req, ClimateService climate, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(ViewOf(await climate.AnswerAsync(UserId(user), recipientId, req.Answer, ct)));
}
