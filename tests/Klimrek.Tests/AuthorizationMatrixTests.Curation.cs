namespace Klimrek.Tests;

// Curation of our Dutch skill labels: the label and its versions are public (like the beroepsbeeld history), correcting
// and restoring is for curators. {id} is a skill id (skill ids start at 1, as in DutchSkillsRules).
public abstract partial class AuthorizationMatrixTests
{
    private static IEnumerable<KeyValuePair<string, Who[]>> CurationRules() =>
    [
        new("GET /api/v1/skills/{id}/label", Everyone),
        new("PUT /api/v1/skills/{id}/label", Curators),
        new("POST /api/v1/skills/{id}/label/versions/{version}/restore", Curators),
        new("PAGE /vaardigheden/{id}/vertaling", Curators),
    ];

    /// <summary>A version number for the restore route (the skill has none: a curator gets 404, the others 401/403 first).</summary>
    private static Task CurationWorldAsync(AreaWorld w)
    {
        w.Values["version"] = "1";
        return Task.CompletedTask;
    }
}
