using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Klimrek.Features.Werkleren.Climate;

/// <summary>
/// The personal link in a signal's mail to someone without an account: without signing in they read the signal (text,
/// sender, when) and answer it, or change their answer. A token that is not valid is 404; its POSTs are rate-limited as
/// the other anonymous credential pages.
/// </summary>
[AllowAnonymous, EnableRateLimiting(RateLimits.Credentials)]
public sealed class AnswerModel(ClimateService climate) : ClimatePage
{
    [FromRoute] public string Token { get; set; } = "";
    public ReceivedSignal Signal { get; private set; } = null!;
    public string? Typed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await climate.ByTokenAsync(Token, ct) is not { } s) return NotFound();
        Signal = s;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? answer, CancellationToken ct)
    {
        var (ok, status) = await TryAsync(() => climate.AnswerByTokenAsync(Token, answer, ct));
        if (status is not null) return status;
        if (!ok)
        {
            if (await climate.ByTokenAsync(Token, ct) is not { } s) return NotFound();
            (Signal, Typed) = (s, answer);
            return Page();
        }
        Message = "Dank je wel: je antwoord is verstuurd.";
        return Redirect("/werkleren/signaal/" + Uri.EscapeDataString(Token));
    }
}
