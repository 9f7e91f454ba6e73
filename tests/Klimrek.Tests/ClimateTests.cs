using Klimrek.Data;
using Klimrek.Features.Werkleren.Climate;
using Klimrek.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Klimrek.Tests;

/// <summary>
/// Mijn microleerklimaat: the circle, signals to members with and without an account, answers in the timeline, the
/// picture, and privacy — only the person sees their circle and signals; a recipient only their own signal and answer.
/// </summary>
public abstract partial class ClimateTests(KlimrekApp app)
{
    private const string C = "/api/v1/me/werkleren";

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"expected {expected}, got {r.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string NewAddress(string name) => $"{name}-{Guid.NewGuid():N}@example.org";

    private static async Task<int> AddAsync(HttpClient client, string name, string email, params string[] roles) =>
        (await JsonAsync(await client.PostAsJsonAsync($"{C}/circle", new { name, email, roles }), HttpStatusCode.Created)).GetProperty("id").GetInt32();

    private static async Task<JsonElement> SignalAsync(HttpClient client, string text, params int[] memberIds) =>
        await JsonAsync(await client.PostAsJsonAsync($"{C}/signals", new { text, memberIds }), HttpStatusCode.Created);

    private Task<T> DbAsync<T>(Func<KlimrekDbContext, Task<T>> use) => app.WithScopeAsync(sp => use(sp.GetRequiredService<KlimrekDbContext>()));

    private Task DrainMailAsync() => app.WithScopeAsync(async sp => { await NotificationsTests.DrainMailAsync(sp, app.Mail); return 0; });

    [GeneratedRegex("""<p class="notice ok" role="status">([^<]*)</p>""")]
    private static partial Regex Notice();

    [Fact]
    public async Task The_circle_is_built_edited_and_thinned_with_history_kept_and_bad_input_changes_nothing()
    {
        var me = await app.LoginAsUserAsync(Roles.Deelnemer);
        var colleague = await app.LoginAsUserAsync(Roles.Deelnemer);
        var outsiderEmail = NewAddress("buiten");

        // Through the page: the same confirmation whether or not the address has an account.
        var withAccount = await KlimrekApp.PostFormAsync(me.Client, "/werkleren/klimaat?handler=Add",
            new() { ["NewName"] = "Sanne", ["NewEmail"] = colleague.Email, ["NewRoles"] = "denktMee" }, "/werkleren/klimaat");
        var withoutAccount = await KlimrekApp.PostFormAsync(me.Client, "/werkleren/klimaat?handler=Add",
            new() { ["NewName"] = "Piet", ["NewEmail"] = outsiderEmail, ["NewRoles"] = "moedigtAan", ["NewLeidinggevende"] = "true" }, "/werkleren/klimaat");
        Assert.Equal(HttpStatusCode.Redirect, withAccount.StatusCode);
        Assert.Equal(withAccount.Headers.Location, withoutAccount.Headers.Location);
        var page = await me.Client.GetStringAsync("/werkleren/klimaat");
        Assert.Contains("Toegevoegd aan je microleerklimaat.", page);

        var circle = await JsonAsync(await me.Client.GetAsync($"{C}/circle"), HttpStatusCode.OK);
        Assert.Equal(["Sanne", "Piet"], circle.EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        var piet = circle.EnumerateArray().First(m => m.GetProperty("name").GetString() == "Piet");
        Assert.True(piet.GetProperty("isLeidinggevende").GetBoolean());
        Assert.Equal(["moedigtAan"], piet.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        // Linked to the account behind a confirmed address; the other by address only.
        var links = await DbAsync(db => db.CircleMembers.Where(m => m.OwnerId == me.Id).ToDictionaryAsync(m => m.Name, m => m.MemberUserId));
        Assert.Equal(colleague.Id, links["Sanne"]);
        Assert.Null(links["Piet"]);

        // Bad input: 400 with the field, nothing added.
        foreach (var (body, field) in new (object, string)[]
                 {
                     (new { name = "", email = NewAddress("x"), roles = new[] { "doetMee" } }, "name"),
                     (new { name = "X", email = "geen-adres", roles = new[] { "doetMee" } }, "email"),
                     (new { name = "X", email = NewAddress("x"), roles = Array.Empty<string>() }, "roles"),
                     (new { name = "X", email = NewAddress("x"), roles = new[] { "baas" } }, "roles"),
                     (new { name = "X", email = me.Email, roles = new[] { "doetMee" } }, "email"),
                     (new { name = "Dubbel", email = outsiderEmail.ToUpperInvariant(), roles = new[] { "doetMee" } }, "email"),
                     (new { name = new string('n', 201), email = NewAddress("x"), roles = new[] { "doetMee" } }, "name"),
                 })
        {
            var problem = await JsonAsync(await me.Client.PostAsJsonAsync($"{C}/circle", body), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        }
        Assert.Equal(2, await DbAsync(db => db.CircleMembers.CountAsync(m => m.OwnerId == me.Id)));

        // Roles change; an empty role set is refused and changes nothing.
        var pietId = piet.GetProperty("id").GetInt32();
        var changed = await JsonAsync(await me.Client.PutAsJsonAsync($"{C}/circle/{pietId}", new { name = "Piet de Vries", roles = new[] { "denktMee", "doetMee" } }), HttpStatusCode.OK);
        Assert.Equal(["denktMee", "doetMee"], changed.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.False(changed.GetProperty("isLeidinggevende").GetBoolean());
        await JsonAsync(await me.Client.PutAsJsonAsync($"{C}/circle/{pietId}", new { roles = Array.Empty<string>() }), HttpStatusCode.BadRequest);
        Assert.Equal(CircleRoles.DenktMee | CircleRoles.DoetMee, await DbAsync(db => db.CircleMembers.Where(m => m.Id == pietId).Select(m => m.Roles).SingleAsync()));
        // The page's edit form does the same.
        var edited = await KlimrekApp.PostFormAsync(me.Client, $"/werkleren/klimaat?handler=Edit&memberId={pietId}",
            new() { ["name"] = "Piet", ["roles"] = "moedigtAan", ["leidinggevende"] = "true" }, "/werkleren/klimaat");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var after = await DbAsync(db => db.CircleMembers.AsNoTracking().SingleAsync(m => m.Id == pietId));
        Assert.Equal((CircleRoles.MoedigtAan, true), (after.Roles, after.IsLeidinggevende));

        // Taking someone out keeps them in the history, not in the circle.
        await JsonAsync(await me.Client.DeleteAsync($"{C}/circle/{pietId}"), HttpStatusCode.NoContent);
        Assert.Equal(["Sanne"], (await JsonAsync(await me.Client.GetAsync($"{C}/circle"), HttpStatusCode.OK)).EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        var history = await JsonAsync(await me.Client.GetAsync($"{C}/circle?includeRemoved=true"), HttpStatusCode.OK);
        Assert.NotEqual(JsonValueKind.Null, history.EnumerateArray().First(m => m.GetProperty("id").GetInt32() == pietId).GetProperty("removedAt").ValueKind);
        await JsonAsync(await me.Client.DeleteAsync($"{C}/circle/{pietId}"), HttpStatusCode.NotFound);
        await JsonAsync(await me.Client.PutAsJsonAsync($"{C}/circle/{pietId}", new { roles = new[] { "doetMee" } }), HttpStatusCode.NotFound);
        // Someone taken out can be added again.
        await AddAsync(me.Client, "Piet", outsiderEmail, "doetMee");
    }

    [Fact]
    public async Task A_signal_reaches_an_account_in_the_inbox_and_by_mail_and_the_answer_lands_in_the_timeline()
    {
        var me = await app.LoginAsUserAsync(Roles.Deelnemer);
        var colleague = await app.LoginAsUserAsync(Roles.Deelnemer);
        var memberId = await AddAsync(me.Client, "Sanne", colleague.Email, "denktMee");
        var signal = await SignalAsync(me.Client, "Ik probeer de overdracht aan het bed te doen. Kijk je mee?", memberId);
        var signalId = signal.GetProperty("id").GetInt32();

        var inbox = await JsonAsync(await colleague.Client.GetAsync("/api/v1/me/inbox"), HttpStatusCode.OK);
        var note = inbox.GetProperty("items")[0];
        Assert.Equal("signalen", note.GetProperty("kind").GetString());
        Assert.Contains("Test Deelnemer vraagt of je meekijkt", note.GetProperty("title").GetString());
        Assert.Contains("overdracht aan het bed", note.GetProperty("body").GetString());
        var mail = await app.Mail.WaitForAsync(colleague.Email, m => (m.TextBody ?? "").Contains("overdracht aan het bed", StringComparison.Ordinal));
        Assert.StartsWith("/werkleren/signalen", TestSmtpServer.LinkIn(mail, "/werkleren/signalen"));

        var received = await JsonAsync(await colleague.Client.GetAsync($"{C}/received-signals"), HttpStatusCode.OK);
        var mine = Assert.Single(received.EnumerateArray());
        Assert.Equal("Test Deelnemer", mine.GetProperty("from").GetString());
        var recipientId = mine.GetProperty("recipientId").GetInt32();
        Assert.Equal("/werkleren/signalen#ontvangen-" + recipientId, note.GetProperty("link").GetString());
        Assert.Contains("overdracht aan het bed", await colleague.Client.GetStringAsync("/werkleren/signalen"));

        // Bad answer: refused, nothing stored.
        await JsonAsync(await colleague.Client.PostAsJsonAsync($"{C}/received-signals/{recipientId}/answer", new { answer = " " }), HttpStatusCode.BadRequest);
        await JsonAsync(await colleague.Client.PostAsJsonAsync($"{C}/received-signals/{recipientId}/answer", new { answer = new string('a', 4001) }), HttpStatusCode.BadRequest);
        Assert.Null(await DbAsync(db => db.SignalRecipients.Where(r => r.Id == recipientId).Select(r => r.AnsweredAt).SingleAsync()));

        var answered = await JsonAsync(await colleague.Client.PostAsJsonAsync($"{C}/received-signals/{recipientId}/answer", new { answer = "Goed idee, ik loop donderdag mee." }), HttpStatusCode.OK);
        Assert.Equal("Goed idee, ik loop donderdag mee.", answered.GetProperty("answer").GetString());
        var timeline = await JsonAsync(await me.Client.GetAsync($"{C}/signals/{signalId}"), HttpStatusCode.OK);
        Assert.Equal("Goed idee, ik loop donderdag mee.", timeline.GetProperty("recipients")[0].GetProperty("answer").GetString());
        var ownInbox = await JsonAsync(await me.Client.GetAsync("/api/v1/me/inbox"), HttpStatusCode.OK);
        Assert.Equal("Sanne heeft gereageerd op je signaal", ownInbox.GetProperty("items")[0].GetProperty("title").GetString());
        Assert.Equal($"/werkleren/klimaat#signaal-{signalId}", ownInbox.GetProperty("items")[0].GetProperty("link").GetString());
        Assert.Contains("ik loop donderdag mee", await me.Client.GetStringAsync("/werkleren/klimaat"));

        // Changing the answer through the page.
        var changed = await KlimrekApp.PostFormAsync(colleague.Client, $"/werkleren/signalen?handler=Answer&recipientId={recipientId}",
            new() { ["answer"] = "Het wordt vrijdag." }, "/werkleren/signalen");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var signals = await JsonAsync(await me.Client.GetAsync($"{C}/signals"), HttpStatusCode.OK);
        Assert.Equal("Het wordt vrijdag.", signals[0].GetProperty("recipients")[0].GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Someone_without_an_account_answers_through_a_personal_link_once_or_again()
    {
        var me = await app.LoginAsUserAsync(Roles.Deelnemer);
        var email = NewAddress("zonder");
        var memberId = await AddAsync(me.Client, "Joke", email, "moedigtAan");
        var signalId = (await SignalAsync(me.Client, "Ik ga een casus inbrengen bij het teamoverleg.", memberId)).GetProperty("id").GetInt32();

        var mail = await app.Mail.WaitForAsync(email);
        Assert.Contains("Test Deelnemer vraagt of je meekijkt", mail.Subject);
        Assert.Contains("casus inbrengen", mail.TextBody);
        var link = TestSmtpServer.LinkIn(mail, "/werkleren/signaal/");
        var token = link["/werkleren/signaal/".Length..];
        // Only the token's hash is stored.
        var stored = await DbAsync(db => db.SignalRecipients.Where(r => r.SignalId == signalId).Select(r => new { r.TokenHash, r.RecipientUserId }).SingleAsync());
        Assert.Null(stored.RecipientUserId);
        Assert.Equal(ClimateService.Hash(token), stored.TokenHash);
        Assert.NotEqual(token, stored.TokenHash);

        var anonymous = app.Anonymous();
        var page = await anonymous.GetStringAsync(link);
        Assert.Contains("casus inbrengen", page);
        Assert.Contains("Test Deelnemer", page);
        // An empty answer is refused on the page, nothing stored.
        var empty = await KlimrekApp.PostFormAsync(anonymous, link, new() { ["answer"] = "" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Schrijf je antwoord.", await empty.Content.ReadAsStringAsync());
        var answered = await KlimrekApp.PostFormAsync(anonymous, link, new() { ["answer"] = "Zet hem op!" });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Contains("Zet hem op!", await anonymous.GetStringAsync(link));
        Assert.Equal("Zet hem op!", (await JsonAsync(await me.Client.GetAsync($"{C}/signals/{signalId}"), HttpStatusCode.OK)).GetProperty("recipients")[0].GetProperty("answer").GetString());
        Assert.Equal(HttpStatusCode.Redirect, (await KlimrekApp.PostFormAsync(anonymous, link, new() { ["answer"] = "Ik kom kijken." })).StatusCode);
        Assert.Equal("Ik kom kijken.", await DbAsync(db => db.SignalRecipients.Where(r => r.SignalId == signalId).Select(r => r.Answer).SingleAsync()));
        Assert.Equal(2, (await JsonAsync(await me.Client.GetAsync("/api/v1/me/inbox"), HttpStatusCode.OK)).GetProperty("unread").GetInt32());

        // A wrong or altered token: not found.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/werkleren/signaal/" + token[..^2] + "xy")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/werkleren/signaal/" + stored.TokenHash)).StatusCode);
    }

    [Fact]
    public async Task Nobody_but_the_person_sees_the_circle_and_signals_and_a_recipient_sees_only_their_own_signal()
    {
        var me = await app.LoginAsUserAsync(Roles.Deelnemer);
        var colleague = await app.LoginAsUserAsync(Roles.Deelnemer);
        var stranger = await app.LoginAsUserAsync(Roles.Deelnemer);
        var manager = await app.LoginAsUserAsync(Roles.Deelnemer);
        var coach = await app.LoginAsUserAsync(Roles.Begeleider);
        await DbAsync(async db =>
        {
            db.WorkRelations.Add(new WorkRelation { OwnerId = me.Id, OtherUserId = manager.Id, Kind = WorkRelationKind.Leidinggevende, CreatedAt = DateTime.UtcNow });
            db.WorkRelations.Add(new WorkRelation { OwnerId = me.Id, OtherUserId = coach.Id, Kind = WorkRelationKind.Begeleider, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var colleagueMember = await AddAsync(me.Client, "Sanne Geheim", colleague.Email, "denktMee");
        var managerMember = await AddAsync(me.Client, "Mirjam Leiding", manager.Email, "moedigtAan");
        var outsideEmail = NewAddress("buiten");
        var outsideMember = await AddAsync(me.Client, "Bas Buiten", outsideEmail, "doetMee");
        var signalId = (await SignalAsync(me.Client, "Mijn geheime proefje", colleagueMember, outsideMember)).GetProperty("id").GetInt32();
        var link = TestSmtpServer.LinkIn(await app.Mail.WaitForAsync(outsideEmail), "/werkleren/signaal/");
        Assert.Equal(HttpStatusCode.Redirect, (await KlimrekApp.PostFormAsync(app.Anonymous(), link, new() { ["answer"] = "Antwoord van Bas" })).StatusCode);
        var otherSignal = await SignalAsync(me.Client, "Alleen voor Mirjam", managerMember);

        foreach (var viewer in new[] { colleague, stranger, manager, coach })
        {
            await JsonAsync(await viewer.Client.GetAsync($"{C}/signals/{signalId}"), HttpStatusCode.NotFound);
            await JsonAsync(await viewer.Client.PutAsJsonAsync($"{C}/circle/{colleagueMember}", new { roles = new[] { "doetMee" } }), HttpStatusCode.NotFound);
            await JsonAsync(await viewer.Client.DeleteAsync($"{C}/circle/{outsideMember}"), HttpStatusCode.NotFound);
            Assert.DoesNotContain("Geheim", (await JsonAsync(await viewer.Client.GetAsync($"{C}/circle"), HttpStatusCode.OK)).GetRawText());
            Assert.DoesNotContain("geheime proefje", (await JsonAsync(await viewer.Client.GetAsync($"{C}/signals"), HttpStatusCode.OK)).GetRawText());
            var page = await viewer.Client.GetStringAsync("/werkleren/klimaat");
            Assert.DoesNotContain("Sanne Geheim", page);
            Assert.DoesNotContain("Antwoord van Bas", page);
            var edit = await KlimrekApp.PostFormAsync(viewer.Client, $"/werkleren/klimaat?handler=Remove&memberId={colleagueMember}", [], "/werkleren/klimaat");
            Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        }
        Assert.Null(await DbAsync(db => db.CircleMembers.Where(m => m.Id == colleagueMember).Select(m => m.RemovedAt).SingleAsync()));

        // The colleague sees the signal sent to them — not the circle, not the other recipients or their answers.
        var received = await JsonAsync(await colleague.Client.GetAsync($"{C}/received-signals"), HttpStatusCode.OK);
        var raw = received.GetRawText();
        Assert.Contains("Mijn geheime proefje", raw);
        Assert.DoesNotContain("Antwoord van Bas", raw);
        Assert.DoesNotContain("Bas Buiten", raw);
        Assert.DoesNotContain("Alleen voor Mirjam", raw);
        var signalsPage = await colleague.Client.GetStringAsync("/werkleren/signalen");
        Assert.DoesNotContain("Antwoord van Bas", signalsPage);
        Assert.DoesNotContain("Bas Buiten", signalsPage);
        // The manager received only the signal meant for them.
        Assert.Equal(["Alleen voor Mirjam"], (await JsonAsync(await manager.Client.GetAsync($"{C}/received-signals"), HttpStatusCode.OK)).EnumerateArray().Select(s => s.GetProperty("text").GetString()));
        // Nobody answers a signal sent to someone else: not another recipient, not the sender.
        var basRecipient = await DbAsync(db => db.SignalRecipients.Where(r => r.SignalId == signalId && r.CircleMemberId == outsideMember).Select(r => r.Id).SingleAsync());
        var colleagueRecipient = received[0].GetProperty("recipientId").GetInt32();
        await JsonAsync(await colleague.Client.PostAsJsonAsync($"{C}/received-signals/{basRecipient}/answer", new { answer = "overschreven" }), HttpStatusCode.NotFound);
        await JsonAsync(await me.Client.PostAsJsonAsync($"{C}/received-signals/{colleagueRecipient}/answer", new { answer = "namens Sanne" }), HttpStatusCode.NotFound);
        await JsonAsync(await stranger.Client.PostAsJsonAsync($"{C}/received-signals/{colleagueRecipient}/answer", new { answer = "namens Sanne" }), HttpStatusCode.NotFound);
        Assert.Equal("Antwoord van Bas", await DbAsync(db => db.SignalRecipients.Where(r => r.Id == basRecipient).Select(r => r.Answer).SingleAsync()));
        Assert.Null(await DbAsync(db => db.SignalRecipients.Where(r => r.Id == colleagueRecipient).Select(r => r.Answer).SingleAsync()));
        // A signal can only go to one's own circle.
        await JsonAsync(await stranger.Client.PostAsJsonAsync($"{C}/signals", new { text = "Hoi", memberIds = new[] { colleagueMember } }), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync($"{C}/circle")).StatusCode);
    }

    [Fact]
    public async Task The_picture_shows_the_circle_by_role_and_responsiveness_with_a_text_equivalent()
    {
        var me = await app.LoginAsUserAsync(Roles.Deelnemer);
        var colleague = await app.LoginAsUserAsync(Roles.Deelnemer);
        var sanne = await AddAsync(me.Client, "Sanne de Wit", colleague.Email, "denktMee", "moedigtAan");
        var joke = await AddAsync(me.Client, "Joke", NewAddress("joke"), "doetMee");
        await SignalAsync(me.Client, "Eerste", sanne, joke);
        await SignalAsync(me.Client, "Tweede", sanne);
        var rid = (await JsonAsync(await colleague.Client.GetAsync($"{C}/received-signals"), HttpStatusCode.OK))[0].GetProperty("recipientId").GetInt32();
        await JsonAsync(await colleague.Client.PostAsJsonAsync($"{C}/received-signals/{rid}/answer", new { answer = "Ja" }), HttpStatusCode.OK);

        var circle = await JsonAsync(await me.Client.GetAsync($"{C}/circle"), HttpStatusCode.OK);
        var s = circle.EnumerateArray().First(m => m.GetProperty("id").GetInt32() == sanne);
        Assert.Equal((2, 1), (s.GetProperty("signalsLast90Days").GetInt32(), s.GetProperty("answeredLast90Days").GetInt32()));

        var page = await me.Client.GetStringAsync("/werkleren/klimaat");
        Assert.Contains("""role="img" aria-labelledby="klimaat-title klimaat-desc" """, page);
        Assert.Contains("""<title id="klimaat-title">""", page);
        Assert.Contains("""class="climate-node role-denkt """, page); // Sanne: drawn with her first role
        Assert.Contains("""class="climate-node role-doet """, page);
        Assert.Contains(">SW</text>", page);
        // The ring grows with the answered share: half answered → 2 + 7 × 0.5.
        Assert.Contains("""stroke-width="5.5" """, page);
        Assert.Contains("Sanne de Wit</strong> — denkt mee, moedigt aan; 1 van de 2 signalen beantwoord in de laatste 90 dagen", page);
        Assert.Contains("Joke</strong> — doet mee; 0 van de 1 signalen beantwoord in de laatste 90 dagen", page);
    }

    [Fact]
    public async Task A_recipient_who_switched_signals_off_gets_no_inbox_message_and_no_mail_but_still_the_signal()
    {
        var me = await app.LoginAsUserAsync(Roles.Deelnemer);
        var colleague = await app.LoginAsUserAsync(Roles.Deelnemer);
        await JsonAsync(await colleague.Client.PutAsJsonAsync("/api/v1/me/notification-preferences",
            new { preferences = new[] { new { kind = "signalen", channels = Array.Empty<string>() } } }), HttpStatusCode.OK);
        var member = await AddAsync(me.Client, "Stil", colleague.Email, "denktMee");
        await SignalAsync(me.Client, "Zonder melding", member);
        await DrainMailAsync();
        Assert.Empty(app.Mail.To(colleague.Email));
        Assert.Equal(0, (await JsonAsync(await colleague.Client.GetAsync("/api/v1/me/inbox"), HttpStatusCode.OK)).GetProperty("total").GetInt32());
        Assert.Single((await JsonAsync(await colleague.Client.GetAsync($"{C}/received-signals"), HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task Bad_signals_are_refused_and_nothing_is_sent()
    {
        var me = await app.LoginAsUserAsync(Roles.Deelnemer);
        var other = await app.LoginAsUserAsync(Roles.Deelnemer);
        var member = await AddAsync(me.Client, "Ria", NewAddress("ria"), "denktMee");
        var removed = await AddAsync(me.Client, "Weg", NewAddress("weg"), "denktMee");
        await JsonAsync(await me.Client.DeleteAsync($"{C}/circle/{removed}"), HttpStatusCode.NoContent);
        var othersExperiment = await DbAsync(async db =>
        {
            var e = new Experiment { OwnerId = other.Id, Title = "Van een ander" };
            db.Experiments.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        });
        foreach (var (body, field) in new (object, string)[]
                 {
                     (new { text = "", memberIds = new[] { member } }, "text"),
                     (new { text = new string('t', 2001), memberIds = new[] { member } }, "text"),
                     (new { text = "Hoi", memberIds = Array.Empty<int>() }, "memberIds"),
                     (new { text = "Hoi", memberIds = new[] { removed } }, "memberIds"),
                     (new { text = "Hoi", memberIds = new[] { member }, experimentId = othersExperiment }, "experimentId"),
                 })
        {
            var problem = await JsonAsync(await me.Client.PostAsJsonAsync($"{C}/signals", body), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        }
        Assert.Equal(0, await DbAsync(db => db.Signals.CountAsync(x => x.OwnerId == me.Id)));
        // The page keeps what was typed and says what is wrong.
        var page = await KlimrekApp.PostFormAsync(me.Client, "/werkleren/klimaat?handler=Signal", new() { ["SignalText"] = "Mijn tekst blijft staan" }, "/werkleren/klimaat");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Kies aan wie je het signaal stuurt.", html);
        Assert.Contains("Mijn tekst blijft staan", html);
        // With one's own experiment it is accepted and kept with the signal.
        var mine = await DbAsync(async db =>
        {
            var e = new Experiment { OwnerId = me.Id, Title = "Mijn experiment" };
            db.Experiments.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        });
        var sent = await JsonAsync(await me.Client.PostAsJsonAsync($"{C}/signals", new { text = "Hoi", memberIds = new[] { member }, experimentId = mine }), HttpStatusCode.Created);
        Assert.Equal(mine, sent.GetProperty("experimentId").GetInt32());
        Assert.Contains("bij experiment: Mijn experiment", await me.Client.GetStringAsync("/werkleren/klimaat"));
    }

    [Fact]
    public async Task The_export_holds_circle_signals_and_answers_and_erase_removes_them_leaving_others_a_blank_answer()
    {
        var me = await app.LoginAsUserAsync(Roles.Deelnemer);
        var colleague = await app.LoginAsUserAsync(Roles.Deelnemer);
        var member = await AddAsync(me.Client, "Sanne Export", colleague.Email, "denktMee");
        var signalId = (await SignalAsync(me.Client, "Signaal voor de export", member)).GetProperty("id").GetInt32();
        var rid = (await JsonAsync(await colleague.Client.GetAsync($"{C}/received-signals"), HttpStatusCode.OK))[0].GetProperty("recipientId").GetInt32();
        await JsonAsync(await colleague.Client.PostAsJsonAsync($"{C}/received-signals/{rid}/answer", new { answer = "Mijn antwoord voor de export" }), HttpStatusCode.OK);
        // The colleague has a circle of their own, with me in it.
        await AddAsync(colleague.Client, "Ik", me.Email, "moedigtAan");

        var mine = (await KlimrekApp.ExportFilesAsync(await me.Client.GetAsync("/api/v1/me/data.zip")))["werkleren-klimaat.json"];
        Assert.Contains("Sanne Export", mine);
        Assert.Contains("Signaal voor de export", mine);
        Assert.Contains("Mijn antwoord voor de export", mine);
        var theirs = (await KlimrekApp.ExportFilesAsync(await colleague.Client.GetAsync("/api/v1/me/data.zip")))["werkleren-klimaat.json"];
        Assert.Contains("Signaal voor de export", theirs);
        Assert.Contains("Mijn antwoord voor de export", theirs);
        Assert.DoesNotContain("Sanne Export", theirs); // how I named them is mine

        // The colleague erases: their answer text goes, the fact that they answered stays in my timeline, nameless.
        await JsonAsync(await colleague.Client.PostAsJsonAsync("/api/v1/me/erase", new { password = "correct horse battery" }), HttpStatusCode.NoContent);
        var recipient = await DbAsync(db => db.SignalRecipients.Include(r => r.CircleMember).SingleAsync(r => r.Id == rid));
        Assert.Null(recipient.Answer);
        Assert.NotNull(recipient.AnsweredAt);
        Assert.Null(recipient.RecipientUserId);
        Assert.Equal("verwijderde deelnemer", recipient.CircleMember!.Name);
        Assert.Null(recipient.CircleMember.Email);
        Assert.NotNull(recipient.CircleMember.RemovedAt);
        Assert.Equal(0, await DbAsync(db => db.CircleMembers.CountAsync(m => m.OwnerId == colleague.Id)));
        var page = await me.Client.GetStringAsync("/werkleren/klimaat");
        Assert.Contains("heeft geantwoord (het antwoord is verwijderd)", page);
        Assert.DoesNotContain("Mijn antwoord voor de export", page);

        // I erase: my circle and signals go.
        await JsonAsync(await me.Client.PostAsJsonAsync("/api/v1/me/erase", new { password = "correct horse battery" }), HttpStatusCode.NoContent);
        Assert.Equal(0, await DbAsync(db => db.Signals.CountAsync(s => s.Id == signalId)));
        Assert.Equal(0, await DbAsync(db => db.SignalRecipients.CountAsync(r => r.Id == rid)));
        Assert.Equal(0, await DbAsync(db => db.CircleMembers.CountAsync(m => m.OwnerId == me.Id)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ClimateTestsSqlite(SqliteApp app) : ClimateTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ClimateTestsPostgres(PostgresApp app) : ClimateTests(app);
