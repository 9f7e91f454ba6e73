using DiffPlex;
using DiffPlex.Chunkers;
using Klimrek.Core.Atlas;
using Klimrek.Features.Atlas;
using System.Text.RegularExpressions;

namespace Klimrek.Features.Curation;

/// <summary>Whether a piece of a comparison is in both versions, only in the newer one, or only in the older one.</summary>
public enum DiffKind { Same, Added, Removed }

/// <summary>A run of text of one <see cref="DiffKind"/>.</summary>
public sealed record DiffPiece(DiffKind Kind, string Text);

/// <summary>
/// Compares two versions of a section word by word, so a curator sees what changed inside a sentence instead of two
/// whole texts side by side. The diff itself is DiffPlex's (Myers' algorithm: a longest common subsequence of
/// tokens); tokens are words, runs of white space and single punctuation marks, so the pieces put together give back
/// each text exactly. List sections are first written out as readable lines, one item a line.
/// </summary>
public static partial class VersionDiff
{
    /// <summary>The pieces that turn <paramref name="older"/> into <paramref name="newer"/>; adjacent pieces of one kind are merged.</summary>
    public static IReadOnlyList<DiffPiece> Words(string older, string newer)
    {
        var result = Differ.Instance.CreateDiffs(older ?? "", newer ?? "", ignoreWhiteSpace: false, ignoreCase: false, TokenChunker.Instance);
        var a = result.PiecesOld;
        var b = result.PiecesNew;
        var pieces = new List<DiffPiece>();
        void Add(DiffKind kind, IEnumerable<string> tokens)
        {
            var text = string.Concat(tokens);
            if (text.Length == 0) return;
            if (pieces.Count > 0 && pieces[^1].Kind == kind) pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
            else pieces.Add(new DiffPiece(kind, text));
        }
        int posA = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(DiffKind.Same, a.Skip(posA).Take(block.DeleteStartA - posA));
            Add(DiffKind.Removed, a.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            Add(DiffKind.Added, b.Skip(block.InsertStartB).Take(block.InsertCountB));
            posA = block.DeleteStartA + block.DeleteCountA;
        }
        Add(DiffKind.Same, a.Skip(posA));
        return pieces;
    }

    /// <summary>A section's content as a person reads it: the text itself, or a list written out one item a line.</summary>
    /// <param name="skillName">For aspect moves: a skill's name by its URI (the URI itself when not given or unknown).</param>
    public static string Readable(SectionKind kind, string? content, Func<string, string?>? skillName = null) => kind switch
    {
        SectionKind.Text => content ?? "",
        SectionKind.Shifts => Lines(CuratedContent.ReadList<Shift>(content).Select(s => $"{s.From} → {s.To}" + (s.Explanation is { } e ? $": {e}" : ""))),
        SectionKind.Stories => Lines(CuratedContent.ReadList<Story>(content).Select(s =>
            $"“{s.Quote}” — {s.Role}" + string.Concat(new[] { s.Source, s.Date, s.Origin }.Where(x => x is not null).Select(x => ", " + x)))),
        SectionKind.Developments => Lines(CuratedContent.ReadList<Development>(content).Select(d => $"{d.Kind}: {d.Text}")),
        SectionKind.Sources => Lines(CuratedContent.ReadList<SourceReference>(content).Select(s => s.Title + (s.Reference is { } r ? $" — {r}" : ""))),
        SectionKind.AspectMoves => Lines(AspectMoves.Read(content).Select(m => $"{skillName?.Invoke(m.Key) ?? m.Key} → {AspectLabels.Name(m.Value)}")),
        _ => content ?? "",
    };

    private static string Lines(IEnumerable<string> lines) => string.Join('\n', lines);

    /// <summary>Splits into words, runs of white space and single other characters; joined they give the text back.</summary>
    private sealed partial class TokenChunker : IChunker
    {
        public static readonly TokenChunker Instance = new();

        public IReadOnlyList<string> Chunk(string text) => Token().Matches(text).Select(m => m.Value).ToArray();

        [GeneratedRegex(@"\s+|\w+|[^\w\s]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
        private static partial Regex Token();
    }
}
