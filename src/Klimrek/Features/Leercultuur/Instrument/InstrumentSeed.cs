namespace Klimrek.Features.Leercultuur.Instrument;

/// <summary>One item of the shipped instrument (see <see cref="InstrumentSeed"/>).</summary>
public sealed record SeedItem(string Key, int Block, Data.ScanItemKind Kind, string Nl, string En, string? Options = null, bool Multiple = false);

/// <summary>
/// Klimrek's own scan instrument, revision 1: five statements per building block, one open question per block, and
/// three questions on how learning happens now (the onderstroom). Written for Klimrek on the six blocks of domain.md
/// §M5; it is not the validated 47-item scan (docs/leercultuur.md says what that means for its use).
/// </summary>
public static class InstrumentSeed
{
    private const Data.ScanItemKind S = Data.ScanItemKind.Stelling;
    private const Data.ScanItemKind O = Data.ScanItemKind.Open;
    private const Data.ScanItemKind U = Data.ScanItemKind.Onderstroom;

    public static readonly IReadOnlyList<SeedItem> Items =
    [
        new("b1.afwisseling", 1, S, "Mijn werk is afwisselend genoeg om er steeds iets van te leren.", "My work is varied enough that I keep learning from it."),
        new("b1.uitdaging", 1, S, "Ik krijg geregeld taken die ik niet vaak doe en die me uitdagen.", "I regularly get tasks I don't often do and that challenge me."),
        new("b1.autonomie", 1, S, "Ik mag zelf bedenken hoe ik een probleem in mijn werk aanpak.", "I am free to work out how I tackle a problem in my work."),
        new("b1.kennis", 1, S, "In mijn werk moet ik mijn kennis gebruiken om oplossingen te vinden, niet alleen voorschriften volgen.",
            "My work asks me to use what I know to find solutions, not only to follow instructions."),
        new("b1.rust", 1, S, "Ik heb genoeg ruimte in mijn werk om van lastige situaties te leren.", "My work leaves me enough room to learn from difficult situations."),
        new("b1.open", 1, O, "Wat in je werk zelf helpt je om te leren, en wat houdt je tegen?", "What in the work itself helps you learn, and what holds you back?"),

        new("b2.fouten", 2, S, "Bij ons mag je fouten maken, zolang je er iets van leert.", "Here you may make mistakes, as long as you learn from them."),
        new("b2.bespreken", 2, S, "Fouten bespreken we open met elkaar, zonder een schuldige te zoeken.", "We discuss mistakes openly, without looking for someone to blame."),
        new("b2.uitproberen", 2, S, "Ik kan iets nieuws uitproberen, ook als niet zeker is dat het lukt.", "I can try something new, even when it is not certain to work."),
        new("b2.nietweten", 2, S, "Ik durf te zeggen dat ik iets nog niet weet of kan.", "I dare to say that I don't yet know or can't yet do something."),
        new("b2.ideeen", 2, S, "Als ik een idee heb om het werk anders te doen, wordt daar serieus naar gekeken.",
            "When I have an idea for doing the work differently, it is taken seriously."),
        new("b2.open", 2, O, "Wat maakt het bij jullie veilig om iets nieuws te proberen, en wat maakt het lastig?",
            "What makes it safe for you to try something new here, and what makes it hard?"),

        new("b3.feedback", 3, S, "Collega's geven elkaar geregeld feedback op het werk.", "Colleagues regularly give each other feedback on the work."),
        new("b3.hulp", 3, S, "Ik vraag een collega makkelijk om hulp als ik ergens niet uitkom.", "I find it easy to ask a colleague for help when I'm stuck."),
        new("b3.delen", 3, S, "In ons team delen we kennis en ervaringen met elkaar.", "In our team we share knowledge and experience with each other."),
        new("b3.vertrouwen", 3, S, "In mijn team vertrouwen en respecteren we elkaar.", "In my team we trust and respect each other."),
        new("b3.verschillen", 3, S, "We maken gebruik van de verschillende achtergronden en kwaliteiten in het team.",
            "We make use of the different backgrounds and strengths in the team."),
        new("b3.open", 3, O, "Wat helpt jullie om van en met elkaar te leren, en wat zit in de weg?",
            "What helps you learn from and with each other, and what gets in the way?"),

        new("b4.stimuleren", 4, S, "Mijn leidinggevende moedigt me aan om me verder te ontwikkelen.", "My manager encourages me to keep developing."),
        new("b4.werk", 4, S, "Mijn leidinggevende geeft me werk waarin ik beter word in wat ik kan én iets nieuws leer.",
            "My manager gives me work in which I get better at what I do and also learn something new."),
        new("b4.afspraken", 4, S, "Mijn leidinggevende maakt met mij haalbare afspraken over wat ik wil leren.",
            "My manager agrees achievable aims with me about what I want to learn."),
        new("b4.visie", 4, S, "Mijn leidinggevende maakt duidelijk waar we als team naartoe willen.", "My manager makes clear where we want to go as a team."),
        new("b4.kennis", 4, S, "Mijn leidinggevende zorgt dat kennis tussen collega's wordt uitgewisseld.", "My manager makes sure knowledge is exchanged between colleagues."),
        new("b4.open", 4, O, "Wat doet je leidinggevende dat je helpt te leren, en wat zou je anders willen?",
            "What does your manager do that helps you learn, and what would you like to be different?"),

        new("b5.tijd", 5, S, "Er is tijd in het werk om te leren en je te ontwikkelen.", "There is time at work to learn and develop."),
        new("b5.budget", 5, S, "Er is geld voor opleiding en ontwikkeling, en ik weet hoe ik het kan gebruiken.",
            "There is money for training and development, and I know how to use it."),
        new("b5.gesprekken", 5, S, "In de gesprekken over mijn werk is mijn ontwikkeling een vast onderwerp.", "My development is a fixed topic in the conversations about my work."),
        new("b5.vastleggen", 5, S, "Wat we leren leggen we zo vast dat anderen het terug kunnen vinden.", "What we learn is recorded so that others can find it again."),
        new("b5.evalueren", 5, S, "We kijken geregeld met het team terug op hoe het werk ging en wat we ervan leren.",
            "We regularly look back as a team on how the work went and what we learn from it."),
        new("b5.open", 5, O, "Wat in de organisatie (tijd, geld, gesprekken, afspraken) helpt je te leren, en wat ontbreekt?",
            "What in the organisation (time, money, conversations, arrangements) helps you learn, and what is missing?"),

        new("b6.klanten", 6, S, "We leren van de vragen en ideeën van klanten, cliënten of leerlingen.", "We learn from the questions and ideas of customers, clients or students."),
        new("b6.partners", 6, S, "Problemen lossen we soms samen op met leveranciers of partners.", "We sometimes solve problems together with suppliers or partners."),
        new("b6.ontwikkelingen", 6, S, "Ik weet welke ontwikkelingen buiten de organisatie ons werk gaan veranderen.",
            "I know which developments outside the organisation will change our work."),
        new("b6.buiten", 6, S, "Ik krijg de kans om ook buiten de organisatie te leren, bijvoorbeeld bij andere bedrijven of in een netwerk.",
            "I get the chance to learn outside the organisation too, for instance at other companies or in a network."),
        new("b6.inbrengen", 6, S, "Wat ik buiten de organisatie leer, kan ik in mijn werk gebruiken.", "What I learn outside the organisation I can use in my work."),
        new("b6.open", 6, O, "Van wie buiten de organisatie leren jullie, en wat zou daarbij helpen?",
            "Who outside the organisation do you learn from, and what would help with that?"),

        new("o.vanwie", 0, U, "Van wie leer je in je werk het meest? Kies er hoogstens drie.", "Who do you learn the most from in your work? Choose up to three.",
            "team|Collega's in mijn team|Colleagues in my team\n" +
            "elders|Collega's elders in de organisatie|Colleagues elsewhere in the organisation\n" +
            "leidinggevende|Mijn leidinggevende|My manager\n" +
            "klanten|Klanten, cliënten of leerlingen|Customers, clients or students\n" +
            "buiten|Mensen buiten de organisatie|People outside the organisation\n" +
            "opleiding|Opleidingen en cursussen|Training and courses\n" +
            "zelf|Zelf uitzoeken (internet, boeken, video)|Finding out myself (internet, books, video)", Multiple: true),
        new("o.wanneer", 0, U, "Wanneer leer je het meest? Kies er hoogstens drie.", "When do you learn the most? Choose up to three.",
            "gewoon|Tijdens het gewone werk|During ordinary work\n" +
            "nieuw|Bij iets nieuws of lastigs|When something is new or difficult\n" +
            "overleg|In overleg en werkoverleg|In meetings and team meetings\n" +
            "fout|Na een fout of incident|After a mistake or incident\n" +
            "training|In een opleiding of training|In a course or training\n" +
            "buitenwerk|Buiten werktijd|Outside working hours", Multiple: true),
        new("o.tussendoor", 0, U, "Hoe vaak leer je iets van een collega tussendoor, zonder dat het 'leren' heet?",
            "How often do you learn something from a colleague in passing, without it being called 'learning'?",
            "dagelijks|Bijna elke dag|Almost every day\n" +
            "wekelijks|Elke week|Every week\n" +
            "maandelijks|Elke maand|Every month\n" +
            "zelden|Zelden|Rarely\n" +
            "nooit|Nooit|Never"),
    ];

    /// <summary>How many options a multiple-choice onderstroom question allows.</summary>
    public const int MaxChoices = 3;
}
