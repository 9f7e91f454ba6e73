using Klimrek.Data;
using Klimrek.Features.Leercultuur.Instrument;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Klimrek.Tests.Leercultuur;

/// <summary>
/// Puts organisations, units, rounds and responses straight into the database for the results tests, as a sent answer
/// stores them: answers, open answers, choices, and a block score for every block the respondent answered at least
/// half of (the rule of <c>ScanStatistics.CountsForBlock</c>).
/// </summary>
public sealed class LcResultsSeed(KlimrekApp app)
{
    /// <summary>One respondent: a value (1–5, null = weet ik niet) per statement key; statements absent are left open.</summary>
    public sealed record Answer(Dictionary<string, byte?> Values, Dictionary<string, string>? Open = null, Dictionary<string, string[]>? Choices = null);

    public Task<ScanInstrument> InstrumentAsync() => app.WithScopeAsync(sp => sp.GetRequiredService<InstrumentService>().CurrentAsync(default));

    /// <summary>An extra revision that never becomes current (a negative number): the current one with one statement reworded.</summary>
    public Task<ScanInstrument> RewordedAsync(string key) => app.WithScopeAsync(async sp =>
    {
        var current = await sp.GetRequiredService<InstrumentService>().CurrentAsync(default);
        var db = sp.GetRequiredService<KlimrekDbContext>();
        var revision = new ScanInstrument
        {
            Number = -Random.Shared.Next(1000, 1_000_000), CreatedAt = DateTime.UtcNow, Note = "test: herformuleerd",
            Items = current.Items.Select(i => InstrumentService.NewItem(i.Key, i.Block, i.Kind, i.Position,
                i.Key == key ? i.TextNl + " (oude formulering)" : i.TextNl, i.TextEn, i.Options, i.MultipleChoice)).ToList(),
        };
        db.ScanInstruments.Add(revision);
        await db.SaveChangesAsync();
        return revision;
    });

    public Task<int> OrganisationAsync(string name, string? sector = "zorg-welzijn", string? region = "utrecht", bool demo = false) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<KlimrekDbContext>();
        var o = new Organisation { Name = name + " " + Guid.NewGuid().ToString("N")[..8], Kind = OrganisationKind.Werkgever, Sector = sector, Region = region, IsDemo = demo, CreatedAt = DateTime.UtcNow };
        db.Organisations.Add(o);
        await db.SaveChangesAsync();
        return o.Id;
    });

    public Task MemberAsync(int organisationId, string userId, OrganisationRole role) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<KlimrekDbContext>();
        db.OrganisationMembers.Add(new OrganisationMember { OrganisationId = organisationId, UserId = userId, Role = role, CreatedAt = DateTime.UtcNow });
        return await db.SaveChangesAsync();
    });

    public Task CoachAsync(int organisationId, string coachId) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<KlimrekDbContext>();
        var now = DateTime.UtcNow;
        db.CoachingRoutes.Add(new CoachingRoute { OrganisationId = organisationId, CoachId = coachId, StartsOn = DateOnly.FromDateTime(now), CreatedAt = now, UpdatedAt = now });
        return await db.SaveChangesAsync();
    });

    public Task<int> UnitAsync(int organisationId, string name, int? parentId = null) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<KlimrekDbContext>();
        var u = new OrgUnit { OrganisationId = organisationId, ParentId = parentId, Name = name, CreatedAt = DateTime.UtcNow };
        db.OrgUnits.Add(u);
        await db.SaveChangesAsync();
        return u.Id;
    });

    /// <summary>A round over the units; <paramref name="daysAgo"/> moves it into the past (closed after its period).</summary>
    public Task<int> RoundAsync(int organisationId, int[] unitIds, string title = "Ronde", int daysAgo = 0, ScanInstrument? instrument = null) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<KlimrekDbContext>();
        instrument ??= await sp.GetRequiredService<InstrumentService>().CurrentAsync(default);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var round = new ScanRound
        {
            OrganisationId = organisationId, InstrumentId = instrument.Id, Title = title, OpensOn = today.AddDays(-daysAgo - 1),
            ClosesOn = daysAgo > 0 ? today.AddDays(-daysAgo + 20) : today.AddDays(20), CreatedAt = DateTime.UtcNow,
            Units = unitIds.Select(u => new ScanRoundUnit { UnitId = u }).ToList(),
        };
        if (daysAgo > 0) round.ClosedAt = DateTime.UtcNow.AddDays(-daysAgo + 10);
        db.ScanRounds.Add(round);
        await db.SaveChangesAsync();
        return round.Id;
    });

    /// <summary>Every statement answered with <paramref name="value"/>.</summary>
    public static Answer All(ScanInstrument instrument, byte? value) =>
        new(instrument.Items.Where(i => i.Kind == ScanItemKind.Stelling).ToDictionary(i => i.Key, _ => value));

    public Task RespondAsync(int roundId, int? unitId, IEnumerable<Answer> answers) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<KlimrekDbContext>();
        var round = await db.ScanRounds.AsNoTracking().FirstAsync(r => r.Id == roundId);
        var items = await db.ScanItems.AsNoTracking().Where(i => i.InstrumentId == round.InstrumentId).ToListAsync();
        foreach (var a in answers)
        {
            var response = new ScanResponse { Id = Guid.NewGuid(), RoundId = roundId, UnitId = unitId, SubmittedOn = DateOnly.FromDateTime(DateTime.UtcNow) };
            foreach (var item in items)
            {
                if (item.Kind == ScanItemKind.Stelling && a.Values.TryGetValue(item.Key, out var v))
                    response.Answers.Add(new ScanAnswer { ItemId = item.Id, Value = v });
                if (item.Kind == ScanItemKind.Open && a.Open?.GetValueOrDefault(item.Key) is { } text)
                    response.OpenAnswers.Add(new ScanOpenAnswer { ItemId = item.Id, Text = text });
                if (item.Kind == ScanItemKind.Onderstroom && a.Choices?.GetValueOrDefault(item.Key) is { } options)
                    foreach (var o in options) response.Choices.Add(new ScanChoice { ItemId = item.Id, Option = o });
            }
            response.Values = ScanValues.Of(items, response.Answers);
            foreach (var block in items.Where(i => i.Kind == ScanItemKind.Stelling).GroupBy(i => i.Block))
            {
                var given = block.Select(i => a.Values.GetValueOrDefault(i.Key)).Where(v => v is not null).Select(v => (double)v!.Value).ToList();
                if (Klimrek.Core.Leercultuur.ScanStatistics.CountsForBlock(given.Count, block.Count()))
                    response.BlockScores.Add(new ScanBlockScore { RoundId = roundId, Block = block.Key, Score = given.Average() });
            }
            db.ScanResponses.Add(response);
        }
        return await db.SaveChangesAsync();
    });
}
