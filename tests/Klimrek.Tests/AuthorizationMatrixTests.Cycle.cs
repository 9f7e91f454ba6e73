using System.Globalization;
using System.Net.Http.Json;

namespace Klimrek.Tests;

// The development cycle: everything under plans/{planId} is Self's alone (anyone else: 404); a leidinggevende or
// begeleider reads shared parts through shared-with-me (Sharing). In this world Self's plan shares its ambition and its
// conversations with Manager and nothing with CoachShared. Deleting a plan or a cycle conversation needs If-Match: the
// matrix sends none, so Self's calls are refused with 428 (allowed, nothing deleted) and the later routes still find them.
public abstract partial class AuthorizationMatrixTests
{
    private static IEnumerable<KeyValuePair<string, Who[]>> CycleRules()
    {
        Who[] owner = [Who.Self];
        const string P = "/api/v1/me/werkleren/plans";
        return
        [
            new($"GET {P}", SignedIn),
            new($"POST {P}", SignedIn),
            new($"GET {P}/{{planId}}", owner),
            new($"PUT {P}/{{planId}}", owner),
            new($"DELETE {P}/{{planId}}", owner),
            new($"PUT {P}/{{planId}}/sharing", owner),
            new($"GET {P}/{{planId}}/gap", owner),
            new($"POST {P}/{{planId}}/skills", owner),
            new($"DELETE {P}/{{planId}}/skills/{{planSkillId}}", owner),
            new($"POST {P}/{{planId}}/activities", owner),
            new($"PUT {P}/{{planId}}/activities/{{activityId}}", owner),
            new($"DELETE {P}/{{planId}}/activities/{{activityId}}", owner),
            new($"POST {P}/{{planId}}/conversations", owner),
            new($"GET {P}/{{planId}}/conversations/{{cycleId}}", owner),
            new($"PUT {P}/{{planId}}/conversations/{{cycleId}}", owner),
            new($"DELETE {P}/{{planId}}/conversations/{{cycleId}}", owner),
            new($"POST {P}/{{planId}}/conversations/{{cycleId}}/agreements", owner),
            new($"PUT {P}/{{planId}}/conversations/{{cycleId}}/agreements/{{agreementId}}", owner),
            new("PAGE /werkleren/pop", SignedIn),
            new("PAGE /werkleren/pop/gesprekken/{cycleId}", owner),
        ];
    }

    private static async Task CycleWorldAsync(AreaWorld w)
    {
        static string S(System.Text.Json.JsonElement e) => e.GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture);
        var self = w.Clients[Who.Self];
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var plan = await w.Ok(await self.PostAsJsonAsync("/api/v1/me/werkleren/plans", new { title = "Matrix", startsOn = today.AddMonths(-1), endsOn = today.AddMonths(11), ambition = "a" }));
        var P = $"/api/v1/me/werkleren/plans/{S(plan)}";
        await w.Ok(await self.PutAsJsonAsync($"{P}/sharing", new { leidinggevende = new[] { "ambition", "conversations" }, begeleider = Array.Empty<string>() }));
        var gap = await w.Ok(await self.GetAsync($"{P}/gap?occupationId={w.Values["id"]}"));
        var skillId = gap.GetProperty("missingEssential").EnumerateArray().Concat(gap.GetProperty("missingOptional").EnumerateArray()).First().GetProperty("skillId").GetInt32();
        var skills = await w.Ok(await self.PostAsJsonAsync($"{P}/skills", new { skillId }));
        var activity = await w.Ok(await self.PostAsJsonAsync($"{P}/activities", new { title = "Meelopen", form = "informeel", source = "anderen" }));
        var cycle = await w.Ok(await self.PostAsJsonAsync($"{P}/conversations", new { kind = "ontwikkelingsgesprek", date = today }));
        var agreement = await w.Ok(await self.PostAsJsonAsync($"{P}/conversations/{S(cycle)}/agreements", new { text = "Scholing aanvragen" }));
        w.Values["planId"] = S(plan);
        w.Values["planSkillId"] = S(skills[0]);
        w.Values["activityId"] = S(activity);
        w.Values["cycleId"] = S(cycle);
        w.Values["agreementId"] = S(agreement);
    }
}
