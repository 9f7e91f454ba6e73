using Klimrek.Data;
using Klimrek.Features.Notifications;
using Klimrek.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.SamenLeren;

public sealed record IntervisionInput(DateOnly Date, int? ReporterParticipantId, IReadOnlyList<int>? Attendees, bool AppreciativeInquiry,
    TimeOnly? Time = null, string? Location = null, int DurationMinutes = 120);

public sealed record IntervisionReportInput(string? Problems, string? Discussed, string? LearningPoints, IReadOnlyList<string>? Tags);

public sealed record EvaluationInput(string? Motivation, string? WhyDuo, string? Goals, string? Results, string? Product, int GoalsReached, IReadOnlyList<string>? Tags,
    bool ShareWithSteeringGroup = false);

/// <summary>Intervision sessions (planned by the steering group, reported by an appointed participant) and each participant's final evaluation.</summary>
/// <summary>An evaluation its author shared with the steering group, with their name.</summary>
public sealed record SharedEvaluation(string UserId, string Name, Evaluation Evaluation);

public sealed class EvaluationService(KlimrekDbContext db, TimeProvider clock, Notifier notifier, Klimrek.Infrastructure.Mail.MailLinks links)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<List<IntervisionSession>> IntervisionAsync(ProgrammeAccess access, CancellationToken ct)
    {
        var q = db.IntervisionSessions.AsNoTracking().Include(s => s.Attendees).Where(s => s.ProgrammeId == access.Programme.Id);
        if (!access.IsSteward)
        {
            var me = access.RequireParticipant().Id;
            q = q.Where(s => s.Attendees.Any(a => a.ParticipantId == me) || s.ReporterParticipantId == me);
        }
        return await q.OrderBy(s => s.Number).ToListAsync(ct);
    }

    /// <summary>
    /// Invites each attendee, in the inbox and by mail in their own language (kind samen-leren, as they chose), with the
    /// date, time and place and a full link to the session's .ics.
    /// </summary>
    private async Task InviteAsync(Programme p, IntervisionSession s, CancellationToken ct)
    {
        var ids = s.Attendees.Select(a => a.ParticipantId).ToList();
        var userIds = await db.Participants.AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => x.UserId).ToListAsync(ct);
        var ics = links.To($"/api/v1/programmes/{p.Id}/intervision/{s.Id}/calendar.ics");
        var body = s.StartTime is TimeOnly t
            ? new NotificationContent("Uitnodiging intervisie: {0}", [p.Settings.Name], BodyKey: "Je bent uitgenodigd voor intervisiebijeenkomst {0} van ‘{1}’ op {2:dddd d MMMM yyyy} om {3}{4}. In je agenda zetten: {5}",
                BodyArgs: [s.Number, p.Settings.Name, s.Date, t.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), s.Location is null ? "" : ", " + s.Location, ics])
            : new NotificationContent("Uitnodiging intervisie: {0}", [p.Settings.Name], BodyKey: "Je bent uitgenodigd voor intervisiebijeenkomst {0} van ‘{1}’ op {2:dddd d MMMM yyyy}{3}. De tijd volgt.",
                BodyArgs: [s.Number, p.Settings.Name, s.Date, s.Location is null ? "" : ", " + s.Location]);
        foreach (var userId in userIds)
            await notifier.StageAsync(userId, NotificationKinds.SamenLeren, body, $"/samen-leren/{p.Id}/intervisie", ct);
        await db.SaveChangesAsync(ct);
        notifier.FlushMail();
    }

    /// <summary>One session as an iCalendar file, for the steering group and the programme's participants (404 for others, and for a session without a time).</summary>
    public async Task<string> IntervisionCalendarAsync(ProgrammeAccess access, int sessionId, CancellationToken ct)
    {
        var s = await db.IntervisionSessions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == sessionId && x.ProgrammeId == access.Programme.Id, ct)
                ?? throw ProblemException.NotFound();
        if (s.StartTime is not TimeOnly time) throw ProblemException.NotFound();
        var entry = new Klimrek.Infrastructure.Calendar.CalendarEntry(s.Uid ?? $"intervisie-{s.Id}@klimrek", Klimrek.Infrastructure.DutchTime.ToUtc(s.Date, time), s.DurationMinutes,
            $"Intervisie {s.Number}: {access.Programme.Settings.Name}", "Intervisiebijeenkomst (Klimrek, samen leren).", s.Location, s.Sequence, false,
            s.UpdatedAt ?? Now, ReminderMinutesBefore: 15);
        return Klimrek.Infrastructure.Calendar.CalendarFile.Write("Klimrek", [entry]);
    }

    /// <summary>The sessions any of these participants (a duo's members) attend or report on, in order.</summary>
    public async Task<List<IntervisionSession>> IntervisionOfAsync(IReadOnlyList<int> participantIds, CancellationToken ct) =>
        await db.IntervisionSessions.AsNoTracking().Include(s => s.Attendees)
            .Where(s => s.Attendees.Any(a => participantIds.Contains(a.ParticipantId)) || (s.ReporterParticipantId != null && participantIds.Contains(s.ReporterParticipantId.Value)))
            .OrderBy(s => s.Number).ToListAsync(ct);

    public async Task<IntervisionSession> PlanIntervisionAsync(ProgrammeAccess access, IntervisionInput input, CancellationToken ct)
    {
        access.RequireSteward();
        var p = access.Programme;
        var ids = (await db.Participants.Where(x => x.ProgrammeId == p.Id).Select(x => x.Id).ToListAsync(ct)).ToHashSet();
        var attendees = (input.Attendees ?? []).Distinct().ToList();
        var errors = new ValidationErrors();
        if (attendees.Any(a => !ids.Contains(a))) errors.Add("attendees", "Alle deelnemers van de bijeenkomst moeten aan het programma meedoen.");
        if (input.ReporterParticipantId is int r && !attendees.Contains(r)) errors.Add("reporterParticipantId", "Wie het verslag schrijft, is ook deelnemer van de bijeenkomst.");
        if (input.Date < p.Settings.StartDate || input.Date > p.Settings.EndDate) errors.Add("date", "De datum valt buiten de looptijd van het programma.");
        if ((input.Location?.Length ?? 0) > 300) errors.Add("location", "Plaats: hoogstens 300 tekens.");
        if (input.DurationMinutes is < 15 or > 480) errors.Add("durationMinutes", "Duur: tussen 15 en 480 minuten.");
        Refuse.IfAny(errors, "De bijeenkomst is niet opgeslagen.");
        int number = (await db.IntervisionSessions.Where(s => s.ProgrammeId == p.Id).MaxAsync(s => (int?)s.Number, ct) ?? 0) + 1;
        var s = new IntervisionSession
        {
            ProgrammeId = p.Id, Number = number, Date = input.Date, ReporterParticipantId = input.ReporterParticipantId,
            AppreciativeInquiry = input.AppreciativeInquiry, StartTime = input.Time, Location = Texts.Clean(input.Location),
            DurationMinutes = input.DurationMinutes, Uid = $"{Guid.NewGuid():N}@klimrek", UpdatedAt = Now,
            Attendees = attendees.Select(a => new IntervisionAttendee { ParticipantId = a }).ToList(),
        };
        db.IntervisionSessions.Add(s);
        await db.SaveChangesAsync(ct);
        await InviteAsync(p, s, ct);
        return s;
    }

    /// <summary>The appointed reporter (or a steward) writes the session's report.</summary>
    public async Task WriteIntervisionReportAsync(ProgrammeAccess access, int sessionId, IntervisionReportInput input, CancellationToken ct)
    {
        var s = await db.IntervisionSessions.FirstOrDefaultAsync(x => x.Id == sessionId && x.ProgrammeId == access.Programme.Id, ct)
                ?? throw ProblemException.NotFound();
        if (!access.IsSteward && (access.Me is null || s.ReporterParticipantId != access.Me.Id))
            throw ProblemException.Forbidden("Het verslag schrijft de deelnemer die daarvoor is aangewezen.");
        var errors = new ValidationErrors();
        Texts.Check(errors, (input.Problems, "problems", "Ingebrachte vraagstukken", true), (input.Discussed, "discussed", "Wat besproken is", true),
            (input.LearningPoints, "learningPoints", "Leerpunten", true));
        var tags = FactorTags.Join(input.Tags, errors);
        Refuse.IfAny(errors, "Het verslag is niet opgeslagen.");
        s.Problems = input.Problems!.Trim();
        s.Discussed = input.Discussed!.Trim();
        s.LearningPoints = input.LearningPoints!.Trim();
        s.Tags = tags;
        s.ReportedAt = Now;
        await db.SaveChangesAsync(ct);
    }

    // ---------------------------------------------------------------- evaluation

    public async Task<Evaluation?> MyEvaluationAsync(ProgrammeAccess access, CancellationToken ct)
    {
        var me = access.RequireParticipant();
        return await db.Evaluations.AsNoTracking().FirstOrDefaultAsync(e => e.ParticipantId == me.Id, ct);
    }

    public async Task<Evaluation> SaveEvaluationAsync(ProgrammeAccess access, EvaluationInput input, CancellationToken ct)
    {
        var me = access.RequireParticipant();
        var errors = new ValidationErrors();
        Texts.Check(errors, (input.Motivation, "motivation", "Motivatie", true), (input.WhyDuo, "whyDuo", "Waarom dit duo", true), (input.Goals, "goals", "Doelen", true),
            (input.Results, "results", "Resultaten", true), (input.Product, "product", "Product", false));
        if (input.GoalsReached is < 1 or > 5) errors.Add("goalsReached", "Geef op een schaal van 1 tot 5 aan in hoeverre je doelen bereikt zijn.");
        var tags = FactorTags.Join(input.Tags, errors);
        Refuse.IfAny(errors, "De evaluatie is niet opgeslagen.");
        var e = await db.Evaluations.FirstOrDefaultAsync(x => x.ParticipantId == me.Id, ct);
        if (e is null)
        {
            e = new Evaluation { ParticipantId = me.Id, Motivation = "", WhyDuo = "", Goals = "", Results = "" };
            db.Evaluations.Add(e);
        }
        e.Motivation = input.Motivation!.Trim();
        e.WhyDuo = input.WhyDuo!.Trim();
        e.Goals = input.Goals!.Trim();
        e.Results = input.Results!.Trim();
        e.Product = Texts.Clean(input.Product);
        e.GoalsReached = input.GoalsReached;
        e.Tags = tags;
        e.SharedWithSteeringGroup = input.ShareWithSteeringGroup;
        e.SubmittedAt = Now;
        await db.SaveChangesAsync(ct);
        return e;
    }

    /// <summary>The evaluations their authors shared with the steering group, with their names (steering group).</summary>
    public async Task<List<SharedEvaluation>> SharedEvaluationsAsync(ProgrammeAccess access, CancellationToken ct)
    {
        access.RequireSteward();
        var rows = await db.Evaluations.AsNoTracking().Where(e => e.SharedWithSteeringGroup)
            .Join(db.Participants.Where(p => p.ProgrammeId == access.Programme.Id), e => e.ParticipantId, p => p.Id, (e, p) => new { e, p.UserId, p.User!.DisplayName })
            .ToListAsync(ct);
        return rows.Select(r => new SharedEvaluation(r.UserId, r.DisplayName, r.e)).OrderBy(r => r.Name, StringComparer.CurrentCulture).ToList();
    }
}
