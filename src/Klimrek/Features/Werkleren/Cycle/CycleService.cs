using Klimrek.Data;
using Klimrek.Features.Career;
using Klimrek.Features.Notifications;
using Klimrek.Features.Werkleren.Conversations;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Werkleren.Cycle;

/// <summary>
/// The development cycle (POP): the person's own plans by period, what a plan gathers (themes, drivers, experiments,
/// samen-leren participation, read from their own tables), the skills to develop picked from a Klimrek gap, learning
/// activities, and the conversations of the cycle with their agreements. Only the owner changes anything; a named
/// leidinggevende or begeleider reads the parts shared with them (see the Sharing area) and can only comment.
/// </summary>
public sealed class CycleService(KlimrekDbContext db, TimeProvider clock, TransitionCache cache, TransitionService transitions, ProfileService profiles,
    Notifier notifier, QuestionSetService questions)
{
    public const int MaxPlans = 50;
    public const int MaxSkills = 200;
    public const int MaxActivities = 500;
    public const int MaxConversations = 100;
    public const int MaxAgreements = 100;
    public const int MaxYears = 5;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    // ------------------------------------------------------------------ plans

    /// <summary>The person's plans, newest period first (the first one is the current plan).</summary>
    public Task<List<DevelopmentPlan>> PlansAsync(string userId, CancellationToken ct) =>
        db.DevelopmentPlans.AsNoTracking().Where(p => p.UserId == userId).OrderByDescending(p => p.StartsOn).ThenByDescending(p => p.Id).ToListAsync(ct);

    /// <summary>One of the person's own plans with its skills and activities (tracked); 404 for anyone else's.</summary>
    public async Task<DevelopmentPlan> OwnAsync(string userId, int planId, CancellationToken ct) =>
        await db.DevelopmentPlans.Include(p => p.Skills).Include(p => p.Activities).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == planId && p.UserId == userId, ct) ?? throw ProblemException.NotFound();

    private static void Validate(PlanInput input, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(input.Title)) errors.Add("title", "Geef het plan een titel.");
        else if (input.Title.Trim().Length > 200) errors.Add("title", "De titel is te lang (hoogstens 200 tekens).");
        if (input.StartsOn is null) errors.Add("startsOn", "Kies de begindatum van de periode.");
        if (input.EndsOn is null) errors.Add("endsOn", "Kies de einddatum van de periode.");
        if (input.StartsOn is { } s && input.EndsOn is { } e)
        {
            if (e < s) errors.Add("endsOn", "De periode eindigt na de begindatum.");
            else if (e > s.AddYears(MaxYears)) errors.Add("endsOn", "Een plan beslaat hoogstens vijf jaar.");
            if (s.Year < 2000 || e.Year > 2100) errors.Add("startsOn", "Kies een periode tussen 2000 en 2100.");
        }
        if ((input.Ambition?.Length ?? 0) > 4000) errors.Add("ambition", "De ambitie is te lang (hoogstens 4000 tekens).");
    }

    public async Task<DevelopmentPlan> CreateAsync(string userId, PlanInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        Validate(input, errors);
        ProblemException.ThrowIfAny(errors);
        if (await db.DevelopmentPlans.CountAsync(p => p.UserId == userId, ct) >= MaxPlans)
            throw ProblemException.Invalid("Je hebt al het grootste aantal plannen; verwijder eerst een oud plan.");
        var plan = new DevelopmentPlan
        {
            UserId = userId, Title = input.Title!.Trim(), StartsOn = input.StartsOn!.Value, EndsOn = input.EndsOn!.Value, Ambition = Clean(input.Ambition),
            CreatedAt = Now, UpdatedAt = Now, Version = 1,
        };
        db.DevelopmentPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return plan;
    }

    public async Task UpdateAsync(DevelopmentPlan plan, PlanInput input, int? baseVersion, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        Validate(input, errors);
        ProblemException.ThrowIfAny(errors);
        Versions.Expect(db, plan, baseVersion);
        plan.Title = input.Title!.Trim();
        plan.StartsOn = input.StartsOn!.Value;
        plan.EndsOn = input.EndsOn!.Value;
        plan.Ambition = Clean(input.Ambition);
        plan.UpdatedAt = Now;
        await Versions.SaveAsync(db, ct);
    }

    /// <summary>
    /// Deletes a plan with everything in it (skills, activities, conversations, agreements, and the comments on it). The
    /// version the person saw is required: a whole plan is not deleted on a guess (428 without one, 409 when stale).
    /// </summary>
    public async Task DeleteAsync(DevelopmentPlan plan, int? baseVersion, CancellationToken ct)
    {
        if (baseVersion is null) throw VersionRequired();
        Versions.Expect(db, plan, baseVersion);
        var cycleIds = await db.CycleConversations.Where(c => c.PlanId == plan.Id).Select(c => c.Id).ToListAsync(ct);
        await db.InTransactionAsync(async t =>
        {
            await db.WorkComments.Where(c => c.OwnerId == plan.UserId
                && ((c.ItemKind == CommentKinds.Plan && c.ItemId == plan.Id) || (c.ItemKind == CommentKinds.Cycle && cycleIds.Contains(c.ItemId)))).ExecuteDeleteAsync(t);
            db.DevelopmentPlans.Remove(plan);
            await Versions.SaveAsync(db, t);
        }, ct);
    }

    private static ProblemException VersionRequired() =>
        new(StatusCodes.Status428PreconditionRequired, new Message("Stuur de versie mee die je wilt verwijderen (If-Match)."));

    /// <summary>
    /// Sets which parts are shared with the person's leidinggevende and with their begeleider. Those who get to see a
    /// part they did not see before are told (kind <c>delen</c>).
    /// </summary>
    public async Task ShareAsync(DevelopmentPlan plan, PlanParts leidinggevende, PlanParts begeleider, int? baseVersion, string ownerName, CancellationToken ct)
    {
        var all = CycleKeys.Parts.Aggregate(PlanParts.None, (a, p) => a | p.Part);
        leidinggevende &= all;
        begeleider &= all;
        var newForLeidinggevende = leidinggevende & ~plan.SharedWithLeidinggevende;
        var newForBegeleider = begeleider & ~plan.SharedWithBegeleider;
        Versions.Expect(db, plan, baseVersion);
        plan.SharedWithLeidinggevende = leidinggevende;
        plan.SharedWithBegeleider = begeleider;
        plan.UpdatedAt = Now;
        var tell = new HashSet<string>();
        if (newForLeidinggevende != PlanParts.None)
            tell.UnionWith(await ViewersAsync(plan.UserId, WorkRelationKind.Leidinggevende, ct));
        if (newForBegeleider != PlanParts.None)
            tell.UnionWith(await ViewersAsync(plan.UserId, WorkRelationKind.Begeleider, ct));
        foreach (var viewer in tell)
            await notifier.StageAsync(viewer, NotificationKinds.Delen,
                NotificationContent.Of("{0} deelt (een deel van) een ontwikkelplan met je.", ownerName), $"/werkleren/gedeeld/{plan.UserId}", ct);
        await Versions.SaveAsync(db, ct);
        notifier.FlushMail();
    }

    /// <summary>The accounts the person named with this kind (a begeleider only while holding the role).</summary>
    private async Task<List<string>> ViewersAsync(string ownerId, WorkRelationKind kind, CancellationToken ct)
    {
        var ids = await db.WorkRelations.AsNoTracking().Where(r => r.OwnerId == ownerId && r.Kind == kind).Select(r => r.OtherUserId).ToListAsync(ct);
        if (kind == WorkRelationKind.Begeleider)
            ids = await (from ur in db.UserRoles
                         join r in db.Roles on ur.RoleId equals r.Id
                         where ids.Contains(ur.UserId) && r.Name == Roles.Begeleider
                         select ur.UserId).Distinct().ToListAsync(ct);
        return ids;
    }

    // ------------------------------------------------------------------ skills from the gap

    /// <summary>The skills one could add for a target occupation: what the person's profile misses, essential first.</summary>
    public async Task<GapView> GapAsync(DevelopmentPlan plan, int? occupationId, string language, CancellationToken ct)
    {
        var s = await cache.GetAsync(ct);
        if (occupationId is not int oid || !s.OccupationIndex.TryGetValue(oid, out var index))
            throw ProblemException.Field("occupationId", "Kies een beroep dat in Klimrek staat.");
        var profile = await profiles.GetOrCreateAsync(plan.UserId, ct);
        var source = await profiles.SourceAsync(profile, "", ct);
        var view = await transitions.DescribeAsync(source, index, language, ct);
        var inPlan = plan.Skills.Select(x => x.SkillId).ToHashSet();
        GapSkill G(SkillRef r) => new(r.Id, r.Uri, r.Label, r.Essential, inPlan.Contains(r.Id));
        return new GapView(oid, view.TargetLabel, view.MissingEssential.Select(G).ToList(), view.MissingOptional.Select(G).ToList());
    }

    /// <summary>Adds skills to develop (any ESCO skill; the pages offer those of a gap). Skills already in the plan stay as they are.</summary>
    public async Task<List<PlanSkill>> AddSkillsAsync(DevelopmentPlan plan, IReadOnlyCollection<int> skillIds, int? targetOccupationId, string? note, CancellationToken ct)
    {
        var s = await cache.GetAsync(ct);
        var errors = new ValidationErrors();
        if (skillIds.Count == 0) errors.Add("skillId", "Kies minstens één vaardigheid.");
        else if (skillIds.Any(id => !s.Catalogue.Skills.ContainsKey(id))) errors.Add("skillId", "Deze vaardigheid staat niet in Klimrek.");
        if (targetOccupationId is int t && !s.Catalogue.Occupations.ContainsKey(t)) errors.Add("targetOccupationId", "Kies een beroep dat in Klimrek staat.");
        if ((note?.Length ?? 0) > 1000) errors.Add("note", "De toelichting is te lang (hoogstens 1000 tekens).");
        ProblemException.ThrowIfAny(errors);
        var have = plan.Skills.Select(x => x.SkillId).ToHashSet();
        var added = skillIds.Distinct().Where(id => !have.Contains(id))
            .Select(id => new PlanSkill { PlanId = plan.Id, SkillId = id, TargetOccupationId = targetOccupationId, Note = Clean(note) }).ToList();
        if (plan.Skills.Count + added.Count > MaxSkills) throw ProblemException.Invalid("Een plan heeft hoogstens 200 vaardigheden.");
        plan.Skills.AddRange(added);
        plan.UpdatedAt = Now;
        await db.SaveChangesAsync(ct);
        return added;
    }

    public async Task RemoveSkillAsync(DevelopmentPlan plan, int planSkillId, CancellationToken ct)
    {
        var skill = plan.Skills.FirstOrDefault(x => x.Id == planSkillId) ?? throw ProblemException.NotFound();
        plan.Skills.Remove(skill);
        db.PlanSkills.Remove(skill);
        plan.UpdatedAt = Now;
        await db.SaveChangesAsync(ct);
    }

    // ------------------------------------------------------------------ learning activities

    private static (LearningForm Form, LearningSource Source) Validate(ActivityInput input)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Title)) errors.Add("title", "Beschrijf de leeractiviteit in een paar woorden.");
        else if (input.Title.Trim().Length > 200) errors.Add("title", "De titel is te lang (hoogstens 200 tekens).");
        if (!CycleKeys.TryForm(input.Form, out var form)) errors.Add("form", "Kies formeel, non-formeel of informeel.");
        if (!CycleKeys.TrySource(input.Source, out var source)) errors.Add("source", "Kies ervaring, anderen of cursus.");
        if (input.Date is { } d && (d.Year < 1950 || d.Year > 2100)) errors.Add("date", "Kies een datum tussen 1950 en 2100.");
        if (input.Hours is { } h && (h <= 0 || h > 10000 || decimal.Round(h, 2) != h)) errors.Add("hours", "Uren: een getal groter dan 0 en hoogstens 10000, met hoogstens twee decimalen.");
        if ((input.Note?.Length ?? 0) > 2000) errors.Add("note", "De toelichting is te lang (hoogstens 2000 tekens).");
        ProblemException.ThrowIfAny(errors);
        return (form, source);
    }

    public async Task<LearningActivity> AddActivityAsync(DevelopmentPlan plan, ActivityInput input, CancellationToken ct)
    {
        var (form, source) = Validate(input);
        if (plan.Activities.Count >= MaxActivities) throw ProblemException.Invalid("Een plan heeft hoogstens 500 leeractiviteiten.");
        var a = new LearningActivity { PlanId = plan.Id, Title = input.Title!.Trim(), Form = form, Source = source, Date = input.Date, Hours = input.Hours, Note = Clean(input.Note) };
        plan.Activities.Add(a);
        plan.UpdatedAt = Now;
        await db.SaveChangesAsync(ct);
        return a;
    }

    public async Task<LearningActivity> UpdateActivityAsync(DevelopmentPlan plan, int activityId, ActivityInput input, CancellationToken ct)
    {
        var a = plan.Activities.FirstOrDefault(x => x.Id == activityId) ?? throw ProblemException.NotFound();
        var (form, source) = Validate(input);
        a.Title = input.Title!.Trim();
        a.Form = form;
        a.Source = source;
        a.Date = input.Date;
        a.Hours = input.Hours;
        a.Note = Clean(input.Note);
        plan.UpdatedAt = Now;
        await db.SaveChangesAsync(ct);
        return a;
    }

    public async Task RemoveActivityAsync(DevelopmentPlan plan, int activityId, CancellationToken ct)
    {
        var a = plan.Activities.FirstOrDefault(x => x.Id == activityId) ?? throw ProblemException.NotFound();
        plan.Activities.Remove(a);
        db.LearningActivities.Remove(a);
        plan.UpdatedAt = Now;
        await db.SaveChangesAsync(ct);
    }

    // ------------------------------------------------------------------ conversations of the cycle

    public Task<List<CycleConversation>> ConversationsAsync(int planId, CancellationToken ct) =>
        db.CycleConversations.AsNoTracking().Include(c => c.Agreements).Where(c => c.PlanId == planId).OrderBy(c => c.Date).ThenBy(c => c.Id).ToListAsync(ct);

    /// <summary>One conversation of the person's own plan (tracked, with its agreements); 404 otherwise.</summary>
    public async Task<CycleConversation> OwnConversationAsync(DevelopmentPlan plan, int cycleId, CancellationToken ct) =>
        await db.CycleConversations.Include(c => c.Agreements).FirstOrDefaultAsync(c => c.Id == cycleId && c.PlanId == plan.Id, ct)
        ?? throw ProblemException.NotFound();

    /// <summary>A conversation of one of the person's plans, found by its own id (the page's route); 404 otherwise.</summary>
    public async Task<(DevelopmentPlan Plan, CycleConversation Conversation)> OwnConversationAsync(string userId, int cycleId, CancellationToken ct)
    {
        var planId = await db.CycleConversations.Where(c => c.Id == cycleId).Select(c => (int?)c.PlanId).FirstOrDefaultAsync(ct) ?? throw ProblemException.NotFound();
        var plan = await OwnAsync(userId, planId, ct);
        return (plan, await OwnConversationAsync(plan, cycleId, ct));
    }

    private static CycleConversationKind Validate(CycleInput input)
    {
        var errors = new ValidationErrors();
        if (!CycleKeys.TryKind(input.Kind, out var kind)) errors.Add("kind", "Kies functioneringsgesprek, ontwikkelingsgesprek of beoordelingsgesprek.");
        if (input.Date is null) errors.Add("date", "Kies de datum van het gesprek.");
        else if (input.Date.Value.Year < 2000 || input.Date.Value.Year > 2100) errors.Add("date", "Kies een datum tussen 2000 en 2100.");
        if ((input.Preparation?.Length ?? 0) > 8000) errors.Add("preparation", "De voorbereiding is te lang (hoogstens 8000 tekens).");
        if ((input.Notes?.Length ?? 0) > 8000) errors.Add("notes", "De aantekeningen zijn te lang (hoogstens 8000 tekens).");
        ProblemException.ThrowIfAny(errors);
        return kind;
    }

    public async Task<CycleConversation> AddConversationAsync(DevelopmentPlan plan, CycleInput input, CancellationToken ct)
    {
        var kind = Validate(input);
        if (await db.CycleConversations.CountAsync(c => c.PlanId == plan.Id, ct) >= MaxConversations)
            throw ProblemException.Invalid("Een plan heeft hoogstens 100 gesprekken.");
        var c = new CycleConversation
        {
            PlanId = plan.Id, Kind = kind, Date = input.Date!.Value, Preparation = Clean(input.Preparation), Notes = Clean(input.Notes), CreatedAt = Now, Version = 1,
        };
        db.CycleConversations.Add(c);
        plan.UpdatedAt = Now;
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task UpdateConversationAsync(CycleConversation c, CycleInput input, int? baseVersion, CancellationToken ct)
    {
        var kind = Validate(input);
        Versions.Expect(db, c, baseVersion);
        c.Kind = kind;
        c.Date = input.Date!.Value;
        c.Preparation = Clean(input.Preparation);
        c.Notes = Clean(input.Notes);
        await Versions.SaveAsync(db, ct);
    }

    public async Task DeleteConversationAsync(DevelopmentPlan plan, CycleConversation c, int? baseVersion, CancellationToken ct)
    {
        if (baseVersion is null) throw VersionRequired();
        Versions.Expect(db, c, baseVersion);
        await db.InTransactionAsync(async t =>
        {
            await db.WorkComments.Where(x => x.OwnerId == plan.UserId && x.ItemKind == CommentKinds.Cycle && x.ItemId == c.Id).ExecuteDeleteAsync(t);
            db.CycleConversations.Remove(c);
            await Versions.SaveAsync(db, t);
        }, ct);
    }

    /// <summary>What the person chose to bring to the preparation.</summary>
    public sealed record Bring(bool LookingBack, bool LookingAhead, IReadOnlyCollection<int> Themes, IReadOnlyCollection<int> Drivers, IReadOnlyCollection<int> Experiments);

    /// <summary>
    /// Adds lines to the preparation: the questions of Tool 1 (looking back, looking ahead: the person's organisation's set, else the shipped one) with room for an answer, and
    /// the themes, drivers and experiments the person chose (their own, read from their tables).
    /// </summary>
    public async Task PrepareAsync(DevelopmentPlan plan, CycleConversation c, Bring bring, int? baseVersion, Texts.Language words, CancellationToken ct)
    {
        var english = words.IsEnglish;
        var lines = new List<string>();
        var set = await questions.ForPersonAsync(plan.UserId, ct);
        foreach (var (wanted, direction, heading) in new[] { (bring.LookingBack, QuestionDirection.Terug, "Terugblikken"), (bring.LookingAhead, QuestionDirection.Vooruit, "Vooruitkijken") })
        {
            if (!wanted) continue;
            lines.Add("## " + words[heading]);
            foreach (var q in set.Of(direction))
            {
                lines.Add("- " + q.Text(english));
                lines.Add("  ");
            }
        }
        var themes = await db.WorkThemes.AsNoTracking().Where(t => t.UserId == plan.UserId && bring.Themes.Contains(t.Id)).OrderBy(t => t.Id).ToListAsync(ct);
        var drivers = await db.PersonDrivers.AsNoTracking().Where(d => d.UserId == plan.UserId && bring.Drivers.Contains(d.Id)).OrderByDescending(d => d.Weight).ToListAsync(ct);
        var experiments = await db.Experiments.AsNoTracking().Where(e => e.OwnerId == plan.UserId && bring.Experiments.Contains(e.Id)).OrderBy(e => e.CreatedAt).ToListAsync(ct);
        if (themes.Count + drivers.Count + experiments.Count > 0) lines.Add("## " + words["Wat ik meebreng"]);
        foreach (var t in themes) lines.Add("- " + words["Thema: {0}", t.Title]);
        foreach (var d in drivers) lines.Add("- " + words["Drijfveer: {0} (weegt {1} van 5)", Drivers.NameOf(d, english), d.Weight]);
        foreach (var e in experiments)
            lines.Add("- " + words["Experiment: {0} ({1})", e.Title, words[CycleKeys.StateKey(e.State)]]
                + (string.IsNullOrWhiteSpace(e.Findings) ? "" : " — " + words["bevindingen: {0}", e.Findings.Trim()]));
        if (lines.Count == 0) throw ProblemException.Invalid("Kies wat je wilt toevoegen aan de voorbereiding.");
        var text = string.IsNullOrWhiteSpace(c.Preparation) ? string.Join("\n", lines) : c.Preparation.TrimEnd() + "\n\n" + string.Join("\n", lines);
        if (text.Length > 8000) throw ProblemException.Field("preparation", "De voorbereiding is te lang (hoogstens 8000 tekens).");
        Versions.Expect(db, c, baseVersion);
        c.Preparation = text;
        await Versions.SaveAsync(db, ct);
    }

    // ------------------------------------------------------------------ agreements

    private static void Validate(AgreementInput input)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Text)) errors.Add("text", "Schrijf de afspraak op.");
        else if (input.Text.Trim().Length > 1000) errors.Add("text", "De afspraak is te lang (hoogstens 1000 tekens).");
        if (input.DueOn is { } d && (d.Year < 2000 || d.Year > 2100)) errors.Add("dueOn", "Kies een datum tussen 2000 en 2100.");
        ProblemException.ThrowIfAny(errors);
    }

    public async Task<CycleAgreement> AddAgreementAsync(CycleConversation c, AgreementInput input, CancellationToken ct)
    {
        Validate(input);
        if (c.Agreements.Count >= MaxAgreements) throw ProblemException.Invalid("Een gesprek heeft hoogstens 100 afspraken.");
        var a = new CycleAgreement { CycleConversationId = c.Id, Text = input.Text!.Trim(), DueOn = input.DueOn, DoneAt = input.Done == true ? Now : null };
        c.Agreements.Add(a);
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>Changes an agreement's text and date; <see cref="AgreementInput.Done"/> marks it done or open again (null: as it was).</summary>
    public async Task<CycleAgreement> UpdateAgreementAsync(CycleConversation c, int agreementId, AgreementInput input, CancellationToken ct)
    {
        var a = c.Agreements.FirstOrDefault(x => x.Id == agreementId) ?? throw ProblemException.NotFound();
        Validate(input);
        a.Text = input.Text!.Trim();
        a.DueOn = input.DueOn;
        SetDone(a, input.Done);
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>Marks an agreement done or open (the page's one-click follow-up).</summary>
    public async Task SetDoneAsync(CycleConversation c, int agreementId, bool done, CancellationToken ct)
    {
        var a = c.Agreements.FirstOrDefault(x => x.Id == agreementId) ?? throw ProblemException.NotFound();
        SetDone(a, done);
        await db.SaveChangesAsync(ct);
    }

    private void SetDone(CycleAgreement a, bool? done)
    {
        if (done == true && a.DoneAt is null) a.DoneAt = Now;
        else if (done == false) a.DoneAt = null;
    }

    // ------------------------------------------------------------------ what the plan gathers

    private static DateTime Utc(DateOnly d) => DateTime.SpecifyKind(d.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);

    public async Task<List<GatheredDriver>> DriversAsync(string userId, bool english, CancellationToken ct) =>
        (await db.PersonDrivers.AsNoTracking().Where(d => d.UserId == userId).OrderByDescending(d => d.Weight).ThenBy(d => d.Id).ToListAsync(ct))
        .Select(d => new GatheredDriver(d.Id, d.Key, Drivers.NameOf(d, english), d.Weight)).ToList();

    /// <summary>The themes that occupy the person now (closed ones are history).</summary>
    public async Task<List<GatheredTheme>> ThemesAsync(string userId, CancellationToken ct) =>
        (await db.WorkThemes.AsNoTracking().Where(t => t.UserId == userId && t.ClosedAt == null).OrderBy(t => t.Id).ToListAsync(ct))
        .Select(t => new GatheredTheme(t.Id, t.Title, t.Note)).ToList();

    /// <summary>The person's own experiments that ran during the plan's period (created before its end, not closed before its start).</summary>
    public async Task<List<GatheredExperiment>> ExperimentsAsync(DevelopmentPlan plan, CancellationToken ct)
    {
        var (from, to) = (Utc(plan.StartsOn), Utc(plan.EndsOn.AddDays(1)));
        return (await db.Experiments.AsNoTracking().Where(e => e.OwnerId == plan.UserId && e.CreatedAt < to && (e.ClosedAt == null || e.ClosedAt >= from))
                .OrderBy(e => e.CreatedAt).ToListAsync(ct))
            .Select(e => new GatheredExperiment(e.Id, e.Title, CycleKeys.StateKey(e.State), DateTime.SpecifyKind(e.CreatedAt, DateTimeKind.Utc),
                e.ClosedAt is { } c ? DateTime.SpecifyKind(c, DateTimeKind.Utc) : null)).ToList();
    }

    /// <summary>Samen-leren participation: per programme the duo's status and the hours the person logged in the plan's period.</summary>
    public async Task<List<SamenLerenLine>> SamenLerenAsync(DevelopmentPlan plan, CancellationToken ct)
    {
        var participants = await db.Participants.AsNoTracking().Where(p => p.UserId == plan.UserId)
            .Join(db.Programmes, p => p.ProgrammeId, g => g.Id, (p, g) => new { p.Id, g.Settings.Name }).ToListAsync(ct);
        var lines = new List<SamenLerenLine>();
        foreach (var p in participants)
        {
            var statuses = await db.DuoMembers.AsNoTracking().Where(m => m.ParticipantId == p.Id)
                .Join(db.Duos, m => m.DuoId, d => d.Id, (m, d) => d.Status).ToListAsync(ct);
            string? status = statuses.Contains(DuoStatus.Active) ? "actief" : statuses.Contains(DuoStatus.Proposed) ? "voorgesteld"
                : statuses.Count > 0 ? "beëindigd" : null;
            var hours = await db.HourEntries.AsNoTracking().Where(h => h.ParticipantId == p.Id && h.Date >= plan.StartsOn && h.Date <= plan.EndsOn)
                .Select(h => h.Hours).ToListAsync(ct);
            lines.Add(new SamenLerenLine(p.Name, status, hours.Sum(), hours.Count));
        }
        return lines;
    }

    /// <summary>
    /// The person's own split over experience, others and courses, by number of learning moments: each activity by its
    /// source, each experiment as experience, each logged duo session as learning with others. Hours are shown beside it.
    /// </summary>
    public static OverviewView Overview(IReadOnlyCollection<LearningActivity> activities, int experiments, IReadOnlyCollection<SamenLerenLine> samenLeren)
    {
        var duoSessions = samenLeren.Sum(s => s.Sessions);
        var duoHours = samenLeren.Sum(s => s.Hours);
        var rows = CycleKeys.Sources.Select(s =>
        {
            var mine = activities.Where(a => a.Source == s.Source).ToList();
            int exp = s.Source == LearningSource.Ervaring ? experiments : 0;
            int duo = s.Source == LearningSource.Anderen ? duoSessions : 0;
            var hours = mine.Sum(a => a.Hours ?? 0) + (s.Source == LearningSource.Anderen ? duoHours : 0);
            return (s.Key, Activities: mine.Count, exp, duo, hours, Count: mine.Count + exp + duo);
        }).ToList();
        int total = rows.Sum(r => r.Count);
        return new OverviewView(rows.Select(r => new SourceLine(r.Key, r.Activities, r.exp, r.duo, r.hours, r.Count, total == 0 ? 0 : Math.Round((double)r.Count / total, 3))).ToList(), total);
    }

    // ------------------------------------------------------------------ views

    /// <summary>The plan as its owner sees it; <paramref name="current"/>: whether it is their latest plan, when the caller knows.</summary>
    public async Task<PlanView> ViewAsync(DevelopmentPlan plan, string language, CancellationToken ct, bool? current = null)
    {
        var english = language == "en";
        current ??= (await db.DevelopmentPlans.AsNoTracking().Where(p => p.UserId == plan.UserId).OrderByDescending(p => p.StartsOn).ThenByDescending(p => p.Id)
            .Select(p => p.Id).FirstAsync(ct)) == plan.Id;
        var experiments = await ExperimentsAsync(plan, ct);
        var samen = await SamenLerenAsync(plan, ct);
        return new PlanView(plan.Id, plan.Title, plan.StartsOn, plan.EndsOn, plan.Ambition,
            CycleKeys.PartKeys(plan.SharedWithLeidinggevende), CycleKeys.PartKeys(plan.SharedWithBegeleider),
            await DriversAsync(plan.UserId, english, ct), await ThemesAsync(plan.UserId, ct), experiments,
            await SkillViewsAsync(plan.Skills, language, ct), plan.Activities.OrderBy(a => a.Date ?? DateOnly.MaxValue).ThenBy(a => a.Id).Select(ActivityOf).ToList(),
            samen, Overview(plan.Activities, experiments.Count, samen),
            (await ConversationsAsync(plan.Id, ct)).Select(CycleOf).ToList(), current.Value,
            DateTime.SpecifyKind(plan.CreatedAt, DateTimeKind.Utc), DateTime.SpecifyKind(plan.UpdatedAt, DateTimeKind.Utc), plan.Version);
    }

    public async Task<List<PlanSkillView>> SkillViewsAsync(IEnumerable<PlanSkill> skills, string language, CancellationToken ct)
    {
        var s = await cache.GetAsync(ct);
        return skills.Where(x => s.Catalogue.Skills.ContainsKey(x.SkillId))
            .Select(x => new PlanSkillView(x.Id, x.SkillId, s.Catalogue.Skills[x.SkillId].Uri, s.Catalogue.Skills[x.SkillId].Label(language), x.TargetOccupationId, x.Note))
            .OrderBy(x => x.Label.Text, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    public static PlanSummary SummaryOf(DevelopmentPlan p, bool current) => new(p.Id, p.Title, p.StartsOn, p.EndsOn, current, p.Version);

    public static ActivityView ActivityOf(LearningActivity a) =>
        new(a.Id, a.Title, CycleKeys.FormKey(a.Form), CycleKeys.SourceKey(a.Source), a.Date, a.Hours, a.Note);

    public static AgreementView AgreementOf(CycleAgreement a) =>
        new(a.Id, a.Text, a.DueOn, a.DoneAt is not null, a.DoneAt is { } d ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : null);

    public static CycleView CycleOf(CycleConversation c) => new(c.Id, c.PlanId, CycleKeys.KindKey(c.Kind), c.Date, c.Preparation, c.Notes,
        c.Agreements.OrderBy(a => a.DoneAt is not null).ThenBy(a => a.DueOn ?? DateOnly.MaxValue).ThenBy(a => a.Id).Select(AgreementOf).ToList(), c.Version);

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>The item kinds a comment can be on (<see cref="WorkComment.ItemKind"/>).</summary>
public static class CommentKinds
{
    public const string Plan = "plan";
    public const string Cycle = "cycle";
    public const string Experiment = "experiment";
    public const string CheckIn = "checkin";
    public const string Conversation = "conversation";
    public const string Driver = "driver";
    public const string Theme = "theme";
    public static readonly string[] All = [Plan, Cycle, Experiment, CheckIn, Conversation, Driver, Theme];
}
