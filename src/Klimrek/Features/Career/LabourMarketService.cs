using CsvHelper;
using CsvHelper.Configuration;
using Klimrek.Data;
using Microsoft.EntityFrameworkCore;
using System.Globalization;

namespace Klimrek.Features.Career;

/// <summary>Labour-market fit of an occupation in a region, from the imported indicator of its ISCO group.</summary>
public sealed record MarketFit(double Value, string Label, string IscoCode, string Region);

public sealed record LabourMarketRowError(int Line, string Message);

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
        var errors = new List<LabourMarketRowError>();
        var rows = new Dictionary<(string, string), (double Value, int Line)>();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KlimrekDbContext>();
        var knownCodes = (await db.IscoGroups.AsNoTracking().Select(g => g.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

        using (var reader = new StreamReader(new LimitedStream(csv, MaxBytes), detectEncodingFromByteOrderMarks: true))
        {
            string text;
            try { text = await reader.ReadToEndAsync(ct); }
            catch (InvalidDataException) { return new LabourMarketImportResult(false, 0, [new(0, $"Het bestand is groter dan {MaxBytes / 1024 / 1024} MB.")]); }
            var firstLine = text.Split('\n', 2)[0];
            var delimiter = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ";" : ",";
            var config = new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = delimiter, BadDataFound = null, MissingFieldFound = null, DetectColumnCountChanges = false };
            using var parser = new CsvParser(new StringReader(text), config);
            if (!parser.Read())
                return new LabourMarketImportResult(false, 0, [new(1, "Het bestand is leeg.")]);
            var header = parser.Record!.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
            int iIsco = header.IndexOf("isco"), iRegion = header.IndexOf("regio"), iValue = header.IndexOf("spanning");
            if (iIsco < 0 || iRegion < 0 || iValue < 0)
                return new LabourMarketImportResult(false, 0, [new(1, "De kopregel moet de kolommen isco, regio en spanning hebben.")]);
            while (parser.Read())
            {
                var line = parser.RawRow;
                var f = parser.Record!;
                if (f.All(string.IsNullOrWhiteSpace)) continue;
                if (rows.Count + errors.Count >= MaxRows)
                {
                    errors.Add(new(line, $"Meer dan {MaxRows} regels: splits het bestand."));
                    break;
                }
                string Get(int i) => i < f.Length ? f[i].Trim() : "";
                var isco = Get(iIsco);
                var region = Get(iRegion);
                var raw = Get(iValue);
                if (isco.Length is < 1 or > 4 || !isco.All(char.IsAsciiDigit)) { errors.Add(new(line, $"'{Short(isco)}' is geen ISCO-code (1 tot 4 cijfers).")); continue; }
                if (!knownCodes.Contains(isco)) { errors.Add(new(line, $"ISCO-code {isco} bestaat niet in de geïmporteerde ESCO-gegevens.")); continue; }
                if (region.Length is < 1 or > 100) { errors.Add(new(line, "De regio ontbreekt of is langer dan 100 tekens.")); continue; }
                double? value = Categories.FirstOrDefault(c => string.Equals(c.Label, raw, StringComparison.OrdinalIgnoreCase)).Label is not null
                    ? Categories.First(c => string.Equals(c.Label, raw, StringComparison.OrdinalIgnoreCase)).Value
                    : double.TryParse(raw.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d is >= 0 and <= 1 ? d : null;
                if (value is null) { errors.Add(new(line, $"Spanning '{Short(raw)}' is onbekend: gebruik zeer ruim, ruim, gemiddeld, krap, zeer krap of een getal van 0 tot 1.")); continue; }
                if (rows.TryGetValue((isco, region), out var earlier)) { errors.Add(new(line, $"ISCO {isco} in {region} staat al op regel {earlier.Line}.")); continue; }
                rows[(isco, region)] = (value.Value, line);
            }
        }
        if (errors.Count > 0)
            return new LabourMarketImportResult(false, rows.Count, errors);
        if (rows.Count == 0)
            return new LabourMarketImportResult(false, 0, [new(2, "Het bestand bevat geen gegevensregels.")]);

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
