using Klimrek.Infrastructure;

namespace Klimrek.Features.SamenLeren;

public sealed class IndexModel(ProgrammeService programmes) : SamenLerenPage
{
    public List<ProgrammeService.ProgrammeListItem> Programmes { get; private set; } = [];
    public bool CanCreate => User.IsInRole(Roles.Stuurgroep) || User.IsInRole(Roles.Beheerder);

    public async Task OnGetAsync(CancellationToken ct) => Programmes = await programmes.MyProgrammesAsync(UserId, ct);
}
