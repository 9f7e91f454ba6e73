using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Klimrek.Data;

/// <summary>What someone did with another person's personal data (the access log's kinds).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<AccessKind>))]
public enum AccessKind
{
    /// <summary>A begeleider opened the skills profile the person shared.</summary>
    ProfileRead = 1,
    /// <summary>A member of the steering group read a reflection the person shared.</summary>
    ReflectionRead = 2,
    /// <summary>A member of the steering group read the evaluation the person shared.</summary>
    EvaluationRead = 3,
    /// <summary>A beheerder changed the person's roles.</summary>
    RolesChanged = 4,
    /// <summary>A beheerder locked or unlocked the account.</summary>
    AccountLocked = 5,
    /// <summary>A beheerder downloaded the person's data on their request.</summary>
    DataExportedByBeheerder = 6,
    /// <summary>A leidinggevende or begeleider opened something of werkleren the person shared (detail: what).</summary>
    WerklerenRead = 7,
    /// <summary>A leidinggevende or begeleider commented on something the person shared (detail: what).</summary>
    WerklerenComment = 8,
    /// <summary>A member of the steering group read the person's samen-leren intake (detail: the programme).</summary>
    IntakeRead = 9,
}

/// <summary>
/// One entry of the access log: who (<see cref="ActorId"/>, with the name they had then) did what with whose personal
/// data (<see cref="SubjectId"/>). Append-only: entries are never changed; they go only when the subject's account is erased.
/// </summary>
public class AccessLogEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? ActorId { get; set; }
    public required string ActorName { get; set; }
    public required string SubjectId { get; set; }
    public AccessKind Kind { get; set; }
    /// <summary>What was read or changed, in a few words (e.g. the programme and period of a reflection).</summary>
    public string? Detail { get; set; }
}

internal sealed class AccessLogConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> b)
    {
        b.Property(x => x.ActorId).HasMaxLength(450);
        b.Property(x => x.ActorName).HasMaxLength(256);
        b.Property(x => x.SubjectId).HasMaxLength(450);
        b.Property(x => x.Detail).HasMaxLength(500);
        b.HasIndex(x => new { x.SubjectId, x.At });
        b.HasIndex(x => x.At);
    }
}
