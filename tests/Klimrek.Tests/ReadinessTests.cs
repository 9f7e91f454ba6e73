using Klimrek.Data;
using Klimrek.Features.Notifications;
using Klimrek.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Klimrek.Tests;

/// <summary>Readiness check-ins (bereidheid): quick, private by default, a trend, a gentle weekly suggestion.</summary>
public abstract class ReadinessTests(KlimrekApp app)
{
    private const string Api = "/api/v1/me/werkleren/check-ins";

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"expected {expected}, got {r.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static object CheckIn(int weten = 4, int willen = 5, int kunnen = 3, int durven = 2, int mogen = 4, bool share = false, string? note = null) =>
        new { weten, willen, kunnen, durven, mogen, note, helped = "Een collega die meekeek", shareWithBegeleider = share };

    private Task<int> CountAsync(string userId) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().ReadinessCheckIns.CountAsync(c => c.UserId == userId));

    [Fact]
    public async Task A_check_in_is_stored_with_its_five_scores_and_listed_newest_first()
    {
        var me = await app.LoginAsUserAsync(Roles.Deelnemer);
        var first = await JsonAsync(await me.Client.PostAsJsonAsync(Api, CheckIn(weten: 2)), HttpStatusCode.Created);
        var second = await JsonAsync(await me.Client.PostAsJsonAsync(Api, CheckIn(weten: 5, note: "Drukke dienst")), HttpStatusCode.Created);
        Assert.Equal(5, second.GetProperty("weten").GetInt32());
        Assert.Equal(2, second.GetProperty("durven").GetInt32());
        Assert.False(second.GetProperty("sharedWithBegeleider").GetBoolean());
        var list = await JsonAsync(await me.Client.GetAsync(Api), HttpStatusCode.OK);
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([second.GetProperty("id").GetInt32(), first.GetProperty("id").GetInt32()], items.Select(i => i.GetProperty("id").GetInt32()));
        Assert.Equal("Drukke dienst", items[0].GetProperty("note").GetString());
        Assert.True(list.GetProperty("weeklySuggestion").GetBoolean());
    }

    [Theory]
    [InlineData(0, "weten")]
    [InlineData(6, "weten")]
    [InlineData(null, "weten")]
    public async Task A_score_outside_one_to_five_or_missing_is_refused_and_nothing_is_stored(int? weten, string field)
    {
        var me = await app.LoginAsUserAsync(Roles.Deelnemer);
        var problem = await JsonAsync(await me.Client.PostAsJsonAsync(Api, new { weten, willen = 3, kunnen = 3, durven = 3, mogen = 3 }), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        var tooLong = await JsonAsync(await me.Client.PostAsJsonAsync(Api, CheckIn(note: new string('x', 2001))), HttpStatusCode.BadRequest);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("note", out _));
        Assert.Equal(0, await CountAsync(me.Id));
    }

    [Fact]
    public async Task Only_the_owner_can_change_or_delete_a_check_in_and_others_do_not_learn_it_exists()
    {
        var me = await app.LoginAsUserAsync(Roles.Deelnemer);
        var other = await app.LoginAsUserAsync(Roles.Deelnemer);
        var begeleider = await app.LoginAsUserAsync(Roles.Begeleider);
        int id = (await JsonAsync(await me.Client.PostAsJsonAsync(Api, CheckIn()), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        foreach (var stranger in new[] { other, begeleider })
        {
            await JsonAsync(await stranger.Client.PutAsJsonAsync($"{Api}/{id}", new { note = "niet van mij", helped = (string?)null, shareWithBegeleider = true }), HttpStatusCode.NotFound);
            await JsonAsync(await stranger.Client.DeleteAsync($"{Api}/{id}"), HttpStatusCode.NotFound);
            var theirs = await JsonAsync(await stranger.Client.GetAsync(Api), HttpStatusCode.OK);
            Assert.Empty(theirs.GetProperty("items").EnumerateArray());
        }
        var updated = await JsonAsync(await me.Client.PutAsJsonAsync($"{Api}/{id}", new { note = "Later aangevuld", helped = "Het overleg", shareWithBegeleider = true }), HttpStatusCode.OK);
        Assert.Equal("Later aangevuld", updated.GetProperty("note").GetString());
        Assert.Equal("Het overleg", updated.GetProperty("helped").GetString());
        Assert.True(updated.GetProperty("sharedWithBegeleider").GetBoolean());
        Assert.Equal(4, updated.GetProperty("weten").GetInt32());
        await JsonAsync(await me.Client.DeleteAsync($"{Api}/{id}"), HttpStatusCode.NoContent);
        Assert.Equal(0, await CountAsync(me.Id));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync(Api)).StatusCode);
    }

    [Fact]
    public async Task The_page_records_a_check_in_shows_a_trend_and_keeps_what_was_typed_when_refused()
    {
        var me = await app.LoginAsUserAsync(Roles.Deelnemer);
        // Refused: one aspect missing. Nothing stored, the other answers stay checked, the message is Dutch.
        var refused = await KlimrekApp.PostFormAsync(me.Client, "/werkleren/bereidheid",
            new() { ["Weten"] = "4", ["Willen"] = "5", ["Kunnen"] = "3", ["Durven"] = "2", ["Note"] = "Wat ik typte" }, "/werkleren/bereidheid");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Kies een score van 1 tot 5.", html);
        Assert.Contains("Wat ik typte", html);
        Assert.Matches("id=\"durven-2\"[^>]*checked", html);
        Assert.Equal(0, await CountAsync(me.Id));

        foreach (var (w, d) in new[] { (2, 1), (3, 3), (5, 4) })
        {
            var ok = await KlimrekApp.PostFormAsync(me.Client, "/werkleren/bereidheid",
                new() { ["Weten"] = w.ToString(), ["Willen"] = "4", ["Kunnen"] = "3", ["Durven"] = d.ToString(), ["Mogen"] = "4" }, "/werkleren/bereidheid");
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }
        Assert.Equal(3, await CountAsync(me.Id));
        var page = await me.Client.GetStringAsync("/werkleren/bereidheid");
        Assert.Contains("<svg", page);
        Assert.Contains("role=\"img\"", page);
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Count(page, "<polyline"));
        Assert.Contains("laatste 3 check-ins", page);
    }

    [Fact]
    public async Task The_weekly_suggestion_follows_the_last_check_in_is_sent_once_and_can_be_switched_off()
    {
        var me = await app.LoginAsUserAsync(Roles.Deelnemer);
        await JsonAsync(await me.Client.PostAsJsonAsync(Api, CheckIn()), HttpStatusCode.Created);
        await JsonAsync(await me.Client.PostAsJsonAsync(Api, CheckIn()), HttpStatusCode.Created);
        var pending = await PendingAsync(me.Id);
        var one = Assert.Single(pending);
        Assert.InRange(one.DueAt - DateTime.UtcNow, TimeSpan.FromDays(6.9), TimeSpan.FromDays(7.1));

        // Due now: sent once, however often the dispatcher runs; in the inbox only (the kind's default).
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            await db.ScheduledReminders.Where(r => r.Id == one.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.DueAt, DateTime.UtcNow.AddMinutes(-1)));
            return 0;
        });
        var dispatcher = app.Services.GetRequiredService<ReminderDispatcher>();
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        var inbox = await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().Notifications
            .Where(n => n.UserId == me.Id && n.Kind == NotificationKinds.Bereidheid).ToListAsync());
        Assert.Equal("Hoe sta je er deze week voor?", Assert.Single(inbox).Title);
        Assert.DoesNotContain(app.Mail.To(me.Email), m => (m.Subject ?? "").Contains("deze week", StringComparison.Ordinal));

        // Switched off: nothing pending, and a new check-in plans nothing.
        await JsonAsync(await me.Client.PostAsJsonAsync(Api, CheckIn()), HttpStatusCode.Created);
        Assert.Single(await PendingAsync(me.Id));
        await JsonAsync(await me.Client.PutAsJsonAsync($"{Api}/suggestion", new { on = false }), HttpStatusCode.NoContent);
        Assert.Empty(await PendingAsync(me.Id));
        await JsonAsync(await me.Client.PostAsJsonAsync(Api, CheckIn()), HttpStatusCode.Created);
        Assert.Empty(await PendingAsync(me.Id));
        Assert.False((await JsonAsync(await me.Client.GetAsync(Api), HttpStatusCode.OK)).GetProperty("weeklySuggestion").GetBoolean());
        await JsonAsync(await me.Client.PutAsJsonAsync($"{Api}/suggestion", new { on = true }), HttpStatusCode.NoContent);
        Assert.Single(await PendingAsync(me.Id));
    }

    private Task<List<ScheduledReminder>> PendingAsync(string userId) => app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().ScheduledReminders
        .Where(r => r.UserId == userId && r.Kind == NotificationKinds.Bereidheid && r.SentAt == null && r.CancelledAt == null).ToListAsync());

    [Fact]
    public async Task A_comment_goes_with_the_item_it_was_on_when_the_owner_deletes_it()
    {
        var me = await app.LoginAsUserAsync(Roles.Deelnemer);
        var manager = await app.LoginAsUserAsync(Roles.Deelnemer);
        await JsonAsync(await me.Client.PostAsJsonAsync("/api/v1/me/werkleren/relations", new { email = manager.Email, kind = "leidinggevende" }), HttpStatusCode.Accepted);
        var theme = await JsonAsync(await me.Client.PostAsJsonAsync("/api/v1/me/werkleren/themes", new { title = "Overdracht", sharedWithLeidinggevende = true }), HttpStatusCode.Created);
        var checkIn = await JsonAsync(await me.Client.PostAsJsonAsync(Api, CheckIn()), HttpStatusCode.Created);
        await JsonAsync(await me.Client.PutAsJsonAsync($"{Api}/{checkIn.GetProperty("id").GetInt32()}", new { shareWithBegeleider = false }), HttpStatusCode.OK);
        foreach (var (kind, id) in new[] { ("theme", theme.GetProperty("id").GetInt32()) })
            await JsonAsync(await manager.Client.PostAsJsonAsync($"/api/v1/me/werkleren/shared-with-me/{me.Id}/comments", new { itemKind = kind, itemId = id, text = "Goed thema" }), HttpStatusCode.Created);
        Task<int> CommentsAsync() => app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().WorkComments.CountAsync(c => c.OwnerId == me.Id));
        Assert.Equal(1, await CommentsAsync());
        await JsonAsync(await me.Client.DeleteAsync($"/api/v1/me/werkleren/themes/{theme.GetProperty("id").GetInt32()}"), HttpStatusCode.NoContent);
        Assert.Equal(0, await CommentsAsync());
    }

    [Fact]
    public async Task Check_ins_are_in_the_export_and_gone_after_erase()
    {
        var me = await app.LoginAsUserAsync(Roles.Deelnemer);
        await JsonAsync(await me.Client.PostAsJsonAsync(Api, CheckIn(note: "Exporteer mij")), HttpStatusCode.Created);
        var r = await me.Client.GetAsync("/api/v1/me/data.zip");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using (var zip = new ZipArchive(new MemoryStream(await r.Content.ReadAsByteArrayAsync())))
        {
            var entry = zip.GetEntry("werkleren-bereidheid.json");
            Assert.NotNull(entry);
            using var reader = new StreamReader(entry.Open());
            Assert.Contains("Exporteer mij", await reader.ReadToEndAsync());
        }
        await JsonAsync(await me.Client.PostAsJsonAsync("/api/v1/me/erase", new { password = "correct horse battery" }), HttpStatusCode.NoContent);
        Assert.Equal(0, await CountAsync(me.Id));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReadinessTestsSqlite(SqliteApp app) : ReadinessTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ReadinessTestsPostgres(PostgresApp app) : ReadinessTests(app);
