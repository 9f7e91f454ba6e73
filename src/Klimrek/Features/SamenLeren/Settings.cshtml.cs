using Klimrek.Data;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.SamenLeren;

/// <summary>Creating a programme (steering-group role) or changing its settings (its steering group).</summary>
public sealed class SettingsModel(ProgrammeService programmes, TimeProvider clock) : SamenLerenPage
{
    public sealed class FormInput
    {
        public string Name { get; set; } = "";
        public string? Description { get; set; }
        public DateOnly StartDate { get; set; }
        public DateOnly EndDate { get; set; }
        public int HoursPerParticipant { get; set; } = 75;
        public string ExpertBudgetPerDuo { get; set; } = "1000";
        public int ReflectionCadenceWeeks { get; set; } = 6;
        public int IntervisionSessionCount { get; set; } = 3;
        public int NotMetWeeks { get; set; } = 3;
        public int WeightComplementarity { get; set; } = 40;
        public int WeightQualities { get; set; } = 10;
        public int WeightAffinity { get; set; } = 20;
        public int WeightAvailability { get; set; } = 20;
        public int WeightCrossDepartment { get; set; } = 10;
        public bool AvoidSameTeam { get; set; }
        public bool TrioForOdd { get; set; } = true;
        public ReflectionVisibility ReflectionVisibility { get; set; } = ReflectionVisibility.DuoAndStuurgroep;

        public ProgrammeInput ToInput() => new(Name, Description, StartDate, EndDate, HoursPerParticipant, DuoModel.Number(ExpertBudgetPerDuo), ReflectionCadenceWeeks,
            IntervisionSessionCount, NotMetWeeks, WeightComplementarity, WeightQualities, WeightAffinity, WeightAvailability, WeightCrossDepartment,
            AvoidSameTeam, TrioForOdd, ReflectionVisibility);
    }

    [FromRoute] public int? Id { get; set; }
    [BindProperty] public FormInput Form { get; set; } = new();

    private bool MayCreate => User.IsInRole(Roles.Stuurgroep) || User.IsInRole(Roles.Beheerder);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null)
        {
            if (!MayCreate) return Forbid();
            var today = DutchTime.Today(clock.GetUtcNow().UtcDateTime);
            Form = new FormInput { StartDate = today.AddDays(14), EndDate = today.AddDays(14 + 7 * 40) };
            return Page();
        }
        if (!Access.IsSteward) return Forbid();
        var p = Access.Programme;
        Form = new FormInput
        {
            Name = p.Name, Description = p.Description, StartDate = p.StartDate, EndDate = p.EndDate, HoursPerParticipant = p.HoursPerParticipant,
            ExpertBudgetPerDuo = p.ExpertBudgetPerDuo.ToString(System.Globalization.CultureInfo.InvariantCulture), ReflectionCadenceWeeks = p.ReflectionCadenceWeeks, IntervisionSessionCount = p.IntervisionSessionCount,
            NotMetWeeks = p.NotMetWeeks, WeightComplementarity = p.WeightComplementarity, WeightQualities = p.WeightQualities, WeightAffinity = p.WeightAffinity,
            WeightAvailability = p.WeightAvailability, WeightCrossDepartment = p.WeightCrossDepartment, AvoidSameTeam = p.AvoidSameTeam, TrioForOdd = p.TrioForOdd,
            ReflectionVisibility = p.ReflectionVisibility,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Errors.Add(L["Controleer de velden: een datum of getal is niet goed ingevuld."]);
            return Page();
        }
        if (Id is null)
        {
            if (!MayCreate) return Forbid();
            Programme? created = null;
            var (ok, status) = await TryAsync(async () => created = await programmes.CreateProgrammeAsync(UserId, Form.ToInput(), ct));
            if (status is not null) return status;
            if (!ok) return Page();
            Message = "Het programma is opgezet. Voeg nu deelnemers toe.";
            return Redirect($"/samen-leren/{created!.Id}");
        }
        var (saved, st) = await TryAsync(() => programmes.UpdateProgrammeAsync(Access, Form.ToInput(), ct));
        if (st is not null) return st;
        if (!saved) return Page();
        Message = "De instellingen zijn opgeslagen.";
        return Redirect($"/samen-leren/{Id}");
    }
}
