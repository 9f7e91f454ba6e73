using Klimrek.Features.Werkleren.Cycle;
using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.Werkleren.Sharing;

/// <summary>
/// What one person shared with the viewer, and only that; the viewer comments on an item. A viewer the person did not
/// name (or a begeleider without the role) gets 404. Every read is in the person's access log.
/// </summary>
public sealed class GedeeldPersonModel(SharingService sharing) : CyclePage
{
    public SharedView View { get; private set; } = null!;

    /// <summary>The item a refused comment was for, and its text, to show again.</summary>
    public (string Kind, int Id, string? Text)? Draft { get; private set; }

    public async Task<IActionResult> OnGetAsync(string ownerId, CancellationToken ct)
    {
        try { View = await sharing.ViewAsync(User, ownerId, Language, ct); }
        catch (ProblemException e) { return StatusOf(e); }
        return Page();
    }

    public async Task<IActionResult> OnPostCommentAsync(string ownerId, string? itemKind, int? itemId, string? text, CancellationToken ct)
    {
        Draft = (itemKind ?? "", itemId ?? 0, text);
        return await ChangeAsync(() => sharing.CommentAsync(User, ownerId, new CommentRequest(itemKind, itemId, text), ct),
            async () => View = await sharing.ViewAsync(User, ownerId, Language, ct), "Je reactie is geplaatst.", () => $"/werkleren/gedeeld/{ownerId}#{itemKind}-{itemId}");
    }
}
