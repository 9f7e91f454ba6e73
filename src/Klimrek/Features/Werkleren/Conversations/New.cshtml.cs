using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.Werkleren.Conversations;

/// <summary>A new conversation with the looking-ahead or looking-back questions of the person's current set.</summary>
public sealed class NewModel(ConversationService conversations, QuestionSetService questionSets) : ConversationsPage
{
    [BindProperty(SupportsGet = true)] public string? Richting { get; set; }
    [BindProperty] public DateOnly? HeldOn { get; set; }
    [BindProperty] public ConversationPartner With { get; set; }
    [BindProperty] public string? WithName { get; set; }
    [BindProperty] public string? WithUserId { get; set; }
    [BindProperty] public Dictionary<string, string?> Answers { get; set; } = [];
    public QuestionDirection Direction { get; private set; }
    public List<Question> Questions { get; private set; } = [];
    public List<NamedRelation> Relations { get; private set; } = [];

    private async Task LoadAsync(CancellationToken ct)
    {
        Direction = QuestionSets.ParseDirection(Richting) ?? QuestionDirection.Vooruit;
        Questions = (await questionSets.ForPersonAsync(UserId, ct)).Of(Direction).ToList();
        Relations = await conversations.RelationsAsync(UserId, ct);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        HeldOn ??= DutchTime.Today(Now);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Conversation? saved = null;
        var input = new ConversationInput(Direction, HeldOn, With, WithName, WithUserId,
            Answers.Select(a => new AnswerInput(null, a.Key, a.Value)).ToList());
        return await ChangeAsync(async () => saved = await conversations.CreateAsync(UserId, input, English, ct), () => Task.CompletedTask,
            "Het gesprek is opgeslagen.", () => $"/werkleren/gesprekken/{saved!.Id}");
    }
}
