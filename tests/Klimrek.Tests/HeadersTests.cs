using AngleSharp.Html.Parser;
using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;

namespace Klimrek.Tests;

/// <summary>
/// The browser-facing hardening: security headers on every response (pages, API, static files, errors), no inline
/// script, event handler or style attribute the Content-Security-Policy would block, Secure cookies and HSTS on
/// https (also behind a trusted proxy, never on a stranger's word), and a language switch that only returns locally.
/// </summary>
public abstract class HeadersTests(KlimrekApp app)
{
    private static void AssertSecurityHeaders(HttpResponseMessage response, string url)
    {
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.True(response.Headers.TryGetValues("X-Frame-Options", out var frame) && frame.Single() == "DENY", url);
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) && sniff.Single() == "nosniff", url);
        Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.Single() == "strict-origin-when-cross-origin", url);
        Assert.True(response.Headers.Contains("Permissions-Policy"), url);
        Assert.False(response.Headers.Contains("Server"), url);
    }

    [Fact]
    public async Task Every_kind_of_response_carries_the_security_headers()
    {
        var client = app.Anonymous();
        foreach (var url in new[] { "/", "/beroepen", "/account/inloggen", "/css/site.css", "/js/site.js", "/api/v1/occupations?q=verpleeg",
                     "/api/v1/me/profile", "/bestaat-niet", "/api/v1/bestaat-niet", "/beroepen/999999999", "/taal/en?terug=/over" })
        {
            var response = await client.GetAsync(url);
            Assert.True((int)response.StatusCode < 500, url + " " + response.StatusCode);
            AssertSecurityHeaders(response, url);
        }
        var signedIn = await app.LoginAsync(Roles.Deelnemer);
        using (app.Faults.Inject(Faults.Mode.Unreachable))
        {
            var down = await signedIn.GetAsync("/api/v1/me/profile");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            AssertSecurityHeaders(down, "503");
        }
    }

    [Fact]
    public async Task No_page_has_inline_script_event_handlers_or_style_attributes()
    {
        var occupation = await app.WithScopeAsync(sp => sp.GetRequiredService<KlimrekDbContext>().ImageRevisions
            .OrderBy(r => r.OccupationId).Select(r => r.OccupationId).FirstAsync());
        var pages = new List<(HttpClient, string)>();
        var anonymous = app.Anonymous();
        foreach (var url in new[] { "/", "/beroepen?q=verpleeg", "/over", $"/beroepen/{occupation}", $"/beroepen/{occupation}/versies",
                     "/account/inloggen", "/account/registreren", "/fout/503" })
            pages.Add((anonymous, url));
        var curator = await app.LoginAsync(Roles.Curator);
        foreach (var section in new[] { "hoofd", "verschuivingen", "verhalen", "ontwikkelingen" })
            pages.Add((curator, $"/beroepen/{occupation}/bewerken/{section}"));
        var deelnemer = await app.LoginAsync(Roles.Deelnemer);
        pages.AddRange(new[] { "/klimrek", "/klimrek/profiel", "/klimrek/beroep-toevoegen?zoek=verpleeg" }.Select(u => (deelnemer, u)));
        var beheerder = await app.LoginAsync(Roles.Beheerder);
        pages.AddRange(new[] { "/beheer/gebruikers", "/beheer/organisaties", "/beheer/arbeidsmarkt" }.Select(u => (beheerder, u)));

        var problems = new List<string>();
        var parser = new HtmlParser();
        foreach (var (client, url) in pages)
        {
            var html = await (await client.GetAsync(url)).Content.ReadAsStringAsync(); // the error page is a 503
            var doc = await parser.ParseDocumentAsync(html);
            problems.AddRange(doc.QuerySelectorAll("script:not([src])").Select(_ => url + ": inline <script>"));
            foreach (var element in doc.All)
                foreach (var attribute in element.Attributes)
                    if (attribute.Name == "style" || attribute.Name.StartsWith("on", StringComparison.Ordinal))
                        problems.Add($"{url}: <{element.LocalName} {attribute.Name}=…>");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Cookies_are_secure_and_hsts_is_sent_on_https_only()
    {
        var https = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://klimrek.example"), AllowAutoRedirect = false });
        var form = await https.GetAsync("/account/inloggen");
        Assert.All(form.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.True(form.Headers.Contains("Strict-Transport-Security"));
        var language = await https.GetAsync("/taal/en?terug=/over");
        Assert.Contains("secure", language.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);

        var http = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://klimrek.example"), AllowAutoRedirect = false });
        var plain = await http.GetAsync("/account/inloggen");
        Assert.All(plain.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));

        // Forwarded headers are off by default: a client claiming https is not believed.
        var fresh = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://klimrek.example"), AllowAutoRedirect = false });
        var claims = await TestClientAddress.From(fresh, "127.0.0.1").SendAsync(Forwarded("/account/inloggen"));
        Assert.False(claims.Headers.Contains("Strict-Transport-Security"));
        Assert.All(claims.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    private static HttpRequestMessage Forwarded(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.51.100.7");
        return request;
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_the_forwarded_https_makes_cookies_secure_and_a_stranger_is_not_believed()
    {
        await using var behindProxy = new OtherInstance(app, new Dictionary<string, string>
        {
            ["ForwardedHeaders:Enabled"] = "true", ["ForwardedHeaders:KnownNetworks:0"] = "10.1.0.0/16",
        });
        var options = new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://klimrek.example"), AllowAutoRedirect = false };
        var viaProxy = await TestClientAddress.From(behindProxy.CreateClient(options), "10.1.2.3").SendAsync(Forwarded("/account/inloggen"));
        Assert.All(viaProxy.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.True(viaProxy.Headers.Contains("Strict-Transport-Security"));

        var stranger = await TestClientAddress.From(behindProxy.CreateClient(options), "203.0.113.9").SendAsync(Forwarded("/account/inloggen"));
        Assert.All(stranger.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.False(stranger.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("/\\evil.com")]
    [InlineData("//evil.com")]
    [InlineData("/\\/evil.com")]
    [InlineData("https://evil.com")]
    [InlineData("\\\\evil.com")]
    [InlineData("evil.com")]
    [InlineData("/%09/evil.com")]
    [InlineData("/%0d%0a/evil.com")]
    [InlineData("/%5Cevil.com")]
    [InlineData("/%C3%A9vil")]
    [InlineData("")]
    public async Task The_language_switch_returns_home_for_anything_but_a_local_path(string evil)
    {
        var response = await app.Anonymous().GetAsync("/taal/nl?terug=" + (evil.Contains('%', StringComparison.Ordinal) ? evil : Uri.EscapeDataString(evil)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_language_switch_returns_to_a_local_page()
    {
        var response = await app.Anonymous().GetAsync("/taal/en?terug=" + Uri.EscapeDataString("/beroepen?q=verpleeg"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/beroepen?q=verpleeg", response.Headers.Location!.OriginalString);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HeadersTestsSqlite(SqliteApp app) : HeadersTests(app);

[Collection(PostgresCollection.Name)]
public sealed class HeadersTestsPostgres(PostgresApp app) : HeadersTests(app);
