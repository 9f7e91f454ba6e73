namespace Klimrek.Tests;

public abstract partial class AuthorizationMatrixTests
{
    private static IEnumerable<KeyValuePair<string, Who[]>> ReadinessRules() => [];

    private static Task ReadinessWorldAsync(AreaWorld w) => Task.CompletedTask;
}
