using Klimrek.Data;
using Klimrek.Features.Atlas;
using Klimrek.Features.Career;
using Klimrek.Features.Esco;
using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.Career.Profile;

/// <summary>
/// Adds an occupation the person held; its ESCO skills are proposed in groups (essential first, then by aspect) and the
/// person accepts them one by one or a whole group at once. Also step two of the onboarding (<see cref="Na"/>).
/// </summary>
public sealed class AddOccupationModel(ProfileService profiles, EscoCatalogue atlas, TransitionCache cache, KlimrekDbContext db) : ProfilePage
{
    /// <summary>The onboarding's key: after adding, the person goes on to its last step.</summary>
    public const string Onboarding = "welkom";

    [BindProperty(SupportsGet = true)] public string? Zoek { get; set; }
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    /// <summary>Where to go after adding: <see cref="Onboarding"/> or the profile (anything else).</summary>
    [BindProperty(SupportsGet = true)] public string? Na { get; set; }
    public OccupationSearchResult? Results { get; private set; }
    public LocalizedText? Occupation { get; private set; }
    public IReadOnlyList<ProposedSkill> Proposed { get; private set; } = [];
    public IReadOnlyList<ProposalGroup> Groups { get; private set; } = [];
    public string? Error { get; private set; }
    public bool InOnboarding => Na == Onboarding;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is int id)
        {
            var s = await cache.GetAsync(ct);
            if (!s.Catalogue.Occupations.TryGetValue(id, out var o)) return NotFound();
            await ProposeAsync(id, o, ct);
        }
        else if (Zoek is { Length: > AtlasSearch.MaxQueryLength })
            Error = "De zoekterm is te lang (hoogstens 200 tekens).";
        else if (!string.IsNullOrWhiteSpace(Zoek))
            Results = await AtlasSearch.SearchAsync(atlas, Zoek, 1, 15, Language, ct);
        return Page();
    }

    private async Task ProposeAsync(int id, OccupationSummary o, CancellationToken ct)
    {
        Id = id;
        Occupation = o.LocalLabel(Language);
        var profile = await profiles.GetOrCreateAsync(UserId, ct);
        Proposed = await profiles.ProposedSkillsAsync(profile, id, Language, ct);
        Groups = ProfileService.Group(Proposed);
    }

    public async Task<IActionResult> OnPostAsync(int id, int[]? skills, string[]? groups, bool allEssential, int? fromYear, int? toYear, CancellationToken ct)
    {
        var s = await cache.GetAsync(ct);
        if (!s.Catalogue.Occupations.TryGetValue(id, out var o)) return NotFound();
        var now = Now.Year;
        if (fromYear is < 1900 || fromYear > now || toYear is < 1900 || toYear > now + 1 || (fromYear > toYear))
        {
            Error = "De jaren kloppen niet: gebruik jaartallen tussen 1900 en nu, met het beginjaar vóór het eindjaar. Er is niets bewaard.";
            await ProposeAsync(id, o, ct);
            return Page();
        }
        var profile = await profiles.GetOrCreateAsync(UserId, ct);
        var proposed = await profiles.ProposedSkillsAsync(profile, id, Language, ct);
        var chosen = ProfileService.Chosen(proposed, skills ?? [], groups ?? [], allEssential);
        await profiles.AddOccupationAsync(profile, id, fromYear, toYear, ct);
        int added;
        try { added = await profiles.AcceptSkillsAsync(profile, id, chosen, ct); }
        catch (ProfileLimitException x)
        {
            TempData["Message"] = x.Message;
            return Redirect("/klimrek/profiel");
        }
        TempData["Message"] = L["‘{0}’ staat in je profiel, met {1} nieuwe vaardigheden.", o.LocalLabel(Language).Text, added].Value;
        if (InOnboarding) await WelcomeModel.FinishAsync(db, UserId, "done", ct);
        return Redirect(InOnboarding ? "/klimrek/welkom?stap=3" : "/klimrek/profiel");
    }
}
