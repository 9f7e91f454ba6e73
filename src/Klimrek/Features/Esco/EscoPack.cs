using Klimrek.Data;

namespace Klimrek.Features.Esco;

/// <summary>Everything read from an ESCO CSV pack, validated, before anything is written.</summary>
public sealed class EscoPack
{
    public required string Source { get; init; }
    public SortedSet<string> Languages { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, OccupationRow> Occupations { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, SkillRow> Skills { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, IscoRow> IscoGroups { get; } = new(StringComparer.Ordinal);
    /// <summary>Texts keyed by (concept URI, language).</summary>
    public Dictionary<(string Uri, string Lang), TextRow> OccupationTexts { get; } = new();
    public Dictionary<(string Uri, string Lang), TextRow> SkillTexts { get; } = new();
    public Dictionary<(string Uri, string Lang), TextRow> IscoTexts { get; } = new();
    /// <summary>Languages that have a complete text file for the kind (so its old texts in that language are replaced).</summary>
    public HashSet<string> OccupationTextLanguages { get; } = [];
    public HashSet<string> SkillTextLanguages { get; } = [];
    public HashSet<string> IscoTextLanguages { get; } = [];

    public List<(string Child, string Parent)>? OccupationBroader { get; set; }
    public List<(string Child, string Parent)>? SkillBroader { get; set; }
    public List<(string Occupation, string Skill, bool Essential)>? OccupationSkills { get; set; }
    public List<(string Skill, string Related, bool Essential)>? SkillSkills { get; set; }

    /// <summary>Collection membership by concept URI (language-neutral).</summary>
    public Dictionary<string, EscoCollections> Collections { get; } = new(StringComparer.Ordinal);

    public List<string> FilesRead { get; } = [];
    public List<string> FilesIgnored { get; } = [];
    /// <summary>Data quirks noticed and handled; shown to the user and stored with the import.</summary>
    public List<string> Notes { get; } = [];
}

public sealed record OccupationRow(string Uri, string? Code, string? IscoCode, string? ModifiedDate);
public sealed record SkillRow(string Uri, SkillConceptType ConceptType, string? SkillType, string? ReuseLevel, string? Code);
public sealed record IscoRow(string Uri, string Code);
public sealed record TextRow(string PreferredLabel, string? AltLabels, string? HiddenLabels, string? Description);

/// <summary>A problem with an input file: names the file and the line, and nothing has been changed.</summary>
public sealed class EscoImportException(string message) : Exception(message);
