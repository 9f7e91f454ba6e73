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
        // The six counts of the cards in one round trip.
        var userId = UserId;
        var counts = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new
        {
            Experiments = db.Experiments.Count(e => e.OwnerId == userId || e.Members.Any(m => m.UserId == userId && m.JoinedAt != null)),
            Running = db.Experiments.Count(e => (e.OwnerId == userId || e.Members.Any(m => m.UserId == userId && m.JoinedAt != null)) && e.State == ExperimentState.Loopt),
            Circle = db.CircleMembers.Count(m => m.OwnerId == userId && m.RemovedAt == null),
            CheckIns = db.ReadinessCheckIns.Count(c => c.UserId == userId),
            Plans = db.DevelopmentPlans.Count(p => p.UserId == userId),
            SharedWithMe = db.WorkRelations.Where(r => r.OtherUserId == userId).Select(r => r.OwnerId).Distinct().Count(),
        }).FirstOrDefaultAsync(ct);
        if (counts is null) return;
        (Experiments, RunningExperiments, Circle, CheckIns, Plans, SharedWithMe) =
            (counts.Experiments, counts.Running, counts.Circle, counts.CheckIns, counts.Plans, counts.SharedWithMe);
    }
}
