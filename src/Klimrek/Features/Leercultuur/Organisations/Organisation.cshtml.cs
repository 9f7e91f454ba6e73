using Klimrek.Data;
using Klimrek.Features.Leercultuur.Answering;
using Klimrek.Features.Leercultuur.Rounds;
using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.Leercultuur.Organisations;

/// <summary>An organisation in the scan: its units, its rounds, its people; HR keeps units and the steering group here.</summary>
public sealed class OrganisationModel(OrganisationService orgs, RoundsService rounds, AnsweringService answering) : LcPage
{
    public Organisation Organisation { get; private set; } = null!;
    public List<UnitNode> Units { get; private set; } = [];
    public List<ScanRound> Rounds { get; private set; } = [];
    public List<MemberView> Members { get; private set; } = [];
    public ScanLinkState StateOf(ScanRound r) => answering.StateOf(r);

    [BindProperty] public string? UnitName { get; set; }
    [BindProperty] public int? ParentId { get; set; }
    [BindProperty] public string? Email { get; set; }

    public async Task<IActionResult> OnGetAsync(int organisationId, CancellationToken ct) =>
        await EnsureAsync(organisationId, OrganisationsArea.Readers, ct) ?? await LoadAsync(organisationId, ct);

    private async Task<IActionResult> LoadAsync(int organisationId, CancellationToken ct)
    {
        Organisation = await orgs.OrganisationAsync(organisationId, ct);
        Units = await orgs.TreeAsync(organisationId, ct);
        Rounds = await rounds.ListAsync(organisationId, ct);
        Members = await orgs.MembersAsync(organisationId, ct);
        return Page();
    }

    private async Task<IActionResult> HrChangeAsync(int organisationId, Func<Task> change, string message, CancellationToken ct) =>
        await EnsureAsync(organisationId, ScanViewer.Hr, ct) ?? await ChangeAsync(change, () => LoadAsync(organisationId, ct), message);

    public Task<IActionResult> OnPostAddUnitAsync(int organisationId, CancellationToken ct) =>
        HrChangeAsync(organisationId, () => orgs.AddUnitAsync(organisationId, UnitName, ParentId, ct), "Afdeling of team toegevoegd.", ct);

    public Task<IActionResult> OnPostRemoveUnitAsync(int organisationId, int unitId, CancellationToken ct) =>
        HrChangeAsync(organisationId, () => orgs.RemoveUnitAsync(organisationId, unitId, ct), "Afdeling of team weggehaald.", ct);

    public Task<IActionResult> OnPostAddMemberAsync(int organisationId, CancellationToken ct) =>
        HrChangeAsync(organisationId, () => orgs.AddMemberAsync(organisationId, Email, OrganisationRole.Stuurgroep, ct), "Toegevoegd aan de stuurgroep.", ct);

    public Task<IActionResult> OnPostRemoveMemberAsync(int organisationId, int memberId, CancellationToken ct) =>
        HrChangeAsync(organisationId, async () =>
        {
            var m = await orgs.MemberAsync(organisationId, memberId, ct);
            if (m.Role != OrganisationRole.Stuurgroep) throw Infrastructure.Errors.ProblemException.Forbidden("Alleen een beheerder haalt HR weg.");
            await orgs.RemoveMemberAsync(memberId, ct);
        }, "Uit de stuurgroep gehaald.", ct);
}
