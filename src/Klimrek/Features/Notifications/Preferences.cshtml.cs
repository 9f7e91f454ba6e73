using Klimrek.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Security.Claims;

namespace Klimrek.Features.Notifications;

/// <summary>Per kind of notification: in Klimrek, by mail, both or off (one radio group per kind).</summary>
public sealed class PreferencesModel(Inbox inbox) : PageModel
{
    /// <summary>The radio values.</summary>
    public static readonly (string Value, NotificationChannels Channels, string Label)[] Choices =
    [
        ("beide", NotificationChannels.InApp | NotificationChannels.Mail, "In Klimrek en per mail"),
        ("app", NotificationChannels.InApp, "Alleen in Klimrek"),
        ("mail", NotificationChannels.Mail, "Alleen per mail"),
        ("uit", NotificationChannels.Off, "Uit"),
    ];

    public List<KindPreference> Preferences { get; private set; } = [];
    [TempData] public string? Message { get; set; }
    public List<string> Errors { get; } = [];

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public static string ValueOf(NotificationChannels c) => Choices.First(x => x.Channels == c).Value;

    public async Task OnGetAsync(CancellationToken ct) => Preferences = await inbox.PreferencesAsync(UserId, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var choices = new Dictionary<string, NotificationChannels>(StringComparer.Ordinal);
        foreach (var kind in NotificationKinds.All)
        {
            var value = Request.Form["k-" + kind].ToString();
            if (value.Length == 0) continue;
            var match = Choices.FirstOrDefault(c => c.Value == value);
            if (match.Value is null) Errors.Add("Kies per soort melding een van de mogelijkheden.");
            else choices[kind] = match.Channels;
        }
        if (Errors.Count > 0)
        {
            Preferences = await inbox.PreferencesAsync(UserId, ct);
            return Page();
        }
        await inbox.SavePreferencesAsync(UserId, choices, ct);
        Message = "Je keuzes voor meldingen zijn opgeslagen.";
        return Redirect("/account/meldingen");
    }
}
