using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Klimrek.Data;

// Werkleren: learning in daily work (docs/werkleren.md). Everything here belongs to the person who wrote it
// (OwnerId/UserId); a begeleider or leidinggevende the person named (WorkRelation) sees an item only when the item's
// SharedWith names that audience. Nobody else sees any of it.

/// <summary>Whom a person shares an item with; none by default.</summary>
[Flags]
public enum Audience { None = 0, Begeleider = 1, Leidinggevende = 2 }

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<WorkRelationKind>))]
public enum WorkRelationKind { Leidinggevende = 1, Begeleider = 2 }

/// <summary>The person (<see cref="OwnerId"/>) names another account as their leidinggevende or begeleider.</summary>
public class WorkRelation
{
    public int Id { get; set; }
    public required string OwnerId { get; set; }
    public required string OtherUserId { get; set; }
    public KlimrekUser? Other { get; set; }
    public WorkRelationKind Kind { get; set; }
    public DateTime CreatedAt { get; set; }
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<QuestionDirection>))]
public enum QuestionDirection { Vooruit = 1, Terug = 2 }

/// <summary>
/// A revision of an organisation's conversation questions (Tool 1), made by its beheerder. The shipped default set is
/// not stored; an organisation without revisions uses it. A conversation keeps the texts it was held with.
/// </summary>
public class QuestionSetRevision
{
    public int Id { get; set; }
    /// <summary>Null: the installation's own revision (for people without an organisation).</summary>
    public int? OrganisationId { get; set; }
    public int Number { get; set; }
    public string? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? Note { get; set; }
    public List<QuestionItem> Items { get; set; } = [];
}

public class QuestionItem
{
    public int Id { get; set; }
    public int RevisionId { get; set; }
    public QuestionDirection Direction { get; set; }
    public int Position { get; set; }
    /// <summary>Stable across revisions while the question means the same (e.g. <c>bezig</c>).</summary>
    public required string Key { get; set; }
    public required string TextNl { get; set; }
    public required string TextEn { get; set; }
    public required string WhyNl { get; set; }
    public required string WhyEn { get; set; }
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ConversationPartner>))]
public enum ConversationPartner { Alleen = 0, Collega = 1, Begeleider = 2, Leidinggevende = 3 }

/// <summary>A dated conversation with the questions of Tool 1, answered alone or with someone.</summary>
public class Conversation : IVersioned
{
    public int Id { get; set; }
    public int Version { get; set; }
    public required string UserId { get; set; }
    public QuestionDirection Direction { get; set; }
    public DateOnly HeldOn { get; set; }
    public ConversationPartner With { get; set; }
    /// <summary>Who was there, as the person wrote it (a name), and the account when it is a Klimrek user.</summary>
    public string? WithName { get; set; }
    public string? WithUserId { get; set; }
    /// <summary>The revision whose questions were used (null: the shipped default set).</summary>
    public int? QuestionSetRevisionId { get; set; }
    public Audience SharedWith { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<ConversationAnswer> Answers { get; set; } = [];
}

public class ConversationAnswer
{
    public int Id { get; set; }
    public int ConversationId { get; set; }
    public int Position { get; set; }
    public required string QuestionKey { get; set; }
    /// <summary>The question as it was asked (in the language of the conversation).</summary>
    public required string Question { get; set; }
    public string? Answer { get; set; }
}

/// <summary>
/// One of the person's drivers (drijfveren), weighed 1–5. <see cref="Key"/> is one of the named drivers
/// (<c>ontwikkeling</c>, <c>verbondenheid</c>, <c>kwaliteit</c>, <c>erkenning</c>) or <c>eigen</c> with
/// <see cref="OwnWords"/>. The one driver model of the app: Mijn klimrek's personal fit reads it too.
/// </summary>
public class PersonDriver
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Key { get; set; }
    public string? OwnWords { get; set; }
    public int Weight { get; set; } = 3;
    /// <summary>The conversation answer it came from, if any.</summary>
    public int? FromAnswerId { get; set; }
    public Audience SharedWith { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A theme: what occupies the person in their work now.</summary>
public class WorkTheme
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Title { get; set; }
    public string? Note { get; set; }
    public int? FromAnswerId { get; set; }
    public Audience SharedWith { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Set when the theme no longer occupies the person (kept in the history).</summary>
    public DateTime? ClosedAt { get; set; }
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ExperimentState>))]
public enum ExperimentState { Idee = 1, Loopt = 2, Teruggekoppeld = 3, Afgerond = 4 }

/// <summary>A small learning experiment (Tool 2), in the five-question format.</summary>
public class Experiment : IVersioned
{
    public int Id { get; set; }
    public int Version { get; set; }
    public required string OwnerId { get; set; }
    public required string Title { get; set; }
    /// <summary>1. What to try or find out, and why.</summary>
    public string? WhatAndWhy { get; set; }
    /// <summary>2. The question one hopes to answer; what one is curious about.</summary>
    public string? Question { get; set; }
    /// <summary>3. The activity, and the first step.</summary>
    public string? Activity { get; set; }
    /// <summary>4. What one needs.</summary>
    public string? Needs { get; set; }
    /// <summary>5. How and when the findings are fed back to each other.</summary>
    public string? FeedbackPlan { get; set; }
    public ExperimentState State { get; set; } = ExperimentState.Idee;
    public string? Findings { get; set; }
    public string? NextStep { get; set; }
    /// <summary>The experiment this one follows up (a chain).</summary>
    public int? PreviousId { get; set; }
    public int? FromAnswerId { get; set; }
    public Audience SharedWith { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FedBackAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public List<ExperimentMember> Members { get; set; } = [];
    public List<ExperimentDriver> Drivers { get; set; } = [];
    public List<ExperimentSkill> Skills { get; set; } = [];
    public List<FeedbackMoment> FeedbackMoments { get; set; } = [];
}

/// <summary>A colleague invited into an experiment; they take part once they join.</summary>
public class ExperimentMember
{
    public int Id { get; set; }
    public int ExperimentId { get; set; }
    public required string UserId { get; set; }
    public KlimrekUser? User { get; set; }
    public DateTime InvitedAt { get; set; }
    public DateTime? JoinedAt { get; set; }
    public DateTime? DeclinedAt { get; set; }
}

/// <summary>A driver key the experiment serves (see <see cref="PersonDriver.Key"/>).</summary>
public class ExperimentDriver
{
    public int ExperimentId { get; set; }
    public required string Key { get; set; }
}

/// <summary>An ESCO skill of the owner's profile the experiment works on.</summary>
public class ExperimentSkill
{
    public int ExperimentId { get; set; }
    public int SkillId { get; set; }
    public Skill? Skill { get; set; }
    /// <summary>When closing the experiment added "ervaring" evidence for this skill to the profile.</summary>
    public DateTime? EvidenceAddedAt { get; set; }
}

/// <summary>A moment at which the experiment's findings are fed back to each other; a calendar event with a reminder.</summary>
public class FeedbackMoment
{
    public int Id { get; set; }
    public int ExperimentId { get; set; }
    public required string Uid { get; set; }
    public DateTime StartsAt { get; set; }
    public int DurationMinutes { get; set; } = 30;
    public string? Location { get; set; }
    public bool Cancelled { get; set; }
    public DateTime? HeldAt { get; set; }
    public string? Notes { get; set; }
    public int Sequence { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>What someone in the micro learning climate does for the person.</summary>
[Flags]
public enum CircleRoles { None = 0, DenktMee = 1, DoetMee = 2, MoedigtAan = 4 }

/// <summary>One of the few people who help the person learn: a Klimrek user, or a name and address.</summary>
public class CircleMember
{
    public int Id { get; set; }
    public required string OwnerId { get; set; }
    public string? MemberUserId { get; set; }
    public KlimrekUser? MemberUser { get; set; }
    public required string Name { get; set; }
    public string? Email { get; set; }
    public CircleRoles Roles { get; set; }
    public bool IsLeidinggevende { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RemovedAt { get; set; }
}

/// <summary>A signal the person sends to some of their circle: "I'm trying X, would you look along?"</summary>
public class Signal
{
    public int Id { get; set; }
    public required string OwnerId { get; set; }
    public required string Text { get; set; }
    public int? ExperimentId { get; set; }
    public DateTime SentAt { get; set; }
    public List<SignalRecipient> Recipients { get; set; } = [];
}

/// <summary>One recipient of a signal and their answer. A recipient without an account answers through a link (token).</summary>
public class SignalRecipient
{
    public int Id { get; set; }
    public int SignalId { get; set; }
    public Signal? Signal { get; set; }
    public int CircleMemberId { get; set; }
    public CircleMember? CircleMember { get; set; }
    /// <summary>The recipient's account, when they have one (they see the signal in their inbox).</summary>
    public string? RecipientUserId { get; set; }
    /// <summary>SHA-256 (hex) of the answer link's token, for a recipient without an account.</summary>
    public string? TokenHash { get; set; }
    public DateTime? ReadAt { get; set; }
    public string? Answer { get; set; }
    public DateTime? AnsweredAt { get; set; }
}

/// <summary>A readiness check-in: weten, willen, kunnen, durven, mogen, each 1–5.</summary>
public class ReadinessCheckIn
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public DateTime At { get; set; }
    public int Weten { get; set; }
    public int Willen { get; set; }
    public int Kunnen { get; set; }
    public int Durven { get; set; }
    public int Mogen { get; set; }
    public string? Note { get; set; }
    /// <summary>"What helped?"</summary>
    public string? Helped { get; set; }
    public Audience SharedWith { get; set; }
}

/// <summary>The parts of a development plan a person can share, each on its own.</summary>
[Flags]
public enum PlanParts
{
    None = 0,
    Ambition = 1,
    ThemesAndDrivers = 2,
    Experiments = 4,
    Skills = 8,
    Activities = 16,
    Conversations = 32,
}

/// <summary>The person's own development plan (POP) for a period.</summary>
public class DevelopmentPlan : IVersioned
{
    public int Id { get; set; }
    public int Version { get; set; }
    public required string UserId { get; set; }
    public required string Title { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    /// <summary>In the person's own words: where they want to go, what occupies them.</summary>
    public string? Ambition { get; set; }
    /// <summary>The parts shared with the person's leidinggevende / begeleider.</summary>
    public PlanParts SharedWithLeidinggevende { get; set; }
    public PlanParts SharedWithBegeleider { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<PlanSkill> Skills { get; set; } = [];
    public List<LearningActivity> Activities { get; set; } = [];
}

/// <summary>A skill to develop, usually picked from the gap to a target occupation.</summary>
public class PlanSkill
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int SkillId { get; set; }
    public Skill? Skill { get; set; }
    public int? TargetOccupationId { get; set; }
    public string? Note { get; set; }
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<LearningForm>))]
public enum LearningForm { Formeel = 1, NonFormeel = 2, Informeel = 3 }

/// <summary>Where the learning came from (roughly 70/20/10).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<LearningSource>))]
public enum LearningSource { Ervaring = 1, Anderen = 2, Cursus = 3 }

public class LearningActivity
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public required string Title { get; set; }
    public LearningForm Form { get; set; }
    public LearningSource Source { get; set; }
    public DateOnly? Date { get; set; }
    public decimal? Hours { get; set; }
    public string? Note { get; set; }
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<CycleConversationKind>))]
public enum CycleConversationKind { Functioneringsgesprek = 1, Ontwikkelingsgesprek = 2, Beoordelingsgesprek = 3 }

/// <summary>A conversation of the development cycle, with its preparation and agreements.</summary>
public class CycleConversation : IVersioned
{
    public int Id { get; set; }
    public int Version { get; set; }
    public int PlanId { get; set; }
    public CycleConversationKind Kind { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>The preparation: answers to questions of Tool 1 and what the person chooses to bring.</summary>
    public string? Preparation { get; set; }
    public string? Notes { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<CycleAgreement> Agreements { get; set; } = [];
}

/// <summary>An agreement made in a cycle conversation, followed up until done.</summary>
public class CycleAgreement
{
    public int Id { get; set; }
    public int CycleConversationId { get; set; }
    public required string Text { get; set; }
    public DateOnly? DueOn { get; set; }
    public DateTime? DoneAt { get; set; }
}

/// <summary>
/// A comment by a leidinggevende or begeleider on something the person shared with them (<see cref="ItemKind"/> e.g.
/// <c>plan</c>, <c>experiment</c>, <c>checkin</c>, <c>conversation</c>, <c>cycle</c>; <see cref="ItemId"/> its id).
/// It belongs to the person's record: the person sees it and it goes with their export and erase.
/// </summary>
public class WorkComment
{
    public int Id { get; set; }
    public required string OwnerId { get; set; }
    public required string ItemKind { get; set; }
    public int ItemId { get; set; }
    public string? AuthorId { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class WorkRelationConfiguration : IEntityTypeConfiguration<WorkRelation>
{
    public void Configure(EntityTypeBuilder<WorkRelation> b)
    {
        b.Property(x => x.OwnerId).HasMaxLength(450);
        b.Property(x => x.OtherUserId).HasMaxLength(450);
        b.HasIndex(x => new { x.OwnerId, x.Kind, x.OtherUserId }).IsUnique();
        b.HasIndex(x => x.OtherUserId);
        b.HasOne<KlimrekUser>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Other).WithMany().HasForeignKey(x => x.OtherUserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuestionSetRevisionConfiguration : IEntityTypeConfiguration<QuestionSetRevision>
{
    public void Configure(EntityTypeBuilder<QuestionSetRevision> b)
    {
        b.HasIndex(x => new { x.OrganisationId, x.Number }).IsUnique();
        b.Property(x => x.CreatedById).HasMaxLength(450);
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<KlimrekUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.RevisionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuestionItemConfiguration : IEntityTypeConfiguration<QuestionItem>
{
    public void Configure(EntityTypeBuilder<QuestionItem> b)
    {
        b.Property(x => x.Key).HasMaxLength(40);
        b.Property(x => x.TextNl).HasMaxLength(300);
        b.Property(x => x.TextEn).HasMaxLength(300);
        b.Property(x => x.WhyNl).HasMaxLength(300);
        b.Property(x => x.WhyEn).HasMaxLength(300);
        b.HasIndex(x => new { x.RevisionId, x.Direction, x.Position });
    }
}

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.WithName).HasMaxLength(200);
        b.Property(x => x.WithUserId).HasMaxLength(450);
        b.HasIndex(x => new { x.UserId, x.HeldOn });
        b.HasOne<KlimrekUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<KlimrekUser>().WithMany().HasForeignKey(x => x.WithUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<QuestionSetRevision>().WithMany().HasForeignKey(x => x.QuestionSetRevisionId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Answers).WithOne().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConversationAnswerConfiguration : IEntityTypeConfiguration<ConversationAnswer>
{
    public void Configure(EntityTypeBuilder<ConversationAnswer> b)
    {
        b.Property(x => x.QuestionKey).HasMaxLength(40);
        b.Property(x => x.Question).HasMaxLength(300);
        b.Property(x => x.Answer).HasMaxLength(4000);
    }
}

internal sealed class PersonDriverConfiguration : IEntityTypeConfiguration<PersonDriver>
{
    public void Configure(EntityTypeBuilder<PersonDriver> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Key).HasMaxLength(40);
        b.Property(x => x.OwnWords).HasMaxLength(300);
        b.HasIndex(x => x.UserId);
        b.HasOne<KlimrekUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ConversationAnswer>().WithMany().HasForeignKey(x => x.FromAnswerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class WorkThemeConfiguration : IEntityTypeConfiguration<WorkTheme>
{
    public void Configure(EntityTypeBuilder<WorkTheme> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Note).HasMaxLength(4000);
        b.HasIndex(x => x.UserId);
        b.HasOne<KlimrekUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ConversationAnswer>().WithMany().HasForeignKey(x => x.FromAnswerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ExperimentConfiguration : IEntityTypeConfiguration<Experiment>
{
    public void Configure(EntityTypeBuilder<Experiment> b)
    {
        b.Property(x => x.OwnerId).HasMaxLength(450);
        b.Property(x => x.Title).HasMaxLength(200);
        foreach (var p in new[] { nameof(Experiment.WhatAndWhy), nameof(Experiment.Question), nameof(Experiment.Activity), nameof(Experiment.Needs),
                     nameof(Experiment.FeedbackPlan), nameof(Experiment.Findings), nameof(Experiment.NextStep) })
            b.Property(p).HasMaxLength(4000);
        b.HasIndex(x => x.OwnerId);
        b.HasOne<KlimrekUser>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Experiment>().WithMany().HasForeignKey(x => x.PreviousId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<ConversationAnswer>().WithMany().HasForeignKey(x => x.FromAnswerId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.ExperimentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Drivers).WithOne().HasForeignKey(x => x.ExperimentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Skills).WithOne().HasForeignKey(x => x.ExperimentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.FeedbackMoments).WithOne().HasForeignKey(x => x.ExperimentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExperimentMemberConfiguration : IEntityTypeConfiguration<ExperimentMember>
{
    public void Configure(EntityTypeBuilder<ExperimentMember> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.HasIndex(x => new { x.ExperimentId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
        b.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExperimentDriverConfiguration : IEntityTypeConfiguration<ExperimentDriver>
{
    public void Configure(EntityTypeBuilder<ExperimentDriver> b)
    {
        b.HasKey(x => new { x.ExperimentId, x.Key });
        b.Property(x => x.Key).HasMaxLength(40);
    }
}

internal sealed class ExperimentSkillConfiguration : IEntityTypeConfiguration<ExperimentSkill>
{
    public void Configure(EntityTypeBuilder<ExperimentSkill> b)
    {
        b.HasKey(x => new { x.ExperimentId, x.SkillId });
        b.HasOne(x => x.Skill).WithMany().HasForeignKey(x => x.SkillId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FeedbackMomentConfiguration : IEntityTypeConfiguration<FeedbackMoment>
{
    public void Configure(EntityTypeBuilder<FeedbackMoment> b)
    {
        b.Property(x => x.Uid).HasMaxLength(100);
        b.HasIndex(x => x.Uid).IsUnique();
        b.Property(x => x.Location).HasMaxLength(200);
        b.Property(x => x.Notes).HasMaxLength(4000);
    }
}

internal sealed class CircleMemberConfiguration : IEntityTypeConfiguration<CircleMember>
{
    public void Configure(EntityTypeBuilder<CircleMember> b)
    {
        b.Property(x => x.OwnerId).HasMaxLength(450);
        b.Property(x => x.MemberUserId).HasMaxLength(450);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(256);
        b.HasIndex(x => x.OwnerId);
        b.HasIndex(x => x.MemberUserId);
        b.HasOne<KlimrekUser>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.MemberUser).WithMany().HasForeignKey(x => x.MemberUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SignalConfiguration : IEntityTypeConfiguration<Signal>
{
    public void Configure(EntityTypeBuilder<Signal> b)
    {
        b.Property(x => x.OwnerId).HasMaxLength(450);
        b.Property(x => x.Text).HasMaxLength(2000);
        b.HasIndex(x => new { x.OwnerId, x.SentAt });
        b.HasOne<KlimrekUser>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Experiment>().WithMany().HasForeignKey(x => x.ExperimentId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Recipients).WithOne(x => x.Signal).HasForeignKey(x => x.SignalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SignalRecipientConfiguration : IEntityTypeConfiguration<SignalRecipient>
{
    public void Configure(EntityTypeBuilder<SignalRecipient> b)
    {
        b.Property(x => x.RecipientUserId).HasMaxLength(450);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => x.RecipientUserId);
        b.Property(x => x.Answer).HasMaxLength(4000);
        b.HasOne(x => x.CircleMember).WithMany().HasForeignKey(x => x.CircleMemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<KlimrekUser>().WithMany().HasForeignKey(x => x.RecipientUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ReadinessCheckInConfiguration : IEntityTypeConfiguration<ReadinessCheckIn>
{
    public void Configure(EntityTypeBuilder<ReadinessCheckIn> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.Helped).HasMaxLength(2000);
        b.HasIndex(x => new { x.UserId, x.At });
        b.HasOne<KlimrekUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DevelopmentPlanConfiguration : IEntityTypeConfiguration<DevelopmentPlan>
{
    public void Configure(EntityTypeBuilder<DevelopmentPlan> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Ambition).HasMaxLength(4000);
        b.HasIndex(x => x.UserId);
        b.HasOne<KlimrekUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Skills).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Activities).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany<CycleConversation>().WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanSkillConfiguration : IEntityTypeConfiguration<PlanSkill>
{
    public void Configure(EntityTypeBuilder<PlanSkill> b)
    {
        b.HasIndex(x => new { x.PlanId, x.SkillId }).IsUnique();
        b.Property(x => x.Note).HasMaxLength(1000);
        b.HasOne(x => x.Skill).WithMany().HasForeignKey(x => x.SkillId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Occupation>().WithMany().HasForeignKey(x => x.TargetOccupationId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class LearningActivityConfiguration : IEntityTypeConfiguration<LearningActivity>
{
    public void Configure(EntityTypeBuilder<LearningActivity> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.Hours).HasPrecision(7, 2);
    }
}

internal sealed class CycleConversationConfiguration : IEntityTypeConfiguration<CycleConversation>
{
    public void Configure(EntityTypeBuilder<CycleConversation> b)
    {
        b.Property(x => x.Preparation).HasMaxLength(8000);
        b.Property(x => x.Notes).HasMaxLength(8000);
        b.HasMany(x => x.Agreements).WithOne().HasForeignKey(x => x.CycleConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CycleAgreementConfiguration : IEntityTypeConfiguration<CycleAgreement>
{
    public void Configure(EntityTypeBuilder<CycleAgreement> b) => b.Property(x => x.Text).HasMaxLength(1000);
}

internal sealed class WorkCommentConfiguration : IEntityTypeConfiguration<WorkComment>
{
    public void Configure(EntityTypeBuilder<WorkComment> b)
    {
        b.Property(x => x.OwnerId).HasMaxLength(450);
        b.Property(x => x.AuthorId).HasMaxLength(450);
        b.Property(x => x.ItemKind).HasMaxLength(20);
        b.Property(x => x.Text).HasMaxLength(2000);
        b.HasIndex(x => new { x.OwnerId, x.ItemKind, x.ItemId });
        b.HasOne<KlimrekUser>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<KlimrekUser>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.SetNull);
    }
}
