using Klimrek.Data;
using Klimrek.Features.Notifications;
using Klimrek.Features.Werkleren.Cycle;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Errors;
using Klimrek.Infrastructure.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace Klimrek.Features.Werkleren.Sharing;

/// <summary>
/// Whom a person shares werkleren with, and what those people see and say. The person names their leidinggevende and
/// their begeleider (<see cref="WorkRelation"/>); a named account sees nothing until the person shares an item with that
/// audience, and then only that item (read straight from its table, each read written to the access log). A viewer
/// comments on what they see; the comment belongs to the person's record. A viewer sees only their own comments, and
/// only on items still shared with them. Anyone else, the person themselves included, gets 404 on the viewer's routes.
/// </summary>
public sealed class SharingService(KlimrekDbContext db, UserManager<KlimrekUser> users, WerklerenAccess access, AccessLog log, Notifier notifier, CycleService cycle,
    Texts texts, TimeProvider clock)
{
    public const int MaxRelations = 20;

    /// <summary>What naming someone answers, whoever the address belongs to (no account enumeration).</summary>
    public const string NamedMessage =
        "Als dit adres hoort bij een Klimrek-account dat je zo kunt noemen, staat die persoon nu in je lijst en heeft die een bericht gekregen.";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private static DateTime Utc(DateTime d) => DateTime.SpecifyKind(d, DateTimeKind.Utc);
    private static string Id(ClaimsPrincipal p) => p.FindFirstValue(ClaimTypes.NameIdentifier)!;
    private static string NameOf(ClaimsPrincipal p) => p.FindFirstValue("klimrek:display_name") ?? p.Identity?.Name ?? "?";

    public static string KindKey(WorkRelationKind k) => k == WorkRelationKind.Leidinggevende ? "leidinggevende" : "begeleider";

    public static bool TryKind(string? key, out WorkRelationKind kind)
    {
        switch (key?.Trim().ToLowerInvariant())
        {
            case "leidinggevende":
                kind = WorkRelationKind.Leidinggevende;
                return true;
            case "begeleider":
                kind = WorkRelationKind.Begeleider;
                return true;
            default:
                kind = WorkRelationKind.Leidinggevende;
                return false;
        }
    }

    private static IReadOnlyList<string> AudienceKeys(Audience a) =>
        [.. a.HasFlag(Audience.Leidinggevende) ? ["leidinggevende"] : Array.Empty<string>(), .. a.HasFlag(Audience.Begeleider) ? ["begeleider"] : Array.Empty<string>()];

    // ------------------------------------------------------------------ relations

    /// <summary>Whom the person named.</summary>
    public async Task<List<RelationView>> RelationsAsync(string ownerId, CancellationToken ct) =>
        (await db.WorkRelations.AsNoTracking().Include(r => r.Other).Where(r => r.OwnerId == ownerId).OrderBy(r => r.Kind).ThenBy(r => r.CreatedAt).ToListAsync(ct))
        .Select(r => new RelationView(r.Id, KindKey(r.Kind), r.OtherUserId, r.Other?.DisplayName ?? "?", r.Other?.Email, Utc(r.CreatedAt))).ToList();

    /// <summary>Who named the person (without their addresses).</summary>
    public async Task<List<RelationView>> NamedByAsync(string userId, CancellationToken ct) =>
        (await db.WorkRelations.AsNoTracking().Where(r => r.OtherUserId == userId)
            .Join(db.Users, r => r.OwnerId, u => u.Id, (r, u) => new { r.Id, r.Kind, r.OwnerId, u.DisplayName, r.CreatedAt }).ToListAsync(ct))
        .OrderBy(r => r.DisplayName, StringComparer.CurrentCultureIgnoreCase)
        .Select(r => new RelationView(r.Id, KindKey(r.Kind), r.OwnerId, r.DisplayName, null, Utc(r.CreatedAt))).ToList();

    /// <summary>
    /// Names an account as the person's leidinggevende or begeleider by its e-mail address. The account must exist, have
    /// a confirmed address and, as begeleider, hold the begeleider role; it is told (kind <c>delen</c>). Whether or not
    /// that is so, the caller gets the same answer (<see cref="NamedMessage"/>): the form does not reveal who has an account.
    /// </summary>
    public async Task NameAsync(ClaimsPrincipal owner, RelationRequest req, CancellationToken ct)
    {
        var ownerId = Id(owner);
        var errors = new ValidationErrors();
        var email = req.Email?.Trim();
        if (string.IsNullOrEmpty(email)) errors.Add("email", "Vul het e-mailadres in.");
        else if (email.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(email, out _)) errors.Add("email", "Dit is geen geldig e-mailadres.");
        if (!TryKind(req.Kind, out var kind)) errors.Add("kind", "Kies leidinggevende of begeleider.");
        ProblemException.ThrowIfAny(errors);
        var me = await users.FindByIdAsync(ownerId);
        if (string.Equals(me?.Email, email, StringComparison.OrdinalIgnoreCase)) throw ProblemException.Field("email", "Je kunt jezelf niet noemen.");
        if (await db.WorkRelations.CountAsync(r => r.OwnerId == ownerId, ct) >= MaxRelations)
            throw ProblemException.Invalid("Je hebt al 20 mensen genoemd; haal eerst iemand weg.");
        var other = await users.FindByEmailAsync(email!);
        if (other is null || !other.EmailConfirmed || other.Id == ownerId || other.LockoutEnd == DateTimeOffset.MaxValue) return;
        if (kind == WorkRelationKind.Begeleider && !await users.IsInRoleAsync(other, Roles.Begeleider)) return;
        if (await db.WorkRelations.AnyAsync(r => r.OwnerId == ownerId && r.Kind == kind && r.OtherUserId == other.Id, ct)) return;
        db.WorkRelations.Add(new WorkRelation { OwnerId = ownerId, OtherUserId = other.Id, Kind = kind, CreatedAt = Now });
        await notifier.StageAsync(other.Id, NotificationKinds.Delen,
            NotificationContent.Of(kind == WorkRelationKind.Leidinggevende ? "{0} noemt je als leidinggevende in werkleren." : "{0} noemt je als begeleider in werkleren.",
                NameOf(owner)) with
            { BodyKey = "Je ziet alleen wat die persoon met je deelt, en je kunt erop reageren." },
            "/werkleren/gedeeld", ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Failure.IsDuplicate(e))
        {
            // Named twice at the same moment: the first one stands.
            db.ChangeTracker.Clear();
            notifier.DiscardStaged();
            return;
        }
        notifier.FlushMail();
    }

    public async Task RemoveAsync(string ownerId, int relationId, CancellationToken ct)
    {
        var n = await db.WorkRelations.Where(r => r.Id == relationId && r.OwnerId == ownerId).ExecuteDeleteAsync(ct);
        if (n == 0) throw ProblemException.NotFound();
    }

    public async Task<List<SharingPerson>> PeopleAsync(string viewerId, CancellationToken ct) =>
        (await access.PeopleSharingWithAsync(viewerId, ct)).Select(p => new SharingPerson(p.OwnerId, p.Name, AudienceKeys(p.As))).ToList();

    // ------------------------------------------------------------------ what a viewer sees

    /// <summary>The audiences the viewer belongs to for the owner; 404 for anyone not named (and for the owner: this is the viewer's side).</summary>
    private async Task<Audience> AudienceAsync(string ownerId, string viewerId, CancellationToken ct)
    {
        if (ownerId == viewerId) throw ProblemException.NotFound();
        var audience = await access.AudiencesAsync(ownerId, viewerId, ct);
        return audience == Audience.None ? throw ProblemException.NotFound() : audience;
    }

    private static PlanParts PartsFor(DevelopmentPlan p, Audience a) =>
        (a.HasFlag(Audience.Leidinggevende) ? p.SharedWithLeidinggevende : PlanParts.None) | (a.HasFlag(Audience.Begeleider) ? p.SharedWithBegeleider : PlanParts.None);

    /// <summary>Everything <paramref name="ownerId"/> shared with the viewer. Each item read is written to the owner's access log.</summary>
    public async Task<SharedView> ViewAsync(ClaimsPrincipal viewer, string ownerId, string language, CancellationToken ct)
    {
        var viewerId = Id(viewer);
        var audience = await AudienceAsync(ownerId, viewerId, ct);
        bool Sees(Audience sharedWith) => WerklerenAccess.Visible(sharedWith, audience);
        var english = language == "en";
        var name = await db.Users.AsNoTracking().Where(u => u.Id == ownerId).Select(u => u.DisplayName).FirstAsync(ct);
        var mine = await db.WorkComments.AsNoTracking().Where(c => c.OwnerId == ownerId && c.AuthorId == viewerId).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(ct);
        var viewerName = NameOf(viewer);
        List<CommentView> On(string kind, int id) =>
            mine.Where(c => c.ItemKind == kind && c.ItemId == id).Select(c => new CommentView(c.Id, c.ItemKind, c.ItemId, viewerName, c.Text, Utc(c.CreatedAt), true)).ToList();
        var read = new List<string>();

        var drivers = (await db.PersonDrivers.AsNoTracking().Where(d => d.UserId == ownerId).OrderByDescending(d => d.Weight).ThenBy(d => d.Id).ToListAsync(ct))
            .Where(d => Sees(d.SharedWith)).Select(d => new SharedDriver(d.Id, d.Key, Drivers.NameOf(d, english), d.Weight, On(CommentKinds.Driver, d.Id))).ToList();
        read.AddRange(drivers.Select(d => $"{CommentKinds.Driver} {d.Id}"));

        var themes = (await db.WorkThemes.AsNoTracking().Where(t => t.UserId == ownerId).OrderBy(t => t.ClosedAt != null).ThenBy(t => t.Id).ToListAsync(ct))
            .Where(t => Sees(t.SharedWith)).Select(t => new SharedTheme(t.Id, t.Title, t.Note, t.ClosedAt is not null, On(CommentKinds.Theme, t.Id))).ToList();
        read.AddRange(themes.Select(t => $"{CommentKinds.Theme} {t.Id}"));

        var conversations = (await db.Conversations.AsNoTracking().Include(c => c.Answers).Where(c => c.UserId == ownerId).OrderByDescending(c => c.HeldOn).ToListAsync(ct))
            .Where(c => Sees(c.SharedWith))
            .Select(c => new SharedConversation(c.Id, c.Direction == QuestionDirection.Vooruit ? "vooruit" : "terug", c.HeldOn, c.With.ToString().ToLowerInvariant(),
                c.Answers.OrderBy(a => a.Position).Select(a => new SharedAnswer(a.Question, a.Answer)).ToList(), On(CommentKinds.Conversation, c.Id))).ToList();
        read.AddRange(conversations.Select(c => $"{CommentKinds.Conversation} {c.Id}"));

        var experiments = (await db.Experiments.AsNoTracking().Where(e => e.OwnerId == ownerId).OrderByDescending(e => e.CreatedAt).ToListAsync(ct))
            .Where(e => Sees(e.SharedWith))
            .Select(e => new SharedExperiment(e.Id, e.Title, CycleKeys.StateKey(e.State), e.WhatAndWhy, e.Question, e.Activity, e.Needs, e.FeedbackPlan, e.Findings, e.NextStep,
                On(CommentKinds.Experiment, e.Id))).ToList();
        read.AddRange(experiments.Select(e => $"{CommentKinds.Experiment} {e.Id}"));

        var checkIns = (await db.ReadinessCheckIns.AsNoTracking().Where(c => c.UserId == ownerId).OrderByDescending(c => c.At).ToListAsync(ct))
            .Where(c => Sees(c.SharedWith))
            .Select(c => new SharedCheckIn(c.Id, Utc(c.At), c.Weten, c.Willen, c.Kunnen, c.Durven, c.Mogen, c.Note, c.Helped, On(CommentKinds.CheckIn, c.Id))).ToList();
        read.AddRange(checkIns.Select(c => $"{CommentKinds.CheckIn} {c.Id}"));

        var plans = new List<SharedPlan>();
        foreach (var p in await db.DevelopmentPlans.AsNoTracking().Include(p => p.Skills).Include(p => p.Activities).AsSplitQuery()
                     .Where(p => p.UserId == ownerId).OrderByDescending(p => p.StartsOn).ThenByDescending(p => p.Id).ToListAsync(ct))
        {
            var parts = PartsFor(p, audience);
            if (parts == PlanParts.None) continue;
            read.Add($"{CommentKinds.Plan} {p.Id}");
            List<GatheredExperiment>? planExperiments = parts.HasFlag(PlanParts.Experiments) || parts.HasFlag(PlanParts.Activities) ? await cycle.ExperimentsAsync(p, ct) : null;
            List<SamenLerenLine>? samen = parts.HasFlag(PlanParts.Activities) ? await cycle.SamenLerenAsync(p, ct) : null;
            List<SharedCycle>? cycles = null;
            if (parts.HasFlag(PlanParts.Conversations))
            {
                cycles = (await cycle.ConversationsAsync(p.Id, ct)).Select(c => new SharedCycle(CycleService.CycleOf(c), On(CommentKinds.Cycle, c.Id))).ToList();
                read.AddRange(cycles.Select(c => $"{CommentKinds.Cycle} {c.Conversation.Id}"));
            }
            plans.Add(new SharedPlan(p.Id, p.Title, p.StartsOn, p.EndsOn, CycleKeys.PartKeys(parts),
                parts.HasFlag(PlanParts.Ambition) ? p.Ambition : null,
                parts.HasFlag(PlanParts.ThemesAndDrivers) ? await cycle.DriversAsync(ownerId, english, ct) : null,
                parts.HasFlag(PlanParts.ThemesAndDrivers) ? await cycle.ThemesAsync(ownerId, ct) : null,
                parts.HasFlag(PlanParts.Experiments) ? planExperiments : null,
                parts.HasFlag(PlanParts.Skills) ? await cycle.SkillViewsAsync(p.Skills, language, ct) : null,
                parts.HasFlag(PlanParts.Activities) ? p.Activities.OrderBy(a => a.Date ?? DateOnly.MaxValue).ThenBy(a => a.Id).Select(CycleService.ActivityOf).ToList() : null,
                samen,
                parts.HasFlag(PlanParts.Activities) ? CycleService.Overview(p.Activities, planExperiments!.Count, samen!) : null,
                cycles, On(CommentKinds.Plan, p.Id)));
        }

        await log.RecordReadsAsync(viewer, ownerId, AccessKind.WerklerenRead, read, ct);
        return new SharedView(ownerId, name, AudienceKeys(audience), drivers, themes, conversations, experiments, checkIns, plans);
    }

    /// <summary>Whether the item exists, is the owner's, and is shared with someone in <paramref name="audience"/>.</summary>
    private async Task<bool> VisibleAsync(string ownerId, Audience audience, string kind, int id, CancellationToken ct)
    {
        bool Sees(Audience? sharedWith) => sharedWith is { } s && WerklerenAccess.Visible(s, audience);
        switch (kind)
        {
            case CommentKinds.Driver:
                return Sees(await db.PersonDrivers.Where(x => x.Id == id && x.UserId == ownerId).Select(x => (Audience?)x.SharedWith).FirstOrDefaultAsync(ct));
            case CommentKinds.Theme:
                return Sees(await db.WorkThemes.Where(x => x.Id == id && x.UserId == ownerId).Select(x => (Audience?)x.SharedWith).FirstOrDefaultAsync(ct));
            case CommentKinds.Conversation:
                return Sees(await db.Conversations.Where(x => x.Id == id && x.UserId == ownerId).Select(x => (Audience?)x.SharedWith).FirstOrDefaultAsync(ct));
            case CommentKinds.Experiment:
                return Sees(await db.Experiments.Where(x => x.Id == id && x.OwnerId == ownerId).Select(x => (Audience?)x.SharedWith).FirstOrDefaultAsync(ct));
            case CommentKinds.CheckIn:
                return Sees(await db.ReadinessCheckIns.Where(x => x.Id == id && x.UserId == ownerId).Select(x => (Audience?)x.SharedWith).FirstOrDefaultAsync(ct));
            case CommentKinds.Plan:
            {
                var p = await db.DevelopmentPlans.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.UserId == ownerId, ct);
                return p is not null && PartsFor(p, audience) != PlanParts.None;
            }
            case CommentKinds.Cycle:
            {
                var p = await db.CycleConversations.Where(c => c.Id == id).Join(db.DevelopmentPlans, c => c.PlanId, x => x.Id, (c, x) => x)
                    .AsNoTracking().FirstOrDefaultAsync(x => x.UserId == ownerId, ct);
                return p is not null && PartsFor(p, audience).HasFlag(PlanParts.Conversations);
            }
            default:
                return false;
        }
    }

    /// <summary>
    /// A viewer comments on an item the owner shared with them: 404 when not named or the item is not (or no longer)
    /// shared with them. The owner is told (kind <c>delen</c>) and the comment is written to the owner's access log.
    /// </summary>
    public async Task<CommentView> CommentAsync(ClaimsPrincipal viewer, string ownerId, CommentRequest req, CancellationToken ct)
    {
        var viewerId = Id(viewer);
        var audience = await AudienceAsync(ownerId, viewerId, ct);
        var errors = new ValidationErrors();
        var kind = req.ItemKind?.Trim().ToLowerInvariant();
        if (kind is null || !CommentKinds.All.Contains(kind)) errors.Add("itemKind", "Onbekend soort item; gebruik plan, cycle, experiment, checkin, conversation, driver of theme.");
        if (req.ItemId is null) errors.Add("itemId", "Zeg op welk item je reageert.");
        if (string.IsNullOrWhiteSpace(req.Text)) errors.Add("text", "Schrijf een reactie.");
        else if (req.Text.Trim().Length > 2000) errors.Add("text", "De reactie is te lang (hoogstens 2000 tekens).");
        ProblemException.ThrowIfAny(errors);
        if (!await VisibleAsync(ownerId, audience, kind!, req.ItemId!.Value, ct)) throw ProblemException.NotFound();
        var comment = new WorkComment { OwnerId = ownerId, ItemKind = kind!, ItemId = req.ItemId.Value, AuthorId = viewerId, Text = req.Text!.Trim(), CreatedAt = Now };
        db.WorkComments.Add(comment);
        var name = NameOf(viewer);
        await notifier.StageAsync(ownerId, NotificationKinds.Delen, new NotificationContent("{0} reageerde op iets wat je deelde.", [name], comment.Text),
            OwnerLink(kind!, comment.ItemId) ?? "/werkleren/delen#reacties", ct);
        await db.SaveChangesAsync(ct);
        notifier.FlushMail();
        await log.RecordAsync(viewer, ownerId, AccessKind.WerklerenComment, $"{kind} {comment.ItemId}", ct);
        return new CommentView(comment.Id, comment.ItemKind, comment.ItemId, name, comment.Text, Utc(comment.CreatedAt), true);
    }

    // ------------------------------------------------------------------ the owner's side: comments on one's items

    /// <summary>Where the owner finds an item (null: no page of its own known here).</summary>
    public static string? OwnerLink(string kind, int id) => kind switch
    {
        CommentKinds.Plan => $"/werkleren/pop?plan={id}",
        CommentKinds.Cycle => $"/werkleren/pop/gesprekken/{id}",
        CommentKinds.Experiment => $"/werkleren/experimenten/{id}",
        CommentKinds.Driver or CommentKinds.Theme => "/werkleren/drijfveren",
        _ => null,
    };

    /// <summary>All comments on the person's items (optionally one item), newest first, with what each item is.</summary>
    public async Task<List<OwnerCommentView>> CommentsOnMyItemsAsync(string ownerId, string language, CancellationToken ct, string? kind = null, int? itemId = null)
    {
        var rows = await db.WorkComments.AsNoTracking().Where(c => c.OwnerId == ownerId && (kind == null || (c.ItemKind == kind && c.ItemId == itemId)))
            .GroupJoin(db.Users, c => c.AuthorId, u => u.Id, (c, us) => new { c, us })
            .SelectMany(x => x.us.DefaultIfEmpty(), (x, u) => new { x.c, Author = u == null ? null : u.DisplayName })
            .ToListAsync(ct);
        var words = texts.In(language);
        var english = language == "en";
        var titles = new Dictionary<(string, int), string>();
        async Task Titles<T>(string k, IQueryable<T> source, Func<T, int> id, Func<T, string> title)
        {
            var ids = rows.Where(r => r.c.ItemKind == k).Select(r => r.c.ItemId).Distinct().ToList();
            if (ids.Count == 0) return;
            foreach (var x in await source.ToListAsync(ct))
                if (ids.Contains(id(x))) titles[(k, id(x))] = title(x);
        }
        await Titles(CommentKinds.Plan, db.DevelopmentPlans.AsNoTracking().Where(p => p.UserId == ownerId), p => p.Id, p => p.Title);
        await Titles(CommentKinds.Cycle, db.CycleConversations.AsNoTracking().Join(db.DevelopmentPlans.Where(p => p.UserId == ownerId), c => c.PlanId, p => p.Id, (c, p) => c),
            c => c.Id, c => words[CycleKeys.KindName(c.Kind)] + " " + c.Date.ToString("d MMM yyyy", english ? System.Globalization.CultureInfo.GetCultureInfo("en") : System.Globalization.CultureInfo.GetCultureInfo("nl-NL")));
        await Titles(CommentKinds.Experiment, db.Experiments.AsNoTracking().Where(e => e.OwnerId == ownerId), e => e.Id, e => e.Title);
        await Titles(CommentKinds.Driver, db.PersonDrivers.AsNoTracking().Where(d => d.UserId == ownerId), d => d.Id, d => Drivers.NameOf(d, english));
        await Titles(CommentKinds.Theme, db.WorkThemes.AsNoTracking().Where(t => t.UserId == ownerId), t => t.Id, t => t.Title);
        await Titles(CommentKinds.Conversation, db.Conversations.AsNoTracking().Where(c => c.UserId == ownerId), c => c.Id, c => words["Gesprek van {0}", c.HeldOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);
        await Titles(CommentKinds.CheckIn, db.ReadinessCheckIns.AsNoTracking().Where(c => c.UserId == ownerId), c => c.Id, c => words["Check-in van {0}", DutchTime.Today(Utc(c.At)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);
        return rows.OrderByDescending(r => r.c.CreatedAt).ThenByDescending(r => r.c.Id)
            .Select(r => new OwnerCommentView(r.c.Id, r.c.ItemKind, r.c.ItemId, titles.GetValueOrDefault((r.c.ItemKind, r.c.ItemId)) ?? words["(niet meer aanwezig)"],
                OwnerLink(r.c.ItemKind, r.c.ItemId), r.Author, r.c.Text, Utc(r.c.CreatedAt))).ToList();
    }
}
