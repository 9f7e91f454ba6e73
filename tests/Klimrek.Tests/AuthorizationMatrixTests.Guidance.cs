using System.Globalization;
using System.Net.Http.Json;

namespace Klimrek.Tests;

// The career-guidance conversation on a shared profile: Self shared the profile with CoachShared (core world) and
// allows the conversation here. Self reaches it under /me/guidance/{begeleiderId}, CoachShared under
// /profiles/{userId}/guidance; a line is theirs alone. Everyone else: 404 (or 403 without the begeleider role).
public abstract partial class AuthorizationMatrixTests
{
    private static readonly Who[] GuidancePair = [Who.Self, Who.CoachShared];

    private static IEnumerable<KeyValuePair<string, Who[]>> GuidanceRules() =>
    [
        new("GET /api/v1/me/guidance", SignedIn),
        new("GET /api/v1/me/guidance/{begeleiderId}", [Who.Self]),
        new("PUT /api/v1/me/guidance/{begeleiderId}/consent", [Who.Self]),
        new("POST /api/v1/me/guidance/{begeleiderId}/entries", [Who.Self]),
        new("GET /api/v1/profiles/{userId}/guidance", SharedWith),
        new("POST /api/v1/profiles/{userId}/guidance/entries", SharedWith),
        new("PUT /api/v1/guidance/entries/{entryId}", GuidancePair),
        new("DELETE /api/v1/guidance/entries/{entryId}", GuidancePair),
        new("PAGE /klimrek/begeleiding", SignedIn),
    ];

    private static async Task GuidanceWorldAsync(AreaWorld w)
    {
        var coach = w.Users[Who.CoachShared].Id;
        await w.Ok(await w.Clients[Who.Self].PutAsJsonAsync($"/api/v1/me/guidance/{coach}/consent", new { allowed = true }));
        w.Values["begeleiderId"] = coach;
        w.Values["entryId"] = await NewGuidanceEntryAsync(w.Clients[Who.CoachShared], w.Users[Who.Self].Id);
    }

    /// <summary>A fresh line written by the begeleider (either of the two may delete it).</summary>
    private static async Task<string> NewGuidanceEntryAsync(HttpClient coach, string ownerId)
    {
        using var r = await coach.PostAsJsonAsync($"/api/v1/profiles/{ownerId}/guidance/entries", new { kind = "afspraak", text = "Volgende week een vacature bekijken" });
        r.EnsureSuccessStatusCode();
        var id = (await r.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
        return id.ToString(CultureInfo.InvariantCulture);
    }

    private static Task<string> NewGuidanceEntryAsync(World w) => NewGuidanceEntryAsync(w.Clients[Who.CoachShared], w.Values["userId"]);
}
