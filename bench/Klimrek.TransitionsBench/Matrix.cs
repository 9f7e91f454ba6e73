using System.Globalization;
using Klimrek.Core.Transitions;

namespace Klimrek.TransitionsBench;

/// <summary>The exported occupation x skill matrix and the skill relations, as dense indexes (written by the export verb).</summary>
public sealed record Matrix(int Occupations, int Skills, List<Requirement> Requirements, List<(int Skill, int Broader)> Broader,
    List<(int A, int B)> Related, HashSet<int> Groups)
{
    public static Matrix Read(string dir)
    {
        static int Int(ReadOnlySpan<char> s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
        static IEnumerable<string> Lines(string dir, string name, out string header)
        {
            var lines = File.ReadLines(Path.Combine(dir, name));
            header = lines.First();
            return lines.Skip(1);
        }
        static (int, int) Pair(string line)
        {
            var tab = line.IndexOf('\t');
            return (Int(line.AsSpan(0, tab)), Int(line.AsSpan(tab + 1)));
        }

        var reqLines = Lines(dir, "requirements.tsv", out var header);
        var counts = header.Split('\t');
        int occupations = int.Parse(counts[0], CultureInfo.InvariantCulture), skills = int.Parse(counts[1], CultureInfo.InvariantCulture);
        var requirements = new List<Requirement>(int.Parse(counts[2], CultureInfo.InvariantCulture));
        foreach (var line in reqLines)
        {
            var parts = line.Split('\t');
            requirements.Add(new Requirement(Int(parts[0]), Int(parts[1]), parts[2] == "1"));
        }
        var broader = Lines(dir, "broader.tsv", out _).Select(Pair).ToList();
        var related = Lines(dir, "related.tsv", out _).Select(Pair).ToList();
        var groups = Lines(dir, "groups.tsv", out _).Select(l => Int(l)).ToHashSet();
        return new Matrix(occupations, skills, requirements, broader, related, groups);
    }
}

/// <summary>The exported occupations (occupations.tsv, same indexes as the matrix): URI, ESCO code, ISCO code and the ranking's texts.</summary>
public sealed record OccupationRows(string[] Uris, string[] Codes, string?[] Isco, string?[] TextsEn, string?[] TextsNl, string?[] LabelsEn)
{
    public RankingInputs Inputs => new(Isco, TextsEn, TextsNl, LabelsEn);

    public static OccupationRows Read(string dir)
    {
        var lines = File.ReadLines(Path.Combine(dir, "occupations.tsv")).Skip(1).Select(l => l.Split('\t')).ToList();
        static string? OrNull(string s) => s.Length == 0 ? null : s;
        return new OccupationRows(lines.Select(c => c[1]).ToArray(), lines.Select(c => c[2]).ToArray(),
            lines.Select(c => OrNull(c[3])).ToArray(), lines.Select(c => OrNull(c[4])).ToArray(), lines.Select(c => OrNull(c[5])).ToArray(),
            lines.Select(c => c.Length > 6 ? OrNull(c[6]) : null).ToArray());
    }
}
