using Klimrek.Data;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Klimrek.Features.Notifications;

public sealed class ReminderOptions
{
    public const string Section = "Notifications";
    /// <summary>How often each instance looks for reminders that are due.</summary>
    public int PollSeconds { get; set; } = 30;
    /// <summary>How long an instance's claim on a reminder holds; after that another instance may send it (the first crashed).</summary>
    public int ClaimSeconds { get; set; } = 300;
    /// <summary>Off in tests that drive <see cref="ReminderDispatcher.DispatchDueAsync"/> themselves.</summary>
    public bool Background { get; set; } = true;
}

/// <summary>
/// Plans reminders to send later through the <see cref="Notifier"/>. A reminder is known by its key: scheduling a key
/// again moves the pending reminder (a feedback moment moved to another day); a reminder already sent is never sent again.
/// </summary>
public sealed class Reminders(KlimrekDbContext db, Texts texts, MailLinks links)
{
    /// <summary>Adds or moves the reminder <paramref name="key"/> to the unit of work (saved with the caller's changes).</summary>
    public async Task ScheduleAsync(string key, string userId, string kind, DateTime dueAt, NotificationContent content, string? link, CancellationToken ct)
    {
        var (title, body) = content.In(texts, "nl");
        var (titleEn, bodyEn) = content.In(texts, "en");
        var r = await db.ScheduledReminders.FirstOrDefaultAsync(x => x.Key == key, ct)
                ?? db.ScheduledReminders.Local.FirstOrDefault(x => x.Key == key);
        if (r is null)
        {
            r = new ScheduledReminder { Key = key, UserId = userId, Kind = kind, Title = title };
            db.ScheduledReminders.Add(r);
        }
        else if (r.SentAt is not null) return;
        r.UserId = userId;
        r.Kind = kind;
        r.DueAt = dueAt;
        (r.Title, r.Body, r.TitleEn, r.BodyEn) = (Clip(title, 300)!, Clip(body, 4000), Clip(titleEn, 300), Clip(bodyEn, 4000));
        r.Link = link;
        r.BaseUrl = links.Base();
        r.CancelledAt = null;
        // A moved reminder is a new plan: an instance still holding a claim on the old one must not send it now.
        (r.ClaimedBy, r.ClaimedUntil) = (null, null);
    }

    /// <summary>Cancels the pending reminders whose key starts with <paramref name="keyPrefix"/> (saved at once).</summary>
    public Task<int> CancelAsync(string keyPrefix, DateTime now, CancellationToken ct) =>
        db.ScheduledReminders.Where(x => x.Key.StartsWith(keyPrefix) && x.SentAt == null && x.CancelledAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.CancelledAt, now), ct);

    private static string? Clip(string? s, int max) => s is null || s.Length <= max ? s : s[..(max - 1)] + "…";
}

/// <summary>
/// Sends reminders that are due, exactly once across restarts and instances: an instance first claims a reminder with a
/// conditional update (only one update can win), then stores the in-app message and marks the reminder sent in one
/// transaction, and queues the mail after that commit. A claim lapses after <see cref="ReminderOptions.ClaimSeconds"/>, so a
/// reminder claimed by an instance that died before sending goes out from another one.
/// </summary>
public sealed class ReminderDispatcher(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ReminderOptions> options, ILogger<ReminderDispatcher> logger)
    : BackgroundService
{
    /// <summary>This process's name in claims.</summary>
    public string InstanceId { get; } = Environment.MachineName + "/" + Guid.NewGuid().ToString("N")[..8];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Background) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)), clock);
        do
        {
            try
            {
                await DispatchDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Sending due reminders failed; trying again at the next round");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Sends every reminder due now that no live claim holds; returns how many this instance sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<long> due;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KlimrekDbContext>();
            due = await db.ScheduledReminders.AsNoTracking()
                .Where(r => r.SentAt == null && r.CancelledAt == null && r.DueAt <= now && (r.ClaimedUntil == null || r.ClaimedUntil < now))
                .OrderBy(r => r.DueAt).Select(r => r.Id).Take(500).ToListAsync(ct);
        }
        var sent = 0;
        foreach (var id in due)
            if (await SendOneAsync(id, now, ct)) sent++;
        return sent;
    }

    private async Task<bool> SendOneAsync(long id, DateTime now, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KlimrekDbContext>();
        var until = now.AddSeconds(options.Value.ClaimSeconds);
        var claimed = await db.ScheduledReminders
            .Where(r => r.Id == id && r.SentAt == null && r.CancelledAt == null && r.DueAt <= now && (r.ClaimedUntil == null || r.ClaimedUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.ClaimedBy, InstanceId).SetProperty(r => r.ClaimedUntil, until), ct);
        if (claimed != 1) return false;
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var sent = await db.InTransactionAsync(async t =>
        {
            db.ChangeTracker.Clear();
            notifier.DiscardStaged();
            // Mark it sent only while the claim is still ours and it is still due: a conditional update, so that a claim
            // that lapsed and was taken over, a cancellation or a move that came in meanwhile wins over this instance
            // (reading the row and saving SentAt later would let both instances, or a cancelled reminder, through).
            var mine = await db.ScheduledReminders
                .Where(x => x.Id == id && x.ClaimedBy == InstanceId && x.SentAt == null && x.CancelledAt == null && x.DueAt <= now)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.SentAt, now), t);
            if (mine != 1) return false;
            var r = await db.ScheduledReminders.AsNoTracking().SingleAsync(x => x.Id == id, t);
            var english = await db.Users.Where(u => u.Id == r.UserId).Select(u => u.Language).FirstOrDefaultAsync(t) == "en";
            var content = new NotificationContent("{0}", [english ? r.TitleEn ?? r.Title : r.Title], english ? r.BodyEn ?? r.Body : r.Body);
            await notifier.StageAsync(r.UserId, r.Kind, content, r.Link, t, r.BaseUrl);
            await db.SaveChangesAsync(t);
            return true;
        }, ct);
        if (!sent)
        {
            // Cancelled, moved or taken over meanwhile: let go of the claim (if it is still ours) so a moved one is not held up.
            notifier.DiscardStaged();
            await db.ScheduledReminders.Where(x => x.Id == id && x.ClaimedBy == InstanceId && x.SentAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.ClaimedBy, (string?)null).SetProperty(x => x.ClaimedUntil, (DateTime?)null), ct);
            return false;
        }
        notifier.FlushMail();
        return true;
    }
}
