using Microsoft.AspNetCore.OutputCaching;
using System.Globalization;

namespace Klimrek.Features.Esco;

/// <summary>
/// Output caching for reads of the catalogue: a cached response is served only for the catalogue version it was
/// rendered under, so an import or a curated change (through any instance, see <see cref="EscoCatalogue"/>) is never
/// hidden by it. Pages (<see cref="Policy"/>) are cached for anonymous visitors only: a signed-in page shows who is
/// signed in. The public API (<see cref="ApiPolicy"/>) answers the same to everyone, signed in or not, so it is cached for
/// all (<see cref="PublicResponse"/>).
/// </summary>
public static class CatalogueOutputCache
{
    public const string Policy = "catalogue";
    public const string ApiPolicy = "catalogue-api";

    /// <summary>
    /// The base of a policy for responses that do not depend on who asks (the framework's default refuses any signed-in
    /// request): GET and HEAD are looked up and stored whoever asks, but a response is stored only when it is a 200 without
    /// cookies, so nothing of one person (a renewed sign-in cookie) is ever handed to another.
    /// </summary>
    public sealed class PublicResponse : IOutputCachePolicy
    {
        ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var request = context.HttpContext.Request;
            var read = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = read;
            context.AllowCacheStorage = read;
            context.AllowLocking = true;
            context.CacheVaryByRules.QueryKeys = "*"; // every query parameter is part of the answer
            return ValueTask.CompletedTask;
        }

        ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            if (response.StatusCode != StatusCodes.Status200OK || !Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(response.Headers.SetCookie))
                context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Varies by UI language and catalogue version; reading the version also runs the catalogue's periodic check.</summary>
    public static OutputCachePolicyBuilder VaryByCatalogue(this OutputCachePolicyBuilder b) => b
        .Expire(TimeSpan.FromMinutes(10))
        .VaryByValue(_ => new("culture", CultureInfo.CurrentUICulture.Name))
        .VaryByValue(async (ctx, ct) => new("catalogue",
            (await ctx.RequestServices.GetRequiredService<EscoCatalogue>().GetAsync(ct)).Version.ToString(CultureInfo.InvariantCulture)));
}
