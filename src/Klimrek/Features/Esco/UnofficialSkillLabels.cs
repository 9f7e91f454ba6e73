using System.IO.Compression;
using System.Text;

namespace Klimrek.Features.Esco;

/// <summary>One skill's Dutch label of our own, with its search synonyms (from the shipped TSV).</summary>
public sealed record UnofficialSkillLabel(string Uri, string PreferredLabel, IReadOnlyList<string> Synonyms);

/// <summary>
/// Klimrek's own Dutch labels for the ESCO skills that have no official Dutch label (data/klimrek-nl). They are stored
/// beside ESCO's texts as <c>SkillTexts</c> rows in their own language tag <see cref="Language"/> (synonyms as
/// alternative labels), so an ESCO import never replaces or deletes them; the catalogue uses one only where the skill
/// has no official Dutch ("nl") label. Loaded by every ESCO import, and once at start into a database that lacks them.
/// </summary>
public static class UnofficialSkillLabels
{
    /// <summary>The language tag of our own Dutch texts: Dutch with the (unregistered) variant "klimrek"; fits the 10-character column.</summary>
    public const string Language = "nl-klimrek";

    private const int MaxLabelLength = 500;

    /// <summary>Reads the tab-separated file (gzip or plain): conceptUri, preferredLabel, synonyms separated by " | ".</summary>
    public static List<UnofficialSkillLabel> Read(string path)
    {
        using var raw = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(raw, CompressionMode.Decompress) : raw;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var list = new List<UnofficialSkillLabel>(12_000);
        var header = reader.ReadLine();
        if (header is null || !header.StartsWith("conceptUri\tpreferredLabel", StringComparison.Ordinal))
            throw new EscoImportException($"{Path.GetFileName(path)}: regel 1 moet beginnen met 'conceptUri<TAB>preferredLabel'.");
        int line = 1;
        while (reader.ReadLine() is { } row)
        {
            line++;
            if (row.Length == 0) continue;
            var cells = row.Split('\t');
            if (cells.Length < 2 || !cells[0].StartsWith("http", StringComparison.Ordinal) || cells[1].Trim().Length is 0 or > MaxLabelLength)
                throw new EscoImportException($"{Path.GetFileName(path)}: regel {line} heeft geen geldige URI en naam.");
            var synonyms = cells.Length > 2
                ? cells[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s.Length <= MaxLabelLength).ToArray()
                : [];
            list.Add(new UnofficialSkillLabel(cells[0].Trim(), cells[1].Trim(), synonyms));
        }
        return list;
    }

    /// <summary>
    /// Replaces the stored labels with <paramref name="labels"/> (skills not in <paramref name="skillIds"/> are skipped).
    /// Runs inside the caller's transaction; returns the number of labels written.
    /// </summary>
    internal static async Task<int> WriteAsync(BulkLoader db, IReadOnlyList<UnofficialSkillLabel> labels, IReadOnlyDictionary<string, int> skillIds, bool fresh, CancellationToken ct)
    {
        if (!fresh) await db.ExecuteAsync($"""DELETE FROM "SkillTexts" WHERE "Language" = '{Language}'""", ct);
        var rows = new List<(int Id, UnofficialSkillLabel Label)>(labels.Count);
        var seen = new HashSet<int>();
        foreach (var l in labels)
            if (skillIds.TryGetValue(l.Uri, out var id) && seen.Add(id)) rows.Add((id, l));
        await db.LoadAsync("SkillTexts", ["SkillId", "Language", "PreferredLabel", "AltLabels", "HiddenLabels", "Description"], rows, (w, r) =>
        {
            w.Write(r.Id);
            w.Write(Language);
            w.Write(r.Label.PreferredLabel);
            w.Write(r.Label.Synonyms.Count == 0 ? null : string.Join('\n', r.Label.Synonyms));
            w.Write((string?)null);
            w.Write((string?)null);
        }, ct);
        return rows.Count;
    }
}
