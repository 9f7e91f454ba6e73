using Klimrek.Data;
using Klimrek.Features.Esco;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Errors;
using Klimrek.Infrastructure.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using System.Security.Claims;
using System.Text;

namespace Klimrek.Features.Career;

/// <summary>
/// Transitions and paths (public for occupations, as the atlas), the person's own profile (<c>/me</c>: the owner
/// only), profiles shared with a begeleider, and the labour-market import (beheerder).
/// </summary>
public static class CareerApi
{
    public sealed record TransitionsResponse(string From, string FromUri, int Count, IReadOnlyList<TransitionView> Items, bool MarketDataAvailable);
    /// <summary>The default answer of the transitions routes: each transition without its skill lists (see <see cref="TransitionSummary"/>).</summary>
    public sealed record TransitionSummariesResponse(string From, string FromUri, int Count, IReadOnlyList<TransitionSummary> Items, bool MarketDataAvailable);
    public sealed record PathResponse(string From, string To, string ToUri, RouteView Route);

    public static RouteGroupBuilder MapCareerApi(this RouteGroupBuilder api)
    {
        var occ = api.MapGroup("/occupations").WithTags("Transitions").AllowAnonymous().CacheOutput(CareerModule.TransitionsCachePolicy);
        occ.MapGet("/{id}/transitions", OccupationTransitions).WithName("OccupationTransitions")
            .WithSummary("Occupations to move to from this one, best first, with the size of the gap, the first skills to learn and an explanation; detail=full adds the matching, partial and missing skills themselves. Filters: sector, isco (group prefix), scope (within|across), direction (up|level|down: only upskilling, reskilling at the same level or downskilling; without it every move, steps down last).");
        occ.MapGet("/{id}/transitions/{target}", OccupationTransition).WithName("OccupationTransition")
            .WithSummary("One transition in full: every requirement of the target and whether it is held, partly held or to learn.");

        api.MapGet("/paths", Paths).WithTags("Transitions").WithName("Paths").AllowAnonymous()
            .WithSummary("Best route to an occupation through at most 3 intermediate occupations, minimising the total gap. from = occupation id/URI/UUID, or 'me' (signed in) for your profile.");

        var me = api.MapGroup("/me").WithTags("Profile").RequireAuthorization();
        me.MapGet("/profile", GetProfile).WithName("GetMyProfile").WithSummary("Your skills profile in the open klimrek-skills-profile JSON format (ESCO URIs).");
        me.MapPut("/profile", PutProfile).WithName("ImportMyProfile").Accepts<ProfileDocument>("application/json")
            .WithSummary("Replaces your profile with a klimrek-skills-profile document, or with mode=merge adds what it holds to your profile; all or nothing, every problem listed.");
        me.MapGet("/profile.csv", GetProfileCsv).WithName("ExportMyProfileCsv").WithSummary("Your profile's skills as CSV.");
        me.MapGet("/transitions", MyTransitions).WithName("MyTransitions")
            .WithSummary("Occupations ranked for your profile, personal fit and labour-market fit shown side by side; detail=full adds the skill lists.");

        api.MapGet("/profiles/{userId}", SharedProfile).WithTags("Profile").WithName("SharedProfile")
            .RequireAuthorization(Policies.Begeleider)
            .WithSummary("A profile a person shared with you (begeleider). Not shared: 404.");

        api.MapPost("/labour-market", ImportLabourMarket).WithTags("Labour market").WithName("ImportLabourMarket")
            .RequireAuthorization(Policies.Beheerder).Accepts<string>("text/csv")
            .WithSummary("Replaces the labour-market indicators with a CSV (isco;regio;spanning); all or nothing, rejected rows listed.");
        return api;
    }

    private static string Lang(string? lang) => lang == "en" ? "en" : "nl";

    private static void CheckDetail(string? detail, Dictionary<string, string[]> errors)
    {
        if (detail is not null and not ("summary" or "full")) errors["detail"] = ["detail must be 'summary' (the default) or 'full'."];
    }

    private static ValidationProblem? CheckLang(string? lang, Dictionary<string, string[]> errors)
    {
        if (lang is not null and not ("nl" or "en")) errors["lang"] = ["lang must be 'nl' or 'en'."];
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : null;
    }

    private static ProblemHttpResult NotFound(string what) => TypedResults.Problem(statusCode: 404, title: $"{what} not found",
        detail: $"No {what.ToLowerInvariant()} has this id, ESCO concept URI or UUID.");

    private static async Task<int?> ResolveIndexAsync(string id, TransitionService service, CancellationToken ct)
    {
        var s = await service.SnapshotAsync(ct);
        return s.Catalogue.ResolveOccupation(id) is int d && s.OccupationIndex.TryGetValue(d, out var i) ? i : null;
    }

    private static async Task<Results<Ok<TransitionSummariesResponse>, Ok<TransitionsResponse>, ValidationProblem, ProblemHttpResult>> OccupationTransitions(
        string id, int? limit, string? sector, string? isco, string? scope, string? direction, string? region, string? lang, string? detail,
        TransitionService service, LabourMarketService market, CancellationToken ct)
    {
        var filter = new TransitionFilter(sector, isco, scope, limit ?? 20, direction);
        var errors = filter.Validate();
        if (region is { Length: > 100 }) errors["region"] = ["region is at most 100 characters."];
        CheckDetail(detail, errors);
        if (CheckLang(lang, errors) is { } problem) return problem;
        if (await ResolveIndexAsync(id, service, ct) is not int index) return NotFound("Occupation");
        var s = await service.SnapshotAsync(ct);
        var source = TransitionService.FromOccupation(s, index, Lang(lang)) with { Region = region };
        var items = await service.TransitionsAsync(source, filter, Lang(lang), ct);
        var marketData = (await market.SnapshotAsync(ct)).Any;
        if (detail == "full")
            return TypedResults.Ok(new TransitionsResponse(source.Name, s.Occupation(index).Uri, items.Count, items, marketData));
        return TypedResults.Ok(new TransitionSummariesResponse(source.Name, s.Occupation(index).Uri, items.Count, items.Select(TransitionSummary.Of).ToList(), marketData));
    }

    private static async Task<Results<Ok<TransitionView>, ValidationProblem, ProblemHttpResult>> OccupationTransition(
        string id, string target, string? lang, TransitionService service, CancellationToken ct)
    {
        if (CheckLang(lang, []) is { } problem) return problem;
        if (await ResolveIndexAsync(id, service, ct) is not int from) return NotFound("Occupation");
        if (await ResolveIndexAsync(target, service, ct) is not int to) return NotFound("Occupation");
        var s = await service.SnapshotAsync(ct);
        return TypedResults.Ok(await service.DescribeAsync(TransitionService.FromOccupation(s, from, Lang(lang)), to, Lang(lang), ct));
    }

    private static async Task<Results<Ok<PathResponse>, ValidationProblem, ProblemHttpResult, UnauthorizedHttpResult>> Paths(
        string? from, string? to, string? lang, ClaimsPrincipal user, TransitionService service, ProfileService profiles, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(from)) errors["from"] = ["from is required: an occupation id, ESCO URI or UUID, or 'me'."];
        if (string.IsNullOrWhiteSpace(to)) errors["to"] = ["to is required: an occupation id, ESCO URI or UUID."];
        if (CheckLang(lang, errors) is { } problem) return problem;
        var language = Lang(lang);
        if (await ResolveIndexAsync(to!, service, ct) is not int target) return NotFound("Occupation");
        var s = await service.SnapshotAsync(ct);
        TransitionSource source;
        if (from == "me")
        {
            if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId) return TypedResults.Unauthorized();
            var profile = await profiles.GetOrCreateAsync(userId, ct);
            source = await profiles.SourceAsync(profile, language == "en" ? "your profile" : "je profiel", ct);
        }
        else if (await ResolveIndexAsync(from!, service, ct) is int fromIndex)
            source = TransitionService.FromOccupation(s, fromIndex, language);
        else return NotFound("Occupation");
        var route = await service.RouteAsync(source, target, language, ct);
        return TypedResults.Ok(new PathResponse(source.Name, s.Occupation(target).LocalLabel(language).Text, s.Occupation(target).Uri, route));
    }

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private static async Task<Ok<ProfileDocument>> GetProfile(ClaimsPrincipal user, ProfileService profiles, CancellationToken ct)
    {
        var p = await profiles.GetOrCreateAsync(UserId(user), ct);
        return TypedResults.Ok(await profiles.ExportAsync(p, ct));
    }

    private static async Task<Results<Ok<ProfileDocument>, ProblemHttpResult>> PutProfile(string? mode, HttpRequest request, ClaimsPrincipal user, ProfileService profiles, CancellationToken ct)
    {
        if (mode is not (null or "replace" or "merge"))
            throw ProblemException.Field("mode", "Kies 'replace' (vervangen) of 'merge' (samenvoegen).");
        if (request.ContentLength > ProfileService.MaxImportBytes)
            return TypedResults.Problem(statusCode: 413, title: "Profile too large", detail: $"A profile document is at most {ProfileService.MaxImportBytes / 1024} kB.");
        var body = new byte[ProfileService.MaxImportBytes + 1];
        int read = 0, n;
        while (read < body.Length && (n = await request.Body.ReadAsync(body.AsMemory(read), ct)) > 0) read += n;
        if (read > ProfileService.MaxImportBytes)
            return TypedResults.Problem(statusCode: 413, title: "Profile too large", detail: $"A profile document is at most {ProfileService.MaxImportBytes / 1024} kB.");
        var p = await profiles.GetOrCreateAsync(UserId(user), ct);
        await profiles.ImportAsync(p, body.AsMemory(0, read), ct, merge: mode == "merge"); // a problem is a 400 with every field error, written by the exception handler
        return TypedResults.Ok(await profiles.ExportAsync(p, ct));
    }

    private static async Task<FileContentHttpResult> GetProfileCsv(ClaimsPrincipal user, ProfileService profiles, CancellationToken ct)
    {
        var p = await profiles.GetOrCreateAsync(UserId(user), ct);
        return TypedResults.File(Encoding.UTF8.GetBytes(await profiles.ExportCsvAsync(p, ct)), "text/csv; charset=utf-8", "klimrek-profiel.csv");
    }

    private static async Task<Results<Ok<TransitionSummariesResponse>, Ok<TransitionsResponse>, ValidationProblem>> MyTransitions(
        int? limit, string? sector, string? isco, string? scope, string? direction, string? lang, string? detail, ClaimsPrincipal user,
        TransitionService service, ProfileService profiles, LabourMarketService market, CancellationToken ct)
    {
        var filter = new TransitionFilter(sector, isco, scope, limit ?? 20, direction);
        var errors = filter.Validate();
        CheckDetail(detail, errors);
        if (CheckLang(lang, errors) is { } problem) return problem;
        var p = await profiles.ReadOnlyAsync(UserId(user), ct);
        var source = await profiles.SourceAsync(p, Lang(lang) == "en" ? "your profile" : "je profiel", ct);
        var items = await service.TransitionsAsync(source, filter, Lang(lang), ct);
        var marketData = (await market.SnapshotAsync(ct)).Any;
        if (detail == "full")
            return TypedResults.Ok(new TransitionsResponse(source.Name, "", items.Count, items, marketData));
        return TypedResults.Ok(new TransitionSummariesResponse(source.Name, "", items.Count, items.Select(TransitionSummary.Of).ToList(), marketData));
    }

    private static async Task<Results<Ok<ProfileDocument>, ProblemHttpResult>> SharedProfile(string userId, ClaimsPrincipal user, ProfileService profiles,
        AccessLog log, CancellationToken ct)
    {
        var p = await profiles.ReadableAsync(userId, UserId(user), user.IsInRole(Roles.Begeleider), ct);
        if (p is null)
            return TypedResults.Problem(statusCode: 404, title: "Profile not found", detail: "No profile with this id was shared with you.");
        await log.RecordAsync(user, userId, AccessKind.ProfileRead, null, ct);
        return TypedResults.Ok(await profiles.ExportAsync(p, ct));
    }

    private static async Task<Results<Ok<LabourMarketImportResult>, ProblemHttpResult>> ImportLabourMarket(
        HttpRequest request, ClaimsPrincipal user, LabourMarketService market, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await market.ImportAsync(request.Body, "API", user.Identity?.Name ?? "?", ct);
        if (!result.Applied)
        {
            var errors = result.Errors.Select(e => new { line = e.Line, message = e.Text.Args.Length == 0 ? l[e.Text.Key].Value : l[e.Text.Key, e.Text.Args].Value }).ToList();
            return TypedResults.Problem(statusCode: 400, title: "The labour-market file was rejected; nothing was changed",
                detail: string.Join(" ", errors.Take(20).Select(e => $"{l["regel"]} {e.line}: {e.message}")),
                extensions: new Dictionary<string, object?> { ["errors"] = errors });
        }
        return TypedResults.Ok(result);
    }
}

