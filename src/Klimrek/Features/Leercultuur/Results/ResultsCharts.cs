using System.Globalization;
using System.Net;
using System.Text;

namespace Klimrek.Features.Leercultuur.Results;

/// <summary>
/// The results' two charts as server-rendered SVG (no script): horizontal bars per block on the 1–5 scale with the
/// benchmark's mean as a marker and its middle half (P25–P75) as a band, and a radar of the six blocks. Each has
/// <c>role="img"</c> and a title; the page shows the same numbers in a table beside it. The geometry is shared with the PDF.
/// </summary>
public static class ResultsCharts
{
    public const double BarsWidth = 420;
    public const double RowHeight = 52;
    public const double BarLeft = 12;
    public const double BarRight = 405;
    public const double RadarSize = 420;
    public const string Ink = "#1d2b36";
    public const string Bar = "#2b6f9e";
    public const string Marker = "#9a2f10";
    public const string Band = "#f3dcd2";
    public const string Grid = "#b9c2c9";

    /// <summary>The x of a score on the 1–5 scale.</summary>
    public static double X(double score) => BarLeft + (Math.Clamp(score, 1, 5) - 1) / 4 * (BarRight - BarLeft);

    public static double BarsHeight(int rows) => 30 + rows * RowHeight;

    /// <summary>The point of block <paramref name="index"/> (0–5) at <paramref name="score"/> on the radar (centre = 1, edge = 5).</summary>
    public static (double X, double Y) RadarPoint(int index, double score, double size = RadarSize)
    {
        double c = size / 2, r = size / 2 - 50;
        double angle = -Math.PI / 2 + index * Math.PI / 3;
        double f = (Math.Clamp(score, 1, 5) - 1) / 4;
        return (c + Math.Cos(angle) * r * f, c + Math.Sin(angle) * r * f);
    }

    private static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
    private static string E(string s) => WebUtility.HtmlEncode(s);

    public static string Bars(IReadOnlyList<BlockView> blocks, BenchmarkView? benchmark, string title, string id)
    {
        var shown = blocks.Where(b => !b.Hidden && b.Mean is not null).ToList();
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"<svg class=\"lc-chart lc-bars\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(BarsWidth)} {N(BarsHeight(shown.Count))}\" role=\"img\" aria-labelledby=\"{id}\">");
        s.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}\">{E(title)}</title>");
        for (int v = 1; v <= 5; v++)
            s.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(X(v))}\" y1=\"18\" x2=\"{N(X(v))}\" y2=\"{N(BarsHeight(shown.Count) - 4)}\" stroke=\"{Grid}\" stroke-width=\"1\"/><text x=\"{N(X(v))}\" y=\"13\" font-size=\"12\" text-anchor=\"middle\" fill=\"{Ink}\">{v}</text>");
        double y = 30;
        foreach (var b in shown)
        {
            s.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(BarLeft)}\" y=\"{N(y + 14)}\" font-size=\"14\" fill=\"{Ink}\">{b.Block}. {E(b.Name)} — {b.Mean!.Value.ToString("0.0", CultureInfo.CurrentCulture)}</text>");
            var bench = benchmark?.Blocks.FirstOrDefault(x => x.Block == b.Block && x.Enough);
            if (bench is { P25: { } p25, P75: { } p75 })
                s.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(X(p25))}\" y=\"{N(y + 20)}\" width=\"{N(Math.Max(1, X(p75) - X(p25)))}\" height=\"22\" fill=\"{Band}\"/>");
            s.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(BarLeft)}\" y=\"{N(y + 24)}\" width=\"{N(X(b.Mean.Value) - BarLeft)}\" height=\"14\" fill=\"{Bar}\"/>");
            if (bench is { Mean: { } m })
                s.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(X(m))}\" y1=\"{N(y + 17)}\" x2=\"{N(X(m))}\" y2=\"{N(y + 45)}\" stroke=\"{Marker}\" stroke-width=\"3\"/>");
            y += RowHeight;
        }
        return s.Append("</svg>").ToString();
    }

    public static string Radar(IReadOnlyList<BlockView> blocks, BenchmarkView? benchmark, string title, string id)
    {
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"<svg class=\"lc-chart lc-radar\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(RadarSize)} {N(RadarSize)}\" role=\"img\" aria-labelledby=\"{id}\">");
        s.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}\">{E(title)}</title>");
        for (int level = 2; level <= 5; level++)
            s.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{Ring(i => level)}\" fill=\"none\" stroke=\"{Grid}\" stroke-width=\"1\"/>");
        for (int i = 0; i < 6; i++)
        {
            var (x, y) = RadarPoint(i, 5);
            var (lx, ly) = RadarPoint(i, 5.9);
            s.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(RadarSize / 2)}\" y1=\"{N(RadarSize / 2)}\" x2=\"{N(x)}\" y2=\"{N(y)}\" stroke=\"{Grid}\"/>");
            s.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(lx)}\" y=\"{N(ly + 5)}\" font-size=\"15\" font-weight=\"700\" text-anchor=\"middle\" fill=\"{Ink}\">{i + 1}</text>");
        }
        var bench = benchmark?.Blocks.Where(b => b.Enough && b.Mean is not null).ToDictionary(b => b.Block, b => b.Mean!.Value);
        if (bench is { Count: 6 })
            s.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{Ring(i => bench[i + 1])}\" fill=\"none\" stroke=\"{Marker}\" stroke-width=\"2.5\" stroke-dasharray=\"6 4\"/>");
        var own = blocks.Where(b => !b.Hidden && b.Mean is not null).ToDictionary(b => b.Block, b => b.Mean!.Value);
        if (own.Count == 6)
            s.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{Ring(i => own[i + 1])}\" fill=\"{Bar}\" fill-opacity=\"0.25\" stroke=\"{Bar}\" stroke-width=\"2.5\"/>");
        foreach (var (block, mean) in own)
        {
            var (x, y) = RadarPoint(block - 1, mean);
            s.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"4\" fill=\"{Bar}\"/>");
        }
        return s.Append("</svg>").ToString();
    }

    private static string Ring(Func<int, double> score) =>
        string.Join(' ', Enumerable.Range(0, 6).Select(i => RadarPoint(i, score(i)) is var (x, y) ? $"{N(x)},{N(y)}" : ""));
}
