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
