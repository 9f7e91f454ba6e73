using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.SamenLeren;

/// <summary>Creating a programme (steering-group role) or changing its settings (its steering group).</summary>
public sealed class SettingsModel(ProgrammeService programmes, TimeProvider clock) : SamenLerenPage
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public ProgrammeSettings Form { get; set; } = new();

    /// <summary>The budget as typed: number inputs post "2.5" whatever the page's language, people may type "2,5".</summary>
    [BindProperty] public string? ExpertBudget { get; set; }

    private bool MayCreate => User.IsInRole(Roles.Stuurgroep) || User.IsInRole(Roles.Beheerder);

    public IActionResult OnGet()
    {
        if (Id is null)
        {
            if (!MayCreate) return Forbid();
            var today = DutchTime.Today(clock.GetUtcNow().UtcDateTime);
            Form = new ProgrammeSettings { StartDate = today.AddDays(14), EndDate = today.AddDays(14 + 7 * 40) };
        }
        else
        {
            if (!Access.IsSteward) return Forbid();
            Form = Access.Programme.Settings;
        }
        ExpertBudget = Form.ExpertBudgetPerDuo.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // An empty name is reported by the service with its own message; other binding errors are dates or numbers.
        if (ModelState.Where(kv => kv.Key != "Form.Name").Any(kv => kv.Value!.Errors.Count > 0))
        {
            Errors.Add(L["Controleer de velden: een datum of getal is niet goed ingevuld."]);
            return Page();
        }
        if (Id is null)
        {
            if (!MayCreate) return Forbid();
            Programme? created = null;
            var (ok, status) = await TryAsync(async () => created = await programmes.CreateProgrammeAsync(UserId, Settings(), ct));
            if (status is not null) return status;
            if (!ok) return Page();
            Message = "Het programma is opgezet. Voeg nu deelnemers toe.";
            return Redirect($"/samen-leren/{created!.Id}");
        }
        var (saved, st) = await TryAsync(() => programmes.UpdateProgrammeAsync(Access, Settings(), Version, ct));
        if (st is not null) return st;
        if (!saved) return Page();
        Message = "De instellingen zijn opgeslagen.";
        return Redirect($"/samen-leren/{Id}");
    }

    private ProgrammeSettings Settings() => Form with { Name = Form.Name ?? "", ExpertBudgetPerDuo = DuoModel.Number(ExpertBudget) };
}
