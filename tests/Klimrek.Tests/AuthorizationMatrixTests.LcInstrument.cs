namespace Klimrek.Tests;

public abstract partial class AuthorizationMatrixTests
{
    private static IEnumerable<KeyValuePair<string, Who[]>> LcInstrumentRules() => [];

    private static Task LcInstrumentWorldAsync(AreaWorld w) => Task.CompletedTask;
}
