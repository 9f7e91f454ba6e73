using Klimrek.Data;
using Klimrek.Features.Esco;

namespace Klimrek.Features.Werkleren.Cycle;

/// <summary>What a person types for a plan (page and API alike).</summary>
public sealed record PlanInput(string? Title, DateOnly? StartsOn, DateOnly? EndsOn, string? Ambition);

public sealed record ActivityInput(string? Title, string? Form, string? Source, DateOnly? Date, decimal? Hours, string? Note);

/// <summary>The fields of an activity form (<c>_ActivityFields</c>): ids made unique by <see cref="Prefix"/>.</summary>
public sealed record ActivityFields(string Prefix, ActivityInput Input);

public sealed record CycleInput(string? Kind, DateOnly? Date, string? Preparation, string? Notes);

public sealed record AgreementInput(string? Text, DateOnly? DueOn, bool? Done);

/// <summary>A skill in the plan, labelled in the UI language (<see cref="Label"/> tells when it fell back to the other language).</summary>
public sealed record PlanSkillView(int Id, int SkillId, string Uri, LocalizedText Label, int? TargetOccupationId, string? Note);

public sealed record ActivityView(int Id, string Title, string Form, string Source, DateOnly? Date, decimal? Hours, string? Note);

public sealed record AgreementView(int Id, string Text, DateOnly? DueOn, bool Done, DateTime? DoneAt);

public sealed record CycleView(int Id, int PlanId, string Kind, DateOnly Date, string? Preparation, string? Notes, IReadOnlyList<AgreementView> Agreements, int Version);

/// <summary>A theme, driver or experiment as the plan gathers it (read from its own table).</summary>
public sealed record GatheredDriver(int Id, string Key, string Name, int Weight);
public sealed record GatheredTheme(int Id, string Title, string? Note);
public sealed record GatheredExperiment(int Id, string Title, string State, DateTime CreatedAt, DateTime? ClosedAt);

/// <summary>Samen-leren participation: the programme, the duo's status and the person's logged hours.</summary>
public sealed record SamenLerenLine(string Programme, string? DuoStatus, decimal Hours, int Sessions);

/// <summary>One source of learning in the person's own split (no norm: the literature's 70/20/10 is context, not a target).</summary>
public sealed record SourceLine(string Source, int Activities, int Experiments, int DuoSessions, decimal Hours, int Count, double Share);

public sealed record OverviewView(IReadOnlyList<SourceLine> Sources, int Total);

/// <summary>The plan with everything it gathers, as its owner sees it.</summary>
public sealed record PlanView(
    int Id, string Title, DateOnly StartsOn, DateOnly EndsOn, string? Ambition,
    IReadOnlyList<string> SharedWithLeidinggevende, IReadOnlyList<string> SharedWithBegeleider,
    IReadOnlyList<GatheredDriver> Drivers, IReadOnlyList<GatheredTheme> Themes, IReadOnlyList<GatheredExperiment> Experiments,
    IReadOnlyList<PlanSkillView> Skills, IReadOnlyList<ActivityView> Activities, IReadOnlyList<SamenLerenLine> SamenLeren, OverviewView Overview,
    IReadOnlyList<CycleView> Conversations, bool Current, DateTime CreatedAt, DateTime UpdatedAt, int Version);

public sealed record PlanSummary(int Id, string Title, DateOnly StartsOn, DateOnly EndsOn, bool Current, int Version);

public sealed record GapSkill(int SkillId, string Uri, LocalizedText Label, bool Essential, bool InPlan);

public sealed record GapView(int OccupationId, LocalizedText Occupation, IReadOnlyList<GapSkill> MissingEssential, IReadOnlyList<GapSkill> MissingOptional);

/// <summary>The keys of the plan's parts, the cycle's conversation kinds, and the learning forms and sources, as the API and forms use them.</summary>
public static class CycleKeys
{
    public static readonly (PlanParts Part, string Key)[] Parts =
    [
        (PlanParts.Ambition, "ambition"), (PlanParts.ThemesAndDrivers, "themesAndDrivers"), (PlanParts.Experiments, "experiments"),
        (PlanParts.Skills, "skills"), (PlanParts.Activities, "activities"), (PlanParts.Conversations, "conversations"),
    ];

    public static IReadOnlyList<string> PartKeys(PlanParts parts) => Parts.Where(p => parts.HasFlag(p.Part)).Select(p => p.Key).ToList();

    /// <summary>Parts from keys; false when one is unknown.</summary>
    public static bool TryParts(IEnumerable<string>? keys, out PlanParts parts)
    {
        parts = PlanParts.None;
        foreach (var k in keys ?? [])
        {
            var match = Parts.FirstOrDefault(p => string.Equals(p.Key, k, StringComparison.OrdinalIgnoreCase));
            if (match.Key is null) return false;
            parts |= match.Part;
        }
        return true;
    }

    /// <summary>The Dutch name of a part (a resource key).</summary>
    public static string PartName(PlanParts part) => part switch
    {
        PlanParts.Ambition => "Ambitie",
        PlanParts.ThemesAndDrivers => "Thema's en drijfveren",
        PlanParts.Experiments => "Leerexperimenten",
        PlanParts.Skills => "Vaardigheden om te ontwikkelen",
        PlanParts.Activities => "Leeractiviteiten en samen leren",
        PlanParts.Conversations => "Gesprekken van de cyclus",
        _ => part.ToString(),
    };

    public static readonly (CycleConversationKind Kind, string Key)[] Kinds =
    [
        (CycleConversationKind.Functioneringsgesprek, "functioneringsgesprek"), (CycleConversationKind.Ontwikkelingsgesprek, "ontwikkelingsgesprek"),
        (CycleConversationKind.Beoordelingsgesprek, "beoordelingsgesprek"),
    ];

    public static string KindKey(CycleConversationKind k) => Kinds.First(x => x.Kind == k).Key;
    public static bool TryKind(string? key, out CycleConversationKind kind)
    {
        var match = Kinds.FirstOrDefault(x => string.Equals(x.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase));
        kind = match.Kind;
        return match.Key is not null;
    }

    /// <summary>The Dutch name of a kind (a resource key).</summary>
    public static string KindName(CycleConversationKind k) => k switch
    {
        CycleConversationKind.Functioneringsgesprek => "Functioneringsgesprek",
        CycleConversationKind.Ontwikkelingsgesprek => "Ontwikkelingsgesprek",
        _ => "Beoordelingsgesprek",
    };

    public static readonly (LearningForm Form, string Key)[] Forms =
        [(LearningForm.Formeel, "formeel"), (LearningForm.NonFormeel, "non-formeel"), (LearningForm.Informeel, "informeel")];

    public static string FormKey(LearningForm f) => Forms.First(x => x.Form == f).Key;
    public static bool TryForm(string? key, out LearningForm form)
    {
        var k = key?.Trim().Replace("nonformeel", "non-formeel", StringComparison.OrdinalIgnoreCase);
        var match = Forms.FirstOrDefault(x => string.Equals(x.Key, k, StringComparison.OrdinalIgnoreCase));
        form = match.Form;
        return match.Key is not null;
    }

    public static string FormName(LearningForm f) => f switch
    {
        LearningForm.Formeel => "formeel (met diploma of certificaat)",
        LearningForm.NonFormeel => "non-formeel (georganiseerd, zonder diploma)",
        _ => "informeel (in het werk zelf)",
    };

    public static readonly (LearningSource Source, string Key)[] Sources =
        [(LearningSource.Ervaring, "ervaring"), (LearningSource.Anderen, "anderen"), (LearningSource.Cursus, "cursus")];

    public static string SourceKey(LearningSource s) => Sources.First(x => x.Source == s).Key;
    public static bool TrySource(string? key, out LearningSource source)
    {
        var match = Sources.FirstOrDefault(x => string.Equals(x.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase));
        source = match.Source;
        return match.Key is not null;
    }

    public static string SourceName(string key) => key switch
    {
        "ervaring" => "Ervaring: leren door te doen",
        "anderen" => "Anderen: leren van en met collega's",
        _ => "Cursus: leren in een training of opleiding",
    };

    public static string StateKey(ExperimentState s) => s switch
    {
        ExperimentState.Idee => "idee",
        ExperimentState.Loopt => "loopt",
        ExperimentState.Teruggekoppeld => "teruggekoppeld",
        _ => "afgerond",
    };
}
