namespace Klimrek.Tests;

public abstract partial class AuthorizationMatrixTests
{
    private static IEnumerable<KeyValuePair<string, Who[]>> ExperimentRules() => [];

    private static Task ExperimentWorldAsync(AreaWorld w) => Task.CompletedTask;
}
