namespace Klimrek.Core.Collaboration;

/// <summary>What an intake term says about its person.</summary>
public enum TermRole { Brings, Develops, Quality, Affinity }

/// <summary>One intake term: <see cref="Key"/> decides equality ("esco:12" for an ESCO skill, "t:word" for a free term).</summary>
public sealed record IntakeTermEntry(TermRole Role, string Key, string Label, int? SkillId = null);

/// <summary>A complete intake as stored, before terms become the matcher's integer ids.</summary>
public sealed record IntakeEntry(
    int Id, IReadOnlyList<IntakeTermEntry> Terms, string? Department, string? Team, string? Discipline, int? ManagerId, int Availability);

/// <summary>
/// The matcher's input built from intakes: terms with equal keys share one integer id (the same ESCO skill, or the
/// same normalised free word), and the ESCO skills one step up or down the hierarchy from what someone brings become
/// that person's <see cref="DuoCandidate.BringsNear"/>, as far as somebody's intake names them.
/// </summary>
public sealed class MatchingInput
{
    private MatchingInput(IReadOnlyList<DuoCandidate> candidates, IReadOnlyList<string> labels)
    {
        Candidates = candidates;
        Labels = labels;
    }

    /// <summary>One candidate per intake, in the intakes' order.</summary>
    public IReadOnlyList<DuoCandidate> Candidates { get; }

    /// <summary>The label of each term id (the first label seen for its key).</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Builds the input. O(T log T) for T terms, plus the neighbours of the skills people bring.</summary>
    /// <param name="intakes">The intakes to match.</param>
    /// <param name="skillNeighbours">The ESCO skills one step up or down from a skill (empty when none).</param>
    public static MatchingInput Build(IReadOnlyList<IntakeEntry> intakes, Func<int, IEnumerable<int>> skillNeighbours)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var labels = new List<string>();
        int[] Ids(IntakeEntry p, TermRole role) => p.Terms.Where(t => t.Role == role).Select(t =>
        {
            if (!ids.TryGetValue(t.Key, out var id))
            {
                id = ids.Count;
                ids[t.Key] = id;
                labels.Add(t.Label);
            }
            return id;
        }).Distinct().Order().ToArray();
        var candidates = intakes.Select(p => new DuoCandidate(p.Id, Ids(p, TermRole.Brings), Ids(p, TermRole.Develops), Ids(p, TermRole.Quality),
            Ids(p, TermRole.Affinity), p.Department ?? "", p.Team ?? "", p.Discipline ?? "", p.ManagerId, p.Availability)).ToList();
        // Near terms only matter when somebody named them, so only terms that already have an id are kept.
        for (int i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var near = intakes[i].Terms.Where(t => t.Role == TermRole.Brings && t.SkillId is not null)
                .SelectMany(t => skillNeighbours(t.SkillId!.Value))
                .Select(n => ids.TryGetValue("esco:" + n, out var id) ? id : -1).Where(id => id >= 0)
                .Except(c.Brings).Distinct().Order().ToArray();
            if (near.Length > 0) candidates[i] = c with { BringsNear = near };
        }
        return new MatchingInput(candidates, labels);
    }
}
