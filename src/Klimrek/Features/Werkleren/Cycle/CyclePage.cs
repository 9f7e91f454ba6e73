using Klimrek.Data;
using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using System.Security.Claims;

namespace Klimrek.Features.Werkleren.Cycle;

/// <summary>
/// Base of the development-cycle and sharing pages: the signed-in person, the page's language, Dutch messages from a
/// refused change (nothing changed), the version a form edited, and the PRG shape of every change.
/// </summary>
public abstract class CyclePage : PageModel
{
    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
    public static string Language => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nl";
    public static bool English => Language == "en";
    [TempData] public string? Message { get; set; }
    public List<string> Errors { get; } = [];

    /// <summary>The version of the record the form edited; checked on save.</summary>
    [BindProperty] public int? Version { get; set; }

    /// <summary>The save was refused because a newer version was saved meanwhile (another tab, the API).</summary>
    public bool SavedMeanwhile { get; private set; }

    public int FormVersion(int stored) => SavedMeanwhile || Version is null ? stored : Version.Value;

    public DateTime Now => HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    protected IStringLocalizer L => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    protected IActionResult StatusOf(ProblemException e) => e.Status switch
    {
        404 => NotFound(),
        403 => Forbid(),
        _ => StatusCode(e.Status),
    };

    /// <summary>Runs a change; a 400/409/428 refusal becomes messages on the page (false), 403/404 that status.</summary>
    protected async Task<(bool Ok, IActionResult? Status)> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return (true, null);
        }
        catch (ProblemException e) when (e.Status is 400 or 409 or 428)
        {
            if (e.Title.Key == Versions.ConflictMessage)
            {
                SavedMeanwhile = true;
                Errors.Add(L[Versions.ConflictMessage].Value);
                return (false, null);
            }
            Errors.Add(Text(e.Title));
            Errors.AddRange(e.Fields.Values.SelectMany(m => m).Select(Text));
            return (false, null);
        }
        catch (ProblemException e) { return (false, StatusOf(e)); }
    }

    private string Text(Message m) => m.Args.Length == 0 ? L[m.Key].Value : L[m.Key, m.Args].Value;

    /// <summary>The action runs; a refusal re-renders the page with its messages (after <paramref name="reload"/>); success redirects with a message.</summary>
    protected async Task<IActionResult> ChangeAsync(Func<Task> action, Func<Task> reload, string message, Func<string> redirectTo)
    {
        var (ok, st) = await TryAsync(action);
        if (st is not null) return st;
        if (!ok)
        {
            try { await reload(); }
            catch (ProblemException e) { return StatusOf(e); }
            return Page();
        }
        Message = message;
        return Redirect(redirectTo());
    }

    /// <summary>Number inputs post "2.5" whatever the page's language; people may type "2,5". Empty: none.</summary>
    public static decimal? Number(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        return decimal.TryParse(s.Trim().Replace(',', '.'), System.Globalization.NumberStyles.AllowDecimalPoint,
            System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : throw ProblemException.Invalid("Vul een getal in, bijvoorbeeld 2,5.");
    }

    public static string Date(DateOnly d) => d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture);
    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
