using Klimrek.Core.Collections;
using Klimrek.Core.Transitions;
using Klimrek.Data;
using Klimrek.Features.Atlas;
using Klimrek.Features.Esco;
using Klimrek.Features.Werkleren;
using Klimrek.Infrastructure;

namespace Klimrek.Features.Career;

/// <param name="Direction">The way the person wants to move: "up" (upskilling), "level" (reskilling at the same level) or
/// "down" (downskilling, asked for); null: every move, in the counsellor's order (steps down last).</param>
public sealed record TransitionFilter(string? Sector = null, string? Isco = null, string? Scope = null, int Limit = 20, string? Direction = null)
{
    public const int MaxLimit = 100;
    public bool IsEmpty => Sector is null && Isco is null && Scope is null;

    public StepDirection Step => Direction switch { "up" => StepDirection.Up, "level" => StepDirection.Level, "down" => StepDirection.Down, _ => StepDirection.Any };

    /// <summary>Checks the filter values; returns errors per field (English, for ProblemDetails and the UI's own Dutch text).</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Limit is < 1 or > MaxLimit) errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
        if (Sector is not null && !Sectors.All.Contains(Sector)) errors["sector"] = [$"Unknown sector; use one of: {string.Join(", ", Sectors.All)}."];
        if (Isco is not null && (Isco.Length is < 1 or > 4 || !Isco.All(char.IsAsciiDigit))) errors["isco"] = ["isco must be 1 to 4 digits (an ISCO-08 group code)."];
        if (Scope is not null and not ("within" or "across")) errors["scope"] = ["scope must be 'within' or 'across'."];
        if (Direction is not null and not ("up" or "level" or "down")) errors["direction"] = ["direction must be 'up', 'level' or 'down'."];
        return errors;
    }
}

public sealed record SkillRef(int Id, string Uri, LocalizedText Label, bool Essential, double Held, SkillRef? Via);

/// <summary>The personal side of the dual fit, every factor visible.</summary>
public sealed record PersonalFit(double Skills, double? Interest, double? Drivers, double Total, IReadOnlyList<string> Reasons);

public sealed record TransitionView(
    OccupationSummary Target, LocalizedText TargetLabel, double Score,
    string? FromSector, string? ToSector, string? FromIsco, string? ToIsco,
    IReadOnlyList<SkillRef> Matching, IReadOnlyList<SkillRef> Partial,
    IReadOnlyList<SkillRef> MissingEssential, IReadOnlyList<SkillRef> MissingOptional,
    string Explanation, PersonalFit? Personal, MarketFit? Market, double? Combined)
{
    /// <summary>"up" (upskilling), "down" (downskilling) or "level", by ISCO skill level; null when unknown.</summary>
    public string? MoveKind { get; init; }

    /// <summary>
    /// The target's variants (<see cref="OccupationVariants"/>: the same work for other goods or subjects) that the
    /// list does not show, on the first of its family in a list; for the pages, not part of the API's answer.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<VariantLink> Variants { get; init; } = [];

    public bool ChangesSector => FromSector is not null && ToSector is not null && FromSector != ToSector;
}

/// <summary>An occupation named as a variant of a suggestion: its id and its label in the page's language.</summary>
public sealed record VariantLink(int Id, LocalizedText Label);

/// <summary>
/// A transition without its skill lists, the default of the transitions API: the counts, the three essential skills to
/// learn first and the explanation. The lists themselves come with <c>?detail=full</c> or from the single-transition route.
/// </summary>
public sealed record TransitionSummary(
    OccupationSummary Target, LocalizedText TargetLabel, double Score,
    string? FromSector, string? ToSector, string? FromIsco, string? ToIsco,
    int MatchingCount, int PartialCount, int MissingEssentialCount, int MissingOptionalCount, IReadOnlyList<SkillRef> LearnFirst,
    string Explanation, PersonalFit? Personal, MarketFit? Market, double? Combined, string? MoveKind, bool ChangesSector)
{
    public static TransitionSummary Of(TransitionView v) => new(v.Target, v.TargetLabel, v.Score, v.FromSector, v.ToSector, v.FromIsco, v.ToIsco,
        v.Matching.Count, v.Partial.Count, v.MissingEssential.Count, v.MissingOptional.Count,
        v.MissingEssential.Take(3).Select(r => r with { Via = null }).ToList(), v.Explanation, v.Personal, v.Market, v.Combined, v.MoveKind, v.ChangesSector);
}

public sealed record RouteStepView(int Number, OccupationSummary Occupation, LocalizedText Label, double Fit, string? Sector,
    IReadOnlyList<SkillRef> ToLearn, string Explanation);

public sealed record RouteView(bool Found, double? TotalGap, IReadOnlyList<RouteStepView> Steps, string Message);

/// <summary>A source for transitions and routes: an occupation, or a person's skills profile.</summary>
public sealed record TransitionSource(int? OccupationIndex, IReadOnlyList<Holding> Holdings, string Name, IReadOnlySet<string> HeldSectors,
    IReadOnlyList<string> InterestSectors, IReadOnlyList<DriverWeight> Drivers, string? Region, int MarketWeight)
{
    /// <summary>Occupations the person held: not a next step (they are where the person comes from).</summary>
    public IReadOnlySet<int> HeldOccupations { get; init; } = new HashSet<int>();
}

/// <summary>Transitions, gaps, dual fit and routes on top of the cached <see cref="TransitionModel"/>.</summary>
public sealed class TransitionService(TransitionCache cache, LabourMarketService market, Texts texts)
{
    public const double MinStepFit = 0.25;
    public const int MaxIntermediate = 3;

    public async Task<TransitionCache.Snapshot> SnapshotAsync(CancellationToken ct) => await cache.GetAsync(ct);

    public static TransitionSource FromOccupation(TransitionCache.Snapshot s, int occupationIndex, string language)
    {
        var o = s.Occupation(occupationIndex);
        var sector = s.SectorOf(occupationIndex);
        return new TransitionSource(occupationIndex, s.Model.HoldingsOf(occupationIndex).ToList(), o.LocalLabel(language).Text,
            sector is null ? new HashSet<string>() : new HashSet<string> { sector }, [], [], null, 0);
    }

    public async Task<IReadOnlyList<TransitionView>> TransitionsAsync(TransitionSource source, TransitionFilter filter, string language, CancellationToken ct)
    {
        var s = await cache.GetAsync(ct);
        var indicators = await market.SnapshotAsync(ct);
        var words = texts.In(language);
        if (source.OccupationIndex is int from)
        {
            // From an occupation: the ranking's order (skills both ways, descriptions, family), then the counsellor's.
            var fromIsco = s.Occupation(from).IscoCode;
            string? Kind(int t) => Sectors.MoveKind(fromIsco, s.Occupation(t).IscoCode);
            // The kept list serves the plain case; a filter or a direction ranks every target it lets through.
            IEnumerable<RankedMove> ranked = filter.IsEmpty && filter.Step == StepDirection.Any && filter.Limit <= s.Ranking.Weights.Keep
                ? s.Ranking.Ranked(from)
                : s.Ranking.RankFrom(from, t => !source.HeldOccupations.Contains(t) && Matches(s, t, source, filter)
                    && CounsellorOrder.Matches(Kind(t), filter.Step));
            // The counsellor's order within each round of variants (OccupationVariants): a family's fourth member comes
            // after every other move, the long shots too; the page names the rest of the family on its first.
            var rounds = OccupationVariants.Rounds(ranked.ToList(), m => s.Ranking.VariantFamily(m.Occupation), s.Ranking.Weights.VariantCap);
            return WithVariants(s, source, rounds.SelectMany(r => CounsellorOrder.Apply(r, m => Kind(m.Occupation), m => m.Signals.Fit, filter.Step))
                .Take(filter.Limit).Select(m => Describe(s, source, m.Occupation, words, indicators, m.Signals)).ToList(), language);
        }

        // From a person's profile: rank by the combined score the person chose (cheap: no gap analysis), then explain
        // only what is shown.
        var fits = s.Model.FitFrom(source.Holdings);
        var w = Math.Clamp(source.MarketWeight, 0, 100) / 100.0;
        var profileIsco = HighestIsco(s, source);
        var candidates = fits.Select((f, i) => new Move(i, f))
            .Where(m => m.Score > 0 && !source.HeldOccupations.Contains(m.Occupation) && Matches(s, m.Occupation, source, filter))
            .Select(m =>
            {
                var personal = PersonalTotal(m.Score, s.SectorOf(m.Occupation), source);
                var mv = indicators.Lookup(s.Occupation(m.Occupation).IscoCode, source.Region)?.Value;
                var part = CounsellorOrder.Part(Sectors.MoveKind(profileIsco, s.Occupation(m.Occupation).IscoCode), m.Score, filter.Step);
                return (m.Occupation, Part: part, Combined: Math.Round(mv is double v ? (1 - w) * personal + w * v : personal, 4));
            })
            .Where(x => x.Part >= 0);
        // The counsellor's order first (its parts), then the person's own order within each part; only the shown
        // ones are put in order.
        // A few more than are shown, so that variants of one family (OccupationVariants) can make room for the others.
        var cap = s.Ranking.Weights.VariantCap;
        var best = TopK.Select(candidates, cap > 0 ? filter.Limit * 4 : filter.Limit, (a, b) =>
            a.Part != b.Part ? a.Part.CompareTo(b.Part)
            : a.Combined != b.Combined ? b.Combined.CompareTo(a.Combined)
            : s.OccupationIds[a.Occupation].CompareTo(s.OccupationIds[b.Occupation]));
        // In rounds of variants, each in the counsellor's order (best is in that order already).
        var picked = OccupationVariants.Spread(best, x => s.Ranking.VariantFamily(x.Occupation), cap).Take(filter.Limit);
        return WithVariants(s, source, picked.Select(x => Describe(s, source, x.Occupation, words, indicators, null)).ToList(), language);
    }

    /// <summary>
    /// Names, on the first suggestion of each family of variants, the family's other occupations that the list does
    /// not show (nor the source, nor what the person held), by label.
    /// </summary>
    private static List<TransitionView> WithVariants(TransitionCache.Snapshot s, TransitionSource source, List<TransitionView> views, string language)
    {
        var shown = views.Select(v => s.OccupationIndex[v.Target.Id]).ToHashSet();
        var families = new HashSet<int>();
        var culture = System.Globalization.CultureInfo.GetCultureInfo(language == "en" ? "en" : "nl");
        for (int i = 0; i < views.Count; i++)
        {
            var target = s.OccupationIndex[views[i].Target.Id];
            var family = s.Ranking.VariantFamily(target);
            if (family < 0 || !families.Add(family)) continue;
            var others = s.Ranking.VariantsOf(target)
                .Where(o => !shown.Contains(o) && o != source.OccupationIndex && !source.HeldOccupations.Contains(o))
                .Select(o => new VariantLink(s.OccupationIds[o], s.Occupation(o).LocalLabel(language)))
                .OrderBy(v => v.Label.Text, StringComparer.Create(culture, ignoreCase: true)).ToList();
            if (others.Count > 0) views[i] = views[i] with { Variants = others };
        }
        return views;
    }

    /// <summary>The ISCO code of the highest-level occupation a person held (the level their moves are measured from).</summary>
    private static string? HighestIsco(TransitionCache.Snapshot s, TransitionSource source) =>
        source.HeldOccupations.Select(h => s.Occupation(h).IscoCode).OrderByDescending(c => Sectors.SkillLevel(c) ?? 0).FirstOrDefault();

    private static bool Matches(TransitionCache.Snapshot s, int target, TransitionSource source, TransitionFilter f)
    {
        var sector = s.SectorOf(target);
        if (f.Sector is not null && sector != f.Sector) return false;
        if (f.Isco is not null && !(s.Occupation(target).IscoCode ?? "").StartsWith(f.Isco, StringComparison.Ordinal)) return false;
        if (f.Scope == "within" && (sector is null || !source.HeldSectors.Contains(sector))) return false;
        if (f.Scope == "across" && (sector is null || source.HeldSectors.Contains(sector))) return false;
        return true;
    }

    public async Task<TransitionView> DescribeAsync(TransitionSource source, int target, string language, CancellationToken ct)
    {
        var s = await cache.GetAsync(ct);
        var signals = source.OccupationIndex is int from && from != target ? s.Ranking.Signals(from, target) : (RankSignals?)null;
        return Describe(s, source, target, texts.In(language), await market.SnapshotAsync(ct), signals);
    }

    private static SkillRef Ref(TransitionCache.Snapshot s, int skillIndex, bool essential, double held, int? via, string language)
    {
        var info = s.Catalogue.Skills[s.SkillIds[skillIndex]];
        var viaRef = via is int v ? Ref(s, v, false, 1, null, language) : null;
        return new SkillRef(info.Id, info.Uri, info.Label(language), essential, held, viaRef);
    }

    private static TransitionView Describe(TransitionCache.Snapshot s, TransitionSource source, int target, Texts.Language words,
        LabourMarketService.Indicators indicators, RankSignals? signals)
    {
        var language = words.IsEnglish ? "en" : "nl";
        var gap = s.Model.Explain(source.Holdings, target);
        var o = s.Occupation(target);
        SkillRef R(GapItem i) => Ref(s, i.Skill, i.Essential, i.Held, i.Via, language);
        var matching = gap.Matches.Select(R).ToList();
        var partial = gap.Partial.Select(R).ToList();
        var missingEssential = gap.MissingEssential.Select(R).ToList();
        var missingOptional = gap.MissingOptional.Select(R).ToList();
        var toSector = s.SectorOf(target);
        var fromSector = source.OccupationIndex is int fi ? s.SectorOf(fi) : source.HeldSectors.FirstOrDefault();
        var fromIsco = source.OccupationIndex is int fo ? s.Occupation(fo).IscoCode : HighestIsco(s, source);

        PersonalFit? personal = null;
        MarketFit? marketFit = null;
        double? combined = null;
        if (source.OccupationIndex is null)
        {
            personal = Personal(gap.Score, toSector, source, words);
            marketFit = indicators.Lookup(o.IscoCode, source.Region);
            var w = Math.Clamp(source.MarketWeight, 0, 100) / 100.0;
            combined = marketFit?.Value is double mv ? (1 - w) * personal.Total + w * mv : personal.Total;
        }
        else if (source.Region is not null)
            marketFit = indicators.Lookup(o.IscoCode, source.Region);

        var why = signals is RankSignals rs && source.OccupationIndex is int origin ? Why(s, origin, target, rs, words) : null;
        var explanation = Explain(source, gap, missingEssential, partial, fromSector, toSector, words, why);
        return new TransitionView(o, o.LocalLabel(language), Math.Round(gap.Score, 4), fromSector, toSector, fromIsco, o.IscoCode,
            matching, partial, missingEssential, missingOptional, explanation, personal, marketFit, combined is null ? null : Math.Round(combined.Value, 4))
        {
            MoveKind = Sectors.MoveKind(fromIsco, o.IscoCode),
        };
    }

    /// <summary>
    /// Personal fit: 60% skills, 40% interests and drivers where the person recorded them (see docs/transitions.md);
    /// the reasons in <paramref name="words"/>' language, or none when only the score is needed (ranking).
    /// </summary>
    public static PersonalFit Personal(double skills, string? targetSector, TransitionSource source, Texts.Language? words)
    {
        var reasons = new List<string>();
        void Reason(string key)
        {
            if (words is { } w) reasons.Add(w[key]);
        }
        var (interest, drivers, total) = PersonalParts(skills, targetSector, source);
        if (interest is double i)
            Reason(i == 1 ? "in een sector die je interesseert" : "niet in de sectoren die je koos");
        foreach (var d in source.Drivers)
        {
            switch (d.Key)
            {
                case Drivers.Ontwikkeling:
                    Reason(IsStretch(skills) ? "ontwikkeling: een echte stap met een leerbaar gat" : "ontwikkeling: weinig nieuw, of een erg groot gat");
                    break;
                case Drivers.Verbondenheid:
                    Reason(InKnownSector(targetSector, source) ? "verbondenheid: blijft in een sector die je kent" : "verbondenheid: een nieuwe sector en nieuwe collega's");
                    break;
                case Drivers.Erkenning:
                    Reason("erkenning: telt mee naar hoeveel van je vakmanschap je inzet");
                    break;
            }
        }
        return new PersonalFit(Math.Round(skills, 4), interest, drivers is null ? null : Math.Round(drivers.Value, 4), Math.Round(total, 4), reasons);
    }

    /// <summary>
    /// The personal fit's total without its reasons and without allocating: what ranking a person's steps needs for
    /// each of the ~3,000 occupations. <see cref="Personal"/> shows the same total.
    /// </summary>
    public static double PersonalTotal(double skills, string? targetSector, TransitionSource source) =>
        PersonalParts(skills, targetSector, source).Total;

    private static bool IsStretch(double skills) => skills is >= 0.35 and <= 0.8;

    private static bool InKnownSector(string? targetSector, TransitionSource source) =>
        targetSector is not null && source.HeldSectors.Contains(targetSector);

    // Each named driver scores the step; the person's weights (1–5) decide how much each counts. Drivers in the
    // person's own words and "quality of the work" say nothing about a step between occupations.
    private static (double? Interest, double? Drivers, double Total) PersonalParts(double skills, string? targetSector, TransitionSource source)
    {
        double? interest = source.InterestSectors.Count > 0
            ? targetSector is not null && source.InterestSectors.Contains(targetSector) ? 1 : 0
            : null;
        double weighted = 0;
        int weights = 0;
        foreach (var d in source.Drivers)
        {
            double? score = d.Key switch
            {
                Drivers.Ontwikkeling => IsStretch(skills) ? 1 : 0.5,
                Drivers.Verbondenheid => InKnownSector(targetSector, source) ? 1 : 0,
                Drivers.Erkenning => skills,
                _ => null,
            };
            if (score is not double v) continue;
            weighted += v * d.Weight;
            weights += d.Weight;
        }
        double? drivers = weights > 0 ? weighted / weights : null;
        var total = (interest, drivers) switch
        {
            (double a, double b) => 0.6 * skills + 0.4 * ((a + b) / 2),
            (double a, null) => 0.6 * skills + 0.4 * a,
            (null, double b) => 0.6 * skills + 0.4 * b,
            _ => skills,
        };
        return (interest, drivers, total);
    }

    private static string Explain(TransitionSource source, GapAnalysis gap, List<SkillRef> missingEssential, List<SkillRef> partial,
        string? fromSector, string? toSector, Texts.Language words, string? why)
    {
        int essential = gap.Items.Count(i => i.Essential);
        int essentialHeld = gap.Items.Count(i => i.Essential && i.IsMatch);
        int optional = gap.Items.Count - essential;
        int optionalHeld = gap.Items.Count(i => !i.Essential && i.IsMatch);
        var pct = (int)Math.Round(gap.Score * 100);
        var parts = new List<string>
        {
            // From an occupation the sentence is about that occupation, not about the reader.
            source.OccupationIndex is null
                ? words["{0}% van wat dit beroep vraagt is al gedekt: {1} van de {2} essentiële en {3} van de {4} optionele vaardigheden heb je al.",
                    pct, essentialHeld, essential, optionalHeld, optional]
                : words["Vanuit {1} is al {0}% gedekt van wat dit beroep vraagt: {2} van de {3} essentiële en {4} van de {5} optionele vaardigheden.",
                    pct, source.Name, essentialHeld, essential, optionalHeld, optional],
        };
        if (why is not null) parts.Add(why); // which signals made the suggestion, right after how much is covered
        if (partial.Count > 0)
            parts.Add(words["{0} andere liggen dichtbij via verwante vaardigheden.", partial.Count]);
        parts.Add(missingEssential.Count > 0
            ? words["Eerst te leren: {0}.", SkillList(missingEssential.Take(3), words)]
            : words["Er ontbreekt geen essentiële vaardigheid helemaal."]);
        if (fromSector is not null && toSector is not null)
            parts.Add(fromSector == toSector
                ? words["Binnen de sector {0}.", SectorName(toSector, words)]
                : words["Een overstap naar een andere sector: van {0} naar {1}.", SectorName(fromSector, words), SectorName(toSector, words)]);
        return string.Join(" ", parts);
    }

    /// <summary>Thresholds above which a signal is named as a reason for a suggestion (docs/transitions.md).</summary>
    public const double ManySkillsInCommon = 0.35, SimilarDescription = 0.2, RelatedFamily = 0.7;

    /// <summary>
    /// Which signals made a suggestion, as one sentence ("Voorgesteld om: veel dezelfde vaardigheden, …"), strongest
    /// first; when none is strong on its own, the one that weighed most as a partial likeness ("deels …").
    /// </summary>
    private static string? Why(TransitionCache.Snapshot s, int from, int to, RankSignals signals, Texts.Language words)
    {
        var reasons = new List<(double Weight, string Text)>();
        var weights = s.Ranking.Weights;
        if (signals.Skills >= ManySkillsInCommon) reasons.Add((weights.Skills * signals.Skills, words["veel dezelfde vaardigheden"]));
        var text = Math.Max(signals.TextEn, signals.TextNl);
        if (text >= SimilarDescription) reasons.Add((weights.DescriptionEn * text, words["vergelijkbaar werk volgens de beschrijving"]));
        if (s.Ranking.SameFamily(from, to)) reasons.Add((weights.Family * signals.Family, words["dezelfde beroepsfamilie"]));
        else if (signals.Family >= RelatedFamily) reasons.Add((weights.Family * signals.Family, words["een verwante beroepsfamilie"]));
        if (reasons.Count == 0)
        {
            // No signal strong on its own: name the one that weighed most, as a partial likeness.
            var parts = new[]
            {
                (weights.Skills * signals.Skills, words["deels dezelfde vaardigheden"]),
                (weights.DescriptionEn * text, words["deels vergelijkbaar werk volgens de beschrijving"]),
                (weights.Family * signals.Family, words["een beroepsfamilie die er deels op lijkt"]),
            };
            var strongest = parts.MaxBy(p => p.Item1);
            return strongest.Item1 > 0 ? words["Voorgesteld om: {0}.", strongest.Item2] : null;
        }
        var named = reasons.OrderByDescending(r => r.Weight).Select(r => r.Text).ToList();
        var list = named.Count == 1 ? named[0] : words["{0} en {1}", string.Join(", ", named.Take(named.Count - 1)), named[^1]];
        return words["Voorgesteld om: {0}.", list];
    }

    private static string SectorName(string sector, Texts.Language words) => words.IsEnglish ? Sectors.EnglishName(sector) : Sectors.DutchName(sector);

    /// <summary>Skill labels for a sentence; one shown in the other language than the sentence is marked, as on the occupation page.</summary>
    private static string SkillList(IEnumerable<SkillRef> skills, Texts.Language words) =>
        string.Join(", ", skills.Select(m => m.Label.IsFallback ? $"{m.Label.Text} ({m.Label.Language.ToUpperInvariant()})" : m.Label.Text));

    public async Task<RouteView> RouteAsync(TransitionSource source, int target, string language, CancellationToken ct)
    {
        var s = await cache.GetAsync(ct);
        var words = texts.In(language);
        var targetName = s.Occupation(target).LocalLabel(language).Text;
        if (source.OccupationIndex == target)
            return new RouteView(false, null, [], words["Je bent al {0}: er is geen route nodig.", targetName]);
        var fromSource = source.OccupationIndex is int o ? s.Model.FitFromOccupation(o) : s.Model.FitFrom(source.Holdings);
        var into = s.Model.FitInto(target);
        var graph = new RouteGraph(s.Model.OccupationCount, fromSource, i => s.Model.RouteNeighbours(i), into, target,
            source.OccupationIndex, MinStepFit, MaxIntermediate);
        var route = RoutePlanner.Best(graph);
        var minPct = (int)(MinStepFit * 100);
        if (route is null)
        {
            var bestInto = Enumerable.Range(0, into.Length).Where(i => i != target).Select(i => into[i]).DefaultIfEmpty(0).Max();
            var bestFirst = Enumerable.Range(0, fromSource.Length).Where(i => i != source.OccupationIndex).Select(i => fromSource[i]).DefaultIfEmpty(0).Max();
            string reason;
            if (bestInto < MinStepFit)
            {
                var core = s.Model.Explain([], target).MissingEssential.Take(3).Select(i => Ref(s, i.Skill, true, 0, null, language));
                reason = words["Geen zinnige route: geen enkel beroep dekt minstens {0}% van wat {1} vraagt (het beste dekt {2:P0}). Het vraagt vooral eigen vakkennis, zoals {3}: een opleiding is hier de ingang.",
                    minPct, targetName, bestInto, SkillList(core, words)];
            }
            else if (bestFirst < MinStepFit)
                reason = words["Geen zinnige route: vanuit {0} haalt geen enkele eerste stap {1}% aansluiting. Vul je profiel aan met wat je kunt, of begin met een opleiding.",
                    source.Name, minPct];
            else
                reason = words["Geen zinnige route: binnen {0} tussenberoepen is er geen route waarin elke stap minstens {1}% aansluit.", MaxIntermediate, minPct];
            return new RouteView(false, null, [], reason);
        }

        var steps = new List<RouteStepView>();
        IReadOnlyList<Holding> held = source.Holdings;
        var previousName = source.Name;
        for (int i = 0; i < route.Steps.Count; i++)
        {
            var step = route.Steps[i];
            var gap = s.Model.Explain(held, step.Occupation);
            var toLearn = gap.MissingEssential.Take(5).Select(g => Ref(s, g.Skill, true, 0, null, language)).ToList();
            var label = s.Occupation(step.Occupation).LocalLabel(language);
            var explanation = words["Van {0} naar {1}: {2:P0} aansluiting.", previousName, label.Text, step.Fit] + " "
                + (toLearn.Count > 0 ? words["Eerst te leren: {0}.", SkillList(toLearn.Take(3), words)] : words["Geen essentiële vaardigheid ontbreekt."]);
            steps.Add(new RouteStepView(i + 1, s.Occupation(step.Occupation), label, Math.Round(step.Fit, 4), s.SectorOf(step.Occupation), toLearn, explanation));
            // Each step is judged from the occupation before it, as the route graph does.
            held = s.Model.HoldingsOf(step.Occupation).ToList();
            previousName = label.Text;
        }
        var summary = route.Intermediates == 0
            ? words["Eén directe stap is de beste route; gat {0:F2} (het deel dat nog te leren is). Geen tussenberoep maakt het kleiner.", route.TotalGap]
            : words["{0} tussenstap(pen); totaal gat {1:F2} (de som over de stappen van het deel dat nog te leren is).", route.Intermediates, route.TotalGap];
        return new RouteView(true, Math.Round(route.TotalGap, 4), steps, summary);
    }
}
