namespace Klimrek.Infrastructure;

/// <summary>
/// The sections of the site as the main menu names them. A section is a path prefix ("/werkleren" holds
/// "/werkleren/experimenten/7"); the longest prefix wins, so "/beheer/privacy" is Privacy and not Beheer. The menu
/// marks the current section (<c>aria-current</c>), and the error pages speak about it.
/// </summary>
public static class MainMenu
{
    public const string Atlas = "/beroepen";
    public const string Career = "/klimrek";
    public const string SamenLeren = "/samen-leren";
    public const string Werkleren = "/werkleren";
    public const string Leercultuur = "/leercultuur";
    public const string Begeleiding = "/begeleiding";
    public const string About = "/over";
    public const string Beheer = "/beheer";
    public const string LabourMarket = "/beheer/arbeidsmarkt";
    public const string Privacy = "/beheer/privacy";

    private static readonly string[] Sections = [Atlas, Career, SamenLeren, Werkleren, Leercultuur, Begeleiding, About, Beheer, LabourMarket, Privacy];

    /// <summary>The section <paramref name="path"/> is in (the longest matching prefix), or null (the home page, accounts, …).</summary>
    public static string? SectionOf(string? path)
    {
        if (string.IsNullOrEmpty(path)) return null;
        string? best = null;
        foreach (var s in Sections)
            if ((path.Equals(s, StringComparison.OrdinalIgnoreCase) || path.StartsWith(s + "/", StringComparison.OrdinalIgnoreCase))
                && (best is null || s.Length > best.Length))
                best = s;
        return best;
    }

    /// <summary>"page" for the menu item of the section <paramref name="path"/> is in, otherwise null (no attribute).</summary>
    public static string? Current(string? path, string section) => SectionOf(path) == section ? "page" : null;
}
