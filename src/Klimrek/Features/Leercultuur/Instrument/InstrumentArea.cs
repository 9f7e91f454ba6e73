using Klimrek.Data;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Security.Claims;

namespace Klimrek.Features.Leercultuur.Instrument;

/// <summary>
/// Leercultuur: the instrument's revisions — services, the beheerder's page <c>/beheer/leercultuur/instrument</c> and
/// API under <c>/api/v1/admin/scan-instruments</c> (Beheerder policy).
/// </summary>
internal static class InstrumentArea
{
    public static IServiceCollection Add(IServiceCollection services)
    {
        services.AddScoped<InstrumentService>();
        services.AddScoped<InstrumentRevisions>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizePage("/Leercultuur/Instrument/Revisions", Policies.Beheerder));
        return services;
    }

    public static void MapAdmin(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/admin/scan-instruments").RequireAuthorization(Policies.Beheerder).WithTags("Leercultuur");
        g.MapGet("/", ListAsync).WithName("ListScanInstruments")
            .WithSummary("The scan instrument's revisions, newest first, with their number of items and of rounds that use them.");
        g.MapGet("/{instrumentId:int}", GetAsync).WithName("GetScanInstrument").ProducesProblem(404)
            .WithSummary("One revision with its items in order (key, block, kind, Dutch and English text, options, fingerprint).");
        g.MapPost("/", CreateAsync).WithName("CreateScanInstrument").ProducesValidationProblem().ProducesProblem(409)
            .WithSummary("Stores a new revision (number N+1) from all its items in order; basedOn is the number it was made from (409 when another revision "
                + "was saved meanwhile). Every block keeps at least 3 statements; keys are unique and [a-z0-9.]+; texts 1–500 characters. Rounds keep their revision.");
    }

    public sealed record ItemView(string Key, int Block, string Kind, int Position, string TextNl, string TextEn, string? Options, bool MultipleChoice, string Fingerprint);
    public sealed record InstrumentView(int Id, int Number, DateTime CreatedAt, string? Note, IReadOnlyList<ItemView> Items);

    public static InstrumentView ViewOf(ScanInstrument i) => new(i.Id, i.Number, DateTime.SpecifyKind(i.CreatedAt, DateTimeKind.Utc), i.Note,
        i.Items.OrderBy(x => x.Position).Select(x => new ItemView(x.Key, x.Block, x.Kind.ToString(), x.Position, x.TextNl, x.TextEn, x.Options, x.MultipleChoice, x.Fingerprint)).ToList());

    public static async Task<Ok<List<RevisionSummary>>> ListAsync(InstrumentRevisions revisions, CancellationToken ct) =>
        TypedResults.Ok(await revisions.ListAsync(ct));

    public static async Task<Ok<InstrumentView>> GetAsync(int instrumentId, InstrumentService instruments, CancellationToken ct) =>
        TypedResults.Ok(ViewOf(await instruments.ByIdAsync(instrumentId, ct) ?? throw ProblemException.NotFound()));

    public static async Task<Created<InstrumentView>> CreateAsync(RevisionInput input, InstrumentRevisions revisions, ClaimsPrincipal user, CancellationToken ct)
    {
        var i = await revisions.CreateAsync(LeercultuurAccess.Me(user), input, ct);
        return TypedResults.Created($"/api/v1/admin/scan-instruments/{i.Id}", ViewOf(i));
    }
}
