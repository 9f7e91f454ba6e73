using CsvHelper;
using Klimrek.Core.Transitions;
using Klimrek.Data;
using Klimrek.Features.Esco;
using Klimrek.Features.Werkleren;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Errors;
using Klimrek.Infrastructure.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Klimrek.Features.Career;

/// <summary>The open exchange format of a skills profile (docs/skills-profile-format.md). Labels are informative; URIs count.</summary>
public sealed record ProfileDocument(
    [property: JsonPropertyOrder(0)] string Format,
    [property: JsonPropertyOrder(1)] int Version,
    [property: JsonPropertyOrder(2)] string Taxonomy,
    [property: JsonPropertyOrder(3)] IReadOnlyList<ProfileDocument.OccupationEntry> Occupations,
    [property: JsonPropertyOrder(4)] IReadOnlyList<ProfileDocument.SkillEntry> Skills,
    [property: JsonPropertyOrder(5)] ProfileDocument.InterestsEntry Interests,
    [property: JsonPropertyOrder(6)] string? Region,
    [property: JsonPropertyOrder(7)] int MarketWeight)
{
    public const string FormatName = "klimrek-skills-profile";
    public const int CurrentVersion = 1;
    public sealed record OccupationEntry(string Uri, string? Label, int? FromYear, int? ToYear);
    public sealed record SkillEntry(string Uri, string? Label, string Evidence, string Validation, string? Note, string? SourceOccupation);
    public sealed record InterestsEntry(IReadOnlyList<string> Sectors, IReadOnlyList<string> Drivers);
}

public sealed record ProposedSkill(int SkillId, string Uri, LocalizedText Label, bool Essential, bool InProfile, Klimrek.Core.Atlas.BodyAspect? Aspect = null);

/// <summary>A person's skills profile: building it, sharing it, and its export and import.</summary>
public sealed partial class ProfileService(KlimrekDbContext db, TransitionCache cache, UserManager<KlimrekUser> users, TimeProvider clock)
{
    public const int MaxOccupations = 200;
    public const int MaxSkills = 3000;
    public const int MaxImportBytes = 1024 * 1024;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string EvidenceKey(EvidenceKind e) => e.ToString().ToLowerInvariant();
    public static string ValidationKey(ValidationStrength v) => v.ToString().ToLowerInvariant();
    public static bool TryEvidence(string? s, out EvidenceKind e) =>
        Enum.TryParse(s, true, out e) && Enum.IsDefined(e) && !int.TryParse(s, CultureInfo.InvariantCulture, out _);
    public static bool TryValidation(string? s, out ValidationStrength v) =>
        Enum.TryParse(s, true, out v) && Enum.IsDefined(v) && !int.TryParse(s, CultureInfo.InvariantCulture, out _);

    public static ValidationStrength DefaultValidation(EvidenceKind e) => e switch
    {
        EvidenceKind.Diploma => ValidationStrength.Zwaar,
        EvidenceKind.Certificaat or EvidenceKind.Werkgeversverklaring or EvidenceKind.Werkervaring => ValidationStrength.Middel,
        _ => ValidationStrength.Licht,
    };

    public async Task<SkillProfile> GetOrCreateAsync(string userId, CancellationToken ct)
    {
        var p = await LoadAsync(userId, ct);
        if (p is not null) return p;
        p = new SkillProfile { UserId = userId, UpdatedAt = clock.GetUtcNow().UtcDateTime };
        db.SkillProfiles.Add(p);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Created by a parallel request of the same person.
            db.ChangeTracker.Clear();
            return (await LoadAsync(userId, ct))!;
        }
        return p;
    }

    /// <summary>
    /// A person's profile to read, not to change (no tracking, no shares); an empty one when they have none yet.
    /// Cheaper than <see cref="GetOrCreateAsync"/> for the pages and API calls that only compute from it.
    /// </summary>
    public async Task<SkillProfile> ReadOnlyAsync(string userId, CancellationToken ct) =>
        await db.SkillProfiles.AsNoTracking().Include(p => p.Occupations).Include(p => p.Skills)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.UserId == userId, ct)
        ?? new SkillProfile { UserId = userId, UpdatedAt = clock.GetUtcNow().UtcDateTime };

    private Task<SkillProfile?> LoadAsync(string userId, CancellationToken ct) =>
        db.SkillProfiles.Include(p => p.Occupations).Include(p => p.Skills).Include(p => p.Shares)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.UserId == userId, ct);

    /// <summary>The profile of <paramref name="ownerId"/> when <paramref name="viewerId"/> may read it: the owner, or a begeleider it was shared with.</summary>
    public async Task<SkillProfile?> ReadableAsync(string ownerId, string viewerId, bool viewerIsBegeleider, CancellationToken ct)
    {
        var p = await LoadAsync(ownerId, ct);
        if (p is null) return null;
        if (ownerId == viewerId) return p;
        return viewerIsBegeleider && p.Shares.Any(s => s.BegeleiderId == viewerId) ? p : null;
    }

    public async Task<IReadOnlyList<(KlimrekUser Owner, SkillProfile Profile)>> SharedWithAsync(string begeleiderId, CancellationToken ct)
    {
        var profiles = await db.SkillProfiles.AsNoTracking().Where(p => p.Shares.Any(s => s.BegeleiderId == begeleiderId))
            .Include(p => p.Skills).Include(p => p.Occupations).AsSplitQuery().ToListAsync(ct);
        var ownerIds = profiles.Select(p => p.UserId).ToList();
        var owners = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        return profiles.Where(p => owners.ContainsKey(p.UserId)).Select(p => (owners[p.UserId], p)).OrderBy(x => x.Item1.DisplayName).ToList();
    }

    public async Task<IReadOnlyList<ProposedSkill>> ProposedSkillsAsync(SkillProfile profile, int occupationId, string language, CancellationToken ct)
    {
        var s = await cache.GetAsync(ct);
        var have = profile.Skills.Select(x => x.SkillId).ToHashSet();
        var rows = await db.OccupationSkills.AsNoTracking().Where(r => r.OccupationId == occupationId)
            .Select(r => new { r.SkillId, r.IsEssential }).ToListAsync(ct);
        return rows.Where(r => s.Catalogue.Skills.ContainsKey(r.SkillId))
            .Select(r => new ProposedSkill(r.SkillId, s.Catalogue.Skills[r.SkillId].Uri, s.Catalogue.Skills[r.SkillId].Label(language), r.IsEssential, have.Contains(r.SkillId),
                s.Catalogue.SkillAspects.TryGetValue(r.SkillId, out var aspect) ? aspect : null))
            .OrderByDescending(x => x.Essential).ThenBy(x => x.Label.Text, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    public async Task AddOccupationAsync(SkillProfile profile, int occupationId, int? fromYear, int? toYear, CancellationToken ct)
    {
        if (!profile.Occupations.Any(o => o.OccupationId == occupationId))
            profile.Occupations.Add(new ProfileOccupation { OccupationId = occupationId, FromYear = fromYear, ToYear = toYear, AddedAt = clock.GetUtcNow().UtcDateTime });
        profile.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Accepts the chosen skills an occupation proposed (as work experience); skills already in the profile stay as they are.</summary>
    public async Task<int> AcceptSkillsAsync(SkillProfile profile, int occupationId, IEnumerable<int> skillIds, CancellationToken ct)
    {
        var proposed = (await db.OccupationSkills.AsNoTracking().Where(r => r.OccupationId == occupationId).Select(r => r.SkillId).ToListAsync(ct)).ToHashSet();
        var have = profile.Skills.Select(x => x.SkillId).ToHashSet();
        int added = 0;
        foreach (var id in skillIds.Distinct().Where(proposed.Contains).Where(id => !have.Contains(id)))
        {
            profile.Skills.Add(new ProfileSkill { SkillId = id, Evidence = EvidenceKind.Werkervaring, Validation = ValidationStrength.Middel, SourceOccupationId = occupationId, AddedAt = clock.GetUtcNow().UtcDateTime });
            added++;
        }
        if (profile.Skills.Count > MaxSkills) throw new ProfileLimitException($"Een profiel heeft hoogstens {MaxSkills} vaardigheden.");
        profile.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>
    /// Adds a skill, or updates it when it is in the profile already; <paramref name="baseVersion"/> is the version of the
    /// item the person edited (409 when it changed meanwhile, e.g. in another tab), null when adding.
    /// </summary>
    public async Task AddSkillAsync(SkillProfile profile, int skillId, EvidenceKind evidence, ValidationStrength validation, string? note, CancellationToken ct,
        int? baseVersion = null)
    {
        var existing = profile.Skills.FirstOrDefault(x => x.SkillId == skillId);
        if (existing is null)
        {
            if (profile.Skills.Count >= MaxSkills) throw new ProfileLimitException($"Een profiel heeft hoogstens {MaxSkills} vaardigheden.");
            profile.Skills.Add(new ProfileSkill { SkillId = skillId, Evidence = evidence, Validation = validation, Note = note, AddedAt = clock.GetUtcNow().UtcDateTime });
        }
        else
        {
            Versions.Expect(db, existing, baseVersion);
            existing.Evidence = evidence;
            existing.Validation = validation;
            existing.Note = note;
        }
        profile.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await Versions.SaveAsync(db, ct);
    }

    public async Task<bool> RemoveSkillAsync(SkillProfile profile, int skillId, CancellationToken ct)
    {
        var s = profile.Skills.FirstOrDefault(x => x.SkillId == skillId);
        if (s is null) return false;
        profile.Skills.Remove(s);
        db.ProfileSkills.Remove(s);
        profile.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> RemoveOccupationAsync(SkillProfile profile, int occupationId, CancellationToken ct)
    {
        var o = profile.Occupations.FirstOrDefault(x => x.OccupationId == occupationId);
        if (o is null) return false;
        profile.Occupations.Remove(o);
        db.ProfileOccupations.Remove(o);
        profile.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task SetPreferencesAsync(SkillProfile profile, IEnumerable<string> sectors, string? region, int marketWeight, CancellationToken ct)
    {
        profile.InterestSectors = Join(sectors.Where(Sectors.All.Contains));
        profile.Region = string.IsNullOrWhiteSpace(region) ? null : region.Trim()[..Math.Min(100, region.Trim().Length)];
        profile.MarketWeight = Math.Clamp(marketWeight, 0, 100);
        profile.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    private static string? Join(IEnumerable<string> items)
    {
        var list = items.Distinct().Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? null : string.Join('\n', list);
    }

    public static IReadOnlyList<string> Split(string? s) => (s ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Shares the profile with a begeleider by e-mail; returns a Dutch error, or null when shared.</summary>
    public async Task<string?> ShareAsync(SkillProfile profile, string email, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || !await users.IsInRoleAsync(user, Roles.Begeleider))
            return "Er is geen begeleider met dit e-mailadres.";
        if (user.Id == profile.UserId) return "Je kunt je profiel niet met jezelf delen.";
        if (!profile.Shares.Any(s => s.BegeleiderId == user.Id))
            profile.Shares.Add(new ProfileShare { BegeleiderId = user.Id, SharedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task UnshareAsync(SkillProfile profile, string begeleiderId, CancellationToken ct)
    {
        var s = profile.Shares.FirstOrDefault(x => x.BegeleiderId == begeleiderId);
        if (s is null) return;
        profile.Shares.Remove(s);
        db.ProfileShares.Remove(s);
        await db.SaveChangesAsync(ct);
    }

    public async Task<TransitionSource> SourceAsync(SkillProfile profile, string name, CancellationToken ct)
    {
        var s = await cache.GetAsync(ct);
        var holdings = profile.Skills.Where(x => s.SkillIndex.ContainsKey(x.SkillId)).Select(x => new Holding(s.SkillIndex[x.SkillId], 1.0)).ToList();
        var sectors = profile.Occupations.Where(o => s.OccupationIndex.ContainsKey(o.OccupationId))
            .Select(o => s.SectorOf(s.OccupationIndex[o.OccupationId])).OfType<string>().ToHashSet();
        var held = profile.Occupations.Where(o => s.OccupationIndex.ContainsKey(o.OccupationId)).Select(o => s.OccupationIndex[o.OccupationId]).ToHashSet();
        var drivers = await Drivers.WeightsAsync(db, profile.UserId, ct);
        return new TransitionSource(null, holdings, name, sectors, Split(profile.InterestSectors), drivers, profile.Region, profile.MarketWeight)
        {
            HeldOccupations = held,
        };
    }

    // ---- Export and import ----

    public async Task<ProfileDocument> ExportAsync(SkillProfile profile, CancellationToken ct)
    {
        var s = await cache.GetAsync(ct);
        string? OccUri(int id) => s.Catalogue.Occupations.TryGetValue(id, out var o) ? o.Uri : null;
        var occupations = profile.Occupations.Where(o => OccUri(o.OccupationId) is not null)
            .Select(o => new ProfileDocument.OccupationEntry(OccUri(o.OccupationId)!, s.Catalogue.Occupations[o.OccupationId].LocalLabel("nl").Text, o.FromYear, o.ToYear))
            .OrderBy(o => o.Uri, StringComparer.Ordinal).ToList();
        var skills = profile.Skills.Where(x => s.Catalogue.Skills.ContainsKey(x.SkillId))
            .Select(x => new ProfileDocument.SkillEntry(s.Catalogue.Skills[x.SkillId].Uri, s.Catalogue.Skills[x.SkillId].Label("nl").Text, EvidenceKey(x.Evidence), ValidationKey(x.Validation),
                x.Note, x.SourceOccupationId is int so ? OccUri(so) : null))
            .OrderBy(x => x.Uri, StringComparer.Ordinal).ToList();
        return new ProfileDocument(ProfileDocument.FormatName, ProfileDocument.CurrentVersion, "ESCO v1.1.1", occupations, skills,
            new ProfileDocument.InterestsEntry(Split(profile.InterestSectors), (await Drivers.WeightsAsync(db, profile.UserId, ct)).Select(d => d.Key).Order(StringComparer.Ordinal).ToList()),
            profile.Region, profile.MarketWeight);
    }

    public async Task<string> ExportCsvAsync(SkillProfile profile, CancellationToken ct)
    {
        var doc = await ExportAsync(profile, ct);
        await using var sw = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(sw, Klimrek.Infrastructure.Csv.CsvExport.Configuration()))
        {
            foreach (var h in new[] { "skill_uri", "label", "evidence", "validation", "note", "source_occupation_uri" }) csv.WriteField(h);
            await csv.NextRecordAsync();
            foreach (var x in doc.Skills)
            {
                csv.WriteField(x.Uri); csv.WriteField(x.Label); csv.WriteField(x.Evidence); csv.WriteField(x.Validation);
                csv.WriteField(x.Note); csv.WriteField(x.SourceOccupation);
                await csv.NextRecordAsync();
            }
        }
        return sw.ToString();
    }

    /// <summary>
    /// Reads a profile document (UTF-8 bytes) completely and, only when it has no problem, replaces the profile with it or
    /// (<paramref name="merge"/>) adds what it holds to the profile (<see cref="MergeInto"/>); otherwise throws a 400
    /// <see cref="ProblemException"/> with every problem under its JSON path, and nothing changes.
    /// </summary>
    public async Task ImportAsync(SkillProfile profile, ReadOnlyMemory<byte> document, CancellationToken ct, bool merge = false)
    {
        if (document.Length > MaxImportBytes)
            throw ProblemException.Field(ProblemException.General, "Het bestand is groter dan {0} kB.", MaxImportBytes / 1024);
        // Strictly UTF-8: a file saved as Latin-1 is refused with the position, never read with U+FFFD in its texts.
        if (!StrictUtf8.TryDecode(document.Span, out var json, out var at))
            throw ProblemException.Field(ProblemException.General, "Geen geldige UTF-8-tekst (regel {0}, positie {1}): sla het bestand op als UTF-8.", at.Line, at.Column);
        var s = await cache.GetAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var read = new ProfileDocumentReader(s.Catalogue, now).Read(json); // every problem is a 400 before anything changes
        if (merge) CheckMergedLimits(profile, read);

        await db.InTransactionAsync(async t =>
        {
            // Read again per attempt: a retry inserts fresh rows into the profile as the database has it.
            var doc = new ProfileDocumentReader(s.Catalogue, now).Read(json);
            var p = await db.SkillProfiles.Include(x => x.Skills).Include(x => x.Occupations).SingleAsync(x => x.Id == profile.Id, t);
            if (merge)
            {
                CheckMergedLimits(p, doc);
                MergeInto(p, doc);
                var mine = await db.PersonDrivers.Where(d => d.UserId == p.UserId).Select(d => d.Key).ToListAsync(t);
                foreach (var key in doc.Drivers.Distinct().Where(k => !mine.Contains(k)))
                    db.PersonDrivers.Add(new PersonDriver { UserId = p.UserId, Key = key, Weight = 3, CreatedAt = now });
                p.UpdatedAt = now;
                await db.SaveChangesAsync(t);
                return;
            }
            db.ProfileSkills.RemoveRange(p.Skills);
            db.ProfileOccupations.RemoveRange(p.Occupations);
            await db.SaveChangesAsync(t);
            p.Skills.Clear();
            p.Occupations.Clear();
            p.Skills.AddRange(doc.Skills);
            p.Occupations.AddRange(doc.Occupations);
            p.InterestSectors = doc.Sectors.Count == 0 ? null : string.Join('\n', doc.Sectors);
            // The document names drivers without weights: named drivers it leaves out go, new ones weigh 3, the rest keep
            // their weight; drivers in the person's own words are not part of the document and stay.
            var held = await db.PersonDrivers.Where(d => d.UserId == p.UserId && d.Key != Drivers.Eigen).ToListAsync(t);
            db.PersonDrivers.RemoveRange(held.Where(d => !doc.Drivers.Contains(d.Key)));
            foreach (var key in doc.Drivers.Distinct().Where(k => held.All(d => d.Key != k)))
                db.PersonDrivers.Add(new PersonDriver { UserId = p.UserId, Key = key, Weight = 3, CreatedAt = now });
            p.Region = doc.Region;
            p.MarketWeight = doc.MarketWeight ?? 30;
            p.UpdatedAt = now;
            await db.SaveChangesAsync(t);
        }, ct);
    }
}

public sealed class ProfileLimitException(string message) : Exception(message);
