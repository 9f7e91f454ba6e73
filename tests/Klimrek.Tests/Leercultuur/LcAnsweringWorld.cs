using Klimrek.Data;
using Klimrek.Features.Leercultuur.Answering;
using Klimrek.Features.Leercultuur.Instrument;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Klimrek.Tests.Leercultuur;

/// <summary>An organisation with a department of two teams and a round over both, made straight in the database (for the answer tests).</summary>
internal static class LcAnsweringWorld
{
    public sealed record Setup(int OrganisationId, int RoundId, int[] UnitIds, string OpenToken, int InstrumentId);

    public static Task<Setup> RoundAsync(KlimrekApp app, int opensInDays = -1, int closesInDays = 30, params (string UserId, OrganisationRole Role)[] members) =>
        app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            var now = DateTime.UtcNow;
            var org = new Organisation { Name = "Scan " + Guid.NewGuid().ToString("N")[..8], Kind = OrganisationKind.Werkgever, CreatedAt = now };
            db.Organisations.Add(org);
            await db.SaveChangesAsync();
            foreach (var (user, role) in members)
                db.OrganisationMembers.Add(new OrganisationMember { OrganisationId = org.Id, UserId = user, Role = role, CreatedAt = now });
            var department = new OrgUnit { OrganisationId = org.Id, Name = "Zorg", CreatedAt = now };
            db.OrgUnits.Add(department);
            await db.SaveChangesAsync();
            var teams = new[] { "Team A", "Team B" }.Select(n => new OrgUnit { OrganisationId = org.Id, ParentId = department.Id, Name = n, CreatedAt = now }).ToList();
            db.OrgUnits.AddRange(teams);
            await db.SaveChangesAsync();
            var instrument = await sp.GetRequiredService<InstrumentService>().CurrentAsync(default);
            var today = Klimrek.Infrastructure.DutchTime.Today(now);
            var round = new ScanRound
            {
                OrganisationId = org.Id, InstrumentId = instrument.Id, Title = "Ronde " + org.Name, OpensOn = today.AddDays(opensInDays), ClosesOn = today.AddDays(closesInDays),
                OpenToken = ScanSecrets.New(), CreatedAt = now, Units = teams.Select(t => new ScanRoundUnit { UnitId = t.Id }).ToList(),
            };
            db.ScanRounds.Add(round);
            await db.SaveChangesAsync();
            return new Setup(org.Id, round.Id, [.. teams.Select(t => t.Id)], round.OpenToken, instrument.Id);
        });

    /// <summary>An invitation as HR's invite makes it; returns the link's secret.</summary>
    public static Task<string> InviteAsync(KlimrekApp app, int roundId, int unitId, string? email = null, string language = "nl") =>
        app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            var secret = ScanSecrets.New();
            db.ScanInvitations.Add(new ScanInvitation
            {
                RoundId = roundId, UnitId = unitId, Email = email ?? $"m{Guid.NewGuid():N}@example.org", Language = language, TokenHash = ScanSecrets.Hash(secret),
                ProtectedToken = sp.GetRequiredService<IDataProtectionProvider>().CreateProtector(ScanSecrets.InvitationPurpose).Protect(secret), CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
            return secret;
        });

    /// <summary>Every statement of the instrument answered with <paramref name="value"/>.</summary>
    public static Dictionary<string, int> AllStatements(int value) =>
        InstrumentSeed.Items.Where(i => i.Kind == ScanItemKind.Stelling).ToDictionary(i => i.Key, _ => value);
}
