using Klimrek.Data;
using Klimrek.Features.Leercultuur.Answering;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Klimrek.Tests;

public abstract partial class AuthorizationMatrixTests
{
    // Answering needs no account: the link is the key, for everyone (an empty body is refused as invalid, not unauthorised).
    private static IEnumerable<KeyValuePair<string, Who[]>> LcAnsweringRules() =>
    [
        new("PAGE /scan/{scanToken}", Everyone),
        new("PAGE /scan/open/{openToken}", Everyone),
        new("GET /api/v1/scan/{scanToken}", Everyone),
        new("PUT /api/v1/scan/{scanToken}/draft", Everyone),
        new("POST /api/v1/scan/{scanToken}", Everyone),
        new("GET /api/v1/scan/open/{openToken}", Everyone),
        new("POST /api/v1/scan/open/{openToken}", Everyone),
    ];

    // A personal invitation in Matrix Zorg's round.
    private static async Task LcAnsweringWorldAsync(AreaWorld w)
    {
        var secret = ScanSecrets.New();
        await w.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            var roundId = int.Parse(w.Values["roundId"], System.Globalization.CultureInfo.InvariantCulture);
            db.ScanInvitations.Add(new ScanInvitation
            {
                RoundId = roundId, UnitId = int.Parse(w.Values["unitId"], System.Globalization.CultureInfo.InvariantCulture), Email = "matrix-respondent@example.org",
                TokenHash = ScanSecrets.Hash(secret), CreatedAt = DateTime.UtcNow,
                ProtectedToken = sp.GetRequiredService<IDataProtectionProvider>().CreateProtector(ScanSecrets.InvitationPurpose).Protect(secret),
            });
            await db.SaveChangesAsync();
            return await db.ScanInvitations.CountAsync(i => i.RoundId == roundId);
        });
        w.Values["scanToken"] = secret;
    }
}
