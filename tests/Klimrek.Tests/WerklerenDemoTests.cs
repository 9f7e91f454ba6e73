using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;

namespace Klimrek.Tests;

/// <summary>The <c>demo werkleren</c> verb: a nurse whose werkleren is filled in, and her leidinggevende, both able to sign in.</summary>
public abstract class WerklerenDemoTests(KlimrekApp app)
{
    [Fact]
    public async Task The_demo_verb_creates_a_nurse_with_drivers_experiments_a_circle_check_ins_and_a_plan()
    {
        var nurse = $"n{Guid.NewGuid():N}@example.org";
        var manager = $"m{Guid.NewGuid():N}@example.org";
        var exit = await Cli.RunAsync(["demo", "werkleren", "--email", nurse, "--manager-email", manager, "--password", "correct horse battery"], app.CliSettings);
        Assert.Equal(0, exit);

        var facts = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            var id = await db.Users.Where(u => u.Email == nurse).Select(u => u.Id).SingleAsync();
            var experiments = await db.Experiments.Where(e => e.OwnerId == id).OrderBy(e => e.Id).ToListAsync();
            return new
            {
                Drivers = await db.PersonDrivers.CountAsync(d => d.UserId == id),
                Experiments = experiments,
                Members = await db.ExperimentMembers.CountAsync(m => m.ExperimentId == experiments[1].Id && m.JoinedAt != null),
                Circle = await db.CircleMembers.CountAsync(c => c.OwnerId == id),
                CheckIns = await db.ReadinessCheckIns.CountAsync(c => c.UserId == id),
                Plans = await db.DevelopmentPlans.CountAsync(p => p.UserId == id),
                Reminders = await db.ScheduledReminders.CountAsync(r => r.Key.StartsWith("feedback:") && r.SentAt == null && (r.UserId == id)),
                Manager = await db.WorkRelations.AnyAsync(r => r.OwnerId == id && r.Kind == WorkRelationKind.Leidinggevende && r.Other!.Email == manager),
            };
        });
        Assert.Equal(3, facts.Drivers);
        Assert.Equal(2, facts.Experiments.Count);
        Assert.Equal(facts.Experiments[0].Id, facts.Experiments[1].PreviousId);
        Assert.Equal(ExperimentState.Afgerond, facts.Experiments[0].State);
        Assert.Equal(1, facts.Members);
        Assert.Equal(4, facts.Circle);
        Assert.Equal(4, facts.CheckIns);
        Assert.Equal(1, facts.Plans);
        Assert.Equal(1, facts.Reminders);
        Assert.True(facts.Manager);

        // Both can sign in; the nurse sees her trend.
        foreach (var email in new[] { nurse, manager })
        {
            var client = app.Anonymous();
            var signIn = await KlimrekApp.PostFormAsync(client, "/account/inloggen", new() { ["Email"] = email, ["Password"] = "correct horse battery" });
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            if (email == nurse) Assert.Contains("laatste 4 check-ins", await client.GetStringAsync("/werkleren/bereidheid"));
        }
        // Run twice with the same address: refused, nothing half-made.
        Assert.NotEqual(0, await Cli.RunAsync(["demo", "werkleren", "--email", nurse, "--manager-email", $"x{Guid.NewGuid():N}@example.org", "--password", "correct horse battery"], app.CliSettings));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WerklerenDemoTestsSqlite(SqliteApp app) : WerklerenDemoTests(app);

[Collection(PostgresCollection.Name)]
public sealed class WerklerenDemoTestsPostgres(PostgresApp app) : WerklerenDemoTests(app);
