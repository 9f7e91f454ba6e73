using System.Net;
using System.Text;
using System.Text.Json;

namespace Klimrek.Tests;

/// <summary>
/// The one error model (docs/architecture.md): invalid input is a 400 ProblemDetails with field errors on the API and
/// Dutch messages on pages; an unreachable database is 503 ProblemDetails with Retry-After on the API and the Dutch
/// error page on pages; an unexpected failure is 500 the same way — never HTML on the API, never an empty 400, and the
/// error page never runs a form POST a second time.
/// </summary>
public abstract class ErrorModelTests(KlimrekApp app)
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.True("application/problem+json" == response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentType + ": " + await response.Content.ReadAsStringAsync());
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("title").GetString()));
        return json;
    }

    [Fact]
    public async Task Invalid_input_on_the_api_is_a_400_problem_naming_the_field()
    {
        var client = app.Anonymous();
        var json = await ProblemAsync(await client.GetAsync("/api/v1/occupations?q=" + new string('a', 300)), HttpStatusCode.BadRequest);
        Assert.True(json.GetProperty("errors").TryGetProperty("q", out var q) && q.GetArrayLength() > 0);
    }

    [Fact]
    public async Task An_unreachable_database_is_503_on_the_api_and_the_dutch_error_page_on_pages()
    {
        var client = await app.LoginAsync("Deelnemer");
        var loginPage = await client.GetStringAsync("/account/inloggen");
        using (app.Faults.Inject(Faults.Mode.Unreachable))
        {
            var get = await client.GetAsync("/api/v1/me/profile");
            var json = await ProblemAsync(get, HttpStatusCode.ServiceUnavailable);
            Assert.Contains("database", json.GetProperty("title").GetString());
            Assert.NotNull(get.Headers.RetryAfter);

            var put = await client.PutAsync("/api/v1/me/profile",
                new StringContent("""{"format":"klimrek-skills-profile","version":1,"occupations":[],"skills":[]}""", Encoding.UTF8, "application/json"));
            await ProblemAsync(put, HttpStatusCode.ServiceUnavailable);

            var page = await client.GetAsync("/klimrek");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Contains("Even niet beschikbaar", await page.Content.ReadAsStringAsync());

            // A form POST that fails is shown the error page as a GET: not re-run there, so no antiforgery 400.
            var post = await PostWithTokenAsync(client, "/account/inloggen", loginPage,
                new() { ["Email"] = "iemand@example.org", ["Password"] = "een wachtwoord van lengte" });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
            var html = await post.Content.ReadAsStringAsync();
            Assert.Contains("Er is niets opgeslagen", html);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me/profile")).StatusCode);
    }

    [Fact]
    public async Task An_unexpected_failure_is_500_problem_details_on_the_api_and_the_dutch_error_page_on_pages()
    {
        var client = await app.LoginAsync("Deelnemer");
        var loginPage = await client.GetStringAsync("/account/inloggen");
        using (app.Faults.Inject(Faults.Mode.Defect))
        {
            var json = await ProblemAsync(await client.GetAsync("/api/v1/me/profile"), HttpStatusCode.InternalServerError);
            Assert.DoesNotContain("injected", json.GetRawText()); // no internals leak to the client

            var post = await PostWithTokenAsync(client, "/account/inloggen", loginPage,
                new() { ["Email"] = "iemand@example.org", ["Password"] = "een wachtwoord van lengte" });
            Assert.Equal(HttpStatusCode.InternalServerError, post.StatusCode);
            Assert.Contains("Er ging iets mis", await post.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Unknown_api_routes_are_problem_details_not_html()
    {
        var client = app.Anonymous();
        await ProblemAsync(await client.GetAsync("/api/v1/bestaat-niet"), HttpStatusCode.NotFound);
        await ProblemAsync(await client.GetAsync("/api/v1/me/profile"), HttpStatusCode.Unauthorized);
    }

    private static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string url, string formPage, Dictionary<string, string> fields)
    {
        var token = System.Text.RegularExpressions.Regex.Match(formPage, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(token.Success);
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(url, new FormUrlEncodedContent(all));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ErrorModelTestsSqlite(SqliteApp app) : ErrorModelTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ErrorModelTestsPostgres(PostgresApp app) : ErrorModelTests(app);
