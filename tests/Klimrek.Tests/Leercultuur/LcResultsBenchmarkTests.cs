using Klimrek.Data;
using Klimrek.Infrastructure;
using System.Net;
using System.Text.Json;

namespace Klimrek.Tests.Leercultuur;

/// <summary>The benchmark: refused with four organisations (only their number), shown with five, values as by hand.</summary>
public abstract class LcResultsBenchmarkTests(KlimrekApp app)
{
    private readonly LcResultsSeed _seed = new(app);

    [Fact]
    public async Task Four_organisations_give_no_benchmark_five_give_one_that_matches_a_hand_computation()
    {
        const string sector = "cultuur-media", region = "zeeland";
        var instrument = await _seed.InstrumentAsync();
        var own = await _seed.OrganisationAsync("Eigen", sector, region);
        var hr = await app.LoginAsUserAsync(Roles.Stuurgroep);
        await _seed.MemberAsync(own, hr.Id, OrganisationRole.Hr);
        var round = await _seed.RoundAsync(own, []);
        await _seed.RespondAsync(round, null, Enumerable.Range(0, 5).Select(_ => LcResultsSeed.All(instrument, 4)));

        // Other organisations' rounds are over (closed 20 days ago): a round still running does not count.
        async Task Other(string name, byte value, bool demo = false, int respondents = 5, bool running = false)
        {
            var org = await _seed.OrganisationAsync(name, sector, region, demo);
            var r = await _seed.RoundAsync(org, [], daysAgo: running ? 0 : 30);
            await _seed.RespondAsync(r, null, Enumerable.Range(0, respondents).Select(_ => LcResultsSeed.All(instrument, value)));
        }
        async Task<JsonElement> BenchmarkAsync() =>
            (await LcResultsTests.JsonAsync(await hr.Client.GetAsync($"/api/v1/organisations/{own}/scans/rounds/{round}/results"))).GetProperty("benchmark");

        // The first other organisation also has an older round of all 1s: only its latest round counts.
        var first = await _seed.OrganisationAsync("Eerste", sector, region);
        var old = await _seed.RoundAsync(first, [], "Oud", daysAgo: 400);
        await _seed.RespondAsync(old, null, Enumerable.Range(0, 5).Select(_ => LcResultsSeed.All(instrument, 1)));
        var latest = await _seed.RoundAsync(first, [], "Nieuw", daysAgo: 30);
        await _seed.RespondAsync(latest, null, Enumerable.Range(0, 5).Select(_ => LcResultsSeed.All(instrument, 2)));
        await Other("Tweede", 3);
        await Other("Derde", 3);
        await Other("Vierde", 4);
        await Other("Demo", 5, demo: true);          // demo organisations never count for a real one
        await Other("Te klein", 5, respondents: 4);  // fewer than five respondents: does not count
        await Other("Lopend", 5, running: true);      // a round still taking answers: does not count

        var refused = await BenchmarkAsync();
        Assert.False(refused.GetProperty("enough").GetBoolean());
        Assert.Equal(4, refused.GetProperty("organisations").GetInt32());
        Assert.Empty(refused.GetProperty("blocks").EnumerateArray());
        var page = await hr.Client.GetStringAsync($"/leercultuur/{own}/rondes/{round}/resultaten");
        Assert.Contains("er zijn 4 vergelijkbare organisaties", page);

        await Other("Vijfde", 5);
        var shown = await BenchmarkAsync();
        Assert.True(shown.GetProperty("enough").GetBoolean());
        Assert.Equal(5, shown.GetProperty("organisations").GetInt32());
        // Means 2, 3, 3, 4, 5: mean 3.4; P25 = 3 and P75 = 4 (type 7); own 4 has three below and one equal: rank 70.
        foreach (var b in shown.GetProperty("blocks").EnumerateArray())
        {
            Assert.True(b.GetProperty("enough").GetBoolean());
            Assert.Equal(3.4, b.GetProperty("mean").GetDouble(), 9);
            Assert.Equal(3.0, b.GetProperty("p25").GetDouble(), 9);
            Assert.Equal(4.0, b.GetProperty("p75").GetDouble(), 9);
            Assert.Equal(4.0, b.GetProperty("own").GetDouble(), 9);
            Assert.Equal(70.0, b.GetProperty("percentileRank").GetDouble(), 9);
        }
        Assert.Equal(6, shown.GetProperty("blocks").GetArrayLength());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LcResultsBenchmarkTestsSqlite(SqliteApp app) : LcResultsBenchmarkTests(app);

[Collection(PostgresCollection.Name)]
public sealed class LcResultsBenchmarkTestsPostgres(PostgresApp app) : LcResultsBenchmarkTests(app);
