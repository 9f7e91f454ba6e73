using Klimrek.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Werkleren.Conversations;

/// <summary>
/// The beheerder adapts the conversation questions for their own organisation (none: the installation): each save is a
/// new numbered revision; earlier ones stay listed, and conversations held with them keep their texts.
/// </summary>
public sealed class QuestionsAdminModel(QuestionSetService questionSets, KlimrekDbContext db) : ConversationsPage
{
    public sealed class Row
    {
        public QuestionDirection Direction { get; set; }
        public string? Key { get; set; }
        public string? TextNl { get; set; }
        public string? TextEn { get; set; }
        public string? WhyNl { get; set; }
        public string? WhyEn { get; set; }
        public bool Remove { get; set; }
    }

    [BindProperty] public List<Row> Rows { get; set; } = [];
    [BindProperty] public string? Note { get; set; }
    public QuestionSet Current { get; private set; } = null!;
    public List<QuestionSetRevision> Revisions { get; private set; } = [];
    public Dictionary<string, string> Makers { get; private set; } = [];
    public string? OrganisationName { get; private set; }
    public const int BlankRows = 2;

    private async Task LoadAsync(bool rows, CancellationToken ct)
    {
        var org = await questionSets.OrganisationOfAsync(UserId, ct);
        OrganisationName = org is int o ? await db.Organisations.Where(x => x.Id == o).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        Current = await questionSets.CurrentAsync(org, ct);
        Revisions = await questionSets.RevisionsAsync(org, ct);
        var ids = Revisions.Select(r => r.CreatedById).OfType<string>().Distinct().ToList();
        Makers = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        if (!rows) return;
        Rows = [];
        foreach (var d in new[] { QuestionDirection.Vooruit, QuestionDirection.Terug })
        {
            Rows.AddRange(Current.Of(d).Select(q => new Row { Direction = d, Key = q.Key, TextNl = q.TextNl, TextEn = q.TextEn, WhyNl = q.WhyNl, WhyEn = q.WhyEn }));
            for (int i = 0; i < BlankRows; i++) Rows.Add(new Row { Direction = d });
        }
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(true, ct);

    /// <summary>A key for a new question: its Dutch text in lower case, words joined by dashes.</summary>
    internal static string KeyFor(string text)
    {
        var chars = text.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => char.IsAsciiLetterOrDigit(c) || c == ' ').ToArray();
        var key = string.Join('-', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4));
        return key.Length == 0 ? "vraag" : key[..Math.Min(key.Length, QuestionSets.MaxKey)].Trim('-');
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var kept = Rows.Where(r => !r.Remove && !(string.IsNullOrWhiteSpace(r.TextNl) && string.IsNullOrWhiteSpace(r.TextEn) && string.IsNullOrWhiteSpace(r.WhyNl)
                                                    && string.IsNullOrWhiteSpace(r.WhyEn)))
            .ToList();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var questions = new List<Question>();
        foreach (var r in kept)
        {
            var key = string.IsNullOrWhiteSpace(r.Key) ? KeyFor(r.TextNl ?? "") : r.Key.Trim();
            if (string.IsNullOrWhiteSpace(r.Key)) for (int n = 2; used.Contains(key); n++) key = KeyFor(r.TextNl ?? "") + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            used.Add(key);
            questions.Add(new Question(r.Direction, key, r.TextNl ?? "", r.TextEn ?? "", r.WhyNl ?? "", r.WhyEn ?? ""));
        }
        var org = await questionSets.OrganisationOfAsync(UserId, ct);
        return await ChangeAsync(() => questionSets.CreateRevisionAsync(org, UserId, questions, Note, ct), () => LoadAsync(false, ct),
            "Een nieuwe versie van de vragen is opgeslagen.", () => "/beheer/gespreksvragen");
    }
}
