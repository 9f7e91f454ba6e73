using Klimrek.Data;
using Klimrek.Infrastructure;

namespace Klimrek.Features.Leercultuur.Rounds;

/// <summary>The organisations the user is HR, steering group or coach for in the scan.</summary>
public sealed class IndexModel : LcPage
{
    public List<(Organisation Organisation, ScanViewer As)> Mine { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Mine = await Access.MineAsync(LeercultuurAccess.Me(User), User.IsInRole(Roles.Begeleider), ct);
}
