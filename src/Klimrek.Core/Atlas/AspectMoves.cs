namespace Klimrek.Core.Atlas;

/// <summary>
/// Where curators placed ESCO skills on one beroepsbeeld against <see cref="SkillAspectClassifier"/>'s choice. Stored
/// as the content of the versioned section <see cref="ImageSections.Aspecten"/>, one move a line
/// (<c>skill-uri&lt;TAB&gt;aspect-key</c>, sorted by URI), so the version history, its word diff and "restore this
/// version" work on moves as on any other section.
/// </summary>
public static class AspectMoves
{
    /// <summary>One line that could not be read, with its 1-based number and the Dutch reason.</summary>
    public sealed record LineError(int Line, string Value, string Reason);

    /// <summary>The moves in a stored content (unreadable lines are skipped; <see cref="Parse"/> reports them).</summary>
    public static IReadOnlyDictionary<string, BodyAspect> Read(string? content)
    {
        var (moves, _) = Parse(content);
        return moves;
    }

    /// <summary>Reads every line; lines without a tab or with an unknown aspect key are returned as errors.</summary>
    public static (Dictionary<string, BodyAspect> Moves, List<LineError> Errors) Parse(string? content)
    {
        var moves = new Dictionary<string, BodyAspect>(StringComparer.Ordinal);
        var errors = new List<LineError>();
        var lines = (content ?? "").Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            var tab = line.IndexOf('\t');
            var uri = tab < 0 ? line : line[..tab].Trim();
            var key = tab < 0 ? "" : line[(tab + 1)..].Trim();
            if (!BodyAspects.TryParse(key, out var aspect))
                errors.Add(new LineError(i + 1, key, "onbekend aspect"));
            else if (uri.Length == 0)
                errors.Add(new LineError(i + 1, uri, "geen vaardigheid"));
            else
                moves[uri] = aspect;
        }
        return (moves, errors);
    }

    /// <summary>The stored form: one <c>uri&lt;TAB&gt;key</c> line per move, sorted, so equal moves give equal text.</summary>
    public static string Write(IEnumerable<KeyValuePair<string, BodyAspect>> moves) =>
        string.Join('\n', moves.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => m.Key + "\t" + m.Value.Key()));
}
