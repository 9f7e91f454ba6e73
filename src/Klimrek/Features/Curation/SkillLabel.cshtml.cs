using Klimrek.Data;
using Klimrek.Features.Atlas;
using Klimrek.Features.Esco;
using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Klimrek.Features.Curation;

/// <summary>
/// <c>/vaardigheden/{id}/vertaling</c>: a curator corrects our own Dutch name and search synonyms of a skill; every save
/// is a version (listed, restorable). Skills with an official Dutch label from ESCO are shown, not edited.
/// </summary>
public sealed class SkillLabelModel(EscoCatalogue catalogue, SkillLabelCuration labels, UserManager<KlimrekUser> users) : PageModel
{
    public SkillLabelState State { get; private set; } = null!;
    public List<string> Errors { get; } = [];
    [TempData] public string? Message { get; set; }

    [BindProperty] public string? Label { get; set; }
    /// <summary>Synonyms, one a line.</summary>
    [BindProperty] public string? Synonyms { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public int BaseVersion { get; set; }

    private IStringLocalizer L => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        if (SkillModel.Resolve(await catalogue.GetAsync(ct), id) is not int sid || await labels.GetAsync(sid, ct) is not { } s) return false;
        State = s;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Label = State.Label;
        Synonyms = string.Join('\n', State.Synonyms);
        BaseVersion = State.Version;
        return Page();
    }

    public Task<IActionResult> OnPostAsync(string id, CancellationToken ct) => SaveAsync(id, (user, name) =>
        labels.SaveAsync(State.Skill.Id, BaseVersion, Label, (Synonyms ?? "").Split('\n'), Note, user, name, ct), ct);

    public Task<IActionResult> OnPostRestoreAsync(string id, int version, CancellationToken ct) => SaveAsync(id, (user, name) =>
        labels.RestoreAsync(State.Skill.Id, version, BaseVersion, user, name, ct), ct);

    private async Task<IActionResult> SaveAsync(string id, Func<string?, string, Task<SkillLabelRevision>> save, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var user = await users.GetUserAsync(User);
        try
        {
            var saved = await save(user?.Id, user?.DisplayName is { Length: > 0 } n ? n : User.Identity?.Name ?? "onbekend");
            Message = L["Opgeslagen: de vertaling is nu versie {0}.", saved.Version].Value;
            return Redirect($"/vaardigheden/{State.Skill.Id}/vertaling");
        }
        catch (ProblemException e)
        {
            Errors.AddRange(e.AllMessages().Select(m => L[m.Key, m.Args].Value));
            if (e.Status == 409)
            {
                // Your text stays in the form; saving again deliberately builds on the newer version.
                await LoadAsync(id, ct);
                BaseVersion = State.Version;
            }
            return Page();
        }
    }
}
