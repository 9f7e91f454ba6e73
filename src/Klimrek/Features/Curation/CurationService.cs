using Klimrek.Core.Atlas;
using Klimrek.Data;
using Klimrek.Features.Atlas;
using Klimrek.Features.Esco;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Curation;

public abstract record SaveOutcome
{
    public sealed record Saved(ImageRevision Revision) : SaveOutcome;
    public sealed record Unchanged : SaveOutcome;
    /// <summary>Someone saved a newer version since the editor loaded <c>baseVersion</c>; nothing was written.</summary>
    public sealed record Conflict(ImageRevision Current) : SaveOutcome;
    public sealed record Invalid(IReadOnlyList<string> Errors) : SaveOutcome;
}

/// <summary>
/// Writes curated sections as append-only revisions. Optimistic concurrency: the editor sends the version it
/// started from; if that is no longer the newest, the save is refused as a conflict and the caller keeps the
/// editor's text, so nothing anyone wrote is lost. The unique (occupation, section, version) index also catches
/// two saves racing past the check.
/// </summary>
public sealed class CurationService(KlimrekDbContext db, EscoCatalogue cache, TimeProvider clock)
{
    public async Task<SaveOutcome> SaveAsync(int occupationId, string sectionKey, int baseVersion, string content,
        string? authorId, string authorName, ContributorOrigin origin, string? note, CancellationToken ct)
    {
        var section = ImageSections.Find(sectionKey);
        if (section is null) return new SaveOutcome.Invalid(["Onbekend onderdeel."]);
        if (!(await cache.GetAsync(ct)).Occupations.ContainsKey(occupationId)) return new SaveOutcome.Invalid(["Onbekend beroep."]);
        content = Normalize(content);
        if (content.Length > ImageSections.MaxTextLength)
            return new SaveOutcome.Invalid([$"De tekst is te lang ({content.Length} tekens); het maximum is {ImageSections.MaxTextLength}."]);
        if (note is { Length: > 500 })
            return new SaveOutcome.Invalid(["De toelichting is langer dan 500 tekens."]);
        if (section.Kind == SectionKind.AspectMoves)
        {
            var (moves, errors) = await CheckMovesAsync(occupationId, content, ct);
            if (errors.Count > 0) return new SaveOutcome.Invalid(errors);
            content = AspectMoves.Write(moves);
        }

        var current = await db.ImageRevisions.AsNoTracking()
            .Where(r => r.OccupationId == occupationId && r.Section == section.Key)
            .OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);
        var currentVersion = current?.Version ?? 0;
        if (baseVersion != currentVersion)
            return current is null ? new SaveOutcome.Invalid(["Onbekende versie."]) : new SaveOutcome.Conflict(current);
        if ((current?.Content ?? "") == content)
            return new SaveOutcome.Unchanged();

        var revision = new ImageRevision
        {
            OccupationId = occupationId,
            Section = section.Key,
            Version = currentVersion + 1,
            Content = content,
            AuthorId = authorId,
            AuthorName = authorName,
            Origin = origin,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
        try
        {
            // The revision and the catalogue version commit together: every instance (this one at once, the others
            // within seconds) drops its cached read models of the atlas.
            await db.InTransactionAsync(async t =>
            {
                revision.Id = 0; // a retry inserts it afresh
                db.ImageRevisions.Add(revision);
                await db.SaveChangesAsync(t);
                await EscoCatalogue.BumpAsync(db, t);
            }, ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var winner = await db.ImageRevisions.AsNoTracking()
                .Where(r => r.OccupationId == occupationId && r.Section == section.Key)
                .OrderByDescending(r => r.Version).FirstAsync(ct);
            return new SaveOutcome.Conflict(winner);
        }
        cache.Invalidate();
        return new SaveOutcome.Saved(revision);
    }

    public Task<List<ImageRevision>> HistoryAsync(int occupationId, CancellationToken ct) =>
        db.ImageRevisions.AsNoTracking().Where(r => r.OccupationId == occupationId)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).ToListAsync(ct);

    public Task<ImageRevision?> RevisionAsync(int occupationId, long revisionId, CancellationToken ct) =>
        db.ImageRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.OccupationId == occupationId && r.Id == revisionId, ct);

    public Task<ImageRevision?> PreviousAsync(ImageRevision r, CancellationToken ct) =>
        db.ImageRevisions.AsNoTracking()
            .Where(x => x.OccupationId == r.OccupationId && x.Section == r.Section && x.Version < r.Version)
            .OrderByDescending(x => x.Version).FirstOrDefaultAsync(ct);

    /// <summary>Every version of one section of an occupation, newest first.</summary>
    public Task<List<ImageRevision>> SectionVersionsAsync(int occupationId, string section, CancellationToken ct) =>
        db.ImageRevisions.AsNoTracking().Where(r => r.OccupationId == occupationId && r.Section == section)
            .OrderByDescending(r => r.Version).ToListAsync(ct);

    /// <summary>
    /// "Deze versie terugzetten": a new version whose content equals <paramref name="old"/>'s; history is never
    /// rewritten. <paramref name="baseVersion"/> is the newest version the curator saw, checked as in <see cref="SaveAsync"/>.
    /// </summary>
    public Task<SaveOutcome> RestoreAsync(ImageRevision old, int baseVersion, string? authorId, string authorName, ContributorOrigin origin,
        CancellationToken ct) =>
        SaveAsync(old.OccupationId, old.Section, baseVersion, old.Content, authorId, authorName, origin, $"Versie {old.Version} teruggezet.", ct);

    public const string UnknownAspectMessage = "Onbekend aspect. Kies hoofd, handen, hart, mond, buik, voeten of omgeving.";
    public const string ForeignSkillMessage = "Alleen vaardigheden van dit beroep kunnen verplaatst worden.";

    /// <summary>
    /// Reads aspect moves and checks them against this occupation: every aspect key known, every skill one of the
    /// occupation's ESCO skills. Any error refuses the whole save (nothing is half written).
    /// </summary>
    private async Task<(Dictionary<string, BodyAspect> Moves, List<string> Errors)> CheckMovesAsync(int occupationId, string content, CancellationToken ct)
    {
        var (moves, lineErrors) = AspectMoves.Parse(content);
        var errors = new List<string>();
        if (lineErrors.Count > 0) errors.Add(UnknownAspectMessage);
        var own = (await db.OccupationSkills.AsNoTracking().Where(r => r.OccupationId == occupationId)
            .Select(r => r.Skill!.Uri).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        if (moves.Keys.Any(uri => !own.Contains(uri))) errors.Add(ForeignSkillMessage);
        return (moves, errors);
    }

    /// <summary>Line endings unified and outer white space trimmed, so "unchanged" means unchanged.</summary>
    public static string Normalize(string? text) => (text ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Trim();

    /// <summary>Validates and serialises list items; returns errors in Dutch naming the row.</summary>
    public static (string Json, List<string> Errors) SerializeList(SectionKind kind, IReadOnlyList<ListRow> rows)
    {
        var errors = new List<string>();
        var filled = rows.Select((r, i) => (Row: r.Trimmed(), Number: i + 1)).Where(x => !x.Row.IsEmpty).ToList();
        if (filled.Count > ImageSections.MaxListItems)
            errors.Add($"Hoogstens {ImageSections.MaxListItems} regels.");
        foreach (var (r, n) in filled)
        {
            foreach (var v in new[] { r.A, r.B, r.C, r.D, r.E })
                if (v is { Length: > ImageSections.MaxFieldLength })
                    errors.Add($"Regel {n}: een veld is langer dan {ImageSections.MaxFieldLength} tekens.");
        }
        object items;
        switch (kind)
        {
            case SectionKind.Shifts:
                foreach (var (r, n) in filled)
                    if (r.A is null || r.B is null) errors.Add($"Regel {n}: vul zowel ‘van’ als ‘naar’ in.");
                items = filled.Select(x => new Shift(x.Row.A ?? "", x.Row.B ?? "", x.Row.C)).ToList();
                break;
            case SectionKind.Stories:
                foreach (var (r, n) in filled)
                {
                    if (r.A is null || r.B is null) errors.Add($"Regel {n}: een verhaal heeft een citaat en een rol nodig.");
                    if (r.E is not null && !OriginLabels.TryParse(r.E, out _)) errors.Add($"Regel {n}: herkomst moet onderwijs, werkgever of onderzoek zijn.");
                }
                items = filled.Select(x => new Story(x.Row.A ?? "", x.Row.B ?? "", x.Row.C, x.Row.D, x.Row.E)).ToList();
                break;
            case SectionKind.Developments:
                foreach (var (r, n) in filled)
                {
                    if (r.B is null) errors.Add($"Regel {n}: beschrijf de ontwikkeling.");
                    if (r.A is null || !ImageSections.DevelopmentKinds.Contains(r.A)) errors.Add($"Regel {n}: kies een soort ontwikkeling.");
                }
                items = filled.Select(x => new Development(x.Row.A ?? "", x.Row.B ?? "")).ToList();
                break;
            case SectionKind.Sources:
                foreach (var (r, n) in filled)
                    if (r.A is null) errors.Add($"Regel {n}: een bron heeft een titel nodig.");
                items = filled.Select(x => new SourceReference(x.Row.A ?? "", x.Row.B)).ToList();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
        return (System.Text.Json.JsonSerializer.Serialize(items, CuratedContent.Json), errors);
    }
}

/// <summary>One row of a list editor; the meaning of A–E depends on the section kind.</summary>
public sealed class ListRow
{
    public string? A { get; set; }
    public string? B { get; set; }
    public string? C { get; set; }
    public string? D { get; set; }
    public string? E { get; set; }

    public bool IsEmpty => A is null && B is null && C is null && D is null;

    public ListRow Trimmed() => new() { A = T(A), B = T(B), C = T(C), D = T(D), E = T(E) };
    private static string? T(string? s) => string.IsNullOrWhiteSpace(s) ? null : CurationService.Normalize(s);

    public static List<ListRow> From(SectionKind kind, string? json) => kind switch
    {
        SectionKind.Shifts => CuratedContent.ReadList<Shift>(json).Select(s => new ListRow { A = s.From, B = s.To, C = s.Explanation }).ToList(),
        SectionKind.Stories => CuratedContent.ReadList<Story>(json).Select(s => new ListRow { A = s.Quote, B = s.Role, C = s.Source, D = s.Date, E = s.Origin }).ToList(),
        SectionKind.Developments => CuratedContent.ReadList<Development>(json).Select(s => new ListRow { A = s.Kind, B = s.Text }).ToList(),
        SectionKind.Sources => CuratedContent.ReadList<SourceReference>(json).Select(s => new ListRow { A = s.Title, B = s.Reference }).ToList(),
        _ => [],
    };
}
