using Klimrek.Infrastructure.Text;
using System.Runtime.CompilerServices;
using System.Text;
using static Klimrek.Features.Esco.EscoPackReader;

namespace Klimrek.Features.Esco;

/// <summary>
/// Turns one checked ESCO CSV file (<see cref="CsvFile"/>) into validated rows: only the columns the import uses
/// become strings, the relation files' URIs are pooled (one string per distinct URI), and every problem names the
/// file and the line. Runs on any thread; <see cref="EscoPackReader"/> merges the rows in order.
/// </summary>
internal static class EscoCsvRows
{
    private const int MaxLabelLength = 500;

    /// <summary>
    /// A concept row. A, B, C by file kind: occupations (code, iscoGroup, modifiedDate), skills and collection skills
    /// (skillType, reuseLevel), ISCO groups and skill groups (code). A collection row's text problem waits in TextError.
    /// </summary>
    internal readonly record struct ConceptRow(string Uri, string? A, string? B, string? C, TextRow? Text, EscoImportException? TextError = null);

    internal sealed record ConceptRows(List<ConceptRow> Rows, int EmptyType);

    /// <summary>Reads a concept file of the given kind; <paramref name="withTexts"/> false skips a collection's texts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in a fresh process: no slow first tier
    public static ConceptRows Concepts(string path, Kind kind, bool withTexts)
    {
        using var file = CsvFile.Open(path);
        var csv = file.Records();
        var columns = Columns.Read(ref csv, file, kind switch
        {
            Kind.Isco => ["conceptUri", "code", "preferredLabel"],
            Kind.OccupationCollection => ["conceptUri"],
            _ => ["conceptUri", "preferredLabel"],
        });
        int uri = columns["conceptUri"];
        var text = new TextColumns(columns, kind == Kind.SkillCollection ? '|' : '\n');
        var (a, b, c) = kind switch
        {
            Kind.Occupations => (columns["code"], columns["iscoGroup"], columns["modifiedDate"]),
            Kind.Skills or Kind.SkillCollection => (columns["skillType"], columns["reuseLevel"], -1),
            Kind.Isco or Kind.SkillGroups => (columns["code"], -1, -1),
            _ => (-1, -1, -1),
        };
        var rows = new List<ConceptRow>();
        int emptyType = 0;
        while (columns.Next(ref csv))
        {
            var u = RequireUri(in csv, uri, "conceptUri", file);
            string? va = Opt(in csv, a), vb = Opt(in csv, b), vc = Opt(in csv, c);
            if (kind == Kind.Skills && va is null) emptyType++;
            if (kind == Kind.Isco && va is null) throw Error(file, csv.Line, "kolom 'code' is leeg");
            // Knowledge groups (ISCED-F) carry their code only in the URI.
            if (kind == Kind.SkillGroups && va is null && u.Contains("/isced-f/", StringComparison.Ordinal)) va = u[(u.LastIndexOf('/') + 1)..];
            if (kind == Kind.OccupationCollection || (kind == Kind.SkillCollection && !withTexts))
                rows.Add(new ConceptRow(u, va, vb, vc, null));
            else if (kind == Kind.SkillCollection)
            {
                try { rows.Add(new ConceptRow(u, va, vb, vc, text.Read(in csv, file))); }
                catch (EscoImportException e) { rows.Add(new ConceptRow(u, va, vb, vc, null, e)); }
            }
            else rows.Add(new ConceptRow(u, va, vb, vc, text.Read(in csv, file)));
        }
        return new ConceptRows(rows, emptyType);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in a fresh process: no slow first tier
    public static List<(string, string)> Pairs(string path, string childColumn, string parentColumn, UriPool uris)
    {
        using var file = CsvFile.Open(path);
        var csv = file.Records();
        var columns = Columns.Read(ref csv, file, [childColumn, parentColumn]);
        int child = columns[childColumn], parent = columns[parentColumn];
        var list = new List<(string, string)>();
        while (columns.Next(ref csv))
            list.Add((uris.Require(in csv, child, childColumn, file), uris.Require(in csv, parent, parentColumn, file)));
        return list;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in a fresh process: no slow first tier
    public static List<(string, string, bool)> OccupationSkills(string path, out string? note, UriPool uris)
    {
        using var file = CsvFile.Open(path);
        var csv = file.Records();
        var columns = Columns.Read(ref csv, file, ["occupationUri", "relationType", "skillUri"]);
        int occ = columns["occupationUri"], type = columns["relationType"], skill = columns["skillUri"], skillType = columns["skillType"];
        var list = new List<(string, string, bool)>();
        int emptyType = 0;
        while (columns.Next(ref csv))
        {
            if (IsEmpty(in csv, skillType)) emptyType++;
            list.Add((uris.Require(in csv, occ, "occupationUri", file), uris.Require(in csv, skill, "skillUri", file), Essential(in csv, type, file)));
        }
        note = emptyType > 0 ? $"{file.FileName}: {emptyType} relaties zonder skillType; het type komt uit de vaardigheid zelf." : null;
        return list;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in a fresh process: no slow first tier
    public static List<(string, string, bool)> SkillSkills(string path, UriPool uris)
    {
        using var file = CsvFile.Open(path);
        var csv = file.Records();
        var columns = Columns.Read(ref csv, file, ["originalSkillUri", "relationType", "relatedSkillUri"]);
        int a = columns["originalSkillUri"], type = columns["relationType"], b = columns["relatedSkillUri"];
        var list = new List<(string, string, bool)>();
        while (columns.Next(ref csv))
            list.Add((uris.Require(in csv, a, "originalSkillUri", file), uris.Require(in csv, b, "relatedSkillUri", file), Essential(in csv, type, file)));
        return list;
    }

    /// <summary>The header's column positions (case-insensitive; -1 for a column the file does not have).</summary>
    private sealed class Columns
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);
        private readonly int _count;
        private readonly CsvFile _file;

        private Columns(CsvFile file, int count)
        {
            _file = file;
            _count = count;
        }

        public int this[string name] => _index.GetValueOrDefault(name, -1);

        public static Columns Read(ref CsvRecords csv, CsvFile file, string[] required)
        {
            if (!csv.MoveNext())
                throw new EscoImportException($"{file.FileName}: het bestand is leeg.");
            if (csv.UnclosedQuoteLine > 0) throw Unclosed(file, csv.UnclosedQuoteLine);
            var columns = new Columns(file, csv.Count);
            for (int i = 0; i < csv.Count; i++)
                columns._index.TryAdd(csv[i].Trim().TrimStart('\uFEFF'), i);
            var missing = required.Where(r => !columns._index.ContainsKey(r)).ToList();
            if (missing.Count > 0)
                throw new EscoImportException($"{file.FileName}, regel 1: kolom(men) {string.Join(", ", missing.Select(m => $"'{m}'"))} ontbreken in de kopregel.");
            return columns;
        }

        /// <summary>Moves to the next row with as many fields as the header (blank lines are skipped); a wrong row throws.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool Next(ref CsvRecords csv)
        {
            while (csv.MoveNext())
            {
                if (csv.UnclosedQuoteLine > 0) throw Unclosed(_file, csv.UnclosedQuoteLine);
                if (csv.Count == _count) return true;
                if (csv.IsBlank) continue;
                throw new EscoImportException($"{_file.FileName}, regel {csv.Line}: {csv.Count} velden waar de kopregel er {_count} heeft (controleer aanhalingstekens).");
            }
            return false;
        }

        private static EscoImportException Unclosed(CsvFile file, int line) =>
            Error(file, line, "een aanhalingsteken wordt niet gesloten (de rest van het bestand zou één veld worden)");
    }

    /// <summary>The text columns of a concept file; <c>Read</c> validates and normalises one row's texts.</summary>
    private sealed class TextColumns(Columns columns, char altSeparator)
    {
        private readonly int _label = columns["preferredLabel"], _alt = columns["altLabels"], _hidden = columns["hiddenLabels"], _description = columns["description"];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public TextRow Read(in CsvRecords csv, CsvFile file)
        {
            var label = Opt(in csv, _label) ?? throw Error(file, csv.Line, "kolom 'preferredLabel' is leeg");
            if (label.Length > MaxLabelLength)
                throw Error(file, csv.Line, $"preferredLabel is langer dan {MaxLabelLength} tekens");
            return new TextRow(label, Labels(Opt(in csv, _alt), altSeparator), Labels(Opt(in csv, _hidden), '\n'), Opt(in csv, _description));
        }
    }

    /// <summary>
    /// Normalises a label list to newline-separated, trimmed, de-duplicated labels of at most 500 characters, in their
    /// order. A list that already is so (as most in the ESCO files) is returned as it is, without a copy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in a fresh process: no slow first tier
    private static string? Labels(string? raw, char separator)
    {
        if (raw is null) return null;
        var text = raw.AsSpan();
        Span<Range> kept = stackalloc Range[32];
        int count = 0, pos = 0;
        bool unchanged = true;
        while (pos <= text.Length)
        {
            int end = separator == '\n' ? text[pos..].IndexOfAny('\n', '\r') : text[pos..].IndexOfAny(separator, '\n', '\r');
            end = end < 0 ? text.Length : pos + end;
            var part = text[pos..end];
            var label = part.Trim();
            int start = pos + (part.Length - part.TrimStart().Length);
            pos = end + 1;
            if (label.Length != part.Length || (end < text.Length && text[end] != '\n')) unchanged = false;
            if (label.Length == 0 || label.Length > MaxLabelLength) { unchanged = false; continue; }
            if (IsRepeated(text, kept[..count], label)) { unchanged = false; continue; }
            if (count == kept.Length) return LabelsOfLongList(raw, separator);
            kept[count++] = new Range(start, start + label.Length);
        }
        if (count == 0) return null;
        if (unchanged) return raw;
        var labels = new string[count];
        for (int i = 0; i < count; i++) labels[i] = raw[kept[i]];
        return string.Join('\n', labels);
    }

    private static bool IsRepeated(ReadOnlySpan<char> text, ReadOnlySpan<Range> kept, ReadOnlySpan<char> label)
    {
        foreach (var r in kept)
            if (text[r].SequenceEqual(label)) return true;
        return false;
    }

    /// <summary><see cref="Labels"/> for a list of more than 32 labels.</summary>
    private static string? LabelsOfLongList(string raw, char separator)
    {
        var parts = raw.Split(separator == '\n' ? ['\n', '\r'] : [separator, '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => p.Length <= MaxLabelLength)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return parts.Count == 0 ? null : string.Join('\n', parts);
    }

    /// <summary>The trimmed field, or null when the column is absent or the field blank.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? Opt(in CsvRecords csv, int column)
    {
        if (column < 0 || column >= csv.Count) return null;
        var v = csv[column];
        if (v.Length == 0) return null;
        v = v.Trim();
        return v.Length == 0 ? null : v;
    }

    private static bool IsEmpty(in CsvRecords csv, int column)
    {
        if (column < 0 || column >= csv.Count) return true;
        if (csv.TryGetBytes(column, out var bytes) && (bytes.IsEmpty || bytes[0] is > (byte)' ' and < 0x80)) return bytes.IsEmpty;
        return string.IsNullOrWhiteSpace(csv[column]);
    }

    private static string RequireUri(in CsvRecords csv, int column, string name, CsvFile file)
    {
        var v = Opt(in csv, column) ?? throw Error(file, csv.Line, $"kolom '{name}' is leeg");
        return IsUri(v) ? v : throw NotUri(file, csv.Line, v, name);
    }

    private static bool IsUri(ReadOnlySpan<char> v) => v.StartsWith("http://", StringComparison.Ordinal) || v.StartsWith("https://", StringComparison.Ordinal);

    private static EscoImportException NotUri(CsvFile file, int line, string v, string column) =>
        Error(file, line, $"'{(v.Length > 60 ? v[..60] + "…" : v)}' in kolom '{column}' is geen ESCO-URI");

    private static bool Essential(in CsvRecords csv, int column, CsvFile file)
    {
        if (csv.TryGetBytes(column, out var bytes))
        {
            if (bytes.SequenceEqual("essential"u8)) return true;
            if (bytes.SequenceEqual("optional"u8)) return false;
        }
        return Opt(in csv, column)?.ToLowerInvariant() switch
        {
            "essential" => true,
            "optional" => false,
            var other => throw Error(file, csv.Line, $"relationType '{other}' is geen 'essential' of 'optional'"),
        };
    }

    private static EscoImportException Error(CsvFile file, int line, string what) => new($"{file.FileName}, regel {line}: {what}.");

    /// <summary>
    /// One string per distinct URI. A field that is plainly a URI (starts with http:// or https://, nothing to trim) is
    /// looked up by its UTF-8 bytes in an open-addressing table keyed by their 64-bit hash: no string, no decoding,
    /// until a URI is first seen. Anything else takes the checked path (<see cref="RequireUri"/>).
    /// </summary>
    internal sealed class UriPool
    {
        private ulong[] _hashes = new ulong[1 << 14];
        private string[] _uris = new string[1 << 14];
        private byte[][] _bytes = new byte[1 << 14][];
        private int _count;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public string Require(in CsvRecords csv, int column, string name, CsvFile file)
        {
            if (!csv.TryGetBytes(column, out var bytes) || !IsPlainUri(bytes)) return RequireUri(in csv, column, name, file);
            ulong hash = System.IO.Hashing.XxHash3.HashToUInt64(bytes) | 1; // 0 marks an empty slot
            int mask = _hashes.Length - 1;
            for (int i = (int)hash & mask; ; i = (i + 1) & mask)
            {
                if (_hashes[i] == 0) return Add(i, hash, bytes);
                if (_hashes[i] == hash && bytes.SequenceEqual(_bytes[i])) return _uris[i];
            }
        }

        private static bool IsPlainUri(ReadOnlySpan<byte> b) =>
            (b.StartsWith("http://"u8) || b.StartsWith("https://"u8)) && b[^1] is > (byte)' ' and < 0x80;

        private string Add(int slot, ulong hash, ReadOnlySpan<byte> bytes)
        {
            var uri = Encoding.UTF8.GetString(bytes);
            _hashes[slot] = hash;
            _uris[slot] = uri;
            _bytes[slot] = bytes.ToArray();
            if (++_count * 2 > _hashes.Length) Grow();
            return uri;
        }

        private void Grow()
        {
            var (hashes, uris, bytes) = (_hashes, _uris, _bytes);
            _hashes = new ulong[hashes.Length * 2];
            _uris = new string[hashes.Length * 2];
            _bytes = new byte[hashes.Length * 2][];
            int mask = _hashes.Length - 1;
            for (int j = 0; j < hashes.Length; j++)
            {
                if (hashes[j] == 0) continue;
                int i = (int)hashes[j] & mask;
                while (_hashes[i] != 0) i = (i + 1) & mask;
                (_hashes[i], _uris[i], _bytes[i]) = (hashes[j], uris[j], bytes[j]);
            }
        }
    }
}
