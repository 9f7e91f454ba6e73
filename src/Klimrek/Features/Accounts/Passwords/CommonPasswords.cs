using System.Collections.Frozen;
using System.Text;

namespace Klimrek.Features.Accounts.Passwords;

/// <summary>
/// The shipped list of common passwords (<c>common-passwords.txt</c>, written by <c>tools/common-passwords.py</c>).
/// A password counts as common when, lower-cased and without spaces or separators, it is on the list — as it is, with
/// digits and punctuation stripped from both ends (<c>Wachtwoord2024!</c>), or with letter-for-digit swaps undone
/// (<c>w4chtw00rd</c>).
/// </summary>
public static class CommonPasswords
{
    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    public static int Count => List.Value.Count;

    public static bool Contains(string password) => Candidates(password).Any(List.Value.Contains);

    /// <summary>The password lower-cased and without spaces, dots, dashes or underscores.</summary>
    public static string Compact(string password)
    {
        var b = new StringBuilder(password.Length);
        foreach (var c in password.ToLowerInvariant())
            if (!char.IsWhiteSpace(c) && c is not ('-' or '_' or '.'))
                b.Append(c);
        return b.ToString();
    }

    private static IEnumerable<string> Candidates(string password)
    {
        var compact = Compact(password);
        yield return compact;
        var core = compact.Trim(Edges);
        if (core.Length == 0) yield break;
        yield return core;
        yield return Unleet(core);
        yield return Unleet(compact);
    }

    private static readonly char[] Edges = [.. "0123456789!@#$%^&*()+=?<>,;:'\"/\\|[]{}~`"];

    private static string Unleet(string s)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                '0' => 'o',
                '1' or '!' => 'i',
                '3' => 'e',
                '4' or '@' => 'a',
                '5' or '$' => 's',
                '7' => 't',
                '8' => 'b',
                _ => chars[i],
            };
        }
        return new string(chars);
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("Klimrek.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common-passwords list is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            words.Add(Compact(line));
        }
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
