using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace Klimrek.Infrastructure.Text;

/// <summary>
/// Splits CSV held as UTF-8 bytes into records, one at a time, without copying: RFC 4180 (fields separated by one
/// byte, fields in double quotes may hold separators, line breaks and doubled quotes), read leniently (a quote inside
/// an unquoted field is kept as text, and so is text between a closing quote and the separator). Each record knows
/// the line it starts on; a quote that is never closed runs to the end of the data and is reported with the line it
/// opened on, so a caller can refuse it. A field becomes a string only when asked for. The caller validates the
/// bytes as UTF-8 first (<see cref="StrictUtf8"/>).
/// </summary>
public ref struct CsvRecords
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly SearchValues<byte> _fieldEnds;
    private readonly byte _separator;
    private int _pos;
    private int _line = 1;
    private Field[] _fields = new Field[16];

    /// <summary>Over <paramref name="data"/> (a leading UTF-8 byte-order mark is skipped).</summary>
    public CsvRecords(ReadOnlySpan<byte> data, byte separator = (byte)',')
    {
        _data = StrictUtf8.WithoutBom(data);
        _separator = separator;
        _fieldEnds = separator == (byte)',' ? Commas : SearchValues.Create([separator, (byte)'\n', (byte)'\r']);
    }

    private static readonly SearchValues<byte> Commas = SearchValues.Create(",\n\r"u8);

    private readonly record struct Field(int Start, int Length, bool Quoted);

    /// <summary>The line (from 1) the current record starts on.</summary>
    public int Line { get; private set; }

    /// <summary>The line a quote opened on that is never closed (its field then runs to the end), or 0.</summary>
    public int UnclosedQuoteLine { get; private set; }

    /// <summary>The number of fields of the current record.</summary>
    public int Count { get; private set; }

    /// <summary>The current record is an empty line.</summary>
    public readonly bool IsBlank => Count == 1 && _fields[0].Length == 0;

    /// <summary>Moves to the next record; false at the end of the data.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in a fresh process (the ESCO import): no slow first tier
    public bool MoveNext()
    {
        var data = _data;
        if (_pos >= data.Length) return false;
        Line = _line;
        UnclosedQuoteLine = 0;
        Count = 0;
        while (true)
        {
            // One field, ending at a separator (another field follows), a line break or the end (the record ends).
            if (_pos < data.Length && data[_pos] == (byte)'"') ReadQuoted(data);
            else
            {
                int end = data[_pos..].IndexOfAny(_fieldEnds);
                end = end < 0 ? data.Length : _pos + end;
                Add(new Field(_pos, end - _pos, Quoted: false));
                _pos = end;
            }
            if (_pos < data.Length && data[_pos] == _separator) { _pos++; continue; }
            // End of record: \r\n, \n or \r.
            if (_pos < data.Length && data[_pos] == (byte)'\r') _pos++;
            if (_pos < data.Length && data[_pos] == (byte)'\n') _pos++;
            _line++;
            return true;
        }
    }

    /// <summary>A quoted field: kept from after its opening quote up to the separator or line break that ends it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadQuoted(ReadOnlySpan<byte> data)
    {
        int openedOn = _line;
        int start = ++_pos;
        while (true)
        {
            int q = data[_pos..].IndexOf((byte)'"');
            if (q < 0)
            {
                _line += data[_pos..].Count((byte)'\n');
                _pos = data.Length;
                UnclosedQuoteLine = openedOn;
                break;
            }
            _line += data.Slice(_pos, q).Count((byte)'\n');
            _pos += q + 1;
            if (_pos < data.Length && data[_pos] == (byte)'"') { _pos++; continue; }
            break;
        }
        int rest = data[_pos..].IndexOfAny(_fieldEnds);
        _pos = rest < 0 ? data.Length : _pos + rest;
        Add(new Field(start, _pos - start, Quoted: true));
    }

    private void Add(Field field)
    {
        if (Count == _fields.Length) Array.Resize(ref _fields, Count * 2);
        _fields[Count++] = field;
    }

    /// <summary>Field <paramref name="i"/> of the current record as text (quotes removed, doubled quotes made single).</summary>
    public readonly string this[int i]
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        get
        {
            var f = _fields[i];
            var raw = _data.Slice(f.Start, f.Length);
            if (!f.Quoted) return Encoding.UTF8.GetString(raw);
            // Mostly the only quote is the closing one at the end.
            if (raw.Length > 0 && raw.IndexOf((byte)'"') == raw.Length - 1) return Encoding.UTF8.GetString(raw[..^1]);
            var buffer = ArrayPool<byte>.Shared.Rent(raw.Length);
            try { return Encoding.UTF8.GetString(buffer, 0, Unquote(raw, buffer)); }
            finally { ArrayPool<byte>.Shared.Return(buffer); }
        }
    }

    /// <summary>Field <paramref name="i"/> as UTF-8 bytes when it needs no unquoting (unquoted, or quoted without inner quotes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly bool TryGetBytes(int i, out ReadOnlySpan<byte> bytes)
    {
        var f = _fields[i];
        bytes = _data.Slice(f.Start, f.Length);
        if (!f.Quoted) return true;
        if (bytes.Length == 0 || bytes.IndexOf((byte)'"') != bytes.Length - 1) return false;
        bytes = bytes[..^1];
        return true;
    }

    /// <summary>The quoted field's content (after its opening quote) with the quoting undone.</summary>
    private static int Unquote(ReadOnlySpan<byte> raw, Span<byte> to)
    {
        int n = 0, i = 0;
        while (true)
        {
            int q = raw[i..].IndexOf((byte)'"');
            if (q < 0) q = raw.Length - i; // unclosed: the rest is content
            raw.Slice(i, q).CopyTo(to[n..]);
            n += q;
            i += q + 1;
            if (i < raw.Length && raw[i] == (byte)'"') { to[n++] = (byte)'"'; i++; continue; }
            if (i >= raw.Length) return n;
            // After the closing quote: text up to the separator is kept.
            raw[i..].CopyTo(to[n..]);
            return n + raw.Length - i;
        }
    }
}
