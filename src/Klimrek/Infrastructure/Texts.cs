using Microsoft.Extensions.Localization;
using System.Globalization;

namespace Klimrek.Infrastructure;

/// <summary>
/// The UI strings in a language chosen per call (the API's <c>lang</c>), not only the request's culture: services
/// that compose sentences take their words from the resources through this, never from literals in two languages.
/// </summary>
public sealed class Texts(IStringLocalizer<SharedResource> localizer)
{
    private static readonly CultureInfo Dutch = new("nl-NL");
    private static readonly CultureInfo English = new("en");

    public Language In(string language) => new(localizer, language == "en" ? English : Dutch);

    /// <summary>Lookups in one language; numbers in the arguments are formatted in that language too.</summary>
    public readonly struct Language(IStringLocalizer localizer, CultureInfo culture)
    {
        public bool IsEnglish => culture.TwoLetterISOLanguageName == "en";

        public string this[string key, params object[] args]
        {
            get
            {
                var (ui, format) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
                try
                {
                    CultureInfo.CurrentUICulture = culture;
                    CultureInfo.CurrentCulture = culture;
                    return args.Length == 0 ? localizer[key].Value : localizer[key, args].Value;
                }
                finally
                {
                    CultureInfo.CurrentUICulture = ui;
                    CultureInfo.CurrentCulture = format;
                }
            }
        }
    }
}
