using Klimrek.Data;
using Klimrek.Features.Atlas;
using Klimrek.Features.Career;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Security.Claims;

namespace Klimrek.Features.Career.Coaching;

/// <summary>A shared profile, read-only, with the person's next steps as they see them. Not shared: 404.</summary>
public sealed class CoachingProfileModel(ProfileService profiles, TransitionService transitions, KlimrekDbContext db, AccessLog log) : PageModel
{
    public string Name { get; private set; } = "";
    public ProfileDocument Document { get; private set; } = null!;
    public IReadOnlyList<TransitionView> Steps { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string userId, CancellationToken ct)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var profile = await profiles.ReadableAsync(userId, me, User.IsInRole(Roles.Begeleider), ct);
        if (profile is null) return NotFound();
        await log.RecordAsync(User, userId, AccessKind.ProfileRead, null, ct);
        Name = (await db.Users.FindAsync([userId], ct))?.DisplayName ?? "";
        Document = await profiles.ExportAsync(profile, ct);
        var lang = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nl";
        if (profile.Skills.Count > 0)
            Steps = await transitions.TransitionsAsync(await profiles.SourceAsync(profile, Name, ct), new TransitionFilter(Limit: 10), lang, ct);
        return Page();
    }
}
