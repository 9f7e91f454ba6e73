using Klimrek.Core.Atlas;
using Klimrek.Data;
using Klimrek.Features.Atlas;
using Klimrek.Features.Esco;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Klimrek.Features.Curation;

public sealed class EditModel(EscoCatalogue cache, AtlasQueries queries, CurationService curation, UserManager<KlimrekUser> users) : PageModel
{
    public OccupationSummary Occupation { get; private set; } = null!;
    public ImageSection Section { get; private set; } = null!;
    public ImageRevision? Conflict { get; private set; }
    public List<string> Errors { get; } = [];
    public string? Message { get; private set; }

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public List<ListRow> Rows { get; set; } = [];
    /// <summary>Aspect moves: per skill of the occupation the aspect chosen ("Verplaats naar …").</summary>
    [BindProperty] public List<MoveRow> Moves { get; set; } = [];
    /// <summary>The occupation's ESCO skills, for the aspect-moves section only.</summary>
    public IReadOnlyList<SkillItem> Skills { get; private set; } = [];
    /// <summary>Where <see cref="SkillAspectClassifier"/> puts each skill (by URI), before any curator's move.</summary>
    public IReadOnlyDictionary<string, BodyAspect> EscoAspects { get; private set; } = new Dictionary<string, BodyAspect>();
    [BindProperty] public int BaseVersion { get; set; }
    [BindProperty] public string? Origin { get; set; }
    [BindProperty] public string? Note { get; set; }
    /// <summary>Blank rows asked for beyond the usual three ("Meer regels"), so a long list is written in one save.</summary>
    [BindProperty] public int ExtraRows { get; set; }
    /// <summary>The backgrounds this curator may write on behalf of (set by the beheerder).</summary>
    public IReadOnlyList<ContributorOrigin> AllowedOrigins { get; private set; } = [];
    public const int MoreRowsStep = 5;

    public const int EmptyRows = 3;

    private IStringLocalizer L => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    private async Task<bool> LoadAsync(string id, string section, CancellationToken ct)
    {
        var resolved = await queries.ResolveAsync(id, ct);
        var s = ImageSections.Find(section);
        if (resolved is not int oid || s is null) return false;
        var snapshot = await cache.GetAsync(ct);
        Occupation = snapshot.Occupations[oid];
        Section = s;
        if (s.Kind == SectionKind.AspectMoves)
        {
            var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nl";
            Skills = (await queries.GetAsync(oid, language, ct))?.Skills ?? [];
            EscoAspects = Skills.ToDictionary(k => k.Uri, k => snapshot.SkillAspects.GetValueOrDefault(k.Id, BodyAspect.Handen), StringComparer.Ordinal);
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string id, string section, CancellationToken ct)
    {
        if (!await LoadAsync(id, section, ct)) return NotFound();
        var current = (await queries.LatestSectionsAsync(Occupation.Id, ct)).GetValueOrDefault(Section.Key);
        BaseVersion = current?.Version ?? 0;
        if (Section.Kind == SectionKind.Text) Text = current?.Content;
        else if (Section.Kind == SectionKind.AspectMoves) Moves = Skills.Select(k => new MoveRow { Uri = k.Uri, Aspect = k.Aspect.Key() }).ToList();
        else Rows = ListRow.From(Section.Kind, current?.Content);
        AllowedOrigins = CurationRules.AllowedOrigins(await users.GetUserAsync(User));
        Origin = AllowedOrigins.Count > 0 ? OriginLabels.Of(AllowedOrigins[0]) : null;
        return Page();
    }

    /// <summary>"Meer regels": shows the rows typed so far with more blank ones; nothing is saved.</summary>
    public async Task<IActionResult> OnPostMoreRowsAsync(string id, string section, CancellationToken ct)
    {
        if (!await LoadAsync(id, section, ct)) return NotFound();
        AllowedOrigins = CurationRules.AllowedOrigins(await users.GetUserAsync(User));
        Rows = Rows.Where(r => !r.Trimmed().IsEmpty).ToList();
        ExtraRows = Math.Clamp(ExtraRows + MoreRowsStep, 0, ImageSections.MaxListItems);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string section, CancellationToken ct)
    {
        if (!await LoadAsync(id, section, ct)) return NotFound();
        var user = await users.GetUserAsync(User);
        AllowedOrigins = CurationRules.AllowedOrigins(user);
        var parsed = OriginLabels.TryParse(Origin, out var origin);
        if (AllowedOrigins.Count == 0)
            Errors.Add(CurationRules.NoOriginMessage);
        else if (!parsed)
            Errors.Add("Kies namens wie je schrijft: onderwijs, werkgever of onderzoek.");
        else if (!AllowedOrigins.Contains(origin))
            Errors.Add(CurationRules.OtherOriginMessage);
        string content;
        if (Section.Kind == SectionKind.Text)
            content = Text ?? "";
        else if (Section.Kind == SectionKind.AspectMoves)
            content = MovesContent();
        else
        {
            var (json, errors) = CurationService.SerializeList(Section.Kind, Rows);
            Errors.AddRange(errors);
            content = json;
        }
        if (Errors.Count > 0) return Page();

        var outcome = await curation.SaveAsync(Occupation.Id, Section.Key, BaseVersion, content, user?.Id,
            user?.DisplayName is { Length: > 0 } n ? n : User.Identity?.Name ?? "onbekend", origin, Note, ct);
        switch (outcome)
        {
            case SaveOutcome.Saved saved:
                TempData["Message"] = L["Opgeslagen: {0} is nu versie {1}.", L[AspectLabels.SectionTitle(Section.Key)].Value, saved.Revision.Version].Value;
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

    public static string Anchor(ImageSection s) => s.Aspect is { } a ? "aspect-" + a.Key() : s.Key switch
    {
        ImageSections.Klassiek or ImageSections.Actueel => "klassiek-actueel",
        ImageSections.Aspecten => "beeld",
        _ => s.Key,
    };

    /// <summary>
    /// The moves as stored: one line per skill whose chosen aspect differs from ESCO's. Unknown skills or aspect keys
    /// are passed on as they are, so the service refuses them with its Dutch message.
    /// </summary>
    private string MovesContent() => string.Join('\n', Moves
        .Where(m => !string.IsNullOrWhiteSpace(m.Uri) && !string.IsNullOrWhiteSpace(m.Aspect))
        .Where(m => !(EscoAspects.TryGetValue(m.Uri!.Trim(), out var esco) && string.Equals(esco.Key(), m.Aspect!.Trim(), StringComparison.OrdinalIgnoreCase)))
        .Select(m => m.Uri!.Trim() + "\t" + m.Aspect!.Trim().ToLowerInvariant()));

    /// <summary>The aspect chosen for one skill.</summary>
    public string? ChosenAspect(SkillItem skill) =>
        Moves.FirstOrDefault(m => m.Uri == skill.Uri)?.Aspect ?? skill.Aspect.Key();

    /// <summary>The rows to show: those with content, then blank ones (three, more after "Meer regels"), never over the maximum.</summary>
    public IReadOnlyList<ListRow> RowsWithBlanks()
    {
        var filled = Rows.Where(r => !r.Trimmed().IsEmpty).ToList();
        var blanks = Math.Clamp(EmptyRows + ExtraRows, 0, Math.Max(0, ImageSections.MaxListItems - filled.Count));
        return [.. filled, .. Enumerable.Range(0, blanks).Select(_ => new ListRow())];
    }
}

/// <summary>One skill's row in the aspect-moves editor: its ESCO URI and the aspect key chosen for it.</summary>
public sealed class MoveRow
{
    public string? Uri { get; set; }
    public string? Aspect { get; set; }
}
