using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Klimrek.Tests;

/// <summary>
/// The text of a PDF as PDFsharp writes it (fonts with Unicode encoding: glyph ids in hex strings, mapped back to text by
/// each font's ToUnicode map). Enough to check what a generated PDF says; not a general PDF text extractor.
/// </summary>
public static partial class PdfText
{
    public static string Of(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var text = new StringBuilder();
        foreach (var page in document.Pages)
        {
            var maps = new Dictionary<string, Dictionary<int, string>>(StringComparer.Ordinal);
            var fonts = page.Resources.Elements.GetDictionary("/Font");
            if (fonts is not null)
                foreach (var name in fonts.Elements.Keys)
                    if (fonts.Elements.GetDictionary(name)?.Elements.GetDictionary("/ToUnicode") is { Stream: { } cmap })
                        maps[name] = ToUnicode(Encoding.Latin1.GetString(cmap.UnfilteredValue));
            var content = new StringBuilder();
            for (int i = 0; i < page.Contents.Elements.Count; i++)
                if (page.Contents.Elements.GetDictionary(i) is { Stream: { } s }) content.Append(Encoding.Latin1.GetString(s.UnfilteredValue)).Append('\n');
            Dictionary<int, string>? current = null;
            foreach (Match m in Operators().Matches(content.ToString()))
            {
                if (m.Groups["font"].Success) current = maps.GetValueOrDefault("/" + m.Groups["font"].Value);
                else if (current is not null)
                {
                    var hex = string.Concat(m.Groups["hex"].Value.Where(char.IsAsciiHexDigit));
                    for (int i = 0; i + 4 <= hex.Length; i += 4)
                        text.Append(current.GetValueOrDefault(int.Parse(hex.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture), "?"));
                    text.Append('\n');
                }
            }
        }
        // A wrapped line goes on on the next: join lines with spaces to find sentences again.
        return text.ToString().Replace('\n', ' ');
    }

    private static Dictionary<int, string> ToUnicode(string cmap)
    {
        var map = new Dictionary<int, string>();
        foreach (var section in Sections(cmap, "bfchar"))
            foreach (Match m in BfChar().Matches(section)) map[Hex(m.Groups["g"].Value)] = Utf16(m.Groups["u"].Value);
        foreach (Match m in Sections(cmap, "bfrange").SelectMany(x => BfRange().Matches(x)))
        {
            int from = Hex(m.Groups["from"].Value), to = Hex(m.Groups["to"].Value), first = Hex(m.Groups["first"].Value);
            for (int g = from; g <= to; g++) map[g] = char.ConvertFromUtf32(first + g - from);
        }
        return map;
    }

    private static IEnumerable<string> Sections(string cmap, string kind)
    {
        for (int at = cmap.IndexOf("begin" + kind, StringComparison.Ordinal); at >= 0; at = cmap.IndexOf("begin" + kind, at + 1, StringComparison.Ordinal))
        {
            var end = cmap.IndexOf("end" + kind, at, StringComparison.Ordinal);
            yield return cmap[at..(end < 0 ? cmap.Length : end)];
        }
    }

    private static int Hex(string s) => int.Parse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string Utf16(string hex)
    {
        var units = new char[hex.Length / 4];
        for (int i = 0; i < units.Length; i++) units[i] = (char)Hex(hex.Substring(i * 4, 4));
        return new string(units);
    }

    [GeneratedRegex(@"/(?<font>[A-Za-z0-9+_-]+)\s+[\d.]+\s+Tf|<(?<hex>[0-9A-Fa-f\s]*)>\s*Tj", RegexOptions.None, 1000)]
    private static partial Regex Operators();

    [GeneratedRegex(@"<(?<g>[0-9A-Fa-f]{4})>\s*<(?<u>[0-9A-Fa-f]{4,})>", RegexOptions.None, 1000)]
    private static partial Regex BfChar();

    [GeneratedRegex(@"<(?<from>[0-9A-Fa-f]{4})>\s*<(?<to>[0-9A-Fa-f]{4})>\s*<(?<first>[0-9A-Fa-f]{4})>", RegexOptions.None, 1000)]
    private static partial Regex BfRange();
}
