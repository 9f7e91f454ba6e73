using Klimrek.Core.Atlas;
using Klimrek.Data;
using Klimrek.Features.Atlas;
using Klimrek.Features.Esco;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;

namespace Klimrek.Features.Curation;

/// <summary>
/// Loads the shipped demo beroepsbeelden (written for occupations the research behind Klimrek studied) as version 1
/// of each section, only for occupations nobody has curated yet: curated work is never overwritten.
/// Switch off with <c>Klimrek:DemoContent=false</c>.
/// </summary>
public sealed class DemoImageSeeder(KlimrekDbContext db, EscoCatalogue catalogue, TimeProvider clock, ILogger<DemoImageSeeder> logger)
{
    public const string AuthorName = "Klimrek-redactie (voorbeeld)";

    private sealed record Entry(string EscoUri, string? SeedOccupation, Dictionary<string, SectionEntry> Sections,
        List<Shift>? Shifts, List<Story>? Stories, List<Development>? Developments, List<SourceReference>? Sources);
    private sealed record SectionEntry(string Text, string? Origin);

    public static IReadOnlyList<(string Uri, string? Name)> Occupations() => Load().Select(e => (e.EscoUri, e.SeedOccupation)).ToList();

    private static List<Entry> Load()
    {
        using var stream = typeof(DemoImageSeeder).Assembly.GetManifestResourceStream("Klimrek.DemoProfiles.json");
        if (stream is null) return [];
        return JsonSerializer.Deserialize<List<Entry>>(stream, CuratedContent.Json) ?? [];
    }

    public async Task<int> SeedAsync(CancellationToken ct)
    {
        var entries = Load();
        if (entries.Count == 0) return 0;
        var uris = entries.Select(e => e.EscoUri).ToList();
        var ids = await db.Occupations.Where(o => uris.Contains(o.Uri)).ToDictionaryAsync(o => o.Uri, o => o.Id, ct);
        var curated = (await db.ImageRevisions.Select(r => r.OccupationId).Distinct().ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        int added = 0;
        foreach (var e in entries)
        {
            if (!ids.TryGetValue(e.EscoUri, out var oid) || curated.Contains(oid)) continue;
            void Add(string section, string content, string? origin)
            {
                if (string.IsNullOrWhiteSpace(content)) return;
                db.ImageRevisions.Add(new ImageRevision
                {
                    OccupationId = oid,
                    Section = section,
                    Version = 1,
                    Content = content.Trim(),
                    AuthorName = AuthorName,
                    Origin = OriginLabels.TryParse(origin, out var o) ? o : ContributorOrigin.Onderzoek,
                    CreatedAt = now,
                    Note = "Voorbeeldinhoud bij de eerste start",
                    IsDemo = true,
                });
            }
            foreach (var (key, s) in e.Sections)
                if (ImageSections.Find(key) is { Kind: SectionKind.Text } section)
                    Add(section.Key, s.Text, s.Origin);
            if (e.Shifts is { Count: > 0 }) Add(ImageSections.Verschuivingen, CuratedContent.WriteList(e.Shifts), "onderzoek");
            if (e.Stories is { Count: > 0 }) Add(ImageSections.Verhalen, CuratedContent.WriteList(e.Stories), "onderzoek");
            if (e.Developments is { Count: > 0 }) Add(ImageSections.Ontwikkelingen, CuratedContent.WriteList(e.Developments), "onderzoek");
            if (e.Sources is { Count: > 0 }) Add(ImageSections.Bronnen, CuratedContent.WriteList(e.Sources), "onderzoek");
            added++;
        }
        if (added > 0)
        {
            var revisions = db.ChangeTracker.Entries<ImageRevision>().Where(r => r.State == EntityState.Added).Select(r => r.Entity).ToList();
            await db.InTransactionAsync(async t =>
            {
                // A retry (the tracker was cleared) inserts the same revisions afresh.
                foreach (var r in revisions.Where(r => db.Entry(r).State == EntityState.Detached))
                {
                    r.Id = 0;
                    db.ImageRevisions.Add(r);
                }
                await db.SaveChangesAsync(t);
                await EscoCatalogue.BumpAsync(db, t);
            }, ct);
            catalogue.Invalidate();
            logger.LogInformation("Demo beroepsbeelden loaded for {Count} occupations", added);
        }
        return added;
    }
}
