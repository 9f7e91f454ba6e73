using Klimrek.Data;
using Microsoft.EntityFrameworkCore;
using System.Security.Cryptography;
using System.Text;

namespace Klimrek.Features.Leercultuur.Instrument;

/// <summary>A parsed onderstroom option.</summary>
public sealed record ScanOption(string Key, string Nl, string En)
{
    public string In(string language) => language == "en" ? En : Nl;
}

/// <summary>
/// The scan's instrument revisions. The latest revision is the one new rounds use; revision 1 is the shipped
/// <see cref="InstrumentSeed"/>, stored the first time it is needed.
/// </summary>
public sealed class InstrumentService(KlimrekDbContext db, TimeProvider clock)
{
    /// <summary>The latest revision with its items in order (stores revision 1 from the seed when there is none).</summary>
    public async Task<ScanInstrument> CurrentAsync(CancellationToken ct)
    {
        var current = await LatestAsync(ct);
        if (current is not null) return current;
        db.ScanInstruments.Add(new ScanInstrument
        {
            Number = 1, CreatedAt = clock.GetUtcNow().UtcDateTime, Note = "Klimrek-instrument, eerste versie",
            Items = InstrumentSeed.Items.Select((s, i) => NewItem(s.Key, s.Block, s.Kind, i + 1, s.Nl, s.En, s.Options, s.Multiple)).ToList(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // another request stored revision 1 at the same moment
        }
        return await LatestAsync(ct) ?? throw new InvalidOperationException("The scan instrument could not be stored.");
    }

    /// <summary>A revision by id with its items in order, or null.</summary>
    public async Task<ScanInstrument?> ByIdAsync(int id, CancellationToken ct)
    {
        var i = await db.ScanInstruments.AsNoTracking().Include(x => x.Items).FirstOrDefaultAsync(x => x.Id == id, ct);
        i?.Items.Sort((a, b) => a.Position.CompareTo(b.Position));
        return i;
    }

    private async Task<ScanInstrument?> LatestAsync(CancellationToken ct)
    {
        var i = await db.ScanInstruments.AsNoTracking().Include(x => x.Items).OrderByDescending(x => x.Number).FirstOrDefaultAsync(ct);
        i?.Items.Sort((a, b) => a.Position.CompareTo(b.Position));
        return i;
    }

    public static ScanItem NewItem(string key, int block, ScanItemKind kind, int position, string nl, string en, string? options, bool multiple) => new()
    {
        Key = key, Block = block, Kind = kind, Position = position, TextNl = nl, TextEn = en, Options = options, MultipleChoice = multiple,
        Fingerprint = Fingerprint(kind, nl, options),
    };

    /// <summary>What makes an item "the same" across revisions: its kind, its Dutch text and its options.</summary>
    public static string Fingerprint(ScanItemKind kind, string nl, string? options) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{(int)kind}\n{nl.Trim()}\n{options?.Trim()}")));

    /// <summary>The options of an onderstroom item.</summary>
    public static List<ScanOption> OptionsOf(ScanItem item) =>
        (item.Options ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(l => l.Split('|')).Where(p => p.Length == 3).Select(p => new ScanOption(p[0], p[1], p[2])).ToList();
}
