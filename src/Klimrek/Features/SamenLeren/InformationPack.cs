using Klimrek.Data;
using Microsoft.Extensions.Localization;

namespace Klimrek.Features.SamenLeren;

/// <summary>
/// A programme's information pack: the short text participants read on joining — what a duo gets, what is expected,
/// the rhythm. The steering group may write its own (<see cref="ProgrammeSettings.InformationPack"/>); without one, a
/// default in our own words is built from the programme's figures (hours, budget, duration, cadence), so it is never
/// out of step with the settings.
/// </summary>
public static class InformationPack
{
    public const int MaxLength = 4000;

    /// <summary>The default text's paragraphs (resource keys with the programme's figures), in the reader's language.</summary>
    public static IReadOnlyList<string> Default(ProgrammeSettings s, IStringLocalizer l)
    {
        int weeks = Math.Max(1, (s.EndDate.DayNumber - s.StartDate.DayNumber) / 7);
        return
        [
            l["Je leert in een duo met een collega die iets meebrengt wat jij wilt leren, en andersom. Jullie zijn gelijkwaardige partners: niemand is de leraar van de ander."].Value,
            l["Wat jullie krijgen: ieder {0} uur om samen te leren, en als duo € {1} voor externe deskundigheid (een training, een expert, materiaal) die jullie zelf kiezen.",
                s.HoursPerParticipant, s.ExpertBudgetPerDuo.ToString("#,0.##", System.Globalization.CultureInfo.CurrentCulture)].Value,
            l["Wat we van jullie verwachten: samen een plan van aanpak met een doel en een concreet product, regelmatig afspreken en je uren bijhouden."].Value,
            l["Het ritme: het programma loopt van {0:d MMMM yyyy} tot {1:d MMMM yyyy} ({2} weken). Elke {3} weken schrijf je een korte reflectie, er zijn {4} intervisiebijeenkomsten met de andere duo's, en aan het eind een evaluatie. Hebben jullie elkaar {5} weken niet gezien, dan krijg je een herinnering.",
                s.StartDate, s.EndDate, weeks, s.ReflectionCadenceWeeks, s.IntervisionSessionCount, s.NotMetWeeks].Value,
        ];
    }

    /// <summary>The text to show: the steering group's own (split into paragraphs at empty lines), else the default.</summary>
    public static IReadOnlyList<string> Paragraphs(ProgrammeSettings s, IStringLocalizer l) => s.InformationPack is { } own
        ? own.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        : Default(s, l);
}
