using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.SamenLeren;

public sealed class ReportModel(MonitoringService monitoring, EvaluationService evaluations) : SamenLerenPage
{
    [FromRoute] public int Id { get; set; }
    public ProgrammeReport Report { get; private set; } = null!;
    public List<(string Name, Klimrek.Data.Evaluation Evaluation)> Evaluations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Access.IsSteward) return Forbid();
        Report = await monitoring.ReportAsync(Access, ct);
        Evaluations = await evaluations.SharedEvaluationsAsync(Access, ct);
        return Page();
    }
}
