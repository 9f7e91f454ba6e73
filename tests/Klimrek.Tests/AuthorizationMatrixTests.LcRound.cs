using Klimrek.Data;
using Microsoft.Extensions.DependencyInjection;
using System.Globalization;

namespace Klimrek.Tests;

public abstract partial class AuthorizationMatrixTests
{
    // Matrix Zorg's round: HR (Steward) runs it; the steering group (Manager) and the coach (CoachShared) read it.
    // A stranger (OtherSteward, HR elsewhere) gets 404; the beheerder 403.
    private static IEnumerable<KeyValuePair<string, Who[]>> LcRoundRules() =>
    [
        new("PAGE /leercultuur/{organisationId}/rondes/nieuw", [Who.Steward]),
        new("PAGE /leercultuur/{organisationId}/rondes/{roundId}", [Who.Steward, Who.Manager, Who.CoachShared]),
        new("GET /api/v1/organisations/{organisationId}/scans/rounds", [Who.Steward, Who.Manager, Who.CoachShared]),
        new("POST /api/v1/organisations/{organisationId}/scans/rounds", [Who.Steward]),
        new("GET /api/v1/organisations/{organisationId}/scans/rounds/{roundId}", [Who.Steward, Who.Manager, Who.CoachShared]),
        new("POST /api/v1/organisations/{organisationId}/scans/rounds/{roundId}/close", [Who.Steward]),
        new("POST /api/v1/organisations/{organisationId}/scans/rounds/{roundId}/invitations", [Who.Steward]),
        new("POST /api/v1/organisations/{organisationId}/scans/rounds/{roundId}/reminders", [Who.Steward]),
        new("PUT /api/v1/organisations/{organisationId}/scans/rounds/{roundId}/open-link", [Who.Steward]),
    ];

    // A steering-group member of Matrix Zorg who is none of the matrix's people (so removing them changes no other rule).
    private static async Task LcRoundWorldAsync(AreaWorld w) =>
        w.Values["scanMemberId"] = await NewScanMemberAsync(w.App, int.Parse(w.Values["organisationId"], CultureInfo.InvariantCulture));

    /// <summary>A new steering-group member of the organisation (an account of its own); its id as a route value.</summary>
    private static Task<string> NewScanMemberAsync(KlimrekApp app, int organisationId) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<KlimrekDbContext>();
        var name = "matrix-stuurgroep-" + Guid.NewGuid().ToString("N");
        var user = new KlimrekUser { UserName = name, Email = name + "@example.org", NormalizedEmail = (name + "@example.org").ToUpperInvariant(), DisplayName = "Stuurgroeplid", CreatedAt = DateTime.UtcNow };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        var member = new OrganisationMember { OrganisationId = organisationId, UserId = user.Id, Role = OrganisationRole.Stuurgroep, CreatedAt = DateTime.UtcNow };
        db.OrganisationMembers.Add(member);
        await db.SaveChangesAsync();
        return member.Id.ToString(CultureInfo.InvariantCulture);
    });
}
