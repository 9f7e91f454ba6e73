using Klimrek.Data;
using Klimrek.Features.Esco;
using Klimrek.Features.Notifications;
using Klimrek.Infrastructure.Errors;
using Klimrek.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Career.Coaching;

/// <summary>One line of a conversation as both sides see it; the route's occupation named in the UI language.</summary>
public sealed record GuidanceLine(int Id, GuidanceEntryKind Kind, string Text, bool ByOwner, DateTime CreatedAt, DateTime? DoneAt, int? OccupationId, string? OccupationLabel);

/// <summary>
/// The conversation between a person and one begeleider: whether the person allowed it, the lines newest first, and
/// the route chosen last (the one that counts).
/// </summary>
public sealed record GuidanceConversation(string OwnerId, string OwnerName, string BegeleiderId, string BegeleiderName, bool Allowed, IReadOnlyList<GuidanceLine> Lines)
{
    public GuidanceLine? Route => Lines.FirstOrDefault(l => l.Kind == GuidanceEntryKind.Route);
}

/// <summary>
/// A career-guidance conversation on a shared skills profile: notes, agreed next steps and a chosen route, visible to
/// the person and the begeleider. The person decides: the profile must be shared with that begeleider and the person
/// must have allowed the conversation; withdrawing either ends the begeleider's access at once, while the person keeps
/// every line (they are the person's, in the export and erased with the profile). Anyone else gets 404.
/// </summary>
public sealed class GuidanceService(KlimrekDbContext db, EscoCatalogue catalogue, Notifier notifier, AccessLog log, TimeProvider clock)
{
    private sealed record Pair(SkillProfile Profile, ProfileShare Share, bool ViewerIsOwner);

    /// <summary>The profile and share behind the conversation of <paramref name="ownerId"/> with <paramref name="begeleiderId"/>, if the viewer is one of the two.</summary>
    private async Task<Pair> PairAsync(string ownerId, string begeleiderId, string viewerId, bool viewerIsBegeleider, CancellationToken ct)
    {
        if (viewerId != ownerId && !(viewerId == begeleiderId && viewerIsBegeleider)) throw ProblemException.NotFound();
        var profile = await db.SkillProfiles.Include(p => p.Shares).FirstOrDefaultAsync(p => p.UserId == ownerId, ct) ?? throw ProblemException.NotFound();
        var share = profile.Shares.FirstOrDefault(s => s.BegeleiderId == begeleiderId) ?? throw ProblemException.NotFound();
        return new Pair(profile, share, viewerId == ownerId);
    }

    /// <summary>The conversation; for the begeleider only once allowed (before that: no lines, <c>Allowed</c> false).</summary>
    public async Task<GuidanceConversation> ReadAsync(System.Security.Claims.ClaimsPrincipal viewer, string viewerId, bool viewerIsBegeleider, string ownerId, string begeleiderId, string language, CancellationToken ct)
    {
        var pair = await PairAsync(ownerId, begeleiderId, viewerId, viewerIsBegeleider, ct);
        var allowed = pair.Share.ConversationAllowedAt is not null;
        var names = await db.Users.AsNoTracking().Where(u => u.Id == ownerId || u.Id == begeleiderId).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var lines = new List<GuidanceLine>();
        if (allowed || pair.ViewerIsOwner)
        {
            var rows = await db.GuidanceEntries.AsNoTracking().Where(e => e.ProfileId == pair.Profile.Id && e.BegeleiderId == begeleiderId)
                .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).ToListAsync(ct);
            var s = await catalogue.GetAsync(ct);
            lines = rows.Select(e => new GuidanceLine(e.Id, e.Kind, e.Text, e.ByOwner, e.CreatedAt, e.DoneAt, e.OccupationId,
                e.OccupationId is int o && s.Occupations.TryGetValue(o, out var occ) ? occ.Label(language, out _) : null)).ToList();
            if (!pair.ViewerIsOwner) await log.RecordAsync(viewer, ownerId, AccessKind.ProfileRead, "loopbaangesprek", ct);
        }
        return new GuidanceConversation(ownerId, names.GetValueOrDefault(ownerId, ""), begeleiderId, names.GetValueOrDefault(begeleiderId, ""), allowed, lines);
    }

    /// <summary>The person allows (or stops) the conversation with a begeleider the profile is shared with. Stopping keeps the lines for the person.</summary>
    public async Task AllowAsync(string ownerId, string begeleiderId, bool allow, CancellationToken ct)
    {
        var pair = await PairAsync(ownerId, begeleiderId, ownerId, false, ct);
        if (allow == (pair.Share.ConversationAllowedAt is not null)) return;
        pair.Share.ConversationAllowedAt = allow ? clock.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds a note, an agreed step or the chosen route; the other side hears of it. Refused (403) until the person allowed the conversation.</summary>
    public async Task<GuidanceEntry> AddAsync(string viewerId, bool viewerIsBegeleider, string ownerId, string begeleiderId, GuidanceEntryKind kind, string? text, int? occupationId, CancellationToken ct)
    {
        var pair = await PairAsync(ownerId, begeleiderId, viewerId, viewerIsBegeleider, ct);
        if (pair.Share.ConversationAllowedAt is null)
            throw ProblemException.Forbidden(pair.ViewerIsOwner
                ? "Je hebt het loopbaangesprek in Klimrek nog niet toegestaan."
                : "De persoon heeft het loopbaangesprek in Klimrek (nog) niet toegestaan.");
        var errors = new ValidationErrors();
        text = text?.Trim();
        if (!Enum.IsDefined(kind)) errors.Add("kind", "Kies een aantekening, een afspraak of een route.");
        if (string.IsNullOrEmpty(text) && kind != GuidanceEntryKind.Route) errors.Add("text", "Schrijf iets op.");
        if (text is { Length: > GuidanceLimits.TextLength }) errors.Add("text", "Houd het onder de {0} tekens.", GuidanceLimits.TextLength);
        if (kind == GuidanceEntryKind.Route && (occupationId is not int o || !(await catalogue.GetAsync(ct)).Occupations.ContainsKey(o)))
            errors.Add("occupationId", "Kies het beroep waar de route heen gaat.");
        ProblemException.ThrowIfAny(errors);
        if (await db.GuidanceEntries.CountAsync(e => e.ProfileId == pair.Profile.Id && e.BegeleiderId == begeleiderId, ct) >= GuidanceLimits.EntriesPerConversation)
            throw ProblemException.Conflict("Dit gesprek heeft {0} regels, het maximum. Verwijder eerst oude aantekeningen.", GuidanceLimits.EntriesPerConversation);
        var entry = new GuidanceEntry
        {
            ProfileId = pair.Profile.Id, BegeleiderId = begeleiderId, Kind = kind, Text = text ?? "", ByOwner = pair.ViewerIsOwner,
            OccupationId = kind == GuidanceEntryKind.Route ? occupationId : null, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.GuidanceEntries.Add(entry);
        var (other, link) = pair.ViewerIsOwner ? (begeleiderId, "/begeleiding/" + ownerId + "#gesprek") : (ownerId, "/klimrek/begeleiding?met=" + begeleiderId);
        var writer = await db.Users.AsNoTracking().Where(u => u.Id == viewerId).Select(u => u.DisplayName).FirstAsync(ct);
        await notifier.StageAsync(other, NotificationKinds.Delen, NotificationContent.Of("{0} schreef iets in jullie loopbaangesprek.", writer), link, ct);
        await db.SaveChangesAsync(ct);
        notifier.FlushMail();
        return entry;
    }

    /// <summary>Marks an agreed step done (or not); either side may.</summary>
    public async Task SetDoneAsync(string viewerId, bool viewerIsBegeleider, int entryId, bool done, CancellationToken ct)
    {
        var (entry, _) = await EntryAsync(viewerId, viewerIsBegeleider, entryId, ct);
        if (entry.Kind != GuidanceEntryKind.Afspraak) throw ProblemException.Invalid("Alleen een afspraak kan af zijn.");
        entry.DoneAt = done ? entry.DoneAt ?? clock.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes a line: its writer may, and the person may delete any line (the conversation is theirs).</summary>
    public async Task DeleteAsync(string viewerId, bool viewerIsBegeleider, int entryId, CancellationToken ct)
    {
        var (entry, pair) = await EntryAsync(viewerId, viewerIsBegeleider, entryId, ct);
        if (!pair.ViewerIsOwner && entry.ByOwner) throw ProblemException.Forbidden("Alleen wie het schreef, of de persoon zelf, kan dit verwijderen.");
        db.GuidanceEntries.Remove(entry);
        await db.SaveChangesAsync(ct);
    }

    private async Task<(GuidanceEntry Entry, Pair Pair)> EntryAsync(string viewerId, bool viewerIsBegeleider, int entryId, CancellationToken ct)
    {
        var entry = await db.GuidanceEntries.FirstOrDefaultAsync(e => e.Id == entryId, ct) ?? throw ProblemException.NotFound();
        var ownerId = await db.SkillProfiles.Where(p => p.Id == entry.ProfileId).Select(p => p.UserId).FirstAsync(ct);
        var pair = await PairAsync(ownerId, entry.BegeleiderId, viewerId, viewerIsBegeleider, ct);
        if (!pair.ViewerIsOwner && pair.Share.ConversationAllowedAt is null) throw ProblemException.NotFound();
        return (entry, pair);
    }

    /// <summary>The begeleiders the person's profile is shared with, and whether each conversation is allowed.</summary>
    public async Task<List<(string Id, string Name, bool Allowed)>> MyBegeleidersAsync(string ownerId, CancellationToken ct)
    {
        var shares = await db.ProfileShares.AsNoTracking().Where(s => db.SkillProfiles.Any(p => p.Id == s.ProfileId && p.UserId == ownerId))
            .Select(s => new { s.BegeleiderId, s.ConversationAllowedAt }).ToListAsync(ct);
        var ids = shares.Select(s => s.BegeleiderId).ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return shares.Select(s => (s.BegeleiderId, names.GetValueOrDefault(s.BegeleiderId, ""), s.ConversationAllowedAt is not null))
            .OrderBy(x => x.Item2, StringComparer.CurrentCultureIgnoreCase).ToList();
    }
}
