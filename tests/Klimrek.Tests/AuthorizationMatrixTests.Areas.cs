using System.Text.Json;

namespace Klimrek.Tests;

// Each capability adds its rules and its part of the world in a file of its own
// (AuthorizationMatrixTests.<Area>.cs): a method returning its rules (computed on call, so that the shared arrays such
// as SignedIn exist by then) and a method that creates what its routes need, adding route values to Values.
public abstract partial class AuthorizationMatrixTests
{
    /// <summary>What an area's world set-up gets: the people, their clients, the route values to add to, and a call checker.</summary>
    private sealed record AreaWorld(
        Dictionary<Who, KlimrekApp.TestUser> Users, Dictionary<Who, HttpClient> Clients, Dictionary<string, string> Values,
        Func<HttpResponseMessage, Task<JsonElement>> Ok);

    private static Dictionary<string, Who[]> WithAreaRules(Dictionary<string, Who[]> core)
    {
        var all = new Dictionary<string, Who[]>(core, StringComparer.Ordinal);
        foreach (var (route, who) in NotificationRules().Concat(ConversationRules()).Concat(ExperimentRules()).Concat(ClimateRules())
                     .Concat(ReadinessRules()).Concat(CycleRules()).Concat(SharingRules()))
            all.Add(route, who);
        return all;
    }

    private static async Task AreasWorldAsync(AreaWorld w)
    {
        // Sharing first: it names Manager as Self's leidinggevende and CoachShared as Self's begeleider.
        await SharingWorldAsync(w);
        await NotificationWorldAsync(w);
        await ConversationWorldAsync(w);
        await ExperimentWorldAsync(w);
        await ClimateWorldAsync(w);
        await ReadinessWorldAsync(w);
        await CycleWorldAsync(w);
    }
}
