using Microsoft.AspNetCore.Identity;

namespace Klimrek.Data;

public enum OrganisationKind { Werkgever = 1, Onderwijs = 2, Regio = 3, Overig = 4 }

/// <summary>Where a curator's contribution comes from: the co-design of education and employers.</summary>
public enum ContributorOrigin { Onderwijs = 1, Werkgever = 2, Onderzoek = 3 }

public class Organisation
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public OrganisationKind Kind { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The sector (a key of <c>Features/Leercultuur/Sectors</c>): the leercultuur benchmark compares within it.</summary>
    public string? Sector { get; set; }
    /// <summary>The province (a key of <c>Features/Leercultuur/Regions</c>): the leercultuur benchmark compares within it.</summary>
    public string? Region { get; set; }
    /// <summary>Demo content (the <c>demo</c> verb): shown as such and never mixed into a real organisation's benchmark.</summary>
    public bool IsDemo { get; set; }
}

public class KlimrekUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    /// <summary>For curators: whether they write on behalf of education, an employer or research.</summary>
    public ContributorOrigin? Origin { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The language of the mail this person gets: "nl" (also when unset) or "en".</summary>
    public string? Language { get; set; }
}

/// <summary>Flags for the ESCO collections a concept belongs to.</summary>
[Flags]
public enum EscoCollections
{
    None = 0,
    Transversal = 1,
    Digital = 2,
    Green = 4,
    Language = 8,
    Research = 16,
    DigComp = 32,
}

public class IscoGroup
{
    public int Id { get; set; }
    public required string Uri { get; set; }
    public required string Code { get; set; }
    public int? ParentId { get; set; }
    public List<IscoGroupText> Texts { get; set; } = [];
}

public class Occupation
{
    public int Id { get; set; }
    public required string Uri { get; set; }
    /// <summary>ESCO code, e.g. "2221.1" (the ISCO unit group plus a suffix).</summary>
    public string? Code { get; set; }
    public string? IscoCode { get; set; }
    public int? IscoGroupId { get; set; }
    public IscoGroup? IscoGroup { get; set; }
    public int? BroaderOccupationId { get; set; }
    public EscoCollections Collections { get; set; }
    public string? ModifiedDate { get; set; }
    public List<OccupationText> Texts { get; set; } = [];
    public List<OccupationSkill> Skills { get; set; } = [];
}

public enum SkillConceptType { Skill = 1, SkillGroup = 2 }

public class Skill
{
    public int Id { get; set; }
    public required string Uri { get; set; }
    public SkillConceptType ConceptType { get; set; }
    /// <summary>"knowledge", "skill/competence", or null where ESCO leaves it empty.</summary>
    public string? SkillType { get; set; }
    public string? ReuseLevel { get; set; }
    /// <summary>Hierarchy code for skill groups ("S1.2", "T4", ISCED-F "0613").</summary>
    public string? Code { get; set; }
    public EscoCollections Collections { get; set; }
    public List<SkillText> Texts { get; set; } = [];
}

/// <summary>Labels and descriptions of a concept in one language; one row per concept and language.</summary>
public abstract class ConceptText
{
    public int Id { get; set; }
    public required string Language { get; set; }
    public required string PreferredLabel { get; set; }
    /// <summary>Newline-separated.</summary>
    public string? AltLabels { get; set; }
    /// <summary>Newline-separated.</summary>
    public string? HiddenLabels { get; set; }
    public string? Description { get; set; }

    public IEnumerable<string> AltLabelList => Split(AltLabels);
    public IEnumerable<string> HiddenLabelList => Split(HiddenLabels);
    private static string[] Split(string? s) =>
        (s ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public class OccupationText : ConceptText { public int OccupationId { get; set; } }
public class SkillText : ConceptText { public int SkillId { get; set; } }
public class IscoGroupText : ConceptText { public int IscoGroupId { get; set; } }

public class OccupationSkill
{
    public int OccupationId { get; set; }
    public int SkillId { get; set; }
    public Skill? Skill { get; set; }
    public bool IsEssential { get; set; }
}

/// <summary>Skill pillar hierarchy: a skill (or group) and one of its broader groups or skills.</summary>
public class SkillBroader
{
    public int SkillId { get; set; }
    public int BroaderSkillId { get; set; }
}

/// <summary>ESCO skill–skill relation (essential or optional).</summary>
public class SkillRelation
{
    public int SkillId { get; set; }
    public int RelatedSkillId { get; set; }
    public bool IsEssential { get; set; }
}

public class EscoImport
{
    public int Id { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime FinishedAt { get; set; }
    public required string Source { get; set; }
    public required string Languages { get; set; }
    public int Occupations { get; set; }
    public int Skills { get; set; }
    public int OccupationSkillRelations { get; set; }
    /// <summary>What the importer noticed and handled (data quirks), one line each.</summary>
    public string? Report { get; set; }
}

/// <summary>
/// One version of one section of a curated beroepsbeeld. Sections are the seven aspects, the classic and the
/// current image, and the structured lists (shifts, stories, developments, sources) stored as JSON.
/// Versions are append-only; the newest version of a section is its current content.
/// </summary>
public class ImageRevision
{
    public long Id { get; set; }
    public int OccupationId { get; set; }
    public required string Section { get; set; }
    public int Version { get; set; }
    public required string Content { get; set; }
    public string? AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public ContributorOrigin Origin { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? Note { get; set; }
    public bool IsDemo { get; set; }
}
