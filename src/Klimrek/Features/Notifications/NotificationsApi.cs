using Klimrek.Data;
using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;

namespace Klimrek.Features.Notifications;

/// <summary>The inbox and notification choices under <c>/api/v1/me</c>: always the signed-in person's own.</summary>
internal static class NotificationsApi
{
    /// <summary>The channel names in the API.</summary>
    public const string InApp = "inApp";
    public const string Mail = "mail";

    public sealed record NotificationView(long Id, string Kind, string Title, string? Body, string? Link, DateTime CreatedAt, DateTime? ReadAt, bool Unread);
    public sealed record InboxView(int Unread, int Total, int Page, int PageSize, int Pages, List<NotificationView> Items);
    public sealed record ReadAllView(int Marked, int Unread);
    /// <summary>One kind: its Dutch name, the channels ("inApp", "mail"; none = off), and whether that is the default.</summary>
    public sealed record PreferenceView(string Kind, string Name, List<string> Channels, bool IsDefault);
    public sealed record PreferenceInput(string? Kind, List<string>? Channels);
    public sealed record PreferencesRequest(List<PreferenceInput>? Preferences);

    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").RequireAuthorization().WithTags("Notifications");
        me.MapGet("/inbox", InboxAsync).WithName("GetInbox")
            .WithSummary("Your in-app notifications, newest first (page, pageSize ≤ 100), with the number unread.");
        me.MapPost("/inbox/{notificationId:long}/read", ReadAsync).WithName("MarkNotificationRead")
            .WithSummary("Marks one of your notifications read (404 for anyone else's).").ProducesProblem(404);
        me.MapPost("/inbox/read-all", ReadAllAsync).WithName("MarkAllNotificationsRead").WithSummary("Marks all your notifications read.");
        me.MapGet("/notification-preferences", PreferencesAsync).WithName("GetNotificationPreferences")
            .WithSummary("Per kind of notification: in the app, by mail, both or off (no channels).");
        me.MapPut("/notification-preferences", SavePreferencesAsync).WithName("SaveNotificationPreferences")
            .WithSummary("Sets your channels for the kinds listed ({ preferences: [{ kind, channels: [\"inApp\", \"mail\"] }] }); other kinds keep theirs.")
            .ProducesValidationProblem();
        return api;
    }

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public static NotificationView ViewOf(Notification n) => new(n.Id, n.Kind, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt, n.ReadAt is null);

    public static async Task<Ok<InboxView>> InboxAsync(Inbox inbox, ClaimsPrincipal user, CancellationToken ct, int page = 1, int pageSize = Inbox.DefaultPageSize)
    {
        var p = await inbox.PageAsync(UserId(user), page, pageSize, ct);
        return TypedResults.Ok(new InboxView(p.Unread, p.Total, p.Page, p.PageSize, p.Pages, p.Items.Select(ViewOf).ToList()));
    }

    public static async Task<Ok<NotificationView>> ReadAsync(long notificationId, Inbox inbox, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(ViewOf(await inbox.MarkReadAsync(UserId(user), notificationId, ct)));

    public static async Task<Ok<ReadAllView>> ReadAllAsync(Inbox inbox, ClaimsPrincipal user, CancellationToken ct)
    {
        var marked = await inbox.MarkAllReadAsync(UserId(user), ct);
        return TypedResults.Ok(new ReadAllView(marked, await inbox.UnreadCountAsync(UserId(user), ct)));
    }

    public static async Task<Ok<List<PreferenceView>>> PreferencesAsync(Inbox inbox, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok((await inbox.PreferencesAsync(UserId(user), ct)).Select(ViewOf).ToList());

    public static async Task<Ok<List<PreferenceView>>> SavePreferencesAsync(PreferencesRequest req, Inbox inbox, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (req.Preferences is null || req.Preferences.Count == 0)
            errors.Add("preferences", "Geef per soort melding aan hoe je hem wilt krijgen.");
        var choices = new Dictionary<string, NotificationChannels>(StringComparer.Ordinal);
        foreach (var p in req.Preferences ?? [])
        {
            if (p.Kind is null || !NotificationKinds.IsKnown(p.Kind))
            {
                errors.Add("preferences", "Onbekend soort melding: {0}.", p.Kind ?? "");
                continue;
            }
            if (!choices.TryAdd(p.Kind, NotificationChannels.Off))
            {
                errors.Add("preferences", "{0} staat er meer dan eens in.", p.Kind);
                continue;
            }
            foreach (var c in p.Channels ?? [])
            {
                if (c == InApp) choices[p.Kind] |= NotificationChannels.InApp;
                else if (c == Mail) choices[p.Kind] |= NotificationChannels.Mail;
                else errors.Add("preferences", "Onbekend kanaal: {0} (kies inApp of mail).", c ?? "");
            }
            if (p.Channels is null) errors.Add("preferences", "Geef de kanalen voor {0} (een lege lijst is uit).", p.Kind);
        }
        ProblemException.ThrowIfAny(errors);
        await inbox.SavePreferencesAsync(UserId(user), choices, ct);
        return await PreferencesAsync(inbox, user, ct);
    }

    private static PreferenceView ViewOf(KindPreference p) => new(p.Kind, NotificationKinds.Name(p.Kind), Channels(p.Channels), p.IsDefault);

    public static List<string> Channels(NotificationChannels c) =>
        [.. c.HasFlag(NotificationChannels.InApp) ? [InApp] : Array.Empty<string>(), .. c.HasFlag(NotificationChannels.Mail) ? [Mail] : Array.Empty<string>()];
}
