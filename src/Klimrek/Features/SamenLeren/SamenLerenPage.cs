using System.Security.Claims;
using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Klimrek.Features.SamenLeren;

/// <summary>
/// Base of the samen-leren pages: the current user, the programme access, and turning a refusal from the service
/// into a Dutch message on the page (nothing changed) or a 404/403 page.
/// </summary>
public abstract class SamenLerenPage(SamenLerenService service) : PageModel
{
    protected SamenLerenService Service { get; } = service;
    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
    public ProgrammeAccess Access { get; protected set; } = null!;
    [TempData] public string? Message { get; set; }
    public List<string> Errors { get; } = [];

    protected IStringLocalizer L => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    protected async Task<IActionResult?> LoadAccessAsync(int id, CancellationToken ct)
    {
        try
        {
            Access = await Service.AccessAsync(id, UserId, ct);
            return null;
        }
        catch (ProblemException e) { return StatusOf(e); }
    }

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
            Errors.Add(Text(e.Title));
            Errors.AddRange(e.Fields.Values.SelectMany(m => m).Select(Text));
            return (false, null);
        }
        catch (ProblemException e) { return (false, StatusOf(e)); }
    }

    private string Text(Message m) => m.Args.Length == 0 ? L[m.Key].Value : L[m.Key, m.Args].Value;

    /// <summary>
    /// The shape of every change on these pages: <paramref name="prepare"/> loads the access (or answers 403/404),
    /// the action runs, a refusal re-renders the page with its messages (after <paramref name="reload"/>), success
    /// redirects with a message.
    /// </summary>
    protected async Task<IActionResult> ChangeAsync(Func<Task<IActionResult?>> prepare, Func<Task> action, Func<Task> reload, string message, string redirectTo)
    {
        if (await prepare() is { } status) return status;
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
