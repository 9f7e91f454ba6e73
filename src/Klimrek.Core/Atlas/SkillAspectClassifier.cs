namespace Klimrek.Core.Atlas;

/// <summary>
/// Places an ESCO skill on the body of a beroepsbeeld. ESCO says whether a concept is knowledge or a
/// skill/competence and where it sits in the skill hierarchy (a skill often has several parents, in the skills
/// pillar S and in the transversal pillar T); the body model is ours. First matching rule wins:
/// <list type="number">
/// <item>knowledge (skillType "knowledge") → <see cref="BodyAspect.Hoofd"/>;</item>
/// <item>communication, collaboration and people management — language (L, T1.1, S1.15), communicating (T4.1),
/// supporting others (T4.2), collaborating (T4.3), leading others (T4.4, S4.5), negotiating, liaising, teaching,
/// presenting, advising, obtaining information verbally, working with others, writing (S1.0–S1.5, S1.7, S1.8, S1.13)
/// → <see cref="BodyAspect.Mond"/>;</item>
/// <item>attitudes and drive — proactive (T3.2), positive attitude (T3.3), willingness to learn (T3.4), ethical code
/// (T4.5) → <see cref="BodyAspect.Hart"/>;</item>
/// <item>health-related skills (T6.1) → <see cref="BodyAspect.Buik"/> (healthy, safe work);</item>
/// <item>thinking skills (T2) → <see cref="BodyAspect.Hoofd"/>;</item>
/// <item>everything else (tasks, tools, machines, core skills) → <see cref="BodyAspect.Handen"/>.</item>
/// </list>
/// Voeten and omgeving are not described by ESCO's skills; curators write them.
/// </summary>
public static class SkillAspectClassifier
{
    private static readonly string[] MondBranches =
        ["L", "T1.1", "S1.15", "T4.1", "T4.2", "T4.3", "T4.4", "S4.5", "S1.0", "S1.1", "S1.2", "S1.3", "S1.4", "S1.5", "S1.7", "S1.8", "S1.13"];
    private static readonly string[] HartBranches = ["T3.2", "T3.3", "T3.4", "T4.5"];
    private static readonly string[] BuikBranches = ["T6.1"];
    private static readonly string[] HoofdBranches = ["T2"];

    /// <param name="skillType">ESCO skillType: "knowledge", "skill/competence" or empty.</param>
    /// <param name="hierarchyCodes">Codes of the skill's ancestor groups in the ESCO skill hierarchy (e.g. "S1.2.1", "T4", "L"), any order.</param>
    public static BodyAspect Classify(string? skillType, IEnumerable<string> hierarchyCodes)
    {
        if (string.Equals(skillType, "knowledge", StringComparison.OrdinalIgnoreCase))
            return BodyAspect.Hoofd;
        var codes = hierarchyCodes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToUpperInvariant()).ToList();
        if (Any(codes, MondBranches)) return BodyAspect.Mond;
        if (Any(codes, HartBranches)) return BodyAspect.Hart;
        if (Any(codes, BuikBranches)) return BodyAspect.Buik;
        if (Any(codes, HoofdBranches)) return BodyAspect.Hoofd;
        // Concepts without a type under the knowledge (ISCED-F) branch carry numeric codes such as "0613".
        if (string.IsNullOrWhiteSpace(skillType) && codes.Count > 0 && codes.All(c => char.IsDigit(c[0])))
            return BodyAspect.Hoofd;
        return BodyAspect.Handen;
    }

    /// <summary>True when a code lies in one of the branches: equal to it or below it ("S1.1" contains "S1.1.2", not "S1.10").</summary>
    private static bool Any(List<string> codes, string[] branches)
    {
        foreach (var c in codes)
            foreach (var b in branches)
                if (c == b || (c.StartsWith(b, StringComparison.Ordinal) && c.Length > b.Length && (c[b.Length] == '.' || (b == "L" && char.IsDigit(c[1])))))
                    return true;
        return false;
    }
}
