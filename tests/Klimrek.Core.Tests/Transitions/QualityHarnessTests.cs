using Klimrek.Core.Transitions.Quality;

namespace Klimrek.Core.Tests.Transitions;

/// <summary>
/// The transition-quality harness on a small hand-made reference whose answers are known, and the rule that the
/// reference (O*NET) is never an input of the model.
/// </summary>
public sealed class QualityHarnessTests
{
    // ESCO a → O*NET X; b, c → Y; d → Z; e → X and W. O*NET: X relates to Y (Primary-Short) and Z (Primary-Long);
    // W relates to X (Supplemental).
    private static readonly (string, string)[] Crosswalk = [("a", "X"), ("b", "Y"), ("c", "Y"), ("d", "Z"), ("e", "X"), ("e", "W")];
    private static readonly (string, string, string)[] Related = [("X", "Y", "Primary-Short"), ("X", "Z", "Primary-Long"), ("W", "X", "Supplemental")];

    private static ExternalReference Reference(params string[] tiers) => ExternalReference.Build(Crosswalk, Related, tiers.ToHashSet());

    [Fact]
    public void Reference_neighbours_follow_the_crosswalk_and_the_chosen_tiers()
    {
        var shortTier = Reference("Primary-Short");
        Assert.Equal(["b", "c"], shortTier.Neighbours["a"].Order());
        Assert.Equal(["b", "c"], shortTier.Neighbours["e"].Order()); // through X; W's Supplemental relation is not chosen
        Assert.False(shortTier.Neighbours.ContainsKey("b")); // Y relates to nothing
        Assert.Equal(["Y"], shortTier.RelatedOnet["a"]);

        var both = Reference("Primary-Short", "Primary-Long");
        Assert.Equal(["b", "c", "d"], both.Neighbours["a"].Order());
        var all = Reference("Primary-Short", "Primary-Long", "Supplemental");
        Assert.Equal(["a", "b", "c", "d"], all.Neighbours["e"].Order()); // W → X brings a; e itself is never its own neighbour
    }

    [Fact]
    public void Recall_precision_and_onet_recall_count_the_hits_in_the_first_k()
    {
        var reference = Reference("Primary-Short");
        string[] Lists(string origin) => origin switch { "a" => ["b", "d", "c"], "e" => ["d", "a", "e"], _ => [] };
        var at2 = QualityMeasure.At(2, reference, ["a", "e", "b"], Lists);
        Assert.Equal(2, at2.Origins); // b has no reference neighbours: skipped
        // a: 1 hit (b) of min(2, 2) → 0.5; e: 0 hits → 0.
        Assert.Equal(0.25, at2.Recall, 9);
        Assert.Equal(0.25, at2.FullRecall, 9);
        Assert.Equal(0.25, at2.Precision, 9);
        Assert.Equal(0.5, at2.OnetRecall, 9); // a reaches Y through b; e reaches none of {Y}
        var at3 = QualityMeasure.At(3, reference, ["a"], Lists);
        Assert.Equal(1.0, at3.Recall, 9); // 2 hits of min(3, 2)
        Assert.Equal(2.0 / 3, at3.Precision, 9);
    }

    [Fact]
    public void The_split_is_fixed_and_about_half()
    {
        var uris = Enumerable.Range(0, 2000).Select(i => $"http://data.europa.eu/esco/occupation/{i}").ToList();
        var held = uris.Count(ExternalReference.IsHeldOut);
        Assert.InRange(held, 900, 1100);
        // Known values, so that a change of the rule cannot pass unnoticed: the SHA-256 of "a" starts with 0xca (even:
        // tuning), of "e" with 0x3f (odd: held out); the general nurse's URI with 0x60 (tuning).
        Assert.False(ExternalReference.IsHeldOut("a"));
        Assert.True(ExternalReference.IsHeldOut("e"));
        Assert.False(ExternalReference.IsHeldOut("http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50"));
    }

    [Fact]
    public void Nothing_the_app_runs_reads_the_external_reference()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Klimrek.slnx"))) root = root.Parent;
        Assert.NotNull(root);
        string[] names = ["related_occupations", "esco_to_onet", "onet-29.1", "onet_soc"];
        var offending = Directory.EnumerateFiles(Path.Combine(root.FullName, "src"), "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Path.GetExtension(f) is ".cs" or ".cshtml" or ".json" or ".csproj")
            .Where(f => !f.Contains($"Transitions{Path.DirectorySeparatorChar}Quality{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) // the harness's own reader of it
            .Where(f => names.Any(n => File.ReadAllText(f).Contains(n, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        Assert.True(offending.Count == 0, "The O*NET reference is named in: " + string.Join(", ", offending));
        // The shipped data the app imports holds no O*NET file.
        var data = Path.Combine(root.FullName, "data");
        Assert.DoesNotContain(Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories), f => names.Any(n => f.Contains(n, StringComparison.OrdinalIgnoreCase)));
        // And the ranking's inputs have no place for it: occupations' ISCO codes, texts and labels only.
        Assert.Equal(["IscoCodes", "TextsEn", "TextsNl", "LabelsEn"], typeof(Klimrek.Core.Transitions.RankingInputs).GetConstructors()[0].GetParameters().Select(p => p.Name!));
    }
}
