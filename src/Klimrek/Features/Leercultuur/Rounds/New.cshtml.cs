using Klimrek.Data;
using Klimrek.Features.Leercultuur.Answering;
using Klimrek.Features.Leercultuur.Organisations;
using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.Leercultuur.Rounds;

/// <summary>HR opens a round: a title, the period and the units; the open link is on unless HR turns it off.</summary>
public sealed class NewModel(RoundsService rounds, OrganisationService orgs, AnsweringService answering) : LcPage
{
    public Organisation Organisation { get; private set; } = null!;
    public List<UnitNode> Units { get; private set; } = [];
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public DateOnly? OpensOn { get; set; }
    [BindProperty] public DateOnly? ClosesOn { get; set; }
    [BindProperty] public List<int> UnitIds { get; set; } = [];
    [BindProperty] public bool OpenLink { get; set; } = true;

    public async Task<IActionResult> OnGetAsync(int organisationId, CancellationToken ct)
    {
        if (await EnsureAsync(organisationId, ScanViewer.Hr, ct) is { } refused) return refused;
        OpensOn = answering.Today;
        ClosesOn = answering.Today.AddDays(21);
        return await LoadAsync(organisationId, ct);
    }

    private async Task<IActionResult> LoadAsync(int organisationId, CancellationToken ct)
    {
        Organisation = await orgs.OrganisationAsync(organisationId, ct);
        Units = await orgs.TreeAsync(organisationId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int organisationId, CancellationToken ct)
    {
        if (await EnsureAsync(organisationId, ScanViewer.Hr, ct) is { } refused) return refused;
        ScanRound? round = null;
        var (ok, st) = await TryAsync(async () => round = await rounds.CreateAsync(organisationId, LeercultuurAccess.Me(User), Title, OpensOn, ClosesOn, UnitIds, OpenLink, ct));
        if (st is not null) return st;
        if (!ok) return await LoadAsync(organisationId, ct);
        Message = "De ronde staat klaar. Nodig nu mensen uit.";
        return Redirect($"/leercultuur/{organisationId}/rondes/{round!.Id}");
    }
}
