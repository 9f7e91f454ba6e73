using System.IO.Compression;
using System.Text;

namespace Klimrek.Features.Esco;

/// <summary>
/// One CSV file of an ESCO pack, decompressed and split into records in one pass: RFC 4180 (comma separated, fields in
/// double quotes may hold commas, line breaks and doubled quotes), read leniently as the ESCO files need (a quote
/// inside an unquoted field is kept as text). Each record keeps the line it starts on, for error messages.
/// Written for the import's hot path: one string for the file, spans over it, no per-character callbacks.
/// </summary>
public sealed class CsvTable
{
    public required string Path { get; init; }
    public required string[] Header { get; init; }
    public required List<(string[] Fields, int Line)> Records { get; init; }

    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>Reads and splits the file (plain or .gz); a damaged or empty file throws <see cref="EscoImportException"/>.</summary>
    public static CsvTable Read(string path)
    {
        string text;
        try
        {
            using Stream file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
            text = reader.ReadToEnd();
        }
        catch (InvalidDataException e)
        {
            throw new EscoImportException($"{System.IO.Path.GetFileName(path)}: het gecomprimeerde bestand is beschadigd ({e.Message}).");
        }
        var records = Split(text);
        if (records.Count == 0)
            throw new EscoImportException($"{System.IO.Path.GetFileName(path)}: het bestand is leeg.");
        return new CsvTable { Path = path, Header = records[0].Fields, Records = records.GetRange(1, records.Count - 1) };
    }

    /// <summary>Splits CSV text into records with the (1-based) line each starts on. O(length of the text).</summary>
    public static List<(string[] Fields, int Line)> Split(string text)
    {
        var records = new List<(string[], int)>(text.Length / 200 + 1);
        var fields = new List<string>(16);
        var field = new StringBuilder();
        int i = 0, line = 1, n = text.Length;
        if (n > 0 && text[0] == '\uFEFF') i = 1;
        while (i < n)
        {
            int recordLine = line;
            fields.Clear();
            while (true)
            {
                // One field, ending at a comma (another field follows), a line break or the end (the record ends).
                string value;
                if (i < n && text[i] == '"')
                {
                    field.Clear();
                    i++;
                    while (true)
                    {
                        int q = text.IndexOf('"', i);
                        if (q < 0)
                        {
                            // Unterminated: the rest of the file is this field (the field count then tells what is wrong).
                            line += Count(text.AsSpan(i), '\n');
                            field.Append(text, i, n - i);
                            i = n;
                            break;
                        }
                        line += Count(text.AsSpan(i, q - i), '\n');
                        field.Append(text, i, q - i);
                        i = q + 1;
                        if (i < n && text[i] == '"') { field.Append('"'); i++; continue; }
                        break;
                    }
                    // Text between the closing quote and the separator is kept, as a lenient reader does.
                    int rest = i;
                    while (i < n && text[i] is not (',' or '\n' or '\r')) i++;
                    if (i > rest) field.Append(text, rest, i - rest);
                    value = field.ToString();
                }
                else
                {
                    int end = text.AsSpan(i).IndexOfAny(',', '\n', '\r');
                    end = end < 0 ? n : i + end;
                    value = text.Substring(i, end - i);
                    i = end;
                }
                fields.Add(value);
                if (i < n && text[i] == ',') { i++; continue; }
                // End of record: \r\n, \n or \r.
                if (i < n && text[i] == '\r') i++;
                if (i < n && text[i] == '\n') i++;
                line++;
                break;
            }
            records.Add((fields.ToArray(), recordLine));
        }
        return records;
    }

    private static int Count(ReadOnlySpan<char> s, char c)
    {
        int count = 0;
        for (int k = s.IndexOf(c); k >= 0; k = s.IndexOf(c))
        {
            count++;
            s = s[(k + 1)..];
        }
        return count;
    }
}
