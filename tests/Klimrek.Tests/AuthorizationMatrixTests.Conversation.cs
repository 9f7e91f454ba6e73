namespace Klimrek.Tests;

public abstract partial class AuthorizationMatrixTests
{
    private static IEnumerable<KeyValuePair<string, Who[]>> ConversationRules() => [];

    private static Task ConversationWorldAsync(AreaWorld w) => Task.CompletedTask;
}
