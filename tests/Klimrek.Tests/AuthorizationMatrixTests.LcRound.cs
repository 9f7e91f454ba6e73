namespace Klimrek.Tests;

public abstract partial class AuthorizationMatrixTests
{
    private static IEnumerable<KeyValuePair<string, Who[]>> LcRoundRules() => [];

    private static Task LcRoundWorldAsync(AreaWorld w) => Task.CompletedTask;
}
