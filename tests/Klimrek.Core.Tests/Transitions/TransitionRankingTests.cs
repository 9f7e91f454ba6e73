using Klimrek.Core.Transitions;

namespace Klimrek.Core.Tests.Transitions;

/// <summary>
/// The ranking of next steps against a brute-force oracle on small random instances (fits from the model, text cosines
/// and family cosines computed directly from their definitions), and the counsellor's order.
/// </summary>
public sealed class TransitionRankingTests
{
    private static readonly string[] Vocabulary = ["care", "nurse", "patient", "wood", "carpenter", "build", "stairs", "teach", "pupil", "school", "verpleging", "hout", "les"];

    private sealed record Instance(int N, int M, Requirement[] Reqs, string?[] Isco, string?[] En, string?[] Nl);

    private static Instance Random(Random rnd)
    {
        int n = rnd.Next(3, 12), m = rnd.Next(4, 15);
        var reqs = new List<Requirement>();
        for (int o = 0; o < n; o++)
            for (int s = 0; s < m; s++)
                if (rnd.NextDouble() < 0.4) reqs.Add(new Requirement(o, s, rnd.NextDouble() < 0.6));
        string Text() => string.Join(' ', Enumerable.Range(0, rnd.Next(0, 9)).Select(_ => Vocabulary[rnd.Next(Vocabulary.Length)]));
        var isco = Enumerable.Range(0, n).Select(_ => rnd.NextDouble() < 0.1 ? null : $"{rnd.Next(1, 4)}{rnd.Next(1, 3)}{rnd.Next(1, 3)}{rnd.Next(1, 3)}").ToArray();
        return new Instance(n, m, [.. reqs], isco, Enumerable.Range(0, n).Select(_ => (string?)Text()).ToArray(),
            Enumerable.Range(0, n).Select(_ => rnd.NextDouble() < 0.2 ? null : Text()).ToArray());
    }

    /// <summary>TF-IDF cosine straight from the definition (DescriptionIndex's documentation).</summary>
    private static double TextCosine(string?[] texts, int a, int b)
    {
        var words = texts.Select(t => DescriptionIndex.Words(t).GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count())).ToArray();
        Dictionary<string, double> Vector(int d) => words[d].ToDictionary(x => x.Key,
            x => (1 + Math.Log(x.Value)) * Math.Log((double)texts.Length / words.Count(w => w.ContainsKey(x.Key))));
        var (va, vb) = (Vector(a), Vector(b));
        double dot = va.Sum(x => x.Value * vb.GetValueOrDefault(x.Key)), na = Math.Sqrt(va.Values.Sum(v => v * v)), nb = Math.Sqrt(vb.Values.Sum(v => v * v));
        return na == 0 || nb == 0 ? 0 : Math.Clamp(dot / (na * nb), 0, 1);
    }

    /// <summary>Cosine of the unit groups' profiles: sums of their occupations' unit-length IDF requirement vectors.</summary>
    private static double Family(Instance x, int a, int b)
    {
        if (x.Isco[a] is not { } ia || x.Isco[b] is not { } ib) return 0;
        var reqs = x.Reqs.GroupBy(r => (r.Occupation, r.Skill)).Select(g => new Requirement(g.Key.Occupation, g.Key.Skill, g.Any(r => r.Essential))).ToList();
        int withSkills = reqs.Select(r => r.Occupation).Distinct().Count();
        double Idf(int s) => Math.Log(1 + (double)withSkills / reqs.Count(r => r.Skill == s));
        double[] Profile(string unit)
        {
            var p = new double[x.M];
            foreach (var o in Enumerable.Range(0, x.N).Where(o => x.Isco[o] == unit))
            {
                var v = reqs.Where(r => r.Occupation == o).Select(r => (r.Skill, W: (r.Essential ? 1.0 : 0.4) * Idf(r.Skill))).ToList();
                var norm = Math.Sqrt(v.Sum(t => t.W * t.W));
                if (norm > 0) foreach (var (s, w) in v) p[s] += w / norm;
            }
            return p;
        }
        var (pa, pb) = (Profile(ia), Profile(ib));
        double na = Math.Sqrt(pa.Sum(v => v * v)), nb = Math.Sqrt(pb.Sum(v => v * v));
        return na == 0 || nb == 0 ? 0 : Math.Clamp(pa.Zip(pb, (p, q) => p * q).Sum() / (na * nb), 0, 1);
    }

    private static List<(int Target, double Rank)> Oracle(Instance x, TransitionModel model, RankingWeights w, int from, Func<int, bool> include)
    {
        var fit = model.FitFromOccupation(from);
        var candidates = Enumerable.Range(0, x.N).Where(t => t != from && fit[t] > 0 && include(t))
            .OrderByDescending(t => (float)fit[t]).ThenBy(t => t).Take(w.Candidates).ToList();
        return candidates.Select(t =>
        {
            var skills = Math.Sqrt((double)(float)fit[t] * (float)model.FitFromOccupation(t)[from]);
            var rank = w.Skills * skills + w.DescriptionEn * TextCosine(x.En, from, t) + w.DescriptionNl * TextCosine(x.Nl, from, t) + w.Family * Family(x, from, t);
            return (t, rank);
        }).OrderByDescending(c => c.rank).ThenBy(c => c.t).ToList();
    }

    private static void SameRanking(List<(int Target, double Rank)> expected, IReadOnlyList<RankedMove> actual, string context)
    {
        Assert.True(expected.Count == actual.Count, $"{context}: {expected.Count} expected, {actual.Count} ranked");
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(Math.Abs(expected[i].Rank - actual[i].Rank) < 1e-4, $"{context}, place {i}: rank {expected[i].Rank} expected, got {actual[i].Rank}");
            // Equal ranks (within float noise) may come in either order; otherwise the targets must agree.
            if (i + 1 < expected.Count && Math.Abs(expected[i].Rank - expected[i + 1].Rank) < 1e-4) continue;
            if (i > 0 && Math.Abs(expected[i].Rank - expected[i - 1].Rank) < 1e-4) continue;
            Assert.Equal(expected[i].Target, actual[i].Occupation);
        }
    }

    [Fact]
    public void Ranked_lists_equal_a_brute_force_ranking_on_random_instances()
    {
        var rnd = new Random(20261128);
        for (int round = 0; round < 150; round++)
        {
            var x = Random(rnd);
            var model = TransitionModel.Build(x.N, x.M, x.Reqs, degreeOfParallelism: 2);
            var w = new RankingWeights { Candidates = rnd.Next(1, 8), Keep = 100, TextTerms = 0, DescriptionNl = rnd.NextDouble(), Family = rnd.NextDouble() };
            var ranking = TransitionRanking.Build(model, new RankingInputs(x.Isco, x.En, x.Nl), w, 2);
            for (int from = 0; from < x.N; from++)
            {
                SameRanking(Oracle(x, model, w, from, _ => true), ranking.Ranked(from), $"round {round}, from {from}");
                var odd = Oracle(x, model, w, from, t => t % 2 == 1);
                SameRanking(odd, ranking.RankFrom(from, t => t % 2 == 1), $"round {round}, from {from}, odd targets");
                Assert.DoesNotContain(ranking.Ranked(from), m => m.Occupation == from);
            }
        }
    }

    [Fact]
    public void Variants_are_spread_over_the_ranked_list_and_named_as_their_family()
    {
        var rnd = new Random(29);
        for (int round = 0; round < 60; round++)
        {
            var x = Random(rnd);
            // Every occupation the same unit group, labels from two templates and a few loners: families of four or more.
            var isco = Enumerable.Repeat<string?>("2221", x.N).ToArray();
            var labels = Enumerable.Range(0, x.N).Select(i => (string?)(rnd.Next(3) switch
            {
                0 => $"seller in goods {i}",
                1 => $"goods {i} distribution manager",
                _ => $"loner {i}",
            })).ToArray();
            var model = TransitionModel.Build(x.N, x.M, x.Reqs, degreeOfParallelism: 2);
            var w = new RankingWeights { Keep = 100, TextTerms = 0, VariantCap = rnd.Next(1, 4) };
            var plain = TransitionRanking.Build(model, new RankingInputs(isco, x.En, x.Nl), w with { VariantCap = 0 }, 2);
            var ranking = TransitionRanking.Build(model, new RankingInputs(isco, x.En, x.Nl, labels), w, 2);
            var family = OccupationVariants.Families(labels, isco);
            for (int from = 0; from < x.N; from++)
            {
                var expected = OccupationVariants.Spread(plain.Ranked(from), m => family[m.Occupation], w.VariantCap);
                Assert.Equal(expected.Select(m => m.Occupation), ranking.Ranked(from).Select(m => m.Occupation));
                Assert.Equal(family[from], ranking.VariantFamily(from));
                var members = Enumerable.Range(0, x.N).Where(o => o != from && family[o] >= 0 && family[o] == family[from]);
                Assert.Equal(members, ranking.VariantsOf(from));
            }
        }
    }

    [Fact]
    public void Each_signal_lies_in_zero_to_one_and_the_rank_is_their_weighted_sum()
    {
        var rnd = new Random(7);
        var x = Random(rnd);
        var model = TransitionModel.Build(x.N, x.M, x.Reqs);
        var ranking = TransitionRanking.Build(model, new RankingInputs(x.Isco, x.En, x.Nl));
        for (int from = 0; from < x.N; from++)
            foreach (var m in ranking.Ranked(from))
            {
                var s = m.Signals;
                foreach (var v in new double[] { s.Fit, s.Back, s.TextEn, s.TextNl, s.Family, s.Skills }) Assert.InRange(v, 0, 1);
                Assert.Equal(RankingWeights.Default.Score(s), m.Rank, 9);
                var again = ranking.Signals(from, m.Occupation);
                Assert.Equal(s.Fit, again.Fit, 5);
                Assert.Equal(s.Back, again.Back, 5);
                Assert.Equal(s.TextEn, again.TextEn, 5);
                Assert.Equal(s.Family, again.Family, 5);
            }
    }

    [Fact]
    public void Words_are_lower_case_letters_without_stop_words_or_short_ones()
    {
        Assert.Equal(["verpleegkundige", "zorgt", "patiënten", "ziekenhuis", "nurse", "cares"],
            DescriptionIndex.Words("De verpleegkundige zorgt voor patiënten in het ZIEKENHUIS; a nurse cares. 42 x"));
        Assert.Empty(DescriptionIndex.Words(null));
    }

    [Fact]
    public void Identical_texts_are_fully_alike_and_texts_without_a_shared_word_not_at_all()
    {
        var index = DescriptionIndex.Build(["nurse patient care", "nurse patient care", "wood stairs carpenter", null]);
        Assert.Equal(1, index.Similarity(0, 1), 6);
        Assert.Equal(0, index.Similarity(0, 2));
        Assert.Equal(0, index.Similarity(0, 3));
    }

    [Fact]
    public void A_text_keeps_only_its_heaviest_words_when_asked()
    {
        // "rare" occurs once in the corpus, "common" everywhere: with one word kept, only "rare" can carry the text.
        var index = DescriptionIndex.Build(["rare common", "rare other", "common other", "common"], maxTerms: 1);
        Assert.Equal(1, index.Similarity(0, 1), 6); // both keep "rare"
        Assert.Equal(0, index.Similarity(0, 2));
    }

    [Fact]
    public void The_counsellors_order_puts_steps_down_then_long_shots_last_and_a_direction_keeps_only_its_kind()
    {
        var moves = new[] { ("a", "down", 0.9), ("b", "level", 0.8), ("c", "up", 0.1), ("d", "down", 0.5), ("e", (string?)null, 0.3), ("f", "up", 0.6) };
        string? Kind((string, string?, double) m) => m.Item2;
        double Fit((string, string?, double) m) => m.Item3;
        string[] Order(StepDirection d) => CounsellorOrder.Apply(moves, Kind, Fit, d).Select(m => m.Item1).ToArray();
        Assert.Equal(["b", "e", "f", "a", "d", "c"], Order(StepDirection.Any));
        Assert.Equal(["f", "c"], Order(StepDirection.Up));
        Assert.Equal(["b", "e"], Order(StepDirection.Level));
        Assert.Equal(["a", "d"], Order(StepDirection.Down));
    }

    [Fact]
    public void Inputs_of_the_wrong_length_are_refused()
    {
        var model = TransitionModel.Build(2, 2, [new Requirement(0, 0, true), new Requirement(1, 0, true)]);
        Assert.Throws<ArgumentException>(() => TransitionRanking.Build(model, new RankingInputs(["1111"], ["a", "b"], ["a", "b"])));
    }
}
