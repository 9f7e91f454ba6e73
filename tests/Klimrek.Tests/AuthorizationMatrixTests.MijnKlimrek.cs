namespace Klimrek.Tests;

// Mijn klimrek: the onboarding after registration is one's own, like the rest of /klimrek: anyone signed in.
public abstract partial class AuthorizationMatrixTests
{
    private static IEnumerable<KeyValuePair<string, Who[]>> MijnKlimrekRules() =>
    [
        new("PAGE /klimrek/welkom", SignedIn),
    ];
}
