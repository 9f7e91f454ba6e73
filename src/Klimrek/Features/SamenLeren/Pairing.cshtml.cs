using Klimrek.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.SamenLeren;

/// <summary>
/// The steering group pairs two participants without a duo, or swaps two participants of two proposed duos, by hand:
/// first a preview (the fit of the new pair(s), and the total fit of the optimal set, of the proposals as they are and
/// after the change), then the change itself. The numbers come from the matcher (<see cref="ManualPairingService"/>).
/// </summary>
public sealed class PairingModel(ManualPairingService pairing, KlimrekDbContext db) : SamenLerenPage
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public string Kind { get; set; } = "pair";
    [BindProperty] public int A { get; set; }
    [BindProperty] public int B { get; set; }
    public PairChangePreview? Preview { get; private set; }
    public List<(int Id, string Name, string? Duo)> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Access.IsSteward) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (!Access.IsSteward) return Forbid();
        var (ok, status) = await TryAsync(async () => Preview = await pairing.PreviewAsync(Access, new PairChangeRequest(Kind, A, B), ct));
        if (status is not null) return status;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken ct)
    {
        if (!Access.IsSteward) return Forbid();
        PairChangePreview? done = null;
        var (ok, status) = await TryAsync(async () => done = await pairing.ApplyAsync(Access, new PairChangeRequest(Kind, A, B), ct));
        if (status is not null) return status;
        if (!ok)
        {
            await LoadAsync(ct);
            return Page();
        }
        Message = string.Format(System.Globalization.CultureInfo.CurrentCulture, L["Gedaan: {0} als voorstel. De deelnemers reageren er zelf op."].Value,
            string.Join(", ", done!.Pairs.Select(p => p.NameA + " & " + p.NameB)));
        return Redirect($"/samen-leren/{Id}#matching");
    }

    /// <summary>Every participant with a complete intake and no active duo, with the proposed duo they are in (if any).</summary>
    private async Task LoadAsync(CancellationToken ct)
    {
        var participants = await db.Participants.AsNoTracking().Include(p => p.User).Include(p => p.Terms).Where(p => p.ProgrammeId == Id).ToListAsync(ct);
        var duos = await db.Duos.AsNoTracking().Include(d => d.Members).Where(d => d.ProgrammeId == Id && d.Status != DuoStatus.Dissolved).ToListAsync(ct);
        var names = participants.ToDictionary(p => p.Id, p => p.User!.DisplayName);
        string? DuoOf(int id) => duos.FirstOrDefault(d => d.Status == DuoStatus.Proposed && d.Members.Any(m => m.ParticipantId == id)) is { } d
            ? string.Join(" & ", d.Members.Select(m => names.GetValueOrDefault(m.ParticipantId, "?"))) : null;
        var active = duos.Where(d => d.Status == DuoStatus.Active).SelectMany(d => d.Members).Select(m => m.ParticipantId).ToHashSet();
        People = participants.Where(p => !active.Contains(p.Id) && IntakeService.MissingInIntake(p).Count == 0)
            .Select(p => (p.Id, p.User!.DisplayName, DuoOf(p.Id))).OrderBy(p => p.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList();
    }
}
