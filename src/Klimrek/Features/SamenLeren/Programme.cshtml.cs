using Klimrek.Data;
using Klimrek.Features.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.SamenLeren;

/// <summary>A programme's home: the participant's own status, and for the steering group participants, matching, rules and duos.</summary>
public sealed class ProgrammeModel(ProgrammeService programmes, IntakeService intakes, MatchingService matching) : SamenLerenPage
{
    [FromRoute] public int Id { get; set; }
    public List<ProgrammeService.ParticipantRow> Participants { get; private set; } = [];
    public List<PendingInvitation> Invitations { get; private set; } = [];
    public List<(int Id, string Name)> NameList { get; private set; } = [];
    public Dictionary<int, string> Names { get; private set; } = [];
    public List<PairRule> Rules { get; private set; } = [];
    public List<Duo> Duos { get; private set; } = [];
    public MatchRun? LatestRun { get; private set; }

    /// <summary>The last matching run formed no duo: its message is a warning, not a success.</summary>
    [TempData] public bool NoneFormed { get; set; }
    public Duo? MyDuo { get; private set; }
    public List<string> MyMissing { get; private set; } = [];

    public string StatusName(DuoStatus s) => s switch { DuoStatus.Active => "actief", DuoStatus.Proposed => "voorgesteld", _ => "opgeheven" };
    public string ResponseName(MemberResponse r) => r switch { MemberResponse.Accepted => "akkoord", MemberResponse.ChangeRequested => "vraagt een andere koppeling", _ => "nog geen reactie" };

    private async Task LoadAsync(CancellationToken ct)
    {
        if (Access.Me is not null)
        {
            MyMissing = IntakeService.MissingInIntake(await intakes.IntakeAsync(Access, ct));
            MyDuo = await matching.MyDuoAsync(Access, ct);
        }
        if (Access.IsSteward)
        {
            Participants = await programmes.ParticipantsAsync(Access, ct);
            Invitations = await programmes.InvitationsAsync(Access, ct);
            NameList = await programmes.ParticipantNamesAsync(Id, ct);
            Names = NameList.ToDictionary(x => x.Id, x => x.Name);
            Rules = await matching.RulesAsync(Access, ct);
            Duos = await matching.DuosAsync(Access, ct);
            LatestRun = await matching.LatestRunAsync(Id, ct);
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private Task<IActionResult> Change(Func<Task> action, string message, CancellationToken ct) =>
        ChangeAsync(action, () => LoadAsync(ct), message, $"/samen-leren/{Id}");

    /// <summary>Lines of the list or file that were left out (shown beside the success message, each with its line number).</summary>
    public List<string> Rejected { get; } = [];

    /// <summary>
    /// Enrols the typed addresses and those of an uploaded CSV file. Good addresses always go out; when some lines were
    /// left out the page shows them (with what did go out) instead of redirecting, so the steering group can fix them.
    /// </summary>
    public async Task<IActionResult> OnPostEnrolAsync(string? emails, IFormFile? file, bool asStewards, CancellationToken ct)
    {
        EnrolmentLines? lines = null;
        ProgrammeService.EnrolResult? result = null;
        var (ok, status) = await TryAsync(async () =>
        {
            lines = await LinesAsync(emails, file, ct);
            result = await programmes.EnrolAsync(Access, lines, asStewards, UserId, ct);
        });
        if (status is not null) return status;
        if (ok && result!.Rejected.Count == 0)
        {
            Message = "De adressen zijn uitgenodigd of ingeschreven. Wie al een bevestigd account heeft doet meteen mee; de anderen krijgen een uitnodiging per mail.";
            return Redirect($"/samen-leren/{Id}");
        }
        if (ok)
        {
            Message = L["{0} adres(sen) uitgenodigd of ingeschreven. Deze regels zijn overgeslagen; verbeter ze en voeg ze opnieuw toe:", result!.Handled.Count].Value;
            Rejected.AddRange(result!.Rejected.Select(r => L[r.Reason.Key, r.Reason.Args].Value));
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The typed list and the file's lines together (the file's line numbers are its own).</summary>
    private static async Task<EnrolmentLines> LinesAsync(string? emails, IFormFile? file, CancellationToken ct)
    {
        var typed = EnrolmentList.FromText(emails);
        if (file is null || file.Length == 0) return typed;
        await using var stream = file.OpenReadStream();
        var csv = EnrolmentList.FromCsv(await EnrolmentList.ReadAsync(stream, ct));
        return new([.. typed.Emails, .. csv.Emails.Where(e => !typed.Emails.Contains(e, StringComparer.OrdinalIgnoreCase))], [.. typed.Rejected, .. csv.Rejected]);
    }

    /// <summary>Forms the duos and says what came of it: how many were formed, and when none, why.</summary>
    public async Task<IActionResult> OnPostMatchAsync(CancellationToken ct)
    {
        MatchOutcome? outcome = null;
        var result = await Change(async () => outcome = await matching.RunMatchingAsync(Access, UserId, ct), "", ct);
        // The message is written in the reader's language here: it carries numbers (the page shows it as it is).
        if (outcome is not null)
        {
            Message = string.Join(" ", MatchingService.OutcomeText(outcome).Select(t => L[t.Key, t.Args].Value));
            NoneFormed = outcome.Run.Groups == 0;
        }
        return result;
    }

    public Task<IActionResult> OnPostRuleAsync(int a, int b, PairRuleKind kind, CancellationToken ct) =>
        Change(() => matching.SetRuleAsync(Access, a, b, kind, ct), "De regel is opgeslagen; vorm de duo's opnieuw om hem toe te passen.", ct);

    public Task<IActionResult> OnPostDeleteRuleAsync(int ruleId, CancellationToken ct) =>
        Change(() => matching.DeleteRuleAsync(Access, ruleId, ct), "De regel is verwijderd.", ct);
}
