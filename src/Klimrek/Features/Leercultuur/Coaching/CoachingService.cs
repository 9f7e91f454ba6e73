using Klimrek.Data;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using CoreScan = Klimrek.Core.Leercultuur;

namespace Klimrek.Features.Leercultuur.Coaching;

/// <summary>What HR or a beheerder fills in to start a route.</summary>
public sealed record RouteStart(string? CoachEmail, DateOnly? StartsOn, int? PlannedHours);

/// <summary>What the coach edits: the intake and plan of approach, the phase (one step at a time) and the two scan rounds.</summary>
public sealed record RouteChange(string? Intake, string? Plan, CoachingPhase Phase, int? FirstRoundId, int? SecondRoundId);

/// <summary>An entry of hours; the phase defaults to the route's current one.</summary>
public sealed record HoursInput(CoachingPhase? Phase, DateOnly? Date, double? Hours, string? Note);

/// <summary>The hours logged in one phase.</summary>
public sealed record PhaseHours(CoachingPhase Phase, double Hours);

/// <summary>A block's change between the first and the second scan, on the items both rounds asked unchanged.</summary>
public sealed record BlockChange(int Block, int FirstRespondents, double FirstMean, int SecondRespondents, double SecondMean, double Difference);

/// <summary>
/// A route as the organisation sees it: phases, hours per phase and in total, and — once both scans have at least five
/// respondents — the change per block. <see cref="Change"/> is null until then; blocks resting on fewer than five people are left out.
/// </summary>
public sealed record RouteProgress(CoachingRoute Route, string CoachName, string CoachEmail, IReadOnlyList<PhaseHours> Hours, double TotalHours,
    IReadOnlyList<CoachingLog> Logs, IReadOnlyList<BlockChange>? Change);

/// <summary>
/// The SME coaching route (issue 12, point 6): intake → plan of approach → scan → about 120 hours of coaching in three
/// phases (voordoen, samen doen, overdragen) → a second scan. HR of the organisation or a beheerder starts it naming a
/// begeleider; only that coach edits it and logs hours; HR and the steering group follow its progress. The change per
/// block between the two scans uses <see cref="CoreScan.Trend"/> and shows nothing about fewer than five respondents.
/// </summary>
public sealed class CoachingService(KlimrekDbContext db, LeercultuurAccess access, UserManager<KlimrekUser> users, TimeProvider clock)
{
    public const int MaxText = 8000;
    public const int MaxNote = 2000;
    public const int DefaultHours = 120;

    /// <summary>Who may see the routes' list (the beheerder starts routes, so may see which exist).</summary>
    public const ScanViewer ListReaders = LeercultuurAccess.ResultReaders | ScanViewer.Beheerder;

    /// <summary>Who follows a route in full: HR, the steering group and the coach (the beheerder reads no notes or results).</summary>
    public const ScanViewer RouteReaders = LeercultuurAccess.ResultReaders;

    public static readonly IReadOnlyList<CoachingPhase> Phases = Enum.GetValues<CoachingPhase>();

    /// <summary>The organisation's routes, newest first.</summary>
    public async Task<List<CoachingRoute>> ListAsync(ClaimsPrincipal user, int organisationId, CancellationToken ct)
    {
        await access.EnsureAsync(user, organisationId, ListReaders, ct);
        return await db.CoachingRoutes.AsNoTracking().Include(r => r.Coach).Where(r => r.OrganisationId == organisationId)
            .OrderByDescending(r => r.StartsOn).ThenByDescending(r => r.Id).ToListAsync(ct);
    }

    /// <summary>The route of the organisation for a reader (404 across organisations; 403 for the beheerder alone).</summary>
    public async Task<CoachingRoute> RouteAsync(ClaimsPrincipal user, int organisationId, int routeId, CancellationToken ct)
    {
        await access.EnsureAsync(user, organisationId, RouteReaders, ct);
        return await db.CoachingRoutes.Include(r => r.Coach).FirstOrDefaultAsync(r => r.Id == routeId && r.OrganisationId == organisationId, ct)
               ?? throw ProblemException.NotFound();
    }

    /// <summary>The route, for a change: only its own coach (HR and the steering group read along: 403).</summary>
    public async Task<CoachingRoute> CoachRouteAsync(ClaimsPrincipal user, int organisationId, int routeId, CancellationToken ct)
    {
        var route = await RouteAsync(user, organisationId, routeId, ct);
        if (route.CoachId != LeercultuurAccess.Me(user)) throw ProblemException.Forbidden("Alleen de begeleider van dit traject kan dit.");
        return route;
    }

    /// <summary>Starts a route (HR of the organisation or a beheerder) with a begeleider named by e-mail address.</summary>
    public async Task<CoachingRoute> StartAsync(ClaimsPrincipal user, int organisationId, RouteStart input, CancellationToken ct)
    {
        await access.EnsureAsync(user, organisationId, ScanViewer.Hr | ScanViewer.Beheerder, ct);
        var errors = new ValidationErrors();
        KlimrekUser? coach = null;
        var email = input.CoachEmail?.Trim() ?? "";
        if (email.Length == 0) errors.Add("coachEmail", "Vul het e-mailadres van de begeleider in.");
        else if (email.Length > 256) errors.Add("coachEmail", "Een e-mailadres is hoogstens {0} tekens.", 256);
        else
        {
            coach = await users.FindByEmailAsync(email);
            if (coach is null || !await users.IsInRoleAsync(coach, Roles.Begeleider))
                errors.Add("coachEmail", "Er is geen begeleider met dit e-mailadres. De coach heeft een account met de rol begeleider nodig.");
        }
        if (input.StartsOn is null) errors.Add("startsOn", "Kies een startdatum.");
        var today = DutchTime.Today(clock.GetUtcNow().UtcDateTime);
        if (input.StartsOn is { } s && (s < today.AddYears(-5) || s > today.AddYears(2))) errors.Add("startsOn", "Kies een startdatum binnen vijf jaar terug en twee jaar vooruit.");
        var hours = input.PlannedHours ?? DefaultHours;
        if (hours is < 1 or > 2000) errors.Add("plannedHours", "Het aantal geplande uren ligt tussen 1 en 2000.");
        ProblemException.ThrowIfAny(errors);
        if (await db.CoachingRoutes.AnyAsync(r => r.OrganisationId == organisationId && r.Phase != CoachingPhase.Afgerond, ct))
            throw ProblemException.Conflict("Er loopt al een traject voor deze organisatie. Start een nieuw traject als het huidige is afgerond.");
        var now = clock.GetUtcNow().UtcDateTime;
        var route = new CoachingRoute
        {
            OrganisationId = organisationId, CoachId = coach!.Id, StartsOn = input.StartsOn!.Value, PlannedHours = hours, Phase = CoachingPhase.Intake,
            CreatedAt = now, UpdatedAt = now,
        };
        db.CoachingRoutes.Add(route);
        await db.SaveChangesAsync(ct);
        route.Coach = coach;
        return route;
    }

    /// <summary>
    /// Saves the coach's intake notes, plan of approach, phase (the same, one step forward or one step back) and scan
    /// rounds (of this organisation). <paramref name="baseVersion"/>: the version the coach edited; 409 when stale.
    /// </summary>
    public async Task UpdateAsync(CoachingRoute route, RouteChange change, int? baseVersion, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var intake = Text(errors, "intake", change.Intake, MaxText);
        var plan = Text(errors, "plan", change.Plan, MaxText);
        if (!Enum.IsDefined(change.Phase)) errors.Add("phase", "Kies een fase van het traject.");
        else if (Math.Abs((int)change.Phase - (int)route.Phase) > 1) errors.Add("phase", "Een traject gaat één fase tegelijk vooruit of terug.");
        await CheckRoundAsync(errors, "firstRoundId", route.OrganisationId, change.FirstRoundId, ct);
        await CheckRoundAsync(errors, "secondRoundId", route.OrganisationId, change.SecondRoundId, ct);
        if (change.FirstRoundId is { } f && f == change.SecondRoundId) errors.Add("secondRoundId", "De tweede scan is een andere ronde dan de eerste.");
        ProblemException.ThrowIfAny(errors);
        Versions.Expect(db, route, baseVersion);
        (route.Intake, route.Plan, route.Phase, route.FirstRoundId, route.SecondRoundId) = (intake, plan, change.Phase, change.FirstRoundId, change.SecondRoundId);
        route.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await Versions.SaveAsync(db, ct);
    }

    private async Task CheckRoundAsync(ValidationErrors errors, string field, int organisationId, int? roundId, CancellationToken ct)
    {
        if (roundId is { } id && !await db.ScanRounds.AnyAsync(r => r.Id == id && r.OrganisationId == organisationId, ct))
            errors.Add(field, "Kies een scanronde van deze organisatie.");
    }

    /// <summary>Logs hours in a phase (the coach): more than 0 and at most 24 per entry, on a day from the route's start until today.</summary>
    public async Task<CoachingLog> LogHoursAsync(CoachingRoute route, HoursInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var phase = input.Phase ?? (route.Phase == CoachingPhase.Afgerond ? CoachingPhase.TweedeScan : route.Phase);
        if (!Enum.IsDefined(phase) || phase == CoachingPhase.Afgerond || phase > route.Phase) errors.Add("phase", "Schrijf uren op een fase die al begonnen is.");
        if (input.Hours is not { } hours || double.IsNaN(hours) || hours <= 0 || hours > 24) errors.Add("hours", "Schrijf meer dan 0 en hoogstens 24 uur per regel.");
        var today = DutchTime.Today(clock.GetUtcNow().UtcDateTime);
        if (input.Date is not { } date) errors.Add("date", "Kies de datum.");
        else if (date < route.StartsOn.AddDays(-31) || date > route.StartsOn.AddYears(2)) errors.Add("date", "Kies een datum binnen de looptijd van het traject.");
        else if (date > today) errors.Add("date", "Uren schrijf je achteraf: de datum ligt niet in de toekomst.");
        var note = Text(errors, "note", input.Note, MaxNote);
        ProblemException.ThrowIfAny(errors);
        var log = new CoachingLog
        {
            RouteId = route.Id, Phase = phase, Date = input.Date!.Value, Hours = Math.Round(input.Hours!.Value, 2), Note = note, CoachId = route.CoachId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.CoachingLogs.Add(log);
        await db.SaveChangesAsync(ct);
        return log;
    }

    public async Task DeleteHoursAsync(CoachingRoute route, int logId, CancellationToken ct)
    {
        if (await db.CoachingLogs.Where(l => l.Id == logId && l.RouteId == route.Id).ExecuteDeleteAsync(ct) == 0) throw ProblemException.NotFound();
    }

    /// <summary>Everything the route's page and API show: hours per phase, the log, and the change per block.</summary>
    public async Task<RouteProgress> ProgressAsync(CoachingRoute route, CancellationToken ct)
    {
        var logs = await db.CoachingLogs.AsNoTracking().Where(l => l.RouteId == route.Id).OrderByDescending(l => l.Date).ThenByDescending(l => l.Id).ToListAsync(ct);
        var hours = Phases.Where(p => p != CoachingPhase.Afgerond).Select(p => new PhaseHours(p, Math.Round(logs.Where(l => l.Phase == p).Sum(l => l.Hours), 2))).ToList();
        var coach = route.Coach ?? await db.Users.AsNoTracking().FirstAsync(u => u.Id == route.CoachId, ct);
        var change = route.FirstRoundId is { } first && route.SecondRoundId is { } second ? await ChangeAsync(first, second, ct) : null;
        return new RouteProgress(route, coach.DisplayName, coach.Email ?? "", hours, Math.Round(logs.Sum(l => l.Hours), 2), logs, change);
    }

    /// <summary>
    /// The change per block from the first to the second round on their common unchanged statements; null unless both
    /// rounds have at least <see cref="ScanNames.MinGroup"/> responses; blocks where either side rests on fewer are left out.
    /// </summary>
    public async Task<IReadOnlyList<BlockChange>?> ChangeAsync(int firstRoundId, int secondRoundId, CancellationToken ct)
    {
        var counts = await db.ScanResponses.Where(r => r.RoundId == firstRoundId || r.RoundId == secondRoundId)
            .GroupBy(r => r.RoundId).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        if (counts.Count(c => c.N >= ScanNames.MinGroup) < 2) return null;
        var earlier = await CoreRoundAsync(firstRoundId, ct);
        var later = await CoreRoundAsync(secondRoundId, ct);
        return CoreScan.Trend.Compare(earlier, later)
            .Where(t => t.EarlierRespondents >= ScanNames.MinGroup && t.LaterRespondents >= ScanNames.MinGroup && t.Difference is not null)
            .Select(t => new BlockChange(t.Block, t.EarlierRespondents, t.EarlierMean!.Value, t.LaterRespondents, t.LaterMean!.Value, t.Difference!.Value))
            .ToList();
    }

    /// <summary>A round's statements and answers in the layout the statistics expect (one value per statement, null = don't know or not answered).</summary>
    private async Task<CoreScan.ScanRound> CoreRoundAsync(int roundId, CancellationToken ct)
    {
        var instrumentId = await db.ScanRounds.Where(r => r.Id == roundId).Select(r => r.InstrumentId).FirstAsync(ct);
        var items = await db.ScanItems.AsNoTracking().Where(i => i.InstrumentId == instrumentId && i.Kind == ScanItemKind.Stelling)
            .OrderBy(i => i.Position).Select(i => new { i.Id, i.Key, i.Block, i.Fingerprint }).ToListAsync(ct);
        var column = items.Select((x, i) => (x.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var answers = await db.ScanAnswers.AsNoTracking()
            .Join(db.ScanResponses.Where(r => r.RoundId == roundId), a => a.ResponseId, r => r.Id, (a, r) => new { a.ResponseId, a.ItemId, a.Value })
            .ToListAsync(ct);
        var responses = answers.GroupBy(a => a.ResponseId).Select(g =>
        {
            var row = new int?[items.Count];
            foreach (var a in g)
                if (column.TryGetValue(a.ItemId, out var c)) row[c] = a.Value;
            return row;
        }).ToList();
        return new CoreScan.ScanRound(items.Select(i => new CoreScan.ScanItem(i.Key, i.Block, i.Fingerprint)).ToList(), responses);
    }

    /// <summary>The organisation's rounds (for linking the first and second scan), newest first.</summary>
    public Task<List<ScanRound>> RoundsAsync(int organisationId, CancellationToken ct) =>
        db.ScanRounds.AsNoTracking().Where(r => r.OrganisationId == organisationId).OrderByDescending(r => r.OpensOn).ThenByDescending(r => r.Id).ToListAsync(ct);

    private static string? Text(ValidationErrors errors, string field, string? value, int max)
    {
        var t = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (t is not null && t.Length > max) errors.Add(field, "Hoogstens {0} tekens.", max);
        return t;
    }

    /// <summary>The Dutch name of a phase (a resource key).</summary>
    public static string PhaseName(CoachingPhase phase) => phase switch
    {
        CoachingPhase.Intake => "Intake",
        CoachingPhase.PlanVanAanpak => "Plan van aanpak",
        CoachingPhase.Scan => "Scan",
        CoachingPhase.Voordoen => "Voordoen",
        CoachingPhase.SamenDoen => "Samen doen",
        CoachingPhase.Overdragen => "Overdragen",
        CoachingPhase.TweedeScan => "Tweede scan",
        _ => "Afgerond",
    };
}
