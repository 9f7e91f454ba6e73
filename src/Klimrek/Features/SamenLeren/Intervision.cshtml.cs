using Klimrek.Data;
using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.SamenLeren;

public sealed class IntervisionModel(EvaluationService evaluations, ProgrammeService programmes) : SamenLerenPage
{
    [FromRoute] public int Id { get; set; }
    public List<IntervisionSession> Sessions { get; private set; } = [];
    public List<(int Id, string Name)> NameList { get; private set; } = [];
    public Dictionary<int, string> Names { get; private set; } = [];

    private async Task LoadAsync(CancellationToken ct)
    {
        Sessions = await evaluations.IntervisionAsync(Access, ct);
        NameList = await programmes.ParticipantNamesAsync(Id, ct);
        Names = NameList.ToDictionary(x => x.Id, x => x.Name);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private Task<IActionResult> Change(Func<Task> action, string message, CancellationToken ct) =>
        ChangeAsync(action, () => LoadAsync(ct), message, $"/samen-leren/{Id}/intervisie");

    public Task<IActionResult> OnPostPlanAsync(DateOnly date, TimeOnly? time, string? location, List<int> attendees, int? reporter, bool appreciative, CancellationToken ct) =>
        Change(() => evaluations.PlanIntervisionAsync(Access, new IntervisionInput(date, reporter, attendees, appreciative, time, location), ct),
            "De bijeenkomst is gepland en de deelnemers zijn uitgenodigd.", ct);

    public Task<IActionResult> OnPostReportAsync(int sessionId, string? problems, string? discussed, string? learningPoints, List<string> tags, CancellationToken ct) =>
        Change(() => evaluations.WriteIntervisionReportAsync(Access, sessionId, new IntervisionReportInput(problems, discussed, learningPoints, tags), ct), "Het verslag is opgeslagen.", ct);
}
