using Klimrek.Data;

namespace Klimrek.Features.Werkleren.Conversations;

/// <summary>The person's conversations, newest first, and where to start a new one.</summary>
public sealed class ListModel(ConversationService conversations) : ConversationsPage
{
    public List<Conversation> Conversations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Conversations = await conversations.ListAsync(UserId, ct);
}
