namespace Klimrek.Tests;

public abstract partial class AuthorizationMatrixTests
{
    private static IEnumerable<KeyValuePair<string, Who[]>> SharingRules() => [];

    private static Task SharingWorldAsync(AreaWorld w) => Task.CompletedTask;
}
