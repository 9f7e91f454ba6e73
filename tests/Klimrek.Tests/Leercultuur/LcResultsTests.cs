using Klimrek.Data;
using Klimrek.Infrastructure;
using System.Net;
using System.Text.Json;
using CoreScan = Klimrek.Core.Leercultuur;

namespace Klimrek.Tests.Leercultuur;

/// <summary>
/// A round's results: nothing about fewer than five respondents (round, unit, block, item, open answers), roll-up of
/// small units, α as the statistics compute it, the trend on unchanged statements, the CSV without answers, the PDF,
/// and who may read them.
/// </summary>
public abstract class LcResultsTests(KlimrekApp app)
{
    private readonly LcResultsSeed _seed = new(app);

    private static string Api(int org, int round) => $"/api/v1/organisations/{org}/scans/rounds/{round}";
    private static string Page(int org, int round) => $"/leercultuur/{org}/rondes/{round}";

    internal static async Task<JsonElement> JsonAsync(HttpResponseMessage r, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"expected {expected}, got {r.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>An organisation with an HR member (returned signed in).</summary>
    private async Task<(int Org, KlimrekApp.TestUser Hr)> OrganisationWithHrAsync(string name = "Resultaten BV", string? sector = "overig", string? region = "drenthe")
    {
        var org = await _seed.OrganisationAsync(name, sector, region);
        var hr = await app.LoginAsUserAsync(Roles.Stuurgroep);
        await _seed.MemberAsync(org, hr.Id, OrganisationRole.Hr);
        return (org, hr);
    }

    private static IEnumerable<LcResultsSeed.Answer> Many(int n, Func<int, LcResultsSeed.Answer> make) => Enumerable.Range(0, n).Select(make);

    [Fact]
    public async Task A_round_of_four_shows_nothing_but_that_there_are_not_enough_answers()
    {
        var (org, hr) = await OrganisationWithHrAsync();
        var instrument = await _seed.InstrumentAsync();
        var team = await _seed.UnitAsync(org, "Klein team");
        var round = await _seed.RoundAsync(org, [team]);
        await _seed.RespondAsync(round, team, Many(4, i => LcResultsSeed.All(instrument, 4) with { Open = new() { ["b1.open"] = "Vier-is-te-weinig " + i } }));

        var json = await JsonAsync(await hr.Client.GetAsync(Api(org, round) + "/results"));
        Assert.False(json.GetProperty("enough").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("responses").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("round").ValueKind);
        Assert.Empty(json.GetProperty("units").EnumerateArray());
        Assert.Empty(json.GetProperty("reliability").EnumerateArray());
        Assert.DoesNotContain("Vier-is-te-weinig", json.GetRawText());

        var page = await hr.Client.GetStringAsync(Page(org, round) + "/resultaten");
        Assert.Contains("Nog niet genoeg antwoorden (n &lt; 5)", page);
        Assert.DoesNotContain("Vier-is-te-weinig", page);
        Assert.DoesNotContain("Scores per bouwsteen", page);
        var csv = await hr.Client.GetStringAsync(Page(org, round) + "/resultaten.csv");
        Assert.Single(csv.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_unit_of_four_shows_nothing_and_is_counted_in_its_department()
    {
        var (org, hr) = await OrganisationWithHrAsync();
        var instrument = await _seed.InstrumentAsync();
        var department = await _seed.UnitAsync(org, "Verpleging");
        var big = await _seed.UnitAsync(org, "Team Groot", department);
        var four = await _seed.UnitAsync(org, "Team Vier", department);
        var two = await _seed.UnitAsync(org, "Team Twee", department);
        var round = await _seed.RoundAsync(org, [big, four, two]);
        await _seed.RespondAsync(round, big, Many(6, i => LcResultsSeed.All(instrument, (byte)(2 + i % 3)) with { Open = new() { ["b2.open"] = "Groot zegt " + i } }));
        await _seed.RespondAsync(round, four, Many(4, i => LcResultsSeed.All(instrument, 5) with { Open = new() { ["b2.open"] = "Vier zegt " + i } }));
        await _seed.RespondAsync(round, two, Many(2, _ => LcResultsSeed.All(instrument, 1)));

        var json = await JsonAsync(await hr.Client.GetAsync(Api(org, round) + "/results"));
        Assert.Equal(12, json.GetProperty("responses").GetInt32());
        var units = json.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("name").GetString()!);
        Assert.Equal(["Team Groot", "Verpleging"], units.Keys.Order());
        Assert.Equal(6, units["Team Groot"].GetProperty("respondents").GetInt32());
        Assert.Equal(12, units["Verpleging"].GetProperty("respondents").GetInt32());
        Assert.Equal(["Team Twee", "Team Vier"], units["Verpleging"].GetProperty("countedHere").EnumerateArray().Select(x => x.GetString()!).Order());
        var placement = json.GetProperty("placement").EnumerateArray().ToDictionary(u => u.GetProperty("name").GetString()!);
        Assert.False(placement["Team Vier"].GetProperty("shown").GetBoolean());
        Assert.Equal("Verpleging", placement["Team Vier"].GetProperty("countedIn").GetString());
        Assert.True(placement["Team Groot"].GetProperty("shown").GetBoolean());

        // Open answers: the team of six has its own; the team of four's only appear inside groups of five or more.
        var groot = units["Team Groot"].GetProperty("open").EnumerateArray().SelectMany(o => o.GetProperty("answers").EnumerateArray()).Select(a => a.GetString()).ToList();
        Assert.Equal(6, groot.Count);
        Assert.All(groot, a => Assert.StartsWith("Groot zegt", a));
        var whole = json.GetProperty("round").GetProperty("open").EnumerateArray().SelectMany(o => o.GetProperty("answers").EnumerateArray()).Count();
        Assert.Equal(10, whole);

        var page = await hr.Client.GetStringAsync(Page(org, round) + "/resultaten");
        Assert.Contains("Team Vier: telt mee in Verpleging", page);
        Assert.Contains("ook zonder naam kan iemand te herkennen zijn", page);
    }

    [Fact]
    public async Task A_block_and_statements_with_fewer_than_five_answers_are_hidden()
    {
        var (org, hr) = await OrganisationWithHrAsync();
        var instrument = await _seed.InstrumentAsync();
        var round = await _seed.RoundAsync(org, []);
        // Six people; only three of them answer block 6, the others say "weet ik niet" there.
        await _seed.RespondAsync(round, null, Many(6, i =>
        {
            var a = LcResultsSeed.All(instrument, 3);
            if (i >= 3) foreach (var k in a.Values.Keys.Where(k => k.StartsWith("b6.", StringComparison.Ordinal)).ToList()) a.Values[k] = null;
            return a;
        }));
        var json = await JsonAsync(await hr.Client.GetAsync(Api(org, round) + "/results"));
        var blocks = json.GetProperty("round").GetProperty("blocks").EnumerateArray().ToDictionary(b => b.GetProperty("block").GetInt32());
        Assert.True(blocks[6].GetProperty("hidden").GetBoolean());
        Assert.Equal(JsonValueKind.Null, blocks[6].GetProperty("mean").ValueKind);
        Assert.False(blocks[1].GetProperty("hidden").GetBoolean());
        Assert.Equal(3.0, blocks[1].GetProperty("mean").GetDouble(), 9);
        Assert.All(json.GetProperty("round").GetProperty("items").EnumerateArray().Where(i => i.GetProperty("block").GetInt32() == 6),
            i => Assert.True(i.GetProperty("hidden").GetBoolean()));
        Assert.DoesNotContain(json.GetProperty("advice").EnumerateArray(), a => a.GetProperty("block").GetInt32() == 6);
    }

    [Fact]
    public async Task Alpha_and_means_equal_the_statistics_on_the_same_answers()
    {
        var (org, hr) = await OrganisationWithHrAsync();
        var instrument = await _seed.InstrumentAsync();
        var statements = instrument.Items.Where(i => i.Kind == ScanItemKind.Stelling).OrderBy(i => i.Position).ToList();
        var random = new Random(12);
        var answers = Enumerable.Range(0, 40).Select(_ =>
        {
            int tendency = random.Next(1, 6);
            return statements.ToDictionary(s => s.Key, _ => random.Next(10) == 0 ? null : (byte?)Math.Clamp(tendency + random.Next(-1, 2), 1, 5));
        }).ToList();
        var round = await _seed.RoundAsync(org, []);
        await _seed.RespondAsync(round, null, answers.Select(a => new LcResultsSeed.Answer(a)));

        var expected = CoreScan.ScanStatistics.Compute(statements.Select(s => new CoreScan.ScanItem(s.Key, s.Block)).ToList(),
            answers.Select(a => statements.Select(s => a[s.Key] is { } v ? (int?)v : null).ToArray()).ToList());
        var json = await JsonAsync(await hr.Client.GetAsync(Api(org, round) + "/results"));
        foreach (var r in json.GetProperty("reliability").EnumerateArray())
        {
            var e = expected.Reliability.Single(x => x.Block == r.GetProperty("block").GetInt32());
            Assert.Equal(e.N, r.GetProperty("n").GetInt32());
            Assert.Equal(e.Alpha!.Value, r.GetProperty("alpha").GetDouble(), 12);
        }
        foreach (var b in json.GetProperty("round").GetProperty("blocks").EnumerateArray())
        {
            var e = expected.Blocks.Single(x => x.Block == b.GetProperty("block").GetInt32());
            Assert.Equal(e.Mean!.Value, b.GetProperty("mean").GetDouble(), 12);
            Assert.Equal(e.Distribution, b.GetProperty("distribution").EnumerateArray().Select(x => x.GetInt32()).ToArray());
        }
        var page = await hr.Client.GetStringAsync(Page(org, round) + "/resultaten");
        Assert.Contains("Cronbachs", page);
        Assert.Contains("role=\"img\"", page);
    }

    [Fact]
    public async Task The_trend_compares_unchanged_statements_and_names_the_changed_one()
    {
        var (org, hr) = await OrganisationWithHrAsync();
        var current = await _seed.InstrumentAsync();
        var old = await _seed.RewordedAsync("b2.fouten");
        var before = await _seed.RoundAsync(org, [], "Vorig jaar", daysAgo: 365, instrument: old);
        var now = await _seed.RoundAsync(org, [], "Dit jaar");
        // Earlier: everything 2, except the reworded statement 5. Now: everything 4.
        await _seed.RespondAsync(before, null, Many(5, _ =>
        {
            var a = LcResultsSeed.All(old, 2);
            a.Values["b2.fouten"] = 5;
            return a;
        }));
        await _seed.RespondAsync(now, null, Many(5, _ => LcResultsSeed.All(current, 4)));

        var json = await JsonAsync(await hr.Client.GetAsync(Api(org, now) + "/results"));
        var trend = Assert.Single(json.GetProperty("trends").EnumerateArray());
        Assert.Equal(before, trend.GetProperty("earlierRoundId").GetInt32());
        var blocks = trend.GetProperty("blocks").EnumerateArray().ToDictionary(b => b.GetProperty("block").GetInt32());
        Assert.Equal(4, blocks[2].GetProperty("commonItems").GetInt32());
        Assert.Equal(2.0, blocks[2].GetProperty("earlier").GetDouble(), 9); // without the reworded statement's 5
        Assert.Equal(2.0, blocks[2].GetProperty("difference").GetDouble(), 9);
        Assert.Contains(blocks[2].GetProperty("leftOut").EnumerateArray(), x => x.GetString()!.StartsWith("Bij ons mag je fouten maken", StringComparison.Ordinal));
        Assert.Equal(5, blocks[1].GetProperty("commonItems").GetInt32());
        Assert.Empty(blocks[1].GetProperty("leftOut").EnumerateArray());
    }

    [Fact]
    public async Task The_csv_holds_aggregates_only_and_the_pdf_is_a_pdf()
    {
        var (org, hr) = await OrganisationWithHrAsync();
        var instrument = await _seed.InstrumentAsync();
        var round = await _seed.RoundAsync(org, []);
        await _seed.RespondAsync(round, null, Many(7, i => LcResultsSeed.All(instrument, (byte)(1 + i % 5)) with
        {
            Open = new() { ["b3.open"] = "Geheime-tekst-" + i },
            Choices = new() { ["o.vanwie"] = ["team", "zelf"] },
        }));
        foreach (var url in new[] { Api(org, round) + "/results.csv", Page(org, round) + "/resultaten.csv" })
        {
            var r = await hr.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var csv = await r.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Geheime-tekst", csv);
            var lines = csv.Trim().Split('\n');
            Assert.Equal(1 + 6, lines.Length); // header and the round's six blocks (no unit has five)
            Assert.Contains("gemiddelde", lines[0]);
            Assert.Equal(14, lines[0].Split(';').Length); // aggregates per block, no column per person or option
        }
        foreach (var url in new[] { Api(org, round) + "/report.pdf", Page(org, round) + "/rapport.pdf" })
        {
            var pdf = await hr.Client.GetByteArrayAsync(url);
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
            var text = PdfText.Of(pdf);
            Assert.Contains("Methode", text);
            Assert.DoesNotContain("Geheime-tekst", text);
        }
        var report = await hr.Client.GetStringAsync(Page(org, round) + "/rapport");
        Assert.Contains("Advies per bouwsteen", report);
        Assert.DoesNotContain("Geheime-tekst", report);
        var json = await JsonAsync(await hr.Client.GetAsync(Api(org, round) + "/results"));
        var vanwie = json.GetProperty("round").GetProperty("onderstroom").EnumerateArray().Single(o => o.GetProperty("key").GetString() == "o.vanwie");
        Assert.Equal(7, vanwie.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("key").GetString() == "team").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Steering_group_and_coach_read_a_stranger_gets_404_and_a_beheerder_403()
    {
        var (org, hr) = await OrganisationWithHrAsync();
        var instrument = await _seed.InstrumentAsync();
        var round = await _seed.RoundAsync(org, []);
        await _seed.RespondAsync(round, null, Many(5, _ => LcResultsSeed.All(instrument, 4)));
        var steering = await app.LoginAsUserAsync(Roles.Deelnemer);
        await _seed.MemberAsync(org, steering.Id, OrganisationRole.Stuurgroep);
        var coach = await app.LoginAsUserAsync(Roles.Begeleider);
        await _seed.CoachAsync(org, coach.Id);
        var stranger = await app.LoginAsUserAsync(Roles.Stuurgroep);
        var beheerder = await app.LoginAsUserAsync(Roles.Beheerder);

        foreach (var reader in new[] { hr, steering, coach })
        {
            await JsonAsync(await reader.Client.GetAsync(Api(org, round) + "/results"));
            Assert.Equal(HttpStatusCode.OK, (await reader.Client.GetAsync(Page(org, round) + "/resultaten")).StatusCode);
        }
        foreach (var path in new[] { "/results", "/results.csv", "/report.pdf" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(Api(org, round) + path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await beheerder.Client.GetAsync(Api(org, round) + path)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(Page(org, round) + "/resultaten")).StatusCode);
        var denied = await beheerder.Client.GetAsync(Page(org, round) + "/rapport");
        Assert.Contains("/account/geen-toegang", denied.Headers.Location?.ToString() ?? "");
        // Another organisation's round under this organisation's id is not found.
        var (otherOrg, _) = await OrganisationWithHrAsync("Ander BV");
        var otherRound = await _seed.RoundAsync(otherOrg, []);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.Client.GetAsync(Api(org, otherRound) + "/results")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync(Api(org, round) + "/results")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LcResultsTestsSqlite(SqliteApp app) : LcResultsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class LcResultsTestsPostgres(PostgresApp app) : LcResultsTests(app);
