namespace Klimrek.Tests;

// Dutch skills: skill search (API and page) and the page per skill are public, like the occupation atlas. The world
// needs nothing of its own: {id} is an occupation id from the core world, and skill ids start at 1 as well.
public abstract partial class AuthorizationMatrixTests
{
    private static IEnumerable<KeyValuePair<string, Who[]>> DutchSkillsRules() =>
    [
        new("GET /api/v1/skills", Everyone),
        new("PAGE /vaardigheden", Everyone),
        new("PAGE /vaardigheden/{id}", Everyone),
    ];
}
