using Klimrek.Data;
using Klimrek.Features.Leercultuur.Instrument;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using System.Security.Claims;
using CoreScan = Klimrek.Core.Leercultuur;

namespace Klimrek.Features.Leercultuur.Results;

/// <summary>
/// A round's results for HR, the steering group and the coach: per block and item for the whole round and for every unit
/// the k ≥ 5 rule (<see cref="CoreScan.UnitDisclosure"/>) allows, α per block, strengths and attention points, open
/// answers and the onderstroom for groups of at least five, the trend against earlier rounds, the benchmark and the
/// advice. Nothing it returns describes fewer than <see cref="ScanNames.MinGroup"/> respondents.
/// </summary>
public sealed class ResultsService(
    KlimrekDbContext db, LeercultuurAccess access, InstrumentService instruments, RoundDataReader reader, ResultsComparisons comparisons,
    TimeProvider clock, IStringLocalizer<SharedResource> l, ILogger<ResultsService> log)
{
    private const int K = ScanNames.MinGroup;

    /// <summary>How many open answers per question and group are shown (a random choice when there are more): enough to read, not a wall.</summary>
    public const int MaxOpenAnswers = 200;

    /// <summary>The results of the organisation's round: 404 for a stranger or another organisation's round, 403 for others who are no reader.</summary>
    public async Task<RoundResults> ForAsync(ClaimsPrincipal user, int organisationId, int roundId, bool english, CancellationToken ct)
    {
        await access.EnsureAsync(user, organisationId, LeercultuurAccess.ResultReaders, ct);
        var round = await db.ScanRounds.AsNoTracking().Include(r => r.Units).FirstOrDefaultAsync(r => r.Id == roundId && r.OrganisationId == organisationId, ct)
            ?? throw ProblemException.NotFound();
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == organisationId, ct);
        var instrument = await instruments.ByIdAsync(round.InstrumentId, ct) ?? throw ProblemException.NotFound();
        var today = DutchTime.Today(clock.GetUtcNow().UtcDateTime);
        bool closed = round.ClosedAt is not null || round.ClosesOn < today;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var data = await reader.AnswersAsync(round.Id, instrument, ct);
        var loaded = watch.ElapsedMilliseconds;
        if (data.Count < K)
            return new RoundResults(organisation.Id, organisation.Name, round.Id, round.Title, round.OpensOn, round.ClosesOn, closed, round.IsDemo || organisation.IsDemo,
                instrument.Number, false, null, null, [], [], [], null, [], null, []);

        var whole = CoreScan.ScanStatistics.Compute(data.Items, data.Answers);
        var computed = watch.ElapsedMilliseconds;
        var tree = UnitTree.For(await reader.UnitsAsync(organisationId, ct), round, data.UnitOf);
        var open = await reader.OpenAnswersAsync(round.Id, ct);
        var opened = watch.ElapsedMilliseconds;
        var choices = await reader.ChoicesAsync(round.Id, ct);
        var chosen = watch.ElapsedMilliseconds;
        var groupInput = new GroupInput(instrument, data, open, choices, english);

        var roundGroup = Group(groupInput, null, l["De hele ronde"], whole, _ => true, tree.CountedIn(null));
        var units = new List<GroupResults>();
        foreach (var unit in tree.Shown)
        {
            var members = tree.Members(unit.Id);
            var subset = new List<int?[]>(members.Count);
            for (int i = 0; i < data.Count; i++)
                if (members.Contains(data.UnitOf[i] ?? 0)) subset.Add(data.Answers[i]);
            var stats = CoreScan.ScanStatistics.Compute(data.Items, subset);
            units.Add(Group(groupInput, unit.Id, unit.Name, stats, u => u is { } id && members.Contains(id), tree.CountedIn(unit.Id)));
        }

        var grouped = watch.ElapsedMilliseconds;
        var picked = CoreScan.StrengthsAndAttentionPoints.Pick(whole.Blocks, whole.Items, k: K);
        var itemViews = roundGroup.Items.ToDictionary(i => i.Key);
        var highlights = new HighlightsView(picked.Strengths.Select(s => itemViews[s.ItemId]).ToList(), picked.AttentionPoints.Select(s => itemViews[s.ItemId]).ToList());
        var reliability = whole.Reliability.Select(r => new ReliabilityView(r.Block, BlockName(r.Block, english), r.Items,
            r.N >= K ? r.N : null, r.N >= K ? r.Alpha : null)).ToList();

        var trends = await comparisons.TrendsAsync(organisationId, round, instrument, data, today, english, ct);
        var trended = watch.ElapsedMilliseconds;
        var ownMeans = whole.Blocks.Where(b => b.Respondents >= K && b.Mean is not null).ToDictionary(b => b.Block, b => b.Mean!.Value);
        var benchmark = await comparisons.BenchmarkAsync(organisation, ownMeans, today, english, ct);
        var advice = Advice.For(picked.WeakestFirst, benchmark, english, l);
        log.LogDebug("Results of round {Round}: {Responses} responses loaded in {Loaded} ms, the round's statistics at {Computed} ms, units and open answers at {Opened} ms, "
            + "choices at {Chosen} ms, {Units} units at {Grouped} ms, trend at {Trended} ms, benchmark at {Done} ms",
            round.Id, data.Count, loaded, computed, opened, chosen, units.Count, grouped, trended, watch.ElapsedMilliseconds);
        return new RoundResults(organisation.Id, organisation.Name, round.Id, round.Title, round.OpensOn, round.ClosesOn, closed, round.IsDemo || organisation.IsDemo,
            instrument.Number, true, data.Count, roundGroup, units, tree.Placement(l["De hele organisatie"]), reliability, highlights, trends, benchmark, advice);
    }

    public static string BlockName(int block, bool english) => block is >= 1 and <= 6 ? ScanNames.Block(block).In(english ? "en" : "nl") : block.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed record GroupInput(ScanInstrument Instrument, RoundData Data, List<(int? UnitId, int ItemId, string Text)> Open,
        List<(int? UnitId, int ItemId, string Option, int Count)> Choices, bool English);

    /// <summary>One group's figures: blocks and items below five respondents hidden; open answers and choices only for the group (always ≥ 5 here).</summary>
    private static GroupResults Group(GroupInput g, int? unitId, string name, CoreScan.ScanResult stats, Func<int?, bool> inGroup, List<string> countedHere)
    {
        var blocks = stats.Blocks.Select(b => b.Respondents < K || b.Mean is null
            ? new BlockView(b.Block, BlockName(b.Block, g.English), true, null, null, null, null, null, null)
            : new BlockView(b.Block, BlockName(b.Block, g.English), false, b.Respondents, b.Mean, b.StdDev, b.Distribution, b.FavourableShare, b.DontKnow)).ToList();
        var texts = g.Data.Statements.ToDictionary(s => s.Key, s => g.English ? s.TextEn : s.TextNl);
        var items = stats.Items.Select(i => i.N < K || i.Mean is null
            ? new ItemView(i.ItemId, i.Block, texts[i.ItemId], true, null, null, null)
            : new ItemView(i.ItemId, i.Block, texts[i.ItemId], false, i.N, i.Mean, i.FavourableShare)).ToList();

        var open = new List<OpenBlockView>();
        foreach (var item in g.Instrument.Items.Where(i => i.Kind == ScanItemKind.Open).OrderBy(i => i.Block).ThenBy(i => i.Position))
        {
            var answers = g.Open.Where(o => o.ItemId == item.Id && inGroup(o.UnitId) && !string.IsNullOrWhiteSpace(o.Text)).Select(o => o.Text.Trim()).ToArray();
            Random.Shared.Shuffle(answers); // never the order they came in: that order could point to a person
            open.Add(new OpenBlockView(item.Block, g.English ? item.TextEn : item.TextNl, answers.Length, [.. answers.Take(MaxOpenAnswers)]));
        }

        var onderstroom = new List<OnderstroomView>();
        foreach (var item in g.Instrument.Items.Where(i => i.Kind == ScanItemKind.Onderstroom).OrderBy(i => i.Position))
        {
            var counts = g.Choices.Where(c => c.ItemId == item.Id && inGroup(c.UnitId)).GroupBy(c => c.Option).ToDictionary(x => x.Key, x => x.Sum(c => c.Count));
            onderstroom.Add(new OnderstroomView(item.Key, g.English ? item.TextEn : item.TextNl,
                InstrumentService.OptionsOf(item).Select(o => new OptionCount(o.Key, o.In(g.English ? "en" : "nl"), counts.GetValueOrDefault(o.Key))).ToList()));
        }
        return new GroupResults(unitId, name, stats.Responses, blocks, items, open, onderstroom, countedHere);
    }
}
