using Klimrek.Data;
using Klimrek.Infrastructure.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.SamenLeren;

/// <summary>
/// One participant's intake as the steering group reads it (to pair by hand, or to see why someone was left without a
/// duo). Stewards of the programme only; each reading is in the participant's access log.
/// </summary>
public sealed class ParticipantIntakeModel(KlimrekDbContext db, AccessLog log) : SamenLerenPage
{
    [FromRoute] public int Id { get; set; }
    [FromRoute] public int ParticipantId { get; set; }
    public Participant Participant { get; private set; } = null!;
    public string? ManagerName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Access.IsSteward) return Forbid();
        var p = await db.Participants.AsNoTracking().Include(x => x.User).Include(x => x.Terms)
            .FirstOrDefaultAsync(x => x.Id == ParticipantId && x.ProgrammeId == Id, ct);
        if (p is null) return NotFound();
        Participant = p;
        if (p.ManagerParticipantId is int m)
            ManagerName = await db.Participants.AsNoTracking().Where(x => x.Id == m).Select(x => x.User!.DisplayName).FirstOrDefaultAsync(ct);
        await log.RecordAsync(User, p.UserId, AccessKind.IntakeRead, Access.Programme.Settings.Name, ct);
        return Page();
    }
}
