using Klimrek.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Collections.Concurrent;
using System.Net.Http.Json;

namespace Klimrek.Tests;

// Learning experiments. The world: Self owns an experiment (with a next step, so a follow-up can start), invited Partner
// who joined, planned a feedback moment, and shared it with the leidinggevende only — so Manager reads it and
// CoachShared (named as begeleider, but not shared with) does not.
// Who may: reading the experiment: Self, the colleague who joined (Partner) and Manager; the texts and feedback moments:
// Self and Partner; the calendar file: those taking part (Self, Partner); members, sharing, state, follow-up, evidence and
// deletion: Self alone; answering the invitation: the invited colleague (Partner). Everyone else is refused.
// An empty body ({}) is refused by validation for every write, so the allowed calls change nothing, except deleting: the
// DELETE of the experiment runs before the DELETEs of its moment and member (alphabetical), so Self's delete is refused
// while colleagues take part (409: remove them first) — see ExperimentService.DeleteAsync.
public abstract partial class AuthorizationMatrixTests
{
    private static IEnumerable<KeyValuePair<string, Who[]>> ExperimentRules()
    {
        const string E = "/api/v1/me/werkleren/experiments";
        Who[] owner = [Who.Self], taking = [Who.Self, Who.Partner], readers = [Who.Self, Who.Partner, Who.Manager];
        return
        [
            new($"GET {E}", SignedIn),
            new($"POST {E}", SignedIn),
            new($"GET {E}/{{experimentId}}", readers),
            new($"PUT {E}/{{experimentId}}", taking),
            new($"DELETE {E}/{{experimentId}}", owner),
            new($"POST {E}/{{experimentId}}/state", owner),
            new($"POST {E}/{{experimentId}}/follow-up", owner),
            new($"POST {E}/{{experimentId}}/members", owner),
            new($"DELETE {E}/{{experimentId}}/members/{{memberId}}", owner),
            new($"POST {E}/{{experimentId}}/response", [Who.Partner]),
            new($"POST {E}/{{experimentId}}/feedback-moments", taking),
            new($"PUT {E}/{{experimentId}}/feedback-moments/{{momentId}}", taking),
            new($"DELETE {E}/{{experimentId}}/feedback-moments/{{momentId}}", taking),
            new($"PUT {E}/{{experimentId}}/sharing", owner),
            new($"POST {E}/{{experimentId}}/evidence", owner),
            new($"GET {E}/{{experimentId}}/calendar.ics", taking),
            new("PAGE /werkleren/experimenten", SignedIn),
            new("PAGE /werkleren/experimenten/nieuw", SignedIn),
            new("PAGE /werkleren/experimenten/{experimentId}", readers),
        ];
    }

    private static async Task ExperimentWorldAsync(AreaWorld w)
    {
        var (self, partner) = (w.Clients[Who.Self], w.Clients[Who.Partner]);
        const string E = "/api/v1/me/werkleren/experiments";
        var created = await w.Ok(await self.PostAsJsonAsync(E, new { title = "Matrix-experiment", whatAndWhy = "Overdracht aan bed" }));
        var id = created.GetProperty("id").GetInt32();
        await w.Ok(await self.PostAsJsonAsync($"{E}/{id}/state", new { to = "loopt" }));
        await w.Ok(await self.PutAsJsonAsync($"{E}/{id}", new { title = "Matrix-experiment", nextStep = "Met twee collega's verder" }));
        await w.Ok(await self.PostAsJsonAsync($"{E}/{id}/members", new { email = w.Users[Who.Partner].Email }));
        await w.Ok(await partner.PostAsJsonAsync($"{E}/{id}/response", new { accept = true }));
        var moment = await w.Ok(await self.PostAsJsonAsync($"{E}/{id}/feedback-moments",
            new { date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)), time = "15:00", durationMinutes = 30 }));
        await w.Ok(await self.PutAsJsonAsync($"{E}/{id}/sharing", new { begeleider = false, leidinggevende = true }));
        var view = await w.Ok(await self.GetAsync($"{E}/{id}"));
        w.Values["experimentId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        w.Values["momentId"] = moment.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        w.Values["memberId"] = view.GetProperty("members")[0].GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);

    }
}
