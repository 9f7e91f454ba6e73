using Klimrek.Data;
using Klimrek.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Notifications;

/// <summary>
/// Notifications, a platform part: the in-app inbox (<c>/meldingen</c>, API <c>/api/v1/me/inbox</c>), each person's choice
/// per kind (in-app, mail, off; <c>/account/meldingen</c>), and reminders sent exactly once (<see cref="ReminderDispatcher"/>).
/// </summary>
public static class NotificationsModule
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReminderOptions>(configuration.GetSection(ReminderOptions.Section));
        services.AddScoped<Notifier>();
        services.AddScoped<Reminders>();
        services.AddScoped<Inbox>();
        services.AddSingleton<UnreadCounts>();
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Notifications"));
        services.AddSingleton<ReminderDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderDispatcher>());
        services.AddPersonalData<NotificationsPersonalData>();
        return services;
    }

    public static RouteGroupBuilder MapNotifications(this RouteGroupBuilder api) => api.MapNotificationsApi();
}

/// <summary>The person's inbox, their choices per kind, and the reminders still planned for them; all of it goes on erase.</summary>
internal sealed class NotificationsPersonalData(KlimrekDbContext db, UnreadCounts counts) : IPersonalDataPart
{
    public string Area => "notifications";

    public async Task<object?> ExportAsync(DataSubject subject, CancellationToken ct)
    {
        var inbox = await db.Notifications.AsNoTracking().Where(n => n.UserId == subject.UserId).OrderBy(n => n.CreatedAt)
            .Select(n => new { n.Kind, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt }).ToListAsync(ct);
        var preferences = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == subject.UserId)
            .Select(p => new { p.Kind, channels = p.Channels.ToString() }).ToListAsync(ct);
        var reminders = await db.ScheduledReminders.AsNoTracking().Where(r => r.UserId == subject.UserId).OrderBy(r => r.DueAt)
            .Select(r => new { r.Kind, r.Title, r.DueAt, r.SentAt, r.CancelledAt }).ToListAsync(ct);
        return inbox.Count + preferences.Count + reminders.Count == 0 ? null : new { inbox, preferences, reminders };
    }

    public async Task EraseAsync(DataSubject subject, CancellationToken ct)
    {
        await db.Notifications.Where(n => n.UserId == subject.UserId).ExecuteDeleteAsync(ct);
        await db.NotificationPreferences.Where(p => p.UserId == subject.UserId).ExecuteDeleteAsync(ct);
        await db.ScheduledReminders.Where(r => r.UserId == subject.UserId).ExecuteDeleteAsync(ct);
        counts.Changed(subject.UserId);
    }
}
