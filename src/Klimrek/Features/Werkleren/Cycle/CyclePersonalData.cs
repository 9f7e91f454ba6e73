using Klimrek.Data;
using Klimrek.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Werkleren.Cycle;

/// <summary>
/// The development cycle: every plan with its skills (ESCO URIs), learning activities, the conversations of the cycle
/// and their agreements. All of it is the person's own, so erasing deletes it (the database cascades from the plan);
/// comments others wrote on it go with the sharing area's part.
/// </summary>
internal sealed class CyclePersonalData(KlimrekDbContext db, Klimrek.Features.Career.TransitionCache esco) : IPersonalDataPart
{
    public string Area => "werkleren-ontwikkelplan";

    public async Task<object?> ExportAsync(DataSubject subject, CancellationToken ct)
    {
        var plans = await db.DevelopmentPlans.AsNoTracking().Include(p => p.Skills).Include(p => p.Activities).AsSplitQuery()
            .Where(p => p.UserId == subject.UserId).OrderBy(p => p.StartsOn).ToListAsync(ct);
        if (plans.Count == 0) return null;
        var ids = plans.Select(p => p.Id).ToList();
        var conversations = await db.CycleConversations.AsNoTracking().Include(c => c.Agreements).Where(c => ids.Contains(c.PlanId)).OrderBy(c => c.Date).ToListAsync(ct);
        var skills = (await esco.GetAsync(ct)).Catalogue.Skills;
        return new
        {
            plans = plans.Select(p => new
            {
                p.Title, p.StartsOn, p.EndsOn, p.Ambition, p.CreatedAt, p.UpdatedAt,
                sharedWithLeidinggevende = CycleKeys.PartKeys(p.SharedWithLeidinggevende),
                sharedWithBegeleider = CycleKeys.PartKeys(p.SharedWithBegeleider),
                skills = p.Skills.Select(s => new { skill = skills.TryGetValue(s.SkillId, out var info) ? info.Uri : null, label = skills.TryGetValue(s.SkillId, out var i2) ? i2.LabelNl ?? i2.LabelEn : null, s.Note }),
                activities = p.Activities.OrderBy(a => a.Date).Select(a => new { a.Title, form = CycleKeys.FormKey(a.Form), source = CycleKeys.SourceKey(a.Source), a.Date, a.Hours, a.Note }),
                conversations = conversations.Where(c => c.PlanId == p.Id).Select(c => new
                {
                    kind = CycleKeys.KindKey(c.Kind), c.Date, c.Preparation, c.Notes, c.CreatedAt,
                    agreements = c.Agreements.OrderBy(a => a.Id).Select(a => new { a.Text, a.DueOn, a.DoneAt }),
                }),
            }),
        };
    }

    public async Task EraseAsync(DataSubject subject, CancellationToken ct)
    {
        var ids = await db.DevelopmentPlans.Where(p => p.UserId == subject.UserId).Select(p => p.Id).ToListAsync(ct);
        var cycles = db.CycleConversations.Where(c => ids.Contains(c.PlanId)).Select(c => c.Id);
        await db.CycleAgreements.Where(a => cycles.Contains(a.CycleConversationId)).ExecuteDeleteAsync(ct);
        await db.CycleConversations.Where(c => ids.Contains(c.PlanId)).ExecuteDeleteAsync(ct);
        await db.PlanSkills.Where(s => ids.Contains(s.PlanId)).ExecuteDeleteAsync(ct);
        await db.LearningActivities.Where(a => ids.Contains(a.PlanId)).ExecuteDeleteAsync(ct);
        await db.DevelopmentPlans.Where(p => p.UserId == subject.UserId).ExecuteDeleteAsync(ct);
    }
}
