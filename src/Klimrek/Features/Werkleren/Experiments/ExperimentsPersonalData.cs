using Klimrek.Data;
using Klimrek.Features.Notifications;
using Klimrek.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Werkleren.Experiments;

/// <summary>
/// Learning experiments: the person's own experiments (every field, the colleagues who joined, the feedback moments, the
/// linked drivers and skills) and their part in colleagues' experiments (invited, joined, declined). Erase deletes the
/// person's own experiments with their pending reminders, and takes the person out of colleagues' experiments (what
/// they co-wrote there stays the owner's).
/// </summary>
internal sealed class ExperimentsPersonalData(KlimrekDbContext db, Reminders reminders, TimeProvider clock) : IPersonalDataPart
{
    public string Area => "werkleren-experimenten";

    public async Task<object?> ExportAsync(DataSubject subject, CancellationToken ct)
    {
        var own = await db.Experiments.AsNoTracking().Include(e => e.Members).ThenInclude(m => m.User).Include(e => e.Drivers).Include(e => e.Skills)
            .Include(e => e.FeedbackMoments).AsSplitQuery().Where(e => e.OwnerId == subject.UserId).OrderBy(e => e.Id).ToListAsync(ct);
        var memberships = await db.ExperimentMembers.AsNoTracking().Where(m => m.UserId == subject.UserId)
            .Join(db.Experiments, m => m.ExperimentId, e => e.Id, (m, e) => new { m, e })
            .Join(db.Users, x => x.e.OwnerId, u => u.Id, (x, u) => new
            {
                experiment = x.e.Title, owner = u.DisplayName, invitedAt = x.m.InvitedAt, joinedAt = x.m.JoinedAt, declinedAt = x.m.DeclinedAt,
            }).ToListAsync(ct);
        if (own.Count == 0 && memberships.Count == 0) return null;
        return new
        {
            experiments = own.Select(e => new
            {
                e.Id, e.Title, e.WhatAndWhy, e.Question, e.Activity, e.Needs, e.FeedbackPlan, state = e.State.ToString(), e.Findings, e.NextStep, e.PreviousId,
                e.FromAnswerId, sharedWith = e.SharedWith.ToString(), e.CreatedAt, e.StartedAt, e.FedBackAt, e.ClosedAt,
                drivers = e.Drivers.Select(d => d.Key).Order(StringComparer.Ordinal),
                skills = e.Skills.Select(s => new { s.SkillId, s.EvidenceAddedAt }),
                colleagues = e.Members.Where(m => m.JoinedAt != null && m.DeclinedAt == null).Select(m => new { name = m.User?.DisplayName, m.JoinedAt }),
                feedbackMoments = e.FeedbackMoments.OrderBy(m => m.StartsAt)
                    .Select(m => new { m.StartsAt, m.DurationMinutes, m.Location, m.Cancelled, m.HeldAt, m.Notes }),
            }),
            inColleaguesExperiments = memberships,
        };
    }

    public async Task EraseAsync(DataSubject subject, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var own = await db.Experiments.Where(e => e.OwnerId == subject.UserId).Select(e => e.Id).ToListAsync(ct);
        await ExperimentService.DeleteExperimentsAsync(db, reminders, own, now, ct);
        var moments = await db.FeedbackMoments.Where(m => db.ExperimentMembers.Any(x => x.ExperimentId == m.ExperimentId && x.UserId == subject.UserId))
            .Select(m => m.Id).ToListAsync(ct);
        foreach (var m in moments) await reminders.CancelAsync(ExperimentService.ReminderKey(m, subject.UserId), now, ct);
        await db.ExperimentMembers.Where(m => m.UserId == subject.UserId).ExecuteDeleteAsync(ct);
    }
}
