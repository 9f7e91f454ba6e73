using Klimrek.Features.Atlas;
using Klimrek.Features.Career;
using Klimrek.Features.Esco;
using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.Career.Profile;

/// <summary>Adds an occupation the person held; its ESCO skills are proposed and the person accepts or drops each.</summary>
public sealed class AddOccupationModel(ProfileService profiles, EscoCatalogue atlas, TransitionCache cache) : ProfilePage
{
    [BindProperty(SupportsGet = true)] public string? Zoek { get; set; }
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    public OccupationSearchResult? Results { get; private set; }
    public LocalizedText? Occupation { get; private set; }
    public IReadOnlyList<ProposedSkill> Proposed { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is int id)
        {
            var s = await cache.GetAsync(ct);
            if (!s.Catalogue.Occupations.TryGetValue(id, out var o)) return NotFound();
            Occupation = o.LocalLabel(Language);
            var profile = await profiles.GetOrCreateAsync(UserId, ct);
            Proposed = await profiles.ProposedSkillsAsync(profile, id, Language, ct);
        }
        else if (Zoek is { Length: > AtlasSearch.MaxQueryLength })
            Error = "De zoekterm is te lang (hoogstens 200 tekens).";
        else if (!string.IsNullOrWhiteSpace(Zoek))
            Results = await AtlasSearch.SearchAsync(atlas, Zoek, 1, 15, Language, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int[]? skills, int? fromYear, int? toYear, CancellationToken ct)
    {
        var s = await cache.GetAsync(ct);
        if (!s.Catalogue.Occupations.TryGetValue(id, out var o)) return NotFound();
        var now = DateTime.UtcNow.Year;
        if (fromYear is < 1900 || fromYear > now || toYear is < 1900 || toYear > now + 1 || (fromYear > toYear))
        {
            Id = id;
            Error = "De jaren kloppen niet: gebruik jaartallen tussen 1900 en nu, met het beginjaar vóór het eindjaar. Er is niets bewaard.";
            Occupation = o.LocalLabel(Language);
            var p0 = await profiles.GetOrCreateAsync(UserId, ct);
            Proposed = await profiles.ProposedSkillsAsync(p0, id, Language, ct);
            return Page();
        }
        var profile = await profiles.GetOrCreateAsync(UserId, ct);
        await profiles.AddOccupationAsync(profile, id, fromYear, toYear, ct);
        int added;
        try { added = await profiles.AcceptSkillsAsync(profile, id, skills ?? [], ct); }
        catch (ProfileLimitException x)
        {
            TempData["Message"] = x.Message;
            return Redirect("/klimrek/profiel");
        }
        TempData["Message"] = string.Format(English ? "‘{0}’ is in your profile, with {1} new skills." : "‘{0}’ staat in je profiel, met {1} nieuwe vaardigheden.",
            o.LocalLabel(Language).Text, added);
        return Redirect("/klimrek/profiel");
    }
}
