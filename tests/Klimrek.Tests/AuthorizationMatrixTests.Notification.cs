namespace Klimrek.Tests;

public abstract partial class AuthorizationMatrixTests
{
    private static IEnumerable<KeyValuePair<string, Who[]>> NotificationRules() => [];

    private static Task NotificationWorldAsync(AreaWorld w) => Task.CompletedTask;
}
