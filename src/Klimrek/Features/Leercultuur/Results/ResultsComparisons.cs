using Klimrek.Data;
using Klimrek.Features.Leercultuur.Instrument;
using Microsoft.EntityFrameworkCore;
using CoreScan = Klimrek.Core.Leercultuur;

namespace Klimrek.Features.Leercultuur.Results;

/// <summary>
/// The round against others: the trend against the organisation's earlier rounds (only statements both asked
/// unchanged, <see cref="CoreScan.Trend"/>) and the benchmark against organisations of the same sector and region
/// (<see cref="CoreScan.Benchmark"/>: at least five organisations of at least five respondents, else only their number).
/// </summary>
public sealed class ResultsComparisons(InstrumentService instruments, RoundDataReader reader)
{
    private const int K = ScanNames.MinGroup;

    /// <summary>How many earlier rounds the trend compares with (the most recent ones).</summary>
    public const int MaxEarlierRounds = 3;

    /// <summary>Earlier rounds of the organisation that are over (closed or past) and have at least five responses, newest first.</summary>
    public async Task<List<TrendView>> TrendsAsync(int organisationId, ScanRound round, ScanInstrument instrument, RoundData data, DateOnly today, bool english,
        CancellationToken ct)
    {
        var earlier = await reader.EarlierRoundsAsync(organisationId, round, today, ct);
        var later = new CoreScan.ScanRound(data.Items, data.Answers);
        var trends = new List<TrendView>();
        foreach (var e in earlier.Where(e => e.Responses >= K).Take(MaxEarlierRounds))
        {
            var earlierInstrument = e.InstrumentId == instrument.Id ? instrument : await instruments.ByIdAsync(e.InstrumentId, ct);
            if (earlierInstrument is null) continue;
            var earlierData = await reader.AnswersAsync(e.Id, earlierInstrument, ct);
            var texts = earlierInstrument.Items.Concat(instrument.Items).GroupBy(i => i.Key).ToDictionary(g => g.Key, g => english ? g.Last().TextEn : g.Last().TextNl);
            var blocks = CoreScan.Trend.Compare(new CoreScan.ScanRound(earlierData.Items, earlierData.Answers), later)
                .Where(b => b.Block is >= 1 and <= 6)
                .Select(b =>
                {
                    bool enough = b.EarlierRespondents >= K && b.LaterRespondents >= K && b.EarlierMean is not null && b.LaterMean is not null;
                    return new TrendBlockView(b.Block, ResultsService.BlockName(b.Block, english), b.CommonItems,
                        enough ? b.EarlierMean : null, enough ? b.LaterMean : null, enough ? b.Difference : null,
                        b.LeftOut.Select(x => texts.GetValueOrDefault(x.ItemId, x.ItemId)).Distinct().ToList());
                }).ToList();
            trends.Add(new TrendView(e.Id, e.Title, e.OpensOn, blocks));
        }
        return trends;
    }

    /// <summary>
    /// The organisation against the others of its sector and region (demo organisations only against demo
    /// organisations): each one's latest round that is over with at least five responses, its block means from the
    /// stored block scores aggregated in the database. A block mean of fewer than five respondents does not count.
    /// </summary>
    public async Task<BenchmarkView> BenchmarkAsync(Organisation organisation, IReadOnlyDictionary<int, double> ownMeans, DateOnly today, bool english, CancellationToken ct)
    {
        var language = english ? "en" : "nl";
        var sector = Sectors.Find(organisation.Sector);
        var region = Regions.Find(organisation.Region);
        if (sector is null || region is null) return new BenchmarkView("geen-sector", false, 0, sector?.In(language), region?.In(language), []);

        var others = (await reader.BenchmarkRoundsAsync(organisation, today, K, ct))
            .Select(o => new CoreScan.BenchmarkOrganisation(o.OrganisationId, o.Responses,
                o.Blocks.Where(b => b.Value.N >= K).ToDictionary(b => b.Key, b => b.Value.Mean))).ToList();
        var result = CoreScan.Benchmark.Compare(organisation.Id, ownMeans, others, K, CoreScan.Benchmark.MinOrganisations);
        if (!result.Enough) return new BenchmarkView("te-weinig", false, result.Organisations, sector.In(language), region.In(language), []);
        return new BenchmarkView("ok", true, result.Organisations, sector.In(language), region.In(language),
            result.Blocks.Where(b => b.Block is >= 1 and <= 6).Select(b => new BenchmarkBlockView(b.Block, ResultsService.BlockName(b.Block, english), b.Organisations, b.Enough,
                b.Mean, b.P25, b.P75, b.Own, b.PercentileRank)).ToList());
    }
}
