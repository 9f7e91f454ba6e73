using Klimrek.Data;
using Klimrek.Infrastructure.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace Klimrek.Features.Werkleren.Readiness;

/// <summary>Werkleren: readiness check-ins — services and the API under <c>/api/v1/me/werkleren/check-ins</c>.</summary>
internal static class ReadinessArea
{
    public static IServiceCollection Add(IServiceCollection services)
    {
        services.AddScoped<ReadinessService>();
        services.AddPersonalData<ReadinessPersonalData>();
        return services;
    }

    public static void Map(RouteGroupBuilder werkleren)
    {
        var g = werkleren.MapGroup("/check-ins");
        g.MapGet("/", ListAsync).WithName("ListCheckIns").WithSummary("Your readiness check-ins, newest first (at most 200), and whether the weekly suggestion is on.");
        g.MapPost("/", AddAsync).WithName("AddCheckIn")
            .WithSummary("A check-in: weten, willen, kunnen, durven and mogen, each 1–5; an optional note and what helped; "
                + "shareWithBegeleider = true lets the begeleider you named see it (off by default).");
        g.MapPut("/{checkInId:int}", UpdateAsync).WithName("UpdateCheckIn").WithSummary("Changes a check-in's note, what helped, and its sharing; the scores stay.");
        g.MapDelete("/{checkInId:int}", DeleteAsync).WithName("DeleteCheckIn");
        g.MapPut("/suggestion", SetSuggestionAsync).WithName("SetCheckInSuggestion")
            .WithSummary("Switches the weekly check-in suggestion on or off (the same choice as the notification kind 'bereidheid').");
    }

    public sealed record CheckInList(bool WeeklySuggestion, List<CheckInView> Items);
    public sealed record SuggestionRequest(bool On);

    private static string Me(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public static async Task<Ok<CheckInList>> ListAsync(ReadinessService readiness, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(new CheckInList(await readiness.SuggestionOnAsync(Me(user), ct),
            (await readiness.ListAsync(Me(user), 200, ct)).Select(CheckInView.Of).ToList()));

    public static async Task<Created<CheckInView>> AddAsync(CheckInInput input, ReadinessService readiness, ClaimsPrincipal user, CancellationToken ct)
    {
        var c = await readiness.AddAsync(Me(user), input, ct);
        return TypedResults.Created($"/api/v1/me/werkleren/check-ins/{c.Id}", CheckInView.Of(c));
    }

    public static async Task<Ok<CheckInView>> UpdateAsync(int checkInId, CheckInUpdate input, ReadinessService readiness, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(CheckInView.Of(await readiness.UpdateAsync(Me(user), checkInId, input, ct)));

    public static async Task<NoContent> DeleteAsync(int checkInId, ReadinessService readiness, ClaimsPrincipal user, CancellationToken ct)
    {
        await readiness.DeleteAsync(Me(user), checkInId, ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> SetSuggestionAsync(SuggestionRequest input, ReadinessService readiness, ClaimsPrincipal user, CancellationToken ct)
    {
        await readiness.SetSuggestionAsync(Me(user), input.On, ct);
        return TypedResults.NoContent();
    }
}

/// <summary>The person's readiness check-ins (all of them, with notes and sharing); erase deletes them.</summary>
internal sealed class ReadinessPersonalData(KlimrekDbContext db) : IPersonalDataPart
{
    public string Area => "werkleren-bereidheid";

    public async Task<object?> ExportAsync(DataSubject subject, CancellationToken ct)
    {
        var list = await db.ReadinessCheckIns.AsNoTracking().Where(c => c.UserId == subject.UserId).OrderBy(c => c.At).ToListAsync(ct);
        return list.Count == 0 ? null : list.Select(CheckInView.Of).ToList();
    }

    public Task EraseAsync(DataSubject subject, CancellationToken ct) =>
        db.ReadinessCheckIns.Where(c => c.UserId == subject.UserId).ExecuteDeleteAsync(ct);
}
