using Klimrek.Data;
using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.Werkleren.Conversations;

/// <summary>
/// The praatplaat (Tool 3) on screen and for print: the person's organisation's current questions, blank or with their
/// own drivers and open themes; A3 or A4 landscape (<c>formaat</c>), and the same poster as PDF.
/// </summary>
public sealed class PosterModel(QuestionSetService questionSets, ConversationService conversations) : ConversationsPage
{
    [BindProperty(SupportsGet = true)] public string? Formaat { get; set; }
    [BindProperty(SupportsGet = true)] public bool Persoonlijk { get; set; }
    public bool A3 => !string.Equals(Formaat, "a4", StringComparison.OrdinalIgnoreCase);
    public Praatplaat.Poster Poster { get; private set; } = null!;
    public QuestionSet Set { get; private set; } = null!;
    public Praatplaat.Personal? Mine { get; private set; }

    internal static async Task<(QuestionSet Set, Praatplaat.Personal? Mine, Praatplaat.Poster Poster)> MakeAsync(string userId, bool personal, QuestionSetService questionSets,
        ConversationService conversations, Func<string, string> t, bool english, CancellationToken ct)
    {
        var set = await questionSets.ForPersonAsync(userId, ct);
        Praatplaat.Personal? mine = null;
        if (personal)
        {
            var drivers = await conversations.DriversAsync(userId, ct);
            var themes = await conversations.ThemesAsync(userId, ct);
            mine = new Praatplaat.Personal(drivers.Select(d => (Drivers.NameOf(d, english), d.Weight)).ToList(),
                themes.Where(x => x.ClosedAt is null).Select(x => x.Title).ToList());
        }
        return (set, mine, Praatplaat.Layout(set, english, mine, t));
    }

    public async Task OnGetAsync(CancellationToken ct) =>
        (Set, Mine, Poster) = await MakeAsync(UserId, Persoonlijk, questionSets, conversations, s => L[s].Value, English, ct);
}

/// <summary>The praatplaat as a PDF to print (A3 or A4 landscape, blank or personal).</summary>
public sealed class PosterPdfModel(QuestionSetService questionSets, ConversationService conversations) : ConversationsPage
{
    [BindProperty(SupportsGet = true)] public string? Formaat { get; set; }
    [BindProperty(SupportsGet = true)] public bool Persoonlijk { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        bool a3 = !string.Equals(Formaat, "a4", StringComparison.OrdinalIgnoreCase);
        var (_, _, poster) = await PosterModel.MakeAsync(UserId, Persoonlijk, questionSets, conversations, s => L[s].Value, English, ct);
        return File(Praatplaat.ToPdf(poster, a3), "application/pdf", $"praatplaat-{(a3 ? "a3" : "a4")}{(Persoonlijk ? "-persoonlijk" : "")}.pdf");
    }
}
