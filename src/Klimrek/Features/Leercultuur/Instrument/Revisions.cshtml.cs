using Klimrek.Data;
using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Klimrek.Features.Leercultuur.Instrument;

/// <summary>
/// /beheer/leercultuur/instrument (beheerder): the current revision's items per block, the earlier revisions, and a
/// table of the current items to edit, remove or add to — saving makes the next revision; rounds already opened keep theirs.
/// </summary>
public sealed class RevisionsModel(InstrumentService instruments, InstrumentRevisions revisions, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>One row of the edit table (names as posted by the form).</summary>
    public sealed class Row
    {
        public string? Key { get; set; }
        public int? Block { get; set; }
        public string? Kind { get; set; } = nameof(ScanItemKind.Stelling);
        public string? Nl { get; set; }
        public string? En { get; set; }
        public string? Options { get; set; }
        public bool Multiple { get; set; }
        public bool Remove { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Key) && string.IsNullOrWhiteSpace(Nl) && string.IsNullOrWhiteSpace(En) && string.IsNullOrWhiteSpace(Options);
    }

    public const int BlankRows = 3;

    public ScanInstrument Current { get; private set; } = null!;
    public List<RevisionSummary> List { get; private set; } = [];
    [BindProperty] public List<Row> Rows { get; set; } = [];
    [BindProperty] public int BasedOn { get; set; }
    [BindProperty] public string? Note { get; set; }
    [TempData] public string? Message { get; set; }
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        BasedOn = Current.Number;
        Rows = Current.Items.Select(i => new Row
        {
            Key = i.Key, Block = i.Block, Kind = i.Kind.ToString(), Nl = i.TextNl, En = i.TextEn, Options = i.Options, Multiple = i.MultipleChoice,
        }).ToList();
        Rows.AddRange(Enumerable.Range(0, BlankRows).Select(_ => new Row()));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Current = await instruments.CurrentAsync(ct);
        List = await revisions.ListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var kept = Rows.Where(r => !r.Remove && !r.IsBlank).ToList();
        try
        {
            await revisions.CreateAsync(LeercultuurAccess.Me(User),
                new RevisionInput(BasedOn, Note, kept.Select(r => new ItemInput(r.Key, r.Block, r.Kind, r.Nl, r.En, r.Options, r.Multiple)).ToList()), ct);
        }
        catch (ProblemException e) when (e.Status is 400 or 409)
        {
            string Text(Message m) => m.Args.Length == 0 ? localizer[m.Key].Value : localizer[m.Key, m.Args].Value;
            Errors.Add(Text(e.Title));
            Errors.AddRange(e.Fields.Values.SelectMany(m => m).Select(Text));
            await LoadAsync(ct);
            // The rows the messages number: those kept, then room to add.
            Rows = kept;
            Rows.AddRange(Enumerable.Range(0, BlankRows).Select(_ => new Row()));
            return Page();
        }
        Message = "De nieuwe versie is bewaard. Nieuwe rondes gebruiken haar; lopende en afgesloten rondes houden hun versie.";
        return RedirectToPage();
    }
}
