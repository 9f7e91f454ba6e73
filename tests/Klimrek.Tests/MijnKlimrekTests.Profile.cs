using Klimrek.Infrastructure;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Klimrek.Tests;

public abstract partial class MijnKlimrekTests
{
    // ---- 2. One form, one save ----

    private sealed record Row(int Index, int SkillId, int Version);

    private static List<Row> Rows(string page) => Regex.Matches(page,
            "name=\"rows\\[(\\d+)\\].SkillId\" value=\"(\\d+)\" />\\s*<input type=\"hidden\" name=\"rows\\[\\d+\\].Version\" value=\"(\\d+)\"")
        .Select(m => new Row(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture)))
        .ToList();

    private static List<KeyValuePair<string, string>> RowFields(Row r, string evidence = "werkervaring", string validation = "middel", string? note = null, bool remove = false, int? version = null)
    {
        var f = new List<KeyValuePair<string, string>>
        {
            new($"rows[{r.Index}].SkillId", r.SkillId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new($"rows[{r.Index}].Version", (version ?? r.Version).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new($"rows[{r.Index}].Evidence", evidence), new($"rows[{r.Index}].Validation", validation), new($"rows[{r.Index}].Note", note ?? ""),
        };
        if (remove) f.Add(new($"rows[{r.Index}].Remove", "true"));
        return f;
    }

    [Fact]
    public async Task The_profile_is_edited_in_one_form_with_one_save_and_its_key_actions_are_at_the_top()
    {
        var user = await app.LoginAsUserAsync(Roles.Deelnemer);
        var uris = await SkillUrisOfAsync(NurseAssistant, 4);
        await PutAsync(user.Client, Document(uris.Select(u => (u, (string?)null)), NurseAssistant, Carpenter));
        var page = await user.Client.GetStringAsync("/klimrek/profiel");

        // Share, export and import before the rows.
        int actions = page.IndexOf("class=\"profile-actions\"", StringComparison.Ordinal);
        Assert.True(actions > 0 && actions < page.IndexOf("name=\"rows[0].SkillId\"", StringComparison.Ordinal), "key actions not at the top");
        var top = page[actions..page.IndexOf("</nav>", actions, StringComparison.Ordinal)];
        Assert.Contains("#delen", top);
        Assert.Contains("handler=Json", top);
        Assert.Contains("#inlezen", top);
        Assert.Single(Regex.Matches(page, "handler=SaveAll"));

        var rows = Rows(page);
        Assert.Equal(4, rows.Count);
        var carpenter = await OccupationIdAsync(Carpenter);
        var fields = new List<KeyValuePair<string, string>>();
        fields.AddRange(RowFields(rows[0], "diploma", "zwaar", "mbo-diploma"));
        fields.AddRange(RowFields(rows[1], remove: true));
        fields.AddRange(RowFields(rows[2], "certificaat", "middel", "cursus"));
        fields.AddRange(RowFields(rows[3]));
        fields.Add(new("removeOccupations", carpenter.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var saved = await PostAsync(user.Client, "/klimrek/profiel?handler=SaveAll", "/klimrek/profiel", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var profile = await ProfileAsync(user.Client);
        var skills = profile.GetProperty("skills").EnumerateArray().ToList();
        Assert.Equal(3, skills.Count);
        Assert.Contains(skills, s => s.GetProperty("note").GetString() == "mbo-diploma" && s.GetProperty("evidence").GetString() == "diploma" && s.GetProperty("validation").GetString() == "zwaar");
        Assert.Contains(skills, s => s.GetProperty("note").GetString() == "cursus" && s.GetProperty("evidence").GetString() == "certificaat");
        Assert.Equal([NurseAssistant], profile.GetProperty("occupations").EnumerateArray().Select(o => o.GetProperty("uri").GetString()));
        Assert.Contains("Je wijzigingen zijn bewaard", WebUtility.HtmlDecode(await user.Client.GetStringAsync("/klimrek/profiel")));

        // A form loaded before another save: nothing of it is saved (not even its unchanged-elsewhere rows), both versions shown.
        var stalePage = await user.Client.GetStringAsync("/klimrek/profiel");
        var now = Rows(stalePage);
        var first = now.First(r => r.Version > 0);
        var other = now.First(r => r != first);
        var stale = new List<KeyValuePair<string, string>>();
        stale.AddRange(RowFields(first, "zelfbeoordeling", "licht", "uit een oud tabblad", version: first.Version - 1));
        stale.AddRange(RowFields(other, "diploma", "zwaar", "ook niet bewaard"));
        var refused = await PostAsync(user.Client, "/klimrek/profiel?handler=SaveAll", "/klimrek/profiel", stale);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Iemand anders heeft dit intussen gewijzigd.", html);
        Assert.Contains("value=\"uit een oud tabblad\"", html);
        var after = (await ProfileAsync(user.Client)).GetProperty("skills").EnumerateArray().Select(s => s.GetProperty("note").GetString()).ToList();
        Assert.DoesNotContain("uit een oud tabblad", after);
        Assert.DoesNotContain("ook niet bewaard", after);

        // Bad input changes nothing either.
        var bad = new List<KeyValuePair<string, string>>();
        bad.AddRange(RowFields(now[0], "onzin"));
        bad.AddRange(RowFields(now[1], remove: true));
        var badAnswer = await PostAsync(user.Client, "/klimrek/profiel?handler=SaveAll", "/klimrek/profiel", bad);
        Assert.Equal(HttpStatusCode.OK, badAnswer.StatusCode);
        Assert.Equal(3, (await ProfileAsync(user.Client)).GetProperty("skills").GetArrayLength());
    }

    // ---- 3. Import: merge or replace ----

    [Fact]
    public async Task Import_asks_merge_or_replace_and_does_either_all_or_nothing()
    {
        var user = await app.LoginAsUserAsync(Roles.Deelnemer);
        var uris = await SkillUrisOfAsync(NurseAssistant, 5);
        await PutAsync(user.Client, Document(uris.Take(3).Select(u => (u, (string?)"mijn eigen")), NurseAssistant));
        var file = Encoding.UTF8.GetBytes(Document(uris.Skip(2).Select(u => (u, (string?)"uit het bestand")), Carpenter).ToJsonString());

        var page = await user.Client.GetStringAsync("/klimrek/profiel");
        Assert.Contains("name=\"mode\" value=\"merge\"", page);
        Assert.Contains("name=\"mode\" value=\"replace\"", page);
        // Not chosen: asked, nothing changes.
        var before = await user.Client.GetStringAsync("/api/v1/me/profile");
        var unasked = await PostFileAsync(user.Client, "/klimrek/profiel?handler=Import", "/klimrek/profiel", file, null);
        Assert.Contains("samenvoegen", WebUtility.HtmlDecode(await unasked.Content.ReadAsStringAsync()));
        Assert.Equal(before, await user.Client.GetStringAsync("/api/v1/me/profile"));

        // Merge: what is there stays as it is, what is new comes in.
        Assert.Equal(HttpStatusCode.Redirect, (await PostFileAsync(user.Client, "/klimrek/profiel?handler=Import", "/klimrek/profiel", file, "merge")).StatusCode);
        var merged = await ProfileAsync(user.Client);
        Assert.Equal(uris.ToHashSet(), SkillUris(merged));
        Assert.Equal("mijn eigen", merged.GetProperty("skills").EnumerateArray().Single(s => s.GetProperty("uri").GetString() == uris[2]).GetProperty("note").GetString());
        Assert.Equal(new[] { Carpenter, NurseAssistant }.Order(StringComparer.Ordinal), merged.GetProperty("occupations").EnumerateArray().Select(o => o.GetProperty("uri").GetString()!).Order(StringComparer.Ordinal));

        // A broken file in merge mode changes nothing.
        var broken = Document([(uris[0], null), ("http://data.europa.eu/esco/skill/bestaat-niet", null)]).ToJsonString();
        var refused = await PostFileAsync(user.Client, "/klimrek/profiel?handler=Import", "/klimrek/profiel", Encoding.UTF8.GetBytes(broken), "merge");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("onbekende ESCO-vaardigheid", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(uris.ToHashSet(), SkillUris(await ProfileAsync(user.Client)));

        // Replace: the profile becomes the file.
        Assert.Equal(HttpStatusCode.Redirect, (await PostFileAsync(user.Client, "/klimrek/profiel?handler=Import", "/klimrek/profiel", file, "replace")).StatusCode);
        var replaced = await ProfileAsync(user.Client);
        Assert.Equal(uris.Skip(2).ToHashSet(), SkillUris(replaced));
        Assert.All(replaced.GetProperty("skills").EnumerateArray(), s => Assert.Equal("uit het bestand", s.GetProperty("note").GetString()));

        // The API: mode=merge adds, an unknown mode is a 400 and changes nothing.
        await PutAsync(user.Client, Document([(uris[0], null)]), "merge");
        Assert.Equal(uris.Skip(2).Append(uris[0]).ToHashSet(), SkillUris(await ProfileAsync(user.Client)));
        var odd = await user.Client.PutAsync("/api/v1/me/profile?mode=alles", new StringContent(Document([]).ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, odd.StatusCode);
        Assert.Equal(4, SkillUris(await ProfileAsync(user.Client)).Count);
        await PutAsync(user.Client, Document([(uris[1], null)]), "replace");
        Assert.Equal([uris[1]], SkillUris(await ProfileAsync(user.Client)));
    }

    // ---- 4. Search ranking on the shipped ESCO data ----

    private async Task<List<string>> OccupationUrisAsync(string url)
    {
        var body = JsonDocument.Parse(await app.Anonymous().GetStringAsync(url)).RootElement;
        return body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("uri").GetString()!).ToList();
    }

    private static bool HasWord(string? label, string word) =>
        label is not null && Regex.Split(label.ToLowerInvariant(), "[^\\p{L}]+").Contains(word);

    [Fact]
    public async Task Nurse_finds_the_nurse_occupations_before_nanny_and_leraar_the_teachers_before_inspectors()
    {
        var c = await CatalogueAsync();
        var nanny = c.Occupations.Values.Single(o => o.LabelEn == "nanny").Uri;
        var nurses = c.Occupations.Values.Where(o => HasWord(o.LabelEn, "nurse")).Select(o => o.Uri).ToList();
        Assert.True(nurses.Count >= 4);
        foreach (var lang in new[] { "nl", "en" })
        {
            var found = await OccupationUrisAsync($"/api/v1/occupations?q=nurse&pageSize=100&lang={lang}");
            Assert.Contains(nanny, found);
            Assert.All(nurses, n => Assert.True(found.IndexOf(n) is >= 0 and var i && i < found.IndexOf(nanny), $"{n} not before nanny ({lang})"));
        }
        var teachers = c.Occupations.Values.Where(o => HasWord(o.LabelNl, "leraar")).Select(o => o.Uri).ToList();
        var inspectors = c.Occupations.Values.Where(o => o.LabelNl?.Contains("inspecteur", StringComparison.Ordinal) == true).Select(o => o.Uri).ToHashSet();
        var leraar = await OccupationUrisAsync("/api/v1/occupations?q=leraar&pageSize=100");
        var firstInspector = leraar.FindIndex(inspectors.Contains);
        Assert.True(firstInspector >= 0, "the test case lost its inspector (lasinspecteur, 'leraar lassen')");
        Assert.All(teachers, t => Assert.InRange(leraar.IndexOf(t), 0, firstInspector - 1));

        // The atlas page ranks the same way.
        var atlas = await app.Anonymous().GetStringAsync("/beroepen?q=nurse");
        int assistantAt = atlas.IndexOf($"/beroepen/{c.OccupationByUri[NurseAssistant]}\"", StringComparison.Ordinal);
        int nannyAt = atlas.IndexOf($"/beroepen/{c.OccupationByUri[nanny]}\"", StringComparison.Ordinal);
        Assert.True(assistantAt >= 0 && (nannyAt < 0 || assistantAt < nannyAt), "atlas page: nurse assistant not before nanny");
    }

    [Theory]
    [InlineData("plannen")]
    [InlineData("wondverzorging")]
    [InlineData("teamwork")]
    public async Task Skill_search_puts_preferred_label_matches_before_matches_on_other_labels(string q)
    {
        var c = await CatalogueAsync();
        var body = JsonDocument.Parse(await app.Anonymous().GetStringAsync($"/api/v1/skills?q={q}&pageSize=100")).RootElement;
        var items = body.GetProperty("items").EnumerateArray().Select(i => (Uri: i.GetProperty("uri").GetString()!, Matched: i.GetProperty("matchedLabel").GetString()!)).ToList();
        Assert.NotEmpty(items);
        bool Preferred(string uri) { var s = c.Skills[c.SkillByUri[uri]]; return HasWord(s.LabelNl, q) || HasWord(s.LabelEn, q); }
        bool Exact((string Uri, string Matched) i) => string.Equals(i.Matched.Trim(), q, StringComparison.OrdinalIgnoreCase);
        var firstOther = items.FindIndex(i => !Preferred(i.Uri) && !Exact(i));
        if (firstOther < 0) return;
        Assert.DoesNotContain(items.Skip(firstOther), i => Preferred(i.Uri) && HasWord(i.Matched, q));
    }
}
