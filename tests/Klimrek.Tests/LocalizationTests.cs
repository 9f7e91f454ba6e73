using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Klimrek.Tests;

/// <summary>The UI strings' localizer: Dutch keys, English translations, lower-case words that share a capitalised entry.</summary>
[Collection(SqliteCollection.Name)]
public sealed partial class LocalizationTests(SqliteApp app)
{
    private static string In(string culture, IStringLocalizer l, string key, params object[] args)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try { return args.Length == 0 ? l[key].Value : l[key, args].Value; }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    [Fact]
    public void Lower_case_words_are_translated_through_their_capitalised_entry_and_Dutch_stays_as_typed()
    {
        var l = app.Service(sp => sp.GetRequiredService<IStringLocalizer<SharedResource>>());
        Assert.Equal("Employer", In("en", l, "Werkgever"));
        Assert.Equal("employer", In("en", l, "werkgever"));
        Assert.Equal("skills", In("en", l, "vaardigheden"));
        Assert.Equal("werkgever", In("nl-NL", l, "werkgever"));
        Assert.Equal("Werkgever", In("nl-NL", l, "Werkgever"));
        Assert.Equal("Has not met for 4 weeks.", In("en", l, "Al {0} weken niet ontmoet.", 4));
        Assert.Equal("Al 4 weken niet ontmoet.", In("nl-NL", l, "Al {0} weken niet ontmoet.", 4));
        // A key with no translation at all falls back to itself (Dutch), flagged as not found.
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try { Assert.True(l["zzz geen vertaling"].ResourceNotFound); Assert.Equal("zzz geen vertaling", l["zzz geen vertaling"].Value); }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    /// <summary>The source folder of the app (tests run from bin/…; the repository is above).</summary>
    [Fact]
    public void Every_english_entry_has_a_key_of_its_own_also_ignoring_case()
    {
        // The resource compiler compares keys without case and keeps only the first of two that differ in case (a
        // warning, not an error): the other text would silently have no translation.
        var resx = System.Xml.Linq.XDocument.Load(Path.Combine(SourceFolder(), "Resources", "SharedResource.en.resx"));
        var twice = resx.Root!.Elements("data").Select(d => (string)d.Attribute("name")!)
            .GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)).ToList();
        Assert.True(twice.Count == 0, "Keys given more than once (ignoring case):\n" + string.Join("\n", twice));
    }

    private static string SourceFolder()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Klimrek.slnx"))) return Path.Combine(d.FullName, "src", "Klimrek");
        throw new DirectoryNotFoundException("Klimrek.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// English is complete: every literal text a page asks the localizer for (<c>L["…"]</c>) and every refusal message
    /// a service raises (<c>ProblemException.…("…")</c>, <c>errors.Add("field", "…")</c>) has an English entry.
    /// </summary>
    [Fact]
    public void Every_literal_page_text_and_refusal_message_has_an_english_entry()
    {
        var l = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var root = SourceFolder();
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var f in Directory.EnumerateFiles(Path.Combine(root, "Features"), "*.cshtml", SearchOption.AllDirectories))
            foreach (Match m in PageText().Matches(File.ReadAllText(f)))
                keys.Add(m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal));
        foreach (var f in Directory.EnumerateFiles(Path.Combine(root, "Features"), "*.cs", SearchOption.AllDirectories))
            foreach (Match m in ServiceMessage().Matches(File.ReadAllText(f)))
                keys.Add(m.Groups[1].Value);
        Assert.True(keys.Count > 500, $"only {keys.Count} texts found: the patterns no longer match the code");
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        List<string> missing;
        try { missing = keys.Where(k => k.Any(char.IsLetter) && l[k].ResourceNotFound).ToList(); }
        finally { CultureInfo.CurrentUICulture = before; }
        Assert.True(missing.Count == 0, "No English entry for:\n" + string.Join("\n", missing));
    }

    [GeneratedRegex("""\bL\["((?:[^"\\]|\\.)+)"[\],]""")]
    private static partial Regex PageText();

    [GeneratedRegex("""(?:ProblemException\.(?:Invalid|Forbidden|Conflict)\(|ProblemException\.Field\("[^"]*",\s*|errors\.Add\("[^"]*",\s*)"((?:[^"\\]|\\.)+)"[,)]""")]
    private static partial Regex ServiceMessage();
}
