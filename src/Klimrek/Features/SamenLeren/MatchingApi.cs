using Klimrek.Data;
using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using static Klimrek.Features.SamenLeren.SamenLerenApi;

namespace Klimrek.Features.SamenLeren;

/// <summary>Matching over HTTP: pair rules, forming the duos, and the duos that came out.</summary>
public static class MatchingApi
{
    /// <summary>Routes under <c>/programmes/{id}</c>.</summary>
    public static void Map(RouteGroupBuilder programme)
    {
        programme.MapGet("/rules", RulesAsync);
        programme.MapPost("/rules", SetRuleAsync).WithSummary("Fixes or forbids a pair for every next matching run (steering group).");
        programme.MapDelete("/rules/{ruleId:int}", DeleteRuleAsync);
        programme.MapPost("/matching", RunAsync)
            .WithSummary("Forms the optimal duos from the complete intakes (replacing earlier proposals; active duos stay). 409 with the contradicting rules named.");
        programme.MapGet("/duos", DuosAsync).WithSummary("All duos with their score breakdown (steering group).");
        programme.MapPost("/duos/manual/preview", PreviewChangeAsync).WithName("PreviewPairChange")
            .WithSummary("What pairing two people without a duo, or swapping two people of two proposed duos, would give: the new pairs' fit and the cost against the optimal set (steering group; nothing changes).");
        programme.MapPost("/duos/manual", ApplyChangeAsync).WithName("ApplyPairChange")
            .WithSummary("Pairs two people without a duo, or swaps two people of two proposed duos, as proposals (steering group). The hard rules hold.");
        programme.MapGet("/my-duo", MyDuoAsync).WithSummary("Your duo and why you were matched (204: none yet).");
    }

    public static async Task<Ok<List<RuleView>>> RulesAsync(SamenLerenRequest request, MatchingService matching, CancellationToken ct) =>
        TypedResults.Ok((await matching.RulesAsync(request.Programme, ct)).Select(RuleOf).ToList());

    public static async Task<Ok<RuleView>> SetRuleAsync(RuleRequest req, SamenLerenRequest request, MatchingService matching, CancellationToken ct)
    {
        var kind = req.Kind?.ToLowerInvariant() switch
        {
            "fixed" => PairRuleKind.Fixed,
            "forbidden" => PairRuleKind.Forbidden,
            _ => throw ProblemException.Field("kind", "Soort regel: 'fixed' of 'forbidden'."),
        };
        return TypedResults.Ok(RuleOf(await matching.SetRuleAsync(request.Programme, req.A, req.B, kind, ct)));
    }

    public static async Task<NoContent> DeleteRuleAsync(int ruleId, SamenLerenRequest request, MatchingService matching, CancellationToken ct)
    {
        await matching.DeleteRuleAsync(request.Programme, ruleId, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<MatchRunView>> RunAsync(SamenLerenRequest request, MatchingService matching, ClaimsPrincipal user, CancellationToken ct)
    {
        var o = await matching.RunMatchingAsync(request.Programme, SamenLerenFilters.UserId(user), ct);
        return TypedResults.Ok(new MatchRunView(o.Run.Id, o.Run.Participants, o.Run.Groups, o.Run.Unmatched, o.Run.TotalScore, o.Run.CandidateEdges,
            o.Run.PricingRounds, o.Run.Milliseconds, o.NotMatchable));
    }

    public static async Task<Ok<List<DuoView>>> DuosAsync(SamenLerenRequest request, MatchingService matching, CancellationToken ct) =>
        TypedResults.Ok((await matching.DuosAsync(request.Programme, ct)).Select(d => DuoOf(d, request.Programme)).ToList());

    public static async Task<Results<Ok<DuoView>, NoContent>> MyDuoAsync(SamenLerenRequest request, MatchingService matching, CancellationToken ct)
    {
        request.Programme.RequireParticipant(); // the steering group has no duo of its own to ask for
        if (await matching.MyDuoAsync(request.Programme, ct) is { } d) return TypedResults.Ok(DuoOf(d, request.Programme));
        return TypedResults.NoContent();
    }

    public static async Task<Ok<PairChangePreview>> PreviewChangeAsync(PairChangeRequest req, SamenLerenRequest request, ManualPairingService pairing, CancellationToken ct) =>
        TypedResults.Ok(await pairing.PreviewAsync(request.Programme, req, ct));

    public static async Task<Ok<PairChangePreview>> ApplyChangeAsync(PairChangeRequest req, SamenLerenRequest request, ManualPairingService pairing, CancellationToken ct) =>
        TypedResults.Ok(await pairing.ApplyAsync(request.Programme, req, ct));

    private static RuleView RuleOf(PairRule r) => new(r.Id, r.ParticipantAId, r.ParticipantBId, Kind(r.Kind));
}
