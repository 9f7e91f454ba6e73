using Microsoft.Playwright;
using System.Text.RegularExpressions;

namespace Klimrek.Browser.Tests;

/// <summary>
/// Leercultuur in a real browser: a beheerder sets up an organisation and names its HR; HR adds a department with two
/// teams, opens a round for both and invites six people by mail; the six answer anonymously through their own links (one
/// stops halfway and resumes later from the same link); HR closes the round and reads the results — the team of four
/// rolls up into the department, nothing is shown for fewer than five — with the advice, the printable report and the
/// PDF. Every page is checked with axe-core; the results are also read on a 390 px screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LeercultuurJourneyTests(RunningApp app)
{
    private Task ShotAsync(IPage page, string name) => app.ShotAsync(page, name);

    private static ILocator MainOf(IPage page) => page.Locator("main");

    private Task<IPage> NewPageAsync(int width = 1280) => app.NewPageAsync(width);

    /// <summary>Answers every statement on the current step with <paramref name="value"/> (0: "weet ik niet").</summary>
    private static async Task AnswerStepAsync(IPage page, int value)
    {
        var scales = page.Locator("fieldset.scan-scale");
        int n = await scales.CountAsync();
        for (int i = 0; i < n; i++)
            await scales.Nth(i).Locator($"input[type=radio][value='{value}']").CheckAsync();
    }

    /// <summary>Goes through every step from the current one, answering each statement with <paramref name="value"/>, and sends.</summary>
    private static async Task AnswerToTheEndAsync(IPage page, int value, string? openText = null)
    {
        for (int guard = 0; guard < 20; guard++)
        {
            await AnswerStepAsync(page, value);
            if (openText is not null && await page.Locator("textarea").CountAsync() > 0)
                await page.Locator("textarea").First.FillAsync(openText);
            var send = page.GetByRole(AriaRole.Button, new() { Name = "Versturen", Exact = true });
            if (await send.CountAsync() > 0)
            {
                await send.ClickAsync();
                await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync("Je antwoord is verstuurd");
                return;
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en verder" }).ClickAsync();
        }
        throw new InvalidOperationException("The scan did not end in 20 steps");
    }

    [Fact]
    public async Task HR_runs_a_round_for_two_teams_six_people_answer_and_a_team_of_four_rolls_up()
    {
        string Url(string path) => app.BaseUrl + path;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var organisationName = "Zorggroep Rivierenland " + suffix;

        // The beheerder (made with the CLI) and HR (registered through the form).
        var adminEmail = $"beheer{suffix}@example.org";
        var (exit, output) = await app.CliAsync("admin", "create", "--email", adminEmail, "--password", "een lang wachtwoord", "--name", "Bea Beheer");
        Assert.True(exit == 0, output);
        var admin = await NewPageAsync();
        await app.SignInAsync(admin, adminEmail, "een lang wachtwoord");
        var hr = await NewPageAsync();
        var hrEmail = $"hr{suffix}@example.org";
        await app.RegisterAsync(hr, "Hanna HR", hrEmail, "een heel lang wachtwoord");

        // The beheerder adds the organisation, sets its sector and province, and names HR.
        await admin.GotoAsync(Url("/beheer/organisaties"));
        await RunningApp.TurnOnTwoFactorAsync(admin); // the beheer pages ask for it first
        await admin.GotoAsync(Url("/beheer/organisaties"));
        await admin.Locator("#Name").FillAsync(organisationName);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Toevoegen" }).ClickAsync();
        await admin.GotoAsync(Url("/beheer/leercultuur/organisaties"));
        var section = admin.Locator("section.lc-admin-org").Filter(new() { HasText = organisationName });
        await section.GetByLabel("Sector").SelectOptionAsync(new SelectOptionValue { Label = "Zorg en welzijn" });
        await section.GetByLabel("Provincie").SelectOptionAsync(new SelectOptionValue { Label = "Gelderland" });
        await section.GetByRole(AriaRole.Button, new() { Name = "Bewaren" }).ClickAsync();
        section = admin.Locator("section.lc-admin-org").Filter(new() { HasText = organisationName });
        await section.GetByLabel("E-mailadres van een account als HR").FillAsync(hrEmail);
        await section.GetByRole(AriaRole.Button, new() { Name = "HR aanwijzen" }).ClickAsync();
        section = admin.Locator("section.lc-admin-org").Filter(new() { HasText = organisationName });
        await Assertions.Expect(section).ToContainTextAsync("Hanna HR");
        await Assertions.Expect(section.GetByLabel("Sector")).ToHaveValueAsync("zorg-welzijn");
        await ShotAsync(admin, "80-leercultuur-beheer-organisaties");

        // HR: a department with two teams.
        await hr.GotoAsync(Url("/leercultuur"));
        await ShotAsync(hr, "81-leercultuur-overzicht");
        await hr.GetByRole(AriaRole.Link, new() { Name = organisationName }).ClickAsync();
        await hr.WaitForURLAsync(new Regex("/leercultuur/\\d+$"));
        var organisationUrl = hr.Url;
        await hr.Locator("#unit-name").FillAsync("Verpleging");
        await hr.GetByRole(AriaRole.Button, new() { Name = "Toevoegen", Exact = true }).ClickAsync();
        foreach (var team in new[] { "Team Noord", "Team Zuid" })
        {
            await hr.Locator("#unit-name").FillAsync(team);
            await hr.Locator("#unit-parent").SelectOptionAsync(new SelectOptionValue { Label = "Verpleging" });
            await hr.GetByRole(AriaRole.Button, new() { Name = "Toevoegen", Exact = true }).ClickAsync();
            await Assertions.Expect(MainOf(hr)).ToContainTextAsync(team);
        }
        await ShotAsync(hr, "82-leercultuur-organisatie");

        // A round for both teams, open from today for two weeks.
        await hr.GotoAsync(organisationUrl + "/rondes/nieuw");
        await hr.Locator("#title").FillAsync("Leercultuurscan najaar");
        var today = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).Date;
        await hr.Locator("#opens").FillAsync(today.ToString("yyyy-MM-dd"));
        await hr.Locator("#closes").FillAsync(today.AddDays(14).ToString("yyyy-MM-dd"));
        await hr.GetByLabel("Team Noord").CheckAsync();
        await hr.GetByLabel("Team Zuid").CheckAsync();
        await ShotAsync(hr, "83-leercultuur-nieuwe-ronde");
        await hr.GetByRole(AriaRole.Button, new() { Name = "Ronde openen" }).ClickAsync();
        await hr.WaitForURLAsync(new Regex("/leercultuur/\\d+/rondes/\\d+$"));
        var roundUrl = hr.Url;

        // Six invitations: two for Team Noord, four for Team Zuid (one address twice and one bad: refused on their own line).
        var noord = Enumerable.Range(1, 2).Select(i => $"noord{i}.{suffix}@example.org").ToList();
        var zuid = Enumerable.Range(1, 4).Select(i => $"zuid{i}.{suffix}@example.org").ToList();
        await hr.GetByLabel("Adressen voor Team Noord (één per regel)").FillAsync(string.Join("\n", noord));
        await hr.GetByLabel("Adressen voor Team Zuid (één per regel)").FillAsync(string.Join("\n", zuid.Append("geen-adres")));
        await hr.GetByRole(AriaRole.Button, new() { Name = "Uitnodigingen versturen" }).ClickAsync();
        await Assertions.Expect(hr.Locator(".notice.error")).ToContainTextAsync("geen-adres");
        await Assertions.Expect(MainOf(hr).Locator("tfoot")).ToContainTextAsync("6");
        await ShotAsync(hr, "84-leercultuur-ronde");

        // The six answer through their own links, without an account. The first of Team Zuid stops halfway.
        var links = new List<string>();
        foreach (var address in noord.Concat(zuid))
            links.Add(RunningApp.LinkIn(await app.MailToAsync(address), "/scan/"));
        Assert.Equal(6, links.Distinct().Count());

        var halfway = await NewPageAsync(390);
        await halfway.GotoAsync(links[2]);
        await Assertions.Expect(MainOf(halfway)).ToContainTextAsync("Afdeling of team: Team Zuid");
        await ShotAsync(halfway, "85-scan-stap-1-390");
        await AnswerStepAsync(halfway, 4);
        await halfway.GetByRole(AriaRole.Button, new() { Name = "Opslaan en verder" }).ClickAsync();
        await Assertions.Expect(halfway.Locator(".scan-progress")).ToContainTextAsync("Stap 2 van");
        await AnswerStepAsync(halfway, 0); // "weet ik niet" on the second block
        await halfway.GetByRole(AriaRole.Button, new() { Name = "Opslaan en verder" }).ClickAsync();
        await halfway.Context.CloseAsync();

        for (int i = 0; i < links.Count; i++)
        {
            if (i == 2) continue;
            var respondent = await NewPageAsync();
            await respondent.GotoAsync(links[i]);
            await AnswerToTheEndAsync(respondent, i < 2 ? 5 : 3, i == 0 ? "Een collega die meekijkt bij lastige zorgvragen." : null);
            if (i == 0) await ShotAsync(respondent, "86-scan-verstuurd");
            await respondent.Context.CloseAsync();
        }

        // Later, from the same link: the saved answers are there, and the rest follows.
        var resumed = await NewPageAsync();
        await resumed.GotoAsync(links[2]);
        await Assertions.Expect(resumed.Locator("fieldset.scan-scale").First.Locator("input[value='4']")).ToBeCheckedAsync();
        await resumed.GetByRole(AriaRole.Button, new() { Name = "Opslaan en verder" }).ClickAsync();
        await Assertions.Expect(resumed.Locator("fieldset.scan-scale").First.Locator("input[value='0']")).ToBeCheckedAsync();
        await resumed.GetByRole(AriaRole.Button, new() { Name = "Opslaan en verder" }).ClickAsync();
        await AnswerToTheEndAsync(resumed, 4);
        // A used link takes no second answer.
        await resumed.GotoAsync(links[2]);
        await Assertions.Expect(MainOf(resumed)).ToContainTextAsync("Met deze link is al geantwoord");

        // The response: six in all; per team nothing, as both teams have fewer than five.
        await hr.GotoAsync(roundUrl);
        var rows = MainOf(hr).Locator("table.lc-table");
        await Assertions.Expect(rows.Locator("tfoot")).ToContainTextAsync("6");
        await Assertions.Expect(rows.Locator("tbody tr").Filter(new() { HasText = "Team Zuid" })).ToContainTextAsync("minder dan 5");
        await Assertions.Expect(rows.Locator("tbody tr").Filter(new() { HasText = "Team Noord" })).ToContainTextAsync("minder dan 5");
        hr.Dialog += async (_, d) => await d.AcceptAsync();
        await hr.GetByRole(AriaRole.Button, new() { Name = "Ronde nu sluiten" }).ClickAsync();
        await Assertions.Expect(hr.Locator("p.muted").First).ToContainTextAsync("gesloten");

        // The results: the round as a whole, the department with both teams counted in it, no team on its own.
        await hr.GetByRole(AriaRole.Link, new() { Name = "Naar de uitkomsten" }).ClickAsync();
        await hr.WaitForURLAsync(new Regex("/resultaten$"));
        var results = MainOf(hr);
        await Assertions.Expect(results).ToContainTextAsync("6");
        await Assertions.Expect(results).ToContainTextAsync("Verpleging");
        await Assertions.Expect(results).ToContainTextAsync("Team Zuid");
        await Assertions.Expect(results.Locator("h2, h3").Filter(new() { HasTextRegex = new Regex("^Team Zuid") })).ToHaveCountAsync(0);
        await Assertions.Expect(results.Locator("h2, h3").Filter(new() { HasTextRegex = new Regex("^Team Noord") })).ToHaveCountAsync(0);
        await Assertions.Expect(results).ToContainTextAsync("Advies");
        await Assertions.Expect(results).ToContainTextAsync("Een collega die meekijkt bij lastige zorgvragen.");
        await Assertions.Expect(results).ToContainTextAsync("vergelijkbare organisaties");
        await ShotAsync(hr, "87-leercultuur-resultaten");

        var narrow = await NewPageAsync(390);
        await app.SignInAsync(narrow, hrEmail, "een heel lang wachtwoord");
        await narrow.GotoAsync(hr.Url);
        await ShotAsync(narrow, "88-leercultuur-resultaten-390");
        await RunningApp.AssertNoSidewaysScrollAsync(narrow);

        // The printable report, and the PDF.
        await hr.GetByRole(AriaRole.Link, new() { Name = "Rapport om af te drukken" }).ClickAsync();
        await hr.WaitForURLAsync(new Regex("/rapport$"));
        await Assertions.Expect(MainOf(hr)).ToContainTextAsync("Methode");
        await ShotAsync(hr, "89-leercultuur-rapport");
        var pdf = await hr.Context.APIRequest.GetAsync(hr.Url + ".pdf");
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        var bytes = await pdf.BodyAsync();
        Assert.True(bytes.Length > 10_000, $"the PDF has {bytes.Length} bytes");
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        await app.AssertVisitedPagesAccessibleAsync();
    }
}
