using Microsoft.AspNetCore.RateLimiting;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Threading.RateLimiting;

namespace Klimrek.Infrastructure;

/// <summary>
/// Request rate limits (ASP.NET Core rate limiting), configurable under <c>RateLimits:*</c>. A refused request gets
/// 429 with <c>Retry-After</c>: ProblemDetails on the API, the Dutch "te veel pogingen" page elsewhere.
/// <list type="bullet">
/// <item><b>Credentials</b> (<see cref="Credentials"/>): every page that takes a password or sends mail to an address —
/// login, registration, forgot and reset password — puts <c>[EnableRateLimiting(RateLimits.Credentials)]</c> on its
/// page model (or <c>RequireRateLimiting(RateLimits.Credentials)</c> on an endpoint) and names its e-mail field
/// <c>Email</c>. Its POSTs are then limited three ways: per client address over every account (one password tried on
/// many accounts), per account from one address (guessing one account's password), and per account from all
/// addresses together (a guess spread over many machines, a far higher limit).</item>
/// <item><b>API</b>: every <c>/api</c> request, per signed-in user or else per client address, with a limit that
/// normal use never reaches.</item>
/// </list>
/// Why rates instead of Identity's hard lockout: a lockout after a few failures lets anyone who knows an address lock
/// its owner out, again and again, from anywhere. Here an attacker's address runs out of tries for that account while
/// the owner, from another address, still signs in; only many addresses together exhaust the account's own budget,
/// and only for as long as they keep trying. The client address is the connection's (behind a proxy: as
/// <c>ForwardedHeaders:*</c> trusts it); IPv6 addresses count per /64, the block one subscriber gets.
/// </summary>
public static class RateLimits
{
    /// <summary>The policy for pages and endpoints that take credentials (see the class summary).</summary>
    public const string Credentials = "credentials";

    /// <summary>The form field whose value is the account a credential POST is about.</summary>
    public const string AccountField = "Email";

    private const string AccountItem = "klimrek:rate-limit-account";

    /// <summary>One limit: <c>PermitLimit</c> requests per <c>WindowSeconds</c>.</summary>
    public sealed record Limit(int PermitLimit, double WindowSeconds)
    {
        public FixedWindowRateLimiterOptions Options => new()
        {
            PermitLimit = Math.Max(1, PermitLimit),
            Window = TimeSpan.FromSeconds(Math.Max(1, WindowSeconds)),
            QueueLimit = 0,
            AutoReplenishment = true,
        };

        public static Limit From(IConfiguration section, Limit fallback) =>
            new(section.GetValue("PermitLimit", fallback.PermitLimit), section.GetValue("WindowSeconds", fallback.WindowSeconds));
    }

    /// <summary>The limits in force (defaults, overridden by <c>RateLimits:*</c>).</summary>
    public sealed record Settings(Limit PerAddress, Limit PerAccountAndAddress, Limit PerAccount, Limit Api)
    {
        public static Settings From(IConfiguration configuration)
        {
            var c = configuration.GetSection("RateLimits");
            return new Settings(
                Limit.From(c.GetSection("Credentials:PerAddress"), new Limit(20, 60)),
                Limit.From(c.GetSection("Credentials:PerAccountAndAddress"), new Limit(5, 900)),
                Limit.From(c.GetSection("Credentials:PerAccount"), new Limit(30, 900)),
                Limit.From(c.GetSection("Api"), new Limit(600, 60)));
        }
    }

    public static IServiceCollection AddKlimrekRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = Settings.From(configuration);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = RetryAfterSeconds(context.Lease, settings).ToString(CultureInfo.InvariantCulture);
                // The Dutch 429 page is re-executed from here: as a GET, so a refused form is not posted to it.
                if (!ApiStatusCodes.IsApi(http))
                {
                    http.Request.Method = HttpMethods.Get;
                    http.Request.ContentLength = 0;
                }
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(Credentials, http => IsCredentialPost(http)
                ? RateLimitPartition.GetFixedWindowLimiter("address:" + ClientAddress(http), _ => settings.PerAddress.Options)
                : RateLimitPartition.GetNoLimiter("none"));
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => ApiPartition(http, settings)),
                PartitionedRateLimiter.Create<HttpContext, string>(http => AccountPartition(http, settings, perAddress: true)),
                PartitionedRateLimiter.Create<HttpContext, string>(http => AccountPartition(http, settings, perAddress: false)));
        });
        return services;
    }

    /// <summary>
    /// Routing, then this, then authentication's result is known: reads the account of a credential POST (the form is
    /// read once and kept for the page), then applies the limits.
    /// </summary>
    public static IApplicationBuilder UseKlimrekRateLimits(this IApplicationBuilder app)
    {
        app.Use(async (http, next) =>
        {
            if (IsCredentialPost(http) && http.Request.HasFormContentType)
            {
                try
                {
                    var form = await http.Request.ReadFormAsync(http.RequestAborted);
                    var account = form[AccountField].ToString().Trim().ToUpperInvariant();
                    if (account.Length > 0) http.Items[AccountItem] = account;
                }
                catch (InvalidDataException)
                {
                    // A malformed or oversized form: the page refuses it as before (its address is still limited).
                }
            }
            await next(http);
        });
        return app.UseRateLimiter();
    }

    private static bool IsCredentialPost(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method)
        && http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Credentials;

    private static RateLimitPartition<string> ApiPartition(HttpContext http, Settings settings)
    {
        if (!ApiStatusCodes.IsApi(http)) return RateLimitPartition.GetNoLimiter("");
        var user = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        return RateLimitPartition.GetFixedWindowLimiter(user is null ? "api-address:" + ClientAddress(http) : "api-user:" + user, _ => settings.Api.Options);
    }

    private static RateLimitPartition<string> AccountPartition(HttpContext http, Settings settings, bool perAddress)
    {
        if (http.Items[AccountItem] is not string account || !IsCredentialPost(http)) return RateLimitPartition.GetNoLimiter("");
        return perAddress
            ? RateLimitPartition.GetFixedWindowLimiter($"account-address:{account}|{ClientAddress(http)}", _ => settings.PerAccountAndAddress.Options)
            : RateLimitPartition.GetFixedWindowLimiter("account:" + account, _ => settings.PerAccount.Options);
    }

    /// <summary>The client's address as a partition key: IPv4 as is, IPv6 by its /64 network.</summary>
    public static string ClientAddress(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static int RetryAfterSeconds(RateLimitLease lease, Settings settings) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : (int)Math.Ceiling(settings.PerAddress.Options.Window.TotalSeconds);
}
