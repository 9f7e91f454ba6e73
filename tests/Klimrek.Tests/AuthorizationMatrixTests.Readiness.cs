using System.Net.Http.Json;

namespace Klimrek.Tests;

public abstract partial class AuthorizationMatrixTests
{
    // Check-ins are Self's; nobody else reaches one of them by id (the begeleider reads shared ones through the shared view).
    private static IEnumerable<KeyValuePair<string, Who[]>> ReadinessRules() =>
    [
        new("PAGE /werkleren/bereidheid", SignedIn),
        new("GET /api/v1/me/werkleren/check-ins", SignedIn),
        new("POST /api/v1/me/werkleren/check-ins", SignedIn),
        new("PUT /api/v1/me/werkleren/check-ins/suggestion", SignedIn),
        new("PUT /api/v1/me/werkleren/check-ins/{checkInId}", [Who.Self]),
        new("DELETE /api/v1/me/werkleren/check-ins/{checkInId}", [Who.Self]),
    ];

    private static async Task ReadinessWorldAsync(AreaWorld w)
    {
        var c = await w.Ok(await w.Clients[Who.Self].PostAsJsonAsync("/api/v1/me/werkleren/check-ins",
            new { weten = 3, willen = 4, kunnen = 3, durven = 2, mogen = 4, shareWithBegeleider = true }));
        w.Values["checkInId"] = c.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
