using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Klimrek.Data;

/// <summary>What a line of a career-guidance conversation is: a note, a next step agreed on, or the route chosen.</summary>
public enum GuidanceEntryKind { Aantekening = 1, Afspraak = 2, Route = 3 }

/// <summary>
/// One line of the career-guidance conversation ("loopbaangesprek") between a person and a begeleider with whom the
/// person shared the skills profile. It belongs to the person (erased with the profile) and is visible to both, but
/// only while the profile is shared and the person has allowed the conversation (<see cref="ProfileShare.ConversationAllowedAt"/>).
/// </summary>
public class GuidanceEntry
{
    public int Id { get; set; }
    public int ProfileId { get; set; }
    /// <summary>The begeleider of this conversation; empty once that begeleider erased the account (the person keeps the lines).</summary>
    public required string BegeleiderId { get; set; }
    public GuidanceEntryKind Kind { get; set; }
    public required string Text { get; set; }
    /// <summary>For a route: the occupation chosen as the next step.</summary>
    public int? OccupationId { get; set; }
    /// <summary>Written by the person (true) or by the begeleider.</summary>
    public bool ByOwner { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>For an agreed step: when either of them marked it done.</summary>
    public DateTime? DoneAt { get; set; }
}

internal sealed class GuidanceEntryConfiguration : IEntityTypeConfiguration<GuidanceEntry>
{
    public void Configure(EntityTypeBuilder<GuidanceEntry> b)
    {
        b.Property(x => x.BegeleiderId).HasMaxLength(450);
        b.Property(x => x.Text).HasMaxLength(GuidanceLimits.TextLength);
        b.HasIndex(x => new { x.ProfileId, x.BegeleiderId, x.CreatedAt });
        b.HasOne<SkillProfile>().WithMany().HasForeignKey(x => x.ProfileId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Occupation>().WithMany().HasForeignKey(x => x.OccupationId).OnDelete(DeleteBehavior.SetNull);
    }
}

/// <summary>The bounds of a conversation: long enough for real notes, short enough to stay a conversation.</summary>
public static class GuidanceLimits
{
    public const int TextLength = 2000;
    public const int EntriesPerConversation = 500;
}
