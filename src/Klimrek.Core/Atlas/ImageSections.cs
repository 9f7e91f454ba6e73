namespace Klimrek.Core.Atlas;

/// <summary>Kinds of content a section of a curated beroepsbeeld holds.</summary>
public enum SectionKind { Text, Shifts, Stories, Developments, Sources, AspectMoves }

/// <summary>One editable section of a curated beroepsbeeld.</summary>
public sealed record ImageSection(string Key, SectionKind Kind, BodyAspect? Aspect);

/// <summary>
/// The sections curators write per occupation: the seven aspects, the classic and the current image, and four
/// structured lists. Keys are stable (stored with every revision and used in URLs).
/// </summary>
public static class ImageSections
{
    public const string Klassiek = "klassiek";
    public const string Actueel = "actueel";
    public const string Verschuivingen = "verschuivingen";
    public const string Verhalen = "verhalen";
    public const string Ontwikkelingen = "ontwikkelingen";
    public const string Bronnen = "bronnen";
    /// <summary>Curators' moves of ESCO skills to another aspect (<see cref="AspectMoves"/>), versioned like any section.</summary>
    public const string Aspecten = "aspecten";

    /// <summary>Maximum length of one text section or one serialised list, in characters.</summary>
    public const int MaxTextLength = 8000;
    public const int MaxListItems = 30;
    public const int MaxFieldLength = 1500;

    public static IReadOnlyList<ImageSection> All { get; } =
    [
        .. BodyAspects.All.Select(a => new ImageSection(a.Key(), SectionKind.Text, a)),
        new(Klassiek, SectionKind.Text, null),
        new(Actueel, SectionKind.Text, null),
        new(Verschuivingen, SectionKind.Shifts, null),
        new(Verhalen, SectionKind.Stories, null),
        new(Ontwikkelingen, SectionKind.Developments, null),
        new(Bronnen, SectionKind.Sources, null),
        new(Aspecten, SectionKind.AspectMoves, null),
    ];

    public static ImageSection? Find(string? key) =>
        All.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>Kinds of development that change an occupation.</summary>
    public static IReadOnlyList<string> DevelopmentKinds { get; } = ["technologie", "regelgeving", "maatschappij", "arbeidsmarkt"];
}

/// <summary>A shift in an occupation, e.g. zorgbegeleider → wooncoach.</summary>
public sealed record Shift(string From, string To, string? Explanation);

/// <summary>A practitioner's story or quote, with where it comes from.</summary>
public sealed record Story(string Quote, string Role, string? Source, string? Date, string? Origin);

/// <summary>A development that changes the work (technology, regulation, society, labour market).</summary>
public sealed record Development(string Kind, string Text);

/// <summary>A source the image is based on.</summary>
public sealed record SourceReference(string Title, string? Reference);
