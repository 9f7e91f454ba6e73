using Klimrek.Data;
using Klimrek.Features.Atlas;
using Klimrek.Features.Career;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Errors;
using Klimrek.Infrastructure.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using System.Security.Claims;

namespace Klimrek.Features.Career.Coaching;

/// <summary>
/// A shared profile, read-only, with the person's next steps as they see them, and the career-guidance conversation
/// with the person (once the person allowed it). Not shared: 404.
/// </summary>
public sealed class CoachingProfileModel(ProfileService profiles, TransitionService transitions, GuidanceService guidance, KlimrekDbContext db, AccessLog log,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public string Name { get; private set; } = "";
    public ProfileDocument Document { get; private set; } = null!;
    public IReadOnlyList<TransitionView> Steps { get; private set; } = [];
    public GuidanceFormModel Guidance { get; private set; } = null!;
    [TempData] public string? Message { get; set; }

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
    private static string Lang => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nl";

    public async Task<IActionResult> OnGetAsync(string userId, CancellationToken ct) => await LoadAsync(userId, null, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(string userId, Func<GuidanceFormModel, GuidanceFormModel>? refill, CancellationToken ct)
    {
        var profile = await profiles.ReadableAsync(userId, Me, User.IsInRole(Roles.Begeleider), ct);
        if (profile is null || userId == Me) return false;
        await log.RecordAsync(User, userId, AccessKind.ProfileRead, null, ct);
        Name = (await db.Users.FindAsync([userId], ct))?.DisplayName ?? "";
        Document = await profiles.ExportAsync(profile, ct);
        if (profile.Skills.Count > 0)
            Steps = await transitions.TransitionsAsync(await profiles.SourceAsync(profile, Name, ct), new TransitionFilter(Limit: 10), Lang, ct);
        var conversation = await guidance.ReadAsync(User, Me, true, userId, Me, Lang, ct);
        Guidance = new GuidanceFormModel(conversation, false, Steps.Select(t => (t.Target.Id, t.TargetLabel.Text)).ToList());
        if (refill is not null) Guidance = refill(Guidance);
        return true;
    }

    public Task<IActionResult> OnPostGuidanceAddAsync(string userId, string? kind, string? text, int? occupationId, CancellationToken ct) =>
        ChangeAsync(userId, () => GuidanceApi.TryKind(kind, out var k)
                ? guidance.AddAsync(Me, true, userId, Me, k, text, occupationId, ct)
                : throw ProblemException.Field("kind", "Kies een aantekening, een afspraak of een route."),
            g => g with { Kind = kind, Text = text, OccupationId = occupationId }, "Toegevoegd aan het loopbaangesprek.", ct);

    public Task<IActionResult> OnPostGuidanceDoneAsync(string userId, int entryId, bool done, CancellationToken ct) =>
        ChangeAsync(userId, () => guidance.SetDoneAsync(Me, true, entryId, done, ct), null, done ? "De afspraak staat op gedaan." : "De afspraak staat weer open.", ct);

    public Task<IActionResult> OnPostGuidanceDeleteAsync(string userId, int entryId, CancellationToken ct) =>
        ChangeAsync(userId, () => guidance.DeleteAsync(Me, true, entryId, ct), null, "Verwijderd uit het loopbaangesprek.", ct);

    private async Task<IActionResult> ChangeAsync(string userId, Func<Task> change, Func<GuidanceFormModel, GuidanceFormModel>? refill, string message, CancellationToken ct)
    {
        try
        {
            await change();
        }
        catch (ProblemException e) when (e.Status is 400 or 403 or 409)
        {
            // A refusal (also 403: the person turned the conversation off while this page was open) says why on the
            // page itself; the "no access" page would tell a begeleider that only begeleiders come here.
            var errors = GuidanceFormModel.Messages(e, l);
            return await LoadAsync(userId, g => (refill?.Invoke(g) ?? g) with { Errors = errors }, ct) ? Page() : NotFound();
        }
        catch (ProblemException) { return NotFound(); }
        Message = message;
        return Redirect($"/begeleiding/{Uri.EscapeDataString(userId)}#gesprek");
    }
}
