using Klimrek.Features.Werkleren.Cycle;

namespace Klimrek.Features.Werkleren.Sharing;

/// <summary>For a leidinggevende or begeleider: the people who named them.</summary>
public sealed class GedeeldModel(SharingService sharing) : CyclePage
{
    public List<SharingPerson> People { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => People = await sharing.PeopleAsync(UserId, ct);
}
