using Klimrek.Data;
using Microsoft.AspNetCore.Mvc;
using System.Globalization;

namespace Klimrek.Features.Werkleren.Climate;

/// <summary>
/// Mijn microleerklimaat: the circle (add, change roles, take out), its picture with a text equivalent, a signal to
/// some of them, and the timeline of signals with their answers. Only the person themselves ever sees this page's content.
/// </summary>
public sealed class IndexModel(ClimateService climate) : ClimatePage
{
    public List<CircleMember> Members { get; private set; } = [];
    public List<CircleMember> Removed { get; private set; } = [];
    public Dictionary<int, Responsiveness> Responsiveness { get; private set; } = [];
    public List<Signal> Signals { get; private set; } = [];
    public List<(int Id, string Title)> Experiments { get; private set; } = [];
    public List<CirclePicture.Node> Picture { get; private set; } = [];

    [BindProperty] public string? NewName { get; set; }
    [BindProperty] public string? NewEmail { get; set; }
    [BindProperty] public List<string> NewRoles { get; set; } = [];
    [BindProperty] public bool NewLeidinggevende { get; set; }
    [BindProperty] public string? SignalText { get; set; }
    [BindProperty] public List<int> SignalTo { get; set; } = [];
    [BindProperty] public int? SignalExperiment { get; set; }

    public static CircleRoles RolesFrom(IEnumerable<string> keys) =>
        keys.Aggregate(CircleRoles.None, (a, k) => a | ClimateService.RoleOrder.FirstOrDefault(r => ClimateService.RoleKey(r) == k));

    private async Task LoadAsync(CancellationToken ct)
    {
        var all = await climate.CircleAsync(UserId, includeRemoved: true, ct);
        Members = all.Where(m => m.RemovedAt is null).ToList();
        Removed = all.Where(m => m.RemovedAt is not null).ToList();
        Responsiveness = await climate.ResponsivenessAsync(UserId, ct);
        Signals = await climate.SignalsAsync(UserId, 100, ct);
        Experiments = await climate.ExperimentsAsync(UserId, ct);
        Picture = CirclePicture.Layout(Members, Responsiveness);
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task<IActionResult> ChangeAsync(Func<Task> action, string message, string anchor, CancellationToken ct)
    {
        var (ok, status) = await TryAsync(action);
        if (status is not null) return status;
        if (!ok)
        {
            await LoadAsync(ct);
            return Page();
        }
        Message = message;
        return Redirect("/werkleren/klimaat" + anchor);
    }

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        ChangeAsync(() => climate.AddAsync(UserId, new MemberInput(NewName, NewEmail, RolesFrom(NewRoles), NewLeidinggevende), ct),
            "Toegevoegd aan je microleerklimaat.", "#kring", ct);

    public Task<IActionResult> OnPostEditAsync(int memberId, string? name, List<string>? roles, bool leidinggevende, CancellationToken ct) =>
        ChangeAsync(() => climate.UpdateAsync(UserId, memberId, new MemberInput(name ?? "", null, RolesFrom(roles ?? []), leidinggevende), ct),
            "De wijziging is opgeslagen.", "#kring", ct);

    public Task<IActionResult> OnPostRemoveAsync(int memberId, CancellationToken ct) =>
        ChangeAsync(() => climate.RemoveAsync(UserId, memberId, ct), "Niet meer in je microleerklimaat; eerdere signalen en antwoorden blijven bewaard.", "#kring", ct);

    public Task<IActionResult> OnPostSignalAsync(CancellationToken ct)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nl";
        return ChangeAsync(() => climate.SendAsync(UserId, SignalText, SignalTo, SignalExperiment, language, ct), "Je signaal is verstuurd.", "#tijdlijn", ct);
    }
}
