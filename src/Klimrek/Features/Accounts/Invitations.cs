using Klimrek.Data;
using Klimrek.Infrastructure.Errors;
using Klimrek.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;

namespace Klimrek.Features.Accounts;

/// <summary>A module's side of invitations: what an invitation of its kinds binds an account to (registered in the container).</summary>
public interface IInvitationAcceptor
{
    /// <summary>The invitation kinds this module accepts (at most 40 characters, e.g. "samen-leren-deelnemer").</summary>
    IReadOnlyCollection<string> Kinds { get; }

    /// <summary>The mails' sentences for the kind, resource keys with {0} for the inviter's name and {1} for the title: invited, and added at once.</summary>
    (string Invited, string Added) Sentences(string kind);

    /// <summary>
    /// Binds the (verified) accounts to what they were invited to, adding to the context without saving; an account that
    /// already is bound stays as it is. Null when the thing is gone.
    /// </summary>
    Task<InvitationAccepted?> AcceptAsync(string kind, string reference, IReadOnlyCollection<string> userIds, CancellationToken ct);
}

/// <param name="Page">The local page to go to.</param>
/// <param name="Bound">The accounts that were not bound before.</param>
/// <param name="Told">The module told the bound accounts itself (its own notification): no "added" mail from Accounts.</param>
public sealed record InvitationAccepted(string Page, IReadOnlySet<string> Bound, bool Told = false);

/// <summary>What an invitation is for: the acceptor's kind and reference, and the title mails and pages show.</summary>
public sealed record InvitationPurpose(string Kind, string Reference, string Title);

public enum InvitationStatus { Pending, Expired }

public sealed record PendingInvitation(string Email, string Kind, DateTime CreatedAt, InvitationStatus Status);

/// <summary>
/// Binding people to things by e-mail address without telling anyone which addresses have accounts: a verified account
/// is bound at once (and told by mail); an unknown or unverified address gets an invitation by mail, and is bound once
/// its mailbox is proven (the invitation's link, the account's verification link or a password reset).
/// </summary>
public sealed class Invitations(KlimrekDbContext db, UserManager<KlimrekUser> users, IEnumerable<IInvitationAcceptor> acceptors,
    AccountMail mail, MailLinks links, TimeProvider clock, Klimrek.Features.Notifications.Notifier notifier)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);
    public const int MaxAddresses = 5000;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Binds the verified accounts among <paramref name="emails"/> and invites the other addresses; saves the context once
    /// (with the caller's own changes). The answer is the cleaned list, the same whichever addresses have accounts. An
    /// address that is not an e-mail address refuses the whole list (400), before anything is done.
    /// </summary>
    public async Task<IReadOnlyList<string>> InviteAsync(IEnumerable<string> emails, InvitationPurpose purpose, string invitedById, CancellationToken ct)
    {
        var acceptor = AcceptorFor(purpose.Kind);
        var list = Clean(emails);
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in list) byKey.TryAdd(users.NormalizeEmail(e) ?? e.ToUpperInvariant(), e);
        var keys = byKey.Keys.ToList();
        var accounts = await db.Users.Where(u => keys.Contains(u.NormalizedEmail!)).ToListAsync(ct);
        var inviter = await db.Users.Where(u => u.Id == invitedById).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        var verifiedAccounts = accounts.Where(u => u.EmailConfirmed).ToList();
        var accepted = verifiedAccounts.Count == 0 ? null
            : await acceptor.AcceptAsync(purpose.Kind, purpose.Reference, verifiedAccounts.Select(u => u.Id).ToList(), ct);
        var verified = verifiedAccounts.Select(u => u.NormalizedEmail!).ToHashSet();
        var others = keys.Where(k => !verified.Contains(k)).ToList();
        var invitations = await RecordAsync(others, byKey, purpose, invitedById, ct);
        await db.SaveChangesAsync(ct);
        notifier.FlushMail(); // what an acceptor staged

        var (invited, added) = acceptor.Sentences(purpose.Kind);
        if (accepted is { Told: false })
            foreach (var user in verifiedAccounts.Where(u => accepted.Bound.Contains(u.Id)))
                mail.Added(user, added, inviter, purpose.Title, links.To(accepted.Page));
        var languages = accounts.ToDictionary(u => u.NormalizedEmail!, AccountMail.LanguageOf);
        foreach (var (key, token) in invitations)
            mail.Invitation(byKey[key], languages.GetValueOrDefault(key, AccountMail.CurrentLanguage), invited, inviter, purpose.Title,
                links.To("/account/uitnodiging?code=" + token));
        return list;
    }

    /// <summary>Adds or renews (new link, new month) an invitation per address; returns each address's new token.</summary>
    private async Task<List<(string Key, string Token)>> RecordAsync(List<string> keys, Dictionary<string, string> byKey, InvitationPurpose purpose,
        string invitedById, CancellationToken ct)
    {
        var existing = await db.AccountInvitations
            .Where(i => i.Kind == purpose.Kind && i.Reference == purpose.Reference && keys.Contains(i.NormalizedEmail))
            .ToDictionaryAsync(i => i.NormalizedEmail, ct);
        var now = Now;
        var tokens = new List<(string, string)>();
        foreach (var key in keys)
        {
            var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
            if (!existing.TryGetValue(key, out var invitation))
            {
                invitation = new AccountInvitation
                {
                    Email = byKey[key], NormalizedEmail = key, Kind = purpose.Kind, Reference = purpose.Reference, Title = purpose.Title, TokenHash = "",
                };
                db.AccountInvitations.Add(invitation);
            }
            invitation.TokenHash = Hash(token);
            invitation.Title = purpose.Title;
            invitation.InvitedById = invitedById;
            invitation.CreatedAt = now;
            invitation.ExpiresAt = now + Lifetime;
            tokens.Add((key, token));
        }
        return tokens;
    }

    /// <summary>Trimmed, without empty lines and repeats; every address checked (a 400 naming each bad one).</summary>
    private static List<string> Clean(IEnumerable<string> emails)
    {
        var list = emails.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (list.Count == 0) throw ProblemException.Field("emails", "Vul minstens één e-mailadres in.");
        if (list.Count > MaxAddresses) throw ProblemException.Field("emails", "Hoogstens 5000 adressen tegelijk.");
        var check = new EmailAddressAttribute();
        var bad = list.Where(e => e.Length > 256 || !check.IsValid(e)).ToList();
        if (bad.Count > 0)
            throw new ProblemException(400, new Message("Niemand toegevoegd of uitgenodigd: {0} adres(sen) zijn geen geldig e-mailadres.", bad.Count),
                new Dictionary<string, IReadOnlyList<Message>> { ["emails"] = bad.Select(b => new Message("Geen geldig e-mailadres: {0}", b)).ToList() });
        return list;
    }

    /// <summary>The invitations of a thing not yet accepted (address and status), for whoever invited.</summary>
    public async Task<List<PendingInvitation>> PendingAsync(IReadOnlyCollection<string> kinds, string reference, CancellationToken ct)
    {
        var now = Now;
        var rows = await db.AccountInvitations.AsNoTracking().Where(i => kinds.Contains(i.Kind) && i.Reference == reference)
            .Select(i => new { i.Email, i.Kind, i.CreatedAt, i.ExpiresAt }).ToListAsync(ct);
        return rows.OrderBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
            .Select(r => new PendingInvitation(r.Email, r.Kind, r.CreatedAt, r.ExpiresAt > now ? InvitationStatus.Pending : InvitationStatus.Expired)).ToList();
    }

    /// <summary>The valid (not expired) invitation with this link's token, or null.</summary>
    public async Task<AccountInvitation?> FindAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = Hash(token);
        var now = Now;
        return await db.AccountInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash && i.ExpiresAt > now, ct);
    }

    /// <summary>Accepts every valid invitation of a (now) verified account's address; the page of the last one, or null.</summary>
    public async Task<string?> AcceptPendingAsync(KlimrekUser user, CancellationToken ct)
    {
        var now = Now;
        var pending = await db.AccountInvitations.Where(i => i.NormalizedEmail == user.NormalizedEmail && i.ExpiresAt > now).ToListAsync(ct);
        string? page = null;
        foreach (var invitation in pending)
        {
            var acceptor = acceptors.FirstOrDefault(a => a.Kinds.Contains(invitation.Kind));
            if (acceptor is not null && await acceptor.AcceptAsync(invitation.Kind, invitation.Reference, [user.Id], ct) is { } accepted)
                page = accepted.Page;
            db.AccountInvitations.Remove(invitation);
        }
        if (pending.Count > 0) await db.SaveChangesAsync(ct);
        notifier.FlushMail(); // what an acceptor staged
        return page;
    }

    private IInvitationAcceptor AcceptorFor(string kind) =>
        acceptors.FirstOrDefault(a => a.Kinds.Contains(kind)) ?? throw new InvalidOperationException($"No module accepts invitations of kind '{kind}'.");

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
