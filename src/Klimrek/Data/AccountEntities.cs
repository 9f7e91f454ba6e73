using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Klimrek.Data;

/// <summary>
/// An invitation by mail for an address without a verified account (unknown, or registered but not yet confirmed): to
/// a samen-leren programme, for example. Whoever proves the mailbox — through the invitation's link, the account's
/// verification link or a password reset — is bound to what the invitation is for, and the invitation is gone.
/// </summary>
public class AccountInvitation
{
    public int Id { get; set; }
    /// <summary>The address as the inviter typed it.</summary>
    public required string Email { get; set; }
    public required string NormalizedEmail { get; set; }
    /// <summary>What the invitation is for: a kind a module accepts (<c>IInvitationAcceptor</c>) and that module's reference (a programme id).</summary>
    public required string Kind { get; set; }
    public required string Reference { get; set; }
    /// <summary>The name of what one is invited to, as it was when invited (for the mail and the invitation page).</summary>
    public required string Title { get; set; }
    /// <summary>SHA-256 of the link's token (hex); the token itself is only in the mail.</summary>
    public required string TokenHash { get; set; }
    public string? InvitedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}

internal sealed class AccountInvitationConfiguration : IEntityTypeConfiguration<AccountInvitation>
{
    public void Configure(EntityTypeBuilder<AccountInvitation> b)
    {
        b.Property(x => x.Email).HasMaxLength(256);
        b.Property(x => x.NormalizedEmail).HasMaxLength(256);
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.Reference).HasMaxLength(40);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => new { x.NormalizedEmail, x.Kind, x.Reference }).IsUnique();
        b.HasIndex(x => new { x.Kind, x.Reference });
        b.HasOne<KlimrekUser>().WithMany().HasForeignKey(x => x.InvitedById).OnDelete(DeleteBehavior.SetNull);
    }
}
