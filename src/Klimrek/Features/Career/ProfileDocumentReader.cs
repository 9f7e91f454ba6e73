using Klimrek.Core.Transitions;
using Klimrek.Data;
using Klimrek.Features.Esco;
using Klimrek.Infrastructure.Errors;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Klimrek.Features.Career;

/// <summary>What a valid profile document holds, resolved against the catalogue, ready to replace a profile.</summary>
public sealed record ProfileImport(
    List<ProfileOccupation> Occupations, List<ProfileSkill> Skills, List<string> Sectors, List<string> Drivers, string? Region, int? MarketWeight);

/// <summary>
/// Reads a <c>klimrek-skills-profile</c> document (docs/skills-profile-format.md) completely, collecting every problem
/// under its JSON path (<c>skills[3].evidence</c>) so that the API lists them as field errors and the page beside the
/// import. Nothing is stored here.
/// </summary>
public sealed class ProfileDocumentReader(CatalogueSnapshot catalogue, DateTime now)
{
    private static readonly HashSet<string> KnownFields =
        new(["format", "version", "taxonomy", "occupations", "skills", "interests", "region", "marketWeight"], StringComparer.Ordinal);

    private readonly ValidationErrors _errors = new();
    private readonly Dictionary<string, int> _occupationByUri =
        catalogue.Occupations.Values.ToDictionary(x => x.Uri, x => x.Id, StringComparer.Ordinal);

    /// <summary>The document's content, or a 400 <see cref="ProblemException"/> naming every problem.</summary>
    public ProfileImport Read(string json)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 16 }); }
        catch (JsonException e)
        {
            throw ProblemException.Field(ProblemException.General, "Geen geldige JSON (regel {0}, positie {1}).", (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1);
        }
        if (root is not JsonObject o) throw ProblemException.Field(ProblemException.General, "Het bestand moet één JSON-object zijn.");

        if (Str(o["format"], "format", required: true) is { } format && format != ProfileDocument.FormatName)
            _errors.Add("format", "verwacht '{0}'.", ProfileDocument.FormatName);
        if (o["version"] is null) _errors.Add("version", "ontbreekt.");
        else if (Int(o["version"], "version", 1, 1000) is int version && version != ProfileDocument.CurrentVersion)
            _errors.Add("version", "versie {0} wordt niet ondersteund (wel: {1}).", version, ProfileDocument.CurrentVersion);

        var occupations = ReadOccupations(Arr(o["occupations"], "occupations", ProfileService.MaxOccupations));
        var skills = ReadSkills(Arr(o["skills"], "skills", ProfileService.MaxSkills));
        var (sectors, drivers) = ReadInterests(o["interests"]);
        var region = Str(o["region"], "region", max: 100);
        var weight = Int(o["marketWeight"], "marketWeight", 0, 100);
        foreach (var key in o.Select(kv => kv.Key).Where(k => !KnownFields.Contains(k)))
            _errors.Add(key, "onbekend veld.");
        if (_errors.Count > 0)
            throw new ProblemException(400, new Message("Het bestand is niet ingelezen; het profiel is ongewijzigd."), _errors.ToDictionary());
        return new ProfileImport(occupations, skills, sectors, drivers, region, weight);
    }

    private List<ProfileOccupation> ReadOccupations(JsonArray items)
    {
        var result = new List<ProfileOccupation>();
        for (int i = 0; i < items.Count; i++)
        {
            var path = $"occupations[{i}]";
            if (items[i] is not JsonObject e) { _errors.Add(path, "moet een object zijn."); continue; }
            var uri = Str(e["uri"], $"{path}.uri", required: true, max: 300);
            Str(e["label"], $"{path}.label");
            var from = Int(e["fromYear"], $"{path}.fromYear", 1900, 2100);
            var to = Int(e["toYear"], $"{path}.toYear", 1900, 2100);
            if (from is int f && to is int t && f > t) _errors.Add($"{path}.toYear", "ligt voor fromYear.");
            if (uri is null) continue;
            if (!_occupationByUri.TryGetValue(uri, out var id)) { _errors.Add($"{path}.uri", "onbekend ESCO-beroep '{0}'.", uri); continue; }
            if (result.Exists(x => x.OccupationId == id)) { _errors.Add($"{path}.uri", "'{0}' staat er al eerder in.", uri); continue; }
            result.Add(new ProfileOccupation { OccupationId = id, FromYear = from, ToYear = to, AddedAt = now });
        }
        return result;
    }

    private List<ProfileSkill> ReadSkills(JsonArray items)
    {
        var result = new List<ProfileSkill>();
        for (int i = 0; i < items.Count; i++)
        {
            var path = $"skills[{i}]";
            if (items[i] is not JsonObject e) { _errors.Add(path, "moet een object zijn."); continue; }
            var uri = Str(e["uri"], $"{path}.uri", required: true, max: 300);
            Str(e["label"], $"{path}.label");
            var ev = Str(e["evidence"], $"{path}.evidence", required: true, max: 40);
            var va = Str(e["validation"], $"{path}.validation", required: true, max: 40);
            var note = Str(e["note"], $"{path}.note");
            var source = Str(e["sourceOccupation"], $"{path}.sourceOccupation", max: 300);
            EvidenceKind evidence = default;
            ValidationStrength validation = default;
            if (ev is not null && !ProfileService.TryEvidence(ev, out evidence))
                _errors.Add($"{path}.evidence", "'{0}' is onbekend (diploma, certificaat, werkervaring, werkgeversverklaring, zelfbeoordeling).", ev);
            if (va is not null && !ProfileService.TryValidation(va, out validation))
                _errors.Add($"{path}.validation", "'{0}' is onbekend (licht, middel, zwaar).", va);
            int? sourceId = null;
            if (source is not null)
            {
                if (_occupationByUri.TryGetValue(source, out var sid)) sourceId = sid;
                else _errors.Add($"{path}.sourceOccupation", "onbekend ESCO-beroep '{0}'.", source);
            }
            if (uri is null) continue;
            if (!catalogue.SkillByUri.TryGetValue(uri, out var skillId) || catalogue.Skills[skillId].IsGroup)
            { _errors.Add($"{path}.uri", "onbekende ESCO-vaardigheid '{0}'.", uri); continue; }
            if (result.Exists(x => x.SkillId == skillId)) { _errors.Add($"{path}.uri", "'{0}' staat er al eerder in.", uri); continue; }
            result.Add(new ProfileSkill { SkillId = skillId, Evidence = evidence, Validation = validation, Note = note, SourceOccupationId = sourceId, AddedAt = now });
        }
        return result;
    }

    private (List<string> Sectors, List<string> Drivers) ReadInterests(JsonNode? interests)
    {
        var sectors = new List<string>();
        var drivers = new List<string>();
        if (interests is null) return (sectors, drivers);
        if (interests is not JsonObject io) { _errors.Add("interests", "moet een object zijn."); return (sectors, drivers); }
        var sa = Arr(io["sectors"], "interests.sectors", 50);
        for (int i = 0; i < sa.Count; i++)
            if (Str(sa[i], $"interests.sectors[{i}]", required: true, max: 40) is { } sector)
            {
                if (Sectors.All.Contains(sector)) sectors.Add(sector);
                else _errors.Add($"interests.sectors[{i}]", "onbekende sector '{0}'.", sector);
            }
        var da = Arr(io["drivers"], "interests.drivers", 20);
        for (int i = 0; i < da.Count; i++)
            if (Str(da[i], $"interests.drivers[{i}]", required: true, max: 40) is { } driver)
            {
                if (Werkleren.Drivers.All.Contains(driver)) drivers.Add(driver);
                else _errors.Add($"interests.drivers[{i}]", "onbekende drijfveer '{0}'.", driver);
            }
        return (sectors, drivers);
    }

    private string? Str(JsonNode? n, string path, bool required = false, int max = 500)
    {
        if (n is null)
        {
            if (required) _errors.Add(path, "ontbreekt.");
            return null;
        }
        if (n is not JsonValue v || !v.TryGetValue<string>(out var str)) { _errors.Add(path, "moet tekst zijn."); return null; }
        if (str.Length > max) { _errors.Add(path, "langer dan {0} tekens.", max); return null; }
        return str;
    }

    private int? Int(JsonNode? n, string path, int min, int max)
    {
        if (n is null) return null;
        if (n is not JsonValue v || !v.TryGetValue<int>(out var i)) { _errors.Add(path, "moet een geheel getal zijn."); return null; }
        if (i < min || i > max) { _errors.Add(path, "moet tussen {0} en {1} liggen.", min, max); return null; }
        return i;
    }

    private JsonArray Arr(JsonNode? n, string path, int max)
    {
        if (n is null) return [];
        if (n is not JsonArray a) { _errors.Add(path, "moet een lijst zijn."); return []; }
        if (a.Count > max) { _errors.Add(path, "hoogstens {0} items (nu {1}).", max, a.Count); return []; }
        return a;
    }
}
