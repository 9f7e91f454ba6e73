namespace Klimrek.Tests;

public abstract partial class AuthorizationMatrixTests
{
    private static IEnumerable<KeyValuePair<string, Who[]>> ClimateRules() => [];

    private static Task ClimateWorldAsync(AreaWorld w) => Task.CompletedTask;
}
