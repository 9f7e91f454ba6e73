namespace Klimrek.Core.Transitions;

/// <summary>
/// ESCO writes some work as one template for many kinds of goods or subjects: "import export specialist in …" (35
/// occupations), "specialised seller in …", "… shop manager", "… distribution manager", "… teacher secondary school".
/// Such occupations are <em>variants</em> of each other: the same work for other goods. From one of them the nearest
/// moves are mostly its variants (all twenty for an import export specialist), which a counsellor would name two or
/// three of before the moves that are really different. This finds the families and spreads a ranked list in rounds:
/// at most a few of each family per round, so the other candidates come first (docs/transitions.md, "Variants").
/// </summary>
public static class OccupationVariants
{
    /// <summary>Fewest occupations that make a family: two or three alike labels are coincidence more than template.</summary>
    public const int MinFamilySize = 4;

    /// <summary>How many of one family a ranked list shows before the other candidates.</summary>
    public const int DefaultCap = 3;

    /// <summary>
    /// The template a label follows within its ISCO unit group, or null: the words before " in ", " of " or " for "
    /// ("import export specialist in beverages" → "import export specialist"); otherwise, for three words or more,
    /// the last two ("tobacco products distribution manager" → "distribution manager").
    /// </summary>
    public static string? TemplateOf(string? englishLabel, string? isco)
    {
        if (string.IsNullOrWhiteSpace(englishLabel) || isco is not { Length: >= 4 }) return null;
        var label = string.Join(' ', englishLabel.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var words = label.Split(' ');
        // The first " in ", " of " or " for " with words on both sides.
        for (int i = 1; i < words.Length - 1; i++)
            if (words[i] is "in" or "of" or "for") return isco[..4] + "|" + string.Join(' ', words[..i]);
        return words.Length >= 3 ? isco[..4] + "|…" + words[^2] + " " + words[^1] : null;
    }

    /// <summary>
    /// Per occupation (index = occupation) its family number, or -1 when it has none: occupations in one ISCO unit
    /// group whose English labels follow one template, at least <paramref name="minSize"/> of them. Numbered in order
    /// of each family's first occupation.
    /// </summary>
    public static int[] Families(IReadOnlyList<string?> englishLabels, IReadOnlyList<string?> isco, int minSize = MinFamilySize)
    {
        if (englishLabels.Count != isco.Count) throw new ArgumentException("One label and one ISCO code per occupation.", nameof(isco));
        var templates = new string?[englishLabels.Count];
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < templates.Length; i++)
            if ((templates[i] = TemplateOf(englishLabels[i], isco[i])) is { } t)
                sizes[t] = sizes.GetValueOrDefault(t) + 1;
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var family = new int[templates.Length];
        for (int i = 0; i < family.Length; i++)
            family[i] = templates[i] is { } t && sizes[t] >= minSize
                ? numbers.TryGetValue(t, out var n) ? n : numbers[t] = numbers.Count
                : -1;
        return family;
    }

    /// <summary>
    /// <paramref name="ranked"/> in rounds: the first round holds every item without a family and at most
    /// <paramref name="cap"/> of each family; the next round the family's next <paramref name="cap"/>, and so on; within a
    /// round the ranked order. A permutation: nothing is dropped. A cap of 0 or less leaves the order as it is.
    /// </summary>
    public static List<T> Spread<T>(IReadOnlyList<T> ranked, Func<T, int> familyOf, int cap) =>
        [.. Rounds(ranked, familyOf, cap).SelectMany(r => r)];

    /// <summary>The rounds of <see cref="Spread"/>, each in the ranked order (one round when the cap is 0 or less).</summary>
    public static List<List<T>> Rounds<T>(IReadOnlyList<T> ranked, Func<T, int> familyOf, int cap)
    {
        if (cap <= 0) return [[.. ranked]];
        var seen = new Dictionary<int, int>();
        var rounds = new List<List<T>> { new() };
        foreach (var item in ranked)
        {
            int round = 0;
            var f = familyOf(item);
            if (f >= 0)
            {
                var count = seen.GetValueOrDefault(f);
                seen[f] = count + 1;
                round = count / cap;
            }
            while (rounds.Count <= round) rounds.Add([]);
            rounds[round].Add(item);
        }
        return rounds;
    }
}
