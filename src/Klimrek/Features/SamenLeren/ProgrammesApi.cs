using Klimrek.Data;
using Klimrek.Features.Accounts;
using Klimrek.Features.Esco;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using System.Security.Claims;
using static Klimrek.Features.SamenLeren.SamenLerenApi;

namespace Klimrek.Features.SamenLeren;

/// <summary>Programmes over HTTP: settings, enrolment and the participant's intake.</summary>
public static class ProgrammesApi
{
    /// <summary>Routes under <c>/programmes/{id}</c>.</summary>
    public static void Map(RouteGroupBuilder programme)
    {
        programme.MapGet("/", Get).WithSummary("The programme: its settings and, in informationPack, the information pack participants read on joining (the steering group's own text or the default built from the settings).");
        programme.MapPut("/", UpdateAsync).WithSummary("Changes the programme's settings (steering group). "
            + "Send the version you edited in If-Match (\"3\"): 409 when someone saved a newer one meanwhile.");
        programme.MapPost("/participants", EnrolAsync)
            .WithSummary("Adds participants (or steering-group members) by e-mail: a verified account is enrolled, any other address invited by mail; the answer does not say which. "
                + "An item that is not an address is listed under rejected (by its number) and the others still go out; 400 only when none is an address.");
        programme.MapPost("/participants/csv", EnrolCsvAsync).WithName("EnrolProgrammeCsv").Accepts<string>("text/csv")
            .WithSummary("As POST participants, from a CSV file (body, text/csv, at most 1 MB): a column of addresses, optionally a name beside it; "
                + "a header line is optional; separated by ';' or ','. ?stewards=true adds to the steering group. Bad lines are listed under rejected by line number.");
        programme.MapGet("/invitations", InvitationsAsync).WithSummary("Invitations not yet accepted: address, participant or steward, pending or expired (steering group).");
        programme.MapGet("/participants", ParticipantsAsync)
            .WithSummary("Participants with intake status: who is not yet matchable and what is missing (steering group).");
        programme.MapGet("/intake", IntakeAsync);
        programme.MapPut("/intake", SaveIntakeAsync)
            .WithSummary("Your intake, replaced whole. Terms: ESCO skill URIs or labels, or free words; availability like 'dinsdag-middag'. Age is never asked. "
                + "Send the version you edited in If-Match (\"3\"): 409 when a newer one was saved meanwhile.");
    }

    public static async Task<Ok<List<ProgrammeView>>> ListAsync(ProgrammeService programmes, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok((await programmes.MyProgrammesAsync(SamenLerenFilters.UserId(user), ct)).Select(x => View(x.Programme, x.IsSteward, x.IsParticipant)).ToList());

    public static async Task<Created<ProgrammeView>> CreateAsync(ProgrammeSettings input, ProgrammeService programmes, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Stuurgroep) && !user.IsInRole(Roles.Beheerder))
            throw ProblemException.Forbidden("Een programma opzetten mag de stuurgroep (of een beheerder).");
        var p = await programmes.CreateProgrammeAsync(SamenLerenFilters.UserId(user), input, ct);
        return TypedResults.Created($"/api/v1/programmes/{p.Id}", View(p, true, false));
    }

    public static Ok<ProgrammeView> Get(SamenLerenRequest request, HttpContext http)
    {
        Versions.SetETag(http, request.Programme.Programme);
        return TypedResults.Ok(ViewOf(request.Programme, http));
    }

    public static async Task<Ok<ProgrammeView>> UpdateAsync(ProgrammeSettings input, SamenLerenRequest request, ProgrammeService programmes, HttpContext http,
        CancellationToken ct)
    {
        await programmes.UpdateProgrammeAsync(request.Programme, input, Versions.FromIfMatch(http), ct);
        Versions.SetETag(http, request.Programme.Programme);
        return TypedResults.Ok(ViewOf(request.Programme, http));
    }

    public static async Task<Ok<EnrolledView>> EnrolAsync(EnrolRequest req, SamenLerenRequest request, ProgrammeService programmes, ClaimsPrincipal user,
        IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var lines = EnrolmentList.FromItems(req.Emails ?? []);
        return TypedResults.Ok(EnrolledOf(await programmes.EnrolAsync(request.Programme, lines, req.Stewards, SamenLerenFilters.UserId(user), ct), l));
    }

    public static async Task<Ok<EnrolledView>> EnrolCsvAsync(HttpRequest http, bool? stewards, SamenLerenRequest request, ProgrammeService programmes, ClaimsPrincipal user,
        IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        request.Programme.RequireSteward();
        var lines = EnrolmentList.FromCsv(await EnrolmentList.ReadAsync(http.Body, ct));
        return TypedResults.Ok(EnrolledOf(await programmes.EnrolAsync(request.Programme, lines, stewards ?? false, SamenLerenFilters.UserId(user), ct), l));
    }

    private static EnrolledView EnrolledOf(ProgrammeService.EnrolResult r, IStringLocalizer l) => new(r.Handled.Count, r.Handled,
        r.Rejected.Select(x => new RejectedLineView(x.Line, x.Text, l[x.Reason.Key, x.Reason.Args].Value)).ToList());

    public static async Task<Ok<List<InvitationView>>> InvitationsAsync(SamenLerenRequest request, ProgrammeService programmes, CancellationToken ct) =>
        TypedResults.Ok((await programmes.InvitationsAsync(request.Programme, ct))
            .Select(i => new InvitationView(i.Email, i.Kind == ProgrammeInvitations.Steward, i.Status == InvitationStatus.Pending ? "pending" : "expired", i.CreatedAt)).ToList());

    public static async Task<Ok<List<ParticipantView>>> ParticipantsAsync(SamenLerenRequest request, ProgrammeService programmes, CancellationToken ct)
    {
        var rows = await programmes.ParticipantsAsync(request.Programme, ct);
        return TypedResults.Ok(rows.Select(r => new ParticipantView(r.Participant.Id, r.Name, r.Email, r.Missing.Count == 0, r.Missing, r.Participant.UnmatchedReason)).ToList());
    }

    public static async Task<Ok<IntakeView>> IntakeAsync(SamenLerenRequest request, IntakeService intakes, EscoCatalogue catalogue, HttpContext http, CancellationToken ct)
    {
        var me = await intakes.IntakeAsync(request.Programme, ct);
        Versions.SetETag(http, me);
        return TypedResults.Ok(IntakeOf(me, await catalogue.GetAsync(ct)));
    }

    public static async Task<Ok<IntakeView>> SaveIntakeAsync(IntakeInput input, SamenLerenRequest request, IntakeService intakes, EscoCatalogue catalogue, HttpContext http,
        CancellationToken ct)
    {
        var me = await intakes.SaveIntakeAsync(request.Programme, input, Versions.FromIfMatch(http), ct);
        Versions.SetETag(http, me);
        return TypedResults.Ok(IntakeOf(me, await catalogue.GetAsync(ct)));
    }

    /// <summary>The programme with its information pack in the reader's language.</summary>
    private static ProgrammeView ViewOf(ProgrammeAccess a, HttpContext http) => View(a.Programme, a.IsSteward, a.Me is not null) with
    {
        InformationPack = InformationPack.Paragraphs(a.Programme.Settings, http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>()),
    };
}
