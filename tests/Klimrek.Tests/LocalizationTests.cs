using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using System.Globalization;

namespace Klimrek.Tests;

/// <summary>The UI strings' localizer: Dutch keys, English translations, lower-case words that share a capitalised entry.</summary>
[Collection(SqliteCollection.Name)]
public sealed class LocalizationTests(SqliteApp app)
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
}
