using Klimrek.Core.Atlas;
using Klimrek.Core.Transitions;
using Klimrek.Data;
using Klimrek.Infrastructure.Errors;

namespace Klimrek.Features.Career;

/// <summary>
/// The skills an occupation proposes, in one group per kind (essential first) and body aspect, so that a person can
/// accept a whole group at once. <see cref="Key"/> names the group in a form (<c>essentieel-handen</c>).
/// </summary>
public sealed record ProposalGroup(string Key, bool Essential, BodyAspect? Aspect, IReadOnlyList<ProposedSkill> Skills);

/// <summary>One row of the profile form as the person left it: the version they edited, the new values, or removal.</summary>
public sealed record SkillRowEdit(int SkillId, int Version, EvidenceKind Evidence, ValidationStrength Validation, string? Note, bool Remove);

public sealed partial class ProfileService
{
    /// <summary>Groups the proposed skills: essential ones first, then optional ones, each by body aspect (the order of <see cref="BodyAspects.All"/>, unplaced skills last).</summary>
    public static IReadOnlyList<ProposalGroup> Group(IReadOnlyList<ProposedSkill> proposed) =>
        proposed.GroupBy(p => (p.Essential, p.Aspect))
            .OrderByDescending(g => g.Key.Essential).ThenBy(g => g.Key.Aspect is { } a ? (int)a : int.MaxValue)
            .Select(g => new ProposalGroup((g.Key.Essential ? "essentieel-" : "optioneel-") + (g.Key.Aspect?.Key() ?? "overig"), g.Key.Essential, g.Key.Aspect, g.ToList()))
            .ToList();

    /// <summary>
    /// The skills a person chose on the proposal form: the ticked ones, every essential one when
    /// <paramref name="allEssential"/>, and every one of each group named in <paramref name="groups"/> (select all per
    /// group, which works without JavaScript). Only proposed skills count.
    /// </summary>
    public static IReadOnlyList<int> Chosen(IReadOnlyList<ProposedSkill> proposed, IEnumerable<int> skills, IEnumerable<string> groups, bool allEssential)
    {
        var whole = groups.ToHashSet(StringComparer.Ordinal);
        var ticked = skills.ToHashSet();
        var result = new List<int>();
        foreach (var g in Group(proposed))
            foreach (var p in g.Skills)
                if (ticked.Contains(p.SkillId) || whole.Contains(g.Key) || (allEssential && p.Essential)) result.Add(p.SkillId);
        return result;
    }

    /// <summary>
    /// Saves every row of the profile form in one go: new evidence, weight and note, removed skills and occupations. All
    /// or nothing: when a row was changed elsewhere since the form was loaded, nothing is saved and those rows are
    /// returned (the page shows both versions). Rows that did not change keep their version.
    /// </summary>
    public async Task<IReadOnlyList<int>> SaveRowsAsync(SkillProfile profile, IReadOnlyList<SkillRowEdit> rows, IReadOnlyCollection<int> removeOccupations, CancellationToken ct)
    {
        var stale = rows.Where(r => profile.Skills.FirstOrDefault(x => x.SkillId == r.SkillId) is { } e && e.Version != r.Version).Select(r => r.SkillId).ToList();
        if (stale.Count > 0) return stale;
        foreach (var row in rows)
        {
            var entry = profile.Skills.FirstOrDefault(x => x.SkillId == row.SkillId);
            if (entry is null) continue; // removed meanwhile: nothing left to change
            if (row.Remove)
            {
                profile.Skills.Remove(entry);
                db.ProfileSkills.Remove(entry);
                continue;
            }
            if (entry.Evidence == row.Evidence && entry.Validation == row.Validation && entry.Note == row.Note) continue;
            Versions.Expect(db, entry, row.Version);
            (entry.Evidence, entry.Validation, entry.Note) = (row.Evidence, row.Validation, row.Note);
        }
        foreach (var o in profile.Occupations.Where(o => removeOccupations.Contains(o.OccupationId)).ToList())
        {
            profile.Occupations.Remove(o);
            db.ProfileOccupations.Remove(o);
        }
        profile.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await Versions.SaveAsync(db, ct);
        return [];
    }

    private static void CheckMergedLimits(SkillProfile profile, ProfileImport doc)
    {
        var skills = profile.Skills.Select(x => x.SkillId).Union(doc.Skills.Select(x => x.SkillId)).Count();
        var occupations = profile.Occupations.Select(x => x.OccupationId).Union(doc.Occupations.Select(x => x.OccupationId)).Count();
        if (skills > MaxSkills)
            throw ProblemException.Field("skills", "Samengevoegd zou het profiel {0} vaardigheden hebben; hoogstens {1} mag. Er is niets gewijzigd.", skills, MaxSkills);
        if (occupations > MaxOccupations)
            throw ProblemException.Field("occupations", "Samengevoegd zou het profiel {0} beroepen hebben; hoogstens {1} mag. Er is niets gewijzigd.", occupations, MaxOccupations);
    }

    /// <summary>
    /// Merging a document into a profile: what the profile has stays as it is (a skill or occupation in both keeps the
    /// person's current evidence and years); what only the document has is added; sectors are joined; region and market
    /// weight are taken from the document only when the profile has none set.
    /// </summary>
    private static void MergeInto(SkillProfile p, ProfileImport doc)
    {
        var skills = p.Skills.Select(x => x.SkillId).ToHashSet();
        p.Skills.AddRange(doc.Skills.Where(x => skills.Add(x.SkillId)));
        var occupations = p.Occupations.Select(x => x.OccupationId).ToHashSet();
        p.Occupations.AddRange(doc.Occupations.Where(x => occupations.Add(x.OccupationId)));
        var sectors = Split(p.InterestSectors).Union(doc.Sectors).Distinct().Order(StringComparer.Ordinal).ToList();
        p.InterestSectors = sectors.Count == 0 ? null : string.Join('\n', sectors);
        p.Region ??= doc.Region;
    }
}
