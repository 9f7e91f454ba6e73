namespace Klimrek.Features.Career.Profile;

/// <summary>
/// Where the points of the climbing frame hang and where their names go. Each point gets a visible name (shortened with
/// "…" when long) placed beside it where it overlaps no other name, no point and stays inside the picture; when no
/// place is free even for a short name, the point shows only its number (the list below the picture has every name).
/// Text widths are estimated (<see cref="CharWidth"/> of the font size per character), so the layout is the same for
/// every browser and testable without one. Sizes are in viewBox units; the picture is drawn at about half size on a
/// 390 px screen, hence the large font.
/// </summary>
public static class ClimbingFrameLayout
{
    public const int Width = 720, Height = 400, Bottom = 350, Top = 50, Radius = 13;
    public const double FontSize = 20, CharWidth = 0.56;
    public static readonly int[] Lengths = [18, 11, 7];

    /// <summary>A point and its label (null: only the number fits); <paramref name="Anchor"/> is SVG's text-anchor.</summary>
    public sealed record Point(double X, double Y, string? Label, double LabelX, double LabelY, string Anchor);

    public readonly record struct Box(double X1, double Y1, double X2, double Y2)
    {
        public bool Overlaps(Box o) => X1 < o.X2 && o.X1 < X2 && Y1 < o.Y2 && o.Y1 < Y2;
        public bool Inside => X1 >= 2 && X2 <= Width - 2 && Y1 >= 2 && Y2 <= Height - 2;
    }

    /// <summary>Lays out the points (score in [0, 1], best first) with their names; O(n² × candidates).</summary>
    public static IReadOnlyList<Point> Layout(IReadOnlyList<(string Name, double Score)> items)
    {
        int n = items.Count;
        var centres = new List<(double X, double Y)>();
        for (int i = 0; i < n; i++)
        {
            var side = i % 2 == 0 ? 1 : -1;
            var spread = (i / 2 + 1) * (Width / 2.0 - 60) / (n / 2 + 1);
            centres.Add((Width / 2.0 + side * spread, Bottom - Math.Clamp(items[i].Score, 0, 1) * (Bottom - Top)));
        }
        var taken = centres.Select(c => new Box(c.X - Radius - 2, c.Y - Radius - 2, c.X + Radius + 2, c.Y + Radius + 2)).ToList();
        taken.Add(new Box(Width / 2.0 - 14, Bottom + 4, Width / 2.0 + 80, Bottom + 34)); // "jij nu"
        var result = new List<Point>();
        for (int i = 0; i < n; i++)
        {
            var (x, y) = centres[i];
            Point? placed = null;
            foreach (var max in Lengths)
            {
                var text = Shorten(items[i].Name, max);
                var w = text.Length * FontSize * CharWidth;
                foreach (var (lx, ly, anchor) in Candidates(x, y))
                {
                    var x1 = anchor switch { "start" => lx, "end" => lx - w, _ => lx - w / 2 };
                    var box = new Box(x1 - 2, ly - FontSize * 0.8, x1 + w + 2, ly + FontSize * 0.25);
                    if (!box.Inside || taken.Any(t => t.Overlaps(box))) continue;
                    taken.Add(box);
                    placed = new Point(x, y, text, lx, ly, anchor);
                    break;
                }
                if (placed is not null) break;
            }
            result.Add(placed ?? new Point(x, y, null, x, y, "middle"));
        }
        return result;
    }

    private static IEnumerable<(double X, double Y, string Anchor)> Candidates(double x, double y)
    {
        double gap = Radius + 4;
        yield return (x + gap, y + 6, "start");
        yield return (x - gap, y + 6, "end");
        yield return (x, y - gap - 2, "middle");
        yield return (x, y + gap + FontSize * 0.8, "middle");
        foreach (var dy in new[] { -22.0, 22, -44, 44, -66, 66, -88, 88 })
        {
            yield return (x + gap, y + 6 + dy, "start");
            yield return (x - gap, y + 6 + dy, "end");
            yield return (x, y + 6 + dy, "middle");
        }
    }

    /// <summary>The name cut at a word boundary where it can, with "…", to at most <paramref name="max"/> characters.</summary>
    public static string Shorten(string name, int max)
    {
        name = name.Trim();
        if (name.Length <= max) return name;
        var cut = name[..(max - 1)];
        var space = cut.LastIndexOf(' ');
        if (space >= max / 2) cut = cut[..space];
        return cut.TrimEnd(' ', ',', '-', '/') + "…";
    }
}
