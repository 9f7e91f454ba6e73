using Klimrek.Data;
using Klimrek.Features.Accounts;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Notifications;

/// <summary>
/// What a notification says. <see cref="TitleKey"/> (and <see cref="BodyKey"/>) are resource keys, put in the recipient's
/// language with their arguments; <see cref="Body"/> is text somebody wrote (a signal, a comment) and is shown as written.
/// </summary>
public sealed record NotificationContent(string TitleKey, object[] TitleArgs, string? Body = null, string? BodyKey = null, object[]? BodyArgs = null)
{
    public static NotificationContent Of(string titleKey, params object[] args) => new(titleKey, args);

    public (string Title, string? Body) In(Texts texts, string language)
    {
        var t = texts.In(language);
        var title = t[TitleKey, TitleArgs];
        var body = BodyKey is not null ? t[BodyKey, BodyArgs ?? []] : null;
        if (Body is not null) body = body is null ? Body : body + "\n\n" + Body;
        return (title, body);
    }
}

/// <summary>
/// Sends notifications now: into the person's in-app inbox and by mail, each as the person chose for the kind
/// (<see cref="NotificationKinds"/>). The in-app message is saved with the caller's other changes (call before their
/// <c>SaveChangesAsync</c>, or use <see cref="NotifyNowAsync"/>); the mail is queued when the save succeeded.
/// </summary>
public sealed class Notifier(KlimrekDbContext db, MailComposer mail, MailLinks links, Texts texts, TimeProvider clock, UnreadCounts counts)
{
    private readonly List<Action> _afterSave = [];
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);

    /// <summary>The person's channels for a kind (their choice, else the kind's default).</summary>
    public async Task<NotificationChannels> ChannelsAsync(string userId, string kind, CancellationToken ct)
    {
        var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId && p.Kind == kind)
            .Select(p => (NotificationChannels?)p.Channels).FirstOrDefaultAsync(ct);
        return chosen ?? NotificationKinds.Default(kind);
    }

    /// <summary>
    /// Adds the in-app message to the unit of work and remembers the mail; <see cref="FlushMail"/> queues it after the
    /// caller saved. <paramref name="link"/> is a path inside the app.
    /// </summary>
    public async Task StageAsync(string userId, string kind, NotificationContent content, string? link, CancellationToken ct, string? baseUrl = null)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.DisplayName, u.Language, u.EmailConfirmed, u.LockoutEnd }).FirstOrDefaultAsync(ct);
        if (user is null) return;
        var language = user.Language == "en" ? "en" : "nl";
        var (title, body) = content.In(texts, language);
        var channels = await ChannelsAsync(userId, kind, ct);
        if (channels.HasFlag(NotificationChannels.InApp))
        {
            db.Notifications.Add(new Notification
            {
                UserId = userId, Kind = kind, Title = Clip(title, 300), Body = body is null ? null : Clip(body, 4000), Link = link,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            _changed.Add(userId);
        }
        if (channels.HasFlag(NotificationChannels.Mail) && user.EmailConfirmed && user.Email is not null)
        {
            var root = baseUrl ?? links.Base();
            var paragraphs = body is null ? Array.Empty<string>() : [body];
            var linkParts = link is not null && root is not null ? new[] { ("Bekijken in Klimrek", root + link) } : [];
            var (email, name) = (user.Email, user.DisplayName);
            _afterSave.Add(() => mail.Send(email, name, language, title, paragraphs,
                [.. linkParts, .. root is null ? Array.Empty<(string, string)>() : [("Meldingen instellen", root + "/account/meldingen")]]));
        }
    }

    /// <summary>
    /// Queues the mails of the staged notifications (after the save that stored them succeeded), and lets the header
    /// count the recipients' new messages.
    /// </summary>
    public void FlushMail()
    {
        foreach (var userId in _changed) counts.Changed(userId);
        _changed.Clear();
        foreach (var send in _afterSave) send();
        _afterSave.Clear();
    }

    /// <summary>Forgets the mails staged so far (a transaction that staged them is being run again).</summary>
    public void DiscardStaged() => _afterSave.Clear();

    /// <summary>Stages, saves and mails one notification on its own.</summary>
    public async Task NotifyNowAsync(string userId, string kind, NotificationContent content, string? link, CancellationToken ct)
    {
        await StageAsync(userId, kind, content, link, ct);
        await db.SaveChangesAsync(ct);
        FlushMail();
    }

    /// <summary>A mail to someone without an account (a circle member known by name and address): always by mail, there is no inbox.</summary>
    public void MailToAddress(string email, string? name, string language, NotificationContent content, string absoluteLink, string linkLabel)
    {
        var (title, body) = content.In(texts, language);
        mail.Send(email, name, language, title, body is null ? [] : [body], (linkLabel, absoluteLink));
    }

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
