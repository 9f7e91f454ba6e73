using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;

namespace Klimrek.Features.Werkleren.Sharing;

/// <summary>
/// Sharing over HTTP, under <c>/api/v1/me/werkleren</c>: whom you named (relations), what others shared with you
/// (shared-with-me, where you may comment), and the comments on your own items. Someone who was not named gets 404.
/// </summary>
public static class SharingApi
{
    private static string Me(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;
    private static string Lang(string? lang) =>
        lang == "en" || (lang is null && System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en") ? "en" : "nl";

    public static void Map(RouteGroupBuilder w)
    {
        w.MapGet("/relations", RelationsAsync).WithName("ListWorkRelations").WithSummary("Whom you named as leidinggevende or begeleider.");
        w.MapPost("/relations", NameAsync).WithName("NameWorkRelation")
            .WithSummary("Names an account as your leidinggevende or begeleider (kind) by its e-mail address. The answer is the same whether or not the address "
                + "belongs to an account that can be named (a confirmed address; for begeleider, the begeleider role): see the list for who is named.")
            .ProducesValidationProblem();
        w.MapDelete("/relations/{relationId:int}", RemoveAsync).WithName("RemoveWorkRelation").WithSummary("Stops naming someone: they no longer see anything of yours.");
        w.MapGet("/shared-with-me", PeopleAsync).WithName("PeopleSharingWithMe").WithSummary("The people who named you as their leidinggevende or begeleider.");
        w.MapGet("/shared-with-me/{ownerId}", SharedAsync).WithName("SharedWithMe")
            .WithSummary("What this person shared with you (only that), with your own comments on it. Every read is in their access log. 404 when you were not named.")
            .ProducesProblem(404);
        w.MapPost("/shared-with-me/{ownerId}/comments", CommentAsync).WithName("CommentOnSharedItem")
            .WithSummary("Comments on an item the person shared with you: itemKind (plan, cycle, experiment, checkin, conversation, driver, theme), itemId, text. "
                + "The person is notified. 404 when the item is not shared with you.").ProducesValidationProblem().ProducesProblem(404);
        w.MapGet("/comments", CommentsAsync).WithName("CommentsOnMyItems").WithSummary("Comments on your items by those you shared them with, newest first.");
    }

    public static async Task<Ok<List<RelationView>>> RelationsAsync(ClaimsPrincipal user, SharingService sharing, CancellationToken ct) =>
        TypedResults.Ok(await sharing.RelationsAsync(Me(user), ct));

    public static async Task<Accepted<RelationAccepted>> NameAsync(RelationRequest req, ClaimsPrincipal user, SharingService sharing,
        Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        await sharing.NameAsync(user, req, ct);
        return TypedResults.Accepted("/api/v1/me/werkleren/relations", new RelationAccepted(l[SharingService.NamedMessage].Value));
    }

    public static async Task<NoContent> RemoveAsync(int relationId, ClaimsPrincipal user, SharingService sharing, CancellationToken ct)
    {
        await sharing.RemoveAsync(Me(user), relationId, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<SharingPerson>>> PeopleAsync(ClaimsPrincipal user, SharingService sharing, CancellationToken ct) =>
        TypedResults.Ok(await sharing.PeopleAsync(Me(user), ct));

    public static async Task<Ok<SharedView>> SharedAsync(string ownerId, string? lang, ClaimsPrincipal user, SharingService sharing, CancellationToken ct) =>
        TypedResults.Ok(await sharing.ViewAsync(user, ownerId, Lang(lang), ct));

    public static async Task<Created<CommentView>> CommentAsync(string ownerId, CommentRequest req, ClaimsPrincipal user, SharingService sharing, CancellationToken ct)
    {
        var c = await sharing.CommentAsync(user, ownerId, req, ct);
        return TypedResults.Created($"/api/v1/me/werkleren/shared-with-me/{ownerId}", c);
    }

    public static async Task<Ok<List<OwnerCommentView>>> CommentsAsync(string? lang, ClaimsPrincipal user, SharingService sharing, CancellationToken ct) =>
        TypedResults.Ok(await sharing.CommentsOnMyItemsAsync(Me(user), Lang(lang), ct));
}
