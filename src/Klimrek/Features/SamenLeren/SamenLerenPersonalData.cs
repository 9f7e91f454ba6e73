using Klimrek.Data;
using Klimrek.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.SamenLeren;

/// <summary>
/// Samen leren: per programme the intake, the duo, plan and meetings, hours and spending, reflections, intervision and the
/// evaluation; and the programmes the person helps steer. On erase, what the person wrote alone goes (intake, reflections,
/// evaluation, the reason they gave, their hours' descriptions); what the duo or the programme shares (the plan,
/// meetings, hours as figures, spending, intervision reports) stays with the stand-in as "verwijderde deelnemer".
/// </summary>
internal sealed class SamenLerenPersonalData(KlimrekDbContext db) : IPersonalDataPart
{
    public string Area => "samen-leren";

    public async Task<object?> ExportAsync(DataSubject subject, CancellationToken ct)
    {
        var participations = await db.Participants.AsNoTracking().Include(p => p.Terms).Where(p => p.UserId == subject.UserId).ToListAsync(ct);
        var steering = await db.ProgrammeStewards.AsNoTracking().Where(s => s.UserId == subject.UserId)
            .Join(db.Programmes, s => s.ProgrammeId, p => p.Id, (s, p) => p.Settings.Name).ToListAsync(ct);
        if (participations.Count == 0 && steering.Count == 0) return null;
        var list = new List<object>();
        foreach (var p in participations)
            list.Add(await ParticipationAsync(p, ct));
        return new { participations = list, steeringGroupOf = steering };
    }

    private async Task<object> ParticipationAsync(Participant p, CancellationToken ct)
    {
        var programme = await db.Programmes.AsNoTracking().Where(x => x.Id == p.ProgrammeId).Select(x => x.Settings.Name).FirstAsync(ct);
        var duos = await db.Duos.AsNoTracking().Include(d => d.Members).ThenInclude(m => m.Participant).ThenInclude(x => x!.User)
            .Include(d => d.Plan).Include(d => d.Meetings).Where(d => d.Members.Any(m => m.ParticipantId == p.Id)).ToListAsync(ct);
        var mine = duos.Select(d => d.Members.First(m => m.ParticipantId == p.Id)).ToList();
        return new
        {
            programme,
            enrolledAt = p.EnrolledAt,
            intake = new
            {
                p.Department, p.Team, p.Discipline, availability = Slots.Bits(p.Availability).Select(Slots.Key), completedAt = p.IntakeCompletedAt,
                terms = p.Terms.Select(t => new { kind = t.Kind.ToString(), t.Label }),
            },
            unmatchedReason = p.UnmatchedReason,
            duos = duos.Select(d => new
            {
                partners = d.Members.Where(m => m.ParticipantId != p.Id).Select(m => m.Participant!.User!.DisplayName),
                status = d.Status.ToString(),
                yourResponse = mine.First(m => m.DuoId == d.Id).Response.ToString(),
                yourReason = mine.First(m => m.DuoId == d.Id).ResponseNote,
                plan = d.Plan is null ? null : new { d.Plan.Topic, d.Plan.Goal, d.Plan.Product, d.Plan.MeetingMoments, status = d.Plan.Status.ToString() },
                meetings = d.Meetings.OrderBy(m => m.StartsAt).Select(m => new { m.StartsAt, m.DurationMinutes, m.Location, m.Cancelled, m.Held }),
            }),
            hours = await db.HourEntries.AsNoTracking().Where(h => h.ParticipantId == p.Id).OrderBy(h => h.Date)
                .Select(h => new { h.Date, h.Hours, h.Activity }).ToListAsync(ct),
            spending = await db.ExpertExpenses.AsNoTracking().Where(e => e.EnteredByParticipantId == p.Id).OrderBy(e => e.Date)
                .Select(e => new { e.Date, e.Amount, e.Description }).ToListAsync(ct),
            reflections = await db.Reflections.AsNoTracking().Where(r => r.AuthorParticipantId == p.Id).OrderBy(r => r.Period)
                .Select(r => new { r.Period, r.WentWell, r.BuildOn, r.Difficult, r.NextStep, tags = r.Tags, sharedWithSteeringGroup = r.SharedWithSteeringGroup, r.SubmittedAt })
                .ToListAsync(ct),
            intervision = await db.IntervisionSessions.AsNoTracking().Where(s => s.Attendees.Any(a => a.ParticipantId == p.Id) || s.ReporterParticipantId == p.Id)
                .OrderBy(s => s.Number).Select(s => new { s.Number, s.Date, youReported = s.ReporterParticipantId == p.Id, s.Problems, s.Discussed, s.LearningPoints })
                .ToListAsync(ct),
            evaluation = await db.Evaluations.AsNoTracking().Where(e => e.ParticipantId == p.Id)
                .Select(e => new { e.Motivation, e.WhyDuo, e.Goals, e.Results, e.Product, e.GoalsReached, tags = e.Tags, sharedWithSteeringGroup = e.SharedWithSteeringGroup, e.SubmittedAt })
                .FirstOrDefaultAsync(ct),
        };
    }

    public async Task EraseAsync(DataSubject subject, CancellationToken ct)
    {
        var ids = await db.Participants.Where(p => p.UserId == subject.UserId).Select(p => p.Id).ToListAsync(ct);
        await db.Reflections.Where(r => ids.Contains(r.AuthorParticipantId)).ExecuteDeleteAsync(ct);
        await db.Evaluations.Where(e => ids.Contains(e.ParticipantId)).ExecuteDeleteAsync(ct);
        await db.IntakeTerms.Where(t => ids.Contains(t.ParticipantId)).ExecuteDeleteAsync(ct);
        await db.DuoMembers.Where(m => ids.Contains(m.ParticipantId)).ExecuteUpdateAsync(u => u.SetProperty(m => m.ResponseNote, (string?)null), ct);
        await db.HourEntries.Where(h => ids.Contains(h.ParticipantId)).ExecuteUpdateAsync(u => u.SetProperty(h => h.Activity, ""), ct);
        await db.Participants.Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(u => u
            .SetProperty(p => p.UserId, subject.StandInId).SetProperty(p => p.Department, (string?)null).SetProperty(p => p.Team, (string?)null)
            .SetProperty(p => p.Discipline, (string?)null).SetProperty(p => p.Availability, 0).SetProperty(p => p.UnmatchedReason, (string?)null), ct);
        await ForgetNamesInExplanationsAsync(ids, ct);
        await db.ProgrammeStewards.Where(s => s.UserId == subject.UserId).ExecuteDeleteAsync(ct);
        await db.Programmes.Where(p => p.CreatedById == subject.UserId).ExecuteUpdateAsync(u => u.SetProperty(p => p.CreatedById, subject.StandInId), ct);
        await db.MatchRuns.Where(r => r.RunById == subject.UserId).ExecuteUpdateAsync(u => u.SetProperty(r => r.RunById, subject.StandInId), ct);
        await db.DuoPlans.Where(p => p.ReviewedById == subject.UserId).ExecuteUpdateAsync(u => u.SetProperty(p => p.ReviewedById, subject.StandInId), ct);
    }

    /// <summary>A duo's stored match explanation names both partners (and their departments): the erased one's go.</summary>
    private async Task ForgetNamesInExplanationsAsync(List<int> ids, CancellationToken ct)
    {
        var duos = await db.Duos.Where(d => d.Members.Any(m => ids.Contains(m.ParticipantId))).ToListAsync(ct);
        foreach (var d in duos)
        {
            var pairs = MatchingService.Explanation(d).Select(e => e with
            {
                NameA = ids.Contains(e.A) ? ErasedPerson.DisplayName : e.NameA,
                DepartmentA = ids.Contains(e.A) ? null : e.DepartmentA,
                NameB = ids.Contains(e.B) ? ErasedPerson.DisplayName : e.NameB,
                DepartmentB = ids.Contains(e.B) ? null : e.DepartmentB,
            }).ToList();
            d.Explanation = System.Text.Json.JsonSerializer.Serialize(pairs, MatchingService.ExplanationJson);
        }
        await db.SaveChangesAsync(ct);
    }
}
