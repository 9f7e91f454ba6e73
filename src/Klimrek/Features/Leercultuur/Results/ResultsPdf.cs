using Klimrek.Features.Werkleren.Conversations;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using System.Globalization;

namespace Klimrek.Features.Leercultuur.Results;

/// <summary>
/// The report as PDF (PDFsharp, DejaVu Sans embedded as for the praatplaat): the bars per block with the benchmark
/// marker, the radar, the figures, the advice and the method (instrument revision, response, α per block, the k ≥ 5
/// rule). A4 portrait; text flows onto new pages.
/// </summary>
public static class ResultsPdf
{
    private const double Margin = 50;

    public static byte[] Render(RoundResults r, Func<string, string> t)
    {
        EmbeddedFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = t("Leercultuurscan") + " — " + r.Title;
        document.Info.Creator = "Klimrek";
        var w = new Writer(document);
        w.Text(t("Leercultuurscan") + ": " + r.Title, 18, true);
        w.Text(r.Organisation + " · " + r.OpensOn.ToString("d MMMM yyyy", CultureInfo.CurrentCulture) + " – " + r.ClosesOn.ToString("d MMMM yyyy", CultureInfo.CurrentCulture)
               + (r.IsDemo ? " · " + t("demo") : ""), 10, false);
        w.Gap(8);
        if (!r.Enough || r.Round is null)
        {
            w.Text(t("Nog niet genoeg antwoorden (n < 5): er zijn nog geen resultaten te tonen."), 11, false);
            Method(w, r, t);
            return w.Save();
        }
        w.Text(string.Format(CultureInfo.CurrentCulture, t("{0} respondenten."), r.Responses), 11, false);
        w.Heading(t("Scores per bouwsteen"));
        w.Bars(r.Round.Blocks, r.Benchmark, t);
        w.Text(r.Benchmark is { Enough: true }
            ? t("Balk: gemiddelde van deze ronde (1–5). Streep: gemiddelde van vergelijkbare organisaties; band: de middelste helft van die organisaties.")
            : t("Balk: gemiddelde van deze ronde (1–5). Geen benchmark: te weinig vergelijkbare organisaties."), 8.5, false);
        w.Radar(r.Round.Blocks, r.Benchmark);
        foreach (var b in r.Round.Blocks)
            w.Text(b.Hidden ? $"{b.Block}. {b.Name}: {t("minder dan 5 respondenten")}"
                : string.Format(CultureInfo.CurrentCulture, "{0}. {1}: {2:0.0} · {3:0%} {4} · n = {5}", b.Block, b.Name, b.Mean, b.FavourableShare, t("gunstig"), b.Respondents), 9.5, false);
        if (r.Advice.Count > 0)
        {
            w.Heading(t("Advies per bouwsteen, zwakste eerst"));
            foreach (var a in r.Advice)
            {
                w.Text($"{a.Block}. {a.Name}", 12, true);
                w.Text(a.Why, 9.5, false);
                w.Text(a.Intro, 9.5, false);
                foreach (var action in a.Actions)
                    w.Text("• " + action.Text + (action.Link is null ? "" : $" ({action.LinkText}: {action.Link})"), 9.5, false);
                w.Gap(4);
            }
        }
        Method(w, r, t);
        return w.Save();
    }

    private static void Method(Writer w, RoundResults r, Func<string, string> t)
    {
        w.Heading(t("Methode"));
        w.Text(string.Format(CultureInfo.CurrentCulture, t("Instrument: Klimrek-leercultuurscan, versie {0}: eigen stellingen op zes bouwstenen, schaal 1 tot 5 plus 'weet ik niet'."), r.InstrumentNumber), 9.5, false);
        w.Text(r.Enough ? string.Format(CultureInfo.CurrentCulture, t("Respons: {0} ingevulde vragenlijsten."), r.Responses) : t("Respons: minder dan 5."), 9.5, false);
        w.Text(t("Een bouwsteenscore is het gemiddelde van iemands antwoorden op de stellingen van die bouwsteen; iemand telt mee als hij minstens de helft van die stellingen beantwoordde. Gunstig = 4 of 5."), 9.5, false);
        w.Text(t("Privacy: geen enkel cijfer gaat over minder dan 5 mensen. Kleinere eenheden tellen mee in de eenheid erboven; open antwoorden staan alleen bij groepen van 5 of meer."), 9.5, false);
        foreach (var a in r.Reliability)
            w.Text($"α {a.Block}. {a.Name}: " + (a.Alpha is { } x ? string.Format(CultureInfo.CurrentCulture, "{0:0.00} (n = {1})", x, a.N) : t("niet te berekenen")), 9.5, false);
        if (r.Reliability.Count > 0)
            w.Text(t("Cronbachs α zegt of de stellingen van een bouwsteen samen één ding meten; vanaf ongeveer 0,7 is dat redelijk. Het is een controle op de vragenlijst, geen oordeel over de organisatie."), 9.5, false);
    }

    /// <summary>Writes top to bottom on A4 pages, starting a new page when the next piece does not fit.</summary>
    private sealed class Writer(PdfDocument document)
    {
        private PdfPage _page = null!;
        private XGraphics? _g;
        private double _y;
        private readonly Dictionary<(double, bool), XFont> _fonts = [];
        private XGraphics G => _g ?? NewPage();
        private static readonly XBrush Ink = new XSolidBrush(XColor.FromArgb(0x1d, 0x2b, 0x36));

        private XGraphics NewPage()
        {
            _g?.Dispose();
            _page = document.AddPage();
            _page.Width = XUnit.FromMillimeter(210);
            _page.Height = XUnit.FromMillimeter(297);
            _g = XGraphics.FromPdfPage(_page);
            _y = Margin;
            return _g;
        }

        private double Width => _page.Width.Point - 2 * Margin;

        private void Room(double height)
        {
            var g = G;
            if (_y + height > _page.Height.Point - Margin) NewPage();
            _ = g;
        }

        private XFont Font(double size, bool bold) => _fonts.TryGetValue((size, bold), out var f) ? f
            : _fonts[(size, bold)] = new XFont(EmbeddedFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));

        public void Gap(double h) => _y += h;

        public void Heading(string text)
        {
            Room(60);
            _y += 10;
            Text(text, 14, true);
        }

        public void Text(string text, double size, bool bold)
        {
            _ = G;
            int chars = Math.Max(20, (int)(Width / (size * (bold ? 0.6 : 0.53))));
            foreach (var line in Praatplaat.Wrap(text, chars))
            {
                Room(size * 1.35);
                _y += size * 1.35;
                G.DrawString(line, Font(size, bold), Ink, Margin, _y);
            }
            _y += size * 0.4;
        }

        public void Bars(IReadOnlyList<BlockView> blocks, BenchmarkView? benchmark, Func<string, string> t)
        {
            var shown = blocks.Where(b => !b.Hidden && b.Mean is not null).ToList();
            double scale = Width / ResultsCharts.BarsWidth;
            double height = ResultsCharts.BarsHeight(shown.Count) * scale;
            Room(height + 10);
            var g = G;
            var state = g.Save();
            g.TranslateTransform(Margin, _y);
            g.ScaleTransform(scale);
            var grid = new XPen(XColor.FromArgb(0xb9, 0xc2, 0xc9), 1);
            for (int v = 1; v <= 5; v++)
            {
                g.DrawLine(grid, ResultsCharts.X(v), 18, ResultsCharts.X(v), ResultsCharts.BarsHeight(shown.Count) - 4);
                g.DrawString(v.ToString(CultureInfo.InvariantCulture), Font(12, false), Ink, ResultsCharts.X(v), 13, XStringFormats.BaseLineCenter);
            }
            double y = 30;
            foreach (var b in shown)
            {
                g.DrawString($"{b.Block}. {b.Name} — {b.Mean!.Value.ToString("0.0", CultureInfo.CurrentCulture)}", Font(14, false), Ink, ResultsCharts.BarLeft, y + 14);
                var bench = benchmark?.Blocks.FirstOrDefault(x => x.Block == b.Block && x.Enough);
                if (bench is { P25: { } p25, P75: { } p75 })
                    g.DrawRectangle(new XSolidBrush(XColor.FromArgb(0xf3, 0xdc, 0xd2)), ResultsCharts.X(p25), y + 20, Math.Max(1, ResultsCharts.X(p75) - ResultsCharts.X(p25)), 22);
                g.DrawRectangle(new XSolidBrush(XColor.FromArgb(0x2b, 0x6f, 0x9e)), ResultsCharts.BarLeft, y + 24, ResultsCharts.X(b.Mean.Value) - ResultsCharts.BarLeft, 14);
                if (bench is { Mean: { } m })
                    g.DrawLine(new XPen(XColor.FromArgb(0x9a, 0x2f, 0x10), 3), ResultsCharts.X(m), y + 17, ResultsCharts.X(m), y + 45);
                y += ResultsCharts.RowHeight;
            }
            g.Restore(state);
            _y += height + 6;
            _ = t;
        }

        public void Radar(IReadOnlyList<BlockView> blocks, BenchmarkView? benchmark)
        {
            double size = 230;
            Room(size + 10);
            var g = G;
            double left = Margin + (Width - size) / 2, top = _y;
            XPoint P(int i, double score) => ResultsCharts.RadarPoint(i, score, size) is var (x, y) ? new XPoint(left + x, top + y) : default;
            var grid = new XPen(XColor.FromArgb(0xb9, 0xc2, 0xc9), 0.8);
            for (int level = 2; level <= 5; level++) g.DrawPolygon(grid, Enumerable.Range(0, 6).Select(i => P(i, level)).ToArray());
            for (int i = 0; i < 6; i++)
            {
                g.DrawLine(grid, P(i, 1), P(i, 5));
                var label = P(i, 5.9);
                g.DrawString((i + 1).ToString(CultureInfo.InvariantCulture), Font(10, true), Ink, label.X, label.Y + 4, XStringFormats.BaseLineCenter);
            }
            var bench = benchmark?.Blocks.Where(b => b.Enough && b.Mean is not null).ToDictionary(b => b.Block, b => b.Mean!.Value);
            if (bench is { Count: 6 })
                g.DrawPolygon(new XPen(XColor.FromArgb(0x9a, 0x2f, 0x10), 1.8) { DashStyle = XDashStyle.Dash }, Enumerable.Range(0, 6).Select(i => P(i, bench[i + 1])).ToArray());
            var own = blocks.Where(b => !b.Hidden && b.Mean is not null).ToDictionary(b => b.Block, b => b.Mean!.Value);
            if (own.Count == 6)
                g.DrawPolygon(new XPen(XColor.FromArgb(0x2b, 0x6f, 0x9e), 2), new XSolidBrush(XColor.FromArgb(64, 0x2b, 0x6f, 0x9e)),
                    Enumerable.Range(0, 6).Select(i => P(i, own[i + 1])).ToArray(), XFillMode.Winding);
            _y += size + 6;
        }

        public byte[] Save()
        {
            _ = G;
            _g?.Dispose();
            using var stream = new MemoryStream();
            document.Save(stream, false);
            return stream.ToArray();
        }
    }
}
