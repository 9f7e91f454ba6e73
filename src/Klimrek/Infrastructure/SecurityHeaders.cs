using Microsoft.AspNetCore.HttpOverrides;
using System.Net;

namespace Klimrek.Infrastructure;

/// <summary>
/// The browser-facing hardening of every response: a Content-Security-Policy that allows no inline script or style
/// (the pages' few behaviours are in <c>wwwroot/js/site.js</c>, their styles in <c>site.css</c>), no framing, no
/// MIME sniffing, a strict referrer policy and no powerful browser features. Set just before the response starts, so
/// error pages, static files and redirects carry them too.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        }, context);
        return next(context);
    });

    /// <summary>
    /// Behind a reverse proxy that ends TLS: <c>ForwardedHeaders:Enabled</c> (default off) trusts X-Forwarded-For and
    /// X-Forwarded-Proto from the proxies in <c>ForwardedHeaders:KnownProxies</c> (IP addresses) and
    /// <c>ForwardedHeaders:KnownNetworks</c> (CIDR, such as 10.0.0.0/8) besides loopback, so the client's address (rate
    /// limits) and the https scheme (Secure cookies, HSTS) are the real ones. Headers from anyone else are ignored.
    /// </summary>
    public static bool ConfigureForwardedHeaders(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("ForwardedHeaders");
        if (!section.GetValue("Enabled", false)) return false;
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        var limit = section.GetValue("ForwardLimit", 1);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = limit;
            foreach (var p in proxies) o.KnownProxies.Add(IPAddress.Parse(p));
            foreach (var n in networks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n));
        });
        return true;
    }

    /// <summary>
    /// A local path to return to: one <c>/</c> and then not a second <c>/</c> or <c>\</c> (browsers read both as
    /// another host), in printable ASCII only, as the pages escape it (browsers drop tabs and newlines, so
    /// <c>/&#9;/evil</c> would become <c>//evil</c>; and a Location header takes no other characters).
    /// </summary>
    public static bool IsLocalPath(string? url) =>
        url is { Length: > 0 } && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && url.All(c => c is > ' ' and < '\x7f');
}
