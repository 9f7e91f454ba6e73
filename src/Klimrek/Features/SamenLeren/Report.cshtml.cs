using Klimrek.Infrastructure.Privacy;
using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.SamenLeren;

public sealed class ReportModel(MonitoringService monitoring, EvaluationService evaluations, AccessLog log) : SamenLerenPage
{
    [FromRoute] public int Id { get; set; }
    public ProgrammeReport Report { get; private set; } = null!;
    public List<SharedEvaluation> Evaluations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Access.IsSteward) return Forbid();
        Report = await monitoring.ReportAsync(Access, ct);
        Evaluations = await evaluations.SharedEvaluationsAsync(Access, ct);
        await SamenLerenAudit.EvaluationsReadAsync(log, User, Access, Evaluations, ct);
        return Page();
    }
}
