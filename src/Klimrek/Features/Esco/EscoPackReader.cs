using Klimrek.Data;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Klimrek.Features.Esco;

/// <summary>
/// Reads an official ESCO CSV language pack (any language: <c>occupations_xx.csv</c>, <c>skills_xx.csv</c>, …,
/// plain or gzip-compressed, in one folder or sub-folders) into an <see cref="EscoPack"/>.
/// It validates everything first so that the import can be all-or-nothing: a malformed file throws an
/// <see cref="EscoImportException"/> naming the file and line; known data quirks are recorded as notes.
/// </summary>
public static partial class EscoPackReader
{
    private enum Kind { Occupations, Skills, Isco, SkillGroups, SkillCollection, OccupationCollection, OccBroader, SkillBroader, OccSkill, SkillSkill }

    private const int MaxLabelLength = 500;

    [GeneratedRegex(@"^(?<kind>occupations|skills|ISCOGroups|skillGroups|(?<coll>transversal|digital|green|language|research|digComp)SkillsCollection|researchOccupationsCollection)_(?<lang>[a-z]{2,3}(-[a-z]{2,4})?)\.csv(\.gz)?$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ConceptFile();

    [GeneratedRegex(@"^(?<kind>broaderRelationsOccPillar|broaderRelationsSkillPillar|occupationSkillRelations|skillSkillRelations)(_[a-z]{2,3}(-[a-z]{2,4})?)?\.csv(\.gz)?$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RelationFile();

    public static EscoPack Read(string folder, IProgress<string>? progress = null) => Begin(folder, progress).Complete();

    /// <summary>
    /// Reads the concept files (and validates them) before returning; the relation files go on being read on another
    /// thread until <see cref="EscoPackReading.Complete"/>, so the caller can write the concepts meanwhile.
    /// </summary>
    public static EscoPackReading Begin(string folder, IProgress<string>? progress = null)
    {
        if (!Directory.Exists(folder))
            throw new EscoImportException($"Map '{folder}' bestaat niet.");
        var pack = new EscoPack { Source = Path.GetFullPath(folder) };
        var files = Classify(folder, pack);
        if (files.Count == 0)
            throw new EscoImportException($"Geen ESCO-bestanden gevonden in '{folder}' (verwacht o.a. occupations_nl.csv, skills_en.csv, occupationSkillRelations.csv).");

        // Relation files are language-neutral and only produce lists, so they are parsed on another thread while the
        // concept files are read in order: main files before collections, so the collection files only add texts
        // where the language has no full skills file (as with the Dutch pack).
        var relationNotes = new List<string>();
        var relations = Task.Run(() =>
        {
            foreach (var f in files.Where(f => f.Kind >= Kind.OccBroader).OrderBy(f => f.Kind).ThenBy(f => f.Path, StringComparer.Ordinal))
            {
                switch (f.Kind)
                {
                    case Kind.OccBroader: pack.OccupationBroader = ReadPairs(f.Path, "conceptUri", "broaderUri"); break;
                    case Kind.SkillBroader: pack.SkillBroader = ReadPairs(f.Path, "conceptUri", "broaderUri"); break;
                    case Kind.OccSkill: pack.OccupationSkills = ReadOccupationSkills(relationNotes, f.Path); break;
                    case Kind.SkillSkill: pack.SkillSkills = ReadSkillSkills(f.Path); break;
                }
            }
        });
        var reading = new EscoPackReading(pack, relations, () =>
        {
            pack.Notes.AddRange(relationNotes);
            pack.FilesRead.AddRange(files.Select(f => Path.GetRelativePath(folder, f.Path)).Order(StringComparer.Ordinal));
        });
        // The concept files are decompressed and split on the thread pool, all at once; their rows are then applied here
        // in order, each file as soon as it is split.
        var concepts = files.Where(f => f.Kind < Kind.OccBroader).OrderBy(f => f.Kind).ThenBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => (File: f, Table: Task.Run(() => CsvTable.Read(f.Path)))).ToList();
        try
        {
            foreach (var (f, split) in concepts)
            {
                progress?.Report(Path.GetFileName(f.Path));
                var table = split.GetAwaiter().GetResult(); // rethrows the file's own EscoImportException
                switch (f.Kind)
                {
                    case Kind.Occupations: ReadOccupations(pack, table, f.Lang!); break;
                    case Kind.Skills: ReadSkills(pack, table, f.Lang!); break;
                    case Kind.Isco: ReadIsco(pack, table, f.Lang!); break;
                    case Kind.SkillGroups: ReadSkillGroups(pack, table, f.Lang!); break;
                    case Kind.SkillCollection: ReadSkillCollection(pack, table, f.Lang!, f.Coll, files.Any(x => x.Kind == Kind.Skills && x.Lang == f.Lang)); break;
                    case Kind.OccupationCollection: ReadOccupationCollection(pack, table, f.Coll); break;
                }
            }
        }
        catch
        {
            // No thread outlives a failed read; the first concept file's error in reading order is the one reported.
            try { Task.WaitAll(concepts.Select(c => c.Table).ToArray()); }
            catch (AggregateException) { }
            reading.Abandon();
            throw;
        }
        return reading;
    }

    /// <summary>The pack's files by kind (concept files with their language and collection); other files are listed as ignored.</summary>
    private static List<(string Path, Kind Kind, string? Lang, EscoCollections Coll)> Classify(string folder, EscoPack pack)
    {
        var files = new List<(string Path, Kind Kind, string? Lang, EscoCollections Coll)>();
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var m = ConceptFile().Match(name);
            if (m.Success)
            {
                var lang = m.Groups["lang"].Value.ToLowerInvariant();
                var kind = m.Groups["kind"].Value.ToLowerInvariant();
                var coll = m.Groups["coll"].Success ? CollectionOf(m.Groups["coll"].Value) : EscoCollections.None;
                files.Add((path, kind switch
                {
                    "occupations" => Kind.Occupations,
                    "skills" => Kind.Skills,
                    "iscogroups" => Kind.Isco,
                    "skillgroups" => Kind.SkillGroups,
                    "researchoccupationscollection" => Kind.OccupationCollection,
                    _ => Kind.SkillCollection,
                }, lang, kind == "researchoccupationscollection" ? EscoCollections.Research : coll));
                continue;
            }
            m = RelationFile().Match(name);
            if (m.Success)
            {
                files.Add((path, m.Groups["kind"].Value.ToLowerInvariant() switch
                {
                    "broaderrelationsoccpillar" => Kind.OccBroader,
                    "broaderrelationsskillpillar" => Kind.SkillBroader,
                    "occupationskillrelations" => Kind.OccSkill,
                    _ => Kind.SkillSkill,
                }, null, EscoCollections.None));
                continue;
            }
            pack.FilesIgnored.Add(name);
        }
        return files;
    }

    private static EscoCollections CollectionOf(string name) => name.ToLowerInvariant() switch
    {
        "transversal" => EscoCollections.Transversal,
        "digital" => EscoCollections.Digital,
        "green" => EscoCollections.Green,
        "language" => EscoCollections.Language,
        "research" => EscoCollections.Research,
        "digcomp" => EscoCollections.DigComp,
        _ => EscoCollections.None,
    };

    private static void ReadOccupations(EscoPack pack, CsvTable table, string lang)
    {
        var path = table.Path;
        pack.Languages.Add(lang);
        pack.OccupationTextLanguages.Add(lang);
        ForEachRow(table, ["conceptUri", "preferredLabel"], (row, line) =>
        {
            var uri = RequireUri(row, "conceptUri", path, line);
            var existing = pack.Occupations.GetValueOrDefault(uri);
            pack.Occupations[uri] = new OccupationRow(uri,
                Opt(row, "code") ?? existing?.Code,
                Opt(row, "iscoGroup") ?? existing?.IscoCode,
                Opt(row, "modifiedDate") ?? existing?.ModifiedDate);
            pack.OccupationTexts[(uri, lang)] = Text(row, path, line, altSeparator: '\n');
        });
    }

    private static void ReadSkills(EscoPack pack, CsvTable table, string lang)
    {
        var path = table.Path;
        pack.Languages.Add(lang);
        pack.SkillTextLanguages.Add(lang);
        int emptyType = 0;
        ForEachRow(table, ["conceptUri", "preferredLabel"], (row, line) =>
        {
            var uri = RequireUri(row, "conceptUri", path, line);
            var type = Opt(row, "skillType");
            if (type is null) emptyType++;
            pack.Skills[uri] = new SkillRow(uri, SkillConceptType.Skill, type, Opt(row, "reuseLevel"), null);
            pack.SkillTexts[(uri, lang)] = Text(row, path, line, altSeparator: '\n');
        });
        if (emptyType > 0)
            pack.Notes.Add($"{Path.GetFileName(path)}: {emptyType} vaardigheden zonder skillType; opgeslagen zonder type.");
    }

    private static void ReadIsco(EscoPack pack, CsvTable table, string lang)
    {
        var path = table.Path;
        pack.Languages.Add(lang);
        pack.IscoTextLanguages.Add(lang);
        ForEachRow(table, ["conceptUri", "code", "preferredLabel"], (row, line) =>
        {
            var uri = RequireUri(row, "conceptUri", path, line);
            var code = Opt(row, "code") ?? throw Error(path, line, "kolom 'code' is leeg");
            pack.IscoGroups[uri] = new IscoRow(uri, code);
            pack.IscoTexts[(uri, lang)] = Text(row, path, line, altSeparator: '\n');
        });
    }

    private static void ReadSkillGroups(EscoPack pack, CsvTable table, string lang)
    {
        var path = table.Path;
        pack.Languages.Add(lang);
        ForEachRow(table, ["conceptUri", "preferredLabel"], (row, line) =>
        {
            var uri = RequireUri(row, "conceptUri", path, line);
            // Knowledge groups (ISCED-F) carry their code only in the URI.
            var code = Opt(row, "code") ?? (uri.Contains("/isced-f/", StringComparison.Ordinal) ? uri[(uri.LastIndexOf('/') + 1)..] : null);
            pack.Skills[uri] = new SkillRow(uri, SkillConceptType.SkillGroup, null, null, code);
            pack.SkillTexts[(uri, lang)] = Text(row, path, line, altSeparator: '\n');
        });
        pack.SkillTextLanguages.Add(lang);
    }

    private static void ReadSkillCollection(EscoPack pack, CsvTable table, string lang, EscoCollections coll, bool languageHasSkillsFile)
    {
        var path = table.Path;
        ForEachRow(table, ["conceptUri", "preferredLabel"], (row, line) =>
        {
            var uri = RequireUri(row, "conceptUri", path, line);
            pack.Collections[uri] = pack.Collections.GetValueOrDefault(uri) | coll;
            if (!pack.Skills.ContainsKey(uri))
                pack.Skills[uri] = new SkillRow(uri, SkillConceptType.Skill, Opt(row, "skillType"), Opt(row, "reuseLevel"), null);
            if (!languageHasSkillsFile && !pack.SkillTexts.ContainsKey((uri, lang)))
            {
                pack.Languages.Add(lang);
                pack.SkillTexts[(uri, lang)] = Text(row, path, line, altSeparator: '|');
            }
        });
    }

    private static void ReadOccupationCollection(EscoPack pack, CsvTable table, EscoCollections coll) =>
        ForEachRow(table, ["conceptUri"], (row, line) =>
        {
            var uri = RequireUri(row, "conceptUri", table.Path, line);
            pack.Collections[uri] = pack.Collections.GetValueOrDefault(uri) | coll;
        });

    private static List<(string, string)> ReadPairs(string path, string childColumn, string parentColumn)
    {
        var table = CsvTable.Read(path);
        var list = new List<(string, string)>();
        ForEachRow(table, [childColumn, parentColumn], (row, line) =>
            list.Add((RequireUri(row, childColumn, path, line), RequireUri(row, parentColumn, path, line))));
        return list;
    }

    private static List<(string, string, bool)> ReadOccupationSkills(List<string> notes, string path)
    {
        var table = CsvTable.Read(path);
        var list = new List<(string, string, bool)>();
        int emptyType = 0;
        ForEachRow(table, ["occupationUri", "relationType", "skillUri"], (row, line) =>
        {
            if (Opt(row, "skillType") is null) emptyType++;
            list.Add((RequireUri(row, "occupationUri", path, line), RequireUri(row, "skillUri", path, line), Essential(row, path, line)));
        });
        if (emptyType > 0)
            notes.Add($"{Path.GetFileName(path)}: {emptyType} relaties zonder skillType; het type komt uit de vaardigheid zelf.");
        return list;
    }

    private static List<(string, string, bool)> ReadSkillSkills(string path)
    {
        var table = CsvTable.Read(path);
        var list = new List<(string, string, bool)>();
        ForEachRow(table, ["originalSkillUri", "relationType", "relatedSkillUri"], (row, line) =>
            list.Add((RequireUri(row, "originalSkillUri", path, line), RequireUri(row, "relatedSkillUri", path, line), Essential(row, path, line))));
        return list;
    }

    private static bool Essential(Row row, string path, int line) => Opt(row, "relationType")?.ToLowerInvariant() switch
    {
        "essential" => true,
        "optional" => false,
        var other => throw Error(path, line, $"relationType '{other}' is geen 'essential' of 'optional'"),
    };

    private static TextRow Text(Row row, string path, int line, char altSeparator)
    {
        var label = Opt(row, "preferredLabel") ?? throw Error(path, line, "kolom 'preferredLabel' is leeg");
        if (label.Length > MaxLabelLength)
            throw Error(path, line, $"preferredLabel is langer dan {MaxLabelLength} tekens");
        return new TextRow(label, Labels(Opt(row, "altLabels"), altSeparator), Labels(Opt(row, "hiddenLabels"), '\n'), Opt(row, "description"));
    }

    /// <summary>Normalises a label list to newline-separated, trimmed, de-duplicated labels.</summary>
    private static string? Labels(string? raw, char separator)
    {
        if (raw is null) return null;
        var parts = raw.Split(separator == '\n' ? ['\n', '\r'] : [separator, '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => p.Length <= MaxLabelLength)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return parts.Count == 0 ? null : string.Join('\n', parts);
    }

    private static string RequireUri(Row row, string column, string path, int line)
    {
        var v = Opt(row, column) ?? throw Error(path, line, $"kolom '{column}' is leeg");
        if (!v.StartsWith("http://", StringComparison.Ordinal) && !v.StartsWith("https://", StringComparison.Ordinal))
            throw Error(path, line, $"'{Truncate(v)}' in kolom '{column}' is geen ESCO-URI");
        return v;
    }

    private static string? Opt(Row row, string column)
    {
        if (!row.Columns.TryGetValue(column, out var i) || i >= row.Fields.Length) return null;
        var v = row.Fields[i].Trim();
        return v.Length == 0 ? null : v;
    }

    private static string Truncate(string s) => s.Length > 60 ? s[..60] + "…" : s;

    private static EscoImportException Error(string path, int line, string what) =>
        new($"{Path.GetFileName(path)}, regel {line}: {what}.");

    private sealed record Row(Dictionary<string, int> Columns, string[] Fields);

    private static void ForEachRow(CsvTable table, string[] required, Action<Row, int> action)
    {
        var header = table.Header;
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < header.Length; i++)
            columns.TryAdd(header[i].Trim().TrimStart('\uFEFF'), i);
        var missing = required.Where(r => !columns.ContainsKey(r)).ToList();
        if (missing.Count > 0)
            throw new EscoImportException($"{table.FileName}, regel 1: kolom(men) {string.Join(", ", missing.Select(m => $"'{m}'"))} ontbreken in de kopregel.");
        foreach (var (fields, line) in table.Records)
        {
            if (fields.Length != header.Length)
            {
                if (fields.Length == 1 && fields[0].Length == 0) continue; // blank line
                throw new EscoImportException($"{table.FileName}, regel {line}: {fields.Length} velden waar de kopregel er {header.Length} heeft (controleer aanhalingstekens).");
            }
            action(new Row(columns, fields), line);
        }
    }

}

/// <summary>
/// An ESCO pack whose concept files are read and validated, while its relation files are still being read.
/// <see cref="Complete"/> waits for them (and throws their <see cref="EscoImportException"/>); <see cref="Abandon"/>
/// waits without reporting, for a caller that failed on its own.
/// </summary>
public sealed class EscoPackReading(EscoPack pack, Task relations, Action finish)
{
    /// <summary>The concepts and texts; the relation lists are only set after <see cref="Complete"/>.</summary>
    public EscoPack Concepts => pack;

    public EscoPack Complete()
    {
        try { relations.Wait(); }
        catch (AggregateException e) when (e.InnerException is EscoImportException inner)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(inner).Throw();
        }
        finish();
        return pack;
    }

    public void Abandon()
    {
        try { relations.Wait(); }
        catch (AggregateException) { }
    }
}
