using Klimrek.Features.Career;
using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.Career.Profile;

/// <summary>One next step for the person: the gap from their profile, personal fit and labour-market fit side by side.</summary>
public sealed class MyTransitionModel(ProfileService profiles, TransitionService service) : ProfilePage
{
    public TransitionView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int target, CancellationToken ct)
    {
        var s = await service.SnapshotAsync(ct);
        if (!s.OccupationIndex.TryGetValue(target, out var index)) return NotFound();
        var profile = await profiles.GetOrCreateAsync(UserId, ct);
        var source = await profiles.SourceAsync(profile, L["je profiel"].Value, ct);
        View = await service.DescribeAsync(source, index, Language, ct);
        return Page();
    }
}
