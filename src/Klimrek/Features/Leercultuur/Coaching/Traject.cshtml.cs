using Klimrek.Data;
using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using System.Globalization;

namespace Klimrek.Features.Leercultuur.Coaching;

/// <summary>
/// /leercultuur/{organisationId}/traject: the organisation's coaching route — the latest in full (phases as a timeline,
/// hours against the plan, intake and plan, the change per block between the scans) and earlier ones as links. The
/// coach edits and logs hours here; HR and the steering group read; HR or a beheerder starts a route. A refusal shows
/// its Dutch messages and changes nothing; a change redirects with a message.
/// </summary>
public sealed class TrajectModel(CoachingService coaching, LeercultuurAccess access, KlimrekDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [FromRoute] public int OrganisationId { get; set; }
    [FromQuery(Name = "route")] public int? RouteId { get; set; }

    public string OrganisationName { get; private set; } = "";
    public ScanViewer Viewer { get; private set; }
    public List<CoachingRoute> Routes { get; private set; } = [];
    public RouteProgress? Shown { get; private set; }
    public List<ScanRound> Rounds { get; private set; } = [];
    [TempData] public string? Message { get; set; }
    public List<string> Errors { get; } = [];
    public bool SavedMeanwhile { get; private set; }

    /// <summary>What was typed, kept when a form is refused.</summary>
    [BindProperty] public string? CoachEmail { get; set; }
    [BindProperty] public string? StartsOn { get; set; }
    [BindProperty] public int? PlannedHours { get; set; }
    [BindProperty] public string? Intake { get; set; }
    [BindProperty] public string? Plan { get; set; }
    [BindProperty] public string? HoursDate { get; set; }
    [BindProperty] public string? Hours { get; set; }
    [BindProperty] public CoachingPhase? HoursPhase { get; set; }
    [BindProperty] public string? HoursNote { get; set; }

    public bool IsReader => (Viewer & CoachingService.RouteReaders) != ScanViewer.None;
    public bool CanStart => (Viewer & (ScanViewer.Hr | ScanViewer.Beheerder)) != ScanViewer.None && Routes.All(r => r.Phase == CoachingPhase.Afgerond);
    public bool IsCoach => Shown is not null && Shown.Route.CoachId == LeercultuurAccess.Me(User);
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nl";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var status = await LoadAsync(ct);
        if (status is not null) return status;
        if (Shown is not null) (Intake, Plan) = (Shown.Route.Intake, Shown.Route.Plan);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        try
        {
            Routes = await coaching.ListAsync(User, OrganisationId, ct);
        }
        catch (ProblemException e)
        {
            return e.Status == 404 ? NotFound() : Forbid();
        }
        Viewer = await access.ViewerAsync(User, OrganisationId, ct);
        OrganisationName = await db.Organisations.Where(o => o.Id == OrganisationId).Select(o => o.Name).FirstAsync(ct);
        if (!IsReader) return null;
        var pick = RouteId is { } id ? Routes.FirstOrDefault(r => r.Id == id) : Routes.FirstOrDefault();
        if (RouteId is not null && pick is null) return NotFound();
        if (pick is not null)
        {
            var route = await db.CoachingRoutes.Include(r => r.Coach).FirstAsync(r => r.Id == pick.Id, ct);
            Shown = await coaching.ProgressAsync(route, ct);
        }
        Rounds = await coaching.RoundsAsync(OrganisationId, ct);
        return null;
    }

    private string Text(Message m) => m.Args.Length == 0 ? localizer[m.Key].Value : localizer[m.Key, m.Args].Value;

    /// <summary>Runs a change: 400/409 show their messages on the page (the input stays), 403/404 become that status.</summary>
    private async Task<IActionResult> ChangeAsync(Func<CancellationToken, Task> action, string message, int? routeId, CancellationToken ct)
    {
        try
        {
            await action(ct);
        }
        catch (ProblemException e) when (e.Status is 400 or 409)
        {
            SavedMeanwhile = e.Title.Key == Versions.ConflictMessage;
            Errors.Add(Text(e.Title));
            Errors.AddRange(e.Fields.Values.SelectMany(m => m).Select(Text));
            db.ChangeTracker.Clear();
            RouteId ??= routeId;
            var status = await LoadAsync(ct);
            if (Shown is not null && !Request.Form.ContainsKey(nameof(Intake))) (Intake, Plan) = (Shown.Route.Intake, Shown.Route.Plan);
            return status ?? Page();
        }
        catch (ProblemException e)
        {
            return e.Status == 404 ? NotFound() : Forbid();
        }
        Message = message;
        return Redirect($"/leercultuur/{OrganisationId}/traject" + (routeId is { } r ? $"?route={r}" : ""));
    }

    public Task<IActionResult> OnPostStartAsync(CancellationToken ct) => ChangeAsync(async t =>
    {
        var start = ParseDate(StartsOn);
        if (StartsOn is { Length: > 0 } && start is null) throw ProblemException.Field("startsOn", "Kies een geldige datum.");
        await coaching.StartAsync(User, OrganisationId, new RouteStart(CoachEmail, start, PlannedHours), t);
    }, "Het coachingstraject is gestart.", null, ct);

    public Task<IActionResult> OnPostNotesAsync(int routeId, int version, CancellationToken ct) => ChangeAsync(async t =>
    {
        var route = await coaching.CoachRouteAsync(User, OrganisationId, routeId, t);
        await coaching.UpdateAsync(route, new RouteChange(Intake, Plan, route.Phase, route.FirstRoundId, route.SecondRoundId), version, t);
    }, "Intake en plan van aanpak zijn bewaard.", routeId, ct);

    public Task<IActionResult> OnPostPhaseAsync(int routeId, int version, string? direction, CancellationToken ct) => ChangeAsync(async t =>
    {
        var route = await coaching.CoachRouteAsync(User, OrganisationId, routeId, t);
        var to = route.Phase + (direction == "terug" ? -1 : 1);
        if (!Enum.IsDefined(to)) throw ProblemException.Field("phase", "Het traject kan niet verder in die richting.");
        await coaching.UpdateAsync(route, new RouteChange(route.Intake, route.Plan, to, route.FirstRoundId, route.SecondRoundId), version, t);
    }, "De fase is bijgewerkt.", routeId, ct);

    public Task<IActionResult> OnPostRoundsAsync(int routeId, int version, int? firstRoundId, int? secondRoundId, CancellationToken ct) => ChangeAsync(async t =>
    {
        var route = await coaching.CoachRouteAsync(User, OrganisationId, routeId, t);
        await coaching.UpdateAsync(route, new RouteChange(route.Intake, route.Plan, route.Phase, firstRoundId, secondRoundId), version, t);
    }, "De scanrondes zijn gekoppeld.", routeId, ct);

    public Task<IActionResult> OnPostHoursAsync(int routeId, CancellationToken ct) => ChangeAsync(async t =>
    {
        var route = await coaching.CoachRouteAsync(User, OrganisationId, routeId, t);
        var date = ParseDate(HoursDate);
        double? hours = double.TryParse(Hours?.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var h) ? h : null;
        await coaching.LogHoursAsync(route, new HoursInput(HoursPhase, date, hours, HoursNote), t);
    }, "De uren zijn geschreven.", routeId, ct);

    public Task<IActionResult> OnPostDeleteHoursAsync(int routeId, int logId, CancellationToken ct) => ChangeAsync(async t =>
        await coaching.DeleteHoursAsync(await coaching.CoachRouteAsync(User, OrganisationId, routeId, t), logId, t), "De regel is verwijderd.", routeId, ct);

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static string Num(double value) => value.ToString("0.##", CultureInfo.CurrentCulture);
    public static string Svg(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
