using Klimrek.Data;
using Klimrek.Features.Esco;
using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.Werkleren.Experiments;

/// <summary>A new experiment in the five-question format; with <c>?vorige={id}</c> the follow-up of one's own experiment, filled from its next step.</summary>
public sealed class NewModel(ExperimentService experiments, EscoCatalogue esco) : ExperimentPage
{
    [BindProperty(SupportsGet = true, Name = "vorige")] public int? Vorige { get; set; }
    [BindProperty] public ExperimentForm Form { get; set; } = new();
    public string? PreviousTitle { get; private set; }

    private async Task<IActionResult?> LoadAsync(bool prefill, CancellationToken ct)
    {
        if (Vorige is int id)
        {
            ExperimentAccess? a = null;
            var (_, status) = await TryAsync(async () => a = await experiments.AccessAsync(User, id, ct));
            if (status is not null) return status;
            if (!a!.IsOwner) return NotFound();
            PreviousTitle = a.Experiment.Title;
            if (prefill && a.Experiment.NextStep is { } next)
            {
                Form.Title = ExperimentService.TitleFrom(next);
                Form.WhatAndWhy = next;
                Form.Drivers = a.Experiment.Drivers.Select(d => d.Key).ToList();
                Form.SkillIds = a.Experiment.Skills.Select(s => s.SkillId).ToList();
            }
        }
        await Form.LoadChoicesAsync(experiments, esco, UserId, Language, ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(true, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(false, ct) is { } refused) return refused;
        Form.LinksShown = true;
        Experiment? created = null;
        return await ChangeAsync(async () => created = await experiments.CreateAsync(UserId, Form.Input(false), Vorige, ct), () => Task.CompletedTask,
            "Je experiment staat klaar als idee.", () => ExperimentService.Link(created!.Id));
    }
}
