using Klimrek.Data;
using Klimrek.Infrastructure.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Security.Claims;

namespace Klimrek.Features.Privacy;

/// <summary>"Mijn gegevens": download everything, see who read what, erase the account.</summary>
public sealed class MyDataModel(PersonalDataService data, AccessLog log, UserManager<KlimrekUser> users, SignInManager<KlimrekUser> signIn,
    TimeProvider clock) : PageModel
{
    public List<AccessLogEntry> Log { get; private set; } = [];
    public IReadOnlyList<string> Areas => data.Areas;
    public string? Error { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken ct) => Log = await log.OfAsync(UserId, 500, ct);

    public async Task<IActionResult> OnPostDownloadAsync(CancellationToken ct) =>
        File(await data.ExportAsync(UserId, ct), "application/zip", PrivacyModule.FileName(clock));

    public async Task<IActionResult> OnPostEraseAsync(string? password, bool understood, CancellationToken ct)
    {
        var me = await users.GetUserAsync(User);
        if (me is null) return NotFound();
        if (!understood) Error = "Vink aan dat je begrijpt dat verwijderen niet ongedaan kan worden.";
        else if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(me, password)) Error = "Bevestig met je wachtwoord; het klopt niet.";
        if (Error is not null)
        {
            Log = await log.OfAsync(UserId, 500, ct);
            return Page();
        }
        await data.EraseAsync(me.Id, ct);
        await signIn.SignOutAsync();
        return Redirect("/account/verwijderd");
    }
}
