namespace Klimrek.Tests;

public abstract partial class AuthorizationMatrixTests
{
    private static IEnumerable<KeyValuePair<string, Who[]>> LcCoachingRules() => [];

    private static Task LcCoachingWorldAsync(AreaWorld w) => Task.CompletedTask;
}
