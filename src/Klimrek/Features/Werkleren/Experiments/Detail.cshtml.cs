using Klimrek.Data;
using Klimrek.Features.Esco;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Klimrek.Features.Werkleren.Experiments;

/// <summary>
/// One experiment: the five questions (edited by the owner and colleagues who joined), its state with findings and next
/// step, the chain as a timeline, feedback moments, colleagues, sharing and — once closed — experience evidence for the
/// linked skills. A leidinggevende or begeleider it was shared with reads only; anyone else gets 404.
/// </summary>
public sealed class DetailModel(ExperimentService experiments, EscoCatalogue esco) : ExperimentPage
{
    [FromRoute] public int ExperimentId { get; set; }
    public ExperimentAccess Access { get; private set; } = null!;
    public Experiment E => Access.Experiment;
    [BindProperty] public ExperimentForm Form { get; set; } = new();
    [BindProperty] public int? Version { get; set; }
    public List<ChainStep> Chain { get; private set; } = [];
    public int? FollowUpId { get; private set; }
    public string OwnerName { get; private set; } = "";
    public Dictionary<int, LocalizedText> SkillLabels { get; } = [];
    public Dictionary<int, EvidenceKind> ProfileEvidence { get; private set; } = [];
    public List<string> DriverNames { get; } = [];

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var (_, status) = await TryAsync(async () => Access = await experiments.AccessAsync(User, ExperimentId, HttpContext.RequestAborted));
        if (status is not null)
        {
            context.Result = status;
            return;
        }
        await base.OnPageHandlerExecutionAsync(context, next);
    }

    private async Task LoadAsync(bool fillForm, CancellationToken ct)
    {
        (Chain, FollowUpId) = await experiments.ChainAsync(Access, ct);
        OwnerName = await experiments.NameOfAsync(E.OwnerId, ct);
        var catalogue = await esco.GetAsync(ct);
        foreach (var s in E.Skills.Where(s => catalogue.Skills.ContainsKey(s.SkillId))) SkillLabels[s.SkillId] = catalogue.Skills[s.SkillId].Label(Language);
        var english = Language == "en";
        var drivers = await experiments.DriversOfAsync(E.OwnerId, ct); // the owner's: read once for the names and the form's choices
        foreach (var d in E.Drivers.OrderBy(d => d.Key, StringComparer.Ordinal))
            DriverNames.Add(d.Key == Drivers.Eigen
                ? string.Join(", ", drivers.Where(x => x.Key == Drivers.Eigen).Select(x => Drivers.NameOf(x, english))) is { Length: > 0 } own ? own : Drivers.DutchName(d.Key)
                : english ? Drivers.EnglishName(d.Key) : Drivers.DutchName(d.Key));
        if (Access.IsOwner)
        {
            var skills = await experiments.ProfileSkillsOfAsync(E.OwnerId, ct);
            ProfileEvidence = skills.ToDictionary(s => s.SkillId, s => s.Evidence);
            await Form.LoadChoicesAsync(esco, drivers, skills, Language, ct);
        }
        Form.WithOutcome = true;
        if (fillForm || SavedMeanwhile)
        {
            if (fillForm)
            {
                (Form.Title, Form.WhatAndWhy, Form.Question, Form.Activity, Form.Needs, Form.FeedbackPlan, Form.Findings, Form.NextStep) =
                    (E.Title, E.WhatAndWhy, E.Question, E.Activity, E.Needs, E.FeedbackPlan, E.Findings, E.NextStep);
                Form.Drivers = E.Drivers.Select(d => d.Key).ToList();
                Form.SkillIds = E.Skills.Select(s => s.SkillId).ToList();
            }
            Version = E.Version;
        }
    }

    /// <summary>Linked skills that can still get experience evidence: not added yet and not held with stronger evidence.</summary>
    public IEnumerable<ExperimentSkill> EvidenceCandidates => E.Skills.Where(s => s.EvidenceAddedAt is null && ProfileEvidence.TryGetValue(s.SkillId, out var k)
                                                                                  && !ExperimentService.Stronger(k) && SkillLabels.ContainsKey(s.SkillId));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(true, ct);

    private string Here(string anchor) => ExperimentService.Link(ExperimentId) + "#" + anchor;

    private Task<IActionResult> Change(Func<Task> action, string message, string anchor, CancellationToken ct) =>
        ChangeAsync(action, () => LoadAsync(false, ct), message, () => Here(anchor));

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!Access.IsOwner) Form.LinksShown = false;
        return Change(() => experiments.UpdateAsync(Access, Form.Input(true), Version, ct), "Het experiment is opgeslagen.", "vragen", ct);
    }

    public Task<IActionResult> OnPostStateAsync(string to, string? findings, string? nextStep, List<int>? evidence, CancellationToken ct) =>
        Change(async () =>
        {
            await experiments.ChangeStateAsync(Access, to, findings, nextStep, null, ct);
            if (to == "afgerond" && evidence is { Count: > 0 }) await experiments.AddEvidenceAsync(Access, evidence, Language, ct);
        }, to switch
        {
            "loopt" => "Het experiment loopt.",
            "teruggekoppeld" => "De bevindingen zijn vastgelegd: het experiment is teruggekoppeld.",
            "afgerond" => evidence is { Count: > 0 } ? "Het experiment is afgerond en de ervaring staat in je skills-profiel." : "Het experiment is afgerond.",
            _ => "De stand van het experiment is veranderd.",
        }, "stand", ct);

    public Task<IActionResult> OnPostEvidenceAsync(List<int>? evidence, CancellationToken ct) =>
        Change(() => experiments.AddEvidenceAsync(Access, evidence, Language, ct), "De ervaring staat in je skills-profiel.", "ervaring", ct);

    public async Task<IActionResult> OnPostFollowUpAsync(CancellationToken ct)
    {
        Experiment? next = null;
        var (ok, status) = await TryAsync(async () => next = await experiments.FollowUpAsync(Access, null, ct));
        if (status is not null) return status;
        if (!ok)
        {
            await LoadAsync(false, ct);
            return Page();
        }
        Message = "Het vervolgexperiment staat klaar als idee.";
        return Redirect(ExperimentService.Link(next!.Id));
    }

    public Task<IActionResult> OnPostInviteAsync(string? email, CancellationToken ct) =>
        Change(() => experiments.InviteAsync(Access, email, ct), ExperimentsApi.InvitedMessage, "collegas", ct);

    public Task<IActionResult> OnPostRemoveMemberAsync(int memberId, CancellationToken ct) =>
        Change(() => experiments.RemoveMemberAsync(Access, memberId, ct), "Je collega doet niet meer mee met dit experiment.", "collegas", ct);

    public async Task<IActionResult> OnPostRespondAsync(bool accept, CancellationToken ct) =>
        await ChangeAsync(() => experiments.RespondAsync(Access, accept, ct), () => LoadAsync(false, ct),
            accept ? "Je doet mee met dit experiment." : Access.Role == ExperimentRole.Member ? "Je doet niet meer mee met dit experiment." : "Je hebt de uitnodiging afgeslagen.",
            () => accept ? ExperimentService.Link(ExperimentId) : "/werkleren/experimenten");

    public Task<IActionResult> OnPostAddMomentAsync(DateOnly? date, TimeOnly? time, int? durationMinutes, string? location, CancellationToken ct) =>
        Change(() => experiments.AddMomentAsync(Access, new MomentInput(date, time, durationMinutes, location), ct), "Het terugkoppelmoment is gepland.", "terugkoppelen", ct);

    public Task<IActionResult> OnPostMomentAsync(int momentId, DateOnly? date, TimeOnly? time, int? durationMinutes, string? location, bool? held, string? notes,
        CancellationToken ct) =>
        Change(() => experiments.UpdateMomentAsync(Access, momentId, new MomentInput(date, time, durationMinutes, location, held, notes), ct),
            held == true ? "Genoteerd: het terugkoppelmoment is gehouden." : "Het terugkoppelmoment is bijgewerkt.", "terugkoppelen", ct);

    public Task<IActionResult> OnPostCancelMomentAsync(int momentId, CancellationToken ct) =>
        Change(() => experiments.CancelMomentAsync(Access, momentId, ct), "Het terugkoppelmoment is afgezegd.", "terugkoppelen", ct);

    public Task<IActionResult> OnPostShareAsync(bool begeleider, bool leidinggevende, CancellationToken ct) =>
        Change(() => experiments.ShareAsync(Access, begeleider, leidinggevende, ct), "Je keuze voor delen is opgeslagen.", "delen", ct);

    public async Task<IActionResult> OnPostDeleteAsync(bool confirm, CancellationToken ct) =>
        await ChangeAsync(() => confirm ? experiments.DeleteAsync(Access, ct) : throw Infrastructure.Errors.ProblemException.Invalid("Vink aan dat je het experiment echt wilt verwijderen."),
            () => LoadAsync(false, ct), "Het experiment is verwijderd.", () => "/werkleren/experimenten");
}
