using Klimrek.Data;
using Klimrek.Features.Esco;
using Klimrek.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Curation;

/// <summary>Our Dutch name of a skill as it stands: label, synonyms, the version (0: as shipped) and every correction.</summary>
public sealed record SkillLabelState(SkillInfo Skill, string Label, IReadOnlyList<string> Synonyms, int Version, bool Official,
    IReadOnlyList<SkillLabelRevision> Revisions);

/// <summary>
/// Curators correct Klimrek's own Dutch names of skills (<see cref="UnofficialSkillLabels"/>). Each correction is a
/// new <see cref="SkillLabelRevision"/> (who, when, what), checked against the version the curator started from
/// (optimistic concurrency, as for beroepsbeelden). The catalogue lays the newest correction over the shipped label
/// (<see cref="EscoCatalogue"/>), so an ESCO import keeps it, and an official Dutch label from ESCO still wins.
/// Only skills without an official Dutch label can be corrected.
/// </summary>
public sealed class SkillLabelCuration(KlimrekDbContext db, EscoCatalogue catalogue, TimeProvider clock)
{
    public const int MaxLabelLength = 200;
    public const int MaxSynonyms = 12;

    public async Task<SkillLabelState?> GetAsync(int skillId, CancellationToken ct)
    {
        var snapshot = await catalogue.GetAsync(ct);
        if (!snapshot.Skills.TryGetValue(skillId, out var skill)) return null;
        var revisions = await db.SkillLabelRevisions.AsNoTracking().Where(r => r.SkillUri == skill.Uri)
            .OrderByDescending(r => r.Version).ToListAsync(ct);
        var official = skill.LabelNl is not null && !skill.LabelNlUnofficial;
        if (revisions.Count > 0)
            return new SkillLabelState(skill, revisions[0].PreferredLabel, SplitSynonyms(revisions[0].Synonyms), revisions[0].Version, official, revisions);
        var shipped = await db.SkillTexts.AsNoTracking().Where(t => t.SkillId == skillId && t.Language == UnofficialSkillLabels.Language)
            .Select(t => new { t.PreferredLabel, t.AltLabels }).FirstOrDefaultAsync(ct);
        return new SkillLabelState(skill, shipped?.PreferredLabel ?? "", SplitSynonyms(shipped?.AltLabels), 0, official, revisions);
    }

    /// <summary>
    /// Saves a correction as a new version. Throws <see cref="ProblemException"/>: 404 unknown skill, 400 invalid input or
    /// an official label, 409 when <paramref name="baseVersion"/> is not the newest version (null: not checked).
    /// </summary>
    public async Task<SkillLabelRevision> SaveAsync(int skillId, int? baseVersion, string? label, IEnumerable<string>? synonyms, string? note,
        string? authorId, string authorName, CancellationToken ct)
    {
        var state = await GetAsync(skillId, ct) ?? throw ProblemException.NotFound();
        if (state.Official)
            throw ProblemException.Invalid("Deze vaardigheid heeft een officiële Nederlandse naam van ESCO; die wordt hier niet aangepast.");
        label = CurationService.Normalize(label).Replace('\n', ' ');
        var cleaned = (synonyms ?? []).Select(s => CurationService.Normalize(s).Replace('\n', ' ')).Where(s => s.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (label.Length == 0) throw ProblemException.Field("label", "Vul een Nederlandse naam in.");
        if (label.Length > MaxLabelLength) throw ProblemException.Field("label", "De naam is langer dan {0} tekens.", MaxLabelLength);
        if (cleaned.Count > MaxSynonyms) throw ProblemException.Field("synonyms", "Hoogstens {0} zoekwoorden.", MaxSynonyms);
        if (cleaned.Any(s => s.Length > MaxLabelLength)) throw ProblemException.Field("synonyms", "Een zoekwoord is langer dan {0} tekens.", MaxLabelLength);
        if (note is { Length: > 500 }) throw ProblemException.Field("note", "De toelichting is langer dan 500 tekens.");
        if (baseVersion is int b && b != state.Version) throw Conflict(state.Version);
        var joined = cleaned.Count == 0 ? null : string.Join('\n', cleaned);
        if (label == state.Label && (joined ?? "") == string.Join('\n', state.Synonyms))
            throw ProblemException.Invalid("Er was niets gewijzigd; er is geen nieuwe versie gemaakt.");

        var revision = new SkillLabelRevision
        {
            SkillUri = state.Skill.Uri,
            Version = state.Version + 1,
            PreferredLabel = label,
            Synonyms = joined,
            AuthorId = authorId,
            AuthorName = authorName,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
        try
        {
            await db.InTransactionAsync(async t =>
            {
                revision.Id = 0;
                db.SkillLabelRevisions.Add(revision);
                await db.SaveChangesAsync(t);
                await EscoCatalogue.BumpAsync(db, t);
            }, ct);
        }
        catch (DbUpdateException)
        {
            // Another curator saved the same version first (the unique index).
            db.ChangeTracker.Clear();
            throw Conflict(state.Version + 1);
        }
        catalogue.Invalidate();
        return revision;
    }

    /// <summary>"Deze versie terugzetten": a new version equal to <paramref name="versionToRestore"/>; history is kept.</summary>
    public async Task<SkillLabelRevision> RestoreAsync(int skillId, int versionToRestore, int? baseVersion, string? authorId, string authorName, CancellationToken ct)
    {
        var state = await GetAsync(skillId, ct) ?? throw ProblemException.NotFound();
        var old = state.Revisions.FirstOrDefault(r => r.Version == versionToRestore) ?? throw ProblemException.NotFound();
        return await SaveAsync(skillId, baseVersion, old.PreferredLabel, SplitSynonyms(old.Synonyms), $"Versie {old.Version} teruggezet.", authorId, authorName, ct);
    }

    private static ProblemException Conflict(int current) =>
        ProblemException.Conflict("Iemand anders heeft deze vertaling intussen gewijzigd (nu versie {0}). Bekijk de nieuwe versie en probeer opnieuw.", current);

    public static IReadOnlyList<string> SplitSynonyms(string? s) =>
        (s ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
