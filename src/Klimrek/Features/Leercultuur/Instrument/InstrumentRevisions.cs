using Klimrek.Data;
using Klimrek.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Leercultuur.Instrument;

/// <summary>One item of a new revision as the beheerder writes it; <see cref="Kind"/> is <c>Stelling</c>, <c>Open</c> or <c>Onderstroom</c>.</summary>
public sealed record ItemInput(string? Key, int? Block, string? Kind, string? Nl, string? En, string? Options = null, bool MultipleChoice = false);

/// <summary>A new revision: the number of the revision it was made from (to refuse a stale save), a note and all items in order.</summary>
public sealed record RevisionInput(int? BasedOn, string? Note, IReadOnlyList<ItemInput>? Items);

/// <summary>A revision in the list: its number, when and why, how many items, how many rounds use it.</summary>
public sealed record RevisionSummary(int Id, int Number, DateTime CreatedAt, string? Note, int Items, int Rounds);

/// <summary>
/// The beheerder's revisions of the scan's questions. A revision is never changed: saving makes revision N+1 (the
/// number is unique, so of two saves from the same revision one wins and the other gets 409). Rounds keep the revision
/// they were opened with; an item keeps its fingerprint while its kind, Dutch text and options stay the same, so the
/// trend still compares it.
/// </summary>
public sealed class InstrumentRevisions(KlimrekDbContext db, InstrumentService instruments, TimeProvider clock)
{
    public const int MinStatements = 3;
    public const int MaxText = 500;
    public const int MaxItems = 200;

    public async Task<List<RevisionSummary>> ListAsync(CancellationToken ct)
    {
        await instruments.CurrentAsync(ct);
        return await db.ScanInstruments.AsNoTracking().OrderByDescending(i => i.Number)
            .Select(i => new RevisionSummary(i.Id, i.Number, i.CreatedAt, i.Note, i.Items.Count, db.ScanRounds.Count(r => r.InstrumentId == i.Id)))
            .ToListAsync(ct);
    }

    /// <summary>Stores a new revision from <paramref name="input"/>; 400 with Dutch messages per item, 409 when another revision was saved meanwhile.</summary>
    public async Task<ScanInstrument> CreateAsync(string userId, RevisionInput input, CancellationToken ct)
    {
        var current = await instruments.CurrentAsync(ct);
        var errors = new ValidationErrors();
        var items = Validate(input, errors);
        var note = input.Note?.Trim();
        if (note is { Length: > 1000 }) errors.Add("note", "De toelichting is hoogstens {0} tekens.", 1000);
        ProblemException.ThrowIfAny(errors);
        if (input.BasedOn is { } b && b != current.Number)
            throw ProblemException.Conflict("Iemand anders heeft intussen versie {0} bewaard. Begin opnieuw vanaf die versie.", current.Number);
        var revision = new ScanInstrument
        {
            Number = current.Number + 1, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedById = userId, Note = string.IsNullOrEmpty(note) ? null : note, Items = items,
        };
        db.ScanInstruments.Add(revision);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw ProblemException.Conflict("Iemand anders heeft intussen versie {0} bewaard. Begin opnieuw vanaf die versie.", current.Number + 1);
        }
        return revision;
    }

    /// <summary>The items in order, with every rule checked; field names are <c>items[i].field</c>, messages name the row (1-based).</summary>
    private static List<ScanItem> Validate(RevisionInput input, ValidationErrors errors)
    {
        var list = input.Items ?? [];
        if (list.Count == 0) errors.Add("items", "Een versie heeft vragen nodig.");
        if (list.Count > MaxItems) errors.Add("items", "Hoogstens {0} vragen.", MaxItems);
        var items = new List<ScanItem>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < list.Count && i < MaxItems; i++)
        {
            var x = list[i];
            int row = i + 1;
            string F(string field) => $"items[{i}].{field}";
            var key = x.Key?.Trim() ?? "";
            if (key.Length is 0 or > 40 || !IsKey(key)) errors.Add(F("key"), "Regel {0}: de sleutel bestaat uit 1 tot 40 kleine letters, cijfers en punten.", row);
            else if (!keys.Add(key)) errors.Add(F("key"), "Regel {0}: de sleutel {1} komt al eerder voor.", row, key);
            if (!Enum.TryParse<ScanItemKind>(x.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(x.Kind, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                errors.Add(F("kind"), "Regel {0}: kies stelling, open vraag of onderstroom.", row);
                continue;
            }
            var block = kind == ScanItemKind.Onderstroom ? 0 : x.Block ?? 0;
            if (kind != ScanItemKind.Onderstroom && block is < 1 or > 6) errors.Add(F("block"), "Regel {0}: kies een bouwsteen van 1 tot 6.", row);
            var nl = x.Nl?.Trim() ?? "";
            var en = x.En?.Trim() ?? "";
            if (nl.Length is 0 or > MaxText) errors.Add(F("nl"), "Regel {0}: de Nederlandse tekst is 1 tot {1} tekens.", row, MaxText);
            if (en.Length is 0 or > MaxText) errors.Add(F("en"), "Regel {0}: de Engelse tekst is 1 tot {1} tekens.", row, MaxText);
            string? options = null;
            if (kind == ScanItemKind.Onderstroom)
            {
                var lines = (x.Options ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var parts = lines.Select(l => l.Split('|').Select(p => p.Trim()).ToArray()).ToList();
                if (parts.Count < 2 || parts.Any(p => p.Length != 3 || p.Any(s => s.Length == 0) || !IsKey(p[0]))
                    || parts.Select(p => p[0]).Distinct(StringComparer.Ordinal).Count() != parts.Count)
                    errors.Add(F("options"), "Regel {0}: geef minstens twee keuzes, elk op een eigen regel als sleutel|Nederlands|Engels, met verschillende sleutels.", row);
                options = string.Join("\n", parts.Select(p => string.Join('|', p)));
                if (options.Length > 4000) errors.Add(F("options"), "Regel {0}: de keuzes zijn samen hoogstens {1} tekens.", row, 4000);
            }
            items.Add(InstrumentService.NewItem(key, block, kind, i + 1, nl, en, options, kind == ScanItemKind.Onderstroom && x.MultipleChoice));
        }
        for (int block = 1; block <= 6; block++)
            if (items.Count(it => it.Block == block && it.Kind == ScanItemKind.Stelling) < MinStatements)
                errors.Add("items", "Bouwsteen {0} ({1}) houdt minstens {2} stellingen.", block, ScanNames.Block(block).Nl, MinStatements);
        return items;
    }

    /// <summary>A key: lower-case letters, digits and dots only.</summary>
    public static bool IsKey(string key) => key.Length > 0 && key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.');
}
