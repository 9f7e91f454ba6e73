namespace Klimrek.Features.Leercultuur.Results;

/// <summary>
/// Everything the results page, the report, the PDF and the API show about one round. Every figure in it rests on at
/// least <see cref="ScanNames.MinGroup"/> respondents: when the round has fewer, <see cref="Enough"/> is false and
/// nothing else is filled (not even the number of responses).
/// </summary>
public sealed record RoundResults(
    int OrganisationId, string Organisation, int RoundId, string Title, DateOnly OpensOn, DateOnly ClosesOn, bool Closed, bool IsDemo,
    int InstrumentNumber, bool Enough, int? Responses, GroupResults? Round, List<GroupResults> Units, List<UnitPlacement> Placement,
    List<ReliabilityView> Reliability, HighlightsView? Highlights, List<TrendView> Trends, BenchmarkView? Benchmark, List<AdviceView> Advice);

/// <summary>One group's results: the whole round, or a unit shown under the k ≥ 5 rule (its own people and those below it).</summary>
/// <param name="UnitId">Null for the whole round.</param>
/// <param name="CountedHere">Units not shown on their own whose respondents are counted in this group (roll-up).</param>
public sealed record GroupResults(
    int? UnitId, string Name, int Respondents, List<BlockView> Blocks, List<ItemView> Items, List<OpenBlockView> Open,
    List<OnderstroomView> Onderstroom, List<string> CountedHere);

/// <summary>A block's figures; <see cref="Hidden"/> when fewer than five respondents count for it (all values null then).</summary>
public sealed record BlockView(
    int Block, string Name, bool Hidden, int? Respondents, double? Mean, double? StdDev, int[]? Distribution, double? FavourableShare, int? DontKnow);

/// <summary>An item's figures; <see cref="Hidden"/> when fewer than five people gave it a 1–5 answer.</summary>
public sealed record ItemView(string Key, int Block, string Text, bool Hidden, int? N, double? Mean, double? FavourableShare);

/// <summary>
/// The open answers to one block's question, in random order (never the order they came in); at most
/// <see cref="ResultsService.MaxOpenAnswers"/> of them, a random choice, when there are more (<see cref="Total"/>).
/// </summary>
public sealed record OpenBlockView(int Block, string Question, int Total, List<string> Answers);

/// <summary>How learning happens now: the number of times each option was picked.</summary>
public sealed record OnderstroomView(string Key, string Question, List<OptionCount> Options);

public sealed record OptionCount(string Key, string Text, int Count);

/// <summary>Where a unit of the round stands: shown on its own, or counted in which group (never how many it has when not shown).</summary>
public sealed record UnitPlacement(int UnitId, string Name, bool Shown, string CountedIn);

/// <summary>Cronbach's α of a block over the respondents who answered all its statements (null below five of them).</summary>
public sealed record ReliabilityView(int Block, string Name, int Items, int? N, double? Alpha);

public sealed record HighlightsView(List<ItemView> Strengths, List<ItemView> AttentionPoints);

/// <summary>The round against an earlier one on the items both asked unchanged.</summary>
public sealed record TrendView(int EarlierRoundId, string EarlierTitle, DateOnly EarlierOpensOn, List<TrendBlockView> Blocks);

/// <summary>A block's trend; the means are null when either side rests on fewer than five respondents.</summary>
public sealed record TrendBlockView(int Block, string Name, int CommonItems, double? Earlier, double? Later, double? Difference, List<string> LeftOut);

/// <summary>
/// The benchmark against organisations of the same sector and region (demo with demo, real with real). When fewer
/// than five organisations qualify, <see cref="Enough"/> is false and only their number is given.
/// </summary>
/// <param name="Status">"ok", "te-weinig" (too few organisations) or "geen-sector" (sector or region not set).</param>
public sealed record BenchmarkView(string Status, bool Enough, int Organisations, string? Sector, string? Region, List<BenchmarkBlockView> Blocks);

public sealed record BenchmarkBlockView(int Block, string Name, int Organisations, bool Enough, double? Mean, double? P25, double? P75, double? Own, double? PercentileRank);

/// <summary>Advice for one block: its place (weakest first), its score, why it comes where it does, and concrete actions.</summary>
public sealed record AdviceView(int Block, string Name, int Rank, double Mean, double? FavourableShare, string Why, string Intro, List<AdviceAction> Actions);

/// <summary>An action, with a link into the platform where one helps.</summary>
public sealed record AdviceAction(string Text, string? Link, string? LinkText);
