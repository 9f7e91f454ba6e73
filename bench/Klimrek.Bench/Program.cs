using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using Npgsql;

// Usage:
//   search <baseUrl> <esco-folder> [n]           p50/p99 of n varied queries through HTTP (sequential, after warm-up)
//   trgm <pg-connection> <esco-folder> [n]       the peer: the same queries as pg_trgm word_similarity over the same labels
//   startup <dll> <dataFolder> <url>             seconds from process start to the first served page
//   transitions <baseUrl> [n]                    p50/p99 of top-20 transitions (occupation, 60-skill profile) and path queries
//   samenleren <baseUrl> <email> <password> <programmeId> [runs]   end-to-end matching of a programme through HTTP
var verb = args.ElementAtOrDefault(0);
switch (verb)
{
    case "search": return await Search(args[1], args[2], int.Parse(args.ElementAtOrDefault(3) ?? "1000"));
    case "trgm": return await Trgm(args[1], args[2], int.Parse(args.ElementAtOrDefault(3) ?? "1000"));
    case "startup": return await Startup(args[1], args[2], args[3]);
    case "transitions": return await TransitionsHttp(args[1], int.Parse(args.ElementAtOrDefault(2) ?? "1000"));
    case "samenleren": return await SamenLerenMatching(args[1], args[2], args[3], int.Parse(args[4]), int.Parse(args.ElementAtOrDefault(5) ?? "5"));
    default:
        Console.Error.WriteLine("verbs: search | trgm | startup | transitions | samenleren");
        return 2;
}

static List<string> Labels(string esco)
{
    var labels = new List<string>();
    foreach (var file in new[] { "nl/occupations_nl.csv.gz", "en/occupations_en.csv.gz" })
    {
        using var gz = new GZipStream(File.OpenRead(Path.Combine(esco, file)), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        // Minimal CSV field reader (quoted fields with newlines), enough for the preferredLabel column (index 3).
        var fields = new List<string>();
        var sb = new StringBuilder();
        bool quoted = false, header = true;
        int c;
        while ((c = reader.Read()) != -1)
        {
            char ch = (char)c;
            if (quoted)
            {
                if (ch == '"') { if (reader.Peek() == '"') { sb.Append('"'); _ = reader.Read(); } else quoted = false; }
                else sb.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else if (ch == '\n')
            {
                fields.Add(sb.ToString()); sb.Clear();
                if (!header && fields.Count > 3) labels.Add(fields[3]);
                header = false;
                fields.Clear();
            }
            else if (ch != '\r') sb.Append(ch);
        }
    }
    return labels;
}

/// <summary>1,000 varied queries: whole labels, prefixes of a word, one-typo words, two-word queries; fixed seed.</summary>
static List<string> Queries(string esco, int n)
{
    var labels = Labels(esco);
    var r = new Random(42);
    var queries = new List<string>(n);
    while (queries.Count < n)
    {
        var label = labels[r.Next(labels.Count)];
        var words = label.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var word = words[r.Next(words.Length)];
        switch (queries.Count % 4)
        {
            case 0: queries.Add(label); break;
            case 1: queries.Add(word[..Math.Max(1, Math.Min(word.Length, 3 + r.Next(5)))]); break;
            case 2:
                if (word.Length > 4) { int i = 1 + r.Next(word.Length - 2); word = word.Remove(i, 1).Insert(i, "e"); }
                queries.Add(word);
                break;
            default: queries.Add(words.Length > 1 ? words[0] + " " + words[^1][..Math.Min(words[^1].Length, 4)] : word); break;
        }
    }
    return queries;
}

static void Report(string name, List<double> ms)
{
    ms.Sort();
    double P(double p) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(p * ms.Count) - 1)];
    Console.WriteLine($"{name}: n={ms.Count} p50={P(0.50):F2} ms p90={P(0.90):F2} ms p99={P(0.99):F2} ms max={ms[^1]:F2} ms");
}

static async Task<int> Search(string baseUrl, string esco, int n)
{
    var queries = Queries(esco, n);
    using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
    foreach (var q in queries.Take(50)) await http.GetStringAsync("/api/v1/occupations?q=" + WebUtility.UrlEncode(q));
    var times = new List<double>();
    long hits = 0;
    foreach (var q in queries)
    {
        var sw = Stopwatch.StartNew();
        var body = await http.GetStringAsync("/api/v1/occupations?q=" + WebUtility.UrlEncode(q));
        times.Add(sw.Elapsed.TotalMilliseconds);
        if (!body.Contains("\"total\":0,")) hits++;
    }
    Report("klimrek http search", times);
    Console.WriteLine($"queries with at least one hit: {hits}/{queries.Count}");
    return 0;
}

static async Task<int> TransitionsHttp(string baseUrl, int n)
{
    var cookies = new CookieContainer();
    using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
    // Occupation ids from the alphabetical list.
    var ids = new List<int>();
    for (int page = 1; ids.Count < 3100; page++)
    {
        var doc = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync($"/api/v1/occupations?page={page}&pageSize=100"));
        var items = doc.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
        if (items.Count == 0) break;
        ids.AddRange(items);
    }
    var rnd = new Random(42);
    var sample = Enumerable.Range(0, n).Select(_ => ids[rnd.Next(ids.Count)]).ToList();
    foreach (var id in sample.Take(50)) await http.GetStringAsync($"/api/v1/occupations/{id}/transitions?limit=20");
    var times = new List<double>();
    foreach (var id in sample)
    {
        var sw = Stopwatch.StartNew();
        await http.GetStringAsync($"/api/v1/occupations/{id}/transitions?limit=20");
        times.Add(sw.Elapsed.TotalMilliseconds);
    }
    Report("top-20 transitions from an occupation", times);

    // A signed-in person with a 60-skill profile (the essential skills of a few occupations).
    var email = $"bench{Guid.NewGuid():N}@example.org";
    var form = await http.GetStringAsync("/account/registreren");
    var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    var reg = await http.PostAsync("/account/registreren", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["DisplayName"] = "Bench", ["Email"] = email, ["Password"] = "bench wachtwoord 123", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
    }));
    if (reg.StatusCode != HttpStatusCode.Redirect) { Console.Error.WriteLine("registration failed: " + reg.StatusCode); return 1; }
    // Registering answers "check your mail"; an unverified account may sign in.
    var loginForm = await http.GetStringAsync("/account/inloggen");
    var loginToken = System.Text.RegularExpressions.Regex.Match(loginForm, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    var login = await http.PostAsync("/account/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["Email"] = email, ["Password"] = "bench wachtwoord 123", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(loginToken),
    }));
    if (login.StatusCode != HttpStatusCode.Redirect) { Console.Error.WriteLine("sign-in failed: " + login.StatusCode); return 1; }
    var skills = new List<string>();
    foreach (var id in ids.OrderBy(_ => rnd.Next()))
    {
        var occ = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync($"/api/v1/occupations/{id}"));
        foreach (var s in occ.RootElement.GetProperty("essentialSkills").EnumerateArray())
            if (skills.Count < 60 && !skills.Contains(s.GetProperty("uri").GetString()!)) skills.Add(s.GetProperty("uri").GetString()!);
        if (skills.Count >= 60) break;
    }
    var profile = System.Text.Json.JsonSerializer.Serialize(new
    {
        format = "klimrek-skills-profile", version = 1, taxonomy = "ESCO v1.1.1", occupations = Array.Empty<object>(),
        skills = skills.Select(u => new { uri = u, evidence = "werkervaring", validation = "middel" }),
    });
    var put = await http.PutAsync("/api/v1/me/profile", new StringContent(profile, Encoding.UTF8, "application/json"));
    if (!put.IsSuccessStatusCode) { Console.Error.WriteLine("profile import failed: " + await put.Content.ReadAsStringAsync()); return 1; }
    for (int i = 0; i < 50; i++) await http.GetStringAsync("/api/v1/me/transitions?limit=20");
    times.Clear();
    for (int i = 0; i < n; i++)
    {
        var sw = Stopwatch.StartNew();
        await http.GetStringAsync("/api/v1/me/transitions?limit=20");
        times.Add(sw.Elapsed.TotalMilliseconds);
    }
    Report($"top-20 transitions for a {skills.Count}-skill profile", times);

    times.Clear();
    int found = 0;
    var pairs = Enumerable.Range(0, n).Select(_ => (ids[rnd.Next(ids.Count)], ids[rnd.Next(ids.Count)])).ToList();
    foreach (var (a, b) in pairs.Take(50)) await http.GetStringAsync($"/api/v1/paths?from={a}&to={b}");
    foreach (var (a, b) in pairs)
    {
        var sw = Stopwatch.StartNew();
        var body = await http.GetStringAsync($"/api/v1/paths?from={a}&to={b}");
        times.Add(sw.Elapsed.TotalMilliseconds);
        if (body.Contains("\"found\":true")) found++;
    }
    Report("path query between random occupations", times);
    Console.WriteLine($"paths found: {found}/{n} (the rest: an explained 'no sensible route')");
    return 0;
}

static async Task<int> Trgm(string cs, string esco, int n)
{
    var queries = Queries(esco, n);
    await using var conn = new NpgsqlConnection(cs);
    await conn.OpenAsync();
    async Task Exec(string sql) { await using var c = new NpgsqlCommand(sql, conn); await c.ExecuteNonQueryAsync(); }
    await Exec("CREATE EXTENSION IF NOT EXISTS pg_trgm");
    await Exec("""DROP TABLE IF EXISTS trgm_labels; CREATE TABLE trgm_labels AS SELECT "OccupationId" AS id, lower(label) AS label FROM (SELECT "OccupationId", "PreferredLabel" AS label FROM "OccupationTexts" UNION ALL SELECT "OccupationId", unnest(string_to_array("AltLabels", E'\n')) FROM "OccupationTexts") x""");
    await Exec("CREATE INDEX ON trgm_labels USING gin (label gin_trgm_ops)");
    await Exec("ANALYZE trgm_labels");
    var times = new List<double>();
    long hits = 0;
    foreach (var q in queries.Take(50).Concat(queries).Select((q, i) => (q, i)))
    {
        var sw = Stopwatch.StartNew();
        await using var cmd = new NpgsqlCommand("""
            SELECT id, max(word_similarity(@q, label)) AS s FROM trgm_labels WHERE @q <% label
            GROUP BY id ORDER BY s DESC LIMIT 20
            """, conn);
        cmd.Parameters.AddWithValue("q", q.q.ToLowerInvariant());
        int rows = 0;
        await using (var r = await cmd.ExecuteReaderAsync()) while (await r.ReadAsync()) rows++;
        if (q.i >= 50) { times.Add(sw.Elapsed.TotalMilliseconds); if (rows > 0) hits++; }
    }
    Report("postgres pg_trgm (in-database, no HTTP)", times);
    Console.WriteLine($"queries with at least one hit: {hits}/{queries.Count}");
    return 0;
}

static async Task<int> Startup(string dll, string dataFolder, string url)
{
    var sw = Stopwatch.StartNew();
    var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
    psi.ArgumentList.Add(dll);
    psi.ArgumentList.Add("--urls");
    psi.ArgumentList.Add(url);
    psi.Environment["Klimrek__DataFolder"] = dataFolder;
    using var p = Process.Start(psi)!;
    _ = p.StandardOutput.ReadToEndAsync();
    _ = p.StandardError.ReadToEndAsync();
    using var http = new HttpClient();
    while (sw.Elapsed < TimeSpan.FromMinutes(2))
    {
        try
        {
            var r = await http.GetAsync(url + "/");
            if (r.IsSuccessStatusCode) break;
        }
        catch (HttpRequestException) { }
        await Task.Delay(20);
    }
    var firstPage = sw.Elapsed;
    // The search index is built in the background once the server listens: time the first search result too.
    while (sw.Elapsed < TimeSpan.FromMinutes(2))
    {
        var r = await http.GetAsync(url + "/api/v1/occupations?q=verpleegkundige");
        if (r.IsSuccessStatusCode) break;
        await Task.Delay(20);
    }
    Console.WriteLine($"start to first served page: {firstPage.TotalSeconds:F2} s; to first search result: {sw.Elapsed.TotalSeconds:F2} s");
    p.Kill(true);
    await p.WaitForExitAsync();
    return 0;
}


// Signs in as the steering group and runs the programme's matching (POST /matching) a few times: wall time per run
// (request to response: loading intakes, scoring, optimal matching, storing the duos) and the server's own figure.
static async Task<int> SamenLerenMatching(string baseUrl, string email, string password, int programme, int runs)
{
    var cookies = new CookieContainer();
    using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(10) };
    var form = await http.GetStringAsync("/account/inloggen");
    var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    var login = await http.PostAsync("/account/inloggen", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
    }));
    if (login.StatusCode != HttpStatusCode.Redirect) { Console.Error.WriteLine("login failed: " + login.StatusCode); return 1; }
    var wall = new List<double>();
    for (int i = 0; i < runs; i++)
    {
        var sw = Stopwatch.StartNew();
        var response = await http.PostAsync($"/api/v1/programmes/{programme}/matching", null);
        var body = await response.Content.ReadAsStringAsync();
        wall.Add(sw.Elapsed.TotalSeconds);
        if (!response.IsSuccessStatusCode) { Console.Error.WriteLine(body); return 1; }
        var doc = System.Text.Json.JsonDocument.Parse(body).RootElement;
        Console.WriteLine($"run {i + 1}: {sw.Elapsed.TotalSeconds:F2} s wall; server {doc.GetProperty("milliseconds").GetInt64()} ms; {doc.GetProperty("participants").GetInt32()} participants, " +
            $"{doc.GetProperty("groups").GetInt32()} groups, {doc.GetProperty("unmatched").GetInt32()} unmatched, total fit {doc.GetProperty("totalScore").GetDouble():F1}, " +
            $"{doc.GetProperty("candidateEdges").GetInt32()} candidate pairs, {doc.GetProperty("pricingRounds").GetInt32()} pricing rounds");
    }
    double first = wall[0];
    wall.Sort();
    Console.WriteLine($"end-to-end matching: first run {first:F2} s; min {wall.Min():F2} s, median {wall[wall.Count / 2]:F2} s, max {wall.Max():F2} s over {runs} runs");
    return 0;
}
