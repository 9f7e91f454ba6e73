using Klimrek.Features.Career.Coaching;
using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.Career.Profile;

/// <summary>
/// The person's side of the career-guidance conversations: per begeleider the profile is shared with, whether the
/// conversation is allowed (the person's consent, given and withdrawn here), and the conversation itself.
/// </summary>
public sealed class GuidanceModel(ProfileService profiles, TransitionService transitions, GuidanceService guidance) : ProfilePage
{
    [BindProperty(SupportsGet = true, Name = "met")] public string? With { get; set; }
    public List<(string Id, string Name, bool Allowed)> Begeleiders { get; private set; } = [];
    public GuidanceFormModel? Guidance { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(null, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(Func<GuidanceFormModel, GuidanceFormModel>? refill, CancellationToken ct)
    {
        Begeleiders = await guidance.MyBegeleidersAsync(UserId, ct);
        if (Begeleiders.Count == 0) return With is null;
        With ??= Begeleiders[0].Id;
        if (Begeleiders.All(b => b.Id != With)) return false;
        var conversation = await guidance.ReadAsync(User, UserId, false, UserId, With, Language, ct);
        var profile = await profiles.GetOrCreateAsync(UserId, ct);
        var steps = profile.Skills.Count == 0 ? [] : await transitions.TransitionsAsync(await profiles.SourceAsync(profile, "", ct), new TransitionFilter(Limit: 10), Language, ct);
        Guidance = new GuidanceFormModel(conversation, true, steps.Select(t => (t.Target.Id, t.TargetLabel.Text)).ToList());
        if (refill is not null) Guidance = refill(Guidance);
        return true;
    }

    public Task<IActionResult> OnPostAllowAsync(bool allow, CancellationToken ct) =>
        ChangeAsync(() => guidance.AllowAsync(UserId, With ?? "", allow, ct), null,
            allow ? "Het loopbaangesprek staat aan: jullie zien allebei wat er is opgeschreven." : "Het loopbaangesprek staat uit: je begeleider ziet het niet meer. Jij houdt alles.", ct);

    public Task<IActionResult> OnPostGuidanceAddAsync(string? kind, string? text, int? occupationId, CancellationToken ct) =>
        ChangeAsync(() => GuidanceApi.TryKind(kind, out var k)
                ? guidance.AddAsync(UserId, false, UserId, With ?? "", k, text, occupationId, ct)
                : throw ProblemException.Field("kind", "Kies een aantekening, een afspraak of een route."),
            g => g with { Kind = kind, Text = text, OccupationId = occupationId }, "Toegevoegd aan het loopbaangesprek.", ct);

    public Task<IActionResult> OnPostGuidanceDoneAsync(int entryId, bool done, CancellationToken ct) =>
        ChangeAsync(() => guidance.SetDoneAsync(UserId, false, entryId, done, ct), null, done ? "De afspraak staat op gedaan." : "De afspraak staat weer open.", ct);

    public Task<IActionResult> OnPostGuidanceDeleteAsync(int entryId, CancellationToken ct) =>
        ChangeAsync(() => guidance.DeleteAsync(UserId, false, entryId, ct), null, "Verwijderd uit het loopbaangesprek.", ct);

    private async Task<IActionResult> ChangeAsync(Func<Task> change, Func<GuidanceFormModel, GuidanceFormModel>? refill, string message, CancellationToken ct)
    {
        try
        {
            await change();
        }
        catch (ProblemException e) when (e.Status is 400 or 403 or 409)
        {
            var errors = GuidanceFormModel.Messages(e, L);
            return await LoadAsync(g => (refill?.Invoke(g) ?? g) with { Errors = errors }, ct) ? Page() : NotFound();
        }
        catch (ProblemException) { return NotFound(); }
        Message = message;
        return Redirect("/klimrek/begeleiding?met=" + Uri.EscapeDataString(With ?? "") + "#gesprek");
    }
}
