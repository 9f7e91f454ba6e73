using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.Werkleren.Climate;

/// <summary>The signals others sent the signed-in person, newest first, each with its answer form: only those signals and one's own answers.</summary>
public sealed class ReceivedModel(ClimateService climate) : ClimatePage
{
    public List<ReceivedSignal> Signals { get; private set; } = [];
    /// <summary>The signal whose answer was refused, with what was typed.</summary>
    public int? FailedId { get; private set; }
    public string? FailedAnswer { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Signals = await climate.ReceivedAsync(UserId, ct);

    public async Task<IActionResult> OnPostAnswerAsync(int recipientId, string? answer, CancellationToken ct)
    {
        var (ok, status) = await TryAsync(() => climate.AnswerAsync(UserId, recipientId, answer, ct));
        if (status is not null) return status;
        if (!ok)
        {
            (FailedId, FailedAnswer) = (recipientId, answer);
            Signals = await climate.ReceivedAsync(UserId, ct);
            return Page();
        }
        Message = "Je antwoord is verstuurd.";
        return Redirect("/werkleren/signalen#ontvangen-" + recipientId);
    }
}
