using Klimrek.Data;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Errors;
using Klimrek.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace Klimrek.Features.Werkleren;

/// <summary>
/// Who may see what in werkleren. Everything belongs to the person who wrote it. Another account sees an item only when
/// the person named that account as their leidinggevende or begeleider (<see cref="WorkRelation"/>) and shared the item
/// with that audience; a begeleider must still hold the begeleider role. A colleague sees only the signals sent to them
/// and the experiments they were invited to (checked where those live). Anyone else gets 404: not theirs to know about.
/// </summary>
public sealed class WerklerenAccess(KlimrekDbContext db, AccessLog accessLog)
{
    /// <summary>The audiences <paramref name="viewerId"/> belongs to for <paramref name="ownerId"/> (none for a stranger).</summary>
    public async Task<Audience> AudiencesAsync(string ownerId, string viewerId, CancellationToken ct)
    {
        if (ownerId == viewerId) return Audience.Begeleider | Audience.Leidinggevende;
        var kinds = await db.WorkRelations.AsNoTracking().Where(r => r.OwnerId == ownerId && r.OtherUserId == viewerId).Select(r => r.Kind).ToListAsync(ct);
        var audience = Audience.None;
        if (kinds.Contains(WorkRelationKind.Leidinggevende)) audience |= Audience.Leidinggevende;
        if (kinds.Contains(WorkRelationKind.Begeleider) && await IsBegeleiderAsync(viewerId, ct)) audience |= Audience.Begeleider;
        return audience;
    }

    private Task<bool> IsBegeleiderAsync(string userId, CancellationToken ct) =>
        (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId && r.Name == Roles.Begeleider select ur).AnyAsync(ct);

    /// <summary>Whether an item shared with <paramref name="sharedWith"/> is visible to someone in <paramref name="viewer"/>.</summary>
    public static bool Visible(Audience sharedWith, Audience viewer) => (sharedWith & viewer) != Audience.None;

    /// <summary>
    /// The people who named <paramref name="viewerId"/> as leidinggevende or begeleider (the begeleider kind only while the
    /// viewer holds that role): the only people whose shared items the viewer can open.
    /// </summary>
    public async Task<List<(string OwnerId, string Name, Audience As)>> PeopleSharingWithAsync(string viewerId, CancellationToken ct)
    {
        var begeleider = await IsBegeleiderAsync(viewerId, ct);
        var rows = await db.WorkRelations.AsNoTracking().Where(r => r.OtherUserId == viewerId)
            .Join(db.Users, r => r.OwnerId, u => u.Id, (r, u) => new { r.OwnerId, u.DisplayName, r.Kind }).ToListAsync(ct);
        return rows.Where(r => r.Kind == WorkRelationKind.Leidinggevende || begeleider)
            .GroupBy(r => r.OwnerId)
            .Select(g => (g.Key, g.First().DisplayName, g.Aggregate(Audience.None, (a, r) => a | (r.Kind == WorkRelationKind.Leidinggevende ? Audience.Leidinggevende : Audience.Begeleider))))
            .OrderBy(x => x.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>Refuses (404) unless the viewer may see an item of <paramref name="ownerId"/> shared with <paramref name="sharedWith"/>; logs a read by someone else.</summary>
    public async Task EnsureVisibleAsync(ClaimsPrincipal viewer, string ownerId, Audience sharedWith, string what, CancellationToken ct)
    {
        var viewerId = viewer.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (viewerId == ownerId) return;
        if (!Visible(sharedWith, await AudiencesAsync(ownerId, viewerId, ct))) throw ProblemException.NotFound();
        await accessLog.RecordAsync(viewer, ownerId, AccessKind.WerklerenRead, what, ct);
    }

}
