using Klimrek.Data;
using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.SamenLeren;

/// <summary>The participant's intake form; a refused intake keeps everything typed and lists every problem.</summary>
public sealed class IntakeModel(IntakeService intakes, ProgrammeService programmes) : SamenLerenPage
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public string? Brings { get; set; }
    [BindProperty] public string? Develops { get; set; }
    [BindProperty] public List<string> QualityChoices { get; set; } = [];
    [BindProperty] public string? OwnQualities { get; set; }
    [BindProperty] public string? Affinities { get; set; }
    [BindProperty] public string? Department { get; set; }
    [BindProperty] public string? Team { get; set; }
    [BindProperty] public string? Discipline { get; set; }
    [BindProperty] public int? ManagerParticipantId { get; set; }
    [BindProperty] public List<string> Availability { get; set; } = [];
    public List<(int Id, string Name)> Others { get; private set; } = [];

    /// <summary>The intake as stored, when a save was refused because a newer version was saved meanwhile.</summary>
    public Klimrek.Data.Participant? Saved { get; private set; }

    private static List<string> Lines(string? s) => (s ?? "").Split('\n').Select(x => x.Trim()).Where(x => x.Length > 0).ToList();

    private async Task<IActionResult?> PrepareAsync(CancellationToken ct)
    {
        if (Access.Me is null) return Forbid();
        Others = (await programmes.ParticipantNamesAsync(Id, ct)).Where(x => x.Id != Access.Me.Id).ToList();
        return null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await PrepareAsync(ct) is { } status) return status;
        var me = await intakes.IntakeAsync(Access, ct);
        string Join(TermKind k) => string.Join('\n', me.Terms.Where(t => t.Kind == k).Select(t => t.Label));
        Brings = Join(TermKind.Brings);
        Develops = Join(TermKind.Develops);
        var qualities = me.Terms.Where(t => t.Kind == TermKind.Quality).Select(t => t.Label).ToList();
        QualityChoices = qualities.Where(q => IntakeService.QualitySuggestions.Contains(q)).ToList();
        OwnQualities = string.Join('\n', qualities.Where(q => !IntakeService.QualitySuggestions.Contains(q)));
        Affinities = Join(TermKind.Affinity);
        Department = me.Department;
        Team = me.Team;
        Discipline = me.Discipline;
        ManagerParticipantId = me.ManagerParticipantId;
        Availability = Slots.Bits(me.Availability).Select(Slots.Key).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await PrepareAsync(ct) is { } status) return status;
        var input = new IntakeInput(Lines(Brings), Lines(Develops), QualityChoices.Concat(Lines(OwnQualities)).ToList(), Lines(Affinities),
            Department, Team, Discipline, ManagerParticipantId, Availability);
        var (ok, st) = await TryAsync(() => intakes.SaveIntakeAsync(Access, input, Version, ct));
        if (st is not null) return st;
        if (SavedMeanwhile) Saved = await intakes.SavedIntakeAsync(Access, ct);
        if (!ok) return Page();
        Message = "Je intake is opgeslagen.";
        return Redirect($"/samen-leren/{Id}");
    }
}
