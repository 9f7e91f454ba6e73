using System.Globalization;
using System.Net.Http.Json;

namespace Klimrek.Tests;

// Mijn microleerklimaat: nothing here is shared — not with the leidinggevende (Manager) nor the begeleider
// (CoachShared). Self owns a circle with Partner in it (by Partner's address, so linked to Partner's account) and an
// outsider known only by address, and sent a signal to both: Self alone reaches Self's members and signals; Partner
// alone answers the signal Partner received. The answer link's page is reached with a made-up token here, which is
// 404 for everyone (refused); ClimateTests opens the real one.
public abstract partial class AuthorizationMatrixTests
{
    private static IEnumerable<KeyValuePair<string, Who[]>> ClimateRules() =>
    [
        new("GET /api/v1/me/werkleren/circle", SignedIn),
        new("POST /api/v1/me/werkleren/circle", SignedIn),
        new("PUT /api/v1/me/werkleren/circle/{circleMemberId}", [Who.Self]),
        new("DELETE /api/v1/me/werkleren/circle/{circleMemberId}", [Who.Self]),
        new("GET /api/v1/me/werkleren/signals", SignedIn),
        new("POST /api/v1/me/werkleren/signals", SignedIn),
        new("GET /api/v1/me/werkleren/signals/{signalId}", [Who.Self]),
        new("GET /api/v1/me/werkleren/received-signals", SignedIn),
        new("POST /api/v1/me/werkleren/received-signals/{recipientId}/answer", [Who.Partner]),
        new("PAGE /werkleren/klimaat", SignedIn),
        new("PAGE /werkleren/signalen", SignedIn),
        new("PAGE /werkleren/signaal/{token}", []),
    ];

    private static async Task ClimateWorldAsync(AreaWorld w)
    {
        var self = w.Clients[Who.Self];
        var partner = await w.Ok(await self.PostAsJsonAsync("/api/v1/me/werkleren/circle",
            new { name = "Partner", email = w.Users[Who.Partner].Email, roles = new[] { "doetMee" } }));
        var outside = await w.Ok(await self.PostAsJsonAsync("/api/v1/me/werkleren/circle",
            new { name = "Buiten", email = "buiten-" + Guid.NewGuid().ToString("N")[..8] + "@example.org", roles = new[] { "moedigtAan" } }));
        var signal = await w.Ok(await self.PostAsJsonAsync("/api/v1/me/werkleren/signals",
            new { text = "Ik probeer iets nieuws, kijk je mee?", memberIds = new[] { partner.GetProperty("id").GetInt32(), outside.GetProperty("id").GetInt32() } }));
        var received = await w.Ok(await w.Clients[Who.Partner].GetAsync("/api/v1/me/werkleren/received-signals"));
        var mine = received.EnumerateArray().First(r => r.GetProperty("text").GetString() == "Ik probeer iets nieuws, kijk je mee?");
        w.Values["circleMemberId"] = partner.GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture);
        w.Values["signalId"] = signal.GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture);
        w.Values["recipientId"] = mine.GetProperty("recipientId").GetInt32().ToString(CultureInfo.InvariantCulture);
        w.Values["token"] = "geen-echte-link-" + Guid.NewGuid().ToString("N");
    }
}
