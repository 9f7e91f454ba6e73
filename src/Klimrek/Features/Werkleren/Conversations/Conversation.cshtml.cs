using Klimrek.Data;
using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Werkleren.Conversations;

/// <summary>
/// One conversation. Its owner edits it (checked against the version they started from), shares it, deletes it and turns
/// any answer into a driver, a theme or a learning experiment in one step. Someone it was shared with reads it; anyone
/// else gets 404.
/// </summary>
public sealed class ConversationModel(ConversationService conversations) : ConversationsPage
{
    [FromRoute] public int ConversationId { get; set; }
    public Conversation Conversation { get; private set; } = null!;
    public bool Mine => Conversation.UserId == UserId;
    public string? OwnerName { get; private set; }
    public List<NamedRelation> Relations { get; private set; } = [];

    [BindProperty] public int? Version { get; set; }
    [BindProperty] public DateOnly? HeldOn { get; set; }
    [BindProperty] public ConversationPartner With { get; set; }
    [BindProperty] public string? WithName { get; set; }
    [BindProperty] public string? WithUserId { get; set; }
    [BindProperty] public Dictionary<int, string?> Answers { get; set; } = [];

    /// <summary>The conversation as stored, when a save was refused because it was saved meanwhile.</summary>
    public Conversation? Stored { get; private set; }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        try
        {
            Conversation = await conversations.ReadAsync(User, ConversationId, ct);
        }
        catch (ProblemException e) { return StatusOf(e); }
        if (Mine) Relations = await conversations.RelationsAsync(UserId, ct);
        else
            OwnerName = await HttpContext.RequestServices.GetRequiredService<KlimrekDbContext>().Users.Where(u => u.Id == Conversation.UserId)
                .Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return null;
    }

    private void Fill()
    {
        HeldOn = Conversation.HeldOn;
        With = Conversation.With;
        WithName = Conversation.WithName;
        WithUserId = Conversation.WithUserId;
        Answers = Conversation.Answers.ToDictionary(a => a.Id, a => a.Answer);
        Version = Conversation.Version;
    }

    private Task Refill()
    {
        Fill();
        return Task.CompletedTask;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } status) return status;
        Fill();
        return Page();
    }

    private string Here => $"/werkleren/gesprekken/{ConversationId}";

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } status) return status;
        if (!Mine) return NotFound();
        var input = new ConversationInput(null, HeldOn, With, WithName, WithUserId, Answers.Select(a => new AnswerInput(a.Key, null, a.Value)).ToList());
        var (ok, st) = await TryAsync(() => conversations.UpdateAsync(UserId, ConversationId, input, Version, ct));
        if (st is not null) return st;
        if (!ok)
        {
            if (SavedMeanwhile)
            {
                Stored = await conversations.StoredAsync(UserId, ConversationId, ct);
                if (Stored is null) return NotFound();
                Conversation = Stored;
                Version = Stored.Version;
            }
            return Page();
        }
        Message = "Het gesprek is opgeslagen.";
        return Redirect(Here);
    }

    public async Task<IActionResult> OnPostShareAsync(bool begeleider, bool leidinggevende, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } status) return status;
        if (!Mine) return NotFound();
        return await ChangeAsync(() => conversations.ShareAsync(UserId, ConversationId, begeleider, leidinggevende, ct), Refill,
            begeleider || leidinggevende ? "Je hebt gekozen met wie je dit gesprek deelt." : "Dit gesprek deel je met niemand.", () => Here);
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } status) return status;
        if (!Mine) return NotFound();
        return await ChangeAsync(() => conversations.DeleteAsync(UserId, ConversationId, ct), Refill, "Het gesprek is verwijderd.",
            () => "/werkleren/gesprekken");
    }

    /// <summary>One answer becomes a driver (own words or a named one), a theme or a learning experiment.</summary>
    public async Task<IActionResult> OnPostConvertAsync(int answerId, string? wordt, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } status) return status;
        if (!Mine) return NotFound();
        string next = Here, message;
        Func<Task> action;
        switch (wordt)
        {
            case "thema":
                message = "Het antwoord staat nu bij je thema's.";
                action = () => conversations.ToThemeAsync(UserId, ConversationId, answerId, null, ct);
                break;
            case "experiment":
                message = "Je leerexperiment is begonnen als idee.";
                action = async () => next = $"/werkleren/experimenten/{(await conversations.ToExperimentAsync(UserId, ConversationId, answerId, null, ct)).Id}";
                break;
            case { } k when k == Drivers.Eigen || Drivers.All.Contains(k):
                message = "Het antwoord staat nu bij je drijfveren.";
                action = () => conversations.ToDriverAsync(UserId, ConversationId, answerId, k, null, null, ct);
                break;
            default:
                Errors.Add(L["Kies wat het antwoord moet worden."]);
                Fill();
                return Page();
        }
        return await ChangeAsync(action, Refill, message, () => next);
    }
}
