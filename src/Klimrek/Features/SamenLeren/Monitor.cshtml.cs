using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.SamenLeren;

public sealed class MonitorModel(SamenLerenService service) : SamenLerenPage(service)
{
    [FromRoute] public int Id { get; set; }
    public List<DuoMonitorRow> Rows { get; private set; } = [];
    public List<OverdueReflection> Overdue { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAccessAsync(Id, ct) is { } status) return status;
        if (!Access.IsSteward) return Forbid();
        Rows = (await Service.DashboardAsync(Access, ct)).OrderByDescending(r => r.NotMetSignal).ThenByDescending(r => r.Warnings.Count).ToList();
        Overdue = await Service.OverdueAsync(Access, ct);
        return Page();
    }
}
