using Klimrek.Core.Atlas;
using Klimrek.Data;
using Klimrek.Features.Esco;
using Klimrek.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.RegularExpressions;

namespace Klimrek.Tests;

/// <summary>
/// Issue 13: a curator moves an ESCO skill to another aspect of a beroepsbeeld; the move is a version of the section
/// "aspecten" (history, restore) and the occupation page shows the skill under its new aspect.
/// </summary>
public abstract partial class CurationTests
{
    private sealed record MovableSkill(int Occupation, int SkillId, string Uri, BodyAspect Esco, string ForeignUri);

    /// <summary>An occupation nobody curated yet that has ESCO skills, one of its skills, and a skill it does not have.</summary>
    private async Task<MovableSkill> MovableSkillAsync() => await app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<KlimrekDbContext>();
        var used = await db.ImageRevisions.Select(r => r.OccupationId).Distinct().ToListAsync();
        var occ = await db.OccupationSkills.Where(r => !used.Contains(r.OccupationId)).OrderBy(r => r.OccupationId).Select(r => r.OccupationId).FirstAsync();
        var skill = await db.OccupationSkills.Where(r => r.OccupationId == occ).OrderBy(r => r.SkillId).Select(r => r.Skill!).FirstAsync();
        var foreign = await db.Skills.Where(s => !db.OccupationSkills.Any(r => r.OccupationId == occ && r.SkillId == s.Id)).OrderBy(s => s.Id).Select(s => s.Uri).FirstAsync();
        var esco = (await sp.GetRequiredService<EscoCatalogue>().GetAsync()).SkillAspects.GetValueOrDefault(skill.Id, BodyAspect.Handen);
        return new MovableSkill(occ, skill.Id, skill.Uri, esco, foreign);
    });

    private static Task<HttpResponseMessage> MoveAsync(HttpClient client, int occ, string uri, string aspect, int baseVersion, string? formPage = null) =>
        KlimrekApp.PostFormAsync(client, $"/beroepen/{occ}/bewerken/aspecten",
            new() { ["Moves[0].Uri"] = uri, ["Moves[0].Aspect"] = aspect, ["BaseVersion"] = baseVersion.ToString(), ["Origin"] = "werkgever" }, formPage);

    /// <summary>The HTML of one aspect's section on the occupation page.</summary>
    private static string AspectSection(string page, BodyAspect aspect) =>
        Regex.Match(page, $"<section class=\"aspect aspect-{aspect.Key()}\".*?</section>", RegexOptions.Singleline).Value;

    private async Task<List<ImageRevision>> MoveRevisionsAsync(int occ) =>
        (await RevisionsAsync(occ)).Where(r => r.Section == ImageSections.Aspecten).ToList();

    [Fact]
    public async Task A_curator_moves_a_skill_to_another_aspect_and_restoring_moves_it_back()
    {
        var s = await MovableSkillAsync();
        var curator = await app.LoginAsync(Roles.Curator);
        var link = $"href=\"/vaardigheden/{s.SkillId}\"";
        var before = await app.Anonymous().GetStringAsync($"/beroepen/{s.Occupation}");
        Assert.Contains(link, AspectSection(before, s.Esco));
        Assert.DoesNotContain(link, AspectSection(before, BodyAspect.Voeten));

        var form = await curator.GetStringAsync($"/beroepen/{s.Occupation}/bewerken/aspecten");
        Assert.Contains("Verplaats naar Voeten", form);
        Assert.Contains($"value=\"{s.Uri}\"", form);

        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(curator, s.Occupation, s.Uri, "voeten", 0)).StatusCode);
        var moved = await app.Anonymous().GetStringAsync($"/beroepen/{s.Occupation}");
        Assert.Contains(link, AspectSection(moved, BodyAspect.Voeten));
        Assert.Contains("verplaatst door een curator", AspectSection(moved, BodyAspect.Voeten));
        Assert.DoesNotContain(link, AspectSection(moved, s.Esco));
        var api = await app.Anonymous().GetStringAsync($"/api/v1/occupations/{s.Occupation}");
        Assert.Matches($"\"uri\":\"{Regex.Escape(s.Uri)}\"[^}}]*\"aspect\":\"voeten\"", api);

        // A second move is a second version; both are in the history.
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(curator, s.Occupation, s.Uri, "omgeving", 1)).StatusCode);
        var versions = await MoveRevisionsAsync(s.Occupation);
        Assert.Equal([$"{s.Uri}\tvoeten", $"{s.Uri}\tomgeving"], versions.Select(r => r.Content));
        var history = await app.Anonymous().GetStringAsync($"/beroepen/{s.Occupation}/versies");
        Assert.Contains($"/beroepen/{s.Occupation}/versies/{versions[1].Id}", history);
        var second = await app.Anonymous().GetStringAsync($"/beroepen/{s.Occupation}/versies/{versions[1].Id}");
        Assert.Matches("→\\s*Omgeving", second);
        Assert.Contains(link, AspectSection(await app.Anonymous().GetStringAsync($"/beroepen/{s.Occupation}"), BodyAspect.Omgeving));

        // Restoring version 1 moves the skill back to voeten, as version 3.
        var first = $"/beroepen/{s.Occupation}/versies/{versions[0].Id}";
        var restore = await KlimrekApp.PostFormAsync(curator, first + "?handler=Restore", new() { ["baseVersion"] = "2" }, first);
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        Assert.Equal(3, (await MoveRevisionsAsync(s.Occupation)).Count);
        var restored = await app.Anonymous().GetStringAsync($"/beroepen/{s.Occupation}");
        Assert.Contains(link, AspectSection(restored, BodyAspect.Voeten));
        Assert.DoesNotContain(link, AspectSection(restored, BodyAspect.Omgeving));

        // Choosing ESCO's own aspect again removes the move: the skill is back where ESCO puts it, unmarked.
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(curator, s.Occupation, s.Uri, s.Esco.Key(), 3)).StatusCode);
        Assert.Equal("", (await MoveRevisionsAsync(s.Occupation)).Last().Content);
        var back = await app.Anonymous().GetStringAsync($"/beroepen/{s.Occupation}");
        Assert.Contains(link, AspectSection(back, s.Esco));
        Assert.DoesNotContain("verplaatst door een curator", back);
    }

    [Fact]
    public async Task Moves_with_a_bad_aspect_or_a_skill_of_another_occupation_are_refused_in_Dutch()
    {
        var s = await MovableSkillAsync();
        var curator = await app.LoginAsync(Roles.Curator);

        var badAspect = await MoveAsync(curator, s.Occupation, s.Uri, "neus", 0);
        Assert.Equal(HttpStatusCode.OK, badAspect.StatusCode);
        var html = await badAspect.Content.ReadAsStringAsync();
        Assert.Contains("Niet opgeslagen", html);
        Assert.Contains("Onbekend aspect. Kies hoofd, handen, hart, mond, buik, voeten of omgeving.", html);

        var foreign = await MoveAsync(curator, s.Occupation, s.ForeignUri, "voeten", 0);
        Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
        Assert.Contains("Alleen vaardigheden van dit beroep kunnen verplaatst worden.", await foreign.Content.ReadAsStringAsync());

        Assert.Empty(await MoveRevisionsAsync(s.Occupation));
        Assert.DoesNotContain("verplaatst door een curator", await app.Anonymous().GetStringAsync($"/beroepen/{s.Occupation}"));
    }

    [Fact]
    public async Task A_non_curator_cannot_move_skills()
    {
        var s = await MovableSkillAsync();
        var deelnemer = await app.LoginAsync(Roles.Deelnemer);
        var refused = await MoveAsync(deelnemer, s.Occupation, s.Uri, "voeten", 0, "/");
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden || refused.Headers.Location?.OriginalString.Contains("geen-toegang", StringComparison.Ordinal) == true,
            $"a deelnemer's move answered {refused.StatusCode} {refused.Headers.Location}");
        Assert.Empty(await MoveRevisionsAsync(s.Occupation));
        Assert.DoesNotContain("Vaardigheden verplaatsen", await deelnemer.GetStringAsync($"/beroepen/{s.Occupation}"));
    }
}
