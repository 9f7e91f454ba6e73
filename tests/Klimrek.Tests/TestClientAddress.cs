using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using System.Net;

namespace Klimrek.Tests;

/// <summary>
/// The test server has no network connection, so no client address. This filter (in the test assembly only; the app
/// itself trusts no such header) gives a request the address in <see cref="Header"/>, as if it came from there —
/// for the per-address rate limits and for the forwarded-headers proxy check.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value.ToString(), out var address))
                context.Connection.RemoteIpAddress = address;
            return nextMiddleware(context);
        });
        next(app);
    };

    private static int s_next;

    /// <summary>An address no other client of this test run has (10.0.0.0/8).</summary>
    public static string Next()
    {
        var n = Interlocked.Increment(ref s_next);
        return $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}";
    }

    /// <summary>A client whose requests come from <paramref name="address"/>.</summary>
    public static HttpClient From(HttpClient client, string address)
    {
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }
}
