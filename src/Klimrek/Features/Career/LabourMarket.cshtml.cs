using Klimrek.Data;
using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Career;

/// <summary>Beheerders import the labour-market indicators (CSV, all or nothing).</summary>
public sealed class LabourMarketModel(LabourMarketService market, KlimrekDbContext db) : PageModel
{
    public LabourMarketImport? Last { get; private set; }
    public int Count { get; private set; }
    public IReadOnlyList<LabourMarketRowError> Errors { get; private set; } = [];
    public Message? Error { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Last = await db.LabourMarketImports.OrderByDescending(i => i.Id).FirstOrDefaultAsync(ct);
        Count = await db.LabourMarketIndicators.CountAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) Error = new Message("Kies een CSV-bestand.");
        else if (file.Length > LabourMarketService.MaxBytes) Error = new Message("Het bestand is groter dan 5 MB; er is niets gewijzigd.");
        else
        {
            await using var stream = file.OpenReadStream();
            var result = await market.ImportAsync(stream, file.FileName, User.Identity?.Name ?? "?", ct);
            if (result.Applied)
            {
                Message = $"{result.Rows} indicatoren ingelezen; de vorige zijn vervangen.";
                return RedirectToPage();
            }
            Error = new Message("Het bestand {0} is niet ingelezen; er is niets gewijzigd. Deze regels kloppen niet:", file.FileName);
            Errors = result.Errors;
        }
        await LoadAsync(ct);
        return Page();
    }
}
