using Klimrek.Data;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace Klimrek.Features.Leercultuur;

/// <summary>What someone is for one organisation in the scan (several at once is possible).</summary>
[Flags]
public enum ScanViewer
{
    None = 0,
    /// <summary>Runs rounds: units, invitations, reminders, closing; reads results.</summary>
    Hr = 1,
    /// <summary>Reads results and the report.</summary>
    Stuurgroep = 2,
    /// <summary>The begeleider of one of the organisation's coaching routes: logs hours, reads results.</summary>
    Coach = 4,
    /// <summary>A beheerder: names HR and the steering group, sets sector and region; reads no results by that alone.</summary>
    Beheerder = 8,
}

/// <summary>
/// The scan's access rule. Anyone who is none of <see cref="ScanViewer"/> for an organisation gets 404 for everything
/// of it (its existence is not revealed); a member asking for more than their part gets 403.
/// </summary>
public sealed class LeercultuurAccess(KlimrekDbContext db)
{
    public static string Me(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<ScanViewer> ViewerAsync(ClaimsPrincipal user, int organisationId, CancellationToken ct)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null) return ScanViewer.None;
        var viewer = user.IsInRole(Roles.Beheerder) ? ScanViewer.Beheerder : ScanViewer.None;
        foreach (var role in await db.OrganisationMembers.AsNoTracking().Where(m => m.OrganisationId == organisationId && m.UserId == id).Select(m => m.Role).ToListAsync(ct))
            viewer |= role == OrganisationRole.Hr ? ScanViewer.Hr : ScanViewer.Stuurgroep;
        if (user.IsInRole(Roles.Begeleider) && await db.CoachingRoutes.AnyAsync(r => r.OrganisationId == organisationId && r.CoachId == id, ct))
            viewer |= ScanViewer.Coach;
        return viewer;
    }

    /// <summary>
    /// Refuses unless the user is one of <paramref name="allowed"/> for the organisation: 404 when they are nothing
    /// for it (or it does not exist), 403 when they are something else for it.
    /// </summary>
    public async Task<ScanViewer> EnsureAsync(ClaimsPrincipal user, int organisationId, ScanViewer allowed, CancellationToken ct)
    {
        var viewer = await ViewerAsync(user, organisationId, ct);
        if (viewer == ScanViewer.None || !await db.Organisations.AnyAsync(o => o.Id == organisationId, ct)) throw ProblemException.NotFound();
        if ((viewer & allowed) == ScanViewer.None) throw ProblemException.Forbidden("Dit mag je niet voor deze organisatie.");
        return viewer;
    }

    /// <summary>HR, the steering group and the coach read results; the beheerder does not by that role alone.</summary>
    public const ScanViewer ResultReaders = ScanViewer.Hr | ScanViewer.Stuurgroep | ScanViewer.Coach;

    /// <summary>The round of the organisation, or 404 (a round id of another organisation is not found).</summary>
    public async Task<ScanRound> RoundAsync(int organisationId, int roundId, CancellationToken ct) =>
        await db.ScanRounds.Include(r => r.Units).FirstOrDefaultAsync(r => r.Id == roundId && r.OrganisationId == organisationId, ct)
        ?? throw ProblemException.NotFound();

    /// <summary>
    /// In the sign-in cookie when the user is HR, steering group or coach for some organisation (the same people
    /// <see cref="MineAsync"/> lists): the header shows "Leercultuur" without a query per page.
    /// </summary>
    public const string MenuClaim = "klimrek:leercultuur";

    /// <summary>Whether <see cref="MineAsync"/> would list anything, in at most two small existence queries.</summary>
    public async Task<bool> HasAnyAsync(string userId, bool begeleider, CancellationToken ct) =>
        await db.OrganisationMembers.AnyAsync(m => m.UserId == userId, ct)
        || (begeleider && await db.CoachingRoutes.AnyAsync(r => r.CoachId == userId, ct));

    /// <summary>The organisations the user is HR, steering group or coach for (the overview page).</summary>
    public async Task<List<(Organisation Organisation, ScanViewer As)>> MineAsync(string userId, bool begeleider, CancellationToken ct)
    {
        var member = await db.OrganisationMembers.AsNoTracking().Where(m => m.UserId == userId)
            .Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => new { o, m.Role }).ToListAsync(ct);
        var coached = begeleider
            ? await db.CoachingRoutes.AsNoTracking().Where(r => r.CoachId == userId).Join(db.Organisations, r => r.OrganisationId, o => o.Id, (r, o) => o).ToListAsync(ct)
            : [];
        return member.Select(x => (x.o, x.Role == OrganisationRole.Hr ? ScanViewer.Hr : ScanViewer.Stuurgroep))
            .Concat(coached.Select(o => (o, ScanViewer.Coach)))
            .GroupBy(x => x.Item1.Id)
            .Select(g => (g.First().Item1, g.Aggregate(ScanViewer.None, (a, x) => a | x.Item2)))
            .OrderBy(x => x.Item1.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }
}
