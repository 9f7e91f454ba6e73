namespace Klimrek.Tests;

// Samen leren as a programme runs: enrolling by CSV is the steering group's, like enrolling by list. The world needs
// nothing of its own: {id} is the core world's programme.
public abstract partial class AuthorizationMatrixTests
{
    private static IEnumerable<KeyValuePair<string, Who[]>> SamenLerenRunRules() =>
    [
        new("POST /api/v1/programmes/{id}/participants/csv", Stewards),
    ];
}
