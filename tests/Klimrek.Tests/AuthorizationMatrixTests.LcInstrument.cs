using Klimrek.Features.Leercultuur.Instrument;
using Microsoft.Extensions.DependencyInjection;
using System.Globalization;

namespace Klimrek.Tests;

public abstract partial class AuthorizationMatrixTests
{
    // The instrument's revisions are the beheerder's alone.
    private static IEnumerable<KeyValuePair<string, Who[]>> LcInstrumentRules() =>
    [
        new("PAGE /beheer/leercultuur/instrument", Beheerders),
        new("GET /api/v1/admin/scan-instruments", Beheerders),
        new("GET /api/v1/admin/scan-instruments/{instrumentId}", Beheerders),
        new("POST /api/v1/admin/scan-instruments", Beheerders),
    ];

    private static async Task LcInstrumentWorldAsync(AreaWorld w)
    {
        var id = await w.App.WithScopeAsync(async sp => (await sp.GetRequiredService<InstrumentService>().CurrentAsync(default)).Id);
        w.Values["instrumentId"] = id.ToString(CultureInfo.InvariantCulture);
    }
}
