using Klimrek.Features.Career.Profile;
using Klimrek.Infrastructure;
using System.Net;
using System.Text.RegularExpressions;

namespace Klimrek.Tests;

public abstract partial class MijnKlimrekTests
{
    // ---- 5. Onboarding after registration ----

    private const string Password = "een eigen lang klimwachtwoord";

    private async Task<(HttpClient Client, string Email)> RegisterAsync()
    {
        var client = app.Anonymous();
        var email = $"o{Guid.NewGuid():N}@example.org";
        var r = await KlimrekApp.PostFormAsync(client, "/account/registreren", new() { ["DisplayName"] = "Noor", ["Email"] = email, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        return (client, email);
    }

    private static async Task<string> SignInAsync(HttpClient client, string email)
    {
        var r = await KlimrekApp.PostFormAsync(client, "/account/inloggen", new() { ["Email"] = email, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        return r.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task A_newly_registered_person_is_led_through_occupation_skills_and_next_steps_once()
    {
        var (client, email) = await RegisterAsync();
        Assert.Equal("/klimrek/welkom", await SignInAsync(client, email));
        var welcome = WebUtility.HtmlDecode(await client.GetStringAsync("/klimrek/welkom"));
        Assert.Contains("Stap 1 van 3", welcome);
        Assert.Contains("action=\"/klimrek/beroep-toevoegen\"", welcome);
        // Looking at the last step (a GET) changes nothing: the onboarding is still there afterwards.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/klimrek/welkom?stap=3")).StatusCode);
        Assert.Contains("Stap 1 van 3", WebUtility.HtmlDecode(await client.GetStringAsync("/klimrek/welkom")));

        // Step 1: the occupation, typed in Dutch; the results keep the onboarding going.
        var results = await client.GetStringAsync("/klimrek/beroep-toevoegen?zoek=timmerman&na=welkom");
        var id = await OccupationIdAsync(Carpenter);
        Assert.Contains($"/klimrek/beroep-toevoegen?id={id}&amp;na=welkom", results);
        // Step 2: its skills, grouped; all essential accepted in bulk.
        var proposal = await client.GetStringAsync($"/klimrek/beroep-toevoegen?id={id}&na=welkom");
        Assert.Contains("Stap 2 van 3", WebUtility.HtmlDecode(proposal));
        var added = await PostAsync(client, "/klimrek/beroep-toevoegen", $"/klimrek/beroep-toevoegen?id={id}&na=welkom",
            [new("id", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("na", "welkom"), new("allEssential", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("/klimrek/welkom?stap=3", added.Headers.Location!.OriginalString);
        var essential = (await RequirementsAsync(id)).Count(r => r.Essential);
        Assert.Equal(essential, SkillUris(await ProfileAsync(client)).Count);

        // Step 3: next steps.
        var next = WebUtility.HtmlDecode(await client.GetStringAsync("/klimrek/welkom?stap=3"));
        Assert.Contains("Je volgende stappen", next);
        Assert.Contains("href=\"/klimrek#stappen\"", next);
        Assert.Contains("href=\"/samen-leren\"", next);
        Assert.Contains("href=\"/werkleren\"", next);
        Assert.Contains($"{essential} vaardigheden", next);

        // Done: not shown again, and the next sign-in goes home.
        var again = await client.GetAsync("/klimrek/welkom");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/klimrek", again.Headers.Location!.OriginalString);
        Assert.Equal("/", await SignInAsync(app.Anonymous(), email));
    }

    [Fact]
    public async Task The_onboarding_can_be_skipped_and_is_then_not_shown_again()
    {
        var (client, email) = await RegisterAsync();
        Assert.Equal("/klimrek/welkom", await SignInAsync(client, email));
        var skipped = await KlimrekApp.PostFormAsync(client, "/klimrek/welkom?handler=Skip", new(), "/klimrek/welkom");
        Assert.Equal(HttpStatusCode.Redirect, skipped.StatusCode);
        Assert.Equal("/klimrek", skipped.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/klimrek/welkom")).StatusCode);
        Assert.Equal("/", await SignInAsync(app.Anonymous(), email));
        // Somewhere to go (a link in a mail) wins over the onboarding for a person who has not done it yet.
        var (other, otherEmail) = await RegisterAsync();
        var r = await KlimrekApp.PostFormAsync(other, "/account/inloggen?returnUrl=%2Fsamen-leren", new() { ["Email"] = otherEmail, ["Password"] = Password });
        Assert.Equal("/samen-leren", r.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task People_who_did_not_register_themselves_are_not_sent_to_the_onboarding()
    {
        var user = await app.LoginAsUserAsync(Roles.Deelnemer);
        // They may still open it by hand.
        Assert.Contains("Stap 1 van 3", WebUtility.HtmlDecode(await user.Client.GetStringAsync("/klimrek/welkom")));
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().GetAsync("/klimrek/welkom")).StatusCode);
    }

    // ---- 6. The climbing frame labels its points ----

    [Fact]
    public async Task The_climbing_frame_names_every_point_visibly_and_accessibly()
    {
        var user = await app.LoginAsUserAsync(Roles.Deelnemer);
        await PutAsync(user.Client, Document((await SkillUrisOfAsync(NurseAssistant, 40)).Select(u => (u, (string?)null)), NurseAssistant));
        var page = await user.Client.GetStringAsync("/klimrek");
        var svg = page[page.IndexOf("<svg", StringComparison.Ordinal)..(page.IndexOf("</svg>", StringComparison.Ordinal) + 6)];
        var points = Regex.Matches(svg, "<a href=\"/klimrek/overstap/(\\d+)\" class=\"frame-point\"><title>(\\d+)\\. ([^<]+)</title>");
        Assert.True(points.Count >= 6, $"{points.Count} points");
        var labels = Regex.Matches(svg, "class=\"point-label\">([^<]+)</text>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.True(labels.Count >= points.Count - 2, $"only {labels.Count} of {points.Count} points carry a visible name");
        foreach (var label in labels)
            Assert.Contains(points, p => WebUtility.HtmlDecode(p.Groups[3].Value).StartsWith(label.TrimEnd('…'), StringComparison.Ordinal));
    }
}

/// <summary>The climbing frame's label placement, without a browser: names never overlap each other or a point.</summary>
public sealed class ClimbingFrameLayoutTests
{
    [Theory]
    [InlineData(12, 0.5, 0.01)]
    [InlineData(12, 0.3, 0.05)]
    [InlineData(5, 0.8, 0.1)]
    [InlineData(1, 0.9, 0)]
    public void Labels_stay_inside_and_never_overlap(int n, double top, double step)
    {
        var items = Enumerable.Range(0, n).Select(i => ($"verpleegkundige algemene gezondheidszorg nummer {i}", top - i * step)).ToList();
        var points = ClimbingFrameLayout.Layout(items);
        Assert.Equal(n, points.Count);
        var boxes = new List<ClimbingFrameLayout.Box>();
        foreach (var p in points.Where(p => p.Label is not null))
        {
            var w = p.Label!.Length * ClimbingFrameLayout.FontSize * ClimbingFrameLayout.CharWidth;
            var x1 = p.Anchor switch { "start" => p.LabelX, "end" => p.LabelX - w, _ => p.LabelX - w / 2 };
            var box = new ClimbingFrameLayout.Box(x1, p.LabelY - ClimbingFrameLayout.FontSize * 0.8, x1 + w, p.LabelY + ClimbingFrameLayout.FontSize * 0.25);
            Assert.True(box.Inside);
            Assert.DoesNotContain(boxes, b => b.Overlaps(box));
            Assert.DoesNotContain(points, q => new ClimbingFrameLayout.Box(q.X - 13, q.Y - 13, q.X + 13, q.Y + 13).Overlaps(box));
            Assert.True(p.Label.Length <= ClimbingFrameLayout.Lengths[0]);
            boxes.Add(box);
        }
        // Most points get a name even when they crowd together.
        Assert.True(boxes.Count >= n * 2 / 3, $"{boxes.Count} of {n} named");
    }

    [Theory]
    [InlineData("timmerman", 18, "timmerman")]
    [InlineData("verpleegkundige algemene gezondheidszorg", 18, "verpleegkundige…")]
    [InlineData("ambulanceverpleegkundige", 11, "ambulancev…")]
    public void Long_names_are_shortened_at_a_word_where_possible(string name, int max, string expected) =>
        Assert.Equal(expected, ClimbingFrameLayout.Shorten(name, max));
}
