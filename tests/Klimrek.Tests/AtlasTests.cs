using Klimrek.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Klimrek.Tests;

/// <summary>Search, occupation pages and the occupation API, run against both databases.</summary>
public abstract class AtlasTests(KlimrekApp app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await app.Anonymous().GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }

    private async Task<int> OccupationIdAsync(string englishLabel) => await app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<KlimrekDbContext>();
        return await db.OccupationTexts.Where(t => t.Language == "en" && t.PreferredLabel == englishLabel).Select(t => t.OccupationId).SingleAsync();
    });

    [Theory]
    [InlineData("verpleegkundig")]
    [InlineData("verpleegkundige")]
    [InlineData("verplegkundige")]
    [InlineData("VERPLEEGKUNDIGE")]
    [InlineData("nurse")]
    public async Task Search_finds_nurse_occupations_despite_case_prefix_and_typos(string q)
    {
        var body = await GetJsonAsync($"/api/v1/occupations?q={Uri.EscapeDataString(q)}");
        Assert.True(body.GetProperty("total").GetInt32() > 0);
        var top = body.GetProperty("items").EnumerateArray().Take(5).ToList();
        Assert.NotEmpty(top);
        Assert.All(top, item =>
        {
            var text = (item.GetProperty("label").GetString() + " " + item.GetProperty("matchedLabel").GetString()).ToLowerInvariant();
            Assert.True(text.Contains("verpleeg") || text.Contains("nurs"), $"unexpected hit '{text}' for '{q}'");
        });
    }

    [Fact]
    public async Task Search_is_accent_insensitive()
    {
        var plain = await GetJsonAsync("/api/v1/occupations?q=inspicient");
        var accented = await GetJsonAsync("/api/v1/occupations?q=inspici%C3%ABnt");
        Assert.True(plain.GetProperty("total").GetInt32() > 0);
        Assert.Equal(plain.GetProperty("items")[0].GetProperty("id").GetInt32(), accented.GetProperty("items")[0].GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Search_pages_are_disjoint_and_total_is_stable()
    {
        var p1 = await GetJsonAsync("/api/v1/occupations?q=medewerker&page=1&pageSize=10");
        var p2 = await GetJsonAsync("/api/v1/occupations?q=medewerker&page=2&pageSize=10");
        Assert.Equal(p1.GetProperty("total").GetInt32(), p2.GetProperty("total").GetInt32());
        Assert.True(p1.GetProperty("total").GetInt32() > 20);
        var ids1 = p1.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToHashSet();
        var ids2 = p2.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToHashSet();
        Assert.Equal(10, ids1.Count);
        Assert.Equal(10, ids2.Count);
        Assert.Empty(ids1.Intersect(ids2));
    }

    [Fact]
    public async Task Empty_query_lists_all_occupations_alphabetically()
    {
        var body = await GetJsonAsync("/api/v1/occupations?pageSize=5");
        Assert.Equal(3007, body.GetProperty("total").GetInt32());
        var labels = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("label").GetString()!).ToList();
        Assert.Equal(labels.Order(StringComparer.Create(new System.Globalization.CultureInfo("nl-NL"), true)).ToList(), labels);
    }

    [Fact]
    public async Task A_dutch_word_finds_the_compounds_that_end_in_it()
    {
        // The README's example, on the shipped data: "ambulanceverpleegkundige" and "dierenverpleegkundige" are preferred
        // labels, "kraamverpleegkundige" an alternative label of "kraamverzorgende".
        var body = await GetJsonAsync("/api/v1/occupations?q=verpleegkundige&pageSize=100");
        var labels = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("label").GetString()).ToList();
        Assert.Contains("ambulanceverpleegkundige", labels);
        Assert.Contains("dierenverpleegkundige", labels);
        var kraam = await GetJsonAsync("/api/v1/occupations?q=kraamverpleegkundige&pageSize=5");
        Assert.Contains(kraam.GetProperty("items").EnumerateArray(), i => i.GetProperty("label").GetString() == "kraamverzorgende");
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("'; DROP TABLE \"Occupations\"; --")]
    [InlineData("%%%___***")]
    [InlineData("😀 \u0001 ​")]
    public async Task Odd_queries_are_answered_safely(string q)
    {
        var body = await GetJsonAsync($"/api/v1/occupations?q={Uri.EscapeDataString(q)}&pageSize=100");
        var total = body.GetProperty("total").GetInt32();
        Assert.Equal(Math.Min(total, 100), body.GetProperty("items").GetArrayLength());
        if (!q.Any(char.IsLetterOrDigit)) Assert.Equal(0, total);
        var page = await app.Anonymous().GetStringAsync($"/beroepen?q={Uri.EscapeDataString(q)}");
        Assert.DoesNotContain("<script>alert(1)</script>", page);
        var after = await GetJsonAsync("/api/v1/occupations?pageSize=1");
        Assert.Equal(3007, after.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Too_long_query_is_a_validation_problem_in_the_api_and_a_dutch_message_in_the_ui()
    {
        var q = new string('a', 201);
        var response = await app.Anonymous().GetAsync($"/api/v1/occupations?q={q}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _));

        var page = await app.Anonymous().GetStringAsync($"/beroepen?q={q}");
        Assert.Contains("te lang", page);
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("pageSize=1000")]
    [InlineData("lang=fr")]
    public async Task Bad_paging_parameters_are_problems(string query)
    {
        var response = await app.Anonymous().GetAsync($"/api/v1/occupations?q=kok&{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Occupation_is_found_by_id_uri_and_uuid_with_skills_and_isco_group()
    {
        var id = await OccupationIdAsync("nurse responsible for general care");
        var byId = await GetJsonAsync($"/api/v1/occupations/{id}");
        var uri = byId.GetProperty("uri").GetString()!;
        var uuid = byId.GetProperty("uuid").GetString()!;
        var byUri = await GetJsonAsync($"/api/v1/occupations/{Uri.EscapeDataString(uri)}");
        var byUuid = await GetJsonAsync($"/api/v1/occupations/{uuid}");
        Assert.Equal(id, byUri.GetProperty("id").GetInt32());
        Assert.Equal(id, byUuid.GetProperty("id").GetInt32());
        Assert.Equal("2221", byId.GetProperty("iscoGroup").GetProperty("code").GetString());
        var essential = byId.GetProperty("essentialSkills").EnumerateArray().ToList();
        Assert.NotEmpty(essential);
        Assert.All(essential, s => Assert.StartsWith("http://data.europa.eu/esco/skill/", s.GetProperty("uri").GetString()));
        Assert.Contains(essential, s => s.GetProperty("aspect").GetString() == "hoofd");
        Assert.Contains(essential, s => s.GetProperty("aspect").GetString() == "handen");
        Assert.False(string.IsNullOrEmpty(byId.GetProperty("description").GetProperty("nl").GetString()));

        // Same numbers as the database holds for this occupation.
        var (essentialCount, optionalCount) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<KlimrekDbContext>();
            return (await db.OccupationSkills.CountAsync(r => r.OccupationId == id && r.IsEssential),
                await db.OccupationSkills.CountAsync(r => r.OccupationId == id && !r.IsEssential));
        });
        Assert.Equal(essentialCount, essential.Count);
        Assert.Equal(optionalCount, byId.GetProperty("optionalSkills").GetArrayLength());
    }

    [Theory]
    [InlineData("999999999")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("not-an-id")]
    public async Task Unknown_occupation_is_404_problem(string id)
    {
        var response = await app.Anonymous().GetAsync($"/api/v1/occupations/{id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var page = await app.Anonymous().GetAsync($"/beroepen/{id}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Niet gevonden", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Occupation_page_shows_the_figure_with_text_equivalent_and_dutch_description()
    {
        var id = await OccupationIdAsync("nurse responsible for general care");
        var html = await app.Anonymous().GetStringAsync($"/beroepen/{id}");
        Assert.Contains("<svg", html);
        Assert.Contains("role=\"img\"", html);
        Assert.Contains("Tekstversie van de figuur", html);
        foreach (var aspect in new[] { "Hoofd", "Handen", "Hart", "Mond", "Buik", "Voeten", "Omgeving" })
            Assert.Contains(aspect, html);
        Assert.Contains("Essentieel volgens ESCO", html);
        Assert.Contains("ISCO-beroepsgroep", html);
        Assert.Contains("lang=\"nl\"", html);
    }

    [Fact]
    public async Task English_ui_is_available()
    {
        var client = app.Anonymous();
        var set = await client.GetAsync("/taal/en?terug=/over");
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var html = await client.GetStringAsync("/over");
        Assert.Contains("lang=\"en\"", html);
        Assert.Contains("About Klimrek", html);
    }

    [Fact]
    public async Task About_page_credits_esco()
    {
        var html = await app.Anonymous().GetStringAsync("/over");
        Assert.Contains("ESCO", html);
        Assert.Contains("Europese Commissie", html);
        Assert.Contains("2011/833/EU", html);
    }

    [Fact]
    public async Task OpenApi_document_describes_the_occupation_endpoints()
    {
        var doc = await GetJsonAsync("/api/v1/openapi.json");
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/occupations", out _) || paths.TryGetProperty("/api/v1/occupations/", out _));
        Assert.True(paths.TryGetProperty("/api/v1/occupations/{id}", out _));
    }

    [Fact]
    public async Task Unknown_api_route_is_a_problem()
    {
        var response = await app.Anonymous().GetAsync("/api/v1/bestaat-niet");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AtlasTestsSqlite(SqliteApp app) : AtlasTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AtlasTestsPostgres(PostgresApp app) : AtlasTests(app);
