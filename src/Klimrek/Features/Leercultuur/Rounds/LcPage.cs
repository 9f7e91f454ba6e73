using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Klimrek.Features.Leercultuur.Rounds;

/// <summary>
/// Base of the signed-in scan pages (organisation, rounds): who the user is for the organisation, the page message
/// after a change, and the shape of every change (a refusal shows its Dutch messages and changes nothing; 403/404
/// stay statuses; success redirects with a message).
/// </summary>
public abstract class LcPage : PageModel
{
    [TempData] public string? Message { get; set; }
    public List<string> Errors { get; } = [];
    public ScanViewer Viewer { get; protected set; }
    public bool IsHr => Viewer.HasFlag(ScanViewer.Hr);
    public static string Language => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nl";
    protected IStringLocalizer L => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
    protected LeercultuurAccess Access => HttpContext.RequestServices.GetRequiredService<LeercultuurAccess>();

    protected IActionResult StatusOf(ProblemException e) => e.Status switch { 404 => NotFound(), 403 => Forbid(), _ => StatusCode(e.Status) };

    protected string Text(Message m) => m.Args.Length == 0 ? L[m.Key].Value : L[m.Key, m.Args].Value;

    /// <summary>Runs <paramref name="action"/>; 400/409 become messages (false), 403/404 that status.</summary>
    protected async Task<(bool Ok, IActionResult? Status)> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return (true, null);
        }
        catch (ProblemException e) when (e.Status is 400 or 409)
        {
            Errors.AddRange(e.AllMessages().Select(Text));
            return (false, null);
        }
        catch (ProblemException e) { return (false, StatusOf(e)); }
    }

    /// <summary>Checks access and loads; 403/404 as statuses.</summary>
    protected async Task<IActionResult?> EnsureAsync(int organisationId, ScanViewer allowed, CancellationToken ct)
    {
        try
        {
            Viewer = await Access.EnsureAsync(User, organisationId, allowed, ct);
            return null;
        }
        catch (ProblemException e) { return StatusOf(e); }
    }

    /// <summary>A change: refused → the page again with messages; done → redirect with <paramref name="message"/>.</summary>
    protected async Task<IActionResult> ChangeAsync(Func<Task> action, Func<Task> reload, string message)
    {
        var (ok, st) = await TryAsync(action);
        if (st is not null) return st;
        if (!ok)
        {
            await reload();
            return Page();
        }
        Message = message;
        return Redirect(Request.Path);
    }
}
