using Klimrek.Data;
using Klimrek.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Notifications;

/// <summary>One page of a person's inbox: newest first, with the number unread over the whole inbox.</summary>
public sealed record InboxPage(IReadOnlyList<Notification> Items, int Total, int Unread, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>A person's choice for one kind: its channels and whether that is the kind's default (no choice made).</summary>
public sealed record KindPreference(string Kind, NotificationChannels Channels, bool IsDefault);

/// <summary>
/// The in-app inbox and the choices per kind, always of the signed-in person only: another person's notification is not
/// found (404), whoever asks for it.
/// </summary>
public sealed class Inbox(KlimrekDbContext db, TimeProvider clock, UnreadCounts counts)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>The number of unread messages (the header's count): one COUNT over the person's rows of the (UserId, CreatedAt) index.</summary>
    public Task<int> UnreadCountAsync(string userId, CancellationToken ct) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    /// <summary>The header's count: <see cref="UnreadCountAsync"/>, remembered for a few seconds (<see cref="UnreadCounts"/>).</summary>
    public Task<int> HeaderCountAsync(string userId, CancellationToken ct) => counts.GetAsync(userId, () => UnreadCountAsync(userId, ct));

    public async Task<InboxPage> PageAsync(string userId, int page, int pageSize, CancellationToken ct)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var total = await mine.CountAsync(ct);
        var unread = await UnreadCountAsync(userId, ct);
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pages);
        var items = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new InboxPage(items, total, unread, page, pageSize);
    }

    /// <summary>Marks one of the person's messages read (once; reading again keeps the first time) and returns it.</summary>
    public async Task<Notification> MarkReadAsync(string userId, long id, CancellationToken ct)
    {
        var n = await db.Notifications.FirstOrDefaultAsync(x => x.Id == id && x.UserId == userId, ct) ?? throw ProblemException.NotFound();
        if (n.ReadAt is null)
        {
            n.ReadAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            counts.Changed(userId);
        }
        return n;
    }

    /// <summary>Marks every unread message of the person read; returns how many.</summary>
    public async Task<int> MarkAllReadAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var marked = await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, now), ct);
        counts.Changed(userId);
        return marked;
    }

    /// <summary>Every kind with the person's channels for it (their choice, else the kind's default), in the kinds' order.</summary>
    public async Task<List<KindPreference>> PreferencesAsync(string userId, CancellationToken ct)
    {
        var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, p => p.Channels, ct);
        return NotificationKinds.All.Select(k => chosen.TryGetValue(k, out var c) ? new KindPreference(k, c, false) : new KindPreference(k, NotificationKinds.Default(k), true)).ToList();
    }

    /// <summary>Stores the person's channels for the kinds given (others keep theirs); an unknown kind refuses all of it.</summary>
    public async Task SavePreferencesAsync(string userId, IReadOnlyDictionary<string, NotificationChannels> choices, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        foreach (var kind in choices.Keys.Where(k => !NotificationKinds.IsKnown(k)))
            errors.Add("preferences", "Onbekend soort melding: {0}.", kind);
        foreach (var (kind, channels) in choices.Where(c => (c.Value & ~(NotificationChannels.InApp | NotificationChannels.Mail)) != NotificationChannels.Off))
            errors.Add("preferences", "Kies voor {0}: in Klimrek, per mail, beide of uit.", kind);
        ProblemException.ThrowIfAny(errors);
        var existing = await db.NotificationPreferences.Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, ct);
        foreach (var (kind, channels) in choices)
        {
            if (existing.TryGetValue(kind, out var row)) row.Channels = channels;
            else db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, Kind = kind, Channels = channels });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Whether a stored link may be followed from the inbox: a path inside this app (never another site).</summary>
    public static bool IsLocal(string? link) =>
        link is { Length: > 0 } && link[0] == '/' && (link.Length == 1 || (link[1] != '/' && link[1] != '\\'));
}
