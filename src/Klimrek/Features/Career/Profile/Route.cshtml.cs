using Klimrek.Features.Atlas;
using Klimrek.Features.Career;
using Klimrek.Features.Esco;
using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.Career.Profile;

/// <summary>The route planner: from the profile (or an occupation) to a chosen occupation.</summary>
public sealed class RouteModel(ProfileService profiles, TransitionService service, EscoCatalogue atlas) : ProfilePage
{
    [BindProperty(SupportsGet = true)] public int? Naar { get; set; }
    [BindProperty(SupportsGet = true)] public int? Vanuit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Zoek { get; set; }
    public OccupationSearchResult? Choices { get; private set; }
    public RouteView? Route { get; private set; }
    public string FromName { get; private set; } = "";
    public LocalizedText? Target { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var s = await service.SnapshotAsync(ct);
        if (Naar is null)
        {
            if (string.IsNullOrWhiteSpace(Zoek)) { Error = "Kies een doelberoep."; return Page(); }
            if (Zoek.Length > AtlasSearch.MaxQueryLength) { Error = "De zoekterm is te lang (hoogstens 200 tekens)."; return Page(); }
            Choices = await AtlasSearch.SearchAsync(atlas, Zoek, 1, 10, Language, ct);
            return Page();
        }
        if (!s.OccupationIndex.TryGetValue(Naar.Value, out var target)) return NotFound();
        Target = s.Occupation(target).LocalLabel(Language);
        TransitionSource source;
        if (Vanuit is int from)
        {
            if (!s.OccupationIndex.TryGetValue(from, out var fromIndex)) return NotFound();
            source = TransitionService.FromOccupation(s, fromIndex, Language);
        }
        else
        {
            var profile = await profiles.GetOrCreateAsync(UserId, ct);
            source = await profiles.SourceAsync(profile, L["je profiel"].Value, ct);
            if (profile.Skills.Count == 0)
            {
                Error = "Je profiel heeft nog geen vaardigheden; voeg eerst een beroep of vaardigheden toe.";
                return Page();
            }
        }
        FromName = source.Name;
        Route = await service.RouteAsync(source, target, Language, ct);
        return Page();
    }
}
