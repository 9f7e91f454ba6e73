using Klimrek.Data;
using Klimrek.Features.Werkleren.Sharing;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.Werkleren.Cycle;

/// <summary>
/// One conversation of the development cycle: its preparation (prefilled on request from the Tool-1 questions and from
/// what the person chooses to bring), notes, and agreements followed up until done. Only its owner reaches it.
/// </summary>
public sealed class CycleConversationModel(CycleService cycle, SharingService sharing, Texts texts) : CyclePage
{
    public DevelopmentPlan Plan { get; private set; } = null!;
    public CycleConversation Conversation { get; private set; } = null!;
    public List<GatheredTheme> Themes { get; private set; } = [];
    public List<GatheredDriver> Drivers { get; private set; } = [];
    public List<GatheredExperiment> Experiments { get; private set; } = [];
    public List<OwnerCommentView> Comments { get; private set; } = [];
    public CycleInput? Input { get; private set; }

    public async Task<IActionResult> OnGetAsync(int cycleId, CancellationToken ct)
    {
        try { await LoadAsync(cycleId, ct); }
        catch (ProblemException e) { return StatusOf(e); }
        return Page();
    }

    private async Task LoadAsync(int cycleId, CancellationToken ct)
    {
        (Plan, Conversation) = await cycle.OwnConversationAsync(UserId, cycleId, ct);
        Themes = await cycle.ThemesAsync(UserId, ct);
        Drivers = await cycle.DriversAsync(UserId, English, ct);
        Experiments = await cycle.ExperimentsAsync(Plan, ct);
        Comments = await sharing.CommentsOnMyItemsAsync(UserId, Language, ct, CommentKinds.Cycle, cycleId);
    }

    private Func<Task> Reload(int cycleId, CancellationToken ct) => () => LoadAsync(cycleId, ct);
    private static string Here(int cycleId, string? anchor = null) => $"/werkleren/pop/gesprekken/{cycleId}" + (anchor is null ? "" : "#" + anchor);

    public async Task<IActionResult> OnPostSaveAsync(int cycleId, string? kind, DateOnly? date, string? preparation, string? notes, CancellationToken ct)
    {
        Input = new CycleInput(kind, date, preparation, notes);
        return await ChangeAsync(async () =>
            {
                var (_, c) = await cycle.OwnConversationAsync(UserId, cycleId, ct);
                await cycle.UpdateConversationAsync(c, Input, Version, ct);
            }, Reload(cycleId, ct), "Het gesprek is opgeslagen.", () => Here(cycleId));
    }

    public async Task<IActionResult> OnPostPrepareAsync(int cycleId, bool back, bool ahead, int[]? themes, int[]? drivers, int[]? experiments, CancellationToken ct) =>
        await ChangeAsync(async () =>
            {
                var (plan, c) = await cycle.OwnConversationAsync(UserId, cycleId, ct);
                await cycle.PrepareAsync(plan, c, new CycleService.Bring(back, ahead, themes ?? [], drivers ?? [], experiments ?? []), Version, texts.In(Language), ct);
            }, Reload(cycleId, ct), "De voorbereiding is aangevuld.", () => Here(cycleId, "voorbereiding"));

    public async Task<IActionResult> OnPostAddAgreementAsync(int cycleId, string? text, DateOnly? dueOn, CancellationToken ct) =>
        await ChangeAsync(async () =>
            {
                var (_, c) = await cycle.OwnConversationAsync(UserId, cycleId, ct);
                await cycle.AddAgreementAsync(c, new AgreementInput(text, dueOn, false), ct);
            }, Reload(cycleId, ct), "De afspraak is vastgelegd.", () => Here(cycleId, "afspraken"));

    public async Task<IActionResult> OnPostSaveAgreementAsync(int cycleId, int agreementId, string? text, DateOnly? dueOn, CancellationToken ct) =>
        await ChangeAsync(async () =>
            {
                var (_, c) = await cycle.OwnConversationAsync(UserId, cycleId, ct);
                await cycle.UpdateAgreementAsync(c, agreementId, new AgreementInput(text, dueOn, null), ct);
            }, Reload(cycleId, ct), "De afspraak is opgeslagen.", () => Here(cycleId, "afspraken"));

    public async Task<IActionResult> OnPostDoneAsync(int cycleId, int agreementId, bool done, CancellationToken ct) =>
        await ChangeAsync(async () =>
            {
                var (_, c) = await cycle.OwnConversationAsync(UserId, cycleId, ct);
                await cycle.SetDoneAsync(c, agreementId, done, ct);
            }, Reload(cycleId, ct), done ? "De afspraak is gedaan." : "De afspraak staat weer open.", () => Here(cycleId, "afspraken"));

    public async Task<IActionResult> OnPostDeleteAsync(int cycleId, CancellationToken ct)
    {
        int planId = 0;
        return await ChangeAsync(async () =>
            {
                var (plan, c) = await cycle.OwnConversationAsync(UserId, cycleId, ct);
                planId = plan.Id;
                await cycle.DeleteConversationAsync(plan, c, Version, ct);
            }, Reload(cycleId, ct), "Het gesprek is verwijderd.", () => $"/werkleren/pop?plan={planId}#gesprekken");
    }
}
