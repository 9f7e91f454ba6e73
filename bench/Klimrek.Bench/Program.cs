using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using Npgsql;

// Usage:
//   search <baseUrl> <esco-folder> [n]           p50/p99 of n varied queries through HTTP (sequential, after warm-up)
//   trgm <pg-connection> <esco-folder> [n]       the peer: the same queries as pg_trgm word_similarity over the same labels
//   startup <dll> <dataFolder> <url>             seconds from process start to the first served page
var verb = args.ElementAtOrDefault(0);
switch (verb)
{
    case "search": return await Search(args[1], args[2], int.Parse(args.ElementAtOrDefault(3) ?? "1000"));
    case "trgm": return await Trgm(args[1], args[2], int.Parse(args.ElementAtOrDefault(3) ?? "1000"));
    case "startup": return await Startup(args[1], args[2], args[3]);
    default:
        Console.Error.WriteLine("verbs: search | trgm | startup");
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
                if (ch == '"') { if (reader.Peek() == '"') { sb.Append('"'); reader.Read(); } else quoted = false; }
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
    var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
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
