using Klimrek.Infrastructure;

namespace Klimrek.Features.SamenLeren;

public sealed class IndexModel(SamenLerenService service) : SamenLerenPage(service)
{
    public List<SamenLerenService.ProgrammeListItem> Programmes { get; private set; } = [];
    public bool CanCreate => User.IsInRole(Roles.Stuurgroep) || User.IsInRole(Roles.Beheerder);

    public async Task OnGetAsync(CancellationToken ct) => Programmes = await Service.MyProgrammesAsync(UserId, ct);
}
