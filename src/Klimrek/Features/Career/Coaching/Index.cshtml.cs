using Klimrek.Data;
using Klimrek.Features.Career;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Security.Claims;

namespace Klimrek.Features.Career.Coaching;

/// <summary>A begeleider sees only the profiles people shared with them.</summary>
public sealed class CoachingIndexModel(ProfileService profiles) : PageModel
{
    public IReadOnlyList<(KlimrekUser Owner, SkillProfile Profile)> Shared { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Shared = await profiles.SharedWithAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
}
