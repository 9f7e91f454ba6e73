using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Klimrek.Data;

/// <summary>What shows that a person has a skill.</summary>
public enum EvidenceKind { Diploma = 1, Certificaat = 2, Werkervaring = 3, Werkgeversverklaring = 4, Zelfbeoordeling = 5 }

/// <summary>How heavily the evidence weighs, from light (self-assessed) to heavy (a diploma or assessment).</summary>
public enum ValidationStrength { Licht = 1, Middel = 2, Zwaar = 3 }

/// <summary>
/// A person's skills profile ("skills paspoort"). It belongs to the person: private by default, readable by a
/// begeleider only through a <see cref="ProfileShare"/> the person made.
/// </summary>
public class SkillProfile
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    /// <summary>Region for labour-market fit (as named in the imported indicators).</summary>
    public string? Region { get; set; }
    /// <summary>Sectors of interest, newline-separated keys.</summary>
    public string? InterestSectors { get; set; }
    /// <summary>Weight of labour-market fit against personal fit, 0..100 (the person chooses).</summary>
    public int MarketWeight { get; set; } = 30;
    public DateTime UpdatedAt { get; set; }
    public List<ProfileOccupation> Occupations { get; set; } = [];
    public List<ProfileSkill> Skills { get; set; } = [];
    public List<ProfileShare> Shares { get; set; } = [];
}

public class ProfileOccupation
{
    public int Id { get; set; }
    public int ProfileId { get; set; }
    public int OccupationId { get; set; }
    public Occupation? Occupation { get; set; }
    public int? FromYear { get; set; }
    public int? ToYear { get; set; }
    public DateTime AddedAt { get; set; }
}

public class ProfileSkill : IVersioned
{
    public int Id { get; set; }
    public int Version { get; set; }
    public int ProfileId { get; set; }
    public int SkillId { get; set; }
    public Skill? Skill { get; set; }
    public EvidenceKind Evidence { get; set; }
    public ValidationStrength Validation { get; set; }
    public string? Note { get; set; }
    /// <summary>The held occupation that proposed this skill; null when added by hand.</summary>
    public int? SourceOccupationId { get; set; }
    public DateTime AddedAt { get; set; }
}

/// <summary>The person shares the profile with one begeleider (until withdrawn).</summary>
public class ProfileShare
{
    public int ProfileId { get; set; }
    public required string BegeleiderId { get; set; }
    public DateTime SharedAt { get; set; }
    /// <summary>When the person allowed a career-guidance conversation with this begeleider (notes and agreements kept in Klimrek); null: not (yet).</summary>
    public DateTime? ConversationAllowedAt { get; set; }
}

/// <summary>One imported labour-market indicator: tension for an ISCO group in a region.</summary>
public class LabourMarketIndicator
{
    public int Id { get; set; }
    public required string IscoCode { get; set; }
    public required string Region { get; set; }
    /// <summary>0 = very many jobseekers per vacancy … 1 = very many vacancies per jobseeker.</summary>
    public double Value { get; set; }
    public int ImportId { get; set; }
}

public class LabourMarketImport
{
    public int Id { get; set; }
    public DateTime ImportedAt { get; set; }
    public required string ImportedBy { get; set; }
    public required string Source { get; set; }
    public int Rows { get; set; }
}

internal sealed class SkillProfileConfiguration : IEntityTypeConfiguration<SkillProfile>
{
    public void Configure(EntityTypeBuilder<SkillProfile> b)
    {
        b.HasIndex(x => x.UserId).IsUnique();
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Region).HasMaxLength(100);
        b.Property(x => x.InterestSectors).HasMaxLength(1000);
        b.HasOne<KlimrekUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Occupations).WithOne().HasForeignKey(x => x.ProfileId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Skills).WithOne().HasForeignKey(x => x.ProfileId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Shares).WithOne().HasForeignKey(x => x.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProfileOccupationConfiguration : IEntityTypeConfiguration<ProfileOccupation>
{
    public void Configure(EntityTypeBuilder<ProfileOccupation> b)
    {
        b.HasIndex(x => new { x.ProfileId, x.OccupationId }).IsUnique();
        b.HasOne(x => x.Occupation).WithMany().HasForeignKey(x => x.OccupationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProfileSkillConfiguration : IEntityTypeConfiguration<ProfileSkill>
{
    public void Configure(EntityTypeBuilder<ProfileSkill> b)
    {
        b.HasIndex(x => new { x.ProfileId, x.SkillId }).IsUnique();
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasOne(x => x.Skill).WithMany().HasForeignKey(x => x.SkillId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Occupation>().WithMany().HasForeignKey(x => x.SourceOccupationId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ProfileShareConfiguration : IEntityTypeConfiguration<ProfileShare>
{
    public void Configure(EntityTypeBuilder<ProfileShare> b)
    {
        b.HasKey(x => new { x.ProfileId, x.BegeleiderId });
        b.Property(x => x.BegeleiderId).HasMaxLength(450);
        b.HasOne<KlimrekUser>().WithMany().HasForeignKey(x => x.BegeleiderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LabourMarketIndicatorConfiguration : IEntityTypeConfiguration<LabourMarketIndicator>
{
    public void Configure(EntityTypeBuilder<LabourMarketIndicator> b)
    {
        b.Property(x => x.IscoCode).HasMaxLength(10);
        b.Property(x => x.Region).HasMaxLength(100);
        b.HasIndex(x => new { x.IscoCode, x.Region }).IsUnique();
        b.HasOne<LabourMarketImport>().WithMany().HasForeignKey(x => x.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LabourMarketImportConfiguration : IEntityTypeConfiguration<LabourMarketImport>
{
    public void Configure(EntityTypeBuilder<LabourMarketImport> b)
    {
        b.Property(x => x.ImportedBy).HasMaxLength(200);
        b.Property(x => x.Source).HasMaxLength(300);
    }
}
