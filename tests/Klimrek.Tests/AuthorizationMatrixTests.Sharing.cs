using System.Net.Http.Json;

namespace Klimrek.Tests;

// Sharing in werkleren. Self names Manager as leidinggevende and CoachShared as begeleider (the other areas' worlds rely
// on it); what each of them may open under shared-with-me/{ownerId} is what Self shared, which the other areas' worlds
// decide per item. Nobody else was named: they get 404. Removing a relation is Self's alone; the matrix removes the
// Manager relation in its last pass (DELETE routes run last), after every other check that needs it.
public abstract partial class AuthorizationMatrixTests
{
    private static readonly Who[] NamedBySelf = [Who.Manager, Who.CoachShared];

    private static IEnumerable<KeyValuePair<string, Who[]>> SharingRules() =>
    [
        new("GET /api/v1/me/werkleren/relations", SignedIn),
        new("POST /api/v1/me/werkleren/relations", SignedIn),
        new("DELETE /api/v1/me/werkleren/relations/{relationId}", [Who.Self]),
        new("GET /api/v1/me/werkleren/shared-with-me", SignedIn),
        new("GET /api/v1/me/werkleren/shared-with-me/{ownerId}", NamedBySelf),
        new("POST /api/v1/me/werkleren/shared-with-me/{ownerId}/comments", NamedBySelf),
        new("GET /api/v1/me/werkleren/comments", SignedIn),
        new("PAGE /werkleren/delen", SignedIn),
        new("PAGE /werkleren/gedeeld", SignedIn),
        new("PAGE /werkleren/gedeeld/{ownerId}", NamedBySelf),
    ];

    private static async Task SharingWorldAsync(AreaWorld w)
    {
        var self = w.Clients[Who.Self];
        await w.Ok(await self.PostAsJsonAsync("/api/v1/me/werkleren/relations", new { email = w.Users[Who.Manager].Email, kind = "leidinggevende" }));
        await w.Ok(await self.PostAsJsonAsync("/api/v1/me/werkleren/relations", new { email = w.Users[Who.CoachShared].Email, kind = "begeleider" }));
        var relations = (await w.Ok(await self.GetAsync("/api/v1/me/werkleren/relations"))).EnumerateArray().ToList();
        Assert.Equal(2, relations.Count);
        w.Values["relationId"] = relations.First(r => r.GetProperty("userId").GetString() == w.Users[Who.Manager].Id).GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        w.Values["ownerId"] = w.Users[Who.Self].Id;
    }
}
