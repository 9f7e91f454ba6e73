using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using System.Security.Claims;

namespace Klimrek.Features.Werkleren.Experiments;

/// <summary>
/// Base of the experiment pages: the signed-in person, the page message after a change, and the shape of every change
/// (a refusal shows its Dutch messages on the page and changes nothing; success redirects with a message).
/// </summary>
public abstract class ExperimentPage : PageModel
{
    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
    [TempData] public string? Message { get; set; }
    public List<string> Errors { get; } = [];
    public static string Language => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nl";
    public DateTime Now => HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
    protected IStringLocalizer L => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    /// <summary>The save was refused because someone saved a newer version meanwhile.</summary>
    public bool SavedMeanwhile { get; private set; }

    protected IActionResult StatusOf(ProblemException e) => e.Status switch
    {
        404 => NotFound(),
        403 => Forbid(),
        _ => StatusCode(e.Status),
    };

    private string Text(Message m) => m.Args.Length == 0 ? L[m.Key].Value : L[m.Key, m.Args].Value;

    /// <summary>Runs a change; 400/409 become messages (false), 403/404 that status.</summary>
    protected async Task<(bool Ok, IActionResult? Status)> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return (true, null);
        }
        catch (ProblemException e) when (e.Status is 400 or 409)
        {
            if (e.Title.Key == Data.Versions.ConflictMessage) SavedMeanwhile = true;
            Errors.Add(Text(e.Title));
            Errors.AddRange(e.Fields.Values.SelectMany(m => m).Select(Text));
            return (false, null);
        }
        catch (ProblemException e) { return (false, StatusOf(e)); }
    }

    protected async Task<IActionResult> ChangeAsync(Func<Task> action, Func<Task> reload, string message, Func<string> redirectTo)
    {
        var (ok, st) = await TryAsync(action);
        if (st is not null) return st;
        if (!ok)
        {
            await reload();
            return Page();
        }
        Message = message;
        return Redirect(redirectTo());
    }
}
