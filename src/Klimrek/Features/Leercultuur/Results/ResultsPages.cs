using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using System.Globalization;

namespace Klimrek.Features.Leercultuur.Results;

/// <summary>
/// Base of the results pages: loads the round's results for the signed-in reader; a stranger gets 404, someone of the
/// organisation who reads no results (a beheerder) is refused (403).
/// </summary>
[Authorize]
public abstract class ResultsPageBase(ResultsService results) : PageModel
{
    [FromRoute] public int OrganisationId { get; set; }
    [FromRoute] public int RoundId { get; set; }
    public RoundResults Results { get; private set; } = null!;
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
    protected IStringLocalizer L => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    /// <summary>Loads the results; null when they may be shown, else the refusal to return.</summary>
    protected async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        try
        {
            Results = await results.ForAsync(User, OrganisationId, RoundId, English, ct);
            return null;
        }
        catch (ProblemException e) when (e.Status is 403 or 404)
        {
            return e.Status == 404 ? NotFound() : Forbid();
        }
    }

    public virtual async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();
}

/// <summary>/leercultuur/{organisation}/rondes/{round}/resultaten: results, trend, benchmark, advice and method.</summary>
public sealed class ResultsModel(ResultsService results) : ResultsPageBase(results);

/// <summary>/leercultuur/{organisation}/rondes/{round}/rapport: the same on one printable page (without the open answers).</summary>
public sealed class ReportModel(ResultsService results) : ResultsPageBase(results);

/// <summary>The report as PDF.</summary>
public sealed class ReportPdfModel(ResultsService results) : ResultsPageBase(results)
{
    public override async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ?? File(ResultsPdf.Render(Results, s => L[s].Value), "application/pdf", ResultsExport.FileName(Results, "pdf"));
}

/// <summary>The aggregates as CSV (never answers or open texts).</summary>
public sealed class ResultsCsvModel(ResultsService results) : ResultsPageBase(results)
{
    public override async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ?? File(ResultsExport.Csv(Results), "text/csv; charset=utf-8", ResultsExport.FileName(Results, "csv"));
}
