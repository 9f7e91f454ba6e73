using Klimrek.Data;
using Klimrek.Features.Notifications;
using Klimrek.Features.SamenLeren;
using Klimrek.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Klimrek.Tests;

/// <summary>
/// Samen leren as a programme runs: enrolment by list and CSV (bad lines reported, good ones sent), the notices
/// (enrolled, intake due, duo proposed and answered), the duo's reminders (meeting tomorrow, reflection due from the
/// duo's start, "not met" to the duo then the steering group, each once) and the information pack.
/// </summary>
public abstract partial class SamenLerenRunTests(KlimrekApp app)
{
    private static readonly DateOnly Today = Klimrek.Infrastructure.DutchTime.Today(DateTime.UtcNow); // the app's day is the Dutch one
    private const string Kind = NotificationKinds.SamenLeren;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"expected {expected}, got {r.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private Task<T> Db<T>(Func<KlimrekDbContext, Task<T>> use) => app.WithScopeAsync(sp => use(sp.GetRequiredService<KlimrekDbContext>()));

    private Task<List<Notification>> InboxAsync(string userId) => Db(db => db.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.Kind == Kind).OrderBy(n => n.Id).ToListAsync());

    private Task<List<ScheduledReminder>> RemindersAsync(string prefix) => Db(db => db.ScheduledReminders.AsNoTracking().Where(r => r.Key.StartsWith(prefix)).OrderBy(r => r.Key).ToListAsync());

    private Task<int> DispatchAsync() => app.Services.GetRequiredService<ReminderDispatcher>().DispatchDueAsync(CancellationToken.None);

    /// <summary>Makes the pending reminders under <paramref name="prefix"/> due now (the clock is the real one).</summary>
    private Task<int> MakeDueAsync(string prefix) => Db(db => db.ScheduledReminders.Where(r => r.Key.StartsWith(prefix) && r.SentAt == null && r.CancelledAt == null)
        .ExecuteUpdateAsync(u => u.SetProperty(r => r.DueAt, DateTime.UtcNow.AddMinutes(-1))));

    private async Task<(KlimrekApp.TestUser Steward, int Id)> ProgrammeAsync(DateOnly start, int notMetWeeks = 3, string? pack = null)
    {
        var steward = await app.LoginAsUserAsync(Roles.Stuurgroep);
        var created = await JsonAsync(await steward.Client.PostAsJsonAsync("/api/v1/programmes", new
        {
            name = "Samen leren " + Guid.NewGuid().ToString("N")[..6], startDate = start, endDate = start.AddDays(280), hoursPerParticipant = 60,
            expertBudgetPerDuo = 750m, reflectionCadenceWeeks = 6, intervisionSessionCount = 3, notMetWeeks, informationPack = pack,
            weights = new { complementarity = 40, qualities = 10, affinity = 20, availability = 20, crossDepartment = 10 }, trioForOdd = true,
        }), HttpStatusCode.Created);
        return (steward, created.GetProperty("id").GetInt32());
    }

    private static Task<HttpResponseMessage> CsvAsync(HttpClient client, int id, string csv, bool stewards = false) =>
        client.PostAsync($"/api/v1/programmes/{id}/participants/csv{(stewards ? "?stewards=true" : "")}", new StringContent(csv, Encoding.UTF8, "text/csv"));

    private static async Task<string[]> ParticipantEmailsAsync(HttpClient steward, int id) =>
        (await JsonAsync(await steward.GetAsync($"/api/v1/programmes/{id}/participants"), HttpStatusCode.OK)).EnumerateArray().Select(p => p.GetProperty("email").GetString()!).ToArray();

    private static async Task<string[]> InvitedAsync(HttpClient steward, int id) =>
        (await JsonAsync(await steward.GetAsync($"/api/v1/programmes/{id}/invitations"), HttpStatusCode.OK)).EnumerateArray().Select(p => p.GetProperty("email").GetString()!).ToArray();

    [Fact]
    public async Task Enrolling_by_csv_or_list_sends_the_good_addresses_and_reports_each_bad_line_by_its_number()
    {
        var (steward, id) = await ProgrammeAsync(Today.AddDays(30));
        var known = await app.LoginAsUserAsync(Roles.Deelnemer);
        var unknown = $"nieuw{Guid.NewGuid():N}@example.org";
        // A header, a name beside each address, a line that is not an address, one that is half an address, an empty line.
        var csv = $"e-mail;naam\n{known.Email};Anne de Vries\nAnne zonder adres;Bob\n\nbob@;Bob\n{unknown};Carla\n";
        var answer = await JsonAsync(await CsvAsync(steward.Client, id, csv), HttpStatusCode.OK);
        Assert.Equal(2, answer.GetProperty("count").GetInt32());
        var rejected = answer.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal([3, 5], rejected.Select(r => r.GetProperty("line").GetInt32()).ToArray());
        Assert.Equal("Regel 3: geen e-mailadres gevonden.", rejected[0].GetProperty("message").GetString());
        Assert.Equal("Regel 5: ‘bob@’ is geen geldig e-mailadres.", rejected[1].GetProperty("message").GetString());
        Assert.Equal([known.Email], await ParticipantEmailsAsync(steward.Client, id));
        Assert.Equal([unknown], await InvitedAsync(steward.Client, id));

        // Commas, no header.
        var other = $"ander{Guid.NewGuid():N}@example.org";
        var commas = await JsonAsync(await CsvAsync(steward.Client, id, $"{other},Dirk\nniet-goed,Eva\n"), HttpStatusCode.OK);
        Assert.Equal(1, commas.GetProperty("count").GetInt32());
        Assert.Equal("Regel 2: geen e-mailadres gevonden.", commas.GetProperty("rejected")[0].GetProperty("message").GetString());

        // Nothing usable at all: 400 naming each line, nothing done.
        var refused = await JsonAsync(await CsvAsync(steward.Client, id, "naam;adres\nAnne;anne-at-example\n"), HttpStatusCode.BadRequest);
        Assert.Contains("Regel 2: geen e-mailadres gevonden.", refused.GetProperty("errors").GetProperty("emails").EnumerateArray().Select(e => e.GetString()));

        // The address list: one bad item no longer blocks the others, and is named by its number.
        var listed = $"lijst{Guid.NewGuid():N}@example.org";
        var fromList = await JsonAsync(await steward.Client.PostAsJsonAsync($"/api/v1/programmes/{id}/participants", new { emails = new[] { listed, "geen adres" } }), HttpStatusCode.OK);
        Assert.Equal([listed], fromList.GetProperty("emails").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal("Regel 2: ‘geen adres’ is geen geldig e-mailadres.", fromList.GetProperty("rejected")[0].GetProperty("message").GetString());
        Assert.Contains(listed, await InvitedAsync(steward.Client, id));

        // A participant may not enrol anyone, by file either.
        await JsonAsync(await CsvAsync(known.Client, id, $"{listed}\n"), HttpStatusCode.Forbidden);

        // The page: typed addresses and a file together; the bad lines are shown, the good ones went out.
        var fromPage = $"pagina{Guid.NewGuid():N}@example.org";
        var page = await PostEnrolFormAsync(steward.Client, id, "kapot\n", $"adres;naam\n{fromPage};Fien\n");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("1 adres(sen) uitgenodigd of ingeschreven.", html);
        Assert.Contains("Regel 1: ‘kapot’ is geen geldig e-mailadres.", html);
        Assert.Contains(fromPage, await InvitedAsync(steward.Client, id));
    }

    /// <summary>POSTs the programme page's enrol form as a browser does: the typed list and a CSV file, with the antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostEnrolFormAsync(HttpClient client, int id, string emails, string csv)
    {
        var token = TokenRegex().Match(await client.GetStringAsync($"/samen-leren/{id}"));
        Assert.True(token.Success);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent(emails), "emails" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "deelnemers.csv" },
        };
        return await client.PostAsync($"/samen-leren/{id}?handler=Enrol", form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    private static object Intake(string brings, string develops, string dept) => new
    {
        brings = new[] { brings }, develops = new[] { develops }, qualities = new[] { "optimisme" }, affinities = new[] { "onderwijs" },
        department = dept, discipline = "beleid", availability = new[] { "dinsdag-middag" },
    };

    [Fact]
    public async Task Participants_are_told_when_enrolled_invited_reminded_of_their_intake_proposed_a_duo_and_answered()
    {
        var start = Today.AddDays(30);
        var (steward, id) = await ProgrammeAsync(start);
        var a = await app.LoginAsUserAsync(Roles.Deelnemer);
        var b = await app.LoginAsUserAsync(Roles.Deelnemer);
        var newcomer = $"nieuw{Guid.NewGuid():N}@example.org";
        await JsonAsync(await steward.Client.PostAsJsonAsync($"/api/v1/programmes/{id}/participants", new { emails = new[] { a.Email, b.Email, newcomer } }), HttpStatusCode.OK);

        // Enrolled: in the inbox and by mail, once (no second "added" mail from accounts).
        var notice = Assert.Single(await InboxAsync(a.Id));
        Assert.StartsWith("Je doet mee aan samen leren", notice.Title);
        Assert.Equal($"/samen-leren/{id}", notice.Link);
        var mail = await app.Mail.WaitForAsync(a.Email, m => m.Subject?.StartsWith("Je doet mee aan samen leren", StringComparison.Ordinal) == true);
        Assert.Contains("vul je intake in", mail.TextBody);
        Assert.DoesNotContain(app.Mail.To(a.Email), m => m.Subject == "Je bent toegevoegd in Klimrek");

        // The intake reminder: a week before the start at nine; cancelled once the intake is complete.
        var intakeA = Assert.Single(await RemindersAsync(SamenLerenNotices.IntakeKey(id, a.Id)));
        Assert.Equal(DutchTime.ToUtc(start.AddDays(-7), new TimeOnly(9, 0)), intakeA.DueAt);
        await JsonAsync(await a.Client.PutAsJsonAsync($"/api/v1/programmes/{id}/intake", Intake("didactiek", "data-analyse", "Onderwijs")), HttpStatusCode.OK);
        Assert.NotNull(Assert.Single(await RemindersAsync(SamenLerenNotices.IntakeKey(id, a.Id))).CancelledAt);
        await MakeDueAsync($"sl:intake:{id}:");
        await DispatchAsync();
        await DispatchAsync();
        Assert.Single(await InboxAsync(a.Id)); // nothing more for a
        var bInbox = await InboxAsync(b.Id);
        Assert.Equal(2, bInbox.Count);
        Assert.StartsWith("Vul je intake in voor", bInbox[1].Title);
        Assert.Equal($"/samen-leren/{id}/intake", bInbox[1].Link);

        // The duo proposed: each member told who the partner is.
        await JsonAsync(await b.Client.PutAsJsonAsync($"/api/v1/programmes/{id}/intake", Intake("data-analyse", "didactiek", "Onderzoek")), HttpStatusCode.OK);
        await JsonAsync(await steward.Client.PostAsync($"/api/v1/programmes/{id}/matching", null), HttpStatusCode.OK);
        var duo = (await JsonAsync(await a.Client.GetAsync($"/api/v1/programmes/{id}/my-duo"), HttpStatusCode.OK)).GetProperty("id").GetInt32();
        var proposed = (await InboxAsync(a.Id)).Last();
        Assert.Equal("Je duo-voorstel: samen met Test " + Roles.Deelnemer, proposed.Title);
        Assert.Equal($"/samen-leren/{id}/duo/{duo}", proposed.Link);
        Assert.StartsWith("Je duo-voorstel", (await InboxAsync(b.Id)).Last().Title);

        // Answers: the partner hears of the first, and the duo's start.
        await JsonAsync(await a.Client.PostAsJsonAsync($"/api/v1/programmes/{id}/duos/{duo}/response", new { accept = true }), HttpStatusCode.OK);
        Assert.EndsWith("is akkoord met jullie duo", (await InboxAsync(b.Id)).Last().Title);
        await JsonAsync(await b.Client.PostAsJsonAsync($"/api/v1/programmes/{id}/duos/{duo}/response", new { accept = true }), HttpStatusCode.OK);
        Assert.EndsWith("is akkoord: jullie duo is van start", (await InboxAsync(a.Id)).Last().Title);

        // The invited address registers through its link: it is told it takes part, and its intake is reminded of.
        var invitation = await app.Mail.WaitForAsync(newcomer, m => m.Subject == "Uitnodiging voor Klimrek");
        var client = app.Anonymous();
        var link = TestSmtpServer.LinkIn(invitation, "/account/uitnodiging");
        var joined = await KlimrekApp.PostFormAsync(client, link + "&handler=Register", new() { ["DisplayName"] = "Nieuwkomer", ["Password"] = "correct horse battery" }, link);
        Assert.Equal($"/samen-leren/{id}", joined.Headers.Location!.OriginalString);
        var newcomerId = await Db(db => db.Users.Where(u => u.Email == newcomer).Select(u => u.Id).SingleAsync());
        Assert.StartsWith("Je doet mee aan samen leren", Assert.Single(await InboxAsync(newcomerId)).Title);
        Assert.Single(await RemindersAsync(SamenLerenNotices.IntakeKey(id, newcomerId)));
        await app.Mail.WaitForAsync(newcomer, m => m.Subject?.StartsWith("Je doet mee aan samen leren", StringComparison.Ordinal) == true);

        // The information pack: the default built from the programme's figures, on the page and in the API.
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/samen-leren/{id}"));
        Assert.Contains("Wat je kunt verwachten", page);
        Assert.Contains("ieder 60 uur om samen te leren, en als duo € 750", page);
        var view = await JsonAsync(await a.Client.GetAsync($"/api/v1/programmes/{id}"), HttpStatusCode.OK);
        Assert.Contains(view.GetProperty("informationPack").EnumerateArray(), p => p.GetString()!.Contains("Elke 6 weken schrijf je een korte reflectie"));
    }

    [Fact]
    public async Task A_duos_meeting_reflection_and_not_met_reminders_are_planned_from_its_own_start_and_each_sent_once()
    {
        // The programme started ten weeks ago; the duo starts today.
        var (steward, id) = await ProgrammeAsync(Today.AddDays(-70), notMetWeeks: 3, pack: "Eigen tekst van de stuurgroep.\n\nTweede alinea.");
        var a = await app.LoginAsUserAsync(Roles.Deelnemer);
        var b = await app.LoginAsUserAsync(Roles.Deelnemer);
        await JsonAsync(await steward.Client.PostAsJsonAsync($"/api/v1/programmes/{id}/participants", new { emails = new[] { a.Email, b.Email } }), HttpStatusCode.OK);
        await JsonAsync(await a.Client.PutAsJsonAsync($"/api/v1/programmes/{id}/intake", Intake("didactiek", "data-analyse", "Onderwijs")), HttpStatusCode.OK);
        await JsonAsync(await b.Client.PutAsJsonAsync($"/api/v1/programmes/{id}/intake", Intake("data-analyse", "didactiek", "Onderzoek")), HttpStatusCode.OK);
        await JsonAsync(await steward.Client.PostAsync($"/api/v1/programmes/{id}/matching", null), HttpStatusCode.OK);
        var duoView = await JsonAsync(await a.Client.GetAsync($"/api/v1/programmes/{id}/my-duo"), HttpStatusCode.OK);
        int duo = duoView.GetProperty("id").GetInt32();
        string d = $"/api/v1/programmes/{id}/duos/{duo}";
        foreach (var who in new[] { a, b }) await JsonAsync(await who.Client.PostAsJsonAsync($"{d}/response", new { accept = true }), HttpStatusCode.OK);
        var pa = await Db(db => db.Participants.Where(p => p.ProgrammeId == id && p.UserId == a.Id).Select(p => p.Id).SingleAsync());

        // The steering group's own information pack is what participants read.
        var view = await JsonAsync(await a.Client.GetAsync($"/api/v1/programmes/{id}"), HttpStatusCode.OK);
        Assert.Equal(["Eigen tekst van de stuurgroep.", "Tweede alinea."], view.GetProperty("informationPack").EnumerateArray().Select(p => p.GetString()!).ToArray());

        // Reflections: the first one cadence (6 weeks) after the duo's start, not the programme's (that would be four weeks ago).
        var reflections = await RemindersAsync(DuoReminders.ReflectionPrefix(duo, pa));
        Assert.NotEmpty(reflections);
        Assert.Equal(DutchTime.ToUtc(Today.AddDays(42), new TimeOnly(9, 0)), reflections[0].DueAt);
        Assert.All(reflections, r => Assert.True(r.DueAt > DateTime.UtcNow));

        // "Not met": the members three weeks after the start, the steering group a week later.
        var notMet = await RemindersAsync(DuoReminders.NotMetPrefix(duo));
        Assert.Equal(3, notMet.Count);
        Assert.Equal(2, notMet.Count(r => r.Key.Contains(":duo:") && r.DueAt == DutchTime.ToUtc(Today.AddDays(21), new TimeOnly(9, 0))));
        Assert.Single(notMet, r => r.UserId == steward.Id && r.DueAt == DutchTime.ToUtc(Today.AddDays(28), new TimeOnly(9, 0)));

        // A meeting in two days: reminded the day before (both members); the "not met" day moves to three weeks after it.
        var meeting = (await JsonAsync(await a.Client.PostAsJsonAsync($"{d}/meetings", new { firstDate = Today.AddDays(2), time = "14:00", durationMinutes = 60, everyWeeks = 1, count = 1, location = "Kamer 3" }), HttpStatusCode.OK))[0];
        int meetingId = meeting.GetProperty("id").GetInt32();
        var startsAt = DutchTime.ToUtc(Today.AddDays(2), new TimeOnly(14, 0));
        var tomorrow = (await RemindersAsync(DuoReminders.MeetingPrefix(meetingId))).Where(r => r.CancelledAt == null).ToList();
        Assert.Equal(2, tomorrow.Count);
        Assert.All(tomorrow, r => Assert.Equal(startsAt.AddHours(-24), r.DueAt));
        var pending = (await RemindersAsync(DuoReminders.NotMetPrefix(duo))).Where(r => r.CancelledAt == null && r.SentAt == null).ToList();
        Assert.Equal(3, pending.Count);
        Assert.All(pending.Where(r => r.Key.Contains(":duo:")), r => Assert.Equal(DutchTime.ToUtc(Today.AddDays(23), new TimeOnly(9, 0)), r.DueAt));

        // Moved: the old reminder is cancelled and a new one planned; cancelled: none left, and "not met" falls back.
        await JsonAsync(await b.Client.PatchAsJsonAsync($"{d}/meetings/{meetingId}", new { date = Today.AddDays(3), time = "10:00" }), HttpStatusCode.OK);
        var moved = (await RemindersAsync(DuoReminders.MeetingPrefix(meetingId))).Where(r => r.CancelledAt == null).ToList();
        Assert.Equal(2, moved.Count);
        Assert.All(moved, r => Assert.Equal(DutchTime.ToUtc(Today.AddDays(3), new TimeOnly(10, 0)).AddHours(-24), r.DueAt));
        await MakeDueAsync(DuoReminders.MeetingPrefix(meetingId));
        await DispatchAsync();
        Assert.StartsWith("Morgen om 10:00 heb je een duo-afspraak", (await InboxAsync(a.Id)).Last().Title);
        Assert.Contains("Plaats: Kamer 3", (await InboxAsync(a.Id)).Last().Body);
        await JsonAsync(await b.Client.PatchAsJsonAsync($"{d}/meetings/{meetingId}", new { cancel = true }), HttpStatusCode.OK);
        Assert.DoesNotContain(await RemindersAsync(DuoReminders.MeetingPrefix(meetingId)), r => r.CancelledAt == null && r.SentAt == null);
        pending = (await RemindersAsync(DuoReminders.NotMetPrefix(duo))).Where(r => r.CancelledAt == null && r.SentAt == null).ToList();
        Assert.All(pending.Where(r => r.Key.Contains(":duo:")), r => Assert.Equal(DutchTime.ToUtc(Today.AddDays(21), new TimeOnly(9, 0)), r.DueAt));

        // Not met: the members first, then (still not met) the steering group; each once, also when planned again.
        await Db(db => db.ScheduledReminders.Where(r => r.Key.StartsWith(DuoReminders.NotMetPrefix(duo)) && r.Key.Contains(":duo:") && r.CancelledAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.DueAt, DateTime.UtcNow.AddMinutes(-1))));
        await DispatchAsync();
        Assert.Equal("Jullie hebben elkaar 3 weken niet gezien", (await InboxAsync(b.Id)).Last().Title);
        Assert.DoesNotContain(await InboxAsync(steward.Id), n => n.Title.Contains("niet gezien"));
        await MakeDueAsync(DuoReminders.NotMetPrefix(duo));
        await DispatchAsync();
        await DispatchAsync();
        var told = Assert.Single(await InboxAsync(steward.Id), n => n.Title.Contains("niet gezien"));
        Assert.Contains("4 weken niet gezien", told.Title);
        Assert.Equal($"/samen-leren/{id}/monitor", told.Link);
        // A meeting planned and cancelled again plans the same "not met" day: what was sent for it is not sent again.
        var again = (await JsonAsync(await a.Client.PostAsJsonAsync($"{d}/meetings", new { firstDate = Today.AddDays(5), time = "09:00", durationMinutes = 60, everyWeeks = 1, count = 1 }), HttpStatusCode.OK))[0];
        await JsonAsync(await a.Client.PatchAsJsonAsync($"{d}/meetings/{again.GetProperty("id").GetInt32()}", new { cancel = true }), HttpStatusCode.OK);
        await MakeDueAsync(DuoReminders.NotMetPrefix(duo));
        await DispatchAsync();
        Assert.Single(await InboxAsync(b.Id), n => n.Title.Contains("niet gezien"));
        Assert.Single(await InboxAsync(steward.Id), n => n.Title.Contains("niet gezien"));

        // A reflection written answers the member's next reflection reminder, not the partner's.
        await JsonAsync(await a.Client.PostAsJsonAsync($"{d}/reflections", new { period = 1, wentWell = "Goed gesprek", buildOn = "Vaker oefenen", nextStep = "Lesbezoek" }), HttpStatusCode.Created);
        var mine = await RemindersAsync(DuoReminders.ReflectionPrefix(duo, pa));
        Assert.NotNull(mine[0].CancelledAt);
        Assert.Null(mine[1].CancelledAt);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SamenLerenRunTestsSqlite(SqliteApp app) : SamenLerenRunTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SamenLerenRunTestsPostgres(PostgresApp app) : SamenLerenRunTests(app);
