namespace Klimrek.Data;

/// <summary>The stable keys of <see cref="ContributorOrigin"/> as forms and URLs write them (the UI translates the key).</summary>
public static class OriginLabels
{
    public static string Of(ContributorOrigin o) => o switch
    {
        ContributorOrigin.Onderwijs => "onderwijs",
        ContributorOrigin.Werkgever => "werkgever",
        _ => "onderzoek",
    };

    public static string Of(string? o) => o?.ToLowerInvariant() switch
    {
        "onderwijs" => "onderwijs",
        "werkgever" => "werkgever",
        _ => "onderzoek",
    };

    public static bool TryParse(string? value, out ContributorOrigin origin)
    {
        origin = value?.ToLowerInvariant() switch
        {
            "onderwijs" => ContributorOrigin.Onderwijs,
            "werkgever" => ContributorOrigin.Werkgever,
            "onderzoek" => ContributorOrigin.Onderzoek,
            _ => default,
        };
        return Enum.IsDefined(origin);
    }
}
