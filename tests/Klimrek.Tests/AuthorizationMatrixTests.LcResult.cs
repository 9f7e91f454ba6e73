namespace Klimrek.Tests;

public abstract partial class AuthorizationMatrixTests
{
    private static IEnumerable<KeyValuePair<string, Who[]>> LcResultRules() => [];

    private static Task LcResultWorldAsync(AreaWorld w) => Task.CompletedTask;
}
