namespace Klimrek.Tests;

public abstract partial class AuthorizationMatrixTests
{
    private static IEnumerable<KeyValuePair<string, Who[]>> CycleRules() => [];

    private static Task CycleWorldAsync(AreaWorld w) => Task.CompletedTask;
}
