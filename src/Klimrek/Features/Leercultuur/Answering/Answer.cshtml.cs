using Klimrek.Data;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Globalization;

namespace Klimrek.Features.Leercultuur.Answering;

/// <summary>
/// The answer form behind a personal or resume link, one step per building block and a last step with the
/// onderstroom questions. Each step saves the draft; "Versturen" stores the whole answer or, refused, nothing.
/// Texts follow the language the respondent picks, not the site's.
/// </summary>
public sealed class AnswerModel(AnsweringService answering, Texts texts) : PageModel
{
    public ScanSession Session { get; private set; } = null!;
    public ScanInstrument Instrument { get; private set; } = null!;
    public List<List<ScanItem>> Steps { get; private set; } = [];
    public ScanAnswers Answers { get; private set; } = new();
    public string Language { get; private set; } = "nl";
    public int Step { get; private set; }
    public bool Done { get; private set; }
    public bool Fresh { get; private set; }
    public string? UnitName { get; private set; }
    public string Token { get; private set; } = "";
    public List<string> Errors { get; } = [];
    [TempData] public string? Message { get; set; }

    public Texts.Language T => texts.In(Language);
    public bool IsLast => Step == Steps.Count - 1;
    public string Link => $"{Request.Scheme}://{Request.Host}{Request.PathBase}/scan/{Token}";

    public async Task<IActionResult> OnGetAsync(string scanToken, int? stap, string? taal, bool nieuw, CancellationToken ct)
    {
        if (!await LoadAsync(scanToken, taal, ct)) return NotFound();
        Fresh = nieuw;
        Step = Math.Clamp(stap ?? 0, 0, Steps.Count - 1);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string scanToken, int stap, string? taal, string? actie, CancellationToken ct)
    {
        var token = scanToken;
        if (!await LoadAsync(token, taal, ct)) return NotFound();
        Step = Math.Clamp(stap, 0, Steps.Count - 1);
        if (Session.State != ScanLinkState.Open) return Page();
        Answers = FromForm(Answers, Steps[Step], Request.Form);
        try
        {
            if (actie == "versturen")
            {
                await answering.SubmitAsync(token, Answers, ct, replace: true);
                Done = true;
                return Page();
            }
            await answering.SaveDraftAsync(token, Answers, Language, ct, replace: true);
        }
        catch (ProblemException e) when (e.Status is 400 or 409)
        {
            Errors.AddRange(e.AllMessages().Select(m => m.Args.Length == 0 ? T[m.Key] : T[m.Key, m.Args]));
            return Page();
        }
        Message = "Opgeslagen. Met dezelfde link ga je later verder.";
        var next = actie == "terug" ? Step - 1 : Step + 1;
        return Redirect($"/scan/{Uri.EscapeDataString(token)}?stap={Math.Clamp(next, 0, Steps.Count - 1)}&taal={Language}");
    }

    private async Task<bool> LoadAsync(string token, string? taal, CancellationToken ct)
    {
        try
        {
            Session = await answering.ResolveAsync(token, ct);
        }
        catch (ProblemException e) when (e.Status == 404)
        {
            return false;
        }
        Token = token;
        var ui = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nl";
        Language = AnsweringService.LanguageOf(taal, Session.Draft?.Language ?? Session.Invitation?.Language ?? ui);
        Instrument = await answering.InstrumentAsync(Session.Round, ct);
        Steps = Instrument.Items.Where(i => i.Kind != ScanItemKind.Onderstroom).GroupBy(i => i.Block).OrderBy(g => g.Key).Select(g => g.ToList())
            .Append(Instrument.Items.Where(i => i.Kind == ScanItemKind.Onderstroom).ToList()).Where(s => s.Count > 0).ToList();
        Answers = Session.State == ScanLinkState.Answered ? new ScanAnswers() : AnsweringService.AnswersOf(Session.Draft);
        if (Session.UnitId is { } unit) UnitName = (await answering.UnitsAsync(Session.Round, ct)).FirstOrDefault(u => u.Id == unit)?.Name;
        return true;
    }

    /// <summary>The draft with this step's items replaced by what the form sent (an item left empty is unanswered).</summary>
    public static ScanAnswers FromForm(ScanAnswers draft, IEnumerable<ScanItem> step, IFormCollection form)
    {
        var v = new Dictionary<string, int>(draft.V);
        var t = new Dictionary<string, string>(draft.T);
        var c = new Dictionary<string, string[]>(draft.C);
        foreach (var item in step)
        {
            var key = item.Key;
            v.Remove(key);
            t.Remove(key);
            c.Remove(key);
            switch (item.Kind)
            {
                case ScanItemKind.Stelling when form.TryGetValue("v." + key, out var value) && value.ToString().Length > 0:
                    v[key] = int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
                    break;
                case ScanItemKind.Open when !string.IsNullOrWhiteSpace(form["t." + key]):
                    t[key] = form["t." + key].ToString();
                    break;
                case ScanItemKind.Onderstroom when form["c." + key].Count > 0:
                    c[key] = [.. form["c." + key].Where(x => !string.IsNullOrEmpty(x)).Select(x => x!)];
                    break;
            }
        }
        return new ScanAnswers(v, t, c);
    }

    public int? Value(ScanItem item) => Answers.V.TryGetValue(item.Key, out var x) ? x : null;
    public string Text(ScanItem item) => Answers.T.GetValueOrDefault(item.Key) ?? "";
    public bool Picked(ScanItem item, string option) => Answers.C.TryGetValue(item.Key, out var o) && o.Contains(option);
    public string ItemText(ScanItem item) => Language == "en" ? item.TextEn : item.TextNl;
}
