using Klimrek.Data;
using Klimrek.Features.Werkleren.Conversations;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Werkleren;

/// <summary>
/// The werkleren overview: the person's drivers and open themes, their latest conversations, and a card for every part
/// (conversations, drivers and themes, learning experiments, the micro learning climate, readiness, the development plan,
/// the praatplaat, and what others shared with them).
/// </summary>
public sealed class IndexModel(KlimrekDbContext db, ConversationService conversations) : ConversationsPage
{
    public List<PersonDriver> Drivers { get; private set; } = [];
    public List<WorkTheme> OpenThemes { get; private set; } = [];
    public List<Conversation> Latest { get; private set; } = [];
    public int ConversationCount { get; private set; }
    public int Experiments { get; private set; }
    public int RunningExperiments { get; private set; }
    public int Circle { get; private set; }
    public int CheckIns { get; private set; }
    public int Plans { get; private set; }
    public int SharedWithMe { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Drivers = await conversations.DriversAsync(UserId, ct);
        OpenThemes = (await conversations.ThemesAsync(UserId, ct)).Where(t => t.ClosedAt is null).ToList();
        var all = await conversations.ListAsync(UserId, ct);
        ConversationCount = all.Count;
        Latest = all.Take(3).ToList();
        Experiments = await db.Experiments.CountAsync(e => e.OwnerId == UserId || e.Members.Any(m => m.UserId == UserId && m.JoinedAt != null), ct);
        RunningExperiments = await db.Experiments.CountAsync(e => (e.OwnerId == UserId || e.Members.Any(m => m.UserId == UserId && m.JoinedAt != null))
                                                                  && e.State == ExperimentState.Loopt, ct);
        Circle = await db.CircleMembers.CountAsync(m => m.OwnerId == UserId && m.RemovedAt == null, ct);
        CheckIns = await db.ReadinessCheckIns.CountAsync(c => c.UserId == UserId, ct);
        Plans = await db.DevelopmentPlans.CountAsync(p => p.UserId == UserId, ct);
        SharedWithMe = await db.WorkRelations.Where(r => r.OtherUserId == UserId).Select(r => r.OwnerId).Distinct().CountAsync(ct);
    }
}
