using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.SamenLeren;

public sealed class MonitorModel(MonitoringService monitoring) : SamenLerenPage
{
    [FromRoute] public int Id { get; set; }
    public List<DuoMonitorRow> Rows { get; private set; } = [];
    public List<OverdueReflection> Overdue { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Access.IsSteward) return Forbid();
        Rows = (await monitoring.DashboardAsync(Access, ct)).OrderByDescending(r => r.NotMetSignal).ThenByDescending(r => r.Warnings.Count).ToList();
        Overdue = await monitoring.OverdueAsync(Access, ct);
        return Page();
    }
}
