using Klimrek.Data;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Calendar;
using Klimrek.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.SamenLeren;

public sealed record PlanInput(string? Topic, string? Goal, string? Product, string? MeetingMoments);

public sealed record ScheduleInput(DateOnly FirstDate, TimeOnly Time, int DurationMinutes, int EveryWeeks, int Count, string? Location);

public sealed record ReflectionInput(int Period, string? WentWell, string? BuildOn, string? Difficult, string? NextStep, IReadOnlyList<string>? Tags,
    bool ShareWithSteeringGroup = false);

/// <summary>
/// A duo's work together: accepting the proposed duo, the plan of approach (reviewed by the steering group), and the
/// meetings with their calendar.
/// </summary>
public sealed class DuoService(KlimrekDbContext db, TimeProvider clock, SamenLerenNotices notices, DuoReminders reminders)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static string DuoName(Duo d) => string.Join(" & ", d.Members.Select(m => m.Participant?.User?.DisplayName ?? "?"));

    /// <summary>A participant accepts the proposed duo or asks for a change (with a reason); all accepted → active.</summary>
    public async Task RespondAsync(DuoAccess a, bool accept, string? note, CancellationToken ct)
    {
        a.Programme.RequireParticipant();
        var (duo, member) = (a.Duo, a.MeAsMember ?? throw ProblemException.NotFound());
        if (duo.Status != DuoStatus.Proposed) throw ProblemException.Invalid("Dit duo is al definitief.");
        if (!accept && string.IsNullOrWhiteSpace(note)) throw ProblemException.Field("note", "Vertel kort waarom je een andere koppeling vraagt.");
        if ((note?.Length ?? 0) > 2000) throw ProblemException.Field("note", "De toelichting is te lang (hoogstens 2000 tekens).");
        member.Response = accept ? MemberResponse.Accepted : MemberResponse.ChangeRequested;
        member.ResponseNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        member.RespondedAt = Now;
        if (duo.Members.All(m => m.Response == MemberResponse.Accepted))
        {
            duo.Status = DuoStatus.Active;
            db.DuoPlans.Add(new DuoPlan { DuoId = duo.Id, UpdatedAt = Now });
        }
        await notices.StageAnsweredAsync(duo, member, accept, ct);
        await db.SaveChangesAsync(ct);
        notices.FlushMail();
        await reminders.DuoStartedAsync(a.Programme.Programme, duo, ct);
    }

    public async Task SavePlanAsync(DuoAccess a, PlanInput input, bool submit, int? baseVersion, CancellationToken ct)
    {
        a.RequireMember();
        a.RequireActive();
        var plan = a.Duo.Plan!;
        if (plan.Status is PlanStatus.Submitted or PlanStatus.Approved)
            throw ProblemException.Invalid(plan.Status == PlanStatus.Approved ? "Het plan is al goedgekeurd." : "Het plan ligt bij de stuurgroep; wacht op hun reactie.");
        var errors = new ValidationErrors();
        foreach (var (v, field, what, max) in new[] { (input.Topic, "topic", "Onderwerp", 500), (input.Goal, "goal", "Doel", 4000), (input.Product, "product", "Product", 2000), (input.MeetingMoments, "meetingMoments", "Momenten", 2000) })
        {
            if ((v?.Length ?? 0) > max) errors.Add(field, what + ": hoogstens {0} tekens.", max);
            if (submit && string.IsNullOrWhiteSpace(v)) errors.Add(field, what + " is nodig om het plan in te dienen.");
        }
        Refuse.IfAny(errors, "Het plan is niet opgeslagen.");
        Versions.Expect(db, plan, baseVersion);
        plan.Topic = input.Topic?.Trim() ?? "";
        plan.Goal = input.Goal?.Trim() ?? "";
        plan.Product = input.Product?.Trim() ?? "";
        plan.MeetingMoments = input.MeetingMoments?.Trim() ?? "";
        plan.UpdatedAt = Now;
        if (submit)
        {
            plan.Status = PlanStatus.Submitted;
            plan.SubmittedAt = Now;
        }
        await Versions.SaveAsync(db, ct);
    }

    /// <summary>The steering group approves the plan, or returns it with comments (a comment is then required).</summary>
    public async Task ReviewPlanAsync(DuoAccess a, bool approve, string? comment, string userId, CancellationToken ct)
    {
        a.Programme.RequireSteward();
        var plan = a.Duo.Plan ?? throw ProblemException.Invalid("Dit duo heeft nog geen plan.");
        if (plan.Status != PlanStatus.Submitted) throw ProblemException.Invalid("Alleen een ingediend plan kan worden beoordeeld.");
        if (!approve && string.IsNullOrWhiteSpace(comment)) throw ProblemException.Field("comment", "Schrijf erbij wat er anders moet als je het plan teruggeeft.");
        if ((comment?.Length ?? 0) > 4000) throw ProblemException.Field("comment", "Het commentaar is te lang (hoogstens 4000 tekens).");
        plan.Status = approve ? PlanStatus.Approved : PlanStatus.Returned;
        plan.ReviewComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        plan.ReviewedAt = Now;
        plan.ReviewedById = userId;
        await db.SaveChangesAsync(ct);
    }

    // ---------------------------------------------------------------- meetings

    public async Task<List<Meeting>> ScheduleAsync(DuoAccess a, ScheduleInput input, CancellationToken ct)
    {
        a.RequireMember();
        a.RequireActive();
        var p = a.Programme.Programme;
        var errors = new ValidationErrors();
        if (input.DurationMinutes is < 15 or > 480) errors.Add("durationMinutes", "Duur: tussen 15 en 480 minuten.");
        if (input.EveryWeeks is < 1 or > 8) errors.Add("everyWeeks", "Herhaling: elke 1 tot 8 weken.");
        if (input.Count is < 1 or > 52) errors.Add("count", "Aantal afspraken: tussen 1 en 52.");
        if ((input.Location?.Length ?? 0) > 300) errors.Add("location", "Plaats: hoogstens 300 tekens.");
        if (input.FirstDate < p.Settings.StartDate.AddDays(-14) || input.FirstDate > p.Settings.EndDate) errors.Add("firstDate", "De eerste afspraak valt buiten de looptijd van het programma.");
        Refuse.IfAny(errors, "Er is niets ingepland.");
        var created = new List<Meeting>();
        for (int i = 0; i < input.Count; i++)
        {
            var date = input.FirstDate.AddDays(7 * input.EveryWeeks * i);
            if (date > p.Settings.EndDate) break;
            var m = new Meeting
            {
                DuoId = a.Duo.Id, Uid = $"{Guid.NewGuid():N}@klimrek", StartsAt = DutchTime.ToUtc(date, input.Time),
                DurationMinutes = input.DurationMinutes, Location = Texts.Clean(input.Location), UpdatedAt = Now,
            };
            db.Meetings.Add(m);
            created.Add(m);
        }
        await db.SaveChangesAsync(ct);
        await reminders.ReplanAsync(p, a.Duo, created, ct);
        return created;
    }

    /// <summary>Moves one meeting (its iCalendar sequence rises so calendars update it) or cancels it.</summary>
    public async Task RescheduleAsync(DuoAccess a, int meetingId, DateOnly? date, TimeOnly? time, bool cancel, CancellationToken ct)
    {
        a.RequireMember();
        var m = a.Duo.Meetings.FirstOrDefault(x => x.Id == meetingId) ?? throw ProblemException.NotFound();
        if (cancel) m.Cancelled = true;
        else
        {
            if (date is null || time is null) throw ProblemException.Field("date", "Kies een nieuwe datum en tijd.");
            var p = a.Programme.Programme;
            if (date < p.Settings.StartDate.AddDays(-14) || date > p.Settings.EndDate) throw ProblemException.Field("date", "De nieuwe datum valt buiten de looptijd van het programma.");
            m.StartsAt = DutchTime.ToUtc(date.Value, time.Value);
            m.Cancelled = false;
            m.Held = null; // a moved meeting has not been reported on yet
        }
        m.Sequence++;
        m.UpdatedAt = Now;
        await db.SaveChangesAsync(ct);
        await reminders.ReplanAsync(a.Programme.Programme, a.Duo, [m], ct);
    }

    /// <summary>After a meeting, a member says whether it took place; the "not met" signal and the report follow that.</summary>
    public async Task SetHeldAsync(DuoAccess a, int meetingId, bool held, CancellationToken ct)
    {
        a.RequireMember();
        var m = a.Duo.Meetings.FirstOrDefault(x => x.Id == meetingId) ?? throw ProblemException.NotFound();
        if (m.Cancelled) throw ProblemException.Invalid("Deze afspraak is afgezegd.");
        if (m.StartsAt > Now) throw ProblemException.Invalid("Of een afspraak is doorgegaan, geef je door als die begonnen is.");
        m.Held = held;
        m.UpdatedAt = Now;
        await db.SaveChangesAsync(ct);
        await reminders.ReplanAsync(a.Programme.Programme, a.Duo, [], ct);
    }

    /// <summary>The duo's meetings as calendar entries, with a reminder a quarter of an hour before.</summary>
    public static IEnumerable<CalendarEntry> Events(Duo d) => d.Meetings.OrderBy(m => m.StartsAt).Select(m => new CalendarEntry(
        m.Uid, m.StartsAt, m.DurationMinutes, "Samen leren: " + DuoName(d), "Duo-overleg (Klimrek, samen leren).", m.Location, m.Sequence, m.Cancelled, m.UpdatedAt,
        ReminderMinutesBefore: 15));

    /// <summary>
    /// Every meeting of every duo the user is in, across programmes, and the feedback moments of the learning experiments
    /// they own or joined (werkleren): one personal calendar.
    /// </summary>
    public async Task<string> PersonalCalendarAsync(string userId, CancellationToken ct)
    {
        var duos = await db.Duos.AsNoTracking().Include(d => d.Meetings).Include(d => d.Members).ThenInclude(m => m.Participant).ThenInclude(p => p!.User)
            .Where(d => d.Status == DuoStatus.Active && d.Members.Any(m => m.Participant!.UserId == userId)).ToListAsync(ct);
        var experiments = await Klimrek.Features.Werkleren.Experiments.ExperimentService.PersonalEventsAsync(db, userId, ct);
        return CalendarFile.Write("Klimrek", duos.SelectMany(Events).Concat(experiments));
    }
}
