namespace Klimrek.Core.Transitions;

/// <summary>
/// Sector of an occupation, derived from its ISCO-08 sub-major group (the first two digits of the code).
/// ISCO groups occupations by skill level and specialisation, not by branch; this table groups the 43 sub-major
/// groups into the sectors Dutch career advice talks about. It is an approximation: a cook (51) and a hotel
/// manager (14) share "Horeca en toerisme", a company nurse still counts as "Zorg en welzijn".
/// </summary>
public static class Sectors
{
    public const string Zorg = "zorg";
    public const string Onderwijs = "onderwijs";
    public const string Ict = "ict";
    public const string Techniek = "techniek";
    public const string Bouw = "bouw";
    public const string Groen = "groen";
    public const string Logistiek = "logistiek";
    public const string Handel = "handel";
    public const string Horeca = "horeca";
    public const string Zakelijk = "zakelijk";
    public const string Veiligheid = "veiligheid";
    public const string Cultuur = "cultuur";
    public const string Management = "management";
    public const string Facilitair = "facilitair";

    public static IReadOnlyList<string> All { get; } =
        [Zorg, Onderwijs, Ict, Techniek, Bouw, Groen, Logistiek, Handel, Horeca, Zakelijk, Veiligheid, Cultuur, Management, Facilitair];

    public static string DutchName(string sector) => sector switch
    {
        Zorg => "Zorg en welzijn",
        Onderwijs => "Onderwijs",
        Ict => "ICT",
        Techniek => "Techniek en industrie",
        Bouw => "Bouw en infra",
        Groen => "Landbouw, natuur en visserij",
        Logistiek => "Transport en logistiek",
        Handel => "Handel en verkoop",
        Horeca => "Horeca en toerisme",
        Zakelijk => "Zakelijke en administratieve dienstverlening",
        Veiligheid => "Openbare orde, veiligheid en defensie",
        Cultuur => "Recht, sociaal domein, cultuur en media",
        Management => "Bestuur en management",
        Facilitair => "Schoonmaak en facilitair",
        _ => sector,
    };

    public static string EnglishName(string sector) => sector switch
    {
        Zorg => "Health and social care",
        Onderwijs => "Education",
        Ict => "ICT",
        Techniek => "Engineering and industry",
        Bouw => "Construction",
        Groen => "Agriculture, nature and fishery",
        Logistiek => "Transport and logistics",
        Handel => "Trade and sales",
        Horeca => "Hospitality and tourism",
        Zakelijk => "Business and administrative services",
        Veiligheid => "Public order, security and defence",
        Cultuur => "Law, social work, culture and media",
        Management => "Management and public administration",
        Facilitair => "Cleaning and facility services",
        _ => sector,
    };

    /// <summary>
    /// ISCO-08 skill level of a code's major group (1 = elementary … 4 = professional), or null for armed forces
    /// and unknown codes. Managers (1) count as level 4, the level ISCO assigns to most of them.
    /// </summary>
    public static int? SkillLevel(string? iscoCode) => iscoCode is { Length: > 0 } ? iscoCode[0] switch
    {
        '1' or '2' => 4,
        '3' => 3,
        '4' or '5' or '6' or '7' or '8' => 2,
        '9' => 1,
        _ => null,
    } : null;

    /// <summary>"up", "down" or "level": the kind of move between two ISCO codes by skill level; null when unknown.</summary>
    public static string? MoveKind(string? fromIsco, string? toIsco) =>
        SkillLevel(fromIsco) is int a && SkillLevel(toIsco) is int b ? (b > a ? "up" : b < a ? "down" : "level") : null;

    /// <summary>The sector of an ISCO-08 code (any level with at least two digits), or null when unknown.</summary>
    public static string? OfIsco(string? iscoCode)
    {
        if (iscoCode is null || iscoCode.Length < 2 || !char.IsAsciiDigit(iscoCode[0]) || !char.IsAsciiDigit(iscoCode[1])) return null;
        // Unit groups whose sub-major group puts them in the wrong branch (found in the quality review, docs/transitions.md).
        if (iscoCode.Length >= 4)
        {
            switch (iscoCode[..4])
            {
                case "5312": return Onderwijs;            // teachers' aides sit under personal care workers
                case "3123" or "3112" or "2161": return Bouw; // construction supervisors, civil engineering technicians, building architects
                case "2634" or "2635" or "3412": return Zorg; // psychologists and social work: zorg en welzijn in Dutch usage
                case "3434": return Horeca;               // chefs sit under cultural associate professionals
                case "5165": return Onderwijs;            // driving instructors sit under personal service workers
                case "3351" or "3355": return Veiligheid; // customs officers, police inspectors and detectives
            }
        }
        return iscoCode[..2] switch
        {
            "01" or "02" or "03" or "54" => Veiligheid,
            "11" or "12" or "13" => Management,
            "14" or "51" or "94" => Horeca,
            "21" or "31" or "72" or "73" or "74" or "75" or "81" or "82" => Techniek,
            "22" or "32" or "53" => Zorg,
            "23" => Onderwijs,
            "24" or "33" or "41" or "42" or "43" or "44" => Zakelijk,
            "25" or "35" => Ict,
            "26" or "34" => Cultuur,
            "52" or "95" => Handel,
            "61" or "62" or "63" or "92" => Groen,
            "71" => Bouw,
            "83" or "93" => Logistiek,
            "91" or "96" => Facilitair,
            _ => null,
        };
    }
}
