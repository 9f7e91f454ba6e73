using Klimrek.Data;
using Klimrek.Features.Atlas;
using Klimrek.Features.Career;
using Klimrek.Features.Esco;
using Klimrek.Features.Werkleren.Sharing;
using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.Werkleren.Cycle;

/// <summary>
/// The person's development plan (POP): ambition, what it gathers (themes, drivers, experiments, samen leren), skills to
/// develop from a Klimrek gap, learning activities and the experience/others/courses split, the conversations of the
/// cycle with their open agreements, and what is shared with whom.
/// </summary>
public sealed class PopModel(CycleService cycle, SharingService sharing, ProfileService profiles, TransitionService transitions, EscoCatalogue atlas) : CyclePage
{
    [BindProperty(SupportsGet = true, Name = "plan")] public int? PlanId { get; set; }
    [BindProperty(SupportsGet = true)] public int? Doel { get; set; }
    [BindProperty(SupportsGet = true)] public string? Zoek { get; set; }

    public List<DevelopmentPlan> Plans { get; private set; } = [];
    public DevelopmentPlan? Plan { get; private set; }
    public PlanView? View { get; private set; }
    public List<RelationView> Relations { get; private set; } = [];
    public List<OwnerCommentView> Comments { get; private set; } = [];
    public GapView? Gap { get; private set; }
    public string? GapError { get; private set; }
    public List<(int Id, LocalizedText Label)> Targets { get; private set; } = [];
    public OccupationSearchResult? Results { get; private set; }

    /// <summary>What the person typed in a refused form, shown again.</summary>
    public PlanInput? Input { get; private set; }
    public ActivityInput? NewActivity { get; private set; }

    public bool HasLeidinggevende => Relations.Any(r => r.Kind == "leidinggevende");
    public bool HasBegeleider => Relations.Any(r => r.Kind == "begeleider");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var ok = await LoadAsync(PlanId, ct);
        return ok ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int? planId, CancellationToken ct)
    {
        Plans = await cycle.PlansAsync(UserId, ct);
        if (Plans.Count == 0) return planId is null;
        var id = planId ?? Plans[0].Id;
        if (Plans.All(p => p.Id != id)) return false;
        PlanId = id;
        Plan = await cycle.OwnAsync(UserId, id, ct);
        View = await cycle.ViewAsync(Plan, Language, ct, current: Plans[0].Id == id);
        Relations = await sharing.RelationsAsync(UserId, ct);
        Comments = await sharing.CommentsOnMyItemsAsync(UserId, Language, ct, CommentKinds.Plan, id);
        if (Doel is int doel)
        {
            try { Gap = await cycle.GapAsync(Plan, doel, Language, ct); }
            catch (ProblemException) { GapError = "Dit beroep bestaat niet in Klimrek; kies een ander."; }
        }
        if (Zoek is { Length: > AtlasSearch.MaxQueryLength }) GapError = "De zoekterm is te lang (hoogstens 200 tekens).";
        else if (!string.IsNullOrWhiteSpace(Zoek)) Results = await AtlasSearch.SearchAsync(atlas, Zoek, 1, 10, Language, ct);
        var profile = await profiles.GetOrCreateAsync(UserId, ct);
        if (profile.Skills.Count > 0)
        {
            var source = await profiles.SourceAsync(profile, L["je profiel"].Value, ct);
            Targets = (await transitions.TransitionsAsync(source, new TransitionFilter(Limit: 6), Language, ct)).Select(t => (t.Target.Id, t.TargetLabel)).ToList();
        }
        return true;
    }

    private Func<Task> Reload(int? planId, CancellationToken ct) => async () =>
    {
        if (!await LoadAsync(planId, ct)) throw ProblemException.NotFound();
    };

    private static string Here(int? planId, string? anchor = null) => "/werkleren/pop" + (planId is int p ? $"?plan={p}" : "") + (anchor is null ? "" : "#" + anchor);

    public async Task<IActionResult> OnPostCreateAsync(string? title, DateOnly? startsOn, DateOnly? endsOn, string? ambition, CancellationToken ct)
    {
        Input = new PlanInput(title, startsOn, endsOn, ambition);
        DevelopmentPlan? created = null;
        return await ChangeAsync(async () => created = await cycle.CreateAsync(UserId, Input, ct), Reload(null, ct),
            "Je ontwikkelplan staat klaar.", () => Here(created!.Id));
    }

    public async Task<IActionResult> OnPostSaveAsync(int planId, string? title, DateOnly? startsOn, DateOnly? endsOn, string? ambition, CancellationToken ct)
    {
        Input = new PlanInput(title, startsOn, endsOn, ambition);
        return await ChangeAsync(async () => await cycle.UpdateAsync(await cycle.OwnAsync(UserId, planId, ct), Input, Version, ct), Reload(planId, ct),
            "Het plan is opgeslagen.", () => Here(planId, "ambitie"));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int planId, CancellationToken ct) =>
        await ChangeAsync(async () => await cycle.DeleteAsync(await cycle.OwnAsync(UserId, planId, ct), Version, ct), Reload(planId, ct),
            "Het plan is verwijderd.", () => Here(null));

    public async Task<IActionResult> OnPostShareAsync(int planId, string[]? leidinggevende, string[]? begeleider, CancellationToken ct) =>
        await ChangeAsync(async () =>
            {
                if (!CycleKeys.TryParts(leidinggevende, out var lg) || !CycleKeys.TryParts(begeleider, out var bg))
                    throw ProblemException.Invalid("Onbekend deel van het plan.");
                await cycle.ShareAsync(await cycle.OwnAsync(UserId, planId, ct), lg, bg, Version, CycleApi.DisplayName(User), ct);
            }, Reload(planId, ct), "Wat je deelt is aangepast.", () => Here(planId, "delen"));

    public async Task<IActionResult> OnPostAddSkillsAsync(int planId, int[]? skills, int? doel, CancellationToken ct)
    {
        Doel = doel;
        return await ChangeAsync(async () => await cycle.AddSkillsAsync(await cycle.OwnAsync(UserId, planId, ct), skills ?? [], doel, null, ct), Reload(planId, ct),
            "De vaardigheden staan in je plan.", () => Here(planId, "vaardigheden"));
    }

    public async Task<IActionResult> OnPostRemoveSkillAsync(int planId, int planSkillId, CancellationToken ct) =>
        await ChangeAsync(async () => await cycle.RemoveSkillAsync(await cycle.OwnAsync(UserId, planId, ct), planSkillId, ct), Reload(planId, ct),
            "De vaardigheid is uit je plan gehaald.", () => Here(planId, "vaardigheden"));

    public async Task<IActionResult> OnPostAddActivityAsync(int planId, string? title, string? form, string? source, DateOnly? date, string? hours, string? note,
        CancellationToken ct)
    {
        return await ChangeAsync(async () =>
            {
                NewActivity = new ActivityInput(title, form, source, date, null, note);
                NewActivity = NewActivity with { Hours = Number(hours) };
                await cycle.AddActivityAsync(await cycle.OwnAsync(UserId, planId, ct), NewActivity, ct);
            }, Reload(planId, ct), "De leeractiviteit is toegevoegd.", () => Here(planId, "activiteiten"));
    }

    public async Task<IActionResult> OnPostSaveActivityAsync(int planId, int activityId, string? title, string? form, string? source, DateOnly? date, string? hours,
        string? note, CancellationToken ct) =>
        await ChangeAsync(async () => await cycle.UpdateActivityAsync(await cycle.OwnAsync(UserId, planId, ct), activityId,
                new ActivityInput(title, form, source, date, Number(hours), note), ct), Reload(planId, ct),
            "De leeractiviteit is opgeslagen.", () => Here(planId, "activiteiten"));

    public async Task<IActionResult> OnPostRemoveActivityAsync(int planId, int activityId, CancellationToken ct) =>
        await ChangeAsync(async () => await cycle.RemoveActivityAsync(await cycle.OwnAsync(UserId, planId, ct), activityId, ct), Reload(planId, ct),
            "De leeractiviteit is verwijderd.", () => Here(planId, "activiteiten"));

    public async Task<IActionResult> OnPostAddConversationAsync(int planId, string? kind, DateOnly? date, CancellationToken ct)
    {
        CycleConversation? c = null;
        return await ChangeAsync(async () => c = await cycle.AddConversationAsync(await cycle.OwnAsync(UserId, planId, ct), new CycleInput(kind, date, null, null), ct),
            Reload(planId, ct), "Het gesprek staat in je plan. Bereid het hier voor.", () => $"/werkleren/pop/gesprekken/{c!.Id}");
    }

    public async Task<IActionResult> OnPostAgreementAsync(int planId, int cycleId, int agreementId, bool done, CancellationToken ct) =>
        await ChangeAsync(async () =>
            {
                var plan = await cycle.OwnAsync(UserId, planId, ct);
                await cycle.SetDoneAsync(await cycle.OwnConversationAsync(plan, cycleId, ct), agreementId, done, ct);
            }, Reload(planId, ct), done ? "De afspraak is gedaan." : "De afspraak staat weer open.", () => Here(planId, "afspraken"));
}
