using Klimrek.Data;
using Klimrek.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Leercultuur.Organisations;

/// <summary>A unit with its depth in the tree (for indented lists).</summary>
public sealed record UnitNode(OrgUnit Unit, int Depth);

/// <summary>A member of the organisation's scan: the person (name, address) and the role.</summary>
public sealed record MemberView(int Id, string UserId, string Name, string Email, OrganisationRole Role);

/// <summary>
/// An organisation's set-up for the scan: its tree of units (HR keeps it), its HR and steering group, and its
/// sector and region (the beheerder's, for the benchmark). Callers check who may do what (<see cref="LeercultuurAccess"/>).
/// </summary>
public sealed class OrganisationService(KlimrekDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Organisation> OrganisationAsync(int organisationId, CancellationToken ct) =>
        await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, ct) ?? throw ProblemException.NotFound();

    /// <summary>The units still in use, as a tree in depth-first order (names sorted per level).</summary>
    public async Task<List<UnitNode>> TreeAsync(int organisationId, CancellationToken ct)
    {
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.OrganisationId == organisationId && u.RemovedAt == null).ToListAsync(ct);
        var children = units.ToLookup(u => u.ParentId is { } p && units.Any(x => x.Id == p) ? p : (int?)null);
        var result = new List<UnitNode>();
        void Walk(int? parent, int depth)
        {
            foreach (var u in children[parent].OrderBy(u => u.Name, StringComparer.CurrentCultureIgnoreCase))
            {
                result.Add(new UnitNode(u, depth));
                if (depth < 20) Walk(u.Id, depth + 1);
            }
        }
        Walk(null, 0);
        return result;
    }

    public async Task<OrgUnit> AddUnitAsync(int organisationId, string? name, int? parentId, CancellationToken ct)
    {
        var unit = new OrgUnit { OrganisationId = organisationId, Name = await ValidUnitAsync(organisationId, null, name, parentId, ct), ParentId = parentId, CreatedAt = Now };
        db.OrgUnits.Add(unit);
        await db.SaveChangesAsync(ct);
        return unit;
    }

    public async Task<OrgUnit> UpdateUnitAsync(int organisationId, int unitId, string? name, int? parentId, CancellationToken ct)
    {
        var unit = await LiveUnitAsync(organisationId, unitId, ct);
        unit.Name = await ValidUnitAsync(organisationId, unitId, name, parentId, ct);
        unit.ParentId = parentId;
        await db.SaveChangesAsync(ct);
        return unit;
    }

    /// <summary>Takes a unit out of use (earlier rounds keep it); refused while units under it are still in use.</summary>
    public async Task RemoveUnitAsync(int organisationId, int unitId, CancellationToken ct)
    {
        var unit = await LiveUnitAsync(organisationId, unitId, ct);
        if (await db.OrgUnits.AnyAsync(u => u.ParentId == unitId && u.RemovedAt == null, ct))
            throw ProblemException.Conflict("Haal eerst de teams onder deze afdeling weg.");
        unit.RemovedAt = Now;
        await db.SaveChangesAsync(ct);
    }

    private async Task<OrgUnit> LiveUnitAsync(int organisationId, int unitId, CancellationToken ct) =>
        await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == unitId && u.OrganisationId == organisationId && u.RemovedAt == null, ct) ?? throw ProblemException.NotFound();

    private async Task<string> ValidUnitAsync(int organisationId, int? self, string? name, int? parentId, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var n = (name ?? "").Trim();
        if (n.Length == 0) errors.Add("name", "Geef de afdeling of het team een naam.");
        else if (n.Length > 200) errors.Add("name", "Een naam is hoogstens {0} tekens.", 200);
        if (parentId is { } p)
        {
            var parents = await db.OrgUnits.AsNoTracking().Where(u => u.OrganisationId == organisationId && u.RemovedAt == null)
                .ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
            if (!parents.ContainsKey(p)) errors.Add("parentId", "Kies een afdeling van deze organisatie.");
            else
                for (int? at = p, steps = 0; at is { } a && steps < 1000; at = parents.GetValueOrDefault(a), steps++)
                    if (a == self) { errors.Add("parentId", "Een afdeling kan niet onder zichzelf of een eigen team hangen."); break; }
        }
        ProblemException.ThrowIfAny(errors);
        return n;
    }

    public async Task<List<MemberView>> MembersAsync(int organisationId, CancellationToken ct) =>
        (await db.OrganisationMembers.AsNoTracking().Where(m => m.OrganisationId == organisationId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new MemberView(m.Id, m.UserId, u.DisplayName, u.Email ?? "", m.Role)).ToListAsync(ct))
        .OrderBy(m => m.Role).ThenBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase).ToList();

    /// <summary>Names an existing account (by e-mail address) for the role; 400 when no account has that address.</summary>
    public async Task<MemberView> AddMemberAsync(int organisationId, string? email, OrganisationRole role, CancellationToken ct)
    {
        var address = (email ?? "").Trim();
        if (address.Length == 0 || address.Length > 256) throw ProblemException.Field("email", "Vul het e-mailadres van een account in.");
        var normalized = address.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, ct)
            ?? throw ProblemException.Field("email", "Er is geen account met dit e-mailadres. Vraag de persoon eerst een account aan te maken.");
        if (await db.OrganisationMembers.AnyAsync(m => m.OrganisationId == organisationId && m.UserId == user.Id && m.Role == role, ct))
            throw ProblemException.Conflict("Deze persoon heeft deze rol al.");
        var member = new OrganisationMember { OrganisationId = organisationId, UserId = user.Id, Role = role, CreatedAt = Now };
        db.OrganisationMembers.Add(member);
        await db.SaveChangesAsync(ct);
        return new MemberView(member.Id, user.Id, user.DisplayName, user.Email ?? "", role);
    }

    public async Task<OrganisationMember> MemberAsync(int organisationId, int memberId, CancellationToken ct) =>
        await db.OrganisationMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId && m.OrganisationId == organisationId, ct) ?? throw ProblemException.NotFound();

    public Task RemoveMemberAsync(int memberId, CancellationToken ct) => db.OrganisationMembers.Where(m => m.Id == memberId).ExecuteDeleteAsync(ct);

    /// <summary>Sets sector and region (keys of <see cref="Sectors"/> and <see cref="Regions"/>; empty clears).</summary>
    public async Task SetScanSettingsAsync(int organisationId, string? sector, string? region, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (!string.IsNullOrEmpty(sector) && Sectors.Find(sector) is null) errors.Add("sector", "Kies een sector uit de lijst.");
        if (!string.IsNullOrEmpty(region) && Regions.Find(region) is null) errors.Add("region", "Kies een provincie uit de lijst.");
        ProblemException.ThrowIfAny(errors);
        var org = await db.Organisations.FirstOrDefaultAsync(o => o.Id == organisationId, ct) ?? throw ProblemException.NotFound();
        org.Sector = string.IsNullOrEmpty(sector) ? null : sector;
        org.Region = string.IsNullOrEmpty(region) ? null : region;
        await db.SaveChangesAsync(ct);
    }
}
