using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Klimrek.Data;

// Leercultuur: an organisation's learning-culture scan on six building blocks, and the SME coaching route
// (docs/leercultuur.md). Answers are anonymous by construction: a response carries its round, its unit and the day it
// was sent — no account, no address, no invitation, no time finer than the day — and its id is random, so neither a
// key nor an order joins it to the invitation whose link was used. HR and the steering group see aggregates of at
// least five respondents only.

/// <summary>The six building blocks of a learning culture (domain.md §M5), in their fixed order.</summary>
public enum ScanBlock
{
    InhoudVanWerk = 1,
    RuimteEnVeiligheid = 2,
    SamenwerkendLeren = 3,
    Leiderschap = 4,
    Organisatie = 5,
    ExterneOmgeving = 6,
}

/// <summary>
/// A statement on the 1–5 agreement scale (with "weet ik niet"); an open question per block (what helps, what
/// hinders); or a question on how learning happens now (the "onderstroom"), answered by picking options.
/// </summary>
public enum ScanItemKind { Stelling = 1, Open = 2, Onderstroom = 3 }

/// <summary>What someone does for an organisation in the scan: HR runs rounds, the steering group reads results.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<OrganisationRole>))]
public enum OrganisationRole { Hr = 1, Stuurgroep = 2 }

/// <summary>An account's role for one organisation in the scan (given by a beheerder, or by the organisation's HR).</summary>
public class OrganisationMember
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public required string UserId { get; set; }
    public KlimrekUser? User { get; set; }
    public OrganisationRole Role { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A department or team: the organisation's units form a tree (a unit without parent sits directly under the organisation).</summary>
public class OrgUnit
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int? ParentId { get; set; }
    public required string Name { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Removed units keep their place in earlier rounds' results; new rounds cannot use them.</summary>
    public DateTime? RemovedAt { get; set; }
}

/// <summary>
/// A numbered revision of the scan's questions. The beheerder writes a new revision to change them; a round keeps the
/// revision it was opened with; trends compare only items whose key and text (<see cref="ScanItem.Fingerprint"/>) are
/// the same in both revisions.
/// </summary>
public class ScanInstrument
{
    public int Id { get; set; }
    public int Number { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedById { get; set; }
    public string? Note { get; set; }
    public List<ScanItem> Items { get; set; } = [];
}

public class ScanItem
{
    public int Id { get; set; }
    public int InstrumentId { get; set; }
    /// <summary>Stable across revisions while the item asks the same (e.g. <c>b2.fouten</c>).</summary>
    public required string Key { get; set; }
    /// <summary>The building block (1–6); 0 for the onderstroom questions, which belong to no block.</summary>
    public int Block { get; set; }
    public ScanItemKind Kind { get; set; }
    public int Position { get; set; }
    public required string TextNl { get; set; }
    public required string TextEn { get; set; }
    /// <summary>
    /// Onderstroom only: the options, one per line as <c>key|Dutch|English</c>; <see cref="MultipleChoice"/> allows
    /// several. Empty for the other kinds.
    /// </summary>
    public string? Options { get; set; }
    public bool MultipleChoice { get; set; }
    /// <summary>A hash of kind and Dutch text (and options): equal fingerprints under one key mean an unchanged item.</summary>
    public required string Fingerprint { get; set; }
}

/// <summary>
/// One run of the scan in an organisation: its instrument revision, its period and its units. Respondents answer
/// through a personal invitation link or the round's open link (<see cref="OpenToken"/>, where they pick their unit).
/// </summary>
public class ScanRound : IVersioned
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public int InstrumentId { get; set; }
    public required string Title { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    /// <summary>Closed early by HR (otherwise the round closes after <see cref="ClosesOn"/>).</summary>
    public DateTime? ClosedAt { get; set; }
    /// <summary>The open link's secret; null when HR turned the open link off.</summary>
    public string? OpenToken { get; set; }
    public string? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Demo content (the <c>demo leercultuur</c> verb); shown as such.</summary>
    public bool IsDemo { get; set; }
    public int Version { get; set; }
    public List<ScanRoundUnit> Units { get; set; } = [];
}

/// <summary>A unit a round is held in (respondents of the open link pick one of these).</summary>
public class ScanRoundUnit
{
    public int RoundId { get; set; }
    public int UnitId { get; set; }
}

/// <summary>
/// A personal invitation: the address it was mailed to, the unit, and whether its link was used — a flag without a
/// time, stored apart from the answers, with nothing that joins the two. The address goes when the round is erased.
/// </summary>
public class ScanInvitation
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int? UnitId { get; set; }
    public required string Email { get; set; }
    public string Language { get; set; } = "nl";
    /// <summary>SHA-256 of the link's secret (hex): how an opened link finds its invitation.</summary>
    public required string TokenHash { get; set; }
    /// <summary>The secret, encrypted with the app's data-protection keys: only to put the same link in a reminder.</summary>
    public required string ProtectedToken { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Reminders { get; set; }
    public DateTime? LastMailedAt { get; set; }
    public bool Answered { get; set; }
}

/// <summary>
/// A half-finished answer, kept under the hash of the link's secret so the same link resumes it; deleted in the
/// transaction that stores the answer (which then carries no trace of the link).
/// </summary>
public class ScanDraft
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public required string KeyHash { get; set; }
    public int? UnitId { get; set; }
    public string Language { get; set; } = "nl";
    /// <summary>The answers given so far (JSON: item id → value, options or text).</summary>
    public required string Answers { get; set; }
    public DateOnly UpdatedOn { get; set; }
}

/// <summary>A submitted answer to a round: its unit and day only. Its id is random (not a sequence).</summary>
public class ScanResponse
{
    public Guid Id { get; set; }
    public int RoundId { get; set; }
    public int? UnitId { get; set; }
    public DateOnly SubmittedOn { get; set; }

    /// <summary>
    /// The statements' answers once more, packed for reading a whole round fast: one character per statement of the
    /// round's instrument in position order — '1'–'5', '0' for "weet ik niet", '-' for a statement left open
    /// (<see cref="ScanValues"/>). Written with <see cref="Answers"/> in the same save; the results read only this.
    /// </summary>
    public string Values { get; set; } = "";

    public List<ScanAnswer> Answers { get; set; } = [];
    public List<ScanOpenAnswer> OpenAnswers { get; set; } = [];
    public List<ScanChoice> Choices { get; set; } = [];
    public List<ScanBlockScore> BlockScores { get; set; } = [];
}

/// <summary>One statement's answer: 1–5, or null for "weet ik niet".</summary>
public class ScanAnswer
{
    public Guid ResponseId { get; set; }
    public int ItemId { get; set; }
    public byte? Value { get; set; }
}

public class ScanOpenAnswer
{
    public int Id { get; set; }
    public Guid ResponseId { get; set; }
    public int ItemId { get; set; }
    public required string Text { get; set; }
}

/// <summary>An option picked for an onderstroom question.</summary>
public class ScanChoice
{
    public Guid ResponseId { get; set; }
    public int ItemId { get; set; }
    public required string Option { get; set; }
}

/// <summary>
/// The respondent's score on a block (the mean of their answered statements), stored when the answer is sent when they
/// answered at least half of the block's statements: results and benchmarks aggregate these instead of every answer.
/// </summary>
public class ScanBlockScore
{
    public Guid ResponseId { get; set; }
    public int RoundId { get; set; }
    public int Block { get; set; }
    public double Score { get; set; }
}

/// <summary>The SME coaching route's phases, in order (seed 003): intake, plan of approach, scan, three coaching phases, second scan.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<CoachingPhase>))]
public enum CoachingPhase { Intake = 1, PlanVanAanpak = 2, Scan = 3, Voordoen = 4, SamenDoen = 5, Overdragen = 6, TweedeScan = 7, Afgerond = 8 }

/// <summary>An organisation's coaching route with its coach (a begeleider): about 120 hours over a year.</summary>
public class CoachingRoute : IVersioned
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string CoachId { get; set; }
    public KlimrekUser? Coach { get; set; }
    public DateOnly StartsOn { get; set; }
    public int PlannedHours { get; set; } = 120;
    public CoachingPhase Phase { get; set; } = CoachingPhase.Intake;
    public string? Intake { get; set; }
    public string? Plan { get; set; }
    public int? FirstRoundId { get; set; }
    public int? SecondRoundId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
    public List<CoachingLog> Logs { get; set; } = [];
}

/// <summary>Hours the coach spent in a phase, with a note (what was done; no personal data of employees).</summary>
public class CoachingLog
{
    public int Id { get; set; }
    public int RouteId { get; set; }
    public CoachingPhase Phase { get; set; }
    public DateOnly Date { get; set; }
    public double Hours { get; set; }
    public string? Note { get; set; }
    public required string CoachId { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class OrganisationMemberConfiguration : IEntityTypeConfiguration<OrganisationMember>
{
    public void Configure(EntityTypeBuilder<OrganisationMember> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.HasIndex(x => new { x.OrganisationId, x.UserId, x.Role }).IsUnique();
        b.HasIndex(x => x.UserId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasIndex(x => new { x.OrganisationId, x.ParentId });
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ScanInstrumentConfiguration : IEntityTypeConfiguration<ScanInstrument>
{
    public void Configure(EntityTypeBuilder<ScanInstrument> b)
    {
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.CreatedById).HasMaxLength(450);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.InstrumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScanItemConfiguration : IEntityTypeConfiguration<ScanItem>
{
    public void Configure(EntityTypeBuilder<ScanItem> b)
    {
        b.Property(x => x.Key).HasMaxLength(40);
        b.Property(x => x.TextNl).HasMaxLength(500);
        b.Property(x => x.TextEn).HasMaxLength(500);
        b.Property(x => x.Options).HasMaxLength(4000);
        b.Property(x => x.Fingerprint).HasMaxLength(64);
        b.HasIndex(x => new { x.InstrumentId, x.Key }).IsUnique();
    }
}

internal sealed class ScanRoundConfiguration : IEntityTypeConfiguration<ScanRound>
{
    public void Configure(EntityTypeBuilder<ScanRound> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.OpenToken).HasMaxLength(64);
        b.HasIndex(x => x.OpenToken).IsUnique();
        b.Property(x => x.CreatedById).HasMaxLength(450);
        b.HasIndex(x => new { x.OrganisationId, x.OpensOn });
        b.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ScanInstrument>().WithMany().HasForeignKey(x => x.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Units).WithOne().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScanRoundUnitConfiguration : IEntityTypeConfiguration<ScanRoundUnit>
{
    public void Configure(EntityTypeBuilder<ScanRoundUnit> b)
    {
        b.HasKey(x => new { x.RoundId, x.UnitId });
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ScanInvitationConfiguration : IEntityTypeConfiguration<ScanInvitation>
{
    public void Configure(EntityTypeBuilder<ScanInvitation> b)
    {
        b.Property(x => x.Email).HasMaxLength(256);
        b.Property(x => x.Language).HasMaxLength(8);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.Property(x => x.ProtectedToken).HasMaxLength(1000);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => new { x.RoundId, x.Email }).IsUnique();
        b.HasOne<ScanRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ScanDraftConfiguration : IEntityTypeConfiguration<ScanDraft>
{
    public void Configure(EntityTypeBuilder<ScanDraft> b)
    {
        b.Property(x => x.KeyHash).HasMaxLength(64);
        b.HasIndex(x => x.KeyHash).IsUnique();
        b.Property(x => x.Language).HasMaxLength(8);
        b.Property(x => x.Answers).HasMaxLength(100_000);
        b.HasOne<ScanRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScanResponseConfiguration : IEntityTypeConfiguration<ScanResponse>
{
    public void Configure(EntityTypeBuilder<ScanResponse> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Values).HasMaxLength(ScanValues.MaxStatements);
        b.HasIndex(x => new { x.RoundId, x.UnitId });
        b.HasOne<ScanRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Answers).WithOne().HasForeignKey(x => x.ResponseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.OpenAnswers).WithOne().HasForeignKey(x => x.ResponseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Choices).WithOne().HasForeignKey(x => x.ResponseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.BlockScores).WithOne().HasForeignKey(x => x.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScanAnswerConfiguration : IEntityTypeConfiguration<ScanAnswer>
{
    public void Configure(EntityTypeBuilder<ScanAnswer> b)
    {
        b.HasKey(x => new { x.ResponseId, x.ItemId });
        b.HasOne<ScanItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ScanOpenAnswerConfiguration : IEntityTypeConfiguration<ScanOpenAnswer>
{
    public void Configure(EntityTypeBuilder<ScanOpenAnswer> b)
    {
        b.Property(x => x.Text).HasMaxLength(2000);
        b.HasIndex(x => new { x.ResponseId, x.ItemId }).IsUnique();
        b.HasOne<ScanItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ScanChoiceConfiguration : IEntityTypeConfiguration<ScanChoice>
{
    public void Configure(EntityTypeBuilder<ScanChoice> b)
    {
        b.Property(x => x.Option).HasMaxLength(40);
        b.HasKey(x => new { x.ResponseId, x.ItemId, x.Option });
        b.HasOne<ScanItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ScanBlockScoreConfiguration : IEntityTypeConfiguration<ScanBlockScore>
{
    public void Configure(EntityTypeBuilder<ScanBlockScore> b)
    {
        b.HasKey(x => new { x.ResponseId, x.Block });
        // Results and benchmarks read a round's scores per block: the index covers them.
        b.HasIndex(x => new { x.RoundId, x.Block, x.Score });
    }
}

internal sealed class CoachingRouteConfiguration : IEntityTypeConfiguration<CoachingRoute>
{
    public void Configure(EntityTypeBuilder<CoachingRoute> b)
    {
        b.Property(x => x.CoachId).HasMaxLength(450);
        b.Property(x => x.Intake).HasMaxLength(8000);
        b.Property(x => x.Plan).HasMaxLength(8000);
        b.HasIndex(x => x.OrganisationId);
        b.HasIndex(x => x.CoachId);
        b.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Coach).WithMany().HasForeignKey(x => x.CoachId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ScanRound>().WithMany().HasForeignKey(x => x.FirstRoundId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<ScanRound>().WithMany().HasForeignKey(x => x.SecondRoundId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Logs).WithOne().HasForeignKey(x => x.RouteId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CoachingLogConfiguration : IEntityTypeConfiguration<CoachingLog>
{
    public void Configure(EntityTypeBuilder<CoachingLog> b)
    {
        b.Property(x => x.CoachId).HasMaxLength(450);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.HasIndex(x => new { x.RouteId, x.Date });
    }
}

/// <summary>
/// The packed form of a response's statement answers (<see cref="ScanResponse.Values"/>): one character per statement in
/// the instrument's position order.
/// </summary>
public static class ScanValues
{
    /// <summary>The most statements an instrument revision may hold (the column's width).</summary>
    public const int MaxStatements = 200;

    public const char DontKnow = '0';
    public const char Open = '-';

    /// <summary>
    /// Packs a response's <paramref name="answers"/> (null = "weet ik niet"; a statement without one = left open) in the
    /// position order of the statements among the instrument's <paramref name="items"/>.
    /// </summary>
    public static string Of(IEnumerable<ScanItem> items, IEnumerable<ScanAnswer> answers)
    {
        var given = answers.ToDictionary(a => a.ItemId, a => a.Value);
        var statements = items.Where(i => i.Kind == ScanItemKind.Stelling).OrderBy(i => i.Position).ToList();
        var chars = new char[statements.Count];
        for (int i = 0; i < chars.Length; i++)
            chars[i] = !given.TryGetValue(statements[i].Id, out var v) ? Open : v is >= 1 and <= 5 ? (char)('0' + v.Value) : DontKnow;
        return new string(chars);
    }

    /// <summary>The value of one character: 1–5, or null for "weet ik niet", left open or anything else.</summary>
    public static int? Value(char c) => c is >= '1' and <= '5' ? c - '0' : null;
}
