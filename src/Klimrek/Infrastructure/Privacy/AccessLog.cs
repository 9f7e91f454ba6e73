using Klimrek.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using System.Security.Claims;

namespace Klimrek.Infrastructure.Privacy;

/// <summary>
/// Records who read or changed whose personal data (docs/security.md). Every capability calls it where a person other
/// than the owner opens personal data the owner shared, and where a beheerder acts on someone's account. The same
/// reading by the same person is recorded once per hour, so a page that is reloaded does not flood the log; this
/// instance remembers until when a reading is covered, so a reload within the hour does not ask the database again.
/// </summary>
public sealed class AccessLog(KlimrekDbContext db, TimeProvider clock, IMemoryCache recent)
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
        var once = kind is AccessKind.ProfileRead or AccessKind.ReflectionRead or AccessKind.EvaluationRead or AccessKind.WerklerenRead or AccessKind.IntakeRead;
        var key = once ? (subjectId, actorId, kind, detail) : default;
        if (once)
        {
            // Covered until the last recording's hour ends: known here, or found in the database (another instance's).
            if (recent.TryGetValue(key, out DateTime coveredUntil) && coveredUntil > now) return;
            var last = await db.AccessLog.Where(e => e.SubjectId == subjectId && e.ActorId == actorId && e.Kind == kind && e.Detail == detail && e.At >= since)
                .MaxAsync(e => (DateTime?)e.At, ct);
            if (last is DateTime at)
            {
                Remember(key, at + Window);
                return;
            }
        }
        db.AccessLog.Add(new AccessLogEntry
        {
            At = now, ActorId = actorId, ActorName = actorName.Length > 256 ? actorName[..256] : actorName, SubjectId = subjectId, Kind = kind, Detail = detail,
        });
        await db.SaveChangesAsync(ct);
        if (once) Remember(key, now + Window);
    }

    /// <summary>
    /// Records one person's reading of several items of another's (each once per hour, as <see cref="RecordAsync(ClaimsPrincipal, string, AccessKind, string?, CancellationToken)"/>)
    /// with one query and one save for the items not yet covered.
    /// </summary>
    public async Task RecordReadsAsync(ClaimsPrincipal actor, string subjectId, AccessKind kind, IReadOnlyCollection<string> details, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (kind is not (AccessKind.ProfileRead or AccessKind.ReflectionRead or AccessKind.EvaluationRead or AccessKind.WerklerenRead or AccessKind.IntakeRead))
            throw new ArgumentException("Only readings are recorded once per hour.", nameof(kind));
        var actorId = actor.FindFirstValue(ClaimTypes.NameIdentifier);
        if (actorId == subjectId) return;
        var name = actor.FindFirstValue("klimrek:display_name") ?? actor.Identity?.Name ?? "?";
        var now = clock.GetUtcNow().UtcDateTime;
        var open = details.Select(d => d.Length > 500 ? d[..500] : d).Distinct(StringComparer.Ordinal)
            .Where(d => !(recent.TryGetValue((subjectId, actorId, kind, (string?)d), out DateTime until) && until > now)).ToList();
        if (open.Count == 0) return;
        var since = now - Window;
        var known = await db.AccessLog.Where(e => e.SubjectId == subjectId && e.ActorId == actorId && e.Kind == kind && e.At >= since && open.Contains(e.Detail!))
            .GroupBy(e => e.Detail!).Select(g => new { Detail = g.Key, Last = g.Max(e => e.At) }).ToListAsync(ct);
        foreach (var k in known) Remember((subjectId, actorId, kind, k.Detail), k.Last + Window);
        var missing = open.Except(known.Select(k => k.Detail), StringComparer.Ordinal).ToList();
        if (missing.Count == 0) return;
        foreach (var detail in missing)
            db.AccessLog.Add(new AccessLogEntry
            {
                At = now, ActorId = actorId, ActorName = name.Length > 256 ? name[..256] : name, SubjectId = subjectId, Kind = kind, Detail = detail,
            });
        await db.SaveChangesAsync(ct);
        foreach (var detail in missing) Remember((subjectId, actorId, kind, detail), now + Window);
    }

    private void Remember((string, string?, AccessKind, string?) key, DateTime until)
    {
        var left = until - clock.GetUtcNow().UtcDateTime;
        if (left > TimeSpan.Zero) recent.Set(key, until, left);
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
        AccessKind.IntakeRead => "las je intake voor samen leren",
        _ => kind.ToString(),
    };
}
