using Klimrek.Core.Transitions;
using Klimrek.Data;
using Klimrek.Features.Atlas;
using Klimrek.Features.Career;
using Klimrek.Features.Esco;
using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using System.Text;

namespace Klimrek.Features.Career.Profile;

/// <summary>Editing the skills profile in one form and one save (skills with evidence, occupations held), preferences, sharing, export and import (merge or replace).</summary>
public sealed class EditModel(ProfileService profiles, TransitionCache cache, LabourMarketService market, KlimrekDbContext db) : ProfilePage
{
    public sealed record SkillRow(ProfileSkill Entry, SkillInfo Skill, string? SourceOccupation);
    public sealed record OccupationRow(ProfileOccupation Entry, LocalizedText Label);
    public sealed record ShareRow(string BegeleiderId, string Name, string Email);

    /// <summary>What the person typed for a skill whose stored version changed meanwhile (another tab or device).</summary>
    public sealed record SkillConflict(int SkillId, EvidenceKind Evidence, ValidationStrength Validation, string? Note);

    /// <summary>Rows refused on a save because they changed meanwhile: what the person typed, by skill id.</summary>
    public Dictionary<int, SkillConflict> Conflicts { get; } = [];

    /// <summary>One row of the profile form as posted.</summary>
    public sealed class RowInput
    {
        public int SkillId { get; set; }
        public int Version { get; set; }
        public string? Evidence { get; set; }
        public string? Validation { get; set; }
        public string? Note { get; set; }
        public bool Remove { get; set; }
    }

    public SkillProfile Profile { get; private set; } = null!;
    public List<SkillRow> Skills { get; } = [];
    public List<OccupationRow> Occupations { get; } = [];
    public List<ShareRow> Shares { get; } = [];
    /// <summary>The person's drivers (recorded in werkleren), shown here because the next steps are weighed by them.</summary>
    public List<PersonDriver> Drivers { get; private set; } = [];
    public IReadOnlyList<string> Regions { get; private set; } = [];
    public IReadOnlyList<SkillInfo> SearchResults { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public string? Zoek { get; set; }
    [TempData] public string? Message { get; set; }
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Profile = await profiles.GetOrCreateAsync(UserId, ct);
        var s = await cache.GetAsync(ct);
        foreach (var x in Profile.Skills.Where(x => s.Catalogue.Skills.ContainsKey(x.SkillId))
                     .OrderBy(x => s.Catalogue.Skills[x.SkillId].Label(Language).Text, StringComparer.CurrentCultureIgnoreCase))
            Skills.Add(new SkillRow(x, s.Catalogue.Skills[x.SkillId],
                x.SourceOccupationId is int so && s.Catalogue.Occupations.TryGetValue(so, out var occ) ? occ.LocalLabel(Language).Text : null));
        foreach (var o in Profile.Occupations.Where(o => s.Catalogue.Occupations.ContainsKey(o.OccupationId)))
            Occupations.Add(new OccupationRow(o, s.Catalogue.Occupations[o.OccupationId].LocalLabel(Language)));
        var ids = Profile.Shares.Select(x => x.BegeleiderId).ToList();
        Shares.AddRange(await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new ShareRow(u.Id, u.DisplayName, u.Email ?? "")).ToListAsync(ct));
        Regions = (await market.SnapshotAsync(ct)).Regions;
        Drivers = await db.PersonDrivers.AsNoTracking().Where(d => d.UserId == UserId).OrderByDescending(d => d.Weight).ThenBy(d => d.Id).ToListAsync(ct);
        var q = Zoek?.Trim();
        if (q is { Length: > 0 and <= 200 })
        {
            var hits = s.Catalogue.SkillSearch.Search(q, 0, 15, Language).Hits;
            SearchResults = hits.Select(h => s.Catalogue.Skills[h.Key]).ToList();
        }
        else if (q is { Length: > 200 })
            Errors.Add("De zoekterm is te lang (hoogstens 200 tekens).");
    }

    private RedirectToPageResult Done(string message)
    {
        Message = message;
        return RedirectToPage(null, null, new { zoek = Zoek }, null);
    }

    private async Task<IActionResult> Fail(string error, CancellationToken ct)
    {
        Errors.Add(error);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddSkillAsync(int skillId, string? evidence, CancellationToken ct)
    {
        var s = await cache.GetAsync(ct);
        if (!s.Catalogue.Skills.TryGetValue(skillId, out var skill) || skill.IsGroup) return await Fail("Deze vaardigheid bestaat niet.", ct);
        var kind = ProfileService.TryEvidence(evidence, out var e) ? e : EvidenceKind.Zelfbeoordeling;
        var profile = await profiles.GetOrCreateAsync(UserId, ct);
        try { await profiles.AddSkillAsync(profile, skillId, kind, ProfileService.DefaultValidation(kind), null, ct); }
        catch (ProfileLimitException x) { return await Fail(x.Message, ct); }
        return Done($"‘{skill.Label(Language).Text}’ staat in je profiel.");
    }

    /// <summary>One save for every row: evidence, weight, note and removal per skill, and occupations ticked for removal. All or nothing.</summary>
    public async Task<IActionResult> OnPostSaveAllAsync(List<RowInput>? rows, int[]? removeOccupations, CancellationToken ct)
    {
        rows ??= [];
        if (rows.Count > ProfileService.MaxSkills) return await Fail("Te veel rijen in één keer; er is niets gewijzigd.", ct);
        var edits = new List<SkillRowEdit>();
        var errors = new List<string>();
        foreach (var r in rows)
        {
            if (!ProfileService.TryEvidence(r.Evidence, out var e) || !ProfileService.TryValidation(r.Validation, out var v))
            { errors.Add("Kies per vaardigheid een soort bewijs en hoe zwaar het weegt; er is niets gewijzigd."); continue; }
            if (r.Note is { Length: > 500 }) { errors.Add("Een toelichting is te lang (hoogstens 500 tekens); er is niets gewijzigd."); continue; }
            edits.Add(new SkillRowEdit(r.SkillId, r.Version, e, v, string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(), r.Remove));
        }
        if (errors.Count > 0)
        {
            Errors.AddRange(errors.Distinct());
            await LoadAsync(ct);
            return Page();
        }
        var profile = await profiles.GetOrCreateAsync(UserId, ct);
        IReadOnlyList<int> stale;
        try { stale = await profiles.SaveRowsAsync(profile, edits, removeOccupations ?? [], ct); }
        catch (ProblemException x) when (x.Status == StatusCodes.Status409Conflict)
        {
            db.ChangeTracker.Clear(); // a lost race: show the stored rows, not the half-applied ones
            stale = edits.Select(e => e.SkillId).ToList();
        }
        if (stale.Count == 0)
        {
            var removed = edits.Count(e => e.Remove) + (removeOccupations?.Length ?? 0);
            return Done(removed > 0 ? "Je wijzigingen zijn bewaard; wat je aanvinkte is uit je profiel gehaald." : "Je wijzigingen zijn bewaard.");
        }
        // Both versions stay: the stored one is listed under the skill, what was typed stays in the row's fields.
        foreach (var e in edits.Where(e => stale.Contains(e.SkillId)))
            Conflicts[e.SkillId] = new SkillConflict(e.SkillId, e.Evidence, e.Validation, e.Note);
        return await Fail(Versions.ConflictMessage + " " + "Er is niets bewaard.", ct);
    }

    public async Task<IActionResult> OnPostPreferencesAsync(string[]? sectors, string? region, int marketWeight, CancellationToken ct)
    {
        if ((sectors ?? []).Any(x => !Sectors.All.Contains(x)))
            return await Fail("Een gekozen sector bestaat niet; er is niets gewijzigd.", ct);
        if (region is { Length: > 100 }) return await Fail("De regio is te lang (hoogstens 100 tekens); er is niets gewijzigd.", ct);
        if (marketWeight is < 0 or > 100) return await Fail("Het gewicht van de arbeidsmarkt ligt tussen 0 en 100.", ct);
        var profile = await profiles.GetOrCreateAsync(UserId, ct);
        await profiles.SetPreferencesAsync(profile, sectors ?? [], region, marketWeight, ct);
        return Done("Je voorkeuren zijn bewaard.");
    }

    public async Task<IActionResult> OnPostShareAsync(string? email, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 256) return await Fail("Vul het e-mailadres van je begeleider in.", ct);
        var profile = await profiles.GetOrCreateAsync(UserId, ct);
        var error = await profiles.ShareAsync(profile, email, ct);
        return error is null ? Done("Je profiel is gedeeld. Je kunt het delen altijd weer intrekken.") : await Fail(error, ct);
    }

    public async Task<IActionResult> OnPostUnshareAsync(string begeleiderId, CancellationToken ct)
    {
        var profile = await profiles.GetOrCreateAsync(UserId, ct);
        await profiles.UnshareAsync(profile, begeleiderId, ct);
        return Done("Het delen is ingetrokken.");
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, string? mode, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return await Fail("Kies een profielbestand (JSON).", ct);
        if (mode is not ("merge" or "replace")) return await Fail("Kies of het bestand je profiel aanvult (samenvoegen) of vervangt; er is niets gewijzigd.", ct);
        if (file.Length > ProfileService.MaxImportBytes) return await Fail($"Het bestand is groter dan {ProfileService.MaxImportBytes / 1024} kB; er is niets gewijzigd.", ct);
        var document = new MemoryStream();
        await file.CopyToAsync(document, ct);
        var profile = await profiles.GetOrCreateAsync(UserId, ct);
        try
        {
            await profiles.ImportAsync(profile, document.GetBuffer().AsMemory(0, (int)document.Length), ct, merge: mode == "merge");
            return Done(mode == "merge" ? "Het bestand is samengevoegd met je profiel." : "Je profiel is vervangen door het bestand.");
        }
        catch (ProblemException problem) when (problem.Status == 400)
        {
            Errors.Add(L[problem.Title.Key, problem.Title.Args]);
            var lines = problem.Fields.SelectMany(f => f.Value.Select(m => f.Key.Length == 0 ? L[m.Key, m.Args].Value : $"{f.Key}: {L[m.Key, m.Args]}")).ToList();
            Errors.AddRange(lines.Take(50));
            if (lines.Count > 50) Errors.Add(L["… en nog {0} andere.", lines.Count - 50]);
            await LoadAsync(ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken ct)
    {
        var profile = await profiles.GetOrCreateAsync(UserId, ct);
        var doc = await profiles.ExportAsync(profile, ct);
        return File(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(doc, ProfileService.Json), "application/json", "klimrek-profiel.json");
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var profile = await profiles.GetOrCreateAsync(UserId, ct);
        return File(Encoding.UTF8.GetBytes(await profiles.ExportCsvAsync(profile, ct)), "text/csv; charset=utf-8", "klimrek-profiel.csv");
    }

    public static string EvidenceName(EvidenceKind e) => e switch
    {
        EvidenceKind.Diploma => "Diploma",
        EvidenceKind.Certificaat => "Certificaat of microcredential",
        EvidenceKind.Werkervaring => "Werkervaring",
        EvidenceKind.Werkgeversverklaring => "Verklaring van werkgever",
        _ => "Zelf ingeschat",
    };

    public static string ValidationName(ValidationStrength v) => v switch
    {
        ValidationStrength.Zwaar => "Zwaar",
        ValidationStrength.Middel => "Middel",
        _ => "Licht",
    };
}
