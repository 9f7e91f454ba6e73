using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Klimrek.Data;

/// <summary>
/// One version of a curator's correction of Klimrek's own Dutch name of an ESCO skill (label and search synonyms).
/// Append-only like <see cref="ImageRevision"/>: the newest version per skill is the correction in force. Kept by the
/// skill's URI, not its id, so a new ESCO import (which may renumber) keeps every correction; an official Dutch label
/// from ESCO still wins over it.
/// </summary>
public class SkillLabelRevision
{
    public long Id { get; set; }
    public required string SkillUri { get; set; }
    public int Version { get; set; }
    public required string PreferredLabel { get; set; }
    /// <summary>Search synonyms, one a line (null: none).</summary>
    public string? Synonyms { get; set; }
    public string? AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? Note { get; set; }
}

internal sealed class SkillLabelRevisionConfiguration : IEntityTypeConfiguration<SkillLabelRevision>
{
    public void Configure(EntityTypeBuilder<SkillLabelRevision> b)
    {
        b.Property(x => x.SkillUri).HasMaxLength(300);
        b.Property(x => x.PreferredLabel).HasMaxLength(500);
        b.Property(x => x.Synonyms).HasMaxLength(4000);
        b.Property(x => x.AuthorId).HasMaxLength(450);
        b.Property(x => x.AuthorName).HasMaxLength(200);
        b.Property(x => x.Note).HasMaxLength(500);
        // One row per version per skill: two curators saving from the same version cannot both win.
        b.HasIndex(x => new { x.SkillUri, x.Version }).IsUnique();
    }
}
