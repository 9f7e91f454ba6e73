using Klimrek.Data;
using Klimrek.Features.Career;
using Klimrek.Features.Notifications;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Calendar;
using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using System.Globalization;
using System.Security.Claims;

namespace Klimrek.Features.Werkleren.Experiments;

/// <summary>What someone is in one experiment.</summary>
public enum ExperimentRole
{
    /// <summary>Started it: edits it and alone manages members, sharing, state, follow-up, evidence and deletion.</summary>
    Owner,
    /// <summary>A colleague who joined: sees and co-edits the five questions, findings and feedback moments.</summary>
    Member,
    /// <summary>A colleague invited who has not answered yet: sees the experiment, joins or declines.</summary>
    Invited,
    /// <summary>A leidinggevende or begeleider the owner shared it with: reads only.</summary>
    Reader,
}

/// <summary>An experiment as one person may see it.</summary>
public sealed record ExperimentAccess(Experiment Experiment, ExperimentRole Role, string ViewerId)
{
    public bool IsOwner => Role == ExperimentRole.Owner;
    public bool CanEdit => Role is ExperimentRole.Owner or ExperimentRole.Member;
    public ExperimentMember? MeAsMember => Experiment.Members.FirstOrDefault(m => m.UserId == ViewerId);

    public void RequireOwner()
    {
        if (!IsOwner) throw ProblemException.Forbidden(ExperimentService.OwnerOnly);
    }

    public void RequireEditor()
    {
        if (!CanEdit) throw ProblemException.Forbidden("Alleen wie aan dit experiment meedoet, kan het bewerken.");
    }
}

/// <summary>The five questions and the rest of what a person writes in an experiment (null lists: unchanged).</summary>
public sealed record ExperimentInput(
    string? Title, string? WhatAndWhy, string? Question, string? Activity, string? Needs, string? FeedbackPlan,
    string? Findings = null, string? NextStep = null, IReadOnlyList<string>? Drivers = null, IReadOnlyList<int>? SkillIds = null);

public sealed record MomentInput(DateOnly? Date, TimeOnly? Time, int? DurationMinutes, string? Location, bool? Held = null, string? Notes = null);

/// <summary>One step of a chain of experiments, as the timeline shows it.</summary>
/// <summary>The chain an experiment belongs to as the viewer may see it, and the experiment that follows it up (if any).</summary>
public sealed record ExperimentChain(List<ChainStep> Steps, int? FollowUpId);

public sealed record ChainStep(int Id, string Title, ExperimentState State, DateTime CreatedAt, DateTime? StartedAt, DateTime? FedBackAt, DateTime? ClosedAt,
    string? Findings, string? NextStep, bool Current);

/// <summary>What adding evidence did to one skill of the profile.</summary>
public sealed record EvidenceOutcome(int SkillId, string Result);

/// <summary>
/// Learning experiments (Tool 2): the five-question format, colleagues who are invited and join, the states
/// idee → loopt → teruggekoppeld → afgerond with findings and a next step that can start a follow-up (a chain), feedback
/// moments as calendar events with reminders, links to the owner's drivers and profile skills, and "werkervaring"
/// evidence for those skills when the experiment is closed. See docs/werkleren.md.
/// </summary>
public sealed class ExperimentService(
    KlimrekDbContext db, TimeProvider clock, WerklerenAccess access, Notifier notifier, Reminders reminders, ProfileService profiles,
    UserManager<KlimrekUser> users, Texts texts)
{
    public const string OwnerOnly = "Dit mag alleen wie het experiment begon.";
    public const int TextMax = 4000;
    public const int TitleMax = 200;
    public const int MaxMembers = 20;
    public const int MaxMoments = 50;

    /// <summary>How long before a feedback moment its reminder goes out.</summary>
    public static readonly TimeSpan ReminderLead = TimeSpan.FromHours(24);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The moves between states, checked on every change: an idea starts, a running experiment is fed back (its findings
    /// written), a fed-back one is closed; a closed one may be reopened to fed back (to add to its findings). Nothing else.
    /// </summary>
    public static readonly IReadOnlyList<(ExperimentState From, ExperimentState To)> Moves =
    [
        (ExperimentState.Idee, ExperimentState.Loopt),
        (ExperimentState.Loopt, ExperimentState.Teruggekoppeld),
        (ExperimentState.Teruggekoppeld, ExperimentState.Afgerond),
        (ExperimentState.Afgerond, ExperimentState.Teruggekoppeld),
    ];

    public static IEnumerable<ExperimentState> MovesFrom(ExperimentState s) => Moves.Where(m => m.From == s).Select(m => m.To);

    public static string StateKey(ExperimentState s) => s.ToString().ToLowerInvariant();

    public static bool TryState(string? s, out ExperimentState state) =>
        Enum.TryParse(s, true, out state) && Enum.IsDefined(state) && !int.TryParse(s, CultureInfo.InvariantCulture, out _);

    /// <summary>The Dutch name of a state (a resource key).</summary>
    public static string StateName(ExperimentState s) => s switch
    {
        ExperimentState.Idee => "idee",
        ExperimentState.Loopt => "loopt",
        ExperimentState.Teruggekoppeld => "teruggekoppeld",
        _ => "afgerond",
    };

    /// <summary>The five questions: field, question, one-line hint (Dutch resource keys).</summary>
    public static readonly IReadOnlyList<(string Field, string Question, string Hint)> Questions =
    [
        ("whatAndWhy", "1. Wat wil je uitproberen of uitzoeken, en waarom?", "Iets kleins uit je eigen werk, waar je zelf invloed op hebt. Wat maakt het de moeite waard?"),
        ("question", "2. Op welke vraag hoop je een antwoord te vinden?", "Waar ben je benieuwd naar? Eén vraag is genoeg."),
        ("activity", "3. Wat ga je doen, en wat is je eerste stap?", "Maak de eerste stap zo klein dat je hem deze week kunt zetten."),
        ("needs", "4. Wat heb je nodig om het te doen?", "Bijvoorbeeld tijd, een collega die meekijkt, materiaal of toestemming."),
        ("feedbackPlan", "5. Hoe en wanneer vertellen jullie elkaar wat je ontdekte?", "Spreek een moment af en plan het hieronder als terugkoppelmoment."),
    ];

    private static readonly Dictionary<string, string> TooLong = new(StringComparer.Ordinal)
    {
        ["title"] = "De titel is te lang (hoogstens {0} tekens).",
        ["whatAndWhy"] = "Vraag 1 is te lang (hoogstens {0} tekens).",
        ["question"] = "Vraag 2 is te lang (hoogstens {0} tekens).",
        ["activity"] = "Vraag 3 is te lang (hoogstens {0} tekens).",
        ["needs"] = "Vraag 4 is te lang (hoogstens {0} tekens).",
        ["feedbackPlan"] = "Vraag 5 is te lang (hoogstens {0} tekens).",
        ["findings"] = "De bevindingen zijn te lang (hoogstens {0} tekens).",
        ["nextStep"] = "De volgende stap is te lang (hoogstens {0} tekens).",
    };

    // ---------------------------------------------------------------- reading

    private IQueryable<Experiment> Full => db.Experiments.Include(e => e.Members).ThenInclude(m => m.User).Include(e => e.Drivers).Include(e => e.Skills)
        .Include(e => e.FeedbackMoments).AsSplitQuery();

    /// <summary>
    /// The experiment as <paramref name="viewer"/> may see it: its owner, a colleague who joined or is invited, or a
    /// leidinggevende/begeleider it was shared with (that read is logged). Anyone else: 404.
    /// </summary>
    public async Task<ExperimentAccess> AccessAsync(ClaimsPrincipal viewer, int id, CancellationToken ct)
    {
        var viewerId = viewer.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var e = await Full.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw ProblemException.NotFound();
        if (e.OwnerId == viewerId) return new(e, ExperimentRole.Owner, viewerId);
        if (e.Members.FirstOrDefault(m => m.UserId == viewerId) is { DeclinedAt: null } me)
            return new(e, me.JoinedAt is null ? ExperimentRole.Invited : ExperimentRole.Member, viewerId);
        await access.EnsureVisibleAsync(viewer, e.OwnerId, e.SharedWith, "Leerexperiment: " + e.Title, ct);
        return new(e, ExperimentRole.Reader, viewerId);
    }

    public sealed record Overview(List<Experiment> Mine, List<Experiment> Joined, List<(Experiment Experiment, string Owner)> Invitations);

    /// <summary>The person's own experiments, those they joined, and the invitations waiting for an answer.</summary>
    public async Task<Overview> OverviewAsync(string userId, CancellationToken ct)
    {
        var mine = await db.Experiments.AsNoTracking().Include(e => e.Members).Where(e => e.OwnerId == userId)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).ToListAsync(ct);
        var theirs = await db.Experiments.AsNoTracking().Include(e => e.Members)
            .Where(e => e.Members.Any(m => m.UserId == userId && m.DeclinedAt == null))
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).ToListAsync(ct);
        var ownerIds = theirs.Select(e => e.OwnerId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var joined = theirs.Where(e => e.Members.Any(m => m.UserId == userId && m.JoinedAt != null)).ToList();
        var invited = theirs.Where(e => e.Members.Any(m => m.UserId == userId && m.JoinedAt == null))
            .Select(e => (e, names.GetValueOrDefault(e.OwnerId) ?? "?")).ToList();
        return new(mine, joined, invited);
    }

    public async Task<string> NameOfAsync(string userId, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "?";

    /// <summary>The owner's driver keys (what an experiment may be linked to).</summary>
    public async Task<List<PersonDriver>> DriversOfAsync(string ownerId, CancellationToken ct) =>
        await db.PersonDrivers.AsNoTracking().Where(d => d.UserId == ownerId).OrderByDescending(d => d.Weight).ThenBy(d => d.Id).ToListAsync(ct);

    /// <summary>The skill ids in the owner's skills profile (what an experiment may be linked to).</summary>
    public async Task<List<ProfileSkill>> ProfileSkillsOfAsync(string ownerId, CancellationToken ct) =>
        await db.ProfileSkills.AsNoTracking().Where(s => db.SkillProfiles.Any(p => p.Id == s.ProfileId && p.UserId == ownerId)).ToListAsync(ct);

    /// <summary>
    /// The chain the experiment belongs to, oldest first: each step the viewer may see (the owner all; a member those
    /// they joined; a reader those shared with them). The chain follows <see cref="Experiment.PreviousId"/> among the
    /// owner's experiments.
    /// </summary>
    public async Task<ExperimentChain> ChainAsync(ExperimentAccess a, CancellationToken ct)
    {
        var e = a.Experiment;
        var all = await db.Experiments.AsNoTracking().Include(x => x.Members).Where(x => x.OwnerId == e.OwnerId).ToListAsync(ct);
        var byId = all.ToDictionary(x => x.Id);
        var next = all.Where(x => x.PreviousId is not null).GroupBy(x => x.PreviousId!.Value).ToDictionary(g => g.Key, g => g.OrderBy(x => x.Id).First());
        var root = e;
        var seen = new HashSet<int> { e.Id };
        while (root.PreviousId is int p && byId.TryGetValue(p, out var prev) && seen.Add(prev.Id)) root = prev;
        var chain = new List<Experiment> { byId.GetValueOrDefault(root.Id) ?? root };
        var guard = new HashSet<int> { chain[0].Id };
        while (next.TryGetValue(chain[^1].Id, out var n) && guard.Add(n.Id)) chain.Add(n);
        var audience = a.Role == ExperimentRole.Reader ? await access.AudiencesAsync(e.OwnerId, a.ViewerId, ct) : Audience.None;
        bool Visible(Experiment x) => a.Role switch
        {
            ExperimentRole.Owner => true,
            ExperimentRole.Reader => WerklerenAccess.Visible(x.SharedWith, audience),
            _ => x.Id == e.Id || x.Members.Any(m => m.UserId == a.ViewerId && m.JoinedAt != null && m.DeclinedAt == null),
        };
        var steps = chain.Where(Visible).Select(x => new ChainStep(x.Id, x.Title, x.State, x.CreatedAt, x.StartedAt, x.FedBackAt, x.ClosedAt, x.Findings, x.NextStep, x.Id == e.Id))
            .ToList();
        // A follow-up is always the owner's (FollowUpAsync makes it so): it is among those loaded.
        return new ExperimentChain(steps, next.TryGetValue(e.Id, out var followUp) ? followUp.Id : null);
    }

    /// <summary>The experiment that follows this one up, if any.</summary>
    public Task<int?> FollowUpIdAsync(int id, CancellationToken ct) =>
        db.Experiments.AsNoTracking().Where(x => x.PreviousId == id).OrderBy(x => x.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct);

    // ---------------------------------------------------------------- writing

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static void CheckTexts(ValidationErrors errors, ExperimentInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Title)) errors.Add("title", "Geef het experiment een korte titel.");
        foreach (var (field, value, max) in new[]
                 {
                     ("title", input.Title, TitleMax), ("whatAndWhy", input.WhatAndWhy, TextMax), ("question", input.Question, TextMax),
                     ("activity", input.Activity, TextMax), ("needs", input.Needs, TextMax), ("feedbackPlan", input.FeedbackPlan, TextMax),
                     ("findings", input.Findings, TextMax), ("nextStep", input.NextStep, TextMax),
                 })
            if ((value?.Trim().Length ?? 0) > max) errors.Add(field, TooLong[field], max);
    }

    /// <summary>
    /// Checks the driver keys and skill ids against the owner's drivers and profile (links the experiment already has
    /// may stay, also when the driver or skill has gone from the profile since); returns them cleaned.
    /// </summary>
    private async Task<(List<string>? Drivers, List<int>? Skills)> CheckLinksAsync(ValidationErrors errors, string ownerId, ExperimentInput input, CancellationToken ct,
        Experiment? current = null)
    {
        List<string>? drivers = null;
        List<int>? skills = null;
        if (input.Drivers is not null)
        {
            var held = (await DriversOfAsync(ownerId, ct)).Select(d => d.Key).Concat(current?.Drivers.Select(d => d.Key) ?? []).ToHashSet(StringComparer.Ordinal);
            drivers = input.Drivers.Select(d => d?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
            if (drivers.Any(d => !held.Contains(d))) errors.Add("drivers", "Kies alleen uit je eigen drijfveren.");
        }
        if (input.SkillIds is not null)
        {
            var held = (await ProfileSkillsOfAsync(ownerId, ct)).Select(s => s.SkillId).Concat(current?.Skills.Select(s => s.SkillId) ?? []).ToHashSet();
            skills = input.SkillIds.Distinct().ToList();
            if (skills.Any(s => !held.Contains(s))) errors.Add("skillIds", "Kies alleen vaardigheden uit je eigen skills-profiel.");
            if (skills.Count > 50) errors.Add("skillIds", "Koppel hoogstens {0} vaardigheden.", 50);
        }
        return (drivers, skills);
    }

    private static void ApplyTexts(Experiment e, ExperimentInput input, bool withOutcome)
    {
        e.Title = input.Title!.Trim();
        e.WhatAndWhy = Clean(input.WhatAndWhy);
        e.Question = Clean(input.Question);
        e.Activity = Clean(input.Activity);
        e.Needs = Clean(input.Needs);
        e.FeedbackPlan = Clean(input.FeedbackPlan);
        if (withOutcome)
        {
            e.Findings = Clean(input.Findings);
            e.NextStep = Clean(input.NextStep);
        }
    }

    private static void ApplyLinks(Experiment e, List<string>? drivers, List<int>? skills)
    {
        if (drivers is not null)
        {
            e.Drivers.RemoveAll(d => !drivers.Contains(d.Key));
            foreach (var k in drivers.Where(k => e.Drivers.All(d => d.Key != k))) e.Drivers.Add(new ExperimentDriver { Key = k });
        }
        if (skills is not null)
        {
            e.Skills.RemoveAll(s => !skills.Contains(s.SkillId));
            foreach (var id in skills.Where(id => e.Skills.All(s => s.SkillId != id))) e.Skills.Add(new ExperimentSkill { SkillId = id });
        }
    }

    /// <summary>
    /// A new experiment of <paramref name="ownerId"/>, as an idea; <paramref name="previousId"/> links it as the follow-up of
    /// one of the owner's own experiments (which may have only one).
    /// </summary>
    public async Task<Experiment> CreateAsync(string ownerId, ExperimentInput input, int? previousId, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        CheckTexts(errors, input);
        var (drivers, skills) = await CheckLinksAsync(errors, ownerId, input, ct);
        if (previousId is int p)
        {
            if (!await db.Experiments.AnyAsync(x => x.Id == p && x.OwnerId == ownerId, ct)) errors.Add("previousId", "Dit vorige experiment is niet van jou.");
            else if (await FollowUpIdAsync(p, ct) is not null) errors.Add("previousId", "Dit experiment heeft al een vervolg.");
        }
        Refuse(errors, "Het experiment is niet aangemaakt.");
        var e = new Experiment { OwnerId = ownerId, Title = "", PreviousId = previousId, CreatedAt = Now };
        ApplyTexts(e, input, withOutcome: false);
        ApplyLinks(e, drivers, skills);
        db.Experiments.Add(e);
        await db.SaveChangesAsync(ct);
        return e;
    }

    /// <summary>
    /// Saves the texts (owner and members); the owner also sets the drivers and skills. <paramref name="baseVersion"/>:
    /// the version the editor started from (409 when someone saved meanwhile).
    /// </summary>
    public async Task UpdateAsync(ExperimentAccess a, ExperimentInput input, int? baseVersion, CancellationToken ct)
    {
        a.RequireEditor();
        if (!a.IsOwner && (input.Drivers is not null || input.SkillIds is not null))
            throw ProblemException.Forbidden("Alleen wie het experiment begon, koppelt het aan drijfveren en vaardigheden.");
        var errors = new ValidationErrors();
        CheckTexts(errors, input);
        var (drivers, skills) = await CheckLinksAsync(errors, a.Experiment.OwnerId, input, ct, a.Experiment);
        Refuse(errors, "Het experiment is niet opgeslagen.");
        var e = a.Experiment;
        Versions.Expect(db, e, baseVersion);
        ApplyTexts(e, input, withOutcome: true);
        ApplyLinks(e, drivers, skills);
        await Versions.SaveAsync(db, ct);
    }

    /// <summary>
    /// Moves the experiment to another state (owner only), along <see cref="Moves"/>; findings and next step may be written
    /// with it. Fed back needs findings.
    /// </summary>
    public async Task ChangeStateAsync(ExperimentAccess a, string? to, string? findings, string? nextStep, int? baseVersion, CancellationToken ct)
    {
        a.RequireOwner();
        var e = a.Experiment;
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(to)) errors.Add("to", "Kies de nieuwe stand: loopt, teruggekoppeld of afgerond.");
        else if (!TryState(to, out var target)) errors.Add("to", "Deze stand bestaat niet; kies idee, loopt, teruggekoppeld of afgerond.");
        else if (!Moves.Contains((e.State, target)))
            errors.Add("to", "Van ‘{0}’ kan een experiment niet naar ‘{1}’. Dat kan alleen: idee → loopt → teruggekoppeld → afgerond, en afgerond weer terug naar teruggekoppeld.",
                StateName(e.State), StateName(target));
        if ((findings?.Trim().Length ?? 0) > TextMax) errors.Add("findings", TooLong["findings"], TextMax);
        if ((nextStep?.Trim().Length ?? 0) > TextMax) errors.Add("nextStep", TooLong["nextStep"], TextMax);
        TryState(to, out var state);
        if (errors.Count == 0 && state == ExperimentState.Teruggekoppeld && Clean(findings) is null && e.Findings is null)
            errors.Add("findings", "Schrijf op wat jullie ontdekten voordat het experiment teruggekoppeld is.");
        Refuse(errors, "De stand van het experiment is niet veranderd.");
        Versions.Expect(db, e, baseVersion);
        if (Clean(findings) is { } f) e.Findings = f;
        if (Clean(nextStep) is { } n) e.NextStep = n;
        switch (state)
        {
            case ExperimentState.Loopt: e.StartedAt = Now; break;
            case ExperimentState.Teruggekoppeld:
                if (e.State == ExperimentState.Afgerond) e.ClosedAt = null;
                else e.FedBackAt = Now;
                break;
            case ExperimentState.Afgerond: e.ClosedAt = Now; break;
        }
        e.State = state;
        await Versions.SaveAsync(db, ct);
    }

    /// <summary>
    /// Starts the follow-up of an experiment in one step (owner only): a new idea linked to it, titled and filled from its
    /// next step, with the same drivers, skills and sharing.
    /// </summary>
    public async Task<Experiment> FollowUpAsync(ExperimentAccess a, string? title, CancellationToken ct)
    {
        a.RequireOwner();
        var e = a.Experiment;
        if (await FollowUpIdAsync(e.Id, ct) is int existing)
            throw ProblemException.Conflict("Dit experiment heeft al een vervolg (experiment {0}).", existing);
        if (e.NextStep is null) throw ProblemException.Field("nextStep", "Schrijf eerst een volgende stap; het vervolg begint daarmee.");
        if ((title?.Trim().Length ?? 0) > TitleMax) throw ProblemException.Field("title", TooLong["title"], TitleMax);
        var next = new Experiment
        {
            OwnerId = e.OwnerId, Title = Clean(title) ?? TitleFrom(e.NextStep), WhatAndWhy = e.NextStep, PreviousId = e.Id, SharedWith = e.SharedWith, CreatedAt = Now,
        };
        next.Drivers.AddRange(e.Drivers.Select(d => new ExperimentDriver { Key = d.Key }));
        next.Skills.AddRange(e.Skills.Select(s => new ExperimentSkill { SkillId = s.SkillId }));
        db.Experiments.Add(next);
        await db.SaveChangesAsync(ct);
        return next;
    }

    /// <summary>A title from a next step: its first line, clipped to the title's length.</summary>
    public static string TitleFrom(string nextStep)
    {
        var line = nextStep.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? nextStep.Trim();
        return line.Length <= TitleMax ? line : line[..(TitleMax - 1)].TrimEnd() + "…";
    }

    /// <summary>Shares the experiment with the owner's begeleider and/or leidinggevende, or stops sharing (owner only).</summary>
    public async Task ShareAsync(ExperimentAccess a, bool? begeleider, bool? leidinggevende, CancellationToken ct)
    {
        a.RequireOwner();
        var errors = new ValidationErrors();
        if (begeleider is null) errors.Add("begeleider", "Zeg of je begeleider dit experiment mag lezen (true of false).");
        if (leidinggevende is null) errors.Add("leidinggevende", "Zeg of je leidinggevende dit experiment mag lezen (true of false).");
        Refuse(errors, "Het delen is niet veranderd.");
        var e = a.Experiment;
        e.SharedWith = (begeleider == true ? Audience.Begeleider : Audience.None) | (leidinggevende == true ? Audience.Leidinggevende : Audience.None);
        Versions.Expect(db, e, null);
        await Versions.SaveAsync(db, ct);
    }

    /// <summary>
    /// Deletes the experiment with its moments and pending reminders (owner only). While colleagues take part it stays
    /// (409): what they wrote in it is theirs too, so the owner first lets them go (or they leave). A follow-up stays, unlinked.
    /// </summary>
    public async Task DeleteAsync(ExperimentAccess a, CancellationToken ct)
    {
        a.RequireOwner();
        var e = a.Experiment;
        if (e.Members.Any(m => m.JoinedAt != null && m.DeclinedAt == null))
            throw ProblemException.Conflict("Er doen nog collega's mee aan dit experiment. Laat hen eerst niet meer meedoen; daarna kun je het verwijderen.");
        await db.InTransactionAsync(async t =>
        {
            await DeleteExperimentsAsync(db, reminders, [e.Id], Now, t);
        }, ct);
    }

    /// <summary>Deletes experiments, their comments and pending reminders (also used by the erase).</summary>
    internal static async Task DeleteExperimentsAsync(KlimrekDbContext db, Reminders reminders, List<int> ids, DateTime now, CancellationToken ct)
    {
        var moments = await db.FeedbackMoments.Where(m => ids.Contains(m.ExperimentId)).Select(m => m.Id).ToListAsync(ct);
        foreach (var m in moments) await reminders.CancelAsync(MomentKeyPrefix(m), now, ct);
        await db.WorkComments.Where(c => c.ItemKind == CommentKind && ids.Contains(c.ItemId)).ExecuteDeleteAsync(ct);
        await db.Experiments.Where(x => x.PreviousId != null && ids.Contains(x.PreviousId.Value)).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreviousId, (int?)null), ct);
        await db.Experiments.Where(x => ids.Contains(x.Id)).ExecuteDeleteAsync(ct);
    }

    /// <summary>The <see cref="WorkComment.ItemKind"/> of comments on an experiment.</summary>
    public const string CommentKind = "experiment";

    // ---------------------------------------------------------------- members

    /// <summary>
    /// Invites a Klimrek user by e-mail address (owner only). Whether the address has an account is not revealed: the
    /// caller says the same either way; an unknown address, one's own, or someone who declined before invites nobody.
    /// </summary>
    public async Task InviteAsync(ExperimentAccess a, string? email, CancellationToken ct)
    {
        a.RequireOwner();
        var address = email?.Trim() ?? "";
        if (address.Length == 0) throw ProblemException.Field("email", "Vul het e-mailadres van je collega in.");
        if (address.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(address, out _))
            throw ProblemException.Field("email", "Dit is geen geldig e-mailadres.");
        var e = a.Experiment;
        var user = await users.FindByEmailAsync(address);
        if (user is null || user.Id == e.OwnerId || user.LockoutEnd > clock.GetUtcNow()) return;
        var member = e.Members.FirstOrDefault(m => m.UserId == user.Id);
        if (member is not null) return; // invited, joined or declined before: nothing new
        if (e.Members.Count(m => m.DeclinedAt == null) >= MaxMembers)
            throw ProblemException.Invalid("Een experiment heeft hoogstens {0} collega's.", MaxMembers);
        e.Members.Add(new ExperimentMember { UserId = user.Id, InvitedAt = Now });
        var owner = await NameOfAsync(e.OwnerId, ct);
        await notifier.StageAsync(user.Id, NotificationKinds.Experimenten,
            NotificationContent.Of("{0} nodigt je uit voor het leerexperiment ‘{1}’", owner, e.Title), Link(e.Id), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            notifier.DiscardStaged(); // a parallel request invited them just now
            return;
        }
        notifier.FlushMail();
    }

    /// <summary>
    /// The invited colleague joins or declines; a colleague who joined and now declines leaves the experiment (their
    /// reminders are cancelled). The owner is told who joined.
    /// </summary>
    public async Task RespondAsync(ExperimentAccess a, bool? accept, CancellationToken ct)
    {
        var me = a.Role is ExperimentRole.Invited or ExperimentRole.Member ? a.MeAsMember! : throw ProblemException.Forbidden("Alleen een uitgenodigde collega antwoordt op de uitnodiging.");
        if (accept is null) throw ProblemException.Field("accept", "Zeg of je meedoet (true) of niet (false).");
        var e = a.Experiment;
        if (accept.Value)
        {
            if (me.JoinedAt is not null) return;
            await db.InTransactionAsync(async t =>
            {
                me.JoinedAt = Now;
                foreach (var m in e.FeedbackMoments.Where(Upcoming)) await ScheduleReminderAsync(e, m, me.UserId, t);
                await notifier.StageAsync(e.OwnerId, NotificationKinds.Experimenten,
                    NotificationContent.Of("{0} doet mee met je leerexperiment ‘{1}’", await NameOfAsync(me.UserId, t), e.Title), Link(e.Id), t);
                await db.SaveChangesAsync(t);
            }, ct);
            notifier.FlushMail();
            return;
        }
        await db.InTransactionAsync(async t =>
        {
            await CancelRemindersOfAsync(e, me.UserId, t);
            if (me.JoinedAt is null) me.DeclinedAt = Now;
            else
            {
                e.Members.Remove(me);
                db.ExperimentMembers.Remove(me);
            }
            await db.SaveChangesAsync(t);
        }, ct);
    }

    /// <summary>Removes a colleague (owner only); their reminders are cancelled. Only colleagues who joined are listed to the owner.</summary>
    public async Task RemoveMemberAsync(ExperimentAccess a, int memberId, CancellationToken ct)
    {
        a.RequireOwner();
        var e = a.Experiment;
        var m = e.Members.FirstOrDefault(x => x.Id == memberId && x.JoinedAt != null) ?? throw ProblemException.NotFound();
        await db.InTransactionAsync(async t =>
        {
            await CancelRemindersOfAsync(e, m.UserId, t);
            e.Members.Remove(m);
            db.ExperimentMembers.Remove(m);
            await db.SaveChangesAsync(t);
        }, ct);
    }

    private async Task CancelRemindersOfAsync(Experiment e, string userId, CancellationToken ct)
    {
        foreach (var m in e.FeedbackMoments) await reminders.CancelAsync(ReminderKey(m.Id, userId), Now, ct);
    }

    // ---------------------------------------------------------------- feedback moments

    public static string MomentKeyPrefix(int momentId) => $"feedback:{momentId}:";
    public static string ReminderKey(int momentId, string userId) => $"feedback:{momentId}:{userId}";
    public static string Link(int experimentId) => $"/werkleren/experimenten/{experimentId}";

    private bool Upcoming(FeedbackMoment m) => !m.Cancelled && m.StartsAt > Now;

    /// <summary>The people a moment's reminder goes to: the owner and each colleague who joined.</summary>
    public static IEnumerable<string> Participants(Experiment e) =>
        e.Members.Where(m => m.JoinedAt != null && m.DeclinedAt == null).Select(m => m.UserId).Prepend(e.OwnerId);

    private Task ScheduleReminderAsync(Experiment e, FeedbackMoment m, string userId, CancellationToken ct)
    {
        var due = m.StartsAt - ReminderLead;
        if (due < Now) due = Now;
        var local = DutchTime.ToLocal(m.StartsAt).ToString("d-M-yyyy HH:mm", CultureInfo.InvariantCulture);
        return reminders.ScheduleAsync(ReminderKey(m.Id, userId), userId, NotificationKinds.Terugkoppelmomenten, due,
            NotificationContent.Of("Terugkoppelmoment van ‘{0}’ op {1}", e.Title, local), Link(e.Id) + "#terugkoppelen", ct);
    }

    private void CheckMoment(ValidationErrors errors, MomentInput input, bool mustBeFuture)
    {
        if (input.Date is null) errors.Add("date", "Kies een datum.");
        if (input.Time is null) errors.Add("time", "Kies een tijd.");
        if (input.DurationMinutes is < 5 or > 480) errors.Add("durationMinutes", "Duur: tussen 5 en 480 minuten.");
        if ((input.Location?.Trim().Length ?? 0) > 200) errors.Add("location", "Plaats: hoogstens {0} tekens.", 200);
        if ((input.Notes?.Trim().Length ?? 0) > TextMax) errors.Add("notes", "De aantekeningen zijn te lang (hoogstens {0} tekens).", TextMax);
        if (mustBeFuture && input.Date is { } d && input.Time is { } t && DutchTime.ToUtc(d, t) <= Now)
            errors.Add("date", "Een terugkoppelmoment plan je in de toekomst.");
    }

    /// <summary>Plans a feedback moment (owner and members): a calendar event, with a reminder for everyone who takes part.</summary>
    public async Task<FeedbackMoment> AddMomentAsync(ExperimentAccess a, MomentInput input, CancellationToken ct)
    {
        a.RequireEditor();
        var e = a.Experiment;
        var errors = new ValidationErrors();
        CheckMoment(errors, input, mustBeFuture: true);
        if (input.Held == true) errors.Add("held", "Een moment dat nog moet komen, is nog niet gehouden.");
        if (e.State == ExperimentState.Afgerond) errors.Add(ProblemException.General, "Dit experiment is afgerond; open het weer om nog een moment te plannen.");
        if (e.FeedbackMoments.Count >= MaxMoments) errors.Add(ProblemException.General, "Een experiment heeft hoogstens {0} terugkoppelmomenten.", MaxMoments);
        Refuse(errors, "Het terugkoppelmoment is niet gepland.");
        var m = new FeedbackMoment
        {
            ExperimentId = e.Id, Uid = $"{Guid.NewGuid():N}@klimrek", StartsAt = DutchTime.ToUtc(input.Date!.Value, input.Time!.Value),
            DurationMinutes = input.DurationMinutes ?? 30, Location = Clean(input.Location), Notes = Clean(input.Notes), UpdatedAt = Now,
        };
        await db.InTransactionAsync(async t =>
        {
            e.FeedbackMoments.Add(m);
            await db.SaveChangesAsync(t); // the moment's id is in the reminders' keys
            foreach (var user in Participants(e)) await ScheduleReminderAsync(e, m, user, t);
            await db.SaveChangesAsync(t);
        }, ct);
        return m;
    }

    /// <summary>
    /// Changes a feedback moment (owner and members): moving it raises its calendar sequence and moves the reminders;
    /// <see cref="MomentInput.Held"/> marks it held (once it has begun) with notes.
    /// </summary>
    public async Task<FeedbackMoment> UpdateMomentAsync(ExperimentAccess a, int momentId, MomentInput input, CancellationToken ct)
    {
        a.RequireEditor();
        var e = a.Experiment;
        var m = e.FeedbackMoments.FirstOrDefault(x => x.Id == momentId) ?? throw ProblemException.NotFound();
        var errors = new ValidationErrors();
        var startsAt = input.Date is { } d && input.Time is { } t0 ? DutchTime.ToUtc(d, t0) : m.StartsAt;
        var moved = startsAt != m.StartsAt;
        CheckMoment(errors, input, mustBeFuture: moved);
        if (m.Cancelled) errors.Add(ProblemException.General, "Dit terugkoppelmoment is afgezegd; plan een nieuw.");
        if (input.Held == true && startsAt > Now) errors.Add("held", "Of een moment is gehouden, geef je door als het begonnen is.");
        Refuse(errors, "Het terugkoppelmoment is niet gewijzigd.");
        var duration = input.DurationMinutes ?? m.DurationMinutes;
        var location = Clean(input.Location);
        var calendarChange = moved || duration != m.DurationMinutes || location != m.Location;
        await db.InTransactionAsync(async t =>
        {
            if (calendarChange)
            {
                m.StartsAt = startsAt;
                m.DurationMinutes = duration;
                m.Location = location;
                m.Sequence++;
            }
            if (moved)
                foreach (var user in Participants(e)) await ScheduleReminderAsync(e, m, user, t);
            m.HeldAt = input.Held switch { true => m.HeldAt ?? Now, false => null, null => moved ? null : m.HeldAt };
            m.Notes = Clean(input.Notes);
            m.UpdatedAt = Now;
            await db.SaveChangesAsync(t);
        }, ct);
        return m;
    }

    /// <summary>Cancels a feedback moment (owner and members): it stays in calendars as cancelled; its reminders are cancelled.</summary>
    public async Task<FeedbackMoment> CancelMomentAsync(ExperimentAccess a, int momentId, CancellationToken ct)
    {
        a.RequireEditor();
        var m = a.Experiment.FeedbackMoments.FirstOrDefault(x => x.Id == momentId) ?? throw ProblemException.NotFound();
        if (m.Cancelled) return m;
        await db.InTransactionAsync(async t =>
        {
            m.Cancelled = true;
            m.Sequence++;
            m.UpdatedAt = Now;
            await reminders.CancelAsync(MomentKeyPrefix(m.Id), Now, t);
            await db.SaveChangesAsync(t);
        }, ct);
        return m;
    }

    /// <summary>The experiment's feedback moments as calendar entries, with a reminder an hour before.</summary>
    public static IEnumerable<CalendarEntry> Events(Experiment e) => e.FeedbackMoments.OrderBy(m => m.StartsAt).Select(m => new CalendarEntry(
        m.Uid, m.StartsAt, m.DurationMinutes, "Terugkoppelen: " + e.Title, "Terugkoppelmoment van een leerexperiment (Klimrek, werkleren).", m.Location, m.Sequence,
        m.Cancelled, m.UpdatedAt, ReminderMinutesBefore: 60));

    /// <summary>The feedback moments of every experiment the person owns or joined, for their personal calendar.</summary>
    public static async Task<List<CalendarEntry>> PersonalEventsAsync(KlimrekDbContext db, string userId, CancellationToken ct)
    {
        var list = await db.Experiments.AsNoTracking().Include(e => e.FeedbackMoments)
            .Where(e => e.FeedbackMoments.Any() && (e.OwnerId == userId || e.Members.Any(m => m.UserId == userId && m.JoinedAt != null && m.DeclinedAt == null)))
            .ToListAsync(ct);
        return list.SelectMany(Events).ToList();
    }

    // ---------------------------------------------------------------- evidence

    /// <summary>
    /// Adds "werkervaring" evidence from a closed experiment to linked skills of the owner's profile (owner only). Self
    /// assessment becomes work experience (validation at least middel); work experience already there gets a note naming
    /// the experiment; stronger evidence (diploma, certificate, employer's statement) is left alone. Each skill once.
    /// </summary>
    public async Task<List<EvidenceOutcome>> AddEvidenceAsync(ExperimentAccess a, IReadOnlyList<int>? skillIds, string language, CancellationToken ct)
    {
        a.RequireOwner();
        var e = a.Experiment;
        var errors = new ValidationErrors();
        if (skillIds is null || skillIds.Count == 0) errors.Add("skillIds", "Kies de vaardigheden waaraan je deze ervaring toevoegt.");
        if (e.State != ExperimentState.Afgerond) errors.Add(ProblemException.General, "Ervaring voeg je toe als het experiment is afgerond.");
        var ids = (skillIds ?? []).Distinct().ToList();
        var inProfile = (await ProfileSkillsOfAsync(e.OwnerId, ct)).Select(s => s.SkillId).ToHashSet();
        if (ids.Any(id => e.Skills.All(s => s.SkillId != id))) errors.Add("skillIds", "Kies alleen vaardigheden die aan dit experiment gekoppeld zijn.");
        else if (ids.Any(id => !inProfile.Contains(id))) errors.Add("skillIds", "Deze vaardigheid staat niet meer in je skills-profiel.");
        Refuse(errors, "Er is geen ervaring toegevoegd.");
        var profile = await profiles.GetOrCreateAsync(e.OwnerId, ct);
        var note = texts.In(language)["Ervaring uit het leerexperiment ‘{0}’ ({1}).", e.Title,
            DutchTime.ToLocal(e.ClosedAt ?? Now).ToString("d-M-yyyy", CultureInfo.InvariantCulture)];
        var outcomes = new List<EvidenceOutcome>();
        await db.InTransactionAsync(async t =>
        {
            outcomes.Clear();
            foreach (var id in ids)
            {
                var link = e.Skills.First(s => s.SkillId == id);
                var held = profile.Skills.First(s => s.SkillId == id);
                if (link.EvidenceAddedAt is not null) { outcomes.Add(new(id, "al-toegevoegd")); continue; }
                if (Stronger(held.Evidence)) { outcomes.Add(new(id, "al-sterker")); continue; }
                var combined = held.Note is null ? note : held.Note.Contains(note, StringComparison.Ordinal) ? held.Note
                    : held.Note.Length + 1 + note.Length <= 500 ? held.Note + "\n" + note : held.Note;
                var validation = held.Validation < ValidationStrength.Middel ? ValidationStrength.Middel : held.Validation;
                await profiles.AddSkillAsync(profile, id, EvidenceKind.Werkervaring, validation, combined, t);
                link.EvidenceAddedAt = Now;
                await db.SaveChangesAsync(t);
                outcomes.Add(new(id, "toegevoegd"));
            }
        }, ct);
        return outcomes;
    }

    /// <summary>Evidence that weighs more than work experience from an experiment: left as it is.</summary>
    public static bool Stronger(EvidenceKind k) => k is EvidenceKind.Diploma or EvidenceKind.Certificaat or EvidenceKind.Werkgeversverklaring;

    private static void Refuse(ValidationErrors errors, string title)
    {
        if (errors.Count > 0) throw new ProblemException(400, new Message(title), errors.ToDictionary());
    }
}
