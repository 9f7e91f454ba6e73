using Klimrek.Data;
using Klimrek.Features.Esco;

namespace Klimrek.Features.Werkleren.Experiments;

/// <summary>A skill or driver the owner can link an experiment to, as the form lists it.</summary>
public sealed record LinkChoice(string Key, string Name);
public sealed record SkillChoice(int Id, LocalizedText Label);

/// <summary>The experiment form of the new and the detail page.</summary>
public sealed class ExperimentForm
{
    public string? Title { get; set; }
    public string? WhatAndWhy { get; set; }
    public string? Question { get; set; }
    public string? Activity { get; set; }
    public string? Needs { get; set; }
    public string? FeedbackPlan { get; set; }
    public string? Findings { get; set; }
    public string? NextStep { get; set; }
    public List<string> Drivers { get; set; } = [];
    public List<int> SkillIds { get; set; } = [];
    /// <summary>The form held the drivers and skills (the owner's form): the lists replace the links.</summary>
    public bool LinksShown { get; set; }

    // What the form shows (not posted).
    public bool WithOutcome { get; set; }
    public bool Links { get; set; }
    public List<LinkChoice> DriverChoices { get; set; } = [];
    public List<SkillChoice> SkillChoices { get; set; } = [];

    public string? Text(string field) => field switch
    {
        "whatAndWhy" => WhatAndWhy,
        "question" => Question,
        "activity" => Activity,
        "needs" => Needs,
        _ => FeedbackPlan,
    };

    public ExperimentInput Input(bool withOutcome) => new(Title, WhatAndWhy, Question, Activity, Needs, FeedbackPlan,
        withOutcome ? Findings : null, withOutcome ? NextStep : null, LinksShown ? Drivers : null, LinksShown ? SkillIds : null);

    /// <summary>The owner's drivers and profile skills to choose from, with labels in the UI language.</summary>
    public async Task LoadChoicesAsync(ExperimentService experiments, EscoCatalogue esco, string ownerId, string language, CancellationToken ct) =>
        await LoadChoicesAsync(esco, await experiments.DriversOfAsync(ownerId, ct), await experiments.ProfileSkillsOfAsync(ownerId, ct), language, ct);

    /// <summary>The choices from the owner's drivers and profile skills the page already read.</summary>
    public async Task LoadChoicesAsync(EscoCatalogue esco, IReadOnlyList<PersonDriver> drivers, IReadOnlyList<ProfileSkill> skills, string language, CancellationToken ct)
    {
        Links = true;
        var english = language == "en";
        DriverChoices = drivers.GroupBy(d => d.Key).Select(g => new LinkChoice(g.Key,
            g.Key == Werkleren.Drivers.Eigen ? string.Join(", ", g.Select(d => Werkleren.Drivers.NameOf(d, english)))
                : english ? Werkleren.Drivers.EnglishName(g.Key) : Werkleren.Drivers.DutchName(g.Key))).ToList();
        var catalogue = await esco.GetAsync(ct);
        SkillChoices = skills.Where(s => catalogue.Skills.ContainsKey(s.SkillId))
            .Select(s => new SkillChoice(s.SkillId, catalogue.Skills[s.SkillId].Label(language)))
            .OrderBy(s => s.Label.Text, StringComparer.CurrentCultureIgnoreCase).ToList();
    }
}
