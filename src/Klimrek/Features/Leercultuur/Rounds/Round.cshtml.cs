using Klimrek.Data;
using Klimrek.Features.Leercultuur.Organisations;
using Klimrek.Infrastructure.Errors;
using Klimrek.Infrastructure.Mail;
using Microsoft.AspNetCore.Mvc;

namespace Klimrek.Features.Leercultuur.Rounds;

/// <summary>
/// A round: its response per unit (only where at least five answered), and for HR inviting (pasted per unit or a CSV
/// file), reminders to unused links, the open link and closing early. The steering group and the coach read it.
/// </summary>
public sealed class RoundModel(RoundsService rounds, OrganisationService orgs, MailLinks links) : LcPage
{
    public Organisation Organisation { get; private set; } = null!;
    public RoundOverview Overview { get; private set; } = null!;
    public List<InviteOutcome> Outcomes { get; private set; } = [];
    public string? OpenLink => RoundsArea.OpenLinkOf(Overview.Round, links);
    [BindProperty] public Dictionary<int, string> Addresses { get; set; } = [];
    [BindProperty] public string MailLanguage { get; set; } = "nl";
    [BindProperty] public IFormFile? Upload { get; set; }

    public async Task<IActionResult> OnGetAsync(int organisationId, int roundId, CancellationToken ct) =>
        await EnsureAsync(organisationId, LeercultuurAccess.ResultReaders, ct) ?? await LoadAsync(organisationId, roundId, ct);

    private async Task<IActionResult> LoadAsync(int organisationId, int roundId, CancellationToken ct)
    {
        try
        {
            Organisation = await orgs.OrganisationAsync(organisationId, ct);
            Overview = await rounds.OverviewAsync(await Access.RoundAsync(organisationId, roundId, ct), ct);
            return Page();
        }
        catch (ProblemException e) { return StatusOf(e); }
    }

    private async Task<IActionResult> HrAsync(int organisationId, int roundId, Func<ScanRound, Task> change, string message, CancellationToken ct)
    {
        if (await EnsureAsync(organisationId, ScanViewer.Hr, ct) is { } refused) return refused;
        return await ChangeAsync(async () => await change(await Access.RoundAsync(organisationId, roundId, ct)), () => LoadAsync(organisationId, roundId, ct), message);
    }

    public async Task<IActionResult> OnPostInviteAsync(int organisationId, int roundId, CancellationToken ct)
    {
        if (await EnsureAsync(organisationId, ScanViewer.Hr, ct) is { } refused) return refused;
        var (ok, st) = await TryAsync(async () =>
        {
            var round = await Access.RoundAsync(organisationId, roundId, ct);
            var people = Addresses.Where(a => round.Units.Any(u => u.UnitId == a.Key)).SelectMany(a => InviteList.Pasted(a.Value, a.Key)).ToList();
            if (Upload is { Length: > 0 })
            {
                if (Upload.Length > 1_000_000) throw ProblemException.Field("file", "Het bestand is te groot (hoogstens 1 MB).");
                using var memory = new MemoryStream();
                await Upload.CopyToAsync(memory, ct);
                var names = (await orgs.TreeAsync(organisationId, ct)).Where(n => round.Units.Any(u => u.UnitId == n.Unit.Id))
                    .GroupBy(n => n.Unit.Name, StringComparer.CurrentCultureIgnoreCase).ToDictionary(g => g.Key, g => g.First().Unit.Id, StringComparer.CurrentCultureIgnoreCase);
                people.AddRange(InviteList.Csv(memory.ToArray(), names));
            }
            Outcomes = await rounds.InviteAsync(round, people, MailLanguage, ct);
        });
        if (st is not null) return st;
        var page = await LoadAsync(organisationId, roundId, ct);
        if (ok) Message = Outcomes.Count(o => o.Invited) is var n && n == 1 ? "1 uitnodiging verstuurd." : L["{0} uitnodigingen verstuurd.", n].Value;
        return page;
    }

    public Task<IActionResult> OnPostRemindAsync(int organisationId, int roundId, CancellationToken ct) =>
        HrAsync(organisationId, roundId, r => rounds.RemindAsync(r, ct), "Herinnering verstuurd naar wie nog niet antwoordde.", ct);

    public Task<IActionResult> OnPostOpenLinkAsync(int organisationId, int roundId, bool on, CancellationToken ct) =>
        HrAsync(organisationId, roundId, r => rounds.SetOpenLinkAsync(r, on, ct), on ? "De open link staat aan." : "De open link staat uit.", ct);

    public Task<IActionResult> OnPostCloseAsync(int organisationId, int roundId, CancellationToken ct) =>
        HrAsync(organisationId, roundId, r => rounds.CloseAsync(r, ct), "De ronde is gesloten.", ct);
}
