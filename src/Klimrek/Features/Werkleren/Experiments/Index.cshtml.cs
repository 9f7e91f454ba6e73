using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.Werkleren.Experiments;

/// <summary>My learning experiments: invitations waiting for an answer, my own, and those I joined.</summary>
public sealed class IndexModel(ExperimentService experiments) : ExperimentPage
{
    public ExperimentService.Overview Overview { get; private set; } = null!;
    public Dictionary<string, string> Owners { get; } = [];

    private async Task LoadAsync(CancellationToken ct)
    {
        Overview = await experiments.OverviewAsync(UserId, ct);
        foreach (var id in Overview.Joined.Select(e => e.OwnerId).Distinct()) Owners[id] = await experiments.NameOfAsync(id, ct);
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Joins or declines an invitation from the list.</summary>
    public async Task<IActionResult> OnPostRespondAsync(int experimentId, bool accept, CancellationToken ct)
    {
        ExperimentAccess? a = null;
        var (ok, status) = await TryAsync(async () => a = await experiments.AccessAsync(User, experimentId, ct));
        if (status is not null) return status;
        return await ChangeAsync(() => experiments.RespondAsync(a!, accept, ct), () => LoadAsync(ct),
            accept ? "Je doet mee met dit experiment." : "Je hebt de uitnodiging afgeslagen.",
            () => accept ? ExperimentService.Link(experimentId) : "/werkleren/experimenten");
    }
}
