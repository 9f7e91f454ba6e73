using Klimrek.Core.Atlas;
using Klimrek.Data;
using Klimrek.Features.Career.Profile;
using Klimrek.Features.Esco;
using Klimrek.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Klimrek.Tests;

/// <summary>
/// Mijn klimrek in daily use (issue 13): an occupation's skills grouped and accepted in bulk, the profile saved in one
/// form, import that asks merge or replace, the onboarding after registration, and the labelled climbing frame.
/// </summary>
public abstract partial class MijnKlimrekTests(KlimrekApp app)
{
    private const string NurseAssistant = "http://data.europa.eu/esco/occupation/87d0795a-d41f-47ee-979f-0ab7d73836e7";
    private const string Carpenter = "http://data.europa.eu/esco/occupation/2a22ff9e-de3b-408d-b312-5034896cc4f4";

    private Task<CatalogueSnapshot> CatalogueAsync() => app.Service(sp => sp.GetRequiredService<EscoCatalogue>()).GetAsync().AsTask();

    private async Task<int> OccupationIdAsync(string uri) => (await CatalogueAsync()).OccupationByUri[uri];

    private Task<List<(int SkillId, bool Essential)>> RequirementsAsync(int occupationId) => app.WithScopeAsync(async sp =>
        (await sp.GetRequiredService<KlimrekDbContext>().OccupationSkills.Where(r => r.OccupationId == occupationId)
            .Select(r => new { r.SkillId, r.IsEssential }).ToListAsync()).Select(r => (r.SkillId, r.IsEssential)).ToList());

    private static async Task<JsonElement> ProfileAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/api/v1/me/profile")).RootElement.Clone();

    private static HashSet<string> SkillUris(JsonElement profile) =>
        profile.GetProperty("skills").EnumerateArray().Select(s => s.GetProperty("uri").GetString()!).ToHashSet();

    /// <summary>Posts a form whose fields may repeat (checkbox lists), with the antiforgery token of <paramref name="formPage"/>.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string formPage, List<KeyValuePair<string, string>> fields)
    {
        var token = TokenRegex().Match(await client.GetStringAsync(formPage));
        Assert.True(token.Success, "no antiforgery token on " + formPage);
        fields.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string url, string formPage, byte[] content, string? mode)
    {
        var token = TokenRegex().Match(await client.GetStringAsync(formPage));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(content), "file", "profiel.json");
        if (mode is not null) form.Add(new StringContent(mode), "mode");
        return await client.PostAsync(url, form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    private static JsonObject Document(IEnumerable<(string Uri, string? Note)> skills, params string[] occupations) => new()
    {
        ["format"] = "klimrek-skills-profile",
        ["version"] = 1,
        ["taxonomy"] = "ESCO v1.1.1",
        ["occupations"] = new JsonArray(occupations.Select(o => (JsonNode)new JsonObject { ["uri"] = o }).ToArray()),
        ["skills"] = new JsonArray(skills.Select(s => (JsonNode)new JsonObject
        {
            ["uri"] = s.Uri, ["evidence"] = "werkervaring", ["validation"] = "middel", ["note"] = s.Note,
        }).ToArray()),
    };

    private static async Task PutAsync(HttpClient client, JsonObject doc, string? mode = null)
    {
        var r = await client.PutAsync("/api/v1/me/profile" + (mode is null ? "" : "?mode=" + mode), new StringContent(doc.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
    }

    private async Task<List<string>> SkillUrisOfAsync(string occupationUri, int count)
    {
        var c = await CatalogueAsync();
        var id = c.OccupationByUri[occupationUri];
        return (await RequirementsAsync(id)).Select(r => c.Skills[r.SkillId].Uri).Order(StringComparer.Ordinal).Take(count).ToList();
    }

    // ---- 1. Adding an occupation: grouped, Dutch, bulk ----

    [Fact]
    public async Task Adding_an_occupation_groups_its_skills_essential_first_and_accepts_all_essential_and_a_whole_group_in_one_submit()
    {
        var user = await app.LoginAsUserAsync(Roles.Deelnemer);
        var id = await OccupationIdAsync(NurseAssistant);
        var c = await CatalogueAsync();
        var requirements = await RequirementsAsync(id);
        var page = await user.Client.GetStringAsync($"/klimrek/beroep-toevoegen?id={id}");
        var html = WebUtility.HtmlDecode(page);

        // Essential first, then the others; each kind in groups by aspect, in Dutch labels.
        int essential = html.IndexOf("Essentiële vaardigheden", StringComparison.Ordinal), optional = html.IndexOf("Aanvullende vaardigheden", StringComparison.Ordinal);
        Assert.True(essential > 0 && optional > essential, "essential skills are not listed first");
        var keys = Regex.Matches(page, "<fieldset class=\"proposal-group\" id=\"groep-([a-z-]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.True(keys.Count >= 3, "the skills are not grouped");
        Assert.Equal(keys.OrderByDescending(k => k.StartsWith("essentieel-", StringComparison.Ordinal)).ToList(), keys);
        var anySkill = requirements.First(r => r.Essential).SkillId;
        Assert.Contains(c.Skills[anySkill].Label("nl").Text, html);
        Assert.Contains("name=\"allEssential\"", page);

        // One submit: every essential skill, plus one whole optional group, plus nothing else.
        var group = keys.First(k => k.StartsWith("optioneel-", StringComparison.Ordinal));
        var block = page[page.IndexOf($"id=\"groep-{group}\"", StringComparison.Ordinal)..];
        block = block[..block.IndexOf("</fieldset>", StringComparison.Ordinal)];
        var groupSkills = Regex.Matches(block, "name=\"skills\" value=\"(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.NotEmpty(groupSkills);
        Assert.All(groupSkills, s => Assert.Contains(requirements, r => r.SkillId == s && !r.Essential));
        var r = await PostAsync(user.Client, "/klimrek/beroep-toevoegen", $"/klimrek/beroep-toevoegen?id={id}",
            [new("id", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("allEssential", "true"), new("groups", group), new("groups", "essentieel-bestaat-niet")]);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        var expected = requirements.Where(x => x.Essential).Select(x => x.SkillId).Concat(groupSkills).Select(s => c.Skills[s].Uri).ToHashSet();
        Assert.Equal(expected.Order(StringComparer.Ordinal), SkillUris(await ProfileAsync(user.Client)).Order(StringComparer.Ordinal));
        // The ticked individual skills count too, and a skill already in the profile is shown as such.
        var again = await user.Client.GetStringAsync($"/klimrek/beroep-toevoegen?id={id}");
        Assert.Contains("staat al in je profiel", again);
    }

    [Fact]
    public async Task Proposal_groups_follow_the_catalogue_aspects()
    {
        var c = await CatalogueAsync();
        var id = await OccupationIdAsync(Carpenter);
        var requirements = await RequirementsAsync(id);
        var proposed = requirements.Select(r => new Klimrek.Features.Career.ProposedSkill(r.SkillId, c.Skills[r.SkillId].Uri, c.Skills[r.SkillId].Label("nl"), r.Essential, false,
            c.SkillAspects.TryGetValue(r.SkillId, out var a) ? a : null)).ToList();
        var groups = Klimrek.Features.Career.ProfileService.Group(proposed);
        Assert.Equal(requirements.Count, groups.Sum(g => g.Skills.Count));
        Assert.All(groups, g => Assert.All(g.Skills, s => Assert.Equal((g.Essential, g.Aspect), (s.Essential, s.Aspect))));
        Assert.Equal(groups.Count, groups.Select(g => g.Key).Distinct().Count());
        Assert.True(groups.SkipWhile(g => g.Essential).All(g => !g.Essential));
        // All essential chosen in bulk = exactly the essential ones.
        var chosen = Klimrek.Features.Career.ProfileService.Chosen(proposed, [], [], allEssential: true);
        Assert.Equal(requirements.Where(r => r.Essential).Select(r => r.SkillId).Order(), chosen.Order());
        Assert.Contains(groups, g => g.Aspect is BodyAspect);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MijnKlimrekTestsSqlite(SqliteApp app) : MijnKlimrekTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MijnKlimrekTestsPostgres(PostgresApp app) : MijnKlimrekTests(app);
