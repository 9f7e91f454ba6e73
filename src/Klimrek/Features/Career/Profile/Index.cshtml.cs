using Klimrek.Core.Transitions;
using Klimrek.Data;
using Klimrek.Features.Career;
using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.Career.Profile;

/// <summary>Mijn klimrek: the profile in short, the next steps (ranked, filtered, climbing frame) and the route planner.</summary>
public sealed class MyKlimrekModel(ProfileService profiles, TransitionService transitions, LabourMarketService market) : ProfilePage
{
    public SkillProfile Profile { get; private set; } = null!;
    public IReadOnlyList<TransitionView> Steps { get; private set; } = [];
    public bool MarketData { get; private set; }
    public IReadOnlySet<string> HeldSectors { get; private set; } = new HashSet<string>();
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public string? Scope { get; set; }
    [BindProperty(SupportsGet = true)] public string? Isco { get; set; }
    [BindProperty(SupportsGet = true)] public int? Markt { get; set; }
    /// <summary>"up", "level" or "down" (<see cref="TransitionFilter.Direction"/>); empty: every step, steps down last.</summary>
    [BindProperty(SupportsGet = true)] public string? Richting { get; set; }
    public int MarketWeight { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Profile = await profiles.GetOrCreateAsync(UserId, ct);
        var source = await profiles.SourceAsync(Profile, L["je profiel"].Value, ct);
        HeldSectors = source.HeldSectors;
        if (Sector == "") Sector = null;
        if (Scope == "") Scope = null;
        if (Richting == "") Richting = null;
        if (string.IsNullOrWhiteSpace(Isco)) Isco = null; else Isco = Isco.Trim();
        var filter = new TransitionFilter(Sector, Isco, Scope, 12, Richting);
        if (filter.Validate().Count > 0 || Markt is < 0 or > 100)
        {
            Error = "Dit filter bestaat niet; alle stappen worden getoond.";
            Sector = Scope = Isco = Richting = null;
            Markt = null;
            filter = new TransitionFilter(Limit: 12);
        }
        MarketWeight = Markt ?? Profile.MarketWeight;
        source = source with { MarketWeight = MarketWeight };
        MarketData = (await market.SnapshotAsync(ct)).Any;
        if (Profile.Skills.Count > 0)
            Steps = await transitions.TransitionsAsync(source, filter, Language, ct);
    }

    public static string SectorName(string? s) => s is null ? (English ? "unknown" : "onbekend") : English ? Sectors.EnglishName(s) : Sectors.DutchName(s);
}
