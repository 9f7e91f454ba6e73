using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Globalization;
using System.Security.Claims;

namespace Klimrek.Features.Career.Coaching;

/// <summary>
/// The career-guidance conversation over the API: the person under <c>/me/guidance</c>, the begeleider under
/// <c>/profiles/{userId}/guidance</c>, and one line under <c>/guidance/entries/{entryId}</c> for either of them.
/// </summary>
public static class GuidanceApi
{
    public sealed record BegeleiderItem(string BegeleiderId, string Name, bool ConversationAllowed);
    public sealed record ConsentRequest(bool Allowed);
    /// <summary>kind: aantekening (a note), afspraak (an agreed next step) or route (the occupation chosen; text optional).</summary>
    public sealed record EntryRequest(string? Kind, string? Text, int? OccupationId);
    public sealed record DoneRequest(bool Done);
    public sealed record EntryView(int Id, string Kind, string Text, string WrittenBy, DateTime CreatedAt, DateTime? DoneAt, int? OccupationId, string? OccupationLabel);
    public sealed record ConversationView(string OwnerName, string BegeleiderName, bool Allowed, EntryView? Route, IReadOnlyList<EntryView> Entries);

    public static RouteGroupBuilder MapGuidanceApi(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me/guidance").WithTags("Guidance").RequireAuthorization();
        me.MapGet("", MyBegeleiders).WithName("MyGuidance").WithSummary("The begeleiders your profile is shared with, and whether you allowed a conversation with each.");
        me.MapGet("/{begeleiderId}", MyConversation).WithName("MyGuidanceConversation").WithSummary("Your career-guidance conversation with one begeleider: notes, agreed steps, the chosen route.");
        me.MapPut("/{begeleiderId}/consent", Consent).WithName("AllowGuidanceConversation").ProducesProblem(404)
            .WithSummary("Allow (or stop) the conversation with a begeleider your profile is shared with. Stopping keeps the lines for you.");
        me.MapPost("/{begeleiderId}/entries", (string begeleiderId, EntryRequest req, ClaimsPrincipal user, GuidanceService g, CancellationToken ct) =>
                AddAsync(UserId(user), begeleiderId, req, user, g, ct))
            .WithName("AddMyGuidanceEntry").ProducesValidationProblem().ProducesProblem(403).WithSummary("Write a note, an agreed step or the chosen route.");

        var coach = api.MapGroup("/profiles/{userId}/guidance").WithTags("Guidance").RequireAuthorization(Policies.Begeleider);
        coach.MapGet("", CoachConversation).WithName("GuidanceConversation").ProducesProblem(404)
            .WithSummary("The conversation with a person who shared the profile with you; its lines only once the person allowed it.");
        coach.MapPost("/entries", (string userId, EntryRequest req, ClaimsPrincipal user, GuidanceService g, CancellationToken ct) =>
                AddAsync(userId, UserId(user), req, user, g, ct))
            .WithName("AddGuidanceEntry").ProducesValidationProblem().ProducesProblem(403).WithSummary("Write in the conversation (begeleider).");

        var entry = api.MapGroup("/guidance/entries/{entryId:int}").WithTags("Guidance").RequireAuthorization();
        entry.MapPut("", async (int entryId, DoneRequest req, ClaimsPrincipal user, GuidanceService g, CancellationToken ct) =>
        {
            await g.SetDoneAsync(UserId(user), user.IsInRole(Roles.Begeleider), entryId, req.Done, ct);
            return TypedResults.NoContent();
        }).WithName("SetGuidanceStepDone").ProducesProblem(404).WithSummary("Mark an agreed step done, or not done.");
        entry.MapDelete("", async (int entryId, ClaimsPrincipal user, GuidanceService g, CancellationToken ct) =>
        {
            await g.DeleteAsync(UserId(user), user.IsInRole(Roles.Begeleider), entryId, ct);
            return TypedResults.NoContent();
        }).WithName("DeleteGuidanceEntry").ProducesProblem(403).WithSummary("Delete a line: its writer, or the person, may.");
        return api;
    }

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;
    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nl";

    private static async Task<Ok<List<BegeleiderItem>>> MyBegeleiders(ClaimsPrincipal user, GuidanceService g, CancellationToken ct) =>
        TypedResults.Ok((await g.MyBegeleidersAsync(UserId(user), ct)).Select(b => new BegeleiderItem(b.Id, b.Name, b.Allowed)).ToList());

    private static async Task<Ok<ConversationView>> MyConversation(string begeleiderId, ClaimsPrincipal user, GuidanceService g, CancellationToken ct) =>
        TypedResults.Ok(View(await g.ReadAsync(user, UserId(user), false, UserId(user), begeleiderId, Language, ct)));

    private static async Task<Ok<ConversationView>> CoachConversation(string userId, ClaimsPrincipal user, GuidanceService g, CancellationToken ct) =>
        TypedResults.Ok(View(await g.ReadAsync(user, UserId(user), true, userId, UserId(user), Language, ct)));

    private static async Task<NoContent> Consent(string begeleiderId, ConsentRequest req, ClaimsPrincipal user, GuidanceService g, CancellationToken ct)
    {
        await g.AllowAsync(UserId(user), begeleiderId, req.Allowed, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Created<EntryView>> AddAsync(string ownerId, string begeleiderId, EntryRequest req, ClaimsPrincipal user, GuidanceService g, CancellationToken ct)
    {
        _ = TryKind(req.Kind, out var kind); // an unknown kind stays 0: refused by the service after the access check
        var e = await g.AddAsync(UserId(user), user.IsInRole(Roles.Begeleider), ownerId, begeleiderId, kind, req.Text, req.OccupationId, ct);
        var line = new GuidanceLine(e.Id, e.Kind, e.Text, e.ByOwner, e.CreatedAt, e.DoneAt, e.OccupationId, null);
        return TypedResults.Created($"/api/v1/guidance/entries/{e.Id}", Entry(line));
    }

    /// <summary>The kind's API name (the Dutch word, lower case) to the kind.</summary>
    public static bool TryKind(string? name, out GuidanceEntryKind kind)
    {
        kind = default;
        return name is not null && !int.TryParse(name, CultureInfo.InvariantCulture, out _) && Enum.TryParse(name, ignoreCase: true, out kind) && Enum.IsDefined(kind);
    }

    private static EntryView Entry(GuidanceLine l) => new(l.Id, l.Kind.ToString().ToLowerInvariant(), l.Text, l.ByOwner ? "person" : "begeleider", l.CreatedAt, l.DoneAt, l.OccupationId, l.OccupationLabel);

    private static ConversationView View(GuidanceConversation c) =>
        new(c.OwnerName, c.BegeleiderName, c.Allowed, c.Route is { } r ? Entry(r) : null, c.Lines.Select(Entry).ToList());
}
