using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Security.Claims;

namespace Klimrek.Features.Notifications;

/// <summary>
/// The in-app inbox: newest first, unread marked, paged. Opening a message is a POST that marks it read and goes on
/// to its link (a path inside the app); "alles gelezen" marks every message read.
/// </summary>
public sealed class InboxModel(Inbox inbox) : PageModel
{
    public InboxPage Inbox { get; private set; } = null!;
    [TempData] public string? Message { get; set; }
    [FromQuery(Name = "p")] public int PageNumber { get; set; } = 1;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken ct) => Inbox = await inbox.PageAsync(UserId, PageNumber, Notifications.Inbox.DefaultPageSize, ct);

    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken ct)
    {
        var n = await inbox.MarkReadAsync(UserId, id, ct);
        return Redirect(Notifications.Inbox.IsLocal(n.Link) ? n.Link! : "/meldingen");
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await inbox.MarkAllReadAsync(UserId, ct);
        Message = "Alle meldingen staan op gelezen.";
        return Redirect(PageNumber > 1 ? $"/meldingen?p={PageNumber}" : "/meldingen");
    }
}
