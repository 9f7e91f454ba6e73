using Klimrek.Data;
using Klimrek.Features.Accounts;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.RegularExpressions;

namespace Klimrek.Tests;

/// <summary>
/// Finding one's way (issue 13, "everywhere"): the main menu marks the current section and shows "Leercultuur" to
/// those with a part in a scan; 404 and 403 pages speak about what was asked; the admin user list is searched and paged.
/// </summary>
public abstract partial class SiteNavigationTests(KlimrekApp app)
{
    private static string Header(string page) => page[..page.IndexOf("</header>", StringComparison.Ordinal)];

    /// <summary>The menu items (their href) that carry <c>aria-current="page"</c>.</summary>
    private static List<string> CurrentItems(string page) =>
        CurrentItem().Matches(Header(page)).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("<a href=\"([^\"]+)\" aria-current=\"page\"")]
    private static partial Regex CurrentItem();

    [Fact]
    public async Task The_menu_marks_the_section_of_the_current_page_and_only_that()
    {
        var participant = await app.LoginAsync(Roles.Deelnemer);
        Assert.Equal(["/werkleren"], CurrentItems(await participant.GetStringAsync("/werkleren/experimenten")));
        Assert.Equal(["/samen-leren"], CurrentItems(await participant.GetStringAsync("/samen-leren")));
        Assert.Equal(["/klimrek"], CurrentItems(await participant.GetStringAsync("/klimrek/profiel")));
        Assert.Empty(CurrentItems(await participant.GetStringAsync("/account")));
        var anonymous = app.Anonymous();
        var occupation = await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().Occupations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync());
        Assert.Equal(["/beroepen"], CurrentItems(await anonymous.GetStringAsync($"/beroepen/{occupation}")));
        // The longest prefix wins: the privacy page is Privacy, not Beheer.
        var admin = await app.LoginAsync(Roles.Beheerder);
        Assert.Equal(["/beheer/privacy"], CurrentItems(await admin.GetStringAsync("/beheer/privacy")));
        Assert.Equal(["/beheer/gebruikers"], CurrentItems(await admin.GetStringAsync("/beheer/organisaties")));
    }

    private const string Password = "correct horse battery";

    private async Task<(string Email, string Id)> NewAccountAsync(string role)
    {
        var email = $"n{Guid.NewGuid():N}@example.org";
        Assert.Empty(await app.WithScopeAsync(sp => sp.GetRequiredService<AccountSetup>().CreateUserAsync(email, Password, "Navigatie", [role])));
        var id = await app.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<KlimrekUser>>().FindByEmailAsync(email))!.Id);
        return (email, id);
    }

    private Task<int> MakeHrAsync(string userId) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<KlimrekDbContext>();
        var org = new Organisation { Name = "Navigatie " + Guid.NewGuid().ToString("N")[..6], CreatedAt = DateTime.UtcNow };
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        db.OrganisationMembers.Add(new OrganisationMember { OrganisationId = org.Id, UserId = userId, Role = OrganisationRole.Hr, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return org.Id;
    });

    [Fact]
    public async Task Leercultuur_is_in_the_menu_of_those_with_a_part_in_a_scan_from_sign_in_and_after_the_next_stamp_check()
    {
        // HR of an organisation when signing in: the item is there, and marked on the scan's pages.
        var (hrEmail, hrId) = await NewAccountAsync(Roles.Deelnemer);
        await MakeHrAsync(hrId);
        var hr = app.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await KlimrekApp.PostFormAsync(hr, "/account/inloggen", new() { ["Email"] = hrEmail, ["Password"] = Password })).StatusCode);
        Assert.Contains("href=\"/leercultuur\"", Header(await hr.GetStringAsync("/over")));
        Assert.Equal(["/leercultuur"], CurrentItems(await hr.GetStringAsync("/leercultuur")));
        // Someone without a part in any scan does not see it.
        var other = await app.LoginAsync(Roles.Deelnemer);
        Assert.DoesNotContain("href=\"/leercultuur\"", Header(await other.GetStringAsync("/over")));

        // Made HR while signed in: the claims are rebuilt at the next security-stamp check (here: every request, on a
        // second instance sharing the database and the cookie), without signing the person out.
        await using var second = new OtherInstance(app, new Dictionary<string, string> { ["Accounts:SessionCheckSeconds"] = "0" });
        var (email, id) = await NewAccountAsync(Roles.Deelnemer);
        var jar = new CookieContainer();
        var address = TestClientAddress.Next();
        var first = TestClientAddress.From(app.CreateDefaultClient(new CookieContainerHandler(jar)), address);
        Assert.Equal(HttpStatusCode.Redirect, (await KlimrekApp.PostFormAsync(first, "/account/inloggen", new() { ["Email"] = email, ["Password"] = Password })).StatusCode);
        var onSecond = TestClientAddress.From(second.CreateDefaultClient(new CookieContainerHandler(jar)), address);
        Assert.DoesNotContain("href=\"/leercultuur\"", Header(await onSecond.GetStringAsync("/over")));
        await MakeHrAsync(id);
        var after = await onSecond.GetStringAsync("/over");
        Assert.Contains("href=\"/leercultuur\"", Header(after));
        Assert.Contains("/account/uitloggen", Header(after)); // still signed in
    }

    private static async Task<string> ErrorPageAsync(HttpClient client, string url, HttpStatusCode expected)
    {
        var r = await client.GetAsync(url);
        if (r.StatusCode == HttpStatusCode.Redirect && new Uri(new Uri("http://localhost"), r.Headers.Location!).PathAndQuery is var to
            && to.StartsWith("/account/geen-toegang", StringComparison.Ordinal))
            r = await client.GetAsync(to);
        Assert.Equal(expected, r.StatusCode);
        return WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Not_found_and_no_access_pages_speak_about_the_section_that_was_asked_for()
    {
        var participant = await app.LoginAsync(Roles.Deelnemer);
        var round = await ErrorPageAsync(participant, "/leercultuur/987654321/rondes/1", HttpStatusCode.NotFound);
        Assert.Contains("Deze organisatie, ronde of pagina bestaat niet (meer)", round);
        Assert.Contains("href=\"/leercultuur\"", round);
        var main = round[round.IndexOf("<main", StringComparison.Ordinal)..round.IndexOf("</main>", StringComparison.Ordinal)];
        Assert.DoesNotContain("beroep", main, StringComparison.OrdinalIgnoreCase);

        var experiment = await ErrorPageAsync(participant, "/werkleren/experimenten/987654321", HttpStatusCode.NotFound);
        Assert.Contains("Dit experiment, dit gesprek of deze pagina bestaat niet (meer)", experiment);
        Assert.Contains("href=\"/werkleren\"", experiment);

        var noOccupation = await ErrorPageAsync(app.Anonymous(), "/beroepen/987654321", HttpStatusCode.NotFound);
        Assert.Contains("Dit beroep of deze pagina bestaat niet (meer).", noOccupation);

        var nowhere = await ErrorPageAsync(app.Anonymous(), "/bestaat-niet/echt-niet", HttpStatusCode.NotFound);
        Assert.Contains("Deze pagina bestaat niet (meer). Controleer het adres", nowhere);

        // No access: the page the sign-in cookie sends a refusal to names who may come there.
        var admin = await ErrorPageAsync(participant, "/beheer/gebruikers", HttpStatusCode.Forbidden);
        Assert.Contains("Alleen beheerders komen hier.", admin);
        Assert.DoesNotContain("Curatoren", admin);
        var occupation = await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().Occupations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync());
        var curation = await ErrorPageAsync(participant, $"/beroepen/{occupation}/bewerken/hoofd", HttpStatusCode.Forbidden);
        Assert.Contains("Alleen curatoren bewerken beroepsbeelden", curation);
        // In English too (the language chosen in the header is remembered in a cookie).
        await participant.GetAsync("/taal/en?terug=/");
        Assert.Contains("This organisation, round or page does not exist", await ErrorPageAsync(participant, "/leercultuur/987654321", HttpStatusCode.NotFound));
    }

    /// <summary>Headings start at h1 and go down one level at a time (going back up any number is fine).</summary>
    internal static void AssertHeadingsInOrder(string html, string url)
    {
        var levels = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("h1, h2, h3, h4, h5, h6")
            .Select(h => h.LocalName[1] - '0').ToList();
        Assert.True(levels.Count > 0 && levels[0] == 1, $"{url}: the first heading is not an h1 ({string.Join(",", levels)})");
        for (int i = 1; i < levels.Count; i++)
            Assert.True(levels[i] <= levels[i - 1] + 1, $"{url}: h{levels[i - 1]} is followed by h{levels[i]} ({string.Join(",", levels)})");
    }

    [Fact]
    public async Task Headings_on_the_error_and_admin_pages_do_not_skip_a_level()
    {
        var participant = await app.LoginAsync(Roles.Deelnemer);
        var admin = await app.LoginAsync(Roles.Beheerder);
        foreach (var (client, url) in new[] { (participant, "/leercultuur/987654321"), (participant, "/account/geen-toegang?ReturnUrl=%2Fbeheer"),
                     (admin, "/beheer/gebruikers"), (admin, "/beheer/gebruikers?q=bestaat-zeker-niet"), (participant, "/over") })
            AssertHeadingsInOrder(await (await client.GetAsync(url)).Content.ReadAsStringAsync(), url);
    }

    [Fact]
    public async Task The_admin_user_list_finds_a_user_by_name_or_address_and_shows_fifty_per_page()
    {
        var tag = "pg" + Guid.NewGuid().ToString("N")[..8];
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            for (int i = 0; i < 55; i++)
            {
                var email = $"{tag}-{i:00}@example.org";
                db.Users.Add(new KlimrekUser
                {
                    UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                    DisplayName = i == 7 ? "Wieteke Zoekbaar-" + tag : "Lijst " + i, SecurityStamp = Guid.NewGuid().ToString(), CreatedAt = DateTime.UtcNow,
                });
            }
            return await db.SaveChangesAsync();
        });
        var admin = await app.LoginAsync(Roles.Beheerder);

        // By part of the name, in another case; by part of the address.
        var byName = WebUtility.HtmlDecode(await admin.GetStringAsync("/beheer/gebruikers?q=" + Uri.EscapeDataString("zoekbaar-" + tag.ToUpperInvariant())));
        Assert.Contains($"1 gebruikers gevonden voor ‘zoekbaar-{tag.ToUpperInvariant()}’", byName);
        Assert.Contains($"{tag}-07@example.org", byName);
        Assert.DoesNotContain($"{tag}-08@example.org", byName);
        var byAddress = WebUtility.HtmlDecode(await admin.GetStringAsync($"/beheer/gebruikers?q={tag}-07@"));
        Assert.Contains("Wieteke Zoekbaar-" + tag, byAddress);

        // 55 matches: fifty on the first page, the other five on the second, with a link back.
        var first = WebUtility.HtmlDecode(await admin.GetStringAsync($"/beheer/gebruikers?q={tag}"));
        Assert.Contains("55 gebruikers gevonden", first);
        Assert.Contains("pagina 1 van 2", first);
        Assert.Contains($"{tag}-49@example.org", first);
        Assert.DoesNotContain($"{tag}-50@example.org", first);
        Assert.Contains($"href=\"/beheer/gebruikers?q={tag}&pagina=2\"", first);
        var second = WebUtility.HtmlDecode(await admin.GetStringAsync($"/beheer/gebruikers?q={tag}&pagina=2"));
        Assert.Contains("Pagina 2 van 2", second);
        Assert.Contains($"{tag}-54@example.org", second);
        Assert.DoesNotContain($"{tag}-49@example.org", second);
        Assert.Contains($"href=\"/beheer/gebruikers?q={tag}&pagina=1\"", second);
        Assert.DoesNotContain("Volgende pagina", second);
        // A save on the second page keeps the search and the page.
        Assert.Contains($"action=\"/beheer/gebruikers?q={tag}&pagina=2\"", second);
        // Without a search the list is paged as well (this collection has more than fifty accounts by now).
        var all = WebUtility.HtmlDecode(await admin.GetStringAsync("/beheer/gebruikers"));
        Assert.True(Regex.Count(all, "name=\"userId\"") <= 2 * 50);
        Assert.Contains("Volgende pagina", all);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SiteNavigationTestsSqlite(SqliteApp app) : SiteNavigationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SiteNavigationTestsPostgres(PostgresApp app) : SiteNavigationTests(app);
