using Klimrek.Data;
using Klimrek.Features.Atlas;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using System.Security.Claims;

namespace Klimrek.Features.Curation;

/// <summary>
/// <c>/api/v1/skills/{id}/label</c>: our own Dutch name of a skill and its versions (public, like the beroepsbeeld
/// history), corrected by curators with optimistic concurrency (<c>If-Match</c> with the version, as the ETag says).
/// </summary>
public static class SkillLabelsApi
{
    public sealed record LabelRequest(string? Label, IReadOnlyList<string>? Synonyms, string? Note);
    public sealed record LabelVersionView(int Version, string Label, IReadOnlyList<string> Synonyms, string Author, DateTime CreatedAt, string? Note);
    /// <summary><c>official</c>: ESCO has a Dutch label (it wins; ours cannot be corrected). <c>version</c> 0: our label as shipped.</summary>
    public sealed record LabelView(int Id, string Uri, string Label, IReadOnlyList<string> Synonyms, bool Official, int Version, IReadOnlyList<LabelVersionView> Versions);

    public static RouteGroupBuilder MapSkillLabelsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/skills/{id}/label").WithTags("Skills");
        g.MapGet("/", GetAsync).AllowAnonymous().WithName("GetSkillLabel").ProducesProblem(404)
            .WithSummary("Klimrek's own Dutch label and synonyms of a skill, with every curator's correction (newest first). Sends the version as ETag.");
        g.MapPut("/", PutAsync).RequireAuthorization(Policies.Curator).WithName("CorrectSkillLabel")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("A curator corrects our Dutch label and synonyms of a skill without an official Dutch label: saved as a new version. "
                + "Send the version in If-Match (\"3\"): 409 when someone saved a newer one meanwhile.");
        g.MapPost("/versions/{version:int}/restore", RestoreAsync).RequireAuthorization(Policies.Curator).WithName("RestoreSkillLabel")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Saves an earlier version as a new version (history is kept). If-Match as for PUT.");
        return api;
    }

    private static async Task<Ok<LabelView>> GetAsync(string id, SkillLabelCuration labels, Esco.EscoCatalogue catalogue, HttpContext http, CancellationToken ct)
    {
        var state = await StateAsync(id, labels, catalogue, ct);
        http.Response.Headers.ETag = $"\"{state.Version}\"";
        return TypedResults.Ok(View(state));
    }

    private static async Task<Ok<LabelView>> PutAsync(string id, LabelRequest req, SkillLabelCuration labels, Esco.EscoCatalogue catalogue,
        UserManager<KlimrekUser> users, ClaimsPrincipal principal, HttpContext http, CancellationToken ct)
    {
        var state = await StateAsync(id, labels, catalogue, ct);
        var user = await users.GetUserAsync(principal);
        await labels.SaveAsync(state.Skill.Id, Versions.FromIfMatch(http), req.Label, req.Synonyms, req.Note, user?.Id, NameOf(user), ct);
        var now = (await labels.GetAsync(state.Skill.Id, ct))!;
        http.Response.Headers.ETag = $"\"{now.Version}\"";
        return TypedResults.Ok(View(now));
    }

    private static async Task<Ok<LabelView>> RestoreAsync(string id, int version, SkillLabelCuration labels, Esco.EscoCatalogue catalogue,
        UserManager<KlimrekUser> users, ClaimsPrincipal principal, HttpContext http, CancellationToken ct)
    {
        var state = await StateAsync(id, labels, catalogue, ct);
        var user = await users.GetUserAsync(principal);
        await labels.RestoreAsync(state.Skill.Id, version, Versions.FromIfMatch(http), user?.Id, NameOf(user), ct);
        var now = (await labels.GetAsync(state.Skill.Id, ct))!;
        http.Response.Headers.ETag = $"\"{now.Version}\"";
        return TypedResults.Ok(View(now));
    }

    private static async Task<SkillLabelState> StateAsync(string id, SkillLabelCuration labels, Esco.EscoCatalogue catalogue, CancellationToken ct) =>
        SkillModel.Resolve(await catalogue.GetAsync(ct), id) is int sid && await labels.GetAsync(sid, ct) is { } s ? s : throw ProblemException.NotFound();

    private static string NameOf(KlimrekUser? user) => user?.DisplayName is { Length: > 0 } n ? n : user?.UserName ?? "onbekend";

    private static LabelView View(SkillLabelState s) => new(s.Skill.Id, s.Skill.Uri, s.Label, s.Synonyms, s.Official, s.Version,
        s.Revisions.Select(r => new LabelVersionView(r.Version, r.PreferredLabel, SkillLabelCuration.SplitSynonyms(r.Synonyms), r.AuthorName, r.CreatedAt, r.Note)).ToList());
}
