using Klimrek.Core.Atlas;
using Klimrek.Data;
using Klimrek.Features.Atlas;
using Klimrek.Features.Esco;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Klimrek.Features.Curation;

public sealed class EditModel(EscoCatalogue cache, AtlasQueries queries, CurationService curation, UserManager<KlimrekUser> users) : PageModel
{
    public OccupationSummary Occupation { get; private set; } = null!;
    public ProfileSection Section { get; private set; } = null!;
    public ProfileRevision? Conflict { get; private set; }
    public List<string> Errors { get; } = [];
    public string? Message { get; private set; }

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public List<ListRow> Rows { get; set; } = [];
    [BindProperty] public int BaseVersion { get; set; }
    [BindProperty] public string? Origin { get; set; }
    [BindProperty] public string? Note { get; set; }

    public const int EmptyRows = 3;

    private async Task<bool> LoadAsync(string id, string section, CancellationToken ct)
    {
        var resolved = await queries.ResolveAsync(id, ct);
        var s = ProfileSections.Find(section);
        if (resolved is not int oid || s is null) return false;
        Occupation = (await cache.GetAsync(ct)).Occupations[oid];
        Section = s;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string id, string section, CancellationToken ct)
    {
        if (!await LoadAsync(id, section, ct)) return NotFound();
        var current = (await queries.LatestSectionsAsync(Occupation.Id, ct)).GetValueOrDefault(Section.Key);
        BaseVersion = current?.Version ?? 0;
        if (Section.Kind == SectionKind.Text) Text = current?.Content;
        else Rows = ListRow.From(Section.Kind, current?.Content);
        var user = await users.GetUserAsync(User);
        Origin = OriginLabels.Of(user?.Origin ?? ContributorOrigin.Onderwijs);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string section, CancellationToken ct)
    {
        if (!await LoadAsync(id, section, ct)) return NotFound();
        if (!OriginLabels.TryParse(Origin, out var origin))
            Errors.Add("Kies namens wie je schrijft: onderwijs, werkgever of onderzoek.");
        string content;
        if (Section.Kind == SectionKind.Text)
            content = Text ?? "";
        else
        {
            var (json, errors) = CurationService.SerializeList(Section.Kind, Rows);
            Errors.AddRange(errors);
            content = json;
        }
        if (Errors.Count > 0) return Page();

        var user = await users.GetUserAsync(User);
        var outcome = await curation.SaveAsync(Occupation.Id, Section.Key, BaseVersion, content, user?.Id,
            user?.DisplayName is { Length: > 0 } n ? n : User.Identity?.Name ?? "onbekend", origin, Note, ct);
        switch (outcome)
        {
            case SaveOutcome.Saved saved:
                TempData["Message"] = $"Opgeslagen als versie {saved.Revision.Version}.";
                return Redirect($"/beroepen/{Occupation.Id}#{Anchor(Section)}");
            case SaveOutcome.Unchanged:
                Message = "Er was niets gewijzigd; er is geen nieuwe versie gemaakt.";
                return Page();
            case SaveOutcome.Conflict c:
                Conflict = c.Current;
                // Your text stays in the form; saving again deliberately builds on the newer version.
                BaseVersion = c.Current.Version;
                return Page();
            case SaveOutcome.Invalid inv:
                Errors.AddRange(inv.Errors);
                return Page();
            default:
                return StatusCode(500);
        }
    }

    public static string Anchor(ProfileSection s) => s.Aspect is { } a ? "aspect-" + a.Key() : s.Key switch
    {
        ProfileSections.Klassiek or ProfileSections.Actueel => "klassiek-actueel",
        _ => s.Key,
    };

    public IReadOnlyList<ListRow> RowsWithBlanks() => [.. Rows, .. Enumerable.Range(0, EmptyRows).Select(_ => new ListRow())];
}
