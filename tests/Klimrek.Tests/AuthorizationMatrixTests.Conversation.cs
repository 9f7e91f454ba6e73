using Klimrek.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Collections.Concurrent;
using System.Net.Http.Json;

namespace Klimrek.Tests;

// Werkleren conversations, drivers and themes. In the world Self holds one conversation ("vooruit", answered), shared
// with their leidinggevende only: Manager may read it (API and page), CoachShared (named as begeleider, not shared with)
// may not, nor anyone else. Everything else under /me/werkleren is one's own (anyone signed in, about themselves);
// an item of someone else is 404. The question-set administration is for beheerders only.
public abstract partial class AuthorizationMatrixTests
{
    private static readonly Who[] ConversationReaders = [Who.Self, Who.Manager];

    private static IEnumerable<KeyValuePair<string, Who[]>> ConversationRules()
    {
        const string W = "/api/v1/me/werkleren";
        const string C = W + "/conversations/{conversationId}";
        return
        [
            new($"GET {W}/questions", SignedIn),
            new($"GET {W}/conversations", SignedIn),
            new($"POST {W}/conversations", SignedIn),
            new($"GET {C}", ConversationReaders),
            new($"PUT {C}", Author),
            new($"DELETE {C}", Author),
            new($"PUT {C}/sharing", Author),
            new($"POST {C}/answers/{{answerId}}/to-driver", Author),
            new($"POST {C}/answers/{{answerId}}/to-theme", Author),
            new($"POST {C}/answers/{{answerId}}/to-experiment", Author),
            new($"GET {W}/drivers", SignedIn),
            new($"PUT {W}/drivers", SignedIn),
            new($"GET {W}/themes", SignedIn),
            new($"POST {W}/themes", SignedIn),
            new($"PUT {W}/themes/{{themeId}}", Author),
            new($"DELETE {W}/themes/{{themeId}}", Author),
            new("GET /api/v1/admin/question-sets", Beheerders),
            new("GET /api/v1/admin/question-sets/current", Beheerders),
            new("POST /api/v1/admin/question-sets", Beheerders),
            new("PAGE /werkleren", SignedIn),
            new("PAGE /werkleren/gesprekken", SignedIn),
            new("PAGE /werkleren/gesprekken/nieuw", SignedIn),
            new("PAGE /werkleren/gesprekken/{conversationId}", ConversationReaders),
            new("PAGE /werkleren/drijfveren", SignedIn),
            new("PAGE /werkleren/praatplaat", SignedIn),
            new("PAGE /werkleren/praatplaat.pdf", SignedIn),
            new("PAGE /beheer/gespreksvragen", Beheerders),
        ];
    }

    private static async Task ConversationWorldAsync(AreaWorld w)
    {
        var self = w.Clients[Who.Self];
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var c = await w.Ok(await self.PostAsJsonAsync("/api/v1/me/werkleren/conversations", new
        {
            direction = "Vooruit", heldOn = today, with = "Collega", withName = "Sam",
            answers = new[] { new { questionKey = "bezig", answer = "De overdracht tussen de diensten" }, new { questionKey = "uitproberen", answer = "Een korte checklist bij de overdracht" } },
        }));
        int id = c.GetProperty("id").GetInt32();
        await w.Ok(await self.PutAsJsonAsync($"/api/v1/me/werkleren/conversations/{id}/sharing", new { sharedWithBegeleider = false, sharedWithLeidinggevende = true }));
        var theme = await w.Ok(await self.PostAsJsonAsync("/api/v1/me/werkleren/themes", new { title = "Overdracht" }));
        w.Values["conversationId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        w.Values["answerId"] = c.GetProperty("answers")[0].GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        w.Values["themeId"] = theme.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
