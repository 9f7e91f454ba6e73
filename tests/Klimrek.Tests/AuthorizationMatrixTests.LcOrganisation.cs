using Klimrek.Data;
using Klimrek.Features.Leercultuur.Instrument;
using Microsoft.Extensions.DependencyInjection;
using System.Globalization;

namespace Klimrek.Tests;

public abstract partial class AuthorizationMatrixTests
{
    // Leercultuur's world: the organisation "Matrix Zorg" with Steward as its HR and Manager in its steering group, a
    // department with two teams, and a round over both teams; OtherSteward is HR of another organisation (a stranger
    // here). CoachShared becomes the coach of Matrix Zorg's coaching route in the coaching world. Beheerder names people
    // and sets sector and region, and reads no results by that role alone.
    private static IEnumerable<KeyValuePair<string, Who[]>> LcOrganisationRules() =>
    [
        // The overview lists one's own organisations (empty for most): anyone signed in.
        new("PAGE /leercultuur", SignedIn),
        // The organisation page and its set-up: HR, the steering group, the coach, and the beheerder (who names HR).
        new("PAGE /leercultuur/{organisationId}", [Who.Steward, Who.Manager, Who.CoachShared, Who.Beheerder]),
        new("PAGE /beheer/leercultuur/organisaties", Beheerders),
        new("GET /api/v1/organisations/{organisationId}/scans/units", [Who.Steward, Who.Manager, Who.CoachShared, Who.Beheerder]),
        new("POST /api/v1/organisations/{organisationId}/scans/units", [Who.Steward]),
        new("PUT /api/v1/organisations/{organisationId}/scans/units/{unitId}", [Who.Steward]),
        new("DELETE /api/v1/organisations/{organisationId}/scans/units/{unitId}", [Who.Steward]),
        new("GET /api/v1/organisations/{organisationId}/scans/members", [Who.Steward, Who.Manager, Who.CoachShared, Who.Beheerder]),
        new("POST /api/v1/organisations/{organisationId}/scans/members", [Who.Steward, Who.Beheerder]),
        new("DELETE /api/v1/organisations/{organisationId}/scans/members/{scanMemberId}", [Who.Steward, Who.Beheerder]),
        // Sector and province: read with the set-up, set by the beheerder only.
        new("GET /api/v1/organisations/{organisationId}/scans/settings", [Who.Steward, Who.Manager, Who.CoachShared, Who.Beheerder]),
        new("PUT /api/v1/organisations/{organisationId}/scans/settings", Beheerders),
    ];

    private static async Task LcOrganisationWorldAsync(AreaWorld w)
    {
        await w.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            var now = DateTime.UtcNow;
            var org = new Organisation { Name = "Matrix Zorg", Kind = OrganisationKind.Werkgever, Sector = "zorg-welzijn", Region = "gelderland", CreatedAt = now };
            var other = new Organisation { Name = "Andere organisatie", Kind = OrganisationKind.Werkgever, Sector = "zorg-welzijn", Region = "gelderland", CreatedAt = now };
            db.Organisations.AddRange(org, other);
            await db.SaveChangesAsync();
            db.OrganisationMembers.AddRange(
                new OrganisationMember { OrganisationId = org.Id, UserId = w.Users[Who.Steward].Id, Role = OrganisationRole.Hr, CreatedAt = now },
                new OrganisationMember { OrganisationId = org.Id, UserId = w.Users[Who.Manager].Id, Role = OrganisationRole.Stuurgroep, CreatedAt = now },
                new OrganisationMember { OrganisationId = other.Id, UserId = w.Users[Who.OtherSteward].Id, Role = OrganisationRole.Hr, CreatedAt = now });
            var department = new OrgUnit { OrganisationId = org.Id, Name = "Verpleging", CreatedAt = now };
            db.OrgUnits.Add(department);
            await db.SaveChangesAsync();
            var teams = new[] { "Team Noord", "Team Zuid" }.Select(n => new OrgUnit { OrganisationId = org.Id, ParentId = department.Id, Name = n, CreatedAt = now }).ToList();
            db.OrgUnits.AddRange(teams);
            await db.SaveChangesAsync();
            var instrument = await sp.GetRequiredService<InstrumentService>().CurrentAsync(default);
            var today = DateOnly.FromDateTime(now);
            var round = new ScanRound
            {
                OrganisationId = org.Id, InstrumentId = instrument.Id, Title = "Matrixronde", OpensOn = today.AddDays(-1), ClosesOn = today.AddDays(30),
                OpenToken = "matrix-open-" + Guid.NewGuid().ToString("N"), CreatedAt = now,
                Units = teams.Select(t => new ScanRoundUnit { UnitId = t.Id }).ToList(),
            };
            db.ScanRounds.Add(round);
            await db.SaveChangesAsync();
            w.Values["organisationId"] = org.Id.ToString(CultureInfo.InvariantCulture);
            w.Values["roundId"] = round.Id.ToString(CultureInfo.InvariantCulture);
            w.Values["unitId"] = teams[0].Id.ToString(CultureInfo.InvariantCulture);
            w.Values["openToken"] = round.OpenToken;
            return true;
        });
    }
}
