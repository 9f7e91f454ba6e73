// Build time of Klimrek's transition model on the real ESCO occupation x skill matrix, beside a SciPy peer
// (bench/transitions/scipy_peer.py) that reads the same exported matrix. Run through bench/run-transitions-build.sh.
//
//   export <esco-folder> <out-dir>            URIs to dense indexes; writes requirements/broader/related/groups.tsv
//   build <out-dir> [repeats] [threads]       times TransitionModel.Build (after one warm-up), model memory, sanity line
//   dump <out-dir> <file>                     every occupation's top moves and route neighbours (exact scores), to diff
//                                             two versions of TransitionModel.cs against each other
//   quality <out-dir> <onet-dir> <md> [tune]  recall/precision of the ranking and the IDF-cosine baseline against O*NET
//                                             (bench/run-transitions-quality.sh); "tune" searches the weights first
//   profile <out-dir> [repeats]               where the build's time goes (variants through the public API, and a
//                                             bench-side replica of the precompute loop with per-phase stopwatches)
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using CsvHelper;
using Klimrek.Core.Transitions;
using Klimrek.TransitionsBench;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var verb = args.ElementAtOrDefault(0);
switch (verb)
{
    case "export" when args.Length >= 3:
        return Export(args[1], args[2]);
    case "build" when args.Length >= 2:
        return BuildBench(args[1], Arg(args, 2, 5), Arg(args, 3, Environment.ProcessorCount));
    case "dump" when args.Length >= 3:
        return Dump(args[1], args[2]);
    case "quality" when args.Length >= 4:
        return QualityHarness.Run(args[1], args[2], args[3], args.ElementAtOrDefault(4) == "tune");
    case "profile" when args.Length >= 2:
        return Profiler.Run(Matrix.Read(args[1]), Arg(args, 2, 5));
    default:
        Console.Error.WriteLine("usage: export <esco-folder> <out-dir> | build <out-dir> [repeats] [threads] | dump <out-dir> <file> | profile <out-dir> [repeats] | quality <out-dir> <onet-dir> <results.md> [tune]");
        return 2;
}

static int Arg(string[] args, int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;

static IEnumerable<string[]> Rows(string esco, string file)
{
    using var reader = new StreamReader(new GZipStream(File.OpenRead(Path.Combine(esco, file)), CompressionMode.Decompress));
    using var csv = new CsvParser(reader, CultureInfo.InvariantCulture);
    if (!csv.Read()) yield break; // header
    while (csv.Read()) yield return csv.Record!;
}

static int Export(string esco, string outDir)
{
    var sw = Stopwatch.StartNew();
    // Occupations: occupations_en (conceptUri, column 2). Skills: every skill and skill group, as the app's Skills table
    // has them (skills_en, then skillGroups_en), so "known skill" means the same as in TransitionCache.
    var occIndex = new Dictionary<string, int>();
    // Occupation texts for the ranking, composed as the app composes them (DescriptionIndex.Compose): columns of
    // occupations_*: 1 conceptUri, 2 iscoGroup, 3 preferredLabel, 4 altLabels, 12 description, 13 code.
    var occRows = new List<string[]>();
    foreach (var r in Rows(esco, "en/occupations_en.csv.gz"))
        if (occIndex.TryAdd(r[1], occIndex.Count)) occRows.Add(r);
    var dutch = new Dictionary<string, string>();
    foreach (var r in Rows(esco, "nl/occupations_nl.csv.gz"))
        dutch.TryAdd(r[1], DescriptionIndex.Compose(r[3], r[4].Split('\n', StringSplitOptions.RemoveEmptyEntries), r[12]));
    var skillIndex = new Dictionary<string, int>();
    var groups = new SortedSet<int>();
    int Skill(string uri)
    {
        if (!skillIndex.TryGetValue(uri, out var i)) skillIndex[uri] = i = skillIndex.Count;
        return i;
    }
    foreach (var r in Rows(esco, "en/skills_en.csv.gz")) Skill(r[1]);
    foreach (var r in Rows(esco, "en/skillGroups_en.csv.gz")) groups.Add(Skill(r[1]));

    var requirements = new List<(int Occ, int Skill, bool Essential)>();
    int unknownOcc = 0, unknownSkill = 0;
    foreach (var r in Rows(esco, "relations/occupationSkillRelations.csv.gz"))
    {
        if (!occIndex.TryGetValue(r[0], out var o)) { unknownOcc++; continue; }
        if (!skillIndex.TryGetValue(r[3], out var s)) { unknownSkill++; continue; }
        requirements.Add((o, s, r[1] == "essential"));
    }

    var broader = new List<(int Skill, int Broader)>();
    int broaderSkipped = 0, groupTypeMismatch = 0;
    foreach (var r in Rows(esco, "relations/broaderRelationsSkillPillar.csv.gz"))
    {
        if (!skillIndex.TryGetValue(r[1], out var c) || !skillIndex.TryGetValue(r[3], out var b)) { broaderSkipped++; continue; }
        // broaderType "SkillGroup" must agree with skillGroups_en; count disagreements (expected 0).
        if ((r[2] == "SkillGroup") != groups.Contains(b)) groupTypeMismatch++;
        broader.Add((c, b));
    }

    var related = new List<(int A, int B)>();
    int relatedSkipped = 0;
    foreach (var r in Rows(esco, "relations/skillSkillRelations.csv.gz"))
    {
        if (!skillIndex.TryGetValue(r[0], out var a) || !skillIndex.TryGetValue(r[4], out var b)) { relatedSkipped++; continue; }
        related.Add((a, b));
    }

    Directory.CreateDirectory(outDir);
    static StreamWriter Open(string dir, string name) => new(Path.Combine(dir, name)) { NewLine = "\n" };
    using (var w = Open(outDir, "requirements.tsv"))
    {
        w.WriteLine($"{occIndex.Count}\t{skillIndex.Count}\t{requirements.Count}"); // occupations, skills, lines
        foreach (var (o, s, e) in requirements) w.WriteLine($"{o}\t{s}\t{(e ? 1 : 0)}");
    }
    static string Cell(string s) => s.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
    using (var w = Open(outDir, "occupations.tsv"))
    {
        w.WriteLine(occRows.Count); // then: index, uri, ESCO code, ISCO code, English text, Dutch text, English label
        for (int i = 0; i < occRows.Count; i++)
        {
            var r = occRows[i];
            var en = DescriptionIndex.Compose(r[3], r[4].Split('\n', StringSplitOptions.RemoveEmptyEntries), r[12]);
            w.WriteLine($"{i}\t{r[1]}\t{r[13]}\t{r[2]}\t{Cell(en)}\t{Cell(dutch.GetValueOrDefault(r[1], ""))}\t{Cell(r[3])}");
        }
    }
    using (var w = Open(outDir, "broader.tsv"))
    {
        w.WriteLine(broader.Count);
        foreach (var (s, b) in broader) w.WriteLine($"{s}\t{b}");
    }
    using (var w = Open(outDir, "related.tsv"))
    {
        w.WriteLine(related.Count);
        foreach (var (a, b) in related) w.WriteLine($"{a}\t{b}");
    }
    using (var w = Open(outDir, "groups.tsv"))
    {
        w.WriteLine(groups.Count);
        foreach (var g in groups) w.WriteLine(g);
    }
    Console.WriteLine($"export: {occIndex.Count} occupations, {skillIndex.Count} skills ({groups.Count} skill groups), " +
        $"{requirements.Count} requirements, {broader.Count} broader, {related.Count} related, in {sw.Elapsed.TotalSeconds:F1} s");
    Console.WriteLine($"skipped: {unknownOcc} requirements of an unknown occupation, {unknownSkill} of an unknown skill, " +
        $"{broaderSkipped} broader and {relatedSkipped} related pairs with an unknown end; broaderType/skillGroups disagreements: {groupTypeMismatch}");
    return 0;
}

static int BuildBench(string dir, int repeats, int threads)
{
    var m = Matrix.Read(dir);
    var occ = OccupationRows.Read(dir);
    Console.WriteLine($"matrix: {m.Occupations} occupations x {m.Skills} skills, {m.Requirements.Count} requirements, " +
        $"{m.Broader.Count} broader, {m.Related.Count} related, {m.Groups.Count} skill groups");
    TransitionModel Build() => TransitionModel.Build(m.Occupations, m.Skills, m.Requirements, m.Broader, m.Related, m.Groups,
        TransitionParameters.Default, threads);

    var cold = Stopwatch.StartNew();
    GC.KeepAlive(Build()); // warm-up (JIT, tiering); the app's one build at start-up is such a cold build
    var coldSeconds = cold.Elapsed.TotalSeconds;
    var times = new List<double>(repeats);
    TimeSpan construction = default;
    for (int i = 0; i < repeats; i++)
    {
        var sw = Stopwatch.StartNew();
        var built = Build();
        times.Add(sw.Elapsed.TotalSeconds);
        construction += built.ConstructionTime;
        GC.KeepAlive(built);
    }
    times.Sort();

    var before = GC.GetTotalMemory(true);
    var model = Build();
    var after = GC.GetTotalMemory(true);
    GC.KeepAlive(model);

    Console.WriteLine(FormattableString.Invariant(
        $"klimrek build: threads={threads} repeats={repeats} min={times[0]:F4} median={Median(times):F4}"));
    Console.WriteLine(FormattableString.Invariant(
        $"  of which index construction (mean over the timed builds): {construction.TotalSeconds / repeats:F4} s; first (cold, JIT) build: {coldSeconds:F4} s"));
    Console.WriteLine(FormattableString.Invariant($"klimrek model memory: {(after - before) / 1048576.0:F1} MB"));

    // The ranking (lazy in the app): its indexes on first use, one occupation's list on first request, and, for
    // reference, every list at once.
    GC.KeepAlive(TransitionRanking.Build(model, occ.Inputs, RankingWeights.Default, threads).IndexBuildTime); // warm-up
    var indexTimes = new List<double>(repeats);
    var allTimes = new List<double>(repeats);
    var oneTimes = new List<double>();
    for (int i = 0; i < repeats; i++)
    {
        var ranking = TransitionRanking.Build(model, occ.Inputs, RankingWeights.Default, threads);
        indexTimes.Add(ranking.IndexBuildTime.TotalSeconds);
        for (int o = i; o < m.Occupations; o += 97)
        {
            var sw = Stopwatch.StartNew();
            GC.KeepAlive(ranking.Ranked(o));
            oneTimes.Add(sw.Elapsed.TotalSeconds);
        }
        var all = Stopwatch.StartNew();
        ranking.RankAll(threads);
        allTimes.Add(all.Elapsed.TotalSeconds);
    }
    indexTimes.Sort();
    allTimes.Sort();
    oneTimes.Sort();
    Console.WriteLine(FormattableString.Invariant(
        $"ranking indexes (texts, families): min={indexTimes[0]:F4} median={Median(indexTimes):F4}"));
    Console.WriteLine(FormattableString.Invariant(
        $"ranking one occupation's list on first request: n={oneTimes.Count} median={Median(oneTimes) * 1000:F2} ms p95={oneTimes[(int)(oneTimes.Count * 0.95)] * 1000:F2} ms"));
    Console.WriteLine(FormattableString.Invariant(
        $"ranking every list at once (not done by the app): min={allTimes[0]:F4} median={Median(allTimes):F4}"));
    var sample = TransitionRanking.Build(model, occ.Inputs);
    foreach (var o in new[] { 0, m.Occupations / 3, 2 * m.Occupations / 3 })
        Console.WriteLine($"  sanity ranked top-5 of {o}: " + string.Join(" ",
            sample.Ranked(o).Take(5).Select(x => FormattableString.Invariant($"{x.Occupation}:{x.Rank:F3}"))));
    return 0;
}

static int Dump(string dir, string file)
{
    var m = Matrix.Read(dir);
    var model = TransitionModel.Build(m.Occupations, m.Skills, m.Requirements, m.Broader, m.Related, m.Groups);
    using var w = new StreamWriter(file) { NewLine = "\n" };
    for (int o = 0; o < m.Occupations; o++)
    {
        w.WriteLine($"{o} top " + string.Join(" ", model.TopMoves(o).Select(x => $"{x.Occupation}:{x.Score:R}")));
        w.WriteLine($"{o} route " + string.Join(" ", model.RouteNeighbours(o).Select(x => $"{x.Occupation}:{x.Score:R}")));
    }
    Console.WriteLine($"dumped the moves of {m.Occupations} occupations to {file}");
    return 0;
}

static double Median(List<double> sorted) =>
    sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
