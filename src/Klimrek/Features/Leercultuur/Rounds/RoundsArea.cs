using Klimrek.Data;
using Klimrek.Features.Leercultuur.Answering;
using Klimrek.Infrastructure.Errors;
using Klimrek.Infrastructure.Mail;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Security.Claims;

namespace Klimrek.Features.Leercultuur.Rounds;

/// <summary>
/// Leercultuur: rounds — HR opens a round, invites, reminds, closes; the steering group and the coach read it. Pages
/// under <c>/leercultuur</c> (the folder requires sign-in; the answer pages are exempt, see <c>AnsweringArea</c>),
/// API under <c>/api/v1/organisations/{organisationId}/scans/rounds</c>.
/// </summary>
internal static class RoundsArea
{
    public static IServiceCollection Add(IServiceCollection services)
    {
        services.AddScoped<RoundsService>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Leercultuur"));
        return services;
    }

    public static void Map(RouteGroupBuilder organisation)
    {
        var g = organisation.MapGroup("/rounds");
        g.MapGet("/", ListAsync).WithName("ListScanRounds").WithSummary("The organisation's rounds, newest first.");
        g.MapPost("/", CreateAsync).WithName("CreateScanRound")
            .WithSummary("HR opens a round on the current instrument revision: title, opensOn, closesOn, unitIds; openLink (default true) makes a link where respondents pick their unit.");
        g.MapGet("/{roundId:int}", GetAsync).WithName("GetScanRound")
            .WithSummary("A round with its response per unit: counts and rates only where at least five answered (null otherwise: 'fewer than 5').");
        g.MapPost("/{roundId:int}/close", CloseAsync).WithName("CloseScanRound").WithSummary("HR closes the round early; its links stop taking answers.");
        g.MapPost("/{roundId:int}/invitations", InviteAsync).WithName("InviteToScanRound")
            .WithSummary("HR invites people by mail, each with a personal link: people [{email, unitId}] or emails with one unitId. "
                + "Per address: refused (with the reason) when invalid or already invited in this round; the others go through.");
        g.MapPost("/{roundId:int}/reminders", RemindAsync).WithName("RemindScanRound").WithSummary("HR mails the same link again to invitations not used yet (never to those answered).");
        g.MapPut("/{roundId:int}/open-link", SetOpenLinkAsync).WithName("SetScanOpenLink").WithSummary("HR turns the open link on (on: true) or off (on: false; the old link stops working).");
    }

    public sealed record UnitRow(int UnitId, string Name, int Invited, int? Responses, double? Rate);
    public sealed record RoundView(int Id, string Title, DateOnly OpensOn, DateOnly ClosesOn, DateTime? ClosedAt, string State, int InstrumentId, string? OpenLink,
        List<UnitRow> Units, int Invited, int? Responses, double? Rate, int Unused, bool IsDemo);
    public sealed record RoundSummary(int Id, string Title, DateOnly OpensOn, DateOnly ClosesOn, DateTime? ClosedAt, string State, List<int> UnitIds);
    public sealed record RoundInput(string? Title, DateOnly? OpensOn, DateOnly? ClosesOn, List<int>? UnitIds, bool? OpenLink);
    public sealed record InviteInput(List<Invitee>? People, int? UnitId, List<string>? Emails, string? Language);
    public sealed record RemindView(int Reminded);
    public sealed record OpenLinkInput(bool? On);
    public sealed record OpenLinkView(string? OpenLink);

    public static string? OpenLinkOf(ScanRound r, MailLinks links) => r.OpenToken is null ? null : (links.Base() ?? "") + "/scan/open/" + r.OpenToken;

    public static RoundView View(RoundOverview o, MailLinks links) => new(o.Round.Id, o.Round.Title, o.Round.OpensOn, o.Round.ClosesOn, o.Round.ClosedAt,
        AnsweringArea.StateName(o.State), o.Round.InstrumentId, OpenLinkOf(o.Round, links),
        o.Units.Select(u => new UnitRow(u.UnitId, u.Name, u.Invited, u.Responses, u.Rate)).ToList(), o.Invited, o.Responses, o.Rate, o.Unused, o.Round.IsDemo);

    public static async Task<Ok<List<RoundSummary>>> ListAsync(int organisationId, RoundsService rounds, AnsweringService answering, LeercultuurAccess access, ClaimsPrincipal user, CancellationToken ct)
    {
        await access.EnsureAsync(user, organisationId, LeercultuurAccess.ResultReaders, ct);
        return TypedResults.Ok((await rounds.ListAsync(organisationId, ct))
            .Select(r => new RoundSummary(r.Id, r.Title, r.OpensOn, r.ClosesOn, r.ClosedAt, AnsweringArea.StateName(answering.StateOf(r)), r.Units.Select(u => u.UnitId).ToList())).ToList());
    }

    public static async Task<Created<RoundView>> CreateAsync(int organisationId, RoundInput input, RoundsService rounds, LeercultuurAccess access, MailLinks links, ClaimsPrincipal user, CancellationToken ct)
    {
        await access.EnsureAsync(user, organisationId, ScanViewer.Hr, ct);
        var r = await rounds.CreateAsync(organisationId, LeercultuurAccess.Me(user), input.Title, input.OpensOn, input.ClosesOn, input.UnitIds, input.OpenLink ?? true, ct);
        return TypedResults.Created($"/api/v1/organisations/{organisationId}/scans/rounds/{r.Id}", View(await rounds.OverviewAsync(r, ct), links));
    }

    public static async Task<Ok<RoundView>> GetAsync(int organisationId, int roundId, RoundsService rounds, LeercultuurAccess access, MailLinks links, ClaimsPrincipal user, CancellationToken ct)
    {
        await access.EnsureAsync(user, organisationId, LeercultuurAccess.ResultReaders, ct);
        return TypedResults.Ok(View(await rounds.OverviewAsync(await access.RoundAsync(organisationId, roundId, ct), ct), links));
    }

    private static async Task<ScanRound> HrRoundAsync(int organisationId, int roundId, LeercultuurAccess access, ClaimsPrincipal user, CancellationToken ct)
    {
        await access.EnsureAsync(user, organisationId, ScanViewer.Hr, ct);
        return await access.RoundAsync(organisationId, roundId, ct);
    }

    public static async Task<NoContent> CloseAsync(int organisationId, int roundId, RoundsService rounds, LeercultuurAccess access, ClaimsPrincipal user, CancellationToken ct)
    {
        await rounds.CloseAsync(await HrRoundAsync(organisationId, roundId, access, user, ct), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<InviteOutcome>>> InviteAsync(int organisationId, int roundId, InviteInput input, RoundsService rounds, LeercultuurAccess access, ClaimsPrincipal user, CancellationToken ct)
    {
        var round = await HrRoundAsync(organisationId, roundId, access, user, ct);
        var people = (input.People ?? []).Concat((input.Emails ?? []).Select(e => new Invitee(e, input.UnitId))).ToList();
        return TypedResults.Ok(await rounds.InviteAsync(round, people, input.Language, ct));
    }

    public static async Task<Ok<RemindView>> RemindAsync(int organisationId, int roundId, RoundsService rounds, LeercultuurAccess access, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(new RemindView(await rounds.RemindAsync(await HrRoundAsync(organisationId, roundId, access, user, ct), ct)));

    public static async Task<Ok<OpenLinkView>> SetOpenLinkAsync(int organisationId, int roundId, OpenLinkInput input, RoundsService rounds, LeercultuurAccess access, MailLinks links, ClaimsPrincipal user, CancellationToken ct)
    {
        var round = await HrRoundAsync(organisationId, roundId, access, user, ct);
        if (input.On is not { } on) throw ProblemException.Field("on", "Zeg of de open link aan of uit moet.");
        round.OpenToken = await rounds.SetOpenLinkAsync(round, on, ct);
        return TypedResults.Ok(new OpenLinkView(OpenLinkOf(round, links)));
    }
}
