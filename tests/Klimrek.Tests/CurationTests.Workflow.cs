using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.RegularExpressions;

namespace Klimrek.Tests;

/// <summary>
/// Curation in daily use (issue 13): a confirmation after saving, versions compared as a word diff and restored as a new
/// version, writing only on behalf of one's own background, and long lists written in one go.
/// </summary>
public abstract partial class CurationTests
{
    [Fact]
    public async Task Saving_shows_a_confirmation_on_the_page_it_returns_to()
    {
        var occ = await FreshOccupationAsync();
        var curator = await app.LoginAsync(Roles.Curator);
        var save = await SaveTextAsync(curator, occ, "hoofd", "Kennis van hout en gereedschap.", 0);
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);

        var page = await curator.GetStringAsync(save.Headers.Location!.OriginalString);
        var status = Regex.Match(page, "<p class=\"notice ok\" role=\"status\"[^>]*>([^<]*)</p>");
        Assert.True(status.Success, "no status message after saving");
        Assert.Contains("Opgeslagen", status.Groups[1].Value);
        Assert.Contains("versie 1", status.Groups[1].Value);
        // Said once: the next visit does not repeat it.
        Assert.DoesNotContain("role=\"status\"", await curator.GetStringAsync($"/beroepen/{occ}"));
    }

    [Fact]
    public async Task History_compares_two_versions_word_by_word_with_the_previous_by_default()
    {
        var occ = await FreshOccupationAsync();
        var curator = await app.LoginAsync(Roles.Curator);
        await SaveTextAsync(curator, occ, "handen", "De timmerman zaagt hout.", 0);
        await SaveTextAsync(curator, occ, "handen", "De timmerman zaagt en schaaft hout.", 1);
        await SaveTextAsync(curator, occ, "handen", "De timmerman schaaft eikenhout.", 2);
        var r = await RevisionsAsync(occ);

        // Version 2 against version 1 (the default): two words added, marked for eyes and for screen readers.
        var v2 = await app.Anonymous().GetStringAsync($"/beroepen/{occ}/versies/{r[1].Id}");
        Assert.Contains("van versie 1 naar versie 2", v2);
        Assert.Matches("<ins><span class=\"visually-hidden\">\\[toegevoegd: </span>en schaaft <span", v2);
        Assert.DoesNotContain("<del>", v2);

        // Version 3 against version 1, chosen: "zaagt" and "hout" went, "schaaft" and "eikenhout" came.
        var v3 = await app.Anonymous().GetStringAsync($"/beroepen/{occ}/versies/{r[2].Id}?met={r[0].Id}");
        Assert.Contains("van versie 1 naar versie 3", v3);
        Assert.Matches("<del><span class=\"visually-hidden\">\\[verwijderd: </span>zaagt", v3);
        Assert.Matches("<ins><span class=\"visually-hidden\">\\[toegevoegd: </span>schaaft", v3);
        Assert.Contains("eikenhout", v3);
        // The first version has nothing before it.
        Assert.Contains("de eerste versie", await app.Anonymous().GetStringAsync($"/beroepen/{occ}/versies/{r[0].Id}"));
        // Anonymous visitors may compare, not restore.
        Assert.DoesNotContain("Deze versie terugzetten", v3);
    }

    [Fact]
    public async Task Restoring_a_version_adds_a_new_version_and_keeps_history()
    {
        var occ = await FreshOccupationAsync();
        var curator = await app.LoginAsync(Roles.Curator);
        await SaveTextAsync(curator, occ, "mond", "Overlegt met de klant.", 0);
        await SaveTextAsync(curator, occ, "mond", "Overlegt met de klant en de uitvoerder.", 1);
        var first = (await RevisionsAsync(occ))[0];
        var history = $"/beroepen/{occ}/versies/{first.Id}";
        Assert.Contains("Deze versie terugzetten", await curator.GetStringAsync(history));

        // Started from version 1 while version 2 is the newest: refused, nothing written.
        var stale = await KlimrekApp.PostFormAsync(curator, history + "?handler=Restore", new() { ["baseVersion"] = "1" }, history);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("intussen gewijzigd", await stale.Content.ReadAsStringAsync());
        Assert.Equal(2, (await RevisionsAsync(occ)).Count);

        // A deelnemer cannot restore.
        var deelnemer = await app.LoginAsync(Roles.Deelnemer);
        var refused = await KlimrekApp.PostFormAsync(deelnemer, history + "?handler=Restore", new() { ["baseVersion"] = "2" }, "/");
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden || refused.Headers.Location?.OriginalString.Contains("geen-toegang", StringComparison.Ordinal) == true,
            $"a deelnemer's restore answered {refused.StatusCode} {refused.Headers.Location}");
        Assert.Equal(2, (await RevisionsAsync(occ)).Count);

        var restore = await KlimrekApp.PostFormAsync(curator, history + "?handler=Restore", new() { ["baseVersion"] = "2" }, history);
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        var revisions = await RevisionsAsync(occ);
        Assert.Equal(["Overlegt met de klant.", "Overlegt met de klant en de uitvoerder.", "Overlegt met de klant."], revisions.Select(x => x.Content));
        Assert.Equal("Versie 1 teruggezet.", revisions[2].Note);
        var page = await curator.GetStringAsync(restore.Headers.Location!.OriginalString);
        Assert.Matches("role=\"status\"[^>]*>Versie 1 is teruggezet: de tekst is nu versie 3.", page);
        // The restore shows in the diff as the removal of the words version 2 had added.
        Assert.Matches("<del><span class=\"visually-hidden\">\\[verwijderd: </span> en de uitvoerder", page);
        Assert.Contains("Overlegt met de klant.", await app.Anonymous().GetStringAsync($"/beroepen/{occ}"));
    }

    [Fact]
    public async Task A_curator_writes_only_on_behalf_of_their_own_background()
    {
        var occ = await FreshOccupationAsync();
        var curator = await app.LoginAsUserAsync(Roles.Curator); // test accounts come from an employer (werkgever)
        var form = await curator.Client.GetStringAsync($"/beroepen/{occ}/bewerken/hart");
        Assert.Contains("<option value=\"werkgever\"", form);
        Assert.DoesNotContain("<option value=\"onderwijs\"", form);

        var other = await SaveTextAsync(curator.Client, occ, "hart", "Namens het onderwijs.", 0, "onderwijs");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Contains("alleen schrijven namens je eigen achtergrond", await other.Content.ReadAsStringAsync());
        Assert.Empty(await RevisionsAsync(occ));

        // Without a background set by the beheerder nothing can be written, with a message saying whom to ask.
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<KlimrekUser>>();
            var u = (await users.FindByIdAsync(curator.Id))!;
            u.Origin = null;
            return await users.UpdateAsync(u);
        });
        var none = await SaveTextAsync(curator.Client, occ, "hart", "Zonder achtergrond.", 0, "werkgever");
        Assert.Contains("Vraag de beheerder", await none.Content.ReadAsStringAsync());
        Assert.Empty(await RevisionsAsync(occ));
    }

    [Fact]
    public async Task A_list_longer_than_the_blank_rows_is_written_in_one_save()
    {
        var occ = await FreshOccupationAsync();
        var curator = await app.LoginAsync(Roles.Curator);
        var edit = $"/beroepen/{occ}/bewerken/bronnen";
        Assert.Equal(3, Regex.Count(await curator.GetStringAsync(edit), "<fieldset>"));

        // Two typed, "Meer regels" asked: they stay, with more blank rows; nothing saved yet.
        var more = await KlimrekApp.PostFormAsync(curator, edit + "?handler=MoreRows",
            new() { ["Rows[0].A"] = "Bron een", ["Rows[1].A"] = "Bron twee", ["BaseVersion"] = "0", ["Origin"] = "werkgever" }, edit);
        Assert.Equal(HttpStatusCode.OK, more.StatusCode);
        var html = await more.Content.ReadAsStringAsync();
        Assert.Contains("value=\"Bron twee\"", html);
        Assert.Equal(2 + 3 + 5, Regex.Count(html, "<fieldset>"));
        Assert.Empty(await RevisionsAsync(occ));

        var fields = new Dictionary<string, string> { ["BaseVersion"] = "0", ["Origin"] = "werkgever" };
        for (var i = 0; i < 8; i++) fields[$"Rows[{i}].A"] = $"Bron {i + 1}";
        Assert.Equal(HttpStatusCode.Redirect, (await KlimrekApp.PostFormAsync(curator, edit, fields)).StatusCode);
        var saved = Assert.Single(await RevisionsAsync(occ));
        Assert.Equal(8, Regex.Count(saved.Content, "\"title\""));
    }
}
