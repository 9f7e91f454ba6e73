using CsvHelper.Configuration;
using System.Globalization;

namespace Klimrek.Infrastructure.Csv;

/// <summary>
/// The one configuration every CSV export uses. A cell that starts with <c>= + - @</c>, a tab or a carriage return is
/// what a spreadsheet runs as a formula (formula or CSV injection: a display name <c>=HYPERLINK(…)</c>); such a cell
/// gets a leading apostrophe, so spreadsheets show it as text.
/// </summary>
public static class CsvExport
{
    public static CsvConfiguration Configuration(string delimiter = ",") => new(CultureInfo.InvariantCulture)
    {
        Delimiter = delimiter,
        InjectionOptions = InjectionOptions.Escape,
        InjectionCharacters = ['=', '+', '-', '@', '\t', '\r'],
        InjectionEscapeCharacter = '\'',
    };
}
