using System.Globalization;

namespace Klimrek.Core.Matching;

public sealed class EdgeListException(int line, string message) : Exception($"regel {line}: {message}")
{
    public int Line { get; } = line;
}

/// <summary>
/// The plain weighted edge list the matching verb reads: a first line <c>n m</c>, then <c>m</c> lines <c>u v w</c>
/// with 0-based vertices and integer weights, separated by spaces or tabs. Blank lines and lines starting with
/// <c>#</c> are skipped. Errors name the line.
/// </summary>
public static class EdgeList
{
    public static (int VertexCount, List<WeightedEdge> Edges) Read(TextReader reader)
    {
        int lineNo = 0;
        string? NextLine()
        {
            string? l;
            while ((l = reader.ReadLine()) is not null)
            {
                lineNo++;
                var t = l.Trim();
                if (t.Length > 0 && t[0] != '#') return t;
            }
            return null;
        }
        static string[] Split(string s) => s.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

        var header = NextLine() ?? throw new EdgeListException(Math.Max(lineNo, 1), "het bestand is leeg; verwacht 'n m'");
        var h = Split(header);
        if (h.Length != 2 || !int.TryParse(h[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            || !int.TryParse(h[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m))
            throw new EdgeListException(lineNo, $"verwacht 'n m' (twee niet-negatieve gehele getallen), gevonden '{Short(header)}'");
        var edges = new List<WeightedEdge>(Math.Min(m, 50_000_000));
        for (int i = 0; i < m; i++)
        {
            var line = NextLine() ?? throw new EdgeListException(lineNo + 1, $"het bestand eindigt na {i} van de {m} kanten");
            var f = Split(line);
            if (f.Length != 3
                || !int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var u)
                || !int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var v)
                || !long.TryParse(f[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var w))
                throw new EdgeListException(lineNo, $"verwacht 'u v w' (twee hoekpunten en een geheel gewicht), gevonden '{Short(line)}'");
            if (u >= n || v >= n)
                throw new EdgeListException(lineNo, $"hoekpunt {Math.Max(u, v)} ligt buiten 0..{n - 1}");
            if (Math.Abs(w) > 1L << 40)
                throw new EdgeListException(lineNo, "het gewicht is groter dan 2^40");
            edges.Add(new WeightedEdge(u, v, w));
        }
        if (NextLine() is { } extra)
            throw new EdgeListException(lineNo, $"meer regels dan de {m} aangekondigde kanten");
        return (n, edges);
    }

    private static string Short(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
