using Klimrek.Data;
using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using System.Globalization;
using System.Security.Claims;

namespace Klimrek.Features.Werkleren.Conversations;

/// <summary>Base of the conversation, driver, praatplaat and hub pages: the signed-in person, messages, and refusals shown in Dutch.</summary>
public abstract class ConversationsPage : PageModel
{
    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
    [TempData] public string? Message { get; set; }
    public List<string> Errors { get; } = [];

    /// <summary>The save was refused because a newer version was saved meanwhile: show it beside the form.</summary>
    public bool SavedMeanwhile { get; private set; }

    protected IStringLocalizer L => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
    public DateTime Now => HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    protected IActionResult StatusOf(ProblemException e) => e.Status switch
    {
        404 => NotFound(),
        403 => Forbid(),
        _ => StatusCode(e.Status),
    };

    /// <summary>Runs a change; a 400/409 refusal becomes messages on the page (false), 403/404 that status.</summary>
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

    /// <summary>A change, then: refused → the page again (after <paramref name="reload"/>) with its messages; done → redirect with a message.</summary>
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

    public static string PartnerName(ConversationPartner p) => p switch
    {
        ConversationPartner.Collega => "met een collega",
        ConversationPartner.Begeleider => "met mijn begeleider",
        ConversationPartner.Leidinggevende => "met mijn leidinggevende",
        _ => "alleen",
    };
}

/// <summary>The fields of <c>_ConversationMeta</c>: date and who was there; <see cref="Form"/> names the form they belong to (null: the enclosing one).</summary>
public sealed record ConversationMetaForm(DateOnly? HeldOn, ConversationPartner With, string? WithName, string? WithUserId, IReadOnlyList<NamedRelation> Relations,
    string? Form);
