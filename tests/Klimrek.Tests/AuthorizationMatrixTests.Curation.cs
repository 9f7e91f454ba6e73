using System.Net.Http.Json;

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

    /// <summary>
    /// A correction of a skill label by the curator, so the restore route has a version to restore (without one a
    /// curator would get 404 and the matrix could not tell it from a refusal). The skill is one without an official
    /// Dutch label (the core world's labelSkillId), the only kind curators correct.
    /// </summary>
    private static async Task CurationWorldAsync(AreaWorld w)
    {
        var saved = await w.Ok(await w.Clients[Who.Curator].PutAsJsonAsync($"/api/v1/skills/{w.Values["labelSkillId"]}/label",
            new { label = "proefvertaling van de matrix", synonyms = Array.Empty<string>(), note = "matrix" }));
        w.Values["version"] = saved.GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
