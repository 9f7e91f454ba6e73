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
        Func<HttpResponseMessage, Task<JsonElement>> Ok, KlimrekApp App);

    private static Dictionary<string, Who[]> WithAreaRules(Dictionary<string, Who[]> core)
    {
        var all = new Dictionary<string, Who[]>(core, StringComparer.Ordinal);
        foreach (var (route, who) in NotificationRules().Concat(ConversationRules()).Concat(ExperimentRules()).Concat(ClimateRules())
                     .Concat(ReadinessRules()).Concat(CycleRules()).Concat(SharingRules())
                     .Concat(LcOrganisationRules()).Concat(LcInstrumentRules()).Concat(LcRoundRules()).Concat(LcAnsweringRules()).Concat(LcResultRules())
                     .Concat(LcCoachingRules()).Concat(DutchSkillsRules()).Concat(MijnKlimrekRules()).Concat(SamenLerenDuoRules())
                     .Concat(SamenLerenRunRules()).Concat(CurationRules()).Concat(GuidanceRules()))
            all.Add(route, who);
        return all;
    }

    private static async Task AreasWorldAsync(AreaWorld w)
    {
        // Sharing first: it names Manager as Self's leidinggevende and CoachShared as Self's begeleider.
        foreach (var area in new Func<AreaWorld, Task>[]
                 {
                     SharingWorldAsync, NotificationWorldAsync, ConversationWorldAsync, ExperimentWorldAsync, ClimateWorldAsync, ReadinessWorldAsync, CycleWorldAsync,
                     // Leercultuur: the organisation world first (Steward is HR of it, OtherSteward HR of another), then rounds, answers, results, coaching.
                     LcOrganisationWorldAsync, LcInstrumentWorldAsync, LcRoundWorldAsync, LcAnsweringWorldAsync, LcResultWorldAsync, LcCoachingWorldAsync,
                     CurationWorldAsync, GuidanceWorldAsync,
                 })
        {
            // A route value is one area's: an area that sets a name another already set would send the other's routes
            // to the wrong record (and the matrix would test nothing).
            var before = new Dictionary<string, string>(w.Values);
            await area(w);
            var overwritten = before.Where(kv => w.Values[kv.Key] != kv.Value).Select(kv => kv.Key).ToList();
            Assert.True(overwritten.Count == 0, $"{area.Method.Name} changed route values set before it: {string.Join(", ", overwritten)}");
        }
    }
}
