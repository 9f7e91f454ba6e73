namespace Klimrek.Infrastructure;

/// <summary>The account roles (docs/glossary.md). A role says what someone may do across the installation; what they
/// may do inside one programme is decided by that programme (its steering group, its participants).</summary>
public static class Roles
{
    public const string Deelnemer = "Deelnemer";
    public const string Begeleider = "Begeleider";
    /// <summary>Steering group (stuurgroep): may set up samen-leren programmes.</summary>
    public const string Stuurgroep = "Stuurgroep";
    public const string Curator = "Curator";
    public const string Beheerder = "Beheerder";
    public static readonly string[] All = [Deelnemer, Begeleider, Stuurgroep, Curator, Beheerder];
}

/// <summary>Authorization policies named after the roles they require.</summary>
public static class Policies
{
    public const string Curator = "Curator";
    public const string Beheerder = "Beheerder";
    public const string Begeleider = "Begeleider";
}
