using Klimrek.Data;
using Klimrek.Features.Esco;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Atlas;

/// <summary>
/// <c>/vaardigheden/{id}</c>: one ESCO skill (or skill group) — what it is, which occupations need it (essential
/// first, then optional) and the skills around it (broader, narrower, related). Public, like the occupation pages.
/// </summary>
[OutputCache(PolicyName = CatalogueOutputCache.Policy)]
public sealed class SkillModel(EscoCatalogue catalogue, KlimrekDbContext db) : PageModel
{
    public const string SkillUriPrefix = "http://data.europa.eu/esco/skill/";
    /// <summary>At most this many occupations per list (transversal skills are asked by hundreds).</summary>
    public const int MaxOccupations = 300;

    public sealed record OccupationLink(int Id, LocalizedText Label);

    public SkillInfo Skill { get; private set; } = null!;
    public string Language { get; private set; } = "nl";
    public LocalizedText Label { get; private set; } = null!;
    /// <summary>ESCO's label in the other language, when it says something the shown label does not.</summary>
    public string? OtherLabel { get; private set; }
    public LocalizedText? Description { get; private set; }
    public List<OccupationLink> Essential { get; } = [];
    public List<OccupationLink> Optional { get; } = [];
    public int EssentialTotal { get; private set; }
    public int OptionalTotal { get; private set; }
    public List<SkillInfo> Broader { get; } = [];
    public List<SkillInfo> Narrower { get; } = [];
    public List<SkillInfo> Related { get; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        Language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nl";
        var s = await catalogue.GetAsync(ct);
        if (Resolve(s, id) is not int sid) return NotFound();
        Skill = s.Skills[sid];
        Label = Skill.Label(Language);
        var english = Language == "nl" ? Skill.LabelEn : null;
        OtherLabel = english is not null && !string.Equals(english, Label.Text, StringComparison.OrdinalIgnoreCase) ? english : null;

        var texts = await db.SkillTexts.AsNoTracking().Where(t => t.SkillId == sid && (t.Language == "nl" || t.Language == "en") && t.Description != null)
            .Select(t => new { t.Language, t.Description }).ToListAsync(ct);
        var description = texts.FirstOrDefault(t => t.Language == Language) ?? texts.FirstOrDefault();
        if (description is not null) Description = new LocalizedText(description.Description!, description.Language, description.Language != Language);

        var comparer = StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, ignoreCase: true);
        var needs = s.Requirements.Where(r => r.SkillId == sid && s.Occupations.ContainsKey(r.OccupationId))
            .Select(r => (r.IsEssential, Link: new OccupationLink(r.OccupationId, s.Occupations[r.OccupationId].LocalLabel(Language))))
            .OrderBy(x => x.Link.Label.Text, comparer).ToList();
        EssentialTotal = needs.Count(n => n.IsEssential);
        OptionalTotal = needs.Count - EssentialTotal;
        Essential.AddRange(needs.Where(n => n.IsEssential).Take(MaxOccupations).Select(n => n.Link));
        Optional.AddRange(needs.Where(n => !n.IsEssential).Take(MaxOccupations).Select(n => n.Link));

        IEnumerable<SkillInfo> Sorted(IEnumerable<int> ids) => ids.Distinct().Where(x => x != sid && s.Skills.ContainsKey(x))
            .Select(x => s.Skills[x]).OrderBy(x => x.Label(Language).Text, comparer);
        Broader.AddRange(Sorted(s.SkillBroader.Where(b => b.SkillId == sid).Select(b => b.BroaderId)));
        Narrower.AddRange(Sorted(s.SkillBroader.Where(b => b.BroaderId == sid).Select(b => b.SkillId)));
        Related.AddRange(Sorted(s.SkillRelated.Where(r => r.SkillId == sid).Select(r => r.RelatedId)
            .Concat(s.SkillRelated.Where(r => r.RelatedId == sid).Select(r => r.SkillId))));
        return Page();
    }

    /// <summary>A database id, or the UUID (or full URI) of an ESCO skill; null when unknown.</summary>
    public static int? Resolve(CatalogueSnapshot s, string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 400) return null;
        if (id.Contains('%')) id = Uri.UnescapeDataString(id);
        if (int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            return s.Skills.ContainsKey(n) ? n : null;
        var uri = Guid.TryParse(id, out var g) ? SkillUriPrefix + g.ToString("D") : id;
        return s.SkillByUri.TryGetValue(uri, out var found) ? found : null;
    }
}
