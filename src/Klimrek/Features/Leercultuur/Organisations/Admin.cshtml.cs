using Klimrek.Data;
using Klimrek.Features.Leercultuur.Rounds;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Leercultuur.Organisations;

/// <summary>The beheerder's part of the scan per organisation: sector and region (for the benchmark) and who is HR.</summary>
public sealed class AdminModel(KlimrekDbContext db, OrganisationService orgs) : LcPage
{
    public List<Organisation> Organisations { get; private set; } = [];
    public ILookup<int, MemberView> Hr { get; private set; } = Enumerable.Empty<MemberView>().ToLookup(m => 0);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Organisations = (await db.Organisations.AsNoTracking().ToListAsync(ct)).OrderBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        var hr = await db.OrganisationMembers.AsNoTracking().Where(m => m.Role == OrganisationRole.Hr)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.OrganisationId, View = new MemberView(m.Id, m.UserId, u.DisplayName, u.Email ?? "", m.Role) }).ToListAsync(ct);
        Hr = hr.ToLookup(x => x.OrganisationId, x => x.View);
    }

    private Task<IActionResult> DoAsync(Func<Task> change, string message, CancellationToken ct) => ChangeAsync(change, () => LoadAsync(ct), message);

    public Task<IActionResult> OnPostSettingsAsync(int organisationId, string? sector, string? region, CancellationToken ct) =>
        DoAsync(() => orgs.SetScanSettingsAsync(organisationId, sector, region, ct), "Sector en provincie bewaard.", ct);

    public Task<IActionResult> OnPostAddHrAsync(int organisationId, string? email, CancellationToken ct) =>
        DoAsync(async () =>
        {
            await orgs.OrganisationAsync(organisationId, ct);
            await orgs.AddMemberAsync(organisationId, email, OrganisationRole.Hr, ct);
        }, "HR aangewezen.", ct);

    public Task<IActionResult> OnPostRemoveHrAsync(int organisationId, int memberId, CancellationToken ct) =>
        DoAsync(async () =>
        {
            await orgs.MemberAsync(organisationId, memberId, ct);
            await orgs.RemoveMemberAsync(memberId, ct);
        }, "HR weggehaald.", ct);
}
