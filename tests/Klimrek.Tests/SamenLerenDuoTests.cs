using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Klimrek.Tests;

/// <summary>The duo workspace in sections, its warnings (once, fair to a duo formed mid-programme), contact details and the proposed first meeting.</summary>
public abstract class SamenLerenDuoTests(KlimrekApp app)
{
    private static readonly DateOnly Today = DutchTime.Today(DateTime.UtcNow); // the app's day is the Dutch one

    private sealed record Setup(KlimrekApp.TestUser Steward, int ProgrammeId, KlimrekApp.TestUser[] People, int[] Ids, int Duo)
    {
        public string Page => $"/samen-leren/{ProgrammeId}/duo/{Duo}";
        public string Api => $"/api/v1/programmes/{ProgrammeId}/duos/{Duo}";
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"expected {expected}, got {r.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>A programme that started ten weeks ago; two participants who complement each other, matched into one proposed duo.</summary>
    private async Task<Setup> DuoAsync(string[]? daysA = null, string[]? daysB = null)
    {
        var steward = await app.LoginAsUserAsync(Roles.Stuurgroep);
        var created = await JsonAsync(await steward.Client.PostAsJsonAsync("/api/v1/programmes", new
        {
            name = "Samen leren werkplaats", startDate = Today.AddDays(-70), endDate = Today.AddDays(200), hoursPerParticipant = 75,
            expertBudgetPerDuo = 500m, reflectionCadenceWeeks = 6, intervisionSessionCount = 3, notMetWeeks = 3,
        }), HttpStatusCode.Created);
        int id = created.GetProperty("id").GetInt32();
        var people = new[] { await app.LoginAsUserAsync(Roles.Deelnemer), await app.LoginAsUserAsync(Roles.Deelnemer) };
        await JsonAsync(await steward.Client.PostAsJsonAsync($"/api/v1/programmes/{id}/participants", new { emails = people.Select(u => u.Email).ToArray() }), HttpStatusCode.OK);
        var ids = new int[2];
        for (int i = 0; i < 2; i++)
        {
            await JsonAsync(await people[i].Client.PutAsJsonAsync($"/api/v1/programmes/{id}/intake", new
            {
                brings = new[] { $"kunde-{i}" }, develops = new[] { $"kunde-{1 - i}" }, qualities = new[] { "optimisme" }, affinities = new[] { "onderwijs" },
                department = i == 0 ? "Onderwijs" : "Onderzoek", discipline = "beleid",
                availability = (i == 0 ? daysA : daysB) ?? new[] { "dinsdag-middag", "donderdag-ochtend" },
            }), HttpStatusCode.OK);
            ids[i] = (await JsonAsync(await people[i].Client.GetAsync($"/api/v1/programmes/{id}/intake"), HttpStatusCode.OK)).GetProperty("participantId").GetInt32();
        }
        await JsonAsync(await steward.Client.PostAsync($"/api/v1/programmes/{id}/matching", null), HttpStatusCode.OK);
        int duo = (await JsonAsync(await people[0].Client.GetAsync($"/api/v1/programmes/{id}/my-duo"), HttpStatusCode.OK)).GetProperty("id").GetInt32();
        return new Setup(steward, id, people, ids, duo);
    }

    private static async Task AcceptAsync(Setup s, int person) =>
        await JsonAsync(await s.People[person].Client.PostAsJsonAsync($"{s.Api}/response", new { accept = true }), HttpStatusCode.OK);

    private static async Task<string> PageAsync(HttpClient c, string url)
    {
        var r = await c.GetAsync(url);
        var body = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{url}: {r.StatusCode}");
        return body;
    }

    private static int Count(string text, string part) => Regex.Count(text, Regex.Escape(part));

    [Fact]
    public async Task Each_section_has_its_own_page_with_the_menu_marking_it_and_forms_return_to_their_section()
    {
        var s = await DuoAsync();
        await AcceptAsync(s, 0);
        await AcceptAsync(s, 1);
        foreach (var (section, heading) in new[] { ("plan", "Plan van aanpak"), ("afspraken", "Afspraken inplannen"), ("uren", "Budget voor externe deskundigheid"),
                     ("reflecties", "Elke 6 weken een reflectie per persoon"), ("intervisie", "Intervisiebijeenkomsten") })
        {
            var html = await PageAsync(s.People[0].Client, $"{s.Page}/{section}");
            Assert.Contains(heading, html);
            Assert.Matches($"<a href=\"{Regex.Escape(s.Page)}/{section}\" aria-current=\"page\">", html);
            Assert.Equal(1 + MenuCurrent(html), Count(html, "aria-current=\"page\""));
            // The steering group reads the sections too; someone outside the duo does not learn it exists.
            Assert.Equal(HttpStatusCode.OK, (await s.Steward.Client.GetAsync($"{s.Page}/{section}")).StatusCode);
        }
        // The overview (the old address) shows the state of each section and links to them.
        var overview = await PageAsync(s.People[1].Client, s.Page);
        Assert.Matches($"<a href=\"{Regex.Escape(s.Page)}\" aria-current=\"page\">", overview);
        Assert.Contains("Waar staan jullie?", overview);
        Assert.Contains("concept", overview);
        Assert.Contains("0 geschreven, 0 tot nu toe gevraagd", overview);

        // A form on a section page posts there and comes back there, with its message.
        var posted = await KlimrekApp.PostFormAsync(s.People[0].Client, $"{s.Page}/uren?handler=Hours",
            new() { ["date"] = Today.ToString("yyyy-MM-dd"), ["hours"] = "2,5", ["activity"] = "Literatuur lezen" }, $"{s.Page}/uren");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"{s.Page}/uren", posted.Headers.Location!.OriginalString);
        var hours = await PageAsync(s.People[0].Client, $"{s.Page}/uren");
        Assert.Contains("De uren zijn geschreven.", hours);
        Assert.Contains("Literatuur lezen", hours);
        // Refused input stays on the section page with the message.
        var refused = await KlimrekApp.PostFormAsync(s.People[0].Client, $"{s.Page}/uren?handler=Hours",
            new() { ["date"] = Today.ToString("yyyy-MM-dd"), ["hours"] = "30", ["activity"] = "x" }, $"{s.Page}/uren");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Uren: meer dan 0 en hoogstens 24 per regel.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        var outsider = await app.LoginAsUserAsync(Roles.Deelnemer);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"{s.Page}/plan")).StatusCode);
    }

    /// <summary>The menu of the site marks "Samen leren" as current too; the rest are the duo's sections.</summary>
    private static int MenuCurrent(string html) => Count(html, "href=\"/samen-leren\" aria-current=\"page\"");

    [Fact]
    public async Task A_duo_formed_mid_programme_is_judged_from_its_own_start_and_each_warning_shows_once()
    {
        var s = await DuoAsync();
        await AcceptAsync(s, 0);
        await AcceptAsync(s, 1);
        // The programme started ten weeks ago with reflections every six weeks; this duo started today. Nothing is late.
        var overview = await PageAsync(s.People[0].Client, s.Page);
        var reflections = await PageAsync(s.People[0].Client, $"{s.Page}/reflecties");
        var hours = await PageAsync(s.People[0].Client, $"{s.Page}/uren");
        foreach (var html in new[] { overview, reflections, hours })
        {
            Assert.DoesNotContain("te laat", html);
            Assert.DoesNotContain("ver achter", html);
        }
        Assert.Contains(Today.AddDays(42).ToString("d MMM", new System.Globalization.CultureInfo("nl-NL")), reflections); // the first due date: six weeks from today
        var dashboard = await JsonAsync(await s.Steward.Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/dashboard"), HttpStatusCode.OK);
        Assert.Equal(0, dashboard[0].GetProperty("reflectionsOverdue").GetInt32());
        var overdue = await JsonAsync(await s.Steward.Client.GetAsync($"/api/v1/programmes/{s.ProgrammeId}/reflections/overdue"), HttpStatusCode.OK);
        Assert.Equal(0, overdue.GetArrayLength());

        // The warning there is (no next meeting) shows once on the overview and once on its own section, nowhere else.
        Assert.Equal(1, Count(overview, "Geen volgende afspraak ingepland."));
        Assert.Equal(1, Count(await PageAsync(s.People[0].Client, $"{s.Page}/afspraken"), "Geen volgende afspraak ingepland."));
        Assert.Equal(0, Count(hours, "Geen volgende afspraak ingepland."));

        // Backdated to the programme's start, the same duo is late with period 1 (due four weeks ago).
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            foreach (var m in await db.DuoMembers.Where(m => m.DuoId == s.Duo).ToListAsync())
                m.RespondedAt = Today.AddDays(-70).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
            return await db.SaveChangesAsync();
        });
        Assert.Contains("1 reflectie(s) te laat.", await PageAsync(s.People[0].Client, s.Page));
        Assert.Contains("te laat", await PageAsync(s.People[0].Client, $"{s.Page}/reflecties"));
    }

    [Fact]
    public async Task Partners_see_each_others_contact_details_only_once_both_accepted()
    {
        var s = await DuoAsync();
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            var u = await db.Users.SingleAsync(x => x.Id == s.People[1].Id);
            u.PhoneNumber = "06-12345678";
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain(s.People[1].Email, await PageAsync(s.People[0].Client, s.Page));
        await AcceptAsync(s, 0);
        // One accepted: still a proposal, still no contact details either way.
        Assert.DoesNotContain(s.People[1].Email, await PageAsync(s.People[0].Client, s.Page));
        Assert.DoesNotContain(s.People[0].Email, await PageAsync(s.People[1].Client, s.Page));
        Assert.DoesNotContain("06-12345678", await PageAsync(s.People[0].Client, s.Page));
        await AcceptAsync(s, 1);
        var first = await PageAsync(s.People[0].Client, s.Page);
        Assert.Contains($"mailto:{s.People[1].Email}", first);
        Assert.Contains("06-12345678", first);
        var second = await PageAsync(s.People[1].Client, s.Page);
        Assert.Contains($"mailto:{s.People[0].Email}", second);
        Assert.DoesNotContain("tel:", second); // the first partner's account has no phone number
    }

    [Fact]
    public async Task An_intervision_session_has_a_time_and_place_invites_its_attendees_by_mail_and_has_an_ics()
    {
        var s = await DuoAsync();
        await AcceptAsync(s, 0);
        await AcceptAsync(s, 1);
        string p = $"/api/v1/programmes/{s.ProgrammeId}";
        await JsonAsync(await s.Steward.Client.PostAsJsonAsync($"{p}/intervision", new { date = Today.AddDays(10), attendees = s.Ids, time = "15:00", location = new string('x', 301) }),
            HttpStatusCode.BadRequest);
        var session = await JsonAsync(await s.Steward.Client.PostAsJsonAsync($"{p}/intervision",
            new { date = Today.AddDays(10), attendees = s.Ids, time = "15:00", location = "Zaal 3.01" }), HttpStatusCode.OK);
        int sid = session.GetProperty("id").GetInt32();
        foreach (var person in s.People)
        {
            var mail = await app.Mail.WaitForAsync(person.Email, m => (m.Subject ?? "").Contains("intervisie", StringComparison.OrdinalIgnoreCase));
            Assert.Contains("15:00", mail.TextBody);
            Assert.Contains("Zaal 3.01", mail.TextBody);
            // A full link, which a mail program can follow (not a path inside the app).
            Assert.Matches(@"https?://[^\s/]+/api/v1/programmes/\d+/intervision/" + sid + "/calendar.ics", mail.TextBody);
        }
        var ics = await s.People[0].Client.GetStringAsync($"{p}/intervision/{sid}/calendar.ics");
        Assert.StartsWith("BEGIN:VCALENDAR", ics);
        Assert.Contains("LOCATION:Zaal 3.01", ics);
        Assert.Contains("BEGIN:VEVENT", ics);
        var outsider = await app.LoginAsUserAsync(Roles.Deelnemer);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"{p}/intervision/{sid}/calendar.ics")).StatusCode);
        // The duo's intervision section shows it with its time, place and calendar link.
        var page = await PageAsync(s.People[1].Client, $"{s.Page}/intervisie");
        Assert.Contains("15:00", page);
        Assert.Contains("Zaal 3.01", page);
        Assert.Contains($"/intervision/{sid}/calendar.ics", page);
    }

    [Fact]
    public async Task The_first_meeting_is_proposed_on_the_first_half_day_both_partners_gave()
    {
        var s = await DuoAsync(["maandag-ochtend", "woensdag-middag", "vrijdag-ochtend"], ["woensdag-middag", "vrijdag-ochtend"]);
        await AcceptAsync(s, 0);
        await AcceptAsync(s, 1);
        // Expected: the first Wednesday afternoon or Friday morning after today (Dutch calendar).
        var today = DutchTime.Today(DateTime.UtcNow);
        var day = today.AddDays(1);
        while (day.DayOfWeek is not (DayOfWeek.Wednesday or DayOfWeek.Friday)) day = day.AddDays(1);
        var time = day.DayOfWeek == DayOfWeek.Wednesday ? "13:30" : "09:30";
        var html = await PageAsync(s.People[0].Client, $"{s.Page}/afspraken");
        Assert.Contains($"name=\"firstDate\" value=\"{day:yyyy-MM-dd}\"", html);
        Assert.Contains($"name=\"time\" value=\"{time}\"", html);
        Assert.Contains(day.DayOfWeek == DayOfWeek.Wednesday ? "woensdagmiddag" : "vrijdagochtend", html);

        // When the intakes no longer share a half-day, the page says so.
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            var p = await db.Participants.SingleAsync(x => x.Id == s.Ids[1]);
            p.Availability = 1 << 2; // dinsdag-ochtend only
            return await db.SaveChangesAsync();
        });
        Assert.Contains("geen dagdeel gemeenschappelijk", await PageAsync(s.People[0].Client, $"{s.Page}/afspraken"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SamenLerenDuoTestsSqlite(SqliteApp app) : SamenLerenDuoTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SamenLerenDuoTestsPostgres(PostgresApp app) : SamenLerenDuoTests(app);
