using Klimrek.Data;
using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace Klimrek.Features.Werkleren.Readiness;

/// <summary>/werkleren/bereidheid: a check-in in half a minute, the trend per aspect, and the check-ins with what helped.</summary>
public sealed class IndexModel(ReadinessService readiness, KlimrekDbContext db) : PageModel
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public List<ReadinessCheckIn> CheckIns { get; private set; } = [];
    public bool SuggestionOn { get; private set; }
    public bool HasBegeleider { get; private set; }
    [TempData] public string? Message { get; set; }
    public List<string> Errors { get; } = [];

    /// <summary>What was typed, kept when the form is refused.</summary>
    [BindProperty] public int? Weten { get; set; }
    [BindProperty] public int? Willen { get; set; }
    [BindProperty] public int? Kunnen { get; set; }
    [BindProperty] public int? Durven { get; set; }
    [BindProperty] public int? Mogen { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Helped { get; set; }
    [BindProperty] public bool Share { get; set; }

    public int? Value(string aspect) => aspect switch
    {
        "weten" => Weten,
        "willen" => Willen,
        "kunnen" => Kunnen,
        "durven" => Durven,
        _ => Mogen,
    };

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        CheckIns = await readiness.ListAsync(UserId, 52, ct);
        SuggestionOn = await readiness.SuggestionOnAsync(UserId, ct);
        HasBegeleider = await db.WorkRelations.AnyAsync(r => r.OwnerId == UserId && r.Kind == WorkRelationKind.Begeleider, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await readiness.AddAsync(UserId, new CheckInInput(Weten, Willen, Kunnen, Durven, Mogen, Note, Helped, Share), ct);
        }
        catch (ProblemException e)
        {
            return await RefusedAsync(e, ct);
        }
        Message = "Je check-in is bewaard.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUpdateAsync(int checkInId, string? note, string? helped, bool share, CancellationToken ct)
    {
        try
        {
            await readiness.UpdateAsync(UserId, checkInId, new CheckInUpdate(note, helped, share), ct);
        }
        catch (ProblemException e) when (e.Status == 400)
        {
            return await RefusedAsync(e, ct);
        }
        Message = "De check-in is bijgewerkt.";
        return RedirectToPage(null, null, null, $"check-{checkInId}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int checkInId, CancellationToken ct)
    {
        await readiness.DeleteAsync(UserId, checkInId, ct);
        Message = "De check-in is verwijderd.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSuggestionAsync(bool on, CancellationToken ct)
    {
        await readiness.SetSuggestionAsync(UserId, on, ct);
        Message = on ? "Je krijgt weer een suggestie als je een week geen check-in deed." : "Je krijgt geen suggesties meer voor een check-in.";
        return RedirectToPage();
    }

    private async Task<IActionResult> RefusedAsync(ProblemException e, CancellationToken ct)
    {
        foreach (var (field, messages) in e.Fields)
            foreach (var m in messages)
                Errors.Add((field.Length > 0 ? FieldName(field) + ": " : "") + Text(m));
        if (e.Fields.Count == 0) Errors.Add(Text(e.Title));
        await LoadAsync(ct);
        return Page();
    }

    private string FieldName(string field) =>
        L[ReadinessService.Aspects.Where(a => a.Key == field).Select(a => a.Name).FirstOrDefault() ?? (field == "note" ? "Notitie" : "Wat hielp")];

    private Microsoft.Extensions.Localization.IStringLocalizer L =>
        HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();

    private string Text(Message m) => m.Args.Length == 0 ? L[m.Key].Value : L[m.Key, m.Args].Value;
}
