using CsvHelper;
using System.Globalization;
using System.Text;

namespace Klimrek.Features.Leercultuur.Results;

/// <summary>
/// The CSV of a round's results: aggregates only — per group (the round, every shown unit) and block the respondents,
/// mean, standard deviation, favourable share and the distribution of answers. Never an answer, never an open text, and
/// no row for a hidden block.
/// </summary>
public static class ResultsExport
{
    public static string FileName(RoundResults r, string extension) => $"leercultuur-ronde-{r.RoundId}.{extension}";

    public static byte[] Csv(RoundResults r)
    {
        using var sw = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(sw, Klimrek.Infrastructure.Csv.CsvExport.Configuration(";")))
        {
            foreach (var h in new[] { "groep", "eenheid_id", "bouwsteen", "bouwsteen_naam", "respondenten", "gemiddelde", "standaardafwijking", "aandeel_gunstig",
                         "antwoord_1", "antwoord_2", "antwoord_3", "antwoord_4", "antwoord_5", "weet_niet" })
                csv.WriteField(h);
            csv.NextRecord();
            if (r.Round is not null)
                foreach (var g in new[] { r.Round }.Concat(r.Units))
                    foreach (var b in g.Blocks.Where(b => !b.Hidden))
                    {
                        csv.WriteField(g.Name);
                        csv.WriteField(g.UnitId?.ToString(CultureInfo.InvariantCulture) ?? "");
                        csv.WriteField(b.Block);
                        csv.WriteField(b.Name);
                        csv.WriteField(b.Respondents);
                        csv.WriteField(F(b.Mean, "0.000"));
                        csv.WriteField(F(b.StdDev, "0.000"));
                        csv.WriteField(F(b.FavourableShare, "0.000"));
                        foreach (var n in b.Distribution ?? []) csv.WriteField(n);
                        csv.WriteField(b.DontKnow);
                        csv.NextRecord();
                    }
        }
        return new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(sw.ToString())).ToArray();
    }

    private static string F(double? v, string format) => v?.ToString(format, CultureInfo.InvariantCulture) ?? "";
}
