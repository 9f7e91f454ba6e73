using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Klimrek.Tests;

/// <summary>
/// Who may reach what: every endpoint of the app (read from its endpoint data source: every API route and every page)
/// against every kind of person, each cell asserted allowed or denied. A route without an entry in <see cref="Matrix"/>
/// fails the test, so a new endpoint cannot ship without its rule. Pages are requested with GET (their POST handlers
/// pass the same page-level rules and access filters); API routes with their own method and an empty JSON body, so an
/// allowed call is refused by validation at most, never by authorization.
/// </summary>
public abstract partial class AuthorizationMatrixTests(KlimrekApp app)
{
    public enum Who
    {
        Anonymous,
        /// <summary>A participant of the programme, in the duo, whose profile is shared with <see cref="CoachShared"/>.</summary>
        Self,
        /// <summary>The other member of Self's duo.</summary>
        Partner,
        /// <summary>A participant of another programme.</summary>
        Outsider,
        CoachShared,
        CoachNotShared,
        /// <summary>The steering group of Self's programme.</summary>
        Steward,
        /// <summary>The steering group of another programme.</summary>
        OtherSteward,
        Curator,
        Beheerder,
        /// <summary>Named by Self as leidinggevende in werkleren (CoachShared is named as begeleider there).</summary>
        Manager,
    }

    private static readonly Who[] Everyone = Enum.GetValues<Who>();
    private static readonly Who[] SignedIn = [.. Everyone.Where(w => w != Who.Anonymous)];
    private static readonly Who[] Duo = [Who.Self, Who.Partner, Who.Steward];
    private static readonly Who[] DuoMembers = [Who.Self, Who.Partner];
    private static readonly Who[] Programme = [Who.Self, Who.Partner, Who.Steward];
    private static readonly Who[] Participants = [Who.Self, Who.Partner];
    private static readonly Who[] Stewards = [Who.Steward];
    private static readonly Who[] Curators = [Who.Curator, Who.Beheerder];
    private static readonly Who[] Beheerders = [Who.Beheerder];
    private static readonly Who[] Coaches = [Who.CoachShared, Who.CoachNotShared];
    private static readonly Who[] SharedWith = [Who.CoachShared];
    /// <summary>Self wrote the reflection and reports the intervision session.</summary>
    private static readonly Who[] Author = [Who.Self];
    /// <summary>Nobody reaches the page outside a sign-in in progress: everyone is sent to the sign-in page.</summary>
    private static readonly Who[] DuringSignIn = [];
    /// <summary>Creating a programme: the steering-group role (either of them) or a beheerder.</summary>
    private static readonly Who[] SteeringRole = [Who.Steward, Who.OtherSteward, Who.Beheerder];

    /// <summary>"METHOD /pattern" (pages: "PAGE /pattern") → who may: the rules here and those of the other files of this class.</summary>
    private static Dictionary<string, Who[]> Matrix => _matrix ??= WithAreaRules(CoreRules);
    private static Dictionary<string, Who[]>? _matrix;

    private static readonly Dictionary<string, Who[]> CoreRules = new(StringComparer.Ordinal)
    {
        // The atlas and transitions: open to everyone.
        ["GET /api/v1/occupations"] = Everyone,
        ["GET /api/v1/occupations/{id}"] = Everyone,
        ["GET /api/v1/occupations/{id}/transitions"] = Everyone,
        ["GET /api/v1/occupations/{id}/transitions/{target}"] = Everyone,
        ["GET /api/v1/paths"] = Everyone,
        ["GET /api/v1/openapi.json"] = Everyone,
        ["GET /taal/{culture}"] = Everyone,
        // One's own data: anyone signed in, about themselves.
        ["GET /api/v1/me/profile"] = SignedIn,
        ["PUT /api/v1/me/profile"] = SignedIn,
        ["GET /api/v1/me/profile.csv"] = SignedIn,
        ["GET /api/v1/me/transitions"] = SignedIn,
        ["GET /api/v1/me/data.zip"] = SignedIn,
        ["GET /api/v1/me/access-log"] = SignedIn,
        ["POST /api/v1/me/erase"] = SignedIn,
        ["GET /api/v1/me/calendar.ics"] = SignedIn,
        // A shared profile: only the begeleider it is shared with.
        ["GET /api/v1/profiles/{userId}"] = SharedWith,
        ["POST /api/v1/labour-market"] = Beheerders,
        ["GET /api/v1/admin/access-log"] = Beheerders,
        // Samen leren.
        ["GET /api/v1/programmes"] = SignedIn,
        ["POST /api/v1/programmes"] = SteeringRole,
        ["GET /api/v1/programmes/{id}"] = Programme,
        ["PUT /api/v1/programmes/{id}"] = Stewards,
        ["POST /api/v1/programmes/{id}/participants"] = Stewards,
        ["GET /api/v1/programmes/{id}/participants"] = Stewards,
        ["GET /api/v1/programmes/{id}/invitations"] = Stewards,
        ["GET /api/v1/programmes/{id}/intake"] = Participants,
        ["PUT /api/v1/programmes/{id}/intake"] = Participants,
        ["GET /api/v1/programmes/{id}/rules"] = Stewards,
        ["POST /api/v1/programmes/{id}/rules"] = Stewards,
        ["DELETE /api/v1/programmes/{id}/rules/{ruleId}"] = Stewards,
        ["POST /api/v1/programmes/{id}/matching"] = Stewards,
        ["GET /api/v1/programmes/{id}/duos"] = Stewards,
        ["GET /api/v1/programmes/{id}/my-duo"] = Participants,
        ["GET /api/v1/programmes/{id}/dashboard"] = Stewards,
        ["GET /api/v1/programmes/{id}/reflections/overdue"] = Stewards,
        ["GET /api/v1/programmes/{id}/intervision"] = Programme,
        ["POST /api/v1/programmes/{id}/intervision"] = Stewards,
        ["PUT /api/v1/programmes/{id}/intervision/{sessionId}/report"] = [Who.Self, Who.Steward],
        ["GET /api/v1/programmes/{id}/evaluation"] = Participants,
        ["PUT /api/v1/programmes/{id}/evaluation"] = Participants,
        ["GET /api/v1/programmes/{id}/evaluations"] = Stewards,
        ["GET /api/v1/programmes/{id}/report"] = Stewards,
        ["GET /api/v1/programmes/{id}/report.csv"] = Stewards,
        ["GET /api/v1/programmes/{id}/duos/{duoId}"] = Duo,
        ["POST /api/v1/programmes/{id}/duos/{duoId}/response"] = DuoMembers,
        ["PUT /api/v1/programmes/{id}/duos/{duoId}/plan"] = DuoMembers,
        ["POST /api/v1/programmes/{id}/duos/{duoId}/plan/review"] = Stewards,
        ["POST /api/v1/programmes/{id}/duos/{duoId}/meetings"] = DuoMembers,
        ["PATCH /api/v1/programmes/{id}/duos/{duoId}/meetings/{meetingId}"] = DuoMembers,
        ["POST /api/v1/programmes/{id}/duos/{duoId}/meetings/{meetingId}/held"] = DuoMembers,
        ["GET /api/v1/programmes/{id}/duos/{duoId}/calendar.ics"] = Duo,
        ["GET /api/v1/programmes/{id}/duos/{duoId}/hours"] = Duo,
        ["POST /api/v1/programmes/{id}/duos/{duoId}/hours"] = DuoMembers,
        ["GET /api/v1/programmes/{id}/duos/{duoId}/expenses"] = Duo,
        ["POST /api/v1/programmes/{id}/duos/{duoId}/expenses"] = DuoMembers,
        ["GET /api/v1/programmes/{id}/duos/{duoId}/reflections"] = Duo,
        ["POST /api/v1/programmes/{id}/duos/{duoId}/reflections"] = DuoMembers,
        ["PUT /api/v1/programmes/{id}/duos/{duoId}/reflections/{reflectionId}/sharing"] = Author,

        // Pages open to everyone.
        ["PAGE /"] = Everyone,
        ["PAGE /over"] = Everyone,
        ["PAGE /beroepen"] = Everyone,
        ["PAGE /beroepen/{id}"] = Everyone,
        ["PAGE /beroepen/{id}/overstappen"] = Everyone,
        ["PAGE /beroepen/{id}/overstappen/{target}"] = Everyone,
        ["PAGE /beroepen/{id}/versies/{revision}"] = Everyone,
        ["PAGE /fout/{code}"] = Everyone,
        ["PAGE /account/inloggen"] = Everyone,
        ["PAGE /account/inloggen/tweestaps"] = DuringSignIn,
        ["PAGE /account/inloggen/herstelcode"] = DuringSignIn,
        ["PAGE /account/registreren"] = Everyone,
        ["PAGE /account/registreren/verstuurd"] = Everyone,
        ["PAGE /account/bevestigen"] = Everyone,
        ["PAGE /account/bevestigen/opnieuw"] = Everyone,
        ["PAGE /account/wachtwoord-vergeten"] = Everyone,
        ["PAGE /account/wachtwoord-herstellen"] = Everyone,
        ["PAGE /account/uitnodiging"] = Everyone,
        ["PAGE /account/uitloggen"] = Everyone,
        ["PAGE /account/geen-toegang"] = Everyone,
        ["PAGE /account/verwijderd"] = Everyone,
        // Pages for anyone signed in.
        ["PAGE /account"] = SignedIn,
        ["PAGE /account/tweestapsverificatie"] = SignedIn,
        ["PAGE /account/mijn-gegevens"] = SignedIn,
        ["PAGE /klimrek"] = SignedIn,
        ["PAGE /klimrek/profiel"] = SignedIn,
        ["PAGE /klimrek/beroep-toevoegen"] = SignedIn,
        ["PAGE /klimrek/overstap/{target}"] = SignedIn,
        ["PAGE /klimrek/route"] = SignedIn,
        ["PAGE /samen-leren"] = SignedIn,
        // Roles.
        ["PAGE /beroepen/{id}/bewerken/{section}"] = Curators,
        ["PAGE /begeleiding"] = Coaches,
        ["PAGE /begeleiding/{userId}"] = SharedWith,
        // The steering group's control: a participant's intake, pairing by hand.
        ["PAGE /samen-leren/{id}/deelnemers/{participantId}"] = Stewards,
        ["PAGE /samen-leren/{id}/koppelen"] = Stewards,
        ["PAGE /beheer/gebruikers"] = Beheerders,
        ["PAGE /beheer/organisaties"] = Beheerders,
        ["PAGE /beheer/arbeidsmarkt"] = Beheerders,
        ["PAGE /beheer/privacy"] = Beheerders,
        // With a programme's id its settings (its steering group); without, a new programme (the steering-group role).
        ["PAGE /samen-leren/instellingen/{id}"] = Stewards,
        ["PAGE /samen-leren/{id}"] = Programme,
        ["PAGE /samen-leren/{id}/intake"] = Participants,
        ["PAGE /samen-leren/{id}/evaluatie"] = Participants,
        ["PAGE /samen-leren/{id}/monitor"] = Stewards,
        ["PAGE /samen-leren/{id}/rapport"] = Stewards,
        ["PAGE /samen-leren/{id}/intervisie"] = Programme,
        ["PAGE /samen-leren/{id}/duo/{duoId}"] = Duo,
    };

    /// <summary>The app's routes: "METHOD /pattern" for the API and other endpoints, "PAGE /pattern" for pages.</summary>
    private List<string> Routes()
    {
        var routes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var e in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + Constraint().Replace(e.RoutePattern.RawText?.TrimStart('/') ?? "", "}").TrimEnd('/');
            if (pattern.Length > 1) pattern = pattern.TrimEnd('/');
            if (e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            {
                if (pattern != "/Index") routes.Add("PAGE " + (pattern == "/" ? "/" : pattern));
                continue;
            }
            foreach (var m in e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                routes.Add($"{m} {pattern}");
        }
        return [.. routes];
    }

    [GeneratedRegex(@"(:[a-z]+(\([^)]*\))?)?\??}")]
    private static partial Regex Constraint();

    [Fact]
    public void Every_endpoint_and_page_has_a_rule_and_every_rule_an_endpoint()
    {
        var routes = Routes();
        var missing = routes.Where(r => !Matrix.ContainsKey(r)).ToList();
        var stale = Matrix.Keys.Where(k => !routes.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Routes without a rule in the authorization matrix:\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "Rules for routes that do not exist:\n" + string.Join("\n", stale));
    }

    private sealed record World(Dictionary<Who, HttpClient> Clients, Dictionary<string, string> Values, Dictionary<string, string> ProgrammeValues);

    /// <summary>Self and Partner in an active duo of the Steward's programme, with a meeting, a reflection, a rule and an intervision session.</summary>
    private async Task<World> WorldAsync()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var users = new Dictionary<Who, KlimrekApp.TestUser>();
        foreach (var (who, role) in new[]
                 {
                     (Who.Self, Roles.Deelnemer), (Who.Partner, Roles.Deelnemer), (Who.Outsider, Roles.Deelnemer), (Who.CoachShared, Roles.Begeleider),
                     (Who.CoachNotShared, Roles.Begeleider), (Who.Steward, Roles.Stuurgroep), (Who.OtherSteward, Roles.Stuurgroep),
                     (Who.Curator, Roles.Curator), (Who.Beheerder, Roles.Beheerder), (Who.Manager, Roles.Deelnemer),
                 })
            users[who] = await app.LoginAsUserAsync(role);
        var clients = users.ToDictionary(kv => kv.Key, kv => kv.Value.Client);
        clients[Who.Anonymous] = app.Anonymous();

        async Task<JsonElement> Ok(HttpResponseMessage r)
        {
            var body = await r.Content.ReadAsStringAsync();
            Assert.True(r.IsSuccessStatusCode, $"{r.RequestMessage?.RequestUri}: {r.StatusCode} {body}");
            return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
        }
        async Task<int> Programme(Who steward, params Who[] people)
        {
            var p = await Ok(await clients[steward].PostAsJsonAsync("/api/v1/programmes", new { name = "Matrix", startDate = today.AddDays(-70), endDate = today.AddDays(200) }));
            int id = p.GetProperty("id").GetInt32();
            await Ok(await clients[steward].PostAsJsonAsync($"/api/v1/programmes/{id}/participants", new { emails = people.Select(w => users[w].Email).ToArray() }));
            return id;
        }
        int programme = await Programme(Who.Steward, Who.Self, Who.Partner);
        await Programme(Who.OtherSteward, Who.Outsider);
        string P = $"/api/v1/programmes/{programme}";
        foreach (var (who, mine, theirs) in new[] { (Who.Self, "statistiek", "didactiek"), (Who.Partner, "didactiek", "statistiek") })
            await Ok(await clients[who].PutAsJsonAsync($"{P}/intake", new
            {
                brings = new[] { mine }, develops = new[] { theirs }, qualities = new[] { "optimisme" }, affinities = new[] { "onderwijsinnovatie" },
                department = who == Who.Self ? "Onderwijs" : "Onderzoek", discipline = "beleid", availability = new[] { "dinsdag-middag" },
            }));
        await Ok(await clients[Who.Steward].PostAsync($"{P}/matching", null));
        int duo = (await Ok(await clients[Who.Self].GetAsync($"{P}/my-duo"))).GetProperty("id").GetInt32();
        foreach (var w in DuoMembers) await Ok(await clients[w].PostAsJsonAsync($"{P}/duos/{duo}/response", new { accept = true }));
        var meetings = await Ok(await clients[Who.Self].PostAsJsonAsync($"{P}/duos/{duo}/meetings",
            new { firstDate = today.AddDays(7), time = "14:00", durationMinutes = 60, everyWeeks = 2, count = 2 }));
        var reflection = await Ok(await clients[Who.Self].PostAsJsonAsync($"{P}/duos/{duo}/reflections", new { period = 1, wentWell = "a", buildOn = "b", nextStep = "c" }));
        var ids = (await Ok(await clients[Who.Steward].GetAsync($"{P}/participants"))).EnumerateArray().Select(x => x.GetProperty("id").GetInt32()).ToList();
        var rule = await Ok(await clients[Who.Steward].PostAsJsonAsync($"{P}/rules", new { a = ids[0], b = ids[1], kind = "fixed" }));
        var session = await Ok(await clients[Who.Steward].PostAsJsonAsync($"{P}/intervision",
            new
            {
                date = today.AddDays(-7), reporterParticipantId = (await Ok(await clients[Who.Self].GetAsync($"{P}/intake"))).GetProperty("participantId").GetInt32(),
                attendees = ids.ToArray(), time = "15:00", location = "Zaal 1",
            }));
        var shared = await KlimrekApp.PostFormAsync(clients[Who.Self], "/klimrek/profiel?handler=Share", new() { ["email"] = users[Who.CoachShared].Email }, "/klimrek/profiel");
        Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);

        var occupations = await app.WithScopeAsync(async sp => await sp.GetRequiredService<KlimrekDbContext>().Occupations.OrderBy(o => o.Id).Select(o => o.Id).Take(2).ToListAsync());
        var values = new Dictionary<string, string>
        {
            ["id"] = occupations[0].ToString(), ["target"] = occupations[1].ToString(), ["userId"] = users[Who.Self].Id, ["section"] = "hoofd",
            ["culture"] = "nl", ["code"] = "404", ["revision"] = "",
            // Our own Dutch label is what curators correct: a skill without an official one (other tests may import
            // official labels for low ids, so from the other end).
            ["labelSkillId"] = (await app.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<KlimrekDbContext>();
                return await db.SkillTexts.Where(t => t.Language == "nl-klimrek" && !db.SkillTexts.Any(o => o.SkillId == t.SkillId && o.Language == "nl"))
                    .OrderByDescending(t => t.SkillId).Select(t => t.SkillId).FirstAsync();
            })).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var inProgramme = new Dictionary<string, string>(values)
        {
            ["id"] = programme.ToString(), ["duoId"] = duo.ToString(), ["meetingId"] = meetings[0].GetProperty("id").GetInt32().ToString(),
            ["reflectionId"] = reflection.GetProperty("id").GetInt32().ToString(), ["ruleId"] = rule.GetProperty("id").GetInt32().ToString(),
            ["sessionId"] = session.GetProperty("id").GetInt32().ToString(),
            ["participantId"] = (await Ok(await clients[Who.Partner].GetAsync($"{P}/intake"))).GetProperty("participantId").GetInt32().ToString(),
        };
        await AreasWorldAsync(new AreaWorld(users, clients, values, Ok, app));
        return new World(clients, values, inProgramme);
    }

    private static string Url(World w, string pattern)
    {
        var values = pattern.StartsWith("/api/v1/programmes/", StringComparison.Ordinal) || pattern.StartsWith("/samen-leren/", StringComparison.Ordinal)
            ? w.ProgrammeValues : w.Values;
        if (pattern.StartsWith("/api/v1/skills/{id}/label", StringComparison.Ordinal) || pattern.StartsWith("/vaardigheden/{id}/vertaling", StringComparison.Ordinal))
            values = new Dictionary<string, string>(values) { ["id"] = w.Values["labelSkillId"] };
        return Parameter().Replace(pattern, m => Uri.EscapeDataString(values[m.Groups[1].Value])).TrimEnd('/') is { Length: > 0 } url ? url : "/";
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Parameter();

    /// <summary>Refused: 401, 403, 404 (not yours to know about), or a redirect to sign-in, access denied or two-factor setup.</summary>
    private static bool Refused(HttpResponseMessage r)
    {
        if (r.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound) return true;
        var to = r.Headers.Location?.ToString() ?? "";
        return r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found
               && (to.Contains("/account/inloggen", StringComparison.Ordinal) || to.Contains("/account/geen-toegang", StringComparison.Ordinal)
                   || to.Contains("/account/tweestapsverificatie", StringComparison.Ordinal));
    }

    /// <summary>Bodies where an empty object would fail binding before any rule is reached (and so prove nothing).</summary>
    private static readonly Dictionary<string, (string Body, string Type)> Bodies = new(StringComparer.Ordinal)
    {
        // Consent stays given: the conversation's other routes, later in the pass, need it.
        ["PUT /api/v1/me/guidance/{begeleiderId}/consent"] = ("{\"allowed\":true}", "application/json"),
        ["POST /api/v1/programmes/{id}/rules"] = ("""{"a":0,"b":0,"kind":"fixed"}""", "application/json"),
        ["POST /api/v1/labour-market"] = ("isco;regio;waarde\n", "text/csv"),
        ["POST /api/v1/programmes/{id}/participants/csv"] = ("e-mail;naam\n", "text/csv"),
    };

    /// <summary>The page that says "no access" answers 403 to everyone: reaching it is what it is for.</summary>
    private const string AccessDeniedPage = "PAGE /account/geen-toegang";

    /// <summary>Calls that change what later calls rely on run last.</summary>
    private static int Order(string route) => route.Contains("/matching", StringComparison.Ordinal) || route.StartsWith("DELETE", StringComparison.Ordinal) ? 1 : 0;

    /// <summary>
    /// Routes that use up their record when allowed (a deletion), with more than one who is allowed: each allowed call
    /// gets a fresh record first, so the second is not answered 404 for the first one's work.
    /// </summary>
    private Dictionary<string, Func<World, Task>> Renewals => new(StringComparer.Ordinal)
    {
        ["DELETE /api/v1/guidance/entries/{entryId}"] = async w => w.Values["entryId"] = await NewGuidanceEntryAsync(w),
        ["DELETE /api/v1/organisations/{organisationId}/scans/members/{scanMemberId}"] = async w =>
            w.Values["scanMemberId"] = await NewScanMemberAsync(app, int.Parse(w.Values["organisationId"], System.Globalization.CultureInfo.InvariantCulture)),
    };

    [Fact]
    public async Task Every_endpoint_and_page_allows_exactly_who_its_rule_names()
    {
        var w = await WorldAsync();
        var problems = new List<string>();
        // Everyone who is refused first, then those allowed, so that an allowed change cannot hide a refusal.
        foreach (var allowedPass in new[] { false, true })
            foreach (var route in Routes().Where(Matrix.ContainsKey).OrderBy(Order).ThenBy(r => r, StringComparer.Ordinal))
            {
                var (method, pattern) = (route.Split(' ')[0], route.Split(' ')[1]);
                if (route is "POST /api/v1/me/erase" && allowedPass) continue; // checked below, with a body that cannot erase
                foreach (var who in Everyone.Where(x => Matrix[route].Contains(x) == allowedPass))
                {
                    if (allowedPass && Renewals.TryGetValue(route, out var renew)) await renew(w);
                    var request = new HttpRequestMessage(method == "PAGE" ? HttpMethod.Get : new HttpMethod(method), Url(w, pattern));
                    if (method is "POST" or "PUT" or "PATCH")
                    {
                        var (body, type) = Bodies.GetValueOrDefault(route, ("{}", "application/json"));
                        request.Content = new StringContent(body, Encoding.UTF8, type);
                    }
                    using var response = await w.Clients[who].SendAsync(request);
                    var refused = route == AccessDeniedPage ? response.StatusCode != HttpStatusCode.Forbidden : Refused(response);
                    if (refused == allowedPass)
                        problems.Add($"{route} as {who}: {(int)response.StatusCode} {response.Headers.Location} — expected {(allowedPass ? "allowed" : "refused")}");
                }
            }
        // Erasing: everyone signed in reaches it (a wrong password is a 400 about the password, not a refusal).
        foreach (var who in SignedIn)
        {
            using var r = await w.Clients[who].PostAsJsonAsync("/api/v1/me/erase", new { password = "niet het wachtwoord" });
            if (r.StatusCode != HttpStatusCode.BadRequest) problems.Add($"POST /api/v1/me/erase as {who}: {(int)r.StatusCode}, expected 400");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuthorizationMatrixTestsSqlite(SqliteApp app) : AuthorizationMatrixTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AuthorizationMatrixTestsPostgres(PostgresApp app) : AuthorizationMatrixTests(app);
