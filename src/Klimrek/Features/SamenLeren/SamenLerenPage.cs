using Klimrek.Data;
using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using System.Security.Claims;

namespace Klimrek.Features.SamenLeren;

/// <summary>
/// Base of the samen-leren pages. Before any handler runs it resolves, once, the programme access (route value
/// <c>id</c>) and the duo access (<c>duoId</c>), answering 404/403 when refused; a refusal of a change becomes Dutch
/// messages on the page (nothing changed).
/// </summary>
public abstract class SamenLerenPage : PageModel
{
    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
    public ProgrammeAccess Access { get; private set; } = null!;
    public DuoAccess Duo { get; private set; } = null!;
    [TempData] public string? Message { get; set; }
    public List<string> Errors { get; } = [];

    /// <summary>The version of the record the form edited (plan, intake, settings); checked on save.</summary>
    [BindProperty] public int? Version { get; set; }

    /// <summary>The save was refused because someone saved a newer version meanwhile: show it beside the form.</summary>
    public bool SavedMeanwhile { get; private set; }

    /// <summary>
    /// The version a form carries: the one the person started from while they correct their input, the stored one once
    /// they have seen it (after a refusal because of a newer version, or on a fresh form).
    /// </summary>
    public int FormVersion(int stored) => SavedMeanwhile || Version is null ? stored : Version.Value;

    /// <summary>The current time from the app's <see cref="TimeProvider"/> (tests set the clock).</summary>
    public DateTime Now => HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    protected IStringLocalizer L => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (RouteInt("id") is int id)
        {
            var access = HttpContext.RequestServices.GetRequiredService<SamenLerenAccess>();
            var request = HttpContext.RequestServices.GetRequiredService<SamenLerenRequest>();
            try
            {
                request.Programme = Access = await access.ProgrammeAsync(id, UserId, HttpContext.RequestAborted);
                if (RouteInt("duoId") is int duoId)
                    request.Duo = Duo = await access.DuoAsync(Access, duoId, HttpContext.RequestAborted);
            }
            catch (ProblemException e)
            {
                context.Result = StatusOf(e);
                return;
            }
        }
        await base.OnPageHandlerExecutionAsync(context, next);
    }

    private int? RouteInt(string name) =>
        RouteData.Values.TryGetValue(name, out var v) && int.TryParse(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
            System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : null;

    protected IActionResult StatusOf(ProblemException e) => e.Status switch
    {
        404 => NotFound(),
        403 => Forbid(),
        _ => StatusCode(e.Status),
    };

    /// <summary>Runs a change; a 400/409 refusal becomes messages on the page (returns false), 403/404 become that status.</summary>
    protected async Task<(bool Ok, IActionResult? Status)> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return (true, null);
        }
        catch (ProblemException e) when (e.Status is 400 or 409)
        {
            if (e.Title.Key == Versions.ConflictMessage)
            {
                SavedMeanwhile = true;
                return (false, null);
            }
            Errors.Add(Text(e.Title));
            Errors.AddRange(e.Fields.Values.SelectMany(m => m).Select(Text));
            return (false, null);
        }
        catch (ProblemException e) { return (false, StatusOf(e)); }
    }

    private string Text(Message m) => m.Args.Length == 0 ? L[m.Key].Value : L[m.Key, m.Args].Value;

    /// <summary>
    /// The shape of every change on these pages: the action runs, a refusal re-renders the page with its messages
    /// (after <paramref name="reload"/>), success redirects with a message.
    /// </summary>
    protected async Task<IActionResult> ChangeAsync(Func<Task> action, Func<Task> reload, string message, string redirectTo)
    {
        var (ok, st) = await TryAsync(action);
        if (st is not null) return st;
        if (!ok)
        {
            await reload();
            return Page();
        }
        Message = message;
        return Redirect(redirectTo);
    }
}
