using System.Net.Http.Json;

namespace Klimrek.Tests;

// Notifications: the inbox and the choices per kind are always the signed-in person's own. In the world, Partner puts
// Self in Partner's micro learning climate and sends Self a signal, so Self has one notification: only Self may mark it
// read (anyone else: 404).
public abstract partial class AuthorizationMatrixTests
{
    private static IEnumerable<KeyValuePair<string, Who[]>> NotificationRules() =>
    [
        new("GET /api/v1/me/inbox", SignedIn),
        new("POST /api/v1/me/inbox/{notificationId}/read", [Who.Self]),
        new("POST /api/v1/me/inbox/read-all", SignedIn),
        new("GET /api/v1/me/notification-preferences", SignedIn),
        new("PUT /api/v1/me/notification-preferences", SignedIn),
        new("PAGE /meldingen", SignedIn),
        new("PAGE /account/meldingen", SignedIn),
    ];

    private static async Task NotificationWorldAsync(AreaWorld w)
    {
        var partner = w.Clients[Who.Partner];
        var member = await w.Ok(await partner.PostAsJsonAsync("/api/v1/me/werkleren/circle",
            new { name = "Self", email = w.Users[Who.Self].Email, roles = new[] { "denktMee" } }));
        await w.Ok(await partner.PostAsJsonAsync("/api/v1/me/werkleren/signals",
            new { text = "Kijk je mee?", memberIds = new[] { member.GetProperty("id").GetInt32() } }));
        var inbox = await w.Ok(await w.Clients[Who.Self].GetAsync("/api/v1/me/inbox"));
        w.Values["notificationId"] = inbox.GetProperty("items")[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
