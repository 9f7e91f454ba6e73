using Klimrek.Data;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Globalization;

namespace Klimrek.Features.Leercultuur.Answering;

/// <summary>
/// A round's open link: the respondent picks their unit and language and gets a link of their own (a fresh resume
/// secret) to answer with and to come back to later.
/// </summary>
public sealed class OpenModel(AnsweringService answering, Texts texts) : PageModel
{
    public ScanRound Round { get; private set; } = null!;
    public ScanLinkState State { get; private set; }
    public List<OrgUnit> Units { get; private set; } = [];
    public string Language { get; private set; } = "nl";
    public string OpenToken { get; private set; } = "";
    public List<string> Errors { get; } = [];
    public Texts.Language T => texts.In(Language);

    public async Task<IActionResult> OnGetAsync(string openToken, string? taal, CancellationToken ct) =>
        await LoadAsync(openToken, taal, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string openToken, string? taal, int? unit, CancellationToken ct)
    {
        if (!await LoadAsync(openToken, taal, ct)) return NotFound();
        try
        {
            var secret = await answering.StartAsync(openToken, unit, Language, ct);
            return Redirect($"/scan/{secret}?nieuw=true&taal={Language}");
        }
        catch (ProblemException e) when (e.Status is 400 or 409)
        {
            Errors.AddRange(e.AllMessages().Select(m => m.Args.Length == 0 ? T[m.Key] : T[m.Key, m.Args]));
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string openToken, string? taal, CancellationToken ct)
    {
        try
        {
            Round = await answering.OpenRoundAsync(openToken, ct);
        }
        catch (ProblemException e) when (e.Status == 404)
        {
            return false;
        }
        OpenToken = openToken;
        State = answering.StateOf(Round);
        Units = await answering.UnitsAsync(Round, ct);
        Language = AnsweringService.LanguageOf(taal, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nl");
        return true;
    }
}
