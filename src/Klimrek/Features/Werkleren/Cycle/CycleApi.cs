using Klimrek.Data;
using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;

namespace Klimrek.Features.Werkleren.Cycle;

/// <summary>
/// The development cycle over HTTP, under <c>/api/v1/me/werkleren</c>: only the owner reaches a plan (anyone else: 404).
/// Plans and cycle conversations are versioned: GET gives an <c>ETag</c>, PUT takes <c>If-Match</c> (409 when stale), and
/// DELETE requires <c>If-Match</c> (428 without it), so that nothing with everything in it is deleted on a guess.
/// </summary>
public static class CycleApi
{
    public sealed record SharingRequest(IReadOnlyList<string>? Leidinggevende, IReadOnlyList<string>? Begeleider);
    public sealed record SkillRequest(int? SkillId, IReadOnlyList<int>? SkillIds, int? TargetOccupationId, string? Note);

    private static string Me(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;
    private static string Lang(string? lang) =>
        lang == "en" || (lang is null && System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en") ? "en" : "nl";

    public static void Map(RouteGroupBuilder w)
    {
        w.MapGet("/plans", ListAsync).WithName("ListDevelopmentPlans").WithSummary("Your development plans (POP), newest period first; the first is the current one.");
        w.MapPost("/plans", CreateAsync).WithName("CreateDevelopmentPlan").WithSummary("Creates a development plan: title, period (startsOn, endsOn) and your ambition in your own words.")
            .ProducesValidationProblem();
        w.MapGet("/plans/{planId:int}", GetAsync).WithName("GetDevelopmentPlan")
            .WithSummary("The plan with what it gathers: drivers, themes, experiments of the period, skills, activities, samen leren, the experience/others/courses overview and the cycle's conversations. ETag: its version.")
            .ProducesProblem(404);
        w.MapPut("/plans/{planId:int}", UpdateAsync).WithName("UpdateDevelopmentPlan")
            .WithSummary("Changes title, period and ambition. Send the version in If-Match (\"3\"): 409 when someone saved a newer one.").ProducesValidationProblem().ProducesProblem(409);
        w.MapDelete("/plans/{planId:int}", DeleteAsync).WithName("DeleteDevelopmentPlan")
            .WithSummary("Deletes the plan with everything in it. If-Match is required (428 without it, 409 when stale).").ProducesProblem(428).ProducesProblem(409);
        w.MapPut("/plans/{planId:int}/sharing", ShareAsync).WithName("ShareDevelopmentPlan")
            .WithSummary("Which parts your leidinggevende and your begeleider see, each a list of: ambition, themesAndDrivers, experiments, skills, activities, conversations. "
                + "An empty list shares nothing. Those who get to see something new are notified.").ProducesValidationProblem();
        w.MapGet("/plans/{planId:int}/gap", GapAsync).WithName("DevelopmentPlanGap")
            .WithSummary("The skills your profile misses for a target occupation (occupationId): the ones you could add to the plan.").ProducesValidationProblem();
        w.MapPost("/plans/{planId:int}/skills", AddSkillsAsync).WithName("AddDevelopmentPlanSkills")
            .WithSummary("Adds skills to develop (skillId or skillIds, optionally the target occupation they come from and a note).").ProducesValidationProblem();
        w.MapDelete("/plans/{planId:int}/skills/{planSkillId:int}", RemoveSkillAsync).WithName("RemoveDevelopmentPlanSkill");
        w.MapPost("/plans/{planId:int}/activities", AddActivityAsync).WithName("AddLearningActivity")
            .WithSummary("Adds a learning activity: title, form (formeel, non-formeel, informeel), source (ervaring, anderen, cursus), date, hours, note.").ProducesValidationProblem();
        w.MapPut("/plans/{planId:int}/activities/{activityId:int}", UpdateActivityAsync).WithName("UpdateLearningActivity").ProducesValidationProblem();
        w.MapDelete("/plans/{planId:int}/activities/{activityId:int}", RemoveActivityAsync).WithName("RemoveLearningActivity");
        w.MapPost("/plans/{planId:int}/conversations", AddConversationAsync).WithName("AddCycleConversation")
            .WithSummary("Adds a conversation of the cycle: kind (functioneringsgesprek, ontwikkelingsgesprek, beoordelingsgesprek), date, preparation, notes.")
            .ProducesValidationProblem();
        w.MapGet("/plans/{planId:int}/conversations/{cycleId:int}", GetConversationAsync).WithName("GetCycleConversation").WithSummary("The conversation with its agreements. ETag: its version.");
        w.MapPut("/plans/{planId:int}/conversations/{cycleId:int}", UpdateConversationAsync).WithName("UpdateCycleConversation")
            .WithSummary("Changes kind, date, preparation and notes. If-Match: 409 when stale.").ProducesValidationProblem().ProducesProblem(409);
        w.MapDelete("/plans/{planId:int}/conversations/{cycleId:int}", DeleteConversationAsync).WithName("DeleteCycleConversation")
            .WithSummary("Deletes the conversation and its agreements. If-Match is required (428 without it).").ProducesProblem(428);
        w.MapPost("/plans/{planId:int}/conversations/{cycleId:int}/agreements", AddAgreementAsync).WithName("AddCycleAgreement")
            .WithSummary("Adds an agreement: text, optional dueOn.").ProducesValidationProblem();
        w.MapPut("/plans/{planId:int}/conversations/{cycleId:int}/agreements/{agreementId:int}", UpdateAgreementAsync).WithName("UpdateCycleAgreement")
            .WithSummary("Changes an agreement: text, dueOn, done (true: done now; false: open again; absent: as it was).").ProducesValidationProblem();
    }

    public static async Task<Ok<List<PlanSummary>>> ListAsync(ClaimsPrincipal user, CycleService cycle, CancellationToken ct)
    {
        var plans = await cycle.PlansAsync(Me(user), ct);
        return TypedResults.Ok(plans.Select((p, i) => CycleService.SummaryOf(p, i == 0)).ToList());
    }

    public static async Task<Created<PlanView>> CreateAsync(PlanInput req, ClaimsPrincipal user, CycleService cycle, HttpContext http, CancellationToken ct)
    {
        var plan = await cycle.CreateAsync(Me(user), req, ct);
        Versions.SetETag(http, plan);
        return TypedResults.Created($"/api/v1/me/werkleren/plans/{plan.Id}", await cycle.ViewAsync(plan, Lang(null), ct));
    }

    public static async Task<Ok<PlanView>> GetAsync(int planId, string? lang, ClaimsPrincipal user, CycleService cycle, HttpContext http, CancellationToken ct)
    {
        var plan = await cycle.OwnAsync(Me(user), planId, ct);
        Versions.SetETag(http, plan);
        return TypedResults.Ok(await cycle.ViewAsync(plan, Lang(lang), ct));
    }

    public static async Task<Ok<PlanView>> UpdateAsync(int planId, PlanInput req, ClaimsPrincipal user, CycleService cycle, HttpContext http, CancellationToken ct)
    {
        var plan = await cycle.OwnAsync(Me(user), planId, ct);
        await cycle.UpdateAsync(plan, req, Versions.FromIfMatch(http), ct);
        Versions.SetETag(http, plan);
        return TypedResults.Ok(await cycle.ViewAsync(plan, Lang(null), ct));
    }

    public static async Task<NoContent> DeleteAsync(int planId, ClaimsPrincipal user, CycleService cycle, HttpContext http, CancellationToken ct)
    {
        var plan = await cycle.OwnAsync(Me(user), planId, ct);
        await cycle.DeleteAsync(plan, Versions.FromIfMatch(http), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<PlanView>> ShareAsync(int planId, SharingRequest req, ClaimsPrincipal user, CycleService cycle, HttpContext http, CancellationToken ct)
    {
        var plan = await cycle.OwnAsync(Me(user), planId, ct);
        var errors = new ValidationErrors();
        if (req.Leidinggevende is null) errors.Add("leidinggevende", "Geef aan welke delen je leidinggevende ziet (een lege lijst: niets).");
        else if (!CycleKeys.TryParts(req.Leidinggevende, out _)) errors.Add("leidinggevende", "Onbekend deel; gebruik ambition, themesAndDrivers, experiments, skills, activities of conversations.");
        if (req.Begeleider is null) errors.Add("begeleider", "Geef aan welke delen je begeleider ziet (een lege lijst: niets).");
        else if (!CycleKeys.TryParts(req.Begeleider, out _)) errors.Add("begeleider", "Onbekend deel; gebruik ambition, themesAndDrivers, experiments, skills, activities of conversations.");
        ProblemException.ThrowIfAny(errors);
        CycleKeys.TryParts(req.Leidinggevende, out var lg);
        CycleKeys.TryParts(req.Begeleider, out var bg);
        await cycle.ShareAsync(plan, lg, bg, Versions.FromIfMatch(http), DisplayName(user), ct);
        Versions.SetETag(http, plan);
        return TypedResults.Ok(await cycle.ViewAsync(plan, Lang(null), ct));
    }

    internal static string DisplayName(ClaimsPrincipal user) => user.FindFirstValue("klimrek:display_name") ?? user.Identity?.Name ?? "?";

    public static async Task<Ok<GapView>> GapAsync(int planId, int? occupationId, string? lang, ClaimsPrincipal user, CycleService cycle, CancellationToken ct)
    {
        var plan = await cycle.OwnAsync(Me(user), planId, ct);
        return TypedResults.Ok(await cycle.GapAsync(plan, occupationId, Lang(lang), ct));
    }

    public static async Task<Created<List<PlanSkillView>>> AddSkillsAsync(int planId, SkillRequest req, ClaimsPrincipal user, CycleService cycle, CancellationToken ct)
    {
        var plan = await cycle.OwnAsync(Me(user), planId, ct);
        var ids = (req.SkillIds ?? []).Concat(req.SkillId is int one ? [one] : []).ToList();
        var added = await cycle.AddSkillsAsync(plan, ids, req.TargetOccupationId, req.Note, ct);
        return TypedResults.Created($"/api/v1/me/werkleren/plans/{planId}", await cycle.SkillViewsAsync(added, Lang(null), ct));
    }

    public static async Task<NoContent> RemoveSkillAsync(int planId, int planSkillId, ClaimsPrincipal user, CycleService cycle, CancellationToken ct)
    {
        await cycle.RemoveSkillAsync(await cycle.OwnAsync(Me(user), planId, ct), planSkillId, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Created<ActivityView>> AddActivityAsync(int planId, ActivityInput req, ClaimsPrincipal user, CycleService cycle, CancellationToken ct)
    {
        var a = await cycle.AddActivityAsync(await cycle.OwnAsync(Me(user), planId, ct), req, ct);
        return TypedResults.Created($"/api/v1/me/werkleren/plans/{planId}/activities/{a.Id}", CycleService.ActivityOf(a));
    }

    public static async Task<Ok<ActivityView>> UpdateActivityAsync(int planId, int activityId, ActivityInput req, ClaimsPrincipal user, CycleService cycle, CancellationToken ct) =>
        TypedResults.Ok(CycleService.ActivityOf(await cycle.UpdateActivityAsync(await cycle.OwnAsync(Me(user), planId, ct), activityId, req, ct)));

    public static async Task<NoContent> RemoveActivityAsync(int planId, int activityId, ClaimsPrincipal user, CycleService cycle, CancellationToken ct)
    {
        await cycle.RemoveActivityAsync(await cycle.OwnAsync(Me(user), planId, ct), activityId, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Created<CycleView>> AddConversationAsync(int planId, CycleInput req, ClaimsPrincipal user, CycleService cycle, HttpContext http, CancellationToken ct)
    {
        var c = await cycle.AddConversationAsync(await cycle.OwnAsync(Me(user), planId, ct), req, ct);
        Versions.SetETag(http, c);
        return TypedResults.Created($"/api/v1/me/werkleren/plans/{planId}/conversations/{c.Id}", CycleService.CycleOf(c));
    }

    public static async Task<Ok<CycleView>> GetConversationAsync(int planId, int cycleId, ClaimsPrincipal user, CycleService cycle, HttpContext http, CancellationToken ct)
    {
        var c = await cycle.OwnConversationAsync(await cycle.OwnAsync(Me(user), planId, ct), cycleId, ct);
        Versions.SetETag(http, c);
        return TypedResults.Ok(CycleService.CycleOf(c));
    }

    public static async Task<Ok<CycleView>> UpdateConversationAsync(int planId, int cycleId, CycleInput req, ClaimsPrincipal user, CycleService cycle, HttpContext http,
        CancellationToken ct)
    {
        var c = await cycle.OwnConversationAsync(await cycle.OwnAsync(Me(user), planId, ct), cycleId, ct);
        await cycle.UpdateConversationAsync(c, req, Versions.FromIfMatch(http), ct);
        Versions.SetETag(http, c);
        return TypedResults.Ok(CycleService.CycleOf(c));
    }

    public static async Task<NoContent> DeleteConversationAsync(int planId, int cycleId, ClaimsPrincipal user, CycleService cycle, HttpContext http, CancellationToken ct)
    {
        var plan = await cycle.OwnAsync(Me(user), planId, ct);
        await cycle.DeleteConversationAsync(plan, await cycle.OwnConversationAsync(plan, cycleId, ct), Versions.FromIfMatch(http), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Created<AgreementView>> AddAgreementAsync(int planId, int cycleId, AgreementInput req, ClaimsPrincipal user, CycleService cycle, CancellationToken ct)
    {
        var c = await cycle.OwnConversationAsync(await cycle.OwnAsync(Me(user), planId, ct), cycleId, ct);
        var a = await cycle.AddAgreementAsync(c, req, ct);
        return TypedResults.Created($"/api/v1/me/werkleren/plans/{planId}/conversations/{cycleId}/agreements/{a.Id}", CycleService.AgreementOf(a));
    }

    public static async Task<Ok<AgreementView>> UpdateAgreementAsync(int planId, int cycleId, int agreementId, AgreementInput req, ClaimsPrincipal user, CycleService cycle,
        CancellationToken ct)
    {
        var c = await cycle.OwnConversationAsync(await cycle.OwnAsync(Me(user), planId, ct), cycleId, ct);
        return TypedResults.Ok(CycleService.AgreementOf(await cycle.UpdateAgreementAsync(c, agreementId, req, ct)));
    }
}
