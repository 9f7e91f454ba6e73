using Klimrek.Core.Leercultuur;
using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;

namespace Klimrek.Tests;

/// <summary>The <c>demo leercultuur</c> verb: demo organisations with rounds and answers, enough for a benchmark, a trend and a coaching route; twice is once.</summary>
public abstract class LcDemoTests(KlimrekApp app)
{
    private sealed record Facts(int Organisations, int Rounds, int Responses, int Answers, int BlockScores, int Routes, int Logs, int Members);

    private Task<Facts> FactsAsync() => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<KlimrekDbContext>();
        // Other tests in the same app make demo organisations of their own: the demo's carry "(demo)" in their name.
        var orgs = db.Organisations.Where(o => o.IsDemo && o.Name.EndsWith("(demo)")).Select(o => o.Id);
        var rounds = db.ScanRounds.Where(r => orgs.Contains(r.OrganisationId)).Select(r => r.Id);
        var responses = db.ScanResponses.Where(r => rounds.Contains(r.RoundId)).Select(r => r.Id);
        var routes = db.CoachingRoutes.Where(r => orgs.Contains(r.OrganisationId)).Select(r => r.Id);
        return new Facts(await orgs.CountAsync(), await rounds.CountAsync(), await responses.CountAsync(), await db.ScanAnswers.CountAsync(a => responses.Contains(a.ResponseId)),
            await db.ScanBlockScores.CountAsync(s => rounds.Contains(s.RoundId)), await routes.CountAsync(), await db.CoachingLogs.CountAsync(l => routes.Contains(l.RouteId)),
            await db.OrganisationMembers.CountAsync(m => orgs.Contains(m.OrganisationId)));
    });

    [Fact]
    public async Task The_demo_makes_organisations_with_answers_a_benchmark_a_trend_and_a_route_and_running_it_again_adds_nothing()
    {
        var hr = $"hr{Guid.NewGuid():N}@example.org";
        Assert.Equal(0, await Cli.RunAsync(["demo", "leercultuur", "--hr-email", hr, "--password", "correct horse battery"], app.CliSettings));
        var facts = await FactsAsync();
        Assert.Equal(10, facts.Organisations);
        Assert.Equal(11, facts.Rounds);
        Assert.InRange(facts.Responses, 11 * 12, 11 * 60);
        Assert.Equal(1, facts.Routes);
        Assert.True(facts.Logs >= 5);
        Assert.Equal(1, facts.Members);

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            var orgs = await db.Organisations.Where(o => o.IsDemo && o.Name.EndsWith("(demo)")).ToListAsync();
            Assert.All(orgs, o => Assert.EndsWith("(demo)", o.Name));
            Assert.True(orgs.Select(o => o.Sector).Distinct().Count() >= 4);
            Assert.True(orgs.Select(o => o.Region).Distinct().Count() >= 4);
            var ids = orgs.Select(o => o.Id).ToList();
            var rounds = await db.ScanRounds.Where(r => ids.Contains(r.OrganisationId)).ToListAsync();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            Assert.All(rounds, r => Assert.True(r.IsDemo && r.ClosesOn < today, $"round {r.Id} is not a closed demo round"));
            var perRound = await db.ScanResponses.Where(r => rounds.Select(x => x.Id).Contains(r.RoundId)).GroupBy(r => r.RoundId).Select(g => g.Count()).ToListAsync();
            Assert.All(perRound, n => Assert.InRange(n, 12, 60));

            // Every stored block score follows the half-answered rule, and only then is there one.
            var statements = await db.ScanItems.Where(i => i.InstrumentId == rounds[0].InstrumentId && i.Kind == ScanItemKind.Stelling).ToDictionaryAsync(i => i.Id, i => i.Block);
            var perBlock = statements.Values.GroupBy(b => b).ToDictionary(g => g.Key, g => g.Count());
            var sample = await db.ScanResponses.Where(r => r.RoundId == rounds[0].Id).Include(r => r.Answers).Include(r => r.BlockScores).ToListAsync();
            foreach (var r in sample)
                foreach (var (block, size) in perBlock)
                {
                    var given = r.Answers.Where(a => statements[a.ItemId] == block && a.Value is not null).Select(a => (double)a.Value!.Value).ToList();
                    var score = r.BlockScores.SingleOrDefault(s => s.Block == block);
                    Assert.Equal(ScanStatistics.CountsForBlock(given.Count, size), score is not null);
                    if (score is not null) Assert.Equal(given.Average(), score.Score, 9);
                }
            // The packed answers say what the answer records say.
            var items = await db.ScanItems.Where(i => i.InstrumentId == rounds[0].InstrumentId).ToListAsync();
            Assert.All(sample, r => Assert.Equal(ScanValues.Of(items, r.Answers), r.Values));
            // Some respondents wrote an answer to an open question, so the demo results show open answers too.
            var roundIds = rounds.Select(r => r.Id).ToList();
            Assert.True(await db.ScanOpenAnswers.Join(db.ScanResponses, o => o.ResponseId, r => r.Id, (o, r) => r.RoundId).CountAsync(id => roundIds.Contains(id)) > 0);

            // The benchmark shows for the first organisation: at least five others of its sector and region with at least five respondents.
            var first = orgs.Single(o => o.Name == "Zorggroep De Linde (demo)");
            var peers = orgs.Where(o => o.Sector == first.Sector && o.Region == first.Region).Select(o => o.Id).ToList();
            Assert.True(peers.Count >= 6);
            var scores = await db.ScanBlockScores.Join(db.ScanRounds, s => s.RoundId, r => r.Id, (s, r) => new { r.OrganisationId, s.RoundId, s.Block, s.Score, s.ResponseId })
                .Where(x => peers.Contains(x.OrganisationId)).ToListAsync();
            var latest = scores.GroupBy(x => x.OrganisationId).ToDictionary(g => g.Key, g => g.Where(x => x.RoundId == g.Max(y => y.RoundId)).ToList());
            BenchmarkOrganisation Of(int id) => new(id, latest[id].Select(x => x.ResponseId).Distinct().Count(),
                latest[id].GroupBy(x => x.Block).ToDictionary(g => g.Key, g => g.Average(x => x.Score)));
            var result = Benchmark.Compare(first.Id, Of(first.Id).BlockMeans, peers.Where(p => p != first.Id).Select(Of).ToList());
            Assert.True(result.Enough);
            Assert.Equal(6, result.Organisations);

            // The trend organisation: two rounds, a route in "samen doen" with hours, the first scan linked.
            Assert.Equal(2, rounds.Count(r => r.OrganisationId == first.Id));
            var route = await db.CoachingRoutes.Include(r => r.Logs).SingleAsync(r => r.OrganisationId == first.Id);
            Assert.Equal(CoachingPhase.SamenDoen, route.Phase);
            Assert.NotNull(route.FirstRoundId);
            Assert.Contains(route.Logs, l => l.Phase == CoachingPhase.SamenDoen);
            Assert.True(route.Logs.Sum(l => l.Hours) > 0);
            return true;
        });

        // Again, with the same HR address: nothing doubles.
        Assert.Equal(0, await Cli.RunAsync(["demo", "leercultuur", "--hr-email", hr, "--password", "correct horse battery"], app.CliSettings));
        Assert.Equal(facts, await FactsAsync());

        // The HR account signs in and follows the route.
        var client = app.Anonymous();
        var signIn = await KlimrekApp.PostFormAsync(client, "/account/inloggen", new() { ["Email"] = hr, ["Password"] = "correct horse battery" });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var orgId = await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().Organisations.Where(o => o.Name == "Zorggroep De Linde (demo)").Select(o => o.Id).SingleAsync());
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/leercultuur/{orgId}/traject"));
        Assert.Contains("Bram Hendriks (demo, begeleider)", page);
        Assert.Contains("van 120 geplande uren geschreven", page);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LcDemoTestsSqlite(SqliteApp app) : LcDemoTests(app);

[Collection(PostgresCollection.Name)]
public sealed class LcDemoTestsPostgres(PostgresApp app) : LcDemoTests(app);
