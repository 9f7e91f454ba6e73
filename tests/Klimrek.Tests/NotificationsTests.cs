using Klimrek.Data;
using Klimrek.Features.Notifications;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Klimrek.Tests;

/// <summary>
/// Notifications: each person's choice per kind decides inbox and mail; the inbox (page and API) is one's own; reminders
/// go out exactly once — twice dispatched, from two instances at once, after an instance died holding a claim, moved,
/// cancelled, and from the background loop.
/// </summary>
public abstract class NotificationsTests(KlimrekApp app)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"expected {expected}, got {r.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static DateTime Now => DateTime.UtcNow;

    private Task<List<Notification>> InboxOfAsync(string userId) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().Notifications.AsNoTracking().Where(n => n.UserId == userId).ToListAsync());

    private Task NotifyAsync(string userId, string kind, string title, string? link = "/werkleren") =>
        app.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<Notifier>().NotifyNowAsync(userId, kind, NotificationContent.Of(title), link, CancellationToken.None);
            return 0;
        });

    /// <summary>
    /// Waits until every mail queued so far by this instance went out: mail leaves an instance in order, so once a
    /// marker queued now has arrived, so has everything before it.
    /// </summary>
    internal static async Task DrainMailAsync(IServiceProvider services, TestSmtpServer mail)
    {
        var marker = $"marker-{Guid.NewGuid():N}@example.org";
        services.GetRequiredService<MailComposer>().Send(marker, null, "nl", "Markering", []);
        await mail.WaitForAsync(marker);
    }

    private Task ScheduleAsync(string key, string userId, DateTime dueAt, string title) =>
        app.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<Reminders>().ScheduleAsync(key, userId, NotificationKinds.Terugkoppelmomenten, dueAt, NotificationContent.Of(title), "/werkleren", CancellationToken.None);
            await sp.GetRequiredService<KlimrekDbContext>().SaveChangesAsync();
            return 0;
        });

    private Task<int> DispatchAsync() => app.Services.GetRequiredService<ReminderDispatcher>().DispatchDueAsync(CancellationToken.None);

    private Task<ScheduledReminder> ReminderAsync(string key) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().ScheduledReminders.AsNoTracking().SingleAsync(r => r.Key == key));

    private static Dictionary<string, string> MailSettings(KlimrekApp app, bool background = false) => new()
    {
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = app.Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Tls"] = "None",
        ["Mail:BaseUrl"] = "http://localhost",
        ["Notifications:Background"] = background ? "true" : "false",
        ["Notifications:PollSeconds"] = "1",
    };

    [Fact]
    public async Task Each_kind_reaches_the_inbox_and_the_mail_as_the_person_chose()
    {
        var u = await app.LoginAsUserAsync(Roles.Deelnemer);
        var saved = await JsonAsync(await u.Client.PutAsJsonAsync("/api/v1/me/notification-preferences", new
        {
            preferences = new object[]
            {
                new { kind = NotificationKinds.Signalen, channels = new[] { "inApp" } },
                new { kind = NotificationKinds.Experimenten, channels = new[] { "mail" } },
                new { kind = NotificationKinds.Delen, channels = new[] { "inApp", "mail" } },
                new { kind = NotificationKinds.Terugkoppelmomenten, channels = Array.Empty<string>() },
            },
        }), HttpStatusCode.OK);
        Assert.Equal(["inApp"], saved.EnumerateArray().First(p => p.GetProperty("kind").GetString() == "signalen").GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        // Not chosen: the default (the check-in suggestion only in the app).
        var bereidheid = saved.EnumerateArray().First(p => p.GetProperty("kind").GetString() == "bereidheid");
        Assert.True(bereidheid.GetProperty("isDefault").GetBoolean());
        Assert.Equal(["inApp"], bereidheid.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));

        await NotifyAsync(u.Id, NotificationKinds.Signalen, "Alleen in de app");
        await NotifyAsync(u.Id, NotificationKinds.Experimenten, "Alleen per mail");
        await NotifyAsync(u.Id, NotificationKinds.Delen, "Allebei");
        await NotifyAsync(u.Id, NotificationKinds.Terugkoppelmomenten, "Helemaal niet");
        await NotifyAsync(u.Id, NotificationKinds.Bereidheid, "Standaard alleen in de app");
        await app.WithScopeAsync(async sp => { await DrainMailAsync(sp, app.Mail); return 0; });

        Assert.Equal(["Allebei", "Alleen in de app", "Standaard alleen in de app"], (await InboxOfAsync(u.Id)).Select(n => n.Title).Order(StringComparer.Ordinal));
        Assert.Equal(["Allebei", "Alleen per mail"], app.Mail.To(u.Email).Select(m => m.Subject).Order(StringComparer.Ordinal));
        // The mail links to the place to act on, and to these choices.
        var mail = app.Mail.To(u.Email).First(m => m.Subject == "Allebei");
        Assert.Equal("/werkleren", TestSmtpServer.LinkIn(mail, "/werkleren"));
        Assert.Equal("/account/meldingen", TestSmtpServer.LinkIn(mail, "/account/meldingen"));
    }

    [Fact]
    public async Task Choices_are_validated_and_saved_from_the_page_too()
    {
        var u = await app.LoginAsUserAsync(Roles.Deelnemer);
        var before = (await JsonAsync(await u.Client.GetAsync("/api/v1/me/notification-preferences"), HttpStatusCode.OK)).GetRawText();
        foreach (var bad in new object[]
                 {
                     new { },
                     new { preferences = new[] { new { kind = "nieuwsbrief", channels = new[] { "mail" } } } },
                     new { preferences = new[] { new { kind = "signalen", channels = new[] { "sms" } } } },
                     new { preferences = new object[] { new { kind = "signalen", channels = new[] { "mail" } }, new { kind = "delen", channels = (string[]?)null } } },
                     new { preferences = new[] { new { kind = "signalen", channels = new[] { "mail" } }, new { kind = "signalen", channels = new[] { "inApp" } } } },
                 })
        {
            var problem = await JsonAsync(await u.Client.PutAsJsonAsync("/api/v1/me/notification-preferences", bad), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("preferences", out _), problem.GetRawText());
        }
        Assert.Equal(before, (await JsonAsync(await u.Client.GetAsync("/api/v1/me/notification-preferences"), HttpStatusCode.OK)).GetRawText());

        var page = await u.Client.GetStringAsync("/account/meldingen");
        Assert.Contains("Signalen en antwoorden uit je microleerklimaat", page);
        Assert.Contains("""id="k-signalen-beide" name="k-signalen" value="beide" checked="checked" """, page);
        Assert.Contains("/account/meldingen", await u.Client.GetStringAsync("/account"));
        var posted = await KlimrekApp.PostFormAsync(u.Client, "/account/meldingen", new() { ["k-signalen"] = "uit", ["k-delen"] = "mail" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var now = await JsonAsync(await u.Client.GetAsync("/api/v1/me/notification-preferences"), HttpStatusCode.OK);
        Assert.Empty(now.EnumerateArray().First(p => p.GetProperty("kind").GetString() == "signalen").GetProperty("channels").EnumerateArray());
        Assert.Equal(["mail"], now.EnumerateArray().First(p => p.GetProperty("kind").GetString() == "delen").GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/me/notification-preferences")).StatusCode);
    }

    [Fact]
    public async Task The_inbox_is_newest_first_paged_marks_read_and_is_nobody_elses()
    {
        var u = await app.LoginAsUserAsync(Roles.Deelnemer);
        var other = await app.LoginAsUserAsync(Roles.Deelnemer);
        for (var i = 1; i <= 3; i++)
        {
            await NotifyAsync(u.Id, NotificationKinds.Signalen, $"Bericht {i}", $"/werkleren/signalen#b{i}");
            await Task.Delay(20);
        }
        await NotifyAsync(other.Id, NotificationKinds.Signalen, "Van een ander");
        var othersId = (await InboxOfAsync(other.Id)).Single().Id;

        var inbox = await JsonAsync(await u.Client.GetAsync("/api/v1/me/inbox"), HttpStatusCode.OK);
        Assert.Equal(3, inbox.GetProperty("unread").GetInt32());
        Assert.Equal(["Bericht 3", "Bericht 2", "Bericht 1"], inbox.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
        var paged = await JsonAsync(await u.Client.GetAsync("/api/v1/me/inbox?page=2&pageSize=2"), HttpStatusCode.OK);
        Assert.Equal(2, paged.GetProperty("pages").GetInt32());
        Assert.Equal(["Bericht 1"], paged.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));

        // Someone else's notification does not exist for u, and stays unread.
        await JsonAsync(await u.Client.PostAsync($"/api/v1/me/inbox/{othersId}/read", null), HttpStatusCode.NotFound);
        Assert.Null((await InboxOfAsync(other.Id)).Single().ReadAt);
        Assert.DoesNotContain("Van een ander", await u.Client.GetStringAsync("/meldingen"));

        var first = inbox.GetProperty("items")[2];
        var read = await JsonAsync(await u.Client.PostAsync($"/api/v1/me/inbox/{first.GetProperty("id").GetInt64()}/read", null), HttpStatusCode.OK);
        Assert.False(read.GetProperty("unread").GetBoolean());
        Assert.Equal(2, (await JsonAsync(await u.Client.GetAsync("/api/v1/me/inbox"), HttpStatusCode.OK)).GetProperty("unread").GetInt32());

        // The page marks the unread ones, the header counts them, opening one reads it and goes to its link.
        var page = await u.Client.GetStringAsync("/meldingen");
        Assert.Equal(2, page.Split("class=\"unread\"").Length - 1);
        var header = page[page.IndexOf("class=\"inbox-link\"", StringComparison.Ordinal)..];
        Assert.StartsWith("class=\"inbox-link\">Meldingen <span class=\"inbox-count\"> (2<span class=\"visually-hidden\"> ongelezen</span>)</span> </a>", header, StringComparison.Ordinal);
        var second = inbox.GetProperty("items")[1].GetProperty("id").GetInt64();
        var open = await KlimrekApp.PostFormAsync(u.Client, $"/meldingen?handler=Open&id={second}", [], "/meldingen");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal("/werkleren/signalen#b2", open.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await KlimrekApp.PostFormAsync(u.Client, $"/meldingen?handler=Open&id={othersId}", [], "/meldingen")).StatusCode);
        Assert.Equal(1, (await JsonAsync(await u.Client.GetAsync("/api/v1/me/inbox"), HttpStatusCode.OK)).GetProperty("unread").GetInt32());

        var all = await JsonAsync(await u.Client.PostAsync("/api/v1/me/inbox/read-all", null), HttpStatusCode.OK);
        Assert.Equal(1, all.GetProperty("marked").GetInt32());
        Assert.Equal(0, all.GetProperty("unread").GetInt32());
        Assert.DoesNotContain("inbox-count", await u.Client.GetStringAsync("/meldingen"));
        Assert.Null((await InboxOfAsync(other.Id)).Single().ReadAt);
        // Nobody signed in: no inbox link at all.
        Assert.DoesNotContain("inbox-link", await app.Anonymous().GetStringAsync("/over"));
    }

    [Fact]
    public async Task A_reminder_goes_out_once_however_often_the_dispatcher_runs()
    {
        var u = await app.LoginAsUserAsync(Roles.Deelnemer);
        var key = "test:" + Guid.NewGuid().ToString("N");
        await ScheduleAsync(key, u.Id, Now.AddMinutes(-1), "Herinnering eenmaal");
        await DispatchAsync();
        await DispatchAsync();
        await app.WithScopeAsync(async sp => { await DrainMailAsync(sp, app.Mail); return 0; });
        Assert.Single(await InboxOfAsync(u.Id));
        Assert.Single(app.Mail.To(u.Email));
        Assert.NotNull((await ReminderAsync(key)).SentAt);
        // Scheduling it again after it went out does not send it again.
        await ScheduleAsync(key, u.Id, Now.AddMinutes(-1), "Herinnering eenmaal");
        await DispatchAsync();
        Assert.Single(await InboxOfAsync(u.Id));
    }

    [Fact]
    public async Task A_moved_reminder_goes_at_its_new_time_and_a_cancelled_one_not_at_all()
    {
        var u = await app.LoginAsUserAsync(Roles.Deelnemer);
        var prefix = "test:" + Guid.NewGuid().ToString("N") + ":";
        // Due now, moved to tomorrow before any dispatch: not sent, one row with the new time.
        await ScheduleAsync(prefix + "later", u.Id, Now.AddMinutes(-1), "Verzet");
        var tomorrow = Now.AddDays(1);
        await ScheduleAsync(prefix + "later", u.Id, tomorrow, "Verzet");
        // Not due yet, then moved to now: sent.
        await ScheduleAsync(prefix + "sooner", u.Id, Now.AddHours(1), "Vervroegd");
        await DispatchAsync();
        Assert.Empty(await InboxOfAsync(u.Id));
        await ScheduleAsync(prefix + "sooner", u.Id, Now.AddMinutes(-1), "Vervroegd");
        // Cancelled before it was due: never sent.
        await ScheduleAsync(prefix + "cancel:x", u.Id, Now.AddMinutes(-1), "Geannuleerd");
        Assert.Equal(1, await app.WithScopeAsync(sp => sp.GetRequiredService<Reminders>().CancelAsync(prefix + "cancel:", Now, CancellationToken.None)));
        await DispatchAsync();

        Assert.Equal(["Vervroegd"], (await InboxOfAsync(u.Id)).Select(n => n.Title));
        var later = await ReminderAsync(prefix + "later");
        Assert.Null(later.SentAt);
        Assert.True(Math.Abs((later.DueAt - tomorrow).TotalSeconds) < 1);
        Assert.Equal(1, await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().ScheduledReminders.CountAsync(r => r.Key == prefix + "later")));
        Assert.Null((await ReminderAsync(prefix + "cancel:x")).SentAt);
    }

    [Fact]
    public async Task A_claim_left_by_an_instance_that_died_lapses_and_the_reminder_goes_out_once_while_a_live_claim_holds()
    {
        var u = await app.LoginAsUserAsync(Roles.Deelnemer);
        var prefix = "test:" + Guid.NewGuid().ToString("N") + ":";
        await ScheduleAsync(prefix + "dead", u.Id, Now.AddMinutes(-10), "Na een herstart");
        await ScheduleAsync(prefix + "live", u.Id, Now.AddMinutes(-10), "Nog bezig elders");
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            var (past, future) = (Now.AddMinutes(-5), Now.AddMinutes(5));
            await db.ScheduledReminders.Where(r => r.Key == prefix + "dead")
                .ExecuteUpdateAsync(x => x.SetProperty(r => r.ClaimedBy, "gestorven/1").SetProperty(r => r.ClaimedUntil, past));
            return await db.ScheduledReminders.Where(r => r.Key == prefix + "live")
                .ExecuteUpdateAsync(x => x.SetProperty(r => r.ClaimedBy, "levend/2").SetProperty(r => r.ClaimedUntil, future));
        });
        await DispatchAsync();
        await DispatchAsync();
        Assert.Equal(["Na een herstart"], (await InboxOfAsync(u.Id)).Select(n => n.Title));
        Assert.Null((await ReminderAsync(prefix + "live")).SentAt);

        // Moving a reminder takes a live claim away: the instance holding it can no longer mark it sent; it goes at its new time.
        await ScheduleAsync(prefix + "live", u.Id, Now.AddMinutes(-1), "Nog bezig elders");
        var moved = await ReminderAsync(prefix + "live");
        Assert.Null(moved.ClaimedBy);
        Assert.Null(moved.ClaimedUntil);
        await DispatchAsync();
        Assert.Equal(["Na een herstart", "Nog bezig elders"], (await InboxOfAsync(u.Id)).Select(n => n.Title).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Two_instances_dispatching_at_once_send_each_reminder_exactly_once()
    {
        var u = await app.LoginAsUserAsync(Roles.Deelnemer);
        var prefix = "test:" + Guid.NewGuid().ToString("N") + ":";
        for (var i = 0; i < 12; i++) await ScheduleAsync(prefix + i, u.Id, Now.AddMinutes(-1), $"Tegelijk {i}");
        await using var other = new OtherInstance(app, MailSettings(app));
        var a = app.Services.GetRequiredService<ReminderDispatcher>();
        var b = other.Services.GetRequiredService<ReminderDispatcher>();
        Assert.NotEqual(a.InstanceId, b.InstanceId);
        var sent = await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(_ => new[] { a.DispatchDueAsync(CancellationToken.None), b.DispatchDueAsync(CancellationToken.None) }));
        Assert.Equal(12, sent.Sum());
        await app.WithScopeAsync(async sp => { await DrainMailAsync(sp, app.Mail); return 0; });
        await using (var scope = other.Services.CreateAsyncScope()) await DrainMailAsync(scope.ServiceProvider, app.Mail);

        var titles = (await InboxOfAsync(u.Id)).Select(n => n.Title).ToList();
        Assert.Equal(12, titles.Count);
        Assert.Equal(12, titles.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(12, app.Mail.To(u.Email).Count);
    }

    [Fact]
    public async Task The_background_loop_sends_due_reminders_without_anyone_calling_it()
    {
        var u = await app.LoginAsUserAsync(Roles.Deelnemer);
        var key = "test:" + Guid.NewGuid().ToString("N");
        await ScheduleAsync(key, u.Id, Now.AddMinutes(-1), "Vanzelf verstuurd");
        await using var other = new OtherInstance(app, MailSettings(app, background: true));
        _ = other.Server; // starts the host and its background services
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await ReminderAsync(key)).SentAt is null && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.NotNull((await ReminderAsync(key)).SentAt);
        Assert.Equal(["Vanzelf verstuurd"], (await InboxOfAsync(u.Id)).Select(n => n.Title));
        Assert.Equal("Vanzelf verstuurd", (await app.Mail.WaitForAsync(u.Email)).Subject);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class NotificationsTestsSqlite(SqliteApp app) : NotificationsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class NotificationsTestsPostgres(PostgresApp app) : NotificationsTests(app);
