namespace Klimrek.Tests;

public abstract partial class AuthorizationMatrixTests
{
    private static IEnumerable<KeyValuePair<string, Who[]>> LcOrganisationRules() => [];

    private static Task LcOrganisationWorldAsync(AreaWorld w) => Task.CompletedTask;
}
