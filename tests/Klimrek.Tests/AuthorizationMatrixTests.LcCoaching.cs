using Klimrek.Data;
using Microsoft.Extensions.DependencyInjection;
using System.Globalization;

namespace Klimrek.Tests;

public abstract partial class AuthorizationMatrixTests
{
    // The coaching route of Matrix Zorg, coached by CoachShared: HR (Steward) and the steering group (Manager) read it;
    // only the coach edits and logs hours; HR or a beheerder starts a route; the beheerder sees the list only.
    private static IEnumerable<KeyValuePair<string, Who[]>> LcCoachingRules() =>
    [
        new("PAGE /leercultuur/{organisationId}/traject", [Who.Steward, Who.Manager, Who.CoachShared, Who.Beheerder]),
        new("GET /api/v1/organisations/{organisationId}/scans/coaching", [Who.Steward, Who.Manager, Who.CoachShared, Who.Beheerder]),
        new("POST /api/v1/organisations/{organisationId}/scans/coaching", [Who.Steward, Who.Beheerder]),
        new("GET /api/v1/organisations/{organisationId}/scans/coaching/{routeId}", [Who.Steward, Who.Manager, Who.CoachShared]),
        new("PUT /api/v1/organisations/{organisationId}/scans/coaching/{routeId}", [Who.CoachShared]),
        new("POST /api/v1/organisations/{organisationId}/scans/coaching/{routeId}/hours", [Who.CoachShared]),
        new("DELETE /api/v1/organisations/{organisationId}/scans/coaching/{routeId}/hours/{logId}", [Who.CoachShared]),
    ];

    private static async Task LcCoachingWorldAsync(AreaWorld w)
    {
        await w.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            var now = DateTime.UtcNow;
            var route = new CoachingRoute
            {
                OrganisationId = int.Parse(w.Values["organisationId"], CultureInfo.InvariantCulture), CoachId = w.Users[Who.CoachShared].Id,
                StartsOn = DateOnly.FromDateTime(now).AddDays(-30), Phase = CoachingPhase.PlanVanAanpak, CreatedAt = now, UpdatedAt = now,
            };
            db.CoachingRoutes.Add(route);
            await db.SaveChangesAsync();
            var log = new CoachingLog { RouteId = route.Id, Phase = CoachingPhase.Intake, Date = route.StartsOn, Hours = 2, CoachId = route.CoachId, CreatedAt = now };
            db.CoachingLogs.Add(log);
            await db.SaveChangesAsync();
            w.Values["routeId"] = route.Id.ToString(CultureInfo.InvariantCulture);
            w.Values["logId"] = log.Id.ToString(CultureInfo.InvariantCulture);
            return true;
        });
    }
}
