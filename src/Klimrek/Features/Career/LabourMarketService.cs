using Klimrek.Data;
using Klimrek.Infrastructure.Errors;
using Klimrek.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Klimrek.Features.Career;

/// <summary>Labour-market fit of an occupation in a region, from the imported indicator of its ISCO group.</summary>
public sealed record MarketFit(double Value, string Label, string IscoCode, string Region);

/// <summary>A rejected line: its number and what is wrong (a resource key with its arguments; <c>message</c> in Dutch for the API).</summary>
public sealed record LabourMarketRowError(int Line, [property: JsonIgnore] Message Text)
{
    public string Message => Text.ToString();
}

public sealed record LabourMarketImportResult(bool Applied, int Rows, IReadOnlyList<LabourMarketRowError> Errors);

/// <summary>
/// Imports labour-market indicators (documented CSV: docs/labour-market.md) all-or-nothing, and serves them from
/// memory. Without an import there is no indicator, and the pages say so.
/// </summary>
public sealed class LabourMarketService(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const int MaxRows = 100_000;
    public const long MaxBytes = 5 * 1024 * 1024;
    public const string NationalRegion = "Nederland";

    public static readonly IReadOnlyList<(string Label, double Value)> Categories =
    [
        ("zeer ruim", 0.0), ("ruim", 0.25), ("gemiddeld", 0.5), ("krap", 0.75), ("zeer krap", 1.0),
    ];

    public static string LabelOf(double v) => Categories.MinBy(c => Math.Abs(c.Value - v)).Label;

    public sealed class Indicators(int importId, Dictionary<(string, string), double> values, IReadOnlyList<string> regions)
    {
        public int ImportId { get; } = importId;
        public bool Any => values.Count > 0;
        public IReadOnlyList<string> Regions { get; } = regions;
        public int Count => values.Count;

        /// <summary>The indicator for the most specific ISCO level that has one, in the region (default: national).</summary>
        public MarketFit? Lookup(string? isco, string? region)
        {
            if (isco is null || values.Count == 0) return null;
            var r = region ?? NationalRegion;
            for (int len = Math.Min(4, isco.Length); len >= 1; len--)
                if (values.TryGetValue((isco[..len], r), out var v))
                    return new MarketFit(v, LabelOf(v), isco[..len], r);
            return null;
        }
    }

    private volatile Indicators? _current;
    private long _checkedAt;
    private int _checking;

    public async Task<Indicators> SnapshotAsync(CancellationToken ct)
    {
        var current = _current;
        if (current is not null && Environment.TickCount64 - Interlocked.Read(ref _checkedAt) < 5000) return current;
        // Under load many requests find the check due at once: one of them checks, the others keep the indicators they have.
        if (current is not null && Interlocked.CompareExchange(ref _checking, 1, 0) != 0) return current;
        try { return await CheckAsync(current, ct); }
        finally { if (current is not null) Volatile.Write(ref _checking, 0); }
    }

    private async Task<Indicators> CheckAsync(Indicators? current, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KlimrekDbContext>();
        var importId = await db.LabourMarketImports.MaxAsync(i => (int?)i.Id, ct) ?? 0;
        if (current is null || current.ImportId != importId)
        {
            var rows = await db.LabourMarketIndicators.AsNoTracking().Select(i => new { i.IscoCode, i.Region, i.Value }).ToListAsync(ct);
            current = new Indicators(importId, rows.ToDictionary(r => (r.IscoCode, r.Region), r => r.Value),
                rows.Select(r => r.Region).Distinct().Order(StringComparer.Create(new CultureInfo("nl-NL"), true)).ToList());
            _current = current;
        }
        Interlocked.Exchange(ref _checkedAt, Environment.TickCount64);
        return current;
    }

    /// <summary>Validates every row; applies the whole file (replacing the previous indicators) only when all rows are valid.</summary>
    public async Task<LabourMarketImportResult> ImportAsync(Stream csv, string source, string importedBy, CancellationToken ct)
    {
        var bytes = new MemoryStream();
        try { await new LimitedStream(csv, MaxBytes).CopyToAsync(bytes, ct); }
        catch (InvalidDataException) { return Rejected(0, new Message("Het bestand is groter dan {0} MB.", MaxBytes / 1024 / 1024)); }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KlimrekDbContext>();
        var knownCodes = (await db.IscoGroups.AsNoTracking().Select(g => g.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var (rows, errors) = Parse(bytes.GetBuffer().AsSpan(0, (int)bytes.Length), knownCodes);
        if (errors.Count > 0)
            return new LabourMarketImportResult(false, rows.Count, errors);
        if (rows.Count == 0)
            return Rejected(2, new Message("Het bestand bevat geen gegevensregels."));

        await db.InTransactionAsync(async t =>
        {
            await db.LabourMarketIndicators.ExecuteDeleteAsync(t);
            var import = new LabourMarketImport { ImportedAt = clock.GetUtcNow().UtcDateTime, ImportedBy = importedBy, Source = Short(source, 300), Rows = rows.Count };
            db.LabourMarketImports.Add(import);
            await db.SaveChangesAsync(t);
            db.LabourMarketIndicators.AddRange(rows.Select(r => new LabourMarketIndicator { IscoCode = r.Key.Item1, Region = r.Key.Item2, Value = r.Value.Value, ImportId = import.Id }));
            await db.SaveChangesAsync(t);
        }, ct);
        Interlocked.Exchange(ref _checkedAt, 0);
        return new LabourMarketImportResult(true, rows.Count, []);
    }

    private static LabourMarketImportResult Rejected(int line, Message message) => new(false, 0, [new(line, message)]);

    /// <summary>
    /// Reads the file as strict UTF-8 CSV (comma or semicolon, whichever the header has more of): every line must have
    /// the header's columns, a quote that is never closed is named by the line it opened on, and each row is checked.
    /// </summary>
    private static (Dictionary<(string, string), (double Value, int Line)> Rows, List<LabourMarketRowError> Errors) Parse(
        ReadOnlySpan<byte> data, HashSet<string> knownCodes)
    {
        var rows = new Dictionary<(string, string), (double Value, int Line)>();
        var errors = new List<LabourMarketRowError>();
        int invalid = StrictUtf8.FirstInvalid(data);
        if (invalid >= 0)
        {
            var at = StrictUtf8.PositionOf(data, invalid);
            errors.Add(new(at.Line, new Message("Geen geldige UTF-8-tekst (positie {0}): sla het bestand op als UTF-8.", at.Column)));
            return (rows, errors);
        }
        var body = StrictUtf8.WithoutBom(data);
        int lineEnd = body.IndexOf((byte)'\n');
        var firstLine = lineEnd < 0 ? body : body[..lineEnd];
        var csv = new CsvRecords(body, firstLine.Count((byte)';') > firstLine.Count((byte)',') ? (byte)';' : (byte)',');
        if (!csv.MoveNext())
            return (rows, [new(1, new Message("Het bestand is leeg."))]);
        var header = new List<string>();
        for (int i = 0; i < csv.Count; i++) header.Add(csv[i].Trim().TrimStart('\uFEFF').ToLowerInvariant());
        int iIsco = header.IndexOf("isco"), iRegion = header.IndexOf("regio"), iValue = header.IndexOf("spanning");
        if (csv.UnclosedQuoteLine > 0 || iIsco < 0 || iRegion < 0 || iValue < 0)
            return (rows, [new(1, new Message("De kopregel moet de kolommen isco, regio en spanning hebben."))]);
        while (csv.MoveNext())
        {
            if (csv.UnclosedQuoteLine > 0)
            {
                // The quote's field would run to the end of the file: nothing after it can be read.
                errors.Add(new(csv.UnclosedQuoteLine, new Message("Een aanhalingsteken wordt niet gesloten; de rest van het bestand zou één veld worden.")));
                break;
            }
            var f = new string[csv.Count];
            for (int i = 0; i < f.Length; i++) f[i] = csv[i].Trim();
            if (f.All(v => v.Length == 0)) continue;
            if (rows.Count + errors.Count >= MaxRows)
            {
                errors.Add(new(csv.Line, new Message("Meer dan {0} regels: splits het bestand.", MaxRows)));
                break;
            }
            if (f.Length != header.Count)
                errors.Add(new(csv.Line, new Message("{0} kolommen waar de kopregel er {1} heeft.", f.Length, header.Count)));
            else if (CheckRow(f[iIsco], f[iRegion], f[iValue], knownCodes, rows) is { } problem)
                errors.Add(new(csv.Line, problem));
            else
                rows[(f[iIsco], f[iRegion])] = (ParseValue(f[iValue])!.Value, csv.Line);
        }
        return (rows, errors);
    }

    /// <summary>What is wrong with one row, or null.</summary>
    private static Message? CheckRow(string isco, string region, string raw, HashSet<string> knownCodes, Dictionary<(string, string), (double Value, int Line)> rows)
    {
        if (isco.Length is < 1 or > 4 || !isco.All(char.IsAsciiDigit)) return new Message("'{0}' is geen ISCO-code (1 tot 4 cijfers).", Short(isco));
        if (!knownCodes.Contains(isco)) return new Message("ISCO-code {0} bestaat niet in de geïmporteerde ESCO-gegevens.", isco);
        if (region.Length is < 1 or > 100) return new Message("De regio ontbreekt of is langer dan 100 tekens.");
        if (ParseValue(raw) is null)
            return new Message("Spanning '{0}' is onbekend: gebruik zeer ruim, ruim, gemiddeld, krap, zeer krap of een getal van 0 tot 1.", Short(raw));
        if (rows.TryGetValue((isco, region), out var earlier)) return new Message("ISCO {0} in {1} staat al op regel {2}.", isco, region, earlier.Line);
        return null;
    }

    /// <summary>A category (zeer ruim … zeer krap) or a number from 0 to 1 (decimal point or comma); null otherwise.</summary>
    private static double? ParseValue(string raw)
    {
        foreach (var (label, value) in Categories)
            if (string.Equals(label, raw, StringComparison.OrdinalIgnoreCase)) return value;
        return double.TryParse(raw.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d is >= 0 and <= 1 ? d : null;
    }

    private static string Short(string s, int n = 40) => s.Length <= n ? s : s[..n] + "…";

    /// <summary>Reads at most <c>max</c> bytes; more throws <see cref="InvalidDataException"/>.</summary>
    private sealed class LimitedStream(Stream inner, long max) : Stream
    {
        private long _read;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => Count(await inner.ReadAsync(buffer, ct));
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();
        private int Count(int n)
        {
            _read += n;
            if (_read > max) throw new InvalidDataException("too large");
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
