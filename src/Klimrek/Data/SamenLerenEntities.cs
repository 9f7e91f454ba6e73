using Klimrek.Core.SamenLeren;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Klimrek.Data;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ProgrammeStatus>))]
public enum ProgrammeStatus { Intake = 1, Running = 2, Closed = 3 }

/// <summary>A "samen leren" programme: duos of equal partners learning together, run by a steering group.</summary>
public class Programme : IVersioned
{
    public int Id { get; set; }
    public int Version { get; set; }
    public int? OrganisationId { get; set; }
    /// <summary>What the steering group sets; replaced whole when changed.</summary>
    public ProgrammeSettings Settings { get; set; } = new();
    public ProgrammeStatus Status { get; set; } = ProgrammeStatus.Intake;
    public required string CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<ProgrammeSteward> Stewards { get; set; } = [];
    public List<Participant> Participants { get; set; } = [];
}

/// <summary>
/// A programme's settings, one shape for the stored programme (a complex type in the programme's own columns), the
/// settings form, and the API's input and view. The defaults here are the defaults everywhere.
/// </summary>
public sealed record ProgrammeSettings
{
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public DateOnly StartDate { get; init; }
    public DateOnly EndDate { get; init; }
    public int HoursPerParticipant { get; init; } = 75;
    public decimal ExpertBudgetPerDuo { get; init; } = 1000m;
    public int ReflectionCadenceWeeks { get; init; } = 6;
    public int IntervisionSessionCount { get; init; } = 3;
    /// <summary>The monitoring signal: a duo that has not met for this many weeks is flagged.</summary>
    public int NotMetWeeks { get; init; } = 3;
    public MatchWeights Weights { get; init; } = new();
    public bool AvoidSameTeam { get; init; }
    public bool TrioForOdd { get; init; } = true;
    /// <summary>
    /// The information pack participants read on joining (what a duo gets, what is expected, the rhythm), written by
    /// the steering group; null: the default text built from these settings' own figures.
    /// </summary>
    public string? InformationPack { get; init; }
}

/// <summary>A member of the programme's steering group (stuurgroep).</summary>
public class ProgrammeSteward
{
    public int ProgrammeId { get; set; }
    public required string UserId { get; set; }
}

/// <summary>A person taking part, with their intake.</summary>
public class Participant : IVersioned
{
    public int Id { get; set; }
    /// <summary>The intake's version (optimistic concurrency).</summary>
    public int Version { get; set; }
    public int ProgrammeId { get; set; }
    public required string UserId { get; set; }
    public KlimrekUser? User { get; set; }
    public string? Department { get; set; }
    public string? Team { get; set; }
    public string? Discipline { get; set; }
    /// <summary>This person's manager, when the manager takes part too: never matched together.</summary>
    public int? ManagerParticipantId { get; set; }
    /// <summary>Weekly availability: bit day*2+part (day 0 = Monday … 4 = Friday; part 0 = morning, 1 = afternoon).</summary>
    public int Availability { get; set; }
    public DateTime EnrolledAt { get; set; }
    public DateTime? IntakeCompletedAt { get; set; }
    /// <summary>Why the last matching left this person without a duo (null: in a duo or not matched yet).</summary>
    public string? UnmatchedReason { get; set; }
    public List<IntakeTerm> Terms { get; set; } = [];
}

public enum TermKind { Brings = 1, Develops = 2, Quality = 3, Affinity = 4 }

/// <summary>One intake entry: an ESCO skill (<see cref="SkillId"/>) or a free term; <see cref="Key"/> decides equality.</summary>
public class IntakeTerm
{
    public int Id { get; set; }
    public int ParticipantId { get; set; }
    public TermKind Kind { get; set; }
    public int? SkillId { get; set; }
    public required string Label { get; set; }
    public required string Key { get; set; }
}

public enum PairRuleKind { Fixed = 1, Forbidden = 2 }

/// <summary>The steering group's decision about two participants, honoured by every matching run.</summary>
public class PairRule
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public int ParticipantAId { get; set; }
    public int ParticipantBId { get; set; }
    public PairRuleKind Kind { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>One run of the matcher (kept for the record; the newest run's duos are current).</summary>
public class MatchRun
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public DateTime RunAt { get; set; }
    public required string RunById { get; set; }
    public int Participants { get; set; }
    public int Groups { get; set; }
    public int Unmatched { get; set; }
    public double TotalScore { get; set; }
    public int CandidateEdges { get; set; }
    public int PricingRounds { get; set; }
    public long Milliseconds { get; set; }
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<DuoStatus>))]
public enum DuoStatus { Proposed = 1, Active = 2, Dissolved = 3 }

/// <summary>A duo (or trio) of equal partners.</summary>
public class Duo
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public int MatchRunId { get; set; }
    public double Score { get; set; }
    public bool Fixed { get; set; }
    /// <summary>The score breakdown per pair, as JSON (labels resolved at matching time).</summary>
    public required string Explanation { get; set; }
    public DuoStatus Status { get; set; } = DuoStatus.Proposed;
    public DateTime CreatedAt { get; set; }
    public List<DuoMember> Members { get; set; } = [];
    public DuoPlan? Plan { get; set; }
    public List<Meeting> Meetings { get; set; } = [];
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<MemberResponse>))]
public enum MemberResponse { Pending = 0, Accepted = 1, ChangeRequested = 2 }

public class DuoMember
{
    public int DuoId { get; set; }
    public int ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public MemberResponse Response { get; set; }
    public string? ResponseNote { get; set; }
    public DateTime? RespondedAt { get; set; }
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<PlanStatus>))]
public enum PlanStatus { Draft = 1, Submitted = 2, Approved = 3, Returned = 4 }

/// <summary>The duo's plan of approach: what, to what end, which product, and when they meet.</summary>
public class DuoPlan : IVersioned
{
    public int DuoId { get; set; }
    public int Version { get; set; }
    public string Topic { get; set; } = "";
    public string Goal { get; set; } = "";
    public string Product { get; set; } = "";
    public string MeetingMoments { get; set; } = "";
    public PlanStatus Status { get; set; } = PlanStatus.Draft;
    public string? ReviewComment { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewedById { get; set; }
}

/// <summary>A scheduled duo meeting; times in UTC. <see cref="Sequence"/> rises with each change (iCalendar SEQUENCE).</summary>
public class Meeting
{
    public int Id { get; set; }
    public int DuoId { get; set; }
    public required string Uid { get; set; }
    public DateTime StartsAt { get; set; }
    public int DurationMinutes { get; set; }
    public string? Location { get; set; }
    public bool Cancelled { get; set; }
    /// <summary>After the meeting: true = it took place, false = it did not, null = nobody said (counts as held).</summary>
    public bool? Held { get; set; }
    public int Sequence { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>A meeting counts as held once it has started, unless it was cancelled or a member said it did not take place.</summary>
    public bool CountsAsHeld(DateTime now) => !Cancelled && StartsAt <= now && Held != false;
}

public class HourEntry
{
    public int Id { get; set; }
    public int ParticipantId { get; set; }
    public int DuoId { get; set; }
    public DateOnly Date { get; set; }
    public decimal Hours { get; set; }
    public required string Activity { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>Spending of the duo's own external-expertise budget.</summary>
public class ExpertExpense
{
    public int Id { get; set; }
    public int DuoId { get; set; }
    public int EnteredByParticipantId { get; set; }
    public DateOnly Date { get; set; }
    public decimal Amount { get; set; }
    public required string Description { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A duo member's reflection for one period of the cadence (period 1 is due one cadence after the start).</summary>
public class Reflection
{
    public int Id { get; set; }
    public int DuoId { get; set; }
    public int AuthorParticipantId { get; set; }
    public int Period { get; set; }
    public required string WentWell { get; set; }
    public required string BuildOn { get; set; }
    public string? Difficult { get; set; }
    public required string NextStep { get; set; }
    /// <summary>Success and failure factors, newline-separated keys.</summary>
    public string? Tags { get; set; }
    /// <summary>
    /// The author shares this reflection (text and factors) with the steering group. Off by default: the steering group
    /// otherwise sees only that it was written, and when.
    /// </summary>
    public bool SharedWithSteeringGroup { get; set; }
    public DateTime SubmittedAt { get; set; }
}

public class IntervisionSession
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public int Number { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>The start time (Dutch time); null for sessions planned before sessions had a time.</summary>
    public TimeOnly? StartTime { get; set; }
    public int DurationMinutes { get; set; } = 120;
    [System.ComponentModel.DataAnnotations.MaxLength(300)]
    public string? Location { get; set; }
    /// <summary>The iCalendar identity of the session, so calendars update it when it moves.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(100)]
    public string? Uid { get; set; }
    public int Sequence { get; set; }
    public DateTime? UpdatedAt { get; set; }
    public int? ReporterParticipantId { get; set; }
    public string? Problems { get; set; }
    public string? Discussed { get; set; }
    public string? LearningPoints { get; set; }
    public bool AppreciativeInquiry { get; set; }
    public string? Tags { get; set; }
    public DateTime? ReportedAt { get; set; }
    public List<IntervisionAttendee> Attendees { get; set; } = [];
}

public class IntervisionAttendee
{
    public int SessionId { get; set; }
    public int ParticipantId { get; set; }
}

/// <summary>A participant's final evaluation.</summary>
public class Evaluation
{
    public int ParticipantId { get; set; }
    public required string Motivation { get; set; }
    public required string WhyDuo { get; set; }
    public required string Goals { get; set; }
    public required string Results { get; set; }
    public string? Product { get; set; }
    /// <summary>1 (not at all) … 5 (fully): how far the goals were reached.</summary>
    public int GoalsReached { get; set; }
    public string? Tags { get; set; }
    /// <summary>
    /// The participant shares this evaluation, with their name, with the steering group. Off by default: the steering
    /// group otherwise sees it only inside totals over at least five people.
    /// </summary>
    public bool SharedWithSteeringGroup { get; set; }
    public DateTime SubmittedAt { get; set; }
}

internal sealed class SamenLerenConfiguration :
    IEntityTypeConfiguration<Programme>, IEntityTypeConfiguration<ProgrammeSteward>, IEntityTypeConfiguration<Participant>,
    IEntityTypeConfiguration<IntakeTerm>, IEntityTypeConfiguration<PairRule>, IEntityTypeConfiguration<MatchRun>,
    IEntityTypeConfiguration<Duo>, IEntityTypeConfiguration<DuoMember>, IEntityTypeConfiguration<DuoPlan>,
    IEntityTypeConfiguration<Meeting>, IEntityTypeConfiguration<HourEntry>, IEntityTypeConfiguration<ExpertExpense>,
    IEntityTypeConfiguration<Reflection>, IEntityTypeConfiguration<IntervisionSession>, IEntityTypeConfiguration<IntervisionAttendee>,
    IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Programme> b)
    {
        // The settings keep the columns they had before they became one record.
        b.ComplexProperty(x => x.Settings, s =>
        {
            s.Property(x => x.Name).HasColumnName("Name").HasMaxLength(200);
            s.Property(x => x.Description).HasColumnName("Description").HasMaxLength(4000);
            s.Property(x => x.StartDate).HasColumnName("StartDate");
            s.Property(x => x.EndDate).HasColumnName("EndDate");
            s.Property(x => x.HoursPerParticipant).HasColumnName("HoursPerParticipant");
            s.Property(x => x.ExpertBudgetPerDuo).HasColumnName("ExpertBudgetPerDuo").HasPrecision(12, 2);
            s.Property(x => x.ReflectionCadenceWeeks).HasColumnName("ReflectionCadenceWeeks");
            s.Property(x => x.IntervisionSessionCount).HasColumnName("IntervisionSessionCount");
            s.Property(x => x.NotMetWeeks).HasColumnName("NotMetWeeks");
            s.Property(x => x.AvoidSameTeam).HasColumnName("AvoidSameTeam");
            s.Property(x => x.TrioForOdd).HasColumnName("TrioForOdd");
            s.Property(x => x.InformationPack).HasColumnName("InformationPack").HasMaxLength(4000);
            s.ComplexProperty(x => x.Weights, w =>
            {
                w.Property(x => x.Complementarity).HasColumnName("WeightComplementarity");
                w.Property(x => x.Qualities).HasColumnName("WeightQualities");
                w.Property(x => x.Affinity).HasColumnName("WeightAffinity");
                w.Property(x => x.Availability).HasColumnName("WeightAvailability");
                w.Property(x => x.CrossDepartment).HasColumnName("WeightCrossDepartment");
            });
        });
        b.Property(x => x.CreatedById).HasMaxLength(450);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Stewards).WithOne().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Participants).WithOne().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ProgrammeSteward> b)
    {
        b.HasKey(x => new { x.ProgrammeId, x.UserId });
        b.Property(x => x.UserId).HasMaxLength(450);
        b.HasOne<KlimrekUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Participant> b)
    {
        b.HasIndex(x => new { x.ProgrammeId, x.UserId }).IsUnique();
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Department).HasMaxLength(200);
        b.Property(x => x.Team).HasMaxLength(200);
        b.Property(x => x.Discipline).HasMaxLength(200);
        b.Property(x => x.UnmatchedReason).HasMaxLength(500);
        b.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Participant>().WithMany().HasForeignKey(x => x.ManagerParticipantId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Terms).WithOne().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<IntakeTerm> b)
    {
        b.Property(x => x.Label).HasMaxLength(300);
        b.Property(x => x.Key).HasMaxLength(320);
        b.HasIndex(x => new { x.ParticipantId, x.Kind, x.Key }).IsUnique();
        b.HasOne<Skill>().WithMany().HasForeignKey(x => x.SkillId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<PairRule> b)
    {
        b.HasIndex(x => new { x.ProgrammeId, x.ParticipantAId, x.ParticipantBId }).IsUnique();
        b.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantAId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantBId).OnDelete(DeleteBehavior.NoAction);
    }

    public void Configure(EntityTypeBuilder<MatchRun> b)
    {
        b.Property(x => x.RunById).HasMaxLength(450);
        b.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Duo> b)
    {
        b.HasIndex(x => x.ProgrammeId);
        b.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<MatchRun>().WithMany().HasForeignKey(x => x.MatchRunId).OnDelete(DeleteBehavior.NoAction);
        b.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.DuoId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Plan).WithOne().HasForeignKey<DuoPlan>(x => x.DuoId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Meetings).WithOne().HasForeignKey(x => x.DuoId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DuoMember> b)
    {
        b.HasKey(x => new { x.DuoId, x.ParticipantId });
        b.Property(x => x.ResponseNote).HasMaxLength(2000);
        b.HasOne(x => x.Participant).WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DuoPlan> b)
    {
        b.HasKey(x => x.DuoId);
        b.Property(x => x.Topic).HasMaxLength(500);
        b.Property(x => x.Goal).HasMaxLength(4000);
        b.Property(x => x.Product).HasMaxLength(2000);
        b.Property(x => x.MeetingMoments).HasMaxLength(2000);
        b.Property(x => x.ReviewComment).HasMaxLength(4000);
        b.Property(x => x.ReviewedById).HasMaxLength(450);
    }

    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.Property(x => x.Uid).HasMaxLength(100);
        b.Property(x => x.Location).HasMaxLength(300);
        b.HasIndex(x => x.Uid).IsUnique();
    }

    public void Configure(EntityTypeBuilder<HourEntry> b)
    {
        b.Property(x => x.Activity).HasMaxLength(500);
        b.Property(x => x.Hours).HasPrecision(6, 2);
        b.HasIndex(x => x.ParticipantId);
        b.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Duo>().WithMany().HasForeignKey(x => x.DuoId).OnDelete(DeleteBehavior.NoAction);
    }

    public void Configure(EntityTypeBuilder<ExpertExpense> b)
    {
        b.Property(x => x.Description).HasMaxLength(500);
        b.Property(x => x.Amount).HasPrecision(12, 2);
        b.HasIndex(x => x.DuoId);
        b.HasOne<Duo>().WithMany().HasForeignKey(x => x.DuoId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Participant>().WithMany().HasForeignKey(x => x.EnteredByParticipantId).OnDelete(DeleteBehavior.NoAction);
    }

    public void Configure(EntityTypeBuilder<Reflection> b)
    {
        b.Property(x => x.WentWell).HasMaxLength(8000);
        b.Property(x => x.BuildOn).HasMaxLength(8000);
        b.Property(x => x.Difficult).HasMaxLength(8000);
        b.Property(x => x.NextStep).HasMaxLength(8000);
        b.Property(x => x.Tags).HasMaxLength(1000);
        b.HasIndex(x => new { x.DuoId, x.AuthorParticipantId, x.Period }).IsUnique();
        b.HasOne<Duo>().WithMany().HasForeignKey(x => x.DuoId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Participant>().WithMany().HasForeignKey(x => x.AuthorParticipantId).OnDelete(DeleteBehavior.NoAction);
    }

    public void Configure(EntityTypeBuilder<IntervisionSession> b)
    {
        b.HasIndex(x => new { x.ProgrammeId, x.Number }).IsUnique();
        b.Property(x => x.Problems).HasMaxLength(8000);
        b.Property(x => x.Discussed).HasMaxLength(8000);
        b.Property(x => x.LearningPoints).HasMaxLength(8000);
        b.Property(x => x.Tags).HasMaxLength(1000);
        b.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Participant>().WithMany().HasForeignKey(x => x.ReporterParticipantId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Attendees).WithOne().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<IntervisionAttendee> b)
    {
        b.HasKey(x => new { x.SessionId, x.ParticipantId });
        b.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.NoAction);
    }

    public void Configure(EntityTypeBuilder<Evaluation> b)
    {
        b.HasKey(x => x.ParticipantId);
        b.Property(x => x.Motivation).HasMaxLength(8000);
        b.Property(x => x.WhyDuo).HasMaxLength(8000);
        b.Property(x => x.Goals).HasMaxLength(8000);
        b.Property(x => x.Results).HasMaxLength(8000);
        b.Property(x => x.Product).HasMaxLength(4000);
        b.Property(x => x.Tags).HasMaxLength(1000);
        b.HasOne<Participant>().WithOne().HasForeignKey<Evaluation>(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}
