namespace Klimrek.Features.Leercultuur;

/// <summary>A key with its Dutch and English name.</summary>
public sealed record Named(string Key, string Nl, string En)
{
    public string In(string language) => language == "en" ? En : Nl;
}

/// <summary>Sectors an organisation can be in; the benchmark compares organisations of one sector (and region).</summary>
public static class Sectors
{
    public static readonly IReadOnlyList<Named> All =
    [
        new("zorg-welzijn", "Zorg en welzijn", "Health and social care"),
        new("onderwijs", "Onderwijs", "Education"),
        new("techniek-industrie", "Techniek en industrie", "Engineering and manufacturing"),
        new("bouw-installatie", "Bouw en installatie", "Construction and installation"),
        new("handel", "Handel", "Trade and retail"),
        new("logistiek-vervoer", "Logistiek en vervoer", "Logistics and transport"),
        new("ict", "ICT", "ICT"),
        new("zakelijke-diensten", "Zakelijke dienstverlening", "Business services"),
        new("horeca-recreatie", "Horeca en recreatie", "Hospitality and leisure"),
        new("agro-food", "Agro en food", "Agriculture and food"),
        new("overheid", "Overheid", "Government"),
        new("cultuur-media", "Cultuur en media", "Culture and media"),
        new("overig", "Overig", "Other"),
    ];

    public static Named? Find(string? key) => All.FirstOrDefault(s => s.Key == key);
}

/// <summary>The twelve provinces: the region the benchmark compares within.</summary>
public static class Regions
{
    public static readonly IReadOnlyList<Named> All =
    [
        new("groningen", "Groningen", "Groningen"),
        new("friesland", "Friesland", "Friesland"),
        new("drenthe", "Drenthe", "Drenthe"),
        new("overijssel", "Overijssel", "Overijssel"),
        new("flevoland", "Flevoland", "Flevoland"),
        new("gelderland", "Gelderland", "Gelderland"),
        new("utrecht", "Utrecht", "Utrecht"),
        new("noord-holland", "Noord-Holland", "North Holland"),
        new("zuid-holland", "Zuid-Holland", "South Holland"),
        new("zeeland", "Zeeland", "Zeeland"),
        new("noord-brabant", "Noord-Brabant", "North Brabant"),
        new("limburg", "Limburg", "Limburg"),
    ];

    public static Named? Find(string? key) => All.FirstOrDefault(s => s.Key == key);
}

/// <summary>The building blocks' names and the coaching phases' names, Dutch and English.</summary>
public static class ScanNames
{
    public static readonly IReadOnlyList<Named> Blocks =
    [
        new("1", "Inhoud van werk", "Content of work"),
        new("2", "Ruimte en veiligheid om te ontwikkelen", "Room and safety to develop"),
        new("3", "Samenwerkend leren en teamontwikkeling", "Collaborative learning and team development"),
        new("4", "Leiderschap gericht op ontwikkelen", "Development-oriented leadership"),
        new("5", "Organisatie ingericht op ontwikkeling", "An organisation set up for development"),
        new("6", "Verbinding met de externe omgeving", "Connection with the outside world"),
    ];

    public static Named Block(int block) => Blocks[block - 1];

    /// <summary>The smallest group a figure may describe, everywhere in the scan.</summary>
    public const int MinGroup = 5;
}
