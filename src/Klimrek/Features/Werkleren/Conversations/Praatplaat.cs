using Klimrek.Data;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using System.Globalization;
using System.Net;
using System.Text;

namespace Klimrek.Features.Werkleren.Conversations;

/// <summary>
/// The praatplaat (Tool 3): a conversation poster made from the question sets, to print on A3 or A4 (landscape) and
/// talk along with a colleague or alone. Blank, it offers the drivers to tick and lines to write themes on; personal,
/// it shows the person's own drivers and open themes. One layout (in a 1400 × 990 space, the ratio of every A size) is
/// drawn as SVG for the page and as PDF with an embedded font.
/// </summary>
public static class Praatplaat
{
    public const double Width = 1400;
    public const double Height = 990;
    private const string Ink = "#1d2b36";
    private const string Muted = "#4a5863";
    private const string Ahead = "#e6f1f8";
    private const string AheadLine = "#2b6f9e";
    private const string Back = "#f6efe2";
    private const string BackLine = "#9a6410";
    private const string Middle = "#eef5ec";
    private const string MiddleLine = "#3d7a3a";

    public abstract record Shape;
    public sealed record Box(double X, double Y, double W, double H, string Fill, string Stroke) : Shape;
    public sealed record Label(double X, double Y, double Size, bool Bold, string Color, string Text, bool Centered = false) : Shape;
    public sealed record Rule(double X1, double Y, double X2, string Color) : Shape;

    /// <summary>The poster: its shapes, its title and a one-line description (for the SVG's title and desc).</summary>
    public sealed record Poster(string Title, string Description, IReadOnlyList<Shape> Shapes);

    /// <summary>What the person brings to a personal poster: their drivers (name and weight) and open themes.</summary>
    public sealed record Personal(IReadOnlyList<(string Name, int Weight)> Drivers, IReadOnlyList<string> Themes);

    /// <summary>Wraps <paramref name="text"/> into lines of about <paramref name="chars"/> characters, breaking between words.</summary>
    public static List<string> Wrap(string text, int chars)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > chars)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) lines.Add(line.ToString());
        return lines;
    }

    /// <summary>About how many characters of DejaVu Sans at <paramref name="size"/> fit in <paramref name="width"/>.</summary>
    private static int Fits(double width, double size, bool bold = false) => Math.Max(8, (int)(width / (size * (bold ? 0.63 : 0.56))));

    /// <summary>Lays out the poster. <paramref name="t"/> translates the poster's own Dutch texts; <paramref name="personal"/> null: blank.</summary>
    public static Poster Layout(QuestionSet set, bool english, Personal? personal, Func<string, string> t)
    {
        var shapes = new List<Shape>();
        var title = t("Praatplaat werkleren");
        shapes.Add(new Label(40, 62, 38, true, Ink, title));
        foreach (var (line, i) in Wrap(t("Begin bij wat je in je werk bezighoudt. Kies een vraag, praat erover met een collega of met jezelf, en schrijf op wat je wilt onthouden."), 120).Select((l, i) => (l, i)))
            shapes.Add(new Label(40, 98 + i * 24, 18, false, Muted, line));
        double top = 150, bottom = Height - 30;
        Column(shapes, set.Of(QuestionDirection.Vooruit).ToList(), english, 40, 500, top, bottom, t("Vooruitblikken"), Ahead, AheadLine);
        Column(shapes, set.Of(QuestionDirection.Terug).ToList(), english, 860, 500, top, bottom, t("Terugblikken"), Back, BackLine);
        MiddleColumn(shapes, personal, english, 570, 260, top, bottom, t);
        var description = personal is null
            ? t("Een praatplaat om af te drukken: de vragen om vooruit en terug te blikken, met ruimte voor drijfveren en thema's.")
            : t("Een praatplaat om af te drukken: de vragen om vooruit en terug te blikken, met je eigen drijfveren en thema's.");
        return new Poster(title, description, shapes);
    }

    private static void Column(List<Shape> shapes, List<Question> questions, bool english, double x, double w, double top, double bottom, string heading,
        string fill, string line)
    {
        shapes.Add(new Label(x, top + 26, 26, true, line, heading));
        if (questions.Count == 0) return;
        double y = top + 44, gap = 10;
        double boxH = (bottom - y - gap * (questions.Count - 1)) / questions.Count;
        double size = questions.Count <= 7 ? 19 : questions.Count <= 10 ? 16 : 13;
        foreach (var q in questions)
        {
            shapes.Add(new Box(x, y, w, boxH, fill, line));
            var textLines = Wrap(q.Text(english), Fits(w - 28, size, bold: true));
            var whyLines = Wrap(q.Why(english), Fits(w - 28, size * 0.72));
            double ly = y + size + 8;
            foreach (var l in textLines)
            {
                if (ly > y + boxH - 4) break;
                shapes.Add(new Label(x + 14, ly, size, true, Ink, l));
                ly += size * 1.22;
            }
            ly += 2;
            foreach (var l in whyLines)
            {
                if (ly > y + boxH - 4) break;
                shapes.Add(new Label(x + 14, ly, size * 0.72, false, Muted, l));
                ly += size * 0.72 * 1.25;
            }
            y += boxH + gap;
        }
    }

    private static void MiddleColumn(List<Shape> shapes, Personal? personal, bool english, double x, double w, double top, double bottom, Func<string, string> t)
    {
        double half = (bottom - top - 20) / 2;
        shapes.Add(new Box(x, top, w, half, Middle, MiddleLine));
        shapes.Add(new Label(x + w / 2, top + 34, 22, true, MiddleLine, t("Mijn drijfveren"), Centered: true));
        double y = top + 66;
        if (personal is null)
        {
            foreach (var key in Drivers.All)
            {
                shapes.Add(new Box(x + 16, y - 15, 16, 16, "#ffffff", Ink));
                foreach (var l in Wrap(english ? Drivers.EnglishName(key) : Drivers.DutchName(key), Fits(w - 60, 14)))
                {
                    shapes.Add(new Label(x + 42, y, 14, false, Ink, l));
                    y += 18;
                }
                y += 12;
            }
            shapes.Add(new Label(x + 16, y + 4, 14, false, Muted, t("In eigen woorden:")));
            for (double ly = y + 36; ly < top + half - 12; ly += 30) shapes.Add(new Rule(x + 16, ly, x + w - 16, Muted));
        }
        else if (personal.Drivers.Count == 0)
            shapes.Add(new Label(x + 16, y, 14, false, Muted, t("Nog geen drijfveren gekozen.")));
        else
            foreach (var (name, weight) in personal.Drivers.Take(8))
            {
                if (y > top + half - 30) break;
                foreach (var l in Wrap(name, Fits(w - 32, 15, bold: true)).Take(3))
                {
                    shapes.Add(new Label(x + 16, y, 15, true, Ink, l));
                    y += 19;
                }
                shapes.Add(new Label(x + 16, y, 13, false, Muted, string.Format(CultureInfo.InvariantCulture, t("weegt {0} van 5"), weight)));
                y += 28;
            }

        double top2 = top + half + 20;
        shapes.Add(new Box(x, top2, w, half, Middle, MiddleLine));
        shapes.Add(new Label(x + w / 2, top2 + 34, 22, true, MiddleLine, t("Mijn thema's"), Centered: true));
        shapes.Add(new Label(x + w / 2, top2 + 56, 13, false, Muted, t("wat me nu bezighoudt"), Centered: true));
        y = top2 + 90;
        if (personal is null)
            for (double ly = y; ly < top2 + half - 12; ly += 32) shapes.Add(new Rule(x + 16, ly, x + w - 16, Muted));
        else if (personal.Themes.Count == 0)
            shapes.Add(new Label(x + 16, y, 14, false, Muted, t("Nog geen thema's.")));
        else
            foreach (var theme in personal.Themes.Take(8))
            {
                if (y > top2 + half - 20) break;
                foreach (var l in Wrap("• " + theme, Fits(w - 32, 15)).Take(3))
                {
                    shapes.Add(new Label(x + 16, y, 15, false, Ink, l));
                    y += 19;
                }
                y += 10;
            }
    }

    private static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The poster as an inline SVG (role img, a title and a description; the questions are text).</summary>
    public static string ToSvg(Poster p)
    {
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"<svg class=\"praatplaat-svg\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(Width)} {N(Height)}\" role=\"img\" aria-labelledby=\"pp-title pp-desc\">");
        s.Append("<title id=\"pp-title\">").Append(WebUtility.HtmlEncode(p.Title)).Append("</title>");
        s.Append("<desc id=\"pp-desc\">").Append(WebUtility.HtmlEncode(p.Description)).Append("</desc>");
        s.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{N(Width)}\" height=\"{N(Height)}\" fill=\"#ffffff\"/>");
        foreach (var shape in p.Shapes)
        {
            switch (shape)
            {
                case Box b:
                    s.Append(CultureInfo.InvariantCulture,
                        $"<rect x=\"{N(b.X)}\" y=\"{N(b.Y)}\" width=\"{N(b.W)}\" height=\"{N(b.H)}\" rx=\"10\" fill=\"{b.Fill}\" stroke=\"{b.Stroke}\" stroke-width=\"1.5\"/>");
                    break;
                case Rule r:
                    s.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(r.X1)}\" y1=\"{N(r.Y)}\" x2=\"{N(r.X2)}\" y2=\"{N(r.Y)}\" stroke=\"{r.Color}\" stroke-width=\"1\"/>");
                    break;
                case Label l:
                    s.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(l.X)}\" y=\"{N(l.Y)}\" font-size=\"{N(l.Size)}\" fill=\"{l.Color}\"");
                    if (l.Bold) s.Append(" font-weight=\"700\"");
                    if (l.Centered) s.Append(" text-anchor=\"middle\"");
                    s.Append('>').Append(WebUtility.HtmlEncode(l.Text)).Append("</text>");
                    break;
            }
        }
        s.Append("</svg>");
        return s.ToString();
    }

    /// <summary>The poster as a one-page PDF, A3 or A4 landscape, with DejaVu Sans embedded (so é, ë and the rest print everywhere).</summary>
    public static byte[] ToPdf(Poster p, bool a3)
    {
        EmbeddedFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = p.Title;
        document.Info.Subject = p.Description;
        document.Info.Creator = "Klimrek";
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(a3 ? 420 : 297);
        page.Height = XUnit.FromMillimeter(a3 ? 297 : 210);
        using (var g = XGraphics.FromPdfPage(page))
        {
            var scale = page.Width.Point / Width;
            g.ScaleTransform(scale);
            var fonts = new Dictionary<(double, bool), XFont>();
            XFont Font(double size, bool bold) =>
                fonts.TryGetValue((size, bold), out var f) ? f
                    : fonts[(size, bold)] = new XFont(EmbeddedFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
            foreach (var shape in p.Shapes)
            {
                switch (shape)
                {
                    case Box b:
                        g.DrawRoundedRectangle(new XPen(XColor.FromArgb(Argb(b.Stroke)), 1.5), new XSolidBrush(XColor.FromArgb(Argb(b.Fill))), b.X, b.Y, b.W, b.H, 20, 20);
                        break;
                    case Rule r:
                        g.DrawLine(new XPen(XColor.FromArgb(Argb(r.Color)), 1), r.X1, r.Y, r.X2, r.Y);
                        break;
                    case Label l:
                        g.DrawString(l.Text, Font(l.Size, l.Bold), new XSolidBrush(XColor.FromArgb(Argb(l.Color))), l.X, l.Y,
                            l.Centered ? XStringFormats.BaseLineCenter : XStringFormats.BaseLineLeft);
                        break;
                }
            }
        }
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static int Argb(string hex) => unchecked((int)(0xFF000000u | uint.Parse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
}

/// <summary>
/// The font the PDF embeds: DejaVu Sans (regular and bold), shipped in the assembly (Resources/Fonts, Bitstream Vera
/// licence), so the PDF looks the same on any machine, without fonts installed.
/// </summary>
internal sealed class EmbeddedFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private static readonly Lock Gate = new();
    private static bool s_registered;

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (s_registered) return;
            if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = new EmbeddedFonts();
            s_registered = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans", false, italic);

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream($"Klimrek.Fonts.{faceName}.ttf");
        if (stream is null) return null;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
