using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using System.Security.Claims;

namespace Klimrek.Features.Werkleren.Climate;

/// <summary>Base of the micro-learning-climate pages: the signed-in person, a message after a change, refusals as Dutch messages.</summary>
public abstract class ClimatePage : PageModel
{
    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
    [TempData] public string? Message { get; set; }
    public List<string> Errors { get; } = [];

    protected IStringLocalizer L => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    /// <summary>Runs a change: a 400 refusal becomes messages on the page (false); a 404 is that status.</summary>
    protected async Task<(bool Ok, IActionResult? Status)> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return (true, null);
        }
        catch (ProblemException e) when (e.Status is 400 or 409)
        {
            Errors.AddRange(e.AllMessages().Select(m => m.Args.Length == 0 ? L[m.Key].Value : L[m.Key, m.Args].Value));
            return (false, null);
        }
        catch (ProblemException e) when (e.Status == 404)
        {
            return (false, NotFound());
        }
    }
}
