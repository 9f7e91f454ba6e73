using Klimrek.Data;
using Klimrek.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace Klimrek.Features.SamenLeren;

/// <summary>Who the current user is in a programme.</summary>
public sealed record ProgrammeAccess(Programme Programme, bool IsSteward, Participant? Me)
{
    public void RequireSteward()
    {
        if (!IsSteward) throw ProblemException.Forbidden(Refuse.StewardsOnly);
    }

    public Participant RequireParticipant() =>
        Me ?? throw ProblemException.Forbidden("Dit mag alleen een deelnemer van dit programma.");
}

/// <summary>A duo as one person may see it: the duo, the viewer's role in it, and what the viewer may read.</summary>
public sealed record DuoAccess(ProgrammeAccess Programme, Duo Duo, DuoMember? MeAsMember)
{
    public bool IsMember => MeAsMember is not null;

    /// <summary>The duo reads its own reflections; the steering group only those their author shared.</summary>
    public bool CanRead(Reflection r) => IsMember || (Programme.IsSteward && r.SharedWithSteeringGroup);

    /// <summary>A member's reason for asking for another duo is for the steering group, not for the partner.</summary>
    public bool CanReadResponseNote(DuoMember m) => Programme.IsSteward || m.ParticipantId == MeAsMember?.ParticipantId;

    public DuoMember RequireMember() => MeAsMember ?? throw ProblemException.Forbidden("Dit mag alleen een lid van dit duo.");

    public void RequireActive()
    {
        if (Duo.Status != DuoStatus.Active) throw ProblemException.Invalid("Dit duo is nog niet definitief: beide partners moeten eerst akkoord gaan.");
    }
}

/// <summary>
/// Resolves programme and duo access. The rules: the steering group and the participants may open a programme, a
/// duo's members and the steering group may open a duo; anyone else gets "not found" (existence is not revealed).
/// </summary>
public sealed class SamenLerenAccess(KlimrekDbContext db)
{
    public async Task<ProgrammeAccess> ProgrammeAsync(int programmeId, string userId, CancellationToken ct)
    {
        var p = await db.Programmes.Include(x => x.Stewards).FirstOrDefaultAsync(x => x.Id == programmeId, ct)
                ?? throw ProblemException.NotFound();
        bool steward = p.Stewards.Any(s => s.UserId == userId);
        var me = await db.Participants.FirstOrDefaultAsync(x => x.ProgrammeId == programmeId && x.UserId == userId, ct);
        if (!steward && me is null) throw ProblemException.NotFound();
        return new ProgrammeAccess(p, steward, me);
    }

    public async Task<DuoAccess> DuoAsync(ProgrammeAccess access, int duoId, CancellationToken ct)
    {
        var duo = await db.Duos.Include(d => d.Members).ThenInclude(m => m.Participant).ThenInclude(p => p!.User).Include(d => d.Plan)
            .Include(d => d.Meetings)
            .FirstOrDefaultAsync(d => d.Id == duoId && d.ProgrammeId == access.Programme.Id && d.Status != DuoStatus.Dissolved, ct)
            ?? throw ProblemException.NotFound();
        var me = access.Me is null ? null : duo.Members.FirstOrDefault(m => m.ParticipantId == access.Me.Id);
        if (me is null && !access.IsSteward) throw ProblemException.NotFound();
        return new DuoAccess(access, duo, me);
    }
}

/// <summary>
/// The access resolved for the current request, once, by <see cref="SamenLerenFilters"/> (API) or
/// <see cref="SamenLerenPage"/> (pages), before any handler runs.
/// </summary>
public sealed class SamenLerenRequest
{
    private ProgrammeAccess? _programme;
    private DuoAccess? _duo;

    public ProgrammeAccess Programme
    {
        get => _programme ?? throw new InvalidOperationException("No programme access resolved for this request.");
        set => _programme = value;
    }

    public DuoAccess Duo
    {
        get => _duo ?? throw new InvalidOperationException("No duo access resolved for this request.");
        set => _duo = value;
    }
}

/// <summary>Endpoint filters of the API groups: <c>/programmes/{id}</c> resolves the programme access, <c>…/duos/{duoId}</c> the duo's.</summary>
public static class SamenLerenFilters
{
    public static RouteGroupBuilder WithProgrammeAccess(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var request = http.RequestServices.GetRequiredService<SamenLerenRequest>();
            request.Programme = await http.RequestServices.GetRequiredService<SamenLerenAccess>()
                .ProgrammeAsync(RouteInt(http, "id"), UserId(http.User), http.RequestAborted);
            return await next(context);
        });

    public static RouteGroupBuilder WithDuoAccess(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var request = http.RequestServices.GetRequiredService<SamenLerenRequest>();
            request.Duo = await http.RequestServices.GetRequiredService<SamenLerenAccess>()
                .DuoAsync(request.Programme, RouteInt(http, "duoId"), http.RequestAborted);
            return await next(context);
        });

    public static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private static int RouteInt(HttpContext http, string name) =>
        Convert.ToInt32(http.Request.RouteValues[name], System.Globalization.CultureInfo.InvariantCulture);
}
