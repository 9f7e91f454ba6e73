using Microsoft.Extensions.Localization;
using System.Globalization;
using CoreScan = Klimrek.Core.Leercultuur;

namespace Klimrek.Features.Leercultuur.Results;

/// <summary>
/// Advice per building block in our own words: what the block is about and two to four concrete actions, with links
/// into Klimrek where the platform helps (duos and intervision, learning experiments, conversation questions, the
/// micro learning climate, the development plan, occupation images). The weakest blocks come first, each with its
/// score and why it stands where it does. The texts are Dutch; English comes from the resources.
/// </summary>
public static class Advice
{
    /// <summary>An action of the advice; <paramref name="Link"/> leads into the platform when set.</summary>
    public sealed record Action(string Text, string? Link = null, string? LinkText = null);

    /// <summary>What a block is about and what to do about it (Dutch).</summary>
    public sealed record BlockAdvice(int Block, string Intro, IReadOnlyList<Action> Actions);

    public static readonly IReadOnlyList<BlockAdvice> Blocks =
    [
        new(1, "Mensen leren het meest van het werk zelf: van taken die afwisselen, uitdagen en om nadenken vragen. Als dat ontbreekt, helpt een cursus weinig.",
        [
            new("Laat iedereen één taak kiezen die net buiten het gewone werk ligt en spreek af wanneer je samen terugkijkt wat het opleverde.", "/werkleren/experimenten", "Leerexperimenten"),
            new("Wissel werk bewust: laat collega's een paar dagen meedraaien op een andere plek of in een ander soort klus."),
            new("Vraag in het werkoverleg waar mensen zelf een aanpak mogen bedenken in plaats van een voorschrift te volgen, en geef die ruimte ook echt."),
            new("Laat medewerkers hun eigen microleerklimaat in beeld brengen, zodat zichtbaar wordt waar het werk leren in de weg zit.", "/werkleren/klimaat", "Mijn microleerklimaat"),
        ]),
        new(2, "Wie bang is voor fouten, probeert niets nieuws. Ruimte om te experimenteren en open praten over wat misging zijn de basis van leren op het werk.",
        [
            new("Begin klein: laat een team een leerexperiment van een paar weken opzetten waarbij mislukken mag, en bespreek wat het opleverde.", "/werkleren/experimenten", "Leerexperimenten"),
            new("Bespreek fouten en bijna-fouten vast in het overleg, met de vraag 'wat leren we hiervan?' en nooit 'wie was het?'."),
            new("Gebruik de gespreksvragen om in een veilige setting te praten over wat iemand wil leren en wat hem tegenhoudt.", "/werkleren/gesprekken", "Gespreksvragen"),
            new("Laat leidinggevenden zelf voordoen dat ze iets niet weten of fout deden; dat maakt het voor anderen makkelijker."),
        ]),
        new(3, "Collega's zijn de belangrijkste bron van leren. Dat gaat vanzelf beter als er tijd en een vorm voor is: feedback, samen problemen oplossen, kennis delen.",
        [
            new("Koppel collega's in leerduo's die een paar maanden samen aan een vraag uit het werk werken.", "/samen-leren", "Samen leren"),
            new("Plan intervisie: een vaste groep die eens per maand een casus uit het werk bespreekt met een vaste methode.", "/samen-leren", "Intervisie in samen leren"),
            new("Maak feedback gewoon: sluit een overleg af met de vraag wat iedereen van een ander leerde of anders zou doen."),
            new("Zet de verschillen in het team in: laat iemand met een andere achtergrond een werkwijze voordoen of kritisch bekijken."),
        ]),
        new(4, "Leidinggevenden maken het verschil: zij verdelen het werk, voeren de gesprekken en laten zien of leren ertoe doet.",
        [
            new("Maak ontwikkeling een vast onderwerp in de gesprekken tussen leidinggevende en medewerker, met de gespreksvragen als houvast.", "/werkleren/gesprekken", "Gespreksvragen"),
            new("Leg haalbare leerafspraken vast in een persoonlijk ontwikkelplan en kijk er samen geregeld naar.", "/werkleren/pop", "Ontwikkelplan"),
            new("Verdeel werk ook op wat mensen ervan kunnen leren, niet alleen op wie het al het snelst kan."),
            new("Geef leidinggevenden zelf begeleiding of intervisie over hoe ze leren in hun team stimuleren."),
        ]),
        new(5, "Zonder tijd, geld en afspraken blijft leren iets voor erbij. De organisatie kan leren een vaste plek geven in de cyclus van het werk.",
        [
            new("Maak van de ontwikkelcyclus een vast ritme: plan, gesprek en terugblik, met een ontwikkelplan per medewerker.", "/werkleren/pop", "Ontwikkelplan"),
            new("Reserveer zichtbaar tijd voor leren (bijvoorbeeld een paar uur per maand) en bescherm die tegen de waan van de dag."),
            new("Zorg dat iedereen weet hoeveel opleidingsbudget er is en hoe je het aanvraagt; maak de aanvraag eenvoudig."),
            new("Leg vast wat teams leren (een korte notitie na een evaluatie) op een plek waar anderen het terugvinden."),
        ]),
        new(6, "Organisaties leren ook van buiten: van klanten, partners en ontwikkelingen in het vak. Wie naar binnen gekeerd is, mist wat eraan komt.",
        [
            new("Verken samen hoe beroepen in jullie sector veranderen en welke overstappen realistisch zijn, met de beroepsbeelden in Klimrek.", "/beroepen", "Beroepen"),
            new("Organiseer uitwisseling: een dag meelopen bij een partner, leverancier of collega-organisatie, met een terugkoppeling in het team."),
            new("Haal vragen en ideeën van klanten of cliënten structureel op en bespreek ze als leerstof in het team."),
        ]),
    ];

    /// <summary>The advice for the blocks with a mean on enough respondents, weakest first.</summary>
    public static List<AdviceView> For(IReadOnlyList<CoreScan.BlockScore> weakestFirst, BenchmarkView? benchmark, bool english, IStringLocalizer l)
    {
        var list = new List<AdviceView>();
        int rank = 0;
        foreach (var b in weakestFirst)
        {
            var advice = Blocks.FirstOrDefault(a => a.Block == b.Block);
            if (advice is null || b.Mean is not { } mean) continue;
            rank++;
            var score = mean.ToString("0.0", CultureInfo.CurrentCulture);
            var favourable = (b.FavourableShare ?? 0).ToString("0%", CultureInfo.CurrentCulture);
            var why = rank == 1
                ? string.Format(CultureInfo.CurrentCulture, l["De laagste score van alle bouwstenen: gemiddeld {0} op een schaal van 1 tot 5, {1} van de antwoorden gunstig."], score, favourable)
                : string.Format(CultureInfo.CurrentCulture, l["Plaats {0} van {1} van laag naar hoog: gemiddeld {2}, {3} van de antwoorden gunstig."], rank, weakestFirst.Count, score, favourable);
            var bench = benchmark?.Blocks.FirstOrDefault(x => x.Block == b.Block && x.Enough);
            if (bench is { P25: { } p25, P75: { } p75 })
                why += " " + (mean < p25 ? l["Dat is lager dan bij driekwart van de vergelijkbare organisaties."].Value
                    : mean > p75 ? l["Dat is hoger dan bij driekwart van de vergelijkbare organisaties."].Value
                    : l["Dat ligt in de middengroep van de vergelijkbare organisaties."].Value);
            list.Add(new AdviceView(b.Block, ResultsService.BlockName(b.Block, english), rank, mean, b.FavourableShare, why, l[advice.Intro],
                advice.Actions.Select(a => new AdviceAction(l[a.Text], a.Link, a.LinkText is null ? null : l[a.LinkText].Value)).ToList()));
        }
        return list;
    }
}
