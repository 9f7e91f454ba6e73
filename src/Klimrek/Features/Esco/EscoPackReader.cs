using Klimrek.Data;
using System.Runtime.CompilerServices;
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
    internal enum Kind { Occupations, Skills, Isco, SkillGroups, SkillCollection, OccupationCollection, OccBroader, SkillBroader, OccSkill, SkillSkill }

    private sealed record PackFile(string Path, Kind Kind, string? Lang, EscoCollections Coll);

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

        // Relation files are language-neutral and only produce lists, so they are parsed on other threads: the two small
        // hierarchy files beside the concept files (a first import writes them with the concepts), the large relation
        // files once the concept files are read, while the concepts are written (not competing with them for the cores).
        var relationNotes = new List<string>();
        var hierarchy = Task.Run(() => ReadRelations(pack, files.Where(f => f.Kind is Kind.OccBroader or Kind.SkillBroader), relationNotes));
        // The concept files are decompressed, checked and parsed on the thread pool, all at once; their rows are then
        // merged here in order, each file as soon as it is parsed: main files before collections, so the collection
        // files only add texts where the language has no full skills file (as with the Dutch pack).
        var concepts = files.Where(f => f.Kind < Kind.OccBroader).OrderBy(f => f.Kind).ThenBy(f => f.Path, StringComparer.Ordinal)
            .Select(f =>
            {
                bool withTexts = f.Kind != Kind.SkillCollection || !files.Any(x => x.Kind == Kind.Skills && x.Lang == f.Lang);
                return (File: f, Rows: Task.Run(() => EscoCsvRows.Concepts(f.Path, f.Kind, withTexts)));
            }).ToList();
        try
        {
            foreach (var (f, parsing) in concepts)
            {
                progress?.Report(Path.GetFileName(f.Path));
                Merge(pack, f, parsing.GetAwaiter().GetResult()); // rethrows the file's own EscoImportException
            }
        }
        catch
        {
            // No thread outlives a failed read; the first concept file's error in reading order is the one reported.
            try { Task.WaitAll([.. concepts.Select(c => c.Rows), hierarchy]); }
            catch (AggregateException) { }
            throw;
        }
        var relations = Task.Run(() => ReadRelations(pack, files.Where(f => f.Kind is Kind.OccSkill or Kind.SkillSkill), relationNotes));
        return new EscoPackReading(pack, hierarchy, relations, () =>
        {
            pack.Notes.AddRange(relationNotes);
            pack.FilesRead.AddRange(files.Select(f => Path.GetRelativePath(folder, f.Path)).Order(StringComparer.Ordinal));
        });
    }

    private static void ReadRelations(EscoPack pack, IEnumerable<PackFile> files, List<string> notes)
    {
        // One pool for these files' URIs: each distinct URI becomes one string, not one per row.
        var uris = new EscoCsvRows.UriPool();
        foreach (var f in files.OrderBy(f => f.Kind).ThenBy(f => f.Path, StringComparer.Ordinal))
        {
            switch (f.Kind)
            {
                case Kind.OccBroader: pack.OccupationBroader = EscoCsvRows.Pairs(f.Path, "conceptUri", "broaderUri", uris); break;
                case Kind.SkillBroader: pack.SkillBroader = EscoCsvRows.Pairs(f.Path, "conceptUri", "broaderUri", uris); break;
                case Kind.OccSkill:
                    var list = EscoCsvRows.OccupationSkills(f.Path, out var note, uris);
                    pack.OccupationSkills = list;
                    if (note is not null) lock (notes) notes.Add(note);
                    break;
                case Kind.SkillSkill: pack.SkillSkills = EscoCsvRows.SkillSkills(f.Path, uris); break;
            }
        }
    }

    /// <summary>The pack's files by kind (concept files with their language and collection); other files are listed as ignored.</summary>
    private static List<PackFile> Classify(string folder, EscoPack pack)
    {
        var files = new List<PackFile>();
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var m = ConceptFile().Match(name);
            if (m.Success)
            {
                var lang = m.Groups["lang"].Value.ToLowerInvariant();
                var kind = m.Groups["kind"].Value.ToLowerInvariant();
                var coll = m.Groups["coll"].Success ? CollectionOf(m.Groups["coll"].Value) : EscoCollections.None;
                files.Add(new(path, kind switch
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
                files.Add(new(path, m.Groups["kind"].Value.ToLowerInvariant() switch
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

    /// <summary>Adds one concept file's rows to the pack (on the calling thread, in reading order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Merge(EscoPack pack, PackFile f, EscoCsvRows.ConceptRows parsed)
    {
        var lang = f.Lang!;
        switch (f.Kind)
        {
            case Kind.Occupations:
                pack.Languages.Add(lang);
                pack.OccupationTextLanguages.Add(lang);
                foreach (var r in parsed.Rows)
                {
                    var existing = pack.Occupations.GetValueOrDefault(r.Uri);
                    pack.Occupations[r.Uri] = new OccupationRow(r.Uri, r.A ?? existing?.Code, r.B ?? existing?.IscoCode, r.C ?? existing?.ModifiedDate);
                    pack.OccupationTexts[(r.Uri, lang)] = r.Text!;
                }
                break;
            case Kind.Skills:
                pack.Languages.Add(lang);
                pack.SkillTextLanguages.Add(lang);
                foreach (var r in parsed.Rows)
                {
                    pack.Skills[r.Uri] = new SkillRow(r.Uri, SkillConceptType.Skill, r.A, r.B, null);
                    pack.SkillTexts[(r.Uri, lang)] = r.Text!;
                }
                if (parsed.EmptyType > 0)
                    pack.Notes.Add($"{Path.GetFileName(f.Path)}: {parsed.EmptyType} vaardigheden zonder skillType; opgeslagen zonder type.");
                break;
            case Kind.Isco:
                pack.Languages.Add(lang);
                pack.IscoTextLanguages.Add(lang);
                foreach (var r in parsed.Rows)
                {
                    pack.IscoGroups[r.Uri] = new IscoRow(r.Uri, r.A!);
                    pack.IscoTexts[(r.Uri, lang)] = r.Text!;
                }
                break;
            case Kind.SkillGroups:
                pack.Languages.Add(lang);
                foreach (var r in parsed.Rows)
                {
                    pack.Skills[r.Uri] = new SkillRow(r.Uri, SkillConceptType.SkillGroup, null, null, r.A);
                    pack.SkillTexts[(r.Uri, lang)] = r.Text!;
                }
                pack.SkillTextLanguages.Add(lang);
                break;
            case Kind.SkillCollection: MergeSkillCollection(pack, f, parsed); break;
            case Kind.OccupationCollection:
                foreach (var r in parsed.Rows)
                    pack.Collections[r.Uri] = pack.Collections.GetValueOrDefault(r.Uri) | f.Coll;
                break;
        }
    }

    /// <summary>
    /// Marks collection membership, adds skills no skills file named, and the texts of a language without a skills
    /// file (parsed only then; a row's text problem counts only where its text is used).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MergeSkillCollection(EscoPack pack, PackFile f, EscoCsvRows.ConceptRows parsed)
    {
        var lang = f.Lang!;
        foreach (var r in parsed.Rows)
        {
            pack.Collections[r.Uri] = pack.Collections.GetValueOrDefault(r.Uri) | f.Coll;
            if (!pack.Skills.ContainsKey(r.Uri))
                pack.Skills[r.Uri] = new SkillRow(r.Uri, SkillConceptType.Skill, r.A, r.B, null);
            if ((r.Text is not null || r.TextError is not null) && !pack.SkillTexts.ContainsKey((r.Uri, lang)))
            {
                if (r.TextError is not null) throw r.TextError;
                pack.Languages.Add(lang);
                pack.SkillTexts[(r.Uri, lang)] = r.Text!;
            }
        }
    }
}

/// <summary>
/// An ESCO pack whose concept files are read and validated, while its relation files are still being read.
/// <see cref="Hierarchy"/> waits for the two hierarchy files, <see cref="Complete"/> for all (each throws the first
/// file's <see cref="EscoImportException"/>); <see cref="Abandon"/> waits without reporting, for a caller that failed on its own.
/// </summary>
public sealed class EscoPackReading(EscoPack pack, Task hierarchy, Task relations, Action finish)
{
    /// <summary>The concepts and texts; the relation lists are only set after <see cref="Hierarchy"/> and <see cref="Complete"/>.</summary>
    public EscoPack Concepts => pack;

    /// <summary>The pack with its occupation and skill hierarchies (<see cref="EscoPack.OccupationBroader"/>, <see cref="EscoPack.SkillBroader"/>).</summary>
    public EscoPack Hierarchy()
    {
        Await(hierarchy);
        return pack;
    }

    public EscoPack Complete()
    {
        Await(hierarchy);
        Await(relations);
        finish();
        return pack;
    }

    private static void Await(Task task)
    {
        try { task.Wait(); }
        catch (AggregateException e) when (e.InnerException is EscoImportException inner)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(inner).Throw();
        }
    }

    public void Abandon()
    {
        try { Task.WaitAll(hierarchy, relations); }
        catch (AggregateException) { }
    }
}
