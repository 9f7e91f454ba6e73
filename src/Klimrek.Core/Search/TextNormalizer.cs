using System.Globalization;
using System.Text;

namespace Klimrek.Core.Search;

/// <summary>Folds text for matching: lower case, no diacritics, letters and digits only.</summary>
public static class TextNormalizer
{
    /// <summary>
    /// Lower-cases (invariant), removes diacritics (é→e, ë→e, ç→c) through Unicode decomposition, expands a few
    /// letters that do not decompose (ß→ss, æ→ae, ø→o, œ→oe, ĳ→ij, ł→l, đ→d, þ→th) and turns every other
    /// character into a single space. O(n).
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        string decomposed;
        try
        {
            decomposed = text.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            // Invalid UTF-16 (a lone surrogate): drop the surrogates and go on.
            decomposed = new string(text.Where(c => !char.IsSurrogate(c)).ToArray()).Normalize(NormalizationForm.FormD);
        }
        var sb = new StringBuilder(decomposed.Length);
        bool space = true;
        foreach (var ch in decomposed)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                continue;
            if (char.IsLetterOrDigit(ch) && !char.IsSurrogate(ch))
            {
                var lower = char.ToLowerInvariant(ch);
                switch (lower)
                {
                    case 'ß': sb.Append("ss"); break;
                    case 'æ': sb.Append("ae"); break;
                    case 'ø': sb.Append('o'); break;
                    case 'œ': sb.Append("oe"); break;
                    case 'ĳ': sb.Append("ij"); break;
                    case 'ł': sb.Append('l'); break;
                    case 'đ': sb.Append('d'); break;
                    case 'þ': sb.Append("th"); break;
                    case 'ı': sb.Append('i'); break;
                    default: sb.Append(lower); break;
                }
                space = false;
            }
            else if (!space)
            {
                sb.Append(' ');
                space = true;
            }
        }
        if (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        return sb.ToString();
    }

    /// <summary>The normalized tokens of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<string> Tokenize(string? text)
    {
        var n = Normalize(text);
        return n.Length == 0 ? [] : n.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
