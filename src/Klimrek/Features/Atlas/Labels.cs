using Klimrek.Core.Atlas;
using Klimrek.Data;

namespace Klimrek.Features.Atlas;

/// <summary>Dutch display names (also the localisation keys) of the body aspects.</summary>
public static class AspectLabels
{
    public static string Name(BodyAspect a) => a switch
    {
        BodyAspect.Hoofd => "Hoofd",
        BodyAspect.Handen => "Handen",
        BodyAspect.Hart => "Hart",
        BodyAspect.Mond => "Mond",
        BodyAspect.Buik => "Buik",
        BodyAspect.Voeten => "Voeten",
        _ => "Omgeving",
    };

    public static string Meaning(BodyAspect a) => a switch
    {
        BodyAspect.Hoofd => "kennis en praktijkkennis",
        BodyAspect.Handen => "taken en vaardigheden",
        BodyAspect.Hart => "passie, drijfveren en beroepstrots",
        BodyAspect.Mond => "communicatie en samenwerking",
        BodyAspect.Buik => "arbeidsomstandigheden en arbeidsvoorwaarden",
        BodyAspect.Voeten => "opleiding, ontwikkeling en verankering in de sector",
        _ => "ontwikkelingen en hoe anderen het beroep zien",
    };

    public static string SectionTitle(string key) => BodyAspects.TryParse(key, out var a) ? Name(a) : key switch
    {
        ImageSections.Klassiek => "Klassiek beeld",
        ImageSections.Actueel => "Actueel beeld",
        ImageSections.Verschuivingen => "Verschuivingen",
        ImageSections.Verhalen => "Verhalen uit de praktijk",
        ImageSections.Ontwikkelingen => "Ontwikkelingen",
        ImageSections.Bronnen => "Bronnen",
        ImageSections.Aspecten => "Vaardigheden per aspect",
        _ => key,
    };
}

public static class DevelopmentLabels
{
    public static string Of(string? kind) => kind?.ToLowerInvariant() switch
    {
        "technologie" => "technologie",
        "regelgeving" => "regelgeving",
        "maatschappij" => "maatschappij",
        "arbeidsmarkt" => "arbeidsmarkt",
        _ => "overig",
    };
}
