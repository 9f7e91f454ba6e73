using Klimrek.Data;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Werkleren.Cycle;

/// <summary>
/// The Tool-1 questions a cycle conversation's preparation starts from: the newest revision of the person's
/// organisation (else of the installation) when a beheerder adapted them, otherwise a short list of our own. When the
/// Conversations area offers the shipped set as a service, this is the one place to switch to it.
/// </summary>
public static class CycleQuestions
{
    public sealed record Question(string Nl, string En);

    private static readonly Question[] LookingBack =
    [
        new("Wat deed je het afgelopen jaar waardoor je beter werd in je werk?", "What did you do this past year that made you better at your work?"),
        new("Welke ervaring zette je aan het denken, en wat zag je daarna anders?", "Which experience made you think, and what did you see differently afterwards?"),
        new("Wat hielp je om een nieuwe stap te zetten?", "What helped you take a new step?"),
        new("Wie of wat hielp je daarbij het meest?", "Who or what helped you most?"),
        new("Wat heb je nu nodig om verder te groeien?", "What do you need now to keep growing?"),
    ];

    private static readonly Question[] LookingAhead =
    [
        new("Waar ben je in je werk op dit moment mee bezig?", "What occupies you in your work right now?"),
        new("Wat vind je belangrijk, en waar ben je nieuwsgierig naar?", "What matters to you, and what are you curious about?"),
        new("Wat zou je graag eens uitproberen?", "What would you like to try?"),
        new("Wie of wat kan je daarbij helpen?", "Who or what could help you with that?"),
        new("Wat is je volgende stap?", "What is your next step?"),
    ];

    public static async Task<IReadOnlyList<Question>> ForAsync(KlimrekDbContext db, int? organisationId, QuestionDirection direction, CancellationToken ct)
    {
        var revision = await db.QuestionSetRevisions.AsNoTracking().Where(r => r.OrganisationId == organisationId)
            .OrderByDescending(r => r.Number).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        if (revision is null && organisationId is not null)
            revision = await db.QuestionSetRevisions.AsNoTracking().Where(r => r.OrganisationId == null)
                .OrderByDescending(r => r.Number).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        if (revision is int id)
        {
            var items = await db.QuestionItems.AsNoTracking().Where(q => q.RevisionId == id && q.Direction == direction).OrderBy(q => q.Position)
                .Select(q => new Question(q.TextNl, q.TextEn)).ToListAsync(ct);
            if (items.Count > 0) return items;
        }
        return direction == QuestionDirection.Terug ? LookingBack : LookingAhead;
    }
}
