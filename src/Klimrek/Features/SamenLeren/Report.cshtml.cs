using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.SamenLeren;

public sealed class ReportModel(SamenLerenService service) : SamenLerenPage(service)
{
    [FromRoute] public int Id { get; set; }
    public ProgrammeReport Report { get; private set; } = null!;
    public List<(string Name, Klimrek.Data.Evaluation Evaluation)> Evaluations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAccessAsync(Id, ct) is { } status) return status;
        if (!Access.IsSteward) return Forbid();
        Report = await Service.ReportAsync(Access, ct);
        Evaluations = await Service.EvaluationsAsync(Access, ct);
        return Page();
    }
}
