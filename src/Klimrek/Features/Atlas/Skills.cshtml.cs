using Klimrek.Features.Esco;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Klimrek.Features.Atlas;

/// <summary><c>/vaardigheden?q=</c>: skill search in Dutch or English (ESCO's labels and our own Dutch ones), linking to each skill's page.</summary>
[OutputCache(PolicyName = CatalogueOutputCache.Policy)]
public sealed class SkillsModel(EscoCatalogue catalogue) : PageModel
{
    public const int PageSize = 50;

    public string? Q { get; private set; }
    public bool TooLong { get; private set; }
    public SkillSearchResult? Result { get; private set; }
    public string Language { get; private set; } = "nl";

    public async Task OnGetAsync(string? q, CancellationToken ct)
    {
        Language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nl";
        Q = q?.Trim();
        if (string.IsNullOrEmpty(Q)) return;
        if (Q.Length > SkillSearch.MaxQueryLength) { TooLong = true; return; }
        Result = await SkillSearch.SearchAsync(catalogue, Q, 1, PageSize, Language, ct);
    }
}
