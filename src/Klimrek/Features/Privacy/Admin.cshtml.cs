using Klimrek.Data;
using Klimrek.Infrastructure.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Klimrek.Features.Privacy;

/// <summary>
/// The beheerder's privacy desk: the access log (all, or about one person), and a person's data download or erase on
/// their request. Both are recorded in the person's access log until erased.
/// </summary>
public sealed class AdminModel(PersonalDataService data, AccessLog log, UserManager<KlimrekUser> users, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }
    public KlimrekUser? Person { get; private set; }
    public List<AccessLogEntry> Log { get; private set; } = [];
    public Dictionary<string, string> Subjects { get; private set; } = [];
    public string? Error { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Email))
        {
            Person = await users.FindByEmailAsync(Email.Trim());
            if (Person is null) Error = "Er is geen account met dit e-mailadres.";
        }
        Log = await log.AllAsync(Person?.Id, 0, 200, ct);
        var ids = Log.Select(e => e.SubjectId).Distinct().ToList();
        Subjects = users.Users.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionary(u => u.Id, u => u.DisplayName);
    }

    public async Task<IActionResult> OnPostDownloadAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Person is null) return Page();
        await log.RecordAsync(User, Person.Id, AccessKind.DataExportedByBeheerder, null, ct);
        return File(await data.ExportAsync(Person.Id, ct), "application/zip", $"klimrek-gegevens-{Person.Id[..8]}-{clock.GetUtcNow():yyyyMMdd}.zip");
    }

    public async Task<IActionResult> OnPostEraseAsync(string? confirm, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Person is null) return Page();
        if (!string.Equals(confirm?.Trim(), Person.Email, StringComparison.OrdinalIgnoreCase))
        {
            Error = "Typ het e-mailadres van het account om te bevestigen.";
            return Page();
        }
        await data.EraseAsync(Person.Id, ct);
        Message = "Het account en de persoonlijke gegevens zijn verwijderd.";
        return Redirect("/beheer/privacy");
    }
}
