using Klimrek.Data;
using Klimrek.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Werkleren.Conversations;

/// <summary>
/// Werkleren conversations: the person's conversations with their answers, their drivers and themes, and the question-set
/// revisions they made as beheerder. On erase their own records go; a revision of the questions stays for the
/// organisation, without its maker. Someone else's conversation that recorded this account as who was there keeps the
/// conversation but no longer the account or its name.
/// </summary>
internal sealed class ConversationsPersonalData(KlimrekDbContext db) : IPersonalDataPart
{
    public string Area => "werkleren-gesprekken";

    public async Task<object?> ExportAsync(DataSubject subject, CancellationToken ct)
    {
        var id = subject.UserId;
        var conversations = await db.Conversations.AsNoTracking().Include(c => c.Answers).Where(c => c.UserId == id).OrderBy(c => c.HeldOn).ThenBy(c => c.Id)
            .ToListAsync(ct);
        var drivers = await db.PersonDrivers.AsNoTracking().Where(d => d.UserId == id).OrderBy(d => d.Id).ToListAsync(ct);
        var themes = await db.WorkThemes.AsNoTracking().Where(t => t.UserId == id).OrderBy(t => t.Id).ToListAsync(ct);
        var revisions = await db.QuestionSetRevisions.AsNoTracking().Where(r => r.CreatedById == id).OrderBy(r => r.Id)
            .Select(r => new { r.OrganisationId, r.Number, r.CreatedAt, r.Note }).ToListAsync(ct);
        if (conversations.Count == 0 && drivers.Count == 0 && themes.Count == 0 && revisions.Count == 0) return null;
        static string[] Audiences(Audience a) => [.. new[] { Audience.Begeleider, Audience.Leidinggevende }.Where(x => a.HasFlag(x)).Select(x => x.ToString())];
        return new
        {
            conversations = conversations.Select(c => new
            {
                c.Id, direction = c.Direction.ToString(), c.HeldOn, with = c.With.ToString(), c.WithName, c.QuestionSetRevisionId,
                sharedWith = Audiences(c.SharedWith), c.CreatedAt, c.UpdatedAt,
                answers = c.Answers.OrderBy(a => a.Position).Select(a => new { a.Id, a.QuestionKey, a.Question, a.Answer }),
            }),
            drivers = drivers.Select(d => new { d.Key, d.OwnWords, d.Weight, d.FromAnswerId, sharedWith = Audiences(d.SharedWith), d.CreatedAt }),
            themes = themes.Select(t => new { t.Title, t.Note, t.FromAnswerId, sharedWith = Audiences(t.SharedWith), t.CreatedAt, t.ClosedAt }),
            questionSetRevisionsMade = revisions,
        };
    }

    public async Task EraseAsync(DataSubject subject, CancellationToken ct)
    {
        var id = subject.UserId;
        await db.PersonDrivers.Where(d => d.UserId == id).ExecuteDeleteAsync(ct);
        await db.WorkThemes.Where(t => t.UserId == id).ExecuteDeleteAsync(ct);
        var conversations = db.Conversations.Where(c => c.UserId == id).Select(c => c.Id);
        await db.ConversationAnswers.Where(a => conversations.Contains(a.ConversationId)).ExecuteDeleteAsync(ct);
        await db.Conversations.Where(c => c.UserId == id).ExecuteDeleteAsync(ct);
        await db.Conversations.Where(c => c.WithUserId == id).ExecuteUpdateAsync(u => u
            .SetProperty(c => c.WithUserId, (string?)null).SetProperty(c => c.WithName, ErasedPerson.DisplayName), ct);
        await db.QuestionSetRevisions.Where(r => r.CreatedById == id).ExecuteUpdateAsync(u => u.SetProperty(r => r.CreatedById, (string?)null), ct);
    }
}
