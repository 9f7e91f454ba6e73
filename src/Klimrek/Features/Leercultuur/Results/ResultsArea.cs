using Microsoft.AspNetCore.Http.HttpResults;
using System.Globalization;
using System.Security.Claims;

namespace Klimrek.Features.Leercultuur.Results;

/// <summary>
/// Leercultuur: a round's results — the service, and the API under the organisation's group:
/// <c>GET rounds/{roundId}/results</c> (everything on the results page), <c>results.csv</c> (aggregates only) and
/// <c>report.pdf</c>. Readers are <see cref="LeercultuurAccess.ResultReaders"/>.
/// </summary>
internal static class ResultsArea
{
    public static IServiceCollection Add(IServiceCollection services)
    {
        services.AddScoped<RoundDataReader>();
        services.AddScoped<ResultsComparisons>();
        services.AddScoped<ResultsService>();
        return services;
    }

    public static void Map(RouteGroupBuilder organisation)
    {
        var g = organisation.MapGroup("/rounds/{roundId:int}");
        g.MapGet("/results", ResultsAsync).WithName("GetScanRoundResults")
            .WithSummary("A round's results: per block and statement for the round and every unit with at least five respondents, α per block, "
                + "strengths and attention points, open answers and onderstroom for groups of five or more, trend, benchmark and advice. "
                + "With fewer than five responses only enough = false.");
        g.MapGet("/results.csv", CsvAsync).WithName("GetScanRoundResultsCsv")
            .WithSummary("Aggregates only, per group and block: respondents, mean, favourable share and distribution (never answers or open texts).");
        g.MapGet("/report.pdf", PdfAsync).WithName("GetScanRoundReportPdf")
            .WithSummary("The report as PDF: bars per block with the benchmark, a radar, the advice and the method.");
    }

    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static async Task<Ok<RoundResults>> ResultsAsync(int organisationId, int roundId, ResultsService results, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await results.ForAsync(user, organisationId, roundId, English, ct));

    public static async Task<FileContentHttpResult> CsvAsync(int organisationId, int roundId, ResultsService results, ClaimsPrincipal user, CancellationToken ct)
    {
        var r = await results.ForAsync(user, organisationId, roundId, English, ct);
        return TypedResults.File(ResultsExport.Csv(r), "text/csv; charset=utf-8", ResultsExport.FileName(r, "csv"));
    }

    public static async Task<FileContentHttpResult> PdfAsync(int organisationId, int roundId, ResultsService results, ClaimsPrincipal user,
        Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var r = await results.ForAsync(user, organisationId, roundId, English, ct);
        return TypedResults.File(ResultsPdf.Render(r, s => l[s].Value), "application/pdf", ResultsExport.FileName(r, "pdf"));
    }
}
