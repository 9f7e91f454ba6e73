using Klimrek.Data;
using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.Werkleren.Conversations;

/// <summary>
/// Drivers and themes instead of learning goals: choose several drivers and weigh each, add drivers in your own words;
/// themes are what occupies you now (add, note, close, reopen). Each item is shared on its own, or not at all.
/// </summary>
public sealed class DriversAndThemesModel(ConversationService conversations) : ConversationsPage
{
    /// <summary>One row of the driver form: a named driver (chosen or not) or one in own words (kept or not; the last row is new).</summary>
    public sealed class DriverRow
    {
        public int? Id { get; set; }
        public string Key { get; set; } = "";
        public bool Chosen { get; set; }
        public int Weight { get; set; } = 3;
        public string? OwnWords { get; set; }
        public bool Begeleider { get; set; }
        public bool Leidinggevende { get; set; }
    }

    [BindProperty] public List<DriverRow> Rows { get; set; } = [];
    public List<WorkTheme> Themes { get; private set; } = [];

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public bool Begeleider { get; set; }
    [BindProperty] public bool Leidinggevende { get; set; }

    private const string Here = "/werkleren/drijfveren";

    private async Task LoadAsync(bool rows, CancellationToken ct)
    {
        Themes = await conversations.ThemesAsync(UserId, ct);
        if (!rows) return;
        var held = await conversations.DriversAsync(UserId, ct);
        Rows = Drivers.All.Select(k => held.FirstOrDefault(d => d.Key == k) is { } d
                ? new DriverRow { Id = d.Id, Key = k, Chosen = true, Weight = d.Weight, Begeleider = d.SharedWith.HasFlag(Audience.Begeleider), Leidinggevende = d.SharedWith.HasFlag(Audience.Leidinggevende) }
                : new DriverRow { Key = k })
            .Concat(held.Where(d => d.Key == Drivers.Eigen).OrderBy(d => d.Id).Select(d => new DriverRow
            {
                Id = d.Id, Key = Drivers.Eigen, Chosen = true, Weight = d.Weight, OwnWords = d.OwnWords,
                Begeleider = d.SharedWith.HasFlag(Audience.Begeleider), Leidinggevende = d.SharedWith.HasFlag(Audience.Leidinggevende),
            }))
            .Append(new DriverRow { Key = Drivers.Eigen }).ToList();
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(true, ct);

    public async Task<IActionResult> OnPostDriversAsync(CancellationToken ct)
    {
        // A named driver counts when ticked; one in own words when kept (ticked) or newly written (the empty last row).
        var chosen = Rows.Where(r => r.Key == Drivers.Eigen
                ? (r.Id is null ? !string.IsNullOrWhiteSpace(r.OwnWords) : r.Chosen)
                : r.Chosen)
            .Select(r => new ConversationService.DriverInput(r.Id, r.Key, r.OwnWords, r.Weight, r.Begeleider, r.Leidinggevende)).ToList();
        return await ChangeAsync(() => conversations.SaveDriversAsync(UserId, chosen, ct), () => LoadAsync(false, ct), "Je drijfveren zijn opgeslagen.", () => Here);
    }

    public async Task<IActionResult> OnPostAddThemeAsync(CancellationToken ct) =>
        await ChangeAsync(() => conversations.AddThemeAsync(UserId, new ConversationService.ThemeInput(Title, Note, null, Begeleider, Leidinggevende), ct),
            () => LoadAsync(true, ct), "Het thema is toegevoegd.", () => Here);

    public async Task<IActionResult> OnPostSaveThemeAsync(int themeId, CancellationToken ct) =>
        await ChangeAsync(() => conversations.UpdateThemeAsync(UserId, themeId, new ConversationService.ThemeInput(Title, Note, null, Begeleider, Leidinggevende), ct),
            () => LoadAsync(true, ct), "Het thema is opgeslagen.", () => Here);

    public async Task<IActionResult> OnPostCloseThemeAsync(int themeId, bool closed, CancellationToken ct) =>
        await ChangeAsync(() => conversations.SetThemeClosedAsync(UserId, themeId, closed, ct), () => LoadAsync(true, ct),
            closed ? "Het thema is afgesloten." : "Het thema is weer open.", () => Here);

    public async Task<IActionResult> OnPostDeleteThemeAsync(int themeId, CancellationToken ct) =>
        await ChangeAsync(() => conversations.DeleteThemeAsync(UserId, themeId, ct), () => LoadAsync(true, ct), "Het thema is verwijderd.", () => Here);
}
