namespace Klimrek.Features.Notifications;

/// <summary>The inbox and notification choices under <c>/api/v1/me</c>.</summary>
internal static class NotificationsApi
{
    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        // Filled in by the inbox work: GET /me/inbox, POST /me/inbox/{id}/read, GET/PUT /me/notification-preferences.
        return api;
    }
}
