namespace Klimrek.Tests;

public abstract partial class AuthorizationMatrixTests
{
    private static IEnumerable<KeyValuePair<string, Who[]>> LcAnsweringRules() => [];

    private static Task LcAnsweringWorldAsync(AreaWorld w) => Task.CompletedTask;
}
