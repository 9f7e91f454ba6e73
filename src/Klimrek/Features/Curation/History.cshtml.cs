using Klimrek.Core.Atlas;
using Klimrek.Data;
using Klimrek.Features.Atlas;
using Klimrek.Features.Esco;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Klimrek.Features.Curation;

/// <summary>
/// The version history of a beroepsbeeld (public), one version compared word by word with another of the same section
/// (by default the one before it), and — for curators — "deze versie terugzetten", which saves the chosen version's
/// content as a new version.
/// </summary>
public sealed class HistoryModel(EscoCatalogue cache, AtlasQueries queries, CurationService curation, UserManager<KlimrekUser> users) : PageModel
{
    public OccupationSummary Occupation { get; private set; } = null!;
    public List<ImageRevision> Revisions { get; private set; } = [];
    public ImageRevision? Selected { get; private set; }
    /// <summary>The version the selected one is compared with (null: the selected one is the first).</summary>
    public ImageRevision? Other { get; private set; }
    /// <summary>Every version of the selected section, newest first (to choose the other version from).</summary>
    public List<ImageRevision> SectionVersions { get; private set; } = [];
    public IReadOnlyList<DiffPiece> Diff { get; private set; } = [];
    public bool CanRestore { get; private set; }
    public int LatestVersion { get; private set; }
    public string? Error { get; private set; }
    [TempData] public string? Message { get; set; }

    private IStringLocalizer L => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    public async Task<IActionResult> OnGetAsync(string id, long? revision, long? met, CancellationToken ct)
    {
        if (await queries.ResolveAsync(id, ct) is not int oid) return NotFound();
        Occupation = (await cache.GetAsync(ct)).Occupations[oid];
        if (revision is long rid)
        {
            if (!await LoadAsync(oid, rid, met, ct)) return NotFound();
        }
        else
        {
            Revisions = await curation.HistoryAsync(oid, ct);
        }
        return Page();
    }

    /// <summary>Restores the selected version as a new one; <paramref name="baseVersion"/> is the newest version the curator saw.</summary>
    public async Task<IActionResult> OnPostRestoreAsync(string id, long? revision, int baseVersion, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Curator) && !User.IsInRole(Roles.Beheerder)) return Forbid();
        if (await queries.ResolveAsync(id, ct) is not int oid || revision is not long rid) return NotFound();
        Occupation = (await cache.GetAsync(ct)).Occupations[oid];
        var old = await curation.RevisionAsync(oid, rid, ct);
        if (old is null) return NotFound();
        var user = await users.GetUserAsync(User);
        if (user?.Origin is not ContributorOrigin origin)
        {
            Error = CurationRules.NoOriginMessage;
        }
        else
        {
            var outcome = await curation.RestoreAsync(old, baseVersion, user.Id, user.DisplayName is { Length: > 0 } n ? n : User.Identity?.Name ?? "onbekend", origin, ct);
            switch (outcome)
            {
                case SaveOutcome.Saved saved:
                    TempData[nameof(Message)] = L["Versie {0} is teruggezet: de tekst is nu versie {1}.", old.Version, saved.Revision.Version].Value;
                    return Redirect($"/beroepen/{oid}/versies/{saved.Revision.Id}");
                case SaveOutcome.Unchanged:
                    Error = "Deze versie is al de huidige tekst; er is geen nieuwe versie gemaakt.";
                    break;
                case SaveOutcome.Conflict:
                    Error = "Iemand anders heeft dit onderdeel intussen gewijzigd. Bekijk de nieuwste versie en kies opnieuw.";
                    break;
                case SaveOutcome.Invalid inv:
                    Error = string.Join(" ", inv.Errors);
                    break;
            }
        }
        await LoadAsync(oid, rid, null, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int oid, long rid, long? met, CancellationToken ct)
    {
        Selected = await curation.RevisionAsync(oid, rid, ct);
        if (Selected is null) return false;
        SectionVersions = await curation.SectionVersionsAsync(oid, Selected.Section, ct);
        LatestVersion = SectionVersions.Count > 0 ? SectionVersions[0].Version : 0;
        Other = met is long m ? SectionVersions.FirstOrDefault(v => v.Id == m && v.Id != rid) : null;
        Other ??= SectionVersions.FirstOrDefault(v => v.Version < Selected.Version);
        var kind = ImageSections.Find(Selected.Section)?.Kind ?? SectionKind.Text;
        var (older, newer) = Other is null || Other.Version < Selected.Version ? (Other, Selected) : (Selected, Other);
        var snapshot = await cache.GetAsync(ct);
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nl";
        string? SkillName(string uri) => snapshot.SkillByUri.TryGetValue(uri, out var sid) && snapshot.Skills.TryGetValue(sid, out var info) ? info.Label(language).Text : null;
        Diff = VersionDiff.Words(VersionDiff.Readable(kind, older?.Content, SkillName), VersionDiff.Readable(kind, newer.Content, SkillName));
        CanRestore = (User.IsInRole(Roles.Curator) || User.IsInRole(Roles.Beheerder)) && Selected.Version != LatestVersion;
        return true;
    }

    /// <summary>The older and the newer of the two compared versions, for the heading of the comparison.</summary>
    public (ImageRevision? Older, ImageRevision Newer) Compared =>
        Other is null || Other.Version < Selected!.Version ? (Other, Selected!) : (Selected, Other);
}
