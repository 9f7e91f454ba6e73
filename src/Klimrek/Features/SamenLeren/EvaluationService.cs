using Klimrek.Data;
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

public sealed class EvaluationService(KlimrekDbContext db, TimeProvider clock, Klimrek.Infrastructure.Mail.MailOutbox mail)
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

    /// <summary>Mails each attendee an invitation with the date, time and place and where to find the .ics.</summary>
    private async Task InviteAsync(Programme p, IntervisionSession s, CancellationToken ct)
    {
        var ids = s.Attendees.Select(a => a.ParticipantId).ToList();
        var people = await db.Participants.AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new { x.User!.Email, x.User.DisplayName }).ToListAsync(ct);
        var nl = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");
        string when = s.Date.ToString("dddd d MMMM yyyy", nl) + (s.StartTime is TimeOnly t ? " om " + t.ToString("HH:mm", nl) : "");
        string text = $"Je bent uitgenodigd voor intervisiebijeenkomst {s.Number} van ‘{p.Settings.Name}’ op {when}" + (s.Location is null ? "." : $", {s.Location}.")
                      + $"\n\nIn je agenda zetten: /api/v1/programmes/{p.Id}/intervision/{s.Id}/calendar.ics\nAlles over de bijeenkomst: /samen-leren/{p.Id}/intervisie";
        foreach (var who in people.Where(x => x.Email is not null))
            mail.Enqueue(new Klimrek.Infrastructure.Mail.MailMessage(who.Email!, who.DisplayName, $"Uitnodiging intervisie: {p.Settings.Name}", text,
                "<p>" + System.Net.WebUtility.HtmlEncode(text).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>"));
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
