using Klimrek.Features.Werkleren.Cycle;
using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.Werkleren.Sharing;

/// <summary>
/// Whom the person shares with: naming a leidinggevende or begeleider by e-mail address (the answer never says whether
/// the address has an account), removing them, who named the person, and the comments on the person's items.
/// </summary>
public sealed class DelenModel(SharingService sharing) : CyclePage
{
    public List<RelationView> Relations { get; private set; } = [];
    public List<RelationView> NamedBy { get; private set; } = [];
    public List<OwnerCommentView> Comments { get; private set; } = [];
    public string? Email { get; private set; }
    public string? Kind { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Relations = await sharing.RelationsAsync(UserId, ct);
        NamedBy = await sharing.NamedByAsync(UserId, ct);
        Comments = await sharing.CommentsOnMyItemsAsync(UserId, Language, ct);
    }

    public async Task<IActionResult> OnPostNameAsync(string? email, string? kind, CancellationToken ct)
    {
        (Email, Kind) = (email, kind);
        return await ChangeAsync(() => sharing.NameAsync(User, new RelationRequest(email, kind), ct), () => LoadAsync(ct), SharingService.NamedMessage, () => "/werkleren/delen");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int relationId, CancellationToken ct) =>
        await ChangeAsync(() => sharing.RemoveAsync(UserId, relationId, ct), () => LoadAsync(ct), "Die persoon ziet niets meer van wat je deelde.", () => "/werkleren/delen");
}
