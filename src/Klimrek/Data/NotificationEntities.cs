using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Klimrek.Data;

/// <summary>How a person wants to hear of one kind of notification.</summary>
[Flags]
public enum NotificationChannels { Off = 0, InApp = 1, Mail = 2 }

/// <summary>A message in a person's in-app inbox (signals, answers, reminders, invitations).</summary>
public class Notification
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    /// <summary>A kind from <c>NotificationKinds</c>; the person's preference for it decides in-app and mail.</summary>
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public string? Body { get; set; }
    /// <summary>A path inside the app where the person acts on it (e.g. the signal to answer).</summary>
    public string? Link { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

/// <summary>A person's choice for one kind; no row means the kind's default.</summary>
public class NotificationPreference
{
    public required string UserId { get; set; }
    public required string Kind { get; set; }
    public NotificationChannels Channels { get; set; }
}

/// <summary>
/// A reminder to send at <see cref="DueAt"/>, exactly once: <see cref="Key"/> is unique (scheduling the same reminder
/// again replaces the pending one), and an instance sends it only after winning a claim on the row in the database, so
/// neither a restart nor a second instance sends it twice.
/// </summary>
public class ScheduledReminder
{
    public long Id { get; set; }
    /// <summary>What the reminder is about, unique: e.g. <c>feedback-moment:12:day-before</c>.</summary>
    public required string Key { get; set; }
    public required string UserId { get; set; }
    public required string Kind { get; set; }
    public DateTime DueAt { get; set; }
    public required string Title { get; set; }
    public string? Body { get; set; }
    public string? Link { get; set; }
    /// <summary>The app's address when it was scheduled (for the mail's link when no <c>Mail:BaseUrl</c> is set).</summary>
    public string? BaseUrl { get; set; }
    /// <summary>The same text in English, for a person who reads the app in English.</summary>
    public string? TitleEn { get; set; }
    public string? BodyEn { get; set; }
    /// <summary>The instance that claimed it and until when the claim holds (a crashed instance's claim lapses).</summary>
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime? CancelledAt { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Body).HasMaxLength(4000);
        b.Property(x => x.Link).HasMaxLength(500);
        b.HasIndex(x => new { x.UserId, x.CreatedAt });
        b.HasOne<KlimrekUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.HasKey(x => new { x.UserId, x.Kind });
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Kind).HasMaxLength(40);
        b.HasOne<KlimrekUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScheduledReminderConfiguration : IEntityTypeConfiguration<ScheduledReminder>
{
    public void Configure(EntityTypeBuilder<ScheduledReminder> b)
    {
        b.Property(x => x.Key).HasMaxLength(200);
        b.HasIndex(x => x.Key).IsUnique();
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Body).HasMaxLength(4000);
        b.Property(x => x.TitleEn).HasMaxLength(300);
        b.Property(x => x.BodyEn).HasMaxLength(4000);
        b.Property(x => x.Link).HasMaxLength(500);
        b.Property(x => x.BaseUrl).HasMaxLength(300);
        b.Property(x => x.ClaimedBy).HasMaxLength(100);
        b.HasIndex(x => new { x.SentAt, x.DueAt });
        b.HasOne<KlimrekUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
