namespace Klimrek.Core.Atlas;

/// <summary>
/// The seven aspects of a beroepsbeeld (holistic occupational image), drawn on a body.
/// The numeric values are stored in the database: never renumber.
/// </summary>
public enum BodyAspect
{
    /// <summary>Knowledge and practical knowledge.</summary>
    Hoofd = 1,
    /// <summary>Tasks and skills.</summary>
    Handen = 2,
    /// <summary>Passion, drivers, professional pride.</summary>
    Hart = 3,
    /// <summary>Communication, people management, collaboration.</summary>
    Mond = 4,
    /// <summary>Working conditions, terms of employment, labour relations.</summary>
    Buik = 5,
    /// <summary>Training and development; grounding in company culture and sector.</summary>
    Voeten = 6,
    /// <summary>Developments that change the work, and how outsiders see it.</summary>
    Omgeving = 7,
}

public static class BodyAspects
{
    public static IReadOnlyList<BodyAspect> All { get; } =
        [BodyAspect.Hoofd, BodyAspect.Handen, BodyAspect.Hart, BodyAspect.Mond, BodyAspect.Buik, BodyAspect.Voeten, BodyAspect.Omgeving];

    /// <summary>The stable lower-case key used in URLs, JSON and section names ("hoofd", "handen", …).</summary>
    public static string Key(this BodyAspect aspect) => aspect.ToString().ToLowerInvariant();

    public static bool TryParse(string? key, out BodyAspect aspect)
    {
        foreach (var a in All)
        {
            if (string.Equals(a.Key(), key, StringComparison.OrdinalIgnoreCase))
            {
                aspect = a;
                return true;
            }
        }
        aspect = default;
        return false;
    }
}
