using Klimrek.Tests.Leercultuur;
using System.Globalization;

namespace Klimrek.Tests;

public abstract partial class AuthorizationMatrixTests
{
    // A round's results, report, PDF and CSV: HR (Steward), the steering group (Manager) and the route's coach
    // (CoachShared) read them; a stranger (OtherSteward and the rest) gets 404, the beheerder 403.
    private static readonly Who[] LcResultReaders = [Who.Steward, Who.Manager, Who.CoachShared];

    private static IEnumerable<KeyValuePair<string, Who[]>> LcResultRules() =>
    [
        new("GET /api/v1/organisations/{organisationId}/scans/rounds/{roundId}/results", LcResultReaders),
        new("GET /api/v1/organisations/{organisationId}/scans/rounds/{roundId}/results.csv", LcResultReaders),
        new("GET /api/v1/organisations/{organisationId}/scans/rounds/{roundId}/report.pdf", LcResultReaders),
        new("PAGE /leercultuur/{organisationId}/rondes/{roundId}/resultaten", LcResultReaders),
        new("PAGE /leercultuur/{organisationId}/rondes/{roundId}/resultaten.csv", LcResultReaders),
        new("PAGE /leercultuur/{organisationId}/rondes/{roundId}/rapport", LcResultReaders),
        new("PAGE /leercultuur/{organisationId}/rondes/{roundId}/rapport.pdf", LcResultReaders),
    ];

    /// <summary>Six responses in the world's first team, so the results pages render figures, not only "not enough answers".</summary>
    private static async Task LcResultWorldAsync(AreaWorld w)
    {
        var seed = new LcResultsSeed(w.App);
        var instrument = await seed.InstrumentAsync();
        var roundId = int.Parse(w.Values["roundId"], CultureInfo.InvariantCulture);
        var unitId = int.Parse(w.Values["unitId"], CultureInfo.InvariantCulture);
        await seed.RespondAsync(roundId, unitId, Enumerable.Range(0, 6).Select(i => LcResultsSeed.All(instrument, (byte)(1 + i % 5)) with
        {
            Open = new() { ["b1.open"] = "Matrix: open antwoord " + i },
            Choices = new() { ["o.tussendoor"] = ["wekelijks"] },
        }));
        // CoachShared is made the coach of Matrix Zorg's route by the coaching world; until that world has rules of its
        // own (a branch without the coaching area), this world makes the route so the coach can read the results.
        if (!LcCoachingRules().Any())
            await seed.CoachAsync(int.Parse(w.Values["organisationId"], CultureInfo.InvariantCulture), w.Users[Who.CoachShared].Id);
    }
}
