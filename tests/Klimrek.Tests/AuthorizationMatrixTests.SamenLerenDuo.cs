namespace Klimrek.Tests;

// Samen leren, the duo workspace and the steering group's control: the section pages of a duo are the duo's (its
// members and the steering group), like the overview; the steering group's pages and API are the steering group's.
// The world is the core one: {id} is the programme, {duoId} the duo of Self and Partner.
public abstract partial class AuthorizationMatrixTests
{
    private static IEnumerable<KeyValuePair<string, Who[]>> SamenLerenDuoRules() =>
    [
        new("PAGE /samen-leren/{id}/duo/{duoId}/plan", Duo),
        new("PAGE /samen-leren/{id}/duo/{duoId}/afspraken", Duo),
        new("PAGE /samen-leren/{id}/duo/{duoId}/uren", Duo),
        new("PAGE /samen-leren/{id}/duo/{duoId}/reflecties", Duo),
        new("PAGE /samen-leren/{id}/duo/{duoId}/intervisie", Duo),
        new("POST /api/v1/programmes/{id}/duos/manual/preview", Stewards),
        new("POST /api/v1/programmes/{id}/duos/manual", Stewards),
        new("GET /api/v1/programmes/{id}/intervision/{sessionId}/calendar.ics", Programme),
    ];
}
