using Klimrek.Data;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace Klimrek.Infrastructure.Privacy;

/// <summary>
/// Records who read or changed whose personal data (docs/security.md). Every capability calls it where a person other
/// than the owner opens personal data the owner shared, and where a beheerder acts on someone's account. The same
/// reading by the same person is recorded once per hour, so a page that is reloaded does not flood the log.
/// </summary>
public sealed class AccessLog(KlimrekDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public async Task RecordAsync(ClaimsPrincipal actor, string subjectId, AccessKind kind, string? detail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var actorId = actor.FindFirstValue(ClaimTypes.NameIdentifier);
        if (actorId == subjectId) return; // one's own data
        // The display-name claim the sign-in adds (Accounts' KlimrekClaimsFactory.DisplayName).
        var name = actor.FindFirstValue("klimrek:display_name") ?? actor.Identity?.Name ?? "?";
        await RecordAsync(actorId, name, subjectId, kind, detail, ct);
    }

    public async Task RecordAsync(string? actorId, string actorName, string subjectId, AccessKind kind, string? detail, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        detail = detail is { Length: > 500 } ? detail[..500] : detail;
        var since = now - Window;
        if (kind is AccessKind.ProfileRead or AccessKind.ReflectionRead or AccessKind.EvaluationRead or AccessKind.WerklerenRead
            && await db.AccessLog.AnyAsync(e => e.SubjectId == subjectId && e.ActorId == actorId && e.Kind == kind && e.Detail == detail && e.At >= since, ct))
            return;
        db.AccessLog.Add(new AccessLogEntry
        {
            At = now, ActorId = actorId, ActorName = actorName.Length > 256 ? actorName[..256] : actorName, SubjectId = subjectId, Kind = kind, Detail = detail,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The person's log, newest first.</summary>
    public Task<List<AccessLogEntry>> OfAsync(string subjectId, int take, CancellationToken ct) =>
        db.AccessLog.AsNoTracking().Where(e => e.SubjectId == subjectId).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(take).ToListAsync(ct);

    /// <summary>The whole log for beheerders, newest first, optionally about one person.</summary>
    public Task<List<AccessLogEntry>> AllAsync(string? subjectId, int skip, int take, CancellationToken ct) =>
        db.AccessLog.AsNoTracking().Where(e => subjectId == null || e.SubjectId == subjectId)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip(skip).Take(take).ToListAsync(ct);

    /// <summary>The Dutch text (a resource key) of a kind, as the person reads it.</summary>
    public static string Describe(AccessKind kind) => kind switch
    {
        AccessKind.ProfileRead => "bekeek je gedeelde skills-profiel",
        AccessKind.ReflectionRead => "las een reflectie die je deelde",
        AccessKind.EvaluationRead => "las de evaluatie die je deelde",
        AccessKind.RolesChanged => "wijzigde je rollen",
        AccessKind.AccountLocked => "blokkeerde of deblokkeerde je account",
        AccessKind.DataExportedByBeheerder => "downloadde je gegevens op jouw verzoek",
        AccessKind.WerklerenRead => "bekeek iets van werkleren dat je deelde",
        AccessKind.WerklerenComment => "reageerde op iets van werkleren dat je deelde",
        _ => kind.ToString(),
    };
}
