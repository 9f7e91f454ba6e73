using Klimrek.Data;
using Klimrek.Infrastructure.Privacy;
using System.Security.Claims;

namespace Klimrek.Features.SamenLeren;

/// <summary>What the steering group reads of what participants shared, for the participants' access log.</summary>
public static class SamenLerenAudit
{
    /// <summary>Records each shared reflection a steering-group member (not a member of the duo) was shown.</summary>
    public static async Task ReflectionsReadAsync(AccessLog log, ClaimsPrincipal reader, DuoAccess duo, IEnumerable<Reflection> shown, CancellationToken ct)
    {
        if (duo.IsMember) return;
        foreach (var r in shown.Where(duo.CanRead))
            if (duo.Duo.Members.FirstOrDefault(m => m.ParticipantId == r.AuthorParticipantId)?.Participant?.UserId is { } author)
                await log.RecordAsync(reader, author, AccessKind.ReflectionRead, $"{duo.Programme.Programme.Settings.Name}, {r.Period}", ct);
    }

    /// <summary>Records each shared evaluation a steering-group member was shown.</summary>
    public static async Task EvaluationsReadAsync(AccessLog log, ClaimsPrincipal reader, ProgrammeAccess programme, IEnumerable<SharedEvaluation> shown,
        CancellationToken ct)
    {
        foreach (var e in shown)
            await log.RecordAsync(reader, e.UserId, AccessKind.EvaluationRead, programme.Programme.Settings.Name, ct);
    }
}
