using Klimrek.Data;
using Klimrek.Features.Accounts;
using Klimrek.Features.Notifications;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Werkleren;

/// <summary>
/// Demonstration content for werkleren (CLI verb <c>demo werkleren</c>): a nurse ("(demo)" in every name) with a skills
/// profile, drivers and themes, a looking-ahead conversation, two linked learning experiments (the first closed with its
/// findings, the follow-up running with a colleague and a feedback moment next week), a circle of four with a signal and
/// an answer, four readiness check-ins, and a development plan shared in part with her leidinggevende. The nurse and the
/// leidinggevende can sign in with the given password; the colleagues cannot.
/// </summary>
public static class WerklerenDemo
{
    public sealed record Result(string NurseId, string ManagerId, int ExperimentId);

    private sealed record People(KlimrekUser Nurse, KlimrekUser Manager, KlimrekUser Colleague, KlimrekUser Mentor, string Tag);

    public static async Task<Result> SeedAsync(IServiceProvider sp, string nurseEmail, string managerEmail, string password, CancellationToken ct)
    {
        var db = sp.GetRequiredService<KlimrekDbContext>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var p = await PeopleAsync(sp, nurseEmail, managerEmail, password, now);
        var skillIds = await ProfileAsync(db, p, now, ct);
        var answerId = await ConversationAsync(db, p, now, ct);
        var (_, second) = await ExperimentsAsync(sp, db, p, skillIds, answerId, now, ct);
        await CircleAsync(db, p, second, now, ct);
        await PlanAsync(db, p, now, ct);
        return new Result(p.Nurse.Id, p.Manager.Id, second.Id);
    }

    private static async Task<People> PeopleAsync(IServiceProvider sp, string nurseEmail, string managerEmail, string password, DateTime now)
    {
        var users = sp.GetRequiredService<UserManager<KlimrekUser>>();
        var setup = sp.GetRequiredService<AccountSetup>();

        async Task<KlimrekUser> AccountAsync(string email, string name, string? pwd, string role)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is not null) throw new InvalidOperationException($"{email} bestaat al; kies een ander adres voor de demo.");
            if (pwd is not null)
            {
                var errors = await setup.CreateUserAsync(email, pwd, name, [role]);
                if (errors.Count > 0) throw new InvalidOperationException(string.Join("; ", errors));
                user = (await users.FindByEmailAsync(email))!;
            }
            else
            {
                user = new KlimrekUser { UserName = email, Email = email, DisplayName = name, CreatedAt = now, LockoutEnabled = true };
                var created = await users.CreateAsync(user);
                if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
                await users.AddToRoleAsync(user, role);
            }
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
            return user;
        }

        var nurse = await AccountAsync(nurseEmail, "Sanne Visser (demo)", password, Roles.Deelnemer);
        var manager = await AccountAsync(managerEmail, "Marco Jansen (demo, leidinggevende)", password, Roles.Deelnemer);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var colleague = await AccountAsync($"fatima-{tag}@demo.klimrek.invalid", "Fatima El Amrani (demo)", null, Roles.Deelnemer);
        var mentor = await AccountAsync($"joost-{tag}@demo.klimrek.invalid", "Joost de Boer (demo)", null, Roles.Deelnemer);
        return new People(nurse, manager, colleague, mentor, tag);
    }

    private static async Task<List<int>> ProfileAsync(KlimrekDbContext db, People p, DateTime now, CancellationToken ct)
    {
        var today = DutchTime.Today(now);
        // Skills profile: the nurse occupation and a few of its essential skills (real ESCO).
        var occupationId = await db.OccupationTexts.Where(t => t.Language == "nl" && t.PreferredLabel == "algemeen verpleegkundige").Select(t => t.OccupationId).FirstOrDefaultAsync(ct);
        if (occupationId == 0) occupationId = await db.Occupations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(ct);
        var skillIds = await db.OccupationSkills.Where(s => s.OccupationId == occupationId && s.IsEssential).OrderBy(s => s.SkillId).Select(s => s.SkillId).Take(8).ToListAsync(ct);
        var profile = new SkillProfile { UserId = p.Nurse.Id, UpdatedAt = now };
        profile.Occupations.Add(new ProfileOccupation { OccupationId = occupationId, FromYear = today.Year - 6, AddedAt = now });
        foreach (var s in skillIds)
            profile.Skills.Add(new ProfileSkill { SkillId = s, Evidence = EvidenceKind.Diploma, Validation = ValidationStrength.Zwaar, SourceOccupationId = occupationId, AddedAt = now });
        db.SkillProfiles.Add(profile);

        db.WorkRelations.Add(new WorkRelation { OwnerId = p.Nurse.Id, OtherUserId = p.Manager.Id, Kind = WorkRelationKind.Leidinggevende, CreatedAt = now });

        // Drivers and themes.
        db.PersonDrivers.AddRange(
            new PersonDriver { UserId = p.Nurse.Id, Key = Drivers.Kwaliteit, Weight = 5, CreatedAt = now, SharedWith = Audience.Leidinggevende },
            new PersonDriver { UserId = p.Nurse.Id, Key = Drivers.Ontwikkeling, Weight = 4, CreatedAt = now, SharedWith = Audience.Leidinggevende },
            new PersonDriver { UserId = p.Nurse.Id, Key = Drivers.Eigen, OwnWords = "Dat bewoners zich gezien voelen", Weight = 3, CreatedAt = now });
        db.WorkThemes.AddRange(
            new WorkTheme { UserId = p.Nurse.Id, Title = "Minder valincidenten op de afdeling", Note = "Drie keer deze maand, vooral 's nachts.", CreatedAt = now.AddDays(-40), SharedWith = Audience.Leidinggevende },
            new WorkTheme { UserId = p.Nurse.Id, Title = "Een overdracht die niets laat liggen", CreatedAt = now.AddDays(-20) });

        await db.SaveChangesAsync(ct);
        return skillIds;
    }

    private static async Task<int> ConversationAsync(KlimrekDbContext db, People p, DateTime now, CancellationToken ct)
    {
        var today = DutchTime.Today(now);
        // A looking-ahead conversation with the colleague.
        var conversation = new Conversation
        {
            UserId = p.Nurse.Id, Direction = QuestionDirection.Vooruit, HeldOn = today.AddDays(-42), With = ConversationPartner.Collega, WithName = p.Colleague.DisplayName,
            CreatedAt = now.AddDays(-42), UpdatedAt = now.AddDays(-42),
        };
        string[] answers =
        [
            "De valincidenten bij de nachtdienst: we merken het pas achteraf.",
            "Dat bewoners veilig zijn zonder dat we ze vastzetten.",
            "Of we het valrisico al bij de overdracht kunnen zien aankomen.",
            "Bij elke overdracht kort het valrisico noemen.",
            "Fatima, die de valpreventiecursus deed, en de fysiotherapeut.",
        ];
        string[] questions =
        [
            "Waar ben je in je werk mee bezig?", "Wat vind je belangrijk?", "Waar ben je nieuwsgierig naar?", "Wat zou je willen uitproberen?", "Wie of wat kan je daarbij helpen?",
        ];
        string[] keys = ["bezig", "belangrijk", "nieuwsgierig", "uitproberen", "helpen"];
        for (int i = 0; i < answers.Length; i++)
            conversation.Answers.Add(new ConversationAnswer { Position = i, QuestionKey = keys[i], Question = questions[i], Answer = answers[i] });
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync(ct);
        return conversation.Answers[3].Id;
    }

    private static async Task<(Experiment First, Experiment Second)> ExperimentsAsync(IServiceProvider sp, KlimrekDbContext db, People p, List<int> skillIds, int answerId, DateTime now, CancellationToken ct)
    {
        var today = DutchTime.Today(now);
        // Two linked experiments: the first closed, the follow-up running with the colleague.
        var first = new Experiment
        {
            OwnerId = p.Nurse.Id, Title = "Valrisico noemen bij de overdracht",
            WhatAndWhy = "Bij elke overdracht van de avond- naar de nachtdienst het valrisico van elke bewoner kort noemen, omdat we vallen nu pas achteraf bespreken.",
            Question = "Zien we vaker vooraf wie 's nachts gaat dwalen?",
            Activity = "Twee weken lang, eerste stap: een regel 'valrisico' op het overdrachtsformulier.",
            Needs = "Vijf minuten extra bij de overdracht en een akkoord van het team.",
            FeedbackPlan = "Na twee weken in het teamoverleg: wat viel op?",
            State = ExperimentState.Afgerond, Findings = "In twee weken vier keer vooraf een risico genoemd dat klopte; de nachtdienst zette sensoren eerder aan.",
            NextStep = "Het risico zichtbaar maken aan het bed, zodat ook invallers het zien.",
            FromAnswerId = answerId, SharedWith = Audience.Leidinggevende,
            CreatedAt = now.AddDays(-40), StartedAt = now.AddDays(-38), FedBackAt = now.AddDays(-24), ClosedAt = now.AddDays(-23),
        };
        first.Drivers.Add(new ExperimentDriver { Key = Drivers.Kwaliteit });
        foreach (var s in skillIds.Take(1)) first.Skills.Add(new ExperimentSkill { SkillId = s });
        first.FeedbackMoments.Add(new FeedbackMoment
        {
            Uid = $"feedback-{Guid.NewGuid():N}@klimrek", StartsAt = now.AddDays(-24), DurationMinutes = 30, Location = "Teamoverleg", HeldAt = now.AddDays(-24),
            Notes = "Team wil doorgaan; invallers missen de informatie.", UpdatedAt = now.AddDays(-24),
        });
        db.Experiments.Add(first);
        await db.SaveChangesAsync(ct);
        var second = new Experiment
        {
            OwnerId = p.Nurse.Id, Title = "Valrisicokaart aan het bed", PreviousId = first.Id,
            WhatAndWhy = "Een kaartje met het valrisico aan het bed, zodat ook invallers het zien.",
            Question = "Weten invallers het valrisico zonder dat iemand het vertelt?",
            Activity = "Op twee kamers proberen; eerste stap: een kaartje ontwerpen met Fatima.",
            Needs = "Overleg met de fysiotherapeut over wat er op de kaart moet.",
            FeedbackPlan = "Volgende week samen met Fatima terugkijken.",
            State = ExperimentState.Loopt, SharedWith = Audience.Leidinggevende, CreatedAt = now.AddDays(-22), StartedAt = now.AddDays(-20),
        };
        second.Drivers.Add(new ExperimentDriver { Key = Drivers.Kwaliteit });
        second.Drivers.Add(new ExperimentDriver { Key = Drivers.Ontwikkeling });
        second.Members.Add(new ExperimentMember { UserId = p.Colleague.Id, InvitedAt = now.AddDays(-22), JoinedAt = now.AddDays(-21) });
        var moment = new FeedbackMoment
        {
            Uid = $"feedback-{Guid.NewGuid():N}@klimrek", StartsAt = DutchTime.ToUtc(today.AddDays(7), new TimeOnly(14, 0)), DurationMinutes = 30,
            Location = "Koffiekamer afdeling", UpdatedAt = now,
        };
        second.FeedbackMoments.Add(moment);
        db.Experiments.Add(second);
        await db.SaveChangesAsync(ct);
        var reminders = sp.GetRequiredService<Reminders>();
        foreach (var who in new[] { p.Nurse.Id, p.Colleague.Id })
            await reminders.ScheduleAsync($"feedback:{moment.Id}:{who}", who, NotificationKinds.Terugkoppelmomenten, moment.StartsAt.AddDays(-1),
                NotificationContent.Of("Morgen: terugkoppelmoment van '{0}'", second.Title), $"/werkleren/experimenten/{second.Id}", ct);

        await db.SaveChangesAsync(ct);
        return (first, second);
    }

    private static async Task CircleAsync(KlimrekDbContext db, People p, Experiment second, DateTime now, CancellationToken ct)
    {
        var today = DutchTime.Today(now);
        // The circle of four, a signal and an answer.
        var circle = new[]
        {
            new CircleMember { OwnerId = p.Nurse.Id, MemberUserId = p.Colleague.Id, Name = p.Colleague.DisplayName, Email = p.Colleague.Email, Roles = CircleRoles.DoetMee | CircleRoles.DenktMee, CreatedAt = now.AddDays(-45) },
            new CircleMember { OwnerId = p.Nurse.Id, MemberUserId = p.Mentor.Id, Name = p.Mentor.DisplayName, Email = p.Mentor.Email, Roles = CircleRoles.DenktMee, CreatedAt = now.AddDays(-45) },
            new CircleMember { OwnerId = p.Nurse.Id, MemberUserId = p.Manager.Id, Name = p.Manager.DisplayName, Email = p.Manager.Email, Roles = CircleRoles.MoedigtAan, IsLeidinggevende = true, CreatedAt = now.AddDays(-45) },
            new CircleMember { OwnerId = p.Nurse.Id, Name = "Ingrid (praktijkopleider, demo)", Email = $"ingrid-{p.Tag}@demo.klimrek.invalid", Roles = CircleRoles.MoedigtAan | CircleRoles.DenktMee, CreatedAt = now.AddDays(-30) },
        };
        db.CircleMembers.AddRange(circle);
        await db.SaveChangesAsync(ct);
        var signal = new Signal { OwnerId = p.Nurse.Id, Text = "Ik probeer een valrisicokaart aan het bed. Kijk je mee of die duidelijk is voor invallers?", ExperimentId = second.Id, SentAt = now.AddDays(-10) };
        signal.Recipients.Add(new SignalRecipient { CircleMemberId = circle[0].Id, RecipientUserId = p.Colleague.Id, ReadAt = now.AddDays(-10), Answer = "Ja! Zet er ook het tijdstip van de laatste val op.", AnsweredAt = now.AddDays(-9) });
        signal.Recipients.Add(new SignalRecipient { CircleMemberId = circle[1].Id, RecipientUserId = p.Mentor.Id });
        db.Signals.Add(signal);

        // Four check-ins over the last weeks.
        int[][] scores = [[3, 4, 2, 2, 3], [3, 4, 3, 3, 3], [4, 5, 3, 3, 4], [4, 5, 4, 4, 4]];
        for (int i = 0; i < scores.Length; i++)
            db.ReadinessCheckIns.Add(new ReadinessCheckIn
            {
                UserId = p.Nurse.Id, At = now.AddDays(-7 * (scores.Length - i)), Weten = scores[i][0], Willen = scores[i][1], Kunnen = scores[i][2], Durven = scores[i][3], Mogen = scores[i][4],
                Helped = i == 3 ? "Het teamoverleg waarin iedereen meedacht over de kaart." : null,
            });

        await db.SaveChangesAsync(ct);
    }

    private static async Task PlanAsync(KlimrekDbContext db, People p, DateTime now, CancellationToken ct)
    {
        var today = DutchTime.Today(now);
        // The development plan, partly shared with the leidinggevende, with an ontwikkelingsgesprek coming up.
        var plan = new DevelopmentPlan
        {
            UserId = p.Nurse.Id, Title = $"Ontwikkelplan {today.Year}–{today.Year + 1}", StartsOn = today.AddDays(-60), EndsOn = today.AddDays(305),
            Ambition = "Ik wil in mijn team het aanspreekpunt worden voor valpreventie, en later misschien richting praktijkbegeleiding.",
            SharedWithLeidinggevende = PlanParts.Ambition | PlanParts.ThemesAndDrivers | PlanParts.Experiments | PlanParts.Activities,
            CreatedAt = now.AddDays(-60), UpdatedAt = now.AddDays(-60),
        };
        plan.Activities.Add(new LearningActivity { Title = "E-learning valpreventie", Form = LearningForm.NonFormeel, Source = LearningSource.Cursus, Date = today.AddDays(-50), Hours = 4 });
        plan.Activities.Add(new LearningActivity { Title = "Meelopen met de fysiotherapeut", Form = LearningForm.Informeel, Source = LearningSource.Anderen, Date = today.AddDays(-30), Hours = 3 });
        db.DevelopmentPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        var cycle = new CycleConversation
        {
            PlanId = plan.Id, Kind = CycleConversationKind.Ontwikkelingsgesprek, Date = today.AddDays(21), CreatedAt = now,
            Preparation = "Wat me vakkundiger maakte: de twee experimenten rond valrisico.\nWat ik nodig heb: tijd om de kaart op de hele afdeling in te voeren.",
        };
        cycle.Agreements.Add(new CycleAgreement { Text = "Valrisicokaart bespreken in het teamoverleg", DueOn = today.AddDays(14) });
        db.CycleConversations.Add(cycle);
        await db.SaveChangesAsync(ct);
    }
}
