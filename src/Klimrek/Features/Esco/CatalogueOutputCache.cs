using Microsoft.AspNetCore.OutputCaching;
using System.Globalization;

namespace Klimrek.Features.Esco;

/// <summary>
/// Output caching for anonymous reads of the catalogue (atlas pages and API): a cached response is served only for the
/// catalogue version it was rendered under, so an import or a curated change (through any instance, see
/// <see cref="EscoCatalogue"/>) is never hidden by it. Signed-in requests are never cached (the framework's default).
/// </summary>
public static class CatalogueOutputCache
{
    public const string Policy = "catalogue";

    /// <summary>Varies by UI language and catalogue version; reading the version also runs the catalogue's periodic check.</summary>
    public static OutputCachePolicyBuilder VaryByCatalogue(this OutputCachePolicyBuilder b) => b
        .Expire(TimeSpan.FromMinutes(10))
        .VaryByValue(_ => new("culture", CultureInfo.CurrentUICulture.Name))
        .VaryByValue(async (ctx, ct) => new("catalogue",
            (await ctx.RequestServices.GetRequiredService<EscoCatalogue>().GetAsync(ct)).Version.ToString(CultureInfo.InvariantCulture)));
}
