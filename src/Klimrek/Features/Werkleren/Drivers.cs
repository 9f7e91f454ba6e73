using Klimrek.Data;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Werkleren;

/// <summary>A driver and how much it weighs for the person (1–5).</summary>
public sealed record DriverWeight(string Key, int Weight);

/// <summary>
/// The drivers (drijfveren) a person can name: what moves them in their work, asked instead of learning goals. One model
/// for the whole app: werkleren records them (<see cref="PersonDriver"/>), Mijn klimrek's personal fit weighs steps by them.
/// </summary>
public static class Drivers
{
    public const string Ontwikkeling = "ontwikkeling";
    public const string Verbondenheid = "verbondenheid";
    public const string Kwaliteit = "kwaliteit";
    public const string Erkenning = "erkenning";
    /// <summary>A driver in the person's own words (<see cref="PersonDriver.OwnWords"/>).</summary>
    public const string Eigen = "eigen";
    public const int MinWeight = 1;
    public const int MaxWeight = 5;

    /// <summary>The named drivers (without <see cref="Eigen"/>).</summary>
    public static IReadOnlyList<string> All { get; } = [Ontwikkeling, Verbondenheid, Kwaliteit, Erkenning];

    public static bool IsKnown(string key) => key == Eigen || All.Contains(key);

    public static string DutchName(string d) => d switch
    {
        Ontwikkeling => "Ontwikkeling: verbreden, uitgedaagd worden",
        Verbondenheid => "Verbondenheid: erbij horen, serieus genomen worden door collega's",
        Kwaliteit => "Kwaliteit van zorg of werk",
        Erkenning => "Erkenning van vakmanschap",
        Eigen => "In eigen woorden",
        _ => d,
    };

    public static string EnglishName(string d) => d switch
    {
        Ontwikkeling => "Development: broadening, being challenged",
        Verbondenheid => "Belonging: being taken seriously by colleagues",
        Kwaliteit => "Quality of care or work",
        Erkenning => "Recognition of expertise",
        Eigen => "In your own words",
        _ => d,
    };

    /// <summary>The name of a recorded driver: its own words when it has them.</summary>
    public static string NameOf(PersonDriver d, bool english) =>
        d.Key == Eigen && !string.IsNullOrWhiteSpace(d.OwnWords) ? d.OwnWords! : english ? EnglishName(d.Key) : DutchName(d.Key);

    /// <summary>A person's named drivers with their weights (for the personal fit of Mijn klimrek).</summary>
    public static async Task<IReadOnlyList<DriverWeight>> WeightsAsync(KlimrekDbContext db, string userId, CancellationToken ct) =>
        (await db.PersonDrivers.AsNoTracking().Where(d => d.UserId == userId).OrderBy(d => d.Id).Select(d => new { d.Key, d.Weight }).ToListAsync(ct))
        .Where(d => All.Contains(d.Key)).GroupBy(d => d.Key).Select(g => new DriverWeight(g.Key, g.Max(x => x.Weight))).ToList();
}
