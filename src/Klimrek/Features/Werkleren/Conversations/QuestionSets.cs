using Klimrek.Data;
using Klimrek.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;
using System.Text.RegularExpressions;

namespace Klimrek.Features.Werkleren.Conversations;

/// <summary>One question of the conversation help (Tool 1), with a line on why it is asked, in Dutch and English.</summary>
public sealed record Question(QuestionDirection Direction, string Key, string TextNl, string TextEn, string WhyNl, string WhyEn)
{
    public string Text(bool english) => english && TextEn.Length > 0 ? TextEn : TextNl;
    public string Why(bool english) => english && WhyEn.Length > 0 ? WhyEn : WhyNl;
}

/// <summary>The questions a person gets: a stored revision (its number and organisation) or the shipped default set (revision null).</summary>
public sealed record QuestionSet(int? RevisionId, int? Number, int? OrganisationId, DateTime? CreatedAt, IReadOnlyList<Question> Questions)
{
    public IEnumerable<Question> Of(QuestionDirection d) => Questions.Where(q => q.Direction == d);
}

/// <summary>
/// The conversation questions (Tool 1): two sets, looking ahead (vooruit) and looking back (terug). They do not ask what
/// someone wants to learn, but what occupies them in their work; the learning comes up by itself. A beheerder can adapt
/// them for their organisation (a new numbered revision each time; old revisions and the conversations held with them
/// stay as they were). The set for a person: the newest revision of their organisation, else the newest revision of the
/// installation, else the shipped default below.
/// </summary>
public static partial class QuestionSets
{
    public const int MaxPerDirection = 15;
    public const int MaxText = 300;
    public const int MaxKey = 40;
    public const int MaxNote = 500;

    /// <summary>The shipped default set. Keys are stable: they connect the same question across revisions.</summary>
    public static IReadOnlyList<Question> Default { get; } =
    [
        new(QuestionDirection.Vooruit, "bezig",
            "Waar ben je in je werk op dit moment vooral mee bezig?",
            "What are you mostly occupied with in your work at the moment?",
            "Wie begint bij het werk van nu, komt vanzelf bij wat er te leren valt, zonder dat het woord ‘leren’ hoeft te vallen.",
            "Starting from today's work brings up what there is to learn, without needing the word ‘learning’."),
        new(QuestionDirection.Vooruit, "belangrijk",
            "Waar hecht je aan in je werk: wat moet er goed gaan?",
            "What do you value in your work: what has to go well?",
            "Wat je belangrijk vindt, wijst naar je drijfveren, en die sturen je ontwikkeling meer dan een leerdoel.",
            "What you value points to your drivers, which steer your development more than a learning goal does."),
        new(QuestionDirection.Vooruit, "nieuwsgierig",
            "Waarover zou je meer willen weten of beter willen begrijpen?",
            "What would you like to know more about or understand better?",
            "Nieuwsgierigheid is vaak het begin van een leerexperiment.",
            "Curiosity is often where a learning experiment begins."),
        new(QuestionDirection.Vooruit, "uitproberen",
            "Wat zou je graag eens anders aanpakken of uitproberen?",
            "What would you like to approach differently or give a try?",
            "Een kleine proef in je eigen werk geeft ruimte om te ontdekken, ook als iets niet lukt.",
            "A small trial in your own work leaves room to discover, also when something fails."),
        new(QuestionDirection.Vooruit, "steun",
            "Bij wie of waar zou je daarbij steun kunnen vinden?",
            "Where, or from whom, could you find support in this?",
            "Leren gebeurt zelden alleen: het helpt te weten wie met je meedenkt of meedoet.",
            "Learning rarely happens alone: it helps to know who thinks along or joins in."),
        new(QuestionDirection.Vooruit, "situaties",
            "Op welke momenten in je werk merk je dat je groeit?",
            "At which moments in your work do you notice that you grow?",
            "Wie weet welke situaties leerzaam zijn, kan ze vaker opzoeken.",
            "Knowing which situations teach you something lets you seek them out more often."),
        new(QuestionDirection.Vooruit, "volgende-stap",
            "Welke stap wil je als eerstvolgende zetten, en wat maakt die makkelijker?",
            "Which step would you like to take next, and what would make it easier?",
            "Een kleine, concrete stap binnen je eigen invloed is haalbaarder dan een groot voornemen.",
            "A small, concrete step within your own reach is more doable than a big resolution."),
        new(QuestionDirection.Terug, "vaardiger",
            "Hoe ben je hier vaardiger in geworden: wat deed je?",
            "How did you become more skilled at this: what did you do?",
            "Terugkijken laat zien hoe jij leert, zodat je het een volgende keer bewust kunt herhalen.",
            "Looking back shows how you learn, so that next time you can repeat it on purpose."),
        new(QuestionDirection.Terug, "inzicht",
            "Welke ervaringen lieten je iets zien wat je nog niet wist?",
            "Which experiences showed you something you did not know yet?",
            "Sommige ervaringen zetten je denken in beweging; wie ze benoemt, herkent ze de volgende keer.",
            "Some experiences set your thinking in motion; naming them helps you recognise them next time."),
        new(QuestionDirection.Terug, "drempel",
            "Wat hielp je om iets nieuws of anders te gaan doen?",
            "What helped you start doing something new or different?",
            "Wat je toen over de drempel hielp, kan dat opnieuw doen.",
            "What got you over the threshold then may do so again."),
        new(QuestionDirection.Terug, "afwegingen",
            "Waarom pakte je het zo aan, en wat heeft het je opgeleverd?",
            "Why did you go about it that way, and what did it bring you?",
            "Je afwegingen zeggen iets over wat je belangrijk vindt; de opbrengst laat zien of het werkte.",
            "Your considerations say something about what you value; the outcome shows whether it worked."),
        new(QuestionDirection.Terug, "verschil",
            "Wie of wat heeft in je ontwikkeling het meeste verschil gemaakt?",
            "Who or what made the biggest difference in your development?",
            "Zo zie je welke mensen en omstandigheden je leren voeden.",
            "This shows which people and circumstances feed your learning."),
        new(QuestionDirection.Terug, "nu-nodig",
            "Wat zou je nu helpen om verder te komen?",
            "What would help you move further now?",
            "Terugblikken krijgt pas betekenis als het iets zegt over wat je nu zoekt.",
            "Looking back only matters when it says something about what you look for now."),
    ];

    public static QuestionSet DefaultSet { get; } = new(null, null, null, null, Default);

    public static string DirectionKey(QuestionDirection d) => d == QuestionDirection.Terug ? "terug" : "vooruit";

    public static QuestionDirection? ParseDirection(string? s) => s?.Trim().ToLowerInvariant() switch
    {
        "vooruit" => QuestionDirection.Vooruit,
        "terug" => QuestionDirection.Terug,
        _ => null,
    };

    public static string DirectionName(QuestionDirection d) => d == QuestionDirection.Terug ? "Terugblikken" : "Vooruitblikken";

    internal static QuestionSet Of(QuestionSetRevision r) => new(r.Id, r.Number, r.OrganisationId, r.CreatedAt,
        r.Items.OrderBy(i => i.Direction).ThenBy(i => i.Position)
            .Select(i => new Question(i.Direction, i.Key, i.TextNl, i.TextEn, i.WhyNl, i.WhyEn)).ToList());

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    internal static partial Regex KeyPattern();
}

/// <summary>Reads the question set a person gets and keeps the revisions a beheerder makes.</summary>
public sealed class QuestionSetService(KlimrekDbContext db, TimeProvider clock)
{
    /// <summary>The set for <paramref name="userId"/>: their organisation's newest revision, the installation's, or the default.</summary>
    public async Task<QuestionSet> ForPersonAsync(string userId, CancellationToken ct)
    {
        var org = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.OrganisationId).FirstOrDefaultAsync(ct);
        return await CurrentAsync(org, ct);
    }

    /// <summary>The set in force for an organisation (null: the installation's own).</summary>
    public async Task<QuestionSet> CurrentAsync(int? organisationId, CancellationToken ct)
    {
        if (organisationId is int o && await NewestAsync(o, ct) is { } own) return QuestionSets.Of(own);
        return await NewestAsync(null, ct) is { } installation ? QuestionSets.Of(installation) : QuestionSets.DefaultSet;
    }

    private Task<QuestionSetRevision?> NewestAsync(int? organisationId, CancellationToken ct) =>
        db.QuestionSetRevisions.AsNoTracking().Include(r => r.Items).Where(r => r.OrganisationId == organisationId)
            .OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);

    /// <summary>The revisions of an organisation (null: the installation), newest first.</summary>
    public Task<List<QuestionSetRevision>> RevisionsAsync(int? organisationId, CancellationToken ct) =>
        db.QuestionSetRevisions.AsNoTracking().Include(r => r.Items).Where(r => r.OrganisationId == organisationId)
            .OrderByDescending(r => r.Number).ToListAsync(ct);

    /// <summary>The organisation a beheerder adapts the questions for: their own (null: the installation).</summary>
    public Task<int?> OrganisationOfAsync(string userId, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.OrganisationId).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Stores a new revision for the organisation (null: the installation), numbered one past the newest. All or
    /// nothing: every problem is listed (fields <c>questions[i].textNl</c> etc.) and nothing is stored.
    /// </summary>
    public async Task<QuestionSetRevision> CreateRevisionAsync(int? organisationId, string beheerderId, IReadOnlyList<Question>? questions, string? note,
        CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var list = questions ?? [];
        var items = new List<QuestionItem>();
        for (int i = 0; i < list.Count; i++)
        {
            var q = list[i];
            string f = $"questions[{i}]";
            if (q is null) { errors.Add(f, "Deze vraag is leeg."); continue; }
            if (!Enum.IsDefined(q.Direction)) errors.Add(f + ".direction", "Kies vooruit of terug.");
            var key = q.Key?.Trim() ?? "";
            if (!QuestionSets.KeyPattern().IsMatch(key))
                errors.Add(f + ".key", "De sleutel bestaat uit kleine letters, cijfers en streepjes (hoogstens {0} tekens).", QuestionSets.MaxKey);
            else if (items.Any(x => x.Key == key))
                errors.Add(f + ".key", "De sleutel ‘{0}’ komt twee keer voor.", key);
            var textNl = q.TextNl?.Trim() ?? "";
            if (textNl.Length == 0) errors.Add(f + ".textNl", "Geef de vraag in het Nederlands.");
            foreach (var (value, field) in new[] { (textNl, "textNl"), (q.TextEn?.Trim() ?? "", "textEn"), (q.WhyNl?.Trim() ?? "", "whyNl"), (q.WhyEn?.Trim() ?? "", "whyEn") })
                if (value.Length > QuestionSets.MaxText) errors.Add(f + "." + field, "Hoogstens {0} tekens.", QuestionSets.MaxText);
            items.Add(new QuestionItem
            {
                Direction = q.Direction, Key = key, TextNl = textNl, TextEn = q.TextEn?.Trim() ?? "", WhyNl = q.WhyNl?.Trim() ?? "", WhyEn = q.WhyEn?.Trim() ?? "",
            });
        }
        foreach (var d in new[] { QuestionDirection.Vooruit, QuestionDirection.Terug })
        {
            var n = items.Count(x => x.Direction == d);
            if (n == 0) errors.Add("questions", "Elke set heeft minstens één vraag: {0} is leeg.", QuestionSets.DirectionName(d));
            if (n > QuestionSets.MaxPerDirection) errors.Add("questions", "Hoogstens {0} vragen per set.", QuestionSets.MaxPerDirection);
        }
        var cleanNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (cleanNote?.Length > QuestionSets.MaxNote) errors.Add("note", "Hoogstens {0} tekens.", QuestionSets.MaxNote);
        if (organisationId is int org && !await db.Organisations.AnyAsync(o => o.Id == org, ct)) errors.Add("organisationId", "Onbekende organisatie.");
        ProblemException.ThrowIfAny(errors);

        return await db.InTransactionAsync(async t =>
        {
            var number = (await db.QuestionSetRevisions.Where(r => r.OrganisationId == organisationId).MaxAsync(r => (int?)r.Number, t) ?? 0) + 1;
            var revision = new QuestionSetRevision
            {
                OrganisationId = organisationId, Number = number, CreatedById = beheerderId, CreatedAt = clock.GetUtcNow().UtcDateTime, Note = cleanNote,
                Items = items.Select((x, i) => new QuestionItem
                {
                    Direction = x.Direction, Key = x.Key, TextNl = x.TextNl, TextEn = x.TextEn, WhyNl = x.WhyNl, WhyEn = x.WhyEn,
                    Position = items.Take(i).Count(y => y.Direction == x.Direction) + 1,
                }).ToList(),
            };
            db.QuestionSetRevisions.Add(revision);
            await db.SaveChangesAsync(t);
            return revision;
        }, ct);
    }
}
