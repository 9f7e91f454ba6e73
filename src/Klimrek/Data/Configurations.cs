using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Klimrek.Data;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasIndex(x => x.Name).IsUnique();
        b.Property(x => x.Sector).HasMaxLength(40);
        b.Property(x => x.Region).HasMaxLength(40);
        b.HasIndex(x => new { x.Sector, x.Region });
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<KlimrekUser>
{
    public void Configure(EntityTypeBuilder<KlimrekUser> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(200);
        b.Property(x => x.Language).HasMaxLength(8);
        b.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class IscoGroupConfiguration : IEntityTypeConfiguration<IscoGroup>
{
    public void Configure(EntityTypeBuilder<IscoGroup> b)
    {
        b.Property(x => x.Uri).HasMaxLength(300);
        b.Property(x => x.Code).HasMaxLength(20);
        b.HasIndex(x => x.Uri).IsUnique();
        b.HasIndex(x => x.Code);
        b.HasMany(x => x.Texts).WithOne().HasForeignKey(x => x.IscoGroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OccupationConfiguration : IEntityTypeConfiguration<Occupation>
{
    public void Configure(EntityTypeBuilder<Occupation> b)
    {
        b.Property(x => x.Uri).HasMaxLength(300);
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.IscoCode).HasMaxLength(10);
        b.Property(x => x.ModifiedDate).HasMaxLength(40);
        b.HasIndex(x => x.Uri).IsUnique();
        b.HasIndex(x => x.BroaderOccupationId);
        b.HasOne(x => x.IscoGroup).WithMany().HasForeignKey(x => x.IscoGroupId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Occupation>().WithMany().HasForeignKey(x => x.BroaderOccupationId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Texts).WithOne().HasForeignKey(x => x.OccupationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Skills).WithOne().HasForeignKey(x => x.OccupationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SkillConfiguration : IEntityTypeConfiguration<Skill>
{
    public void Configure(EntityTypeBuilder<Skill> b)
    {
        b.Property(x => x.Uri).HasMaxLength(300);
        b.Property(x => x.SkillType).HasMaxLength(40);
        b.Property(x => x.ReuseLevel).HasMaxLength(40);
        b.Property(x => x.Code).HasMaxLength(40);
        b.HasIndex(x => x.Uri).IsUnique();
        b.HasMany(x => x.Texts).WithOne().HasForeignKey(x => x.SkillId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OccupationTextConfiguration : IEntityTypeConfiguration<OccupationText>
{
    public void Configure(EntityTypeBuilder<OccupationText> b)
    {
        ConceptTextConfig.Apply(b);
        b.HasIndex(x => new { x.OccupationId, x.Language }).IsUnique();
    }
}

internal sealed class SkillTextConfiguration : IEntityTypeConfiguration<SkillText>
{
    public void Configure(EntityTypeBuilder<SkillText> b)
    {
        ConceptTextConfig.Apply(b);
        b.HasIndex(x => new { x.SkillId, x.Language }).IsUnique();
    }
}

internal sealed class IscoGroupTextConfiguration : IEntityTypeConfiguration<IscoGroupText>
{
    public void Configure(EntityTypeBuilder<IscoGroupText> b)
    {
        ConceptTextConfig.Apply(b);
        b.HasIndex(x => new { x.IscoGroupId, x.Language }).IsUnique();
    }
}

internal static class ConceptTextConfig
{
    public static void Apply<T>(EntityTypeBuilder<T> b) where T : ConceptText
    {
        b.Property(x => x.Language).HasMaxLength(10);
        b.Property(x => x.PreferredLabel).HasMaxLength(500);
        b.Ignore(x => x.AltLabelList);
        b.Ignore(x => x.HiddenLabelList);
    }
}

internal sealed class OccupationSkillConfiguration : IEntityTypeConfiguration<OccupationSkill>
{
    public void Configure(EntityTypeBuilder<OccupationSkill> b)
    {
        b.HasKey(x => new { x.OccupationId, x.SkillId });
        b.HasIndex(x => x.SkillId);
        b.HasOne(x => x.Skill).WithMany().HasForeignKey(x => x.SkillId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SkillBroaderConfiguration : IEntityTypeConfiguration<SkillBroader>
{
    public void Configure(EntityTypeBuilder<SkillBroader> b)
    {
        b.HasKey(x => new { x.SkillId, x.BroaderSkillId });
        b.HasIndex(x => x.BroaderSkillId);
        b.HasOne<Skill>().WithMany().HasForeignKey(x => x.SkillId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Skill>().WithMany().HasForeignKey(x => x.BroaderSkillId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SkillRelationConfiguration : IEntityTypeConfiguration<SkillRelation>
{
    public void Configure(EntityTypeBuilder<SkillRelation> b)
    {
        b.HasKey(x => new { x.SkillId, x.RelatedSkillId });
        b.HasIndex(x => x.RelatedSkillId);
        b.HasOne<Skill>().WithMany().HasForeignKey(x => x.SkillId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Skill>().WithMany().HasForeignKey(x => x.RelatedSkillId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EscoImportConfiguration : IEntityTypeConfiguration<EscoImport>
{
    public void Configure(EntityTypeBuilder<EscoImport> b)
    {
        b.Property(x => x.Source).HasMaxLength(1000);
        b.Property(x => x.Languages).HasMaxLength(200);
    }
}

internal sealed class ImageRevisionConfiguration : IEntityTypeConfiguration<ImageRevision>
{
    public void Configure(EntityTypeBuilder<ImageRevision> b)
    {
        // The table keeps the name it had before the beroepsbeeld was called an image in code (docs/glossary.md).
        b.ToTable("ProfileRevisions");
        b.Property(x => x.Section).HasMaxLength(40);
        b.Property(x => x.AuthorName).HasMaxLength(200);
        b.Property(x => x.Note).HasMaxLength(500);
        // The unique version per section is what makes two concurrent edits conflict instead of overwrite.
        b.HasIndex(x => new { x.OccupationId, x.Section, x.Version }).IsUnique();
        b.HasOne<Occupation>().WithMany().HasForeignKey(x => x.OccupationId).OnDelete(DeleteBehavior.Cascade);
    }
}
