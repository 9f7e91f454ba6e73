using CsvHelper;
using CsvHelper.Configuration;
using Klimrek.Infrastructure.Errors;
using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Klimrek.Features.SamenLeren;

/// <summary>A line of an address list or CSV file that was not used, with why (a resource key and its arguments).</summary>
public sealed record RejectedLine(int Line, string Text, Message Reason);

/// <summary>The addresses read from a list or file, and the lines that were left out.</summary>
public sealed record EnrolmentLines(IReadOnlyList<string> Emails, IReadOnlyList<RejectedLine> Rejected);

/// <summary>
/// Reads the addresses a steering group enrols: a typed list (one or more per line) or a CSV file with a column of
/// addresses and optionally a name, with or without a header, separated by <c>;</c> or <c>,</c>. Every line is judged
/// on its own, so one bad line is reported (by line number) and the good addresses still go out.
/// </summary>
public static class EnrolmentList
{
    public const int MaxBytes = 1024 * 1024;

    private static readonly EmailAddressAttribute Check = new();

    /// <summary>Whether <paramref name="s"/> is an address we send mail to.</summary>
    public static bool IsAddress(string s) => s.Length <= 256 && Check.IsValid(s) && !s.Any(char.IsWhiteSpace);

    /// <summary>A typed list: addresses separated by new lines, commas or semicolons; each line judged on its own.</summary>
    public static EnrolmentLines FromText(string? text)
    {
        var emails = new List<string>();
        var rejected = new List<RejectedLine>();
        var lines = (text ?? "").Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
            foreach (var part in lines[i].Split(',', ';').Select(p => p.Trim()).Where(p => p.Length > 0))
                Take(part, i + 1, part, emails, rejected);
        return new(emails, rejected);
    }

    /// <summary>A list of items (the API's <c>emails</c>): each item one address, numbered from 1.</summary>
    public static EnrolmentLines FromItems(IEnumerable<string?> items)
    {
        var emails = new List<string>();
        var rejected = new List<RejectedLine>();
        int i = 0;
        foreach (var item in items)
        {
            i++;
            var address = item?.Trim() ?? "";
            if (address.Length > 0) Take(address, i, address, emails, rejected);
        }
        return new(emails, rejected);
    }

    /// <summary>
    /// A CSV file: per record the first cell that looks like an address is taken (a name beside it is allowed and not
    /// used: people choose their own name when they register). A first line without any address is a header.
    /// </summary>
    public static EnrolmentLines FromCsv(string text)
    {
        var emails = new List<string>();
        var rejected = new List<RejectedLine>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false, DetectDelimiter = true, DetectDelimiterValues = [";", ",", "\t"], BadDataFound = null,
            MissingFieldFound = null, IgnoreBlankLines = true, TrimOptions = TrimOptions.Trim,
        };
        using var reader = new StringReader(text.TrimStart('\uFEFF'));
        using var parser = new CsvParser(reader, config);
        bool first = true;
        while (parser.Read())
        {
            var cells = parser.Record ?? [];
            int line = parser.RawRow;
            var raw = string.Join(parser.Delimiter, cells);
            if (cells.All(c => string.IsNullOrWhiteSpace(c))) continue;
            var address = cells.FirstOrDefault(c => c.Contains('@'));
            if (first && address is null)
            {
                first = false; // a header such as "e-mail;naam"
                continue;
            }
            first = false;
            if (address is null) rejected.Add(new(line, Clip(raw), new Message("Regel {0}: geen e-mailadres gevonden.", line)));
            else Take(address.Trim(), line, raw, emails, rejected);
        }
        return new(emails, rejected);
    }

    private static void Take(string address, int line, string raw, List<string> emails, List<RejectedLine> rejected)
    {
        if (!IsAddress(address)) rejected.Add(new(line, Clip(raw), new Message("Regel {0}: ‘{1}’ is geen geldig e-mailadres.", line, Clip(address))));
        else if (emails.Contains(address, StringComparer.OrdinalIgnoreCase)) return;
        else emails.Add(address);
    }

    private static string Clip(string s) => s.Length <= 120 ? s : s[..119] + "…";

    /// <summary>A CSV upload as text: refused when too large or not text.</summary>
    public static async Task<string> ReadAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > MaxBytes) throw ProblemException.Field("file", "Het bestand is te groot (hoogstens 1 MB).");
            buffer.Write(chunk, 0, n);
        }
        try
        {
            return new System.Text.UTF8Encoding(false, true).GetString(buffer.ToArray());
        }
        catch (System.Text.DecoderFallbackException)
        {
            // Spreadsheets on Windows often save CSV as Windows-1252: read it as Latin-1 rather than refuse it.
            return System.Text.Encoding.Latin1.GetString(buffer.ToArray());
        }
    }
}
