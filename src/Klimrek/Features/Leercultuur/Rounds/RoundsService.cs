using Klimrek.Data;
using Klimrek.Features.Leercultuur.Answering;
using Klimrek.Features.Leercultuur.Instrument;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Errors;
using Klimrek.Infrastructure.Mail;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using CoreScan = Klimrek.Core.Leercultuur;

namespace Klimrek.Features.Leercultuur.Rounds;

/// <summary>A unit's response figures; the numbers are null where they would describe fewer than five people.</summary>
public sealed record UnitResponse(int UnitId, string Name, int Invited, int? Responses, double? Rate);

/// <summary>A round with its response figures (see <see cref="RoundsService.OverviewAsync"/>).</summary>
public sealed record RoundOverview(ScanRound Round, ScanLinkState State, List<UnitResponse> Units, int Invited, int? Responses, double? Rate, int Unused);

/// <summary>One address of an invitation request: invited, or refused and why.</summary>
public sealed record InviteOutcome(string Email, bool Invited, string? Refusal);

/// <summary>An address to invite and the unit it belongs to.</summary>
public sealed record Invitee(string? Email, int? UnitId);

/// <summary>
/// HR's side of a round: opening it, inviting people by mail with a personal link, reminding those whose link is not
/// used yet, the open link, closing early, and response figures that never describe fewer than five people.
/// </summary>
public sealed class RoundsService(KlimrekDbContext db, InstrumentService instruments, AnsweringService answering, MailComposer mail, MailLinks links,
    IDataProtectionProvider protection, Texts texts, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private IDataProtector Protector => protection.CreateProtector(ScanSecrets.InvitationPurpose);

    public Task<List<ScanRound>> ListAsync(int organisationId, CancellationToken ct) =>
        db.ScanRounds.AsNoTracking().Include(r => r.Units).Where(r => r.OrganisationId == organisationId).OrderByDescending(r => r.OpensOn).ThenByDescending(r => r.Id).ToListAsync(ct);

    /// <summary>Opens a round on the current instrument revision for the units named (units of this organisation still in use).</summary>
    public async Task<ScanRound> CreateAsync(int organisationId, string userId, string? title, DateOnly? opensOn, DateOnly? closesOn, IReadOnlyCollection<int>? unitIds, bool openLink, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var t = (title ?? "").Trim();
        if (t.Length == 0) errors.Add("title", "Geef de ronde een titel.");
        else if (t.Length > 200) errors.Add("title", "Een titel is hoogstens {0} tekens.", 200);
        if (opensOn is null) errors.Add("opensOn", "Vul in vanaf wanneer er geantwoord kan worden.");
        if (closesOn is null) errors.Add("closesOn", "Vul in tot wanneer er geantwoord kan worden.");
        else if (opensOn is { } o && closesOn < o) errors.Add("closesOn", "De ronde sluit na de dag dat ze opent.");
        else if (closesOn < answering.Today) errors.Add("closesOn", "De sluitdatum ligt in het verleden.");
        var ids = (unitIds ?? []).Distinct().ToList();
        if (ids.Count == 0) errors.Add("unitIds", "Kies minstens één afdeling of team.");
        else if (await db.OrgUnits.CountAsync(u => ids.Contains(u.Id) && u.OrganisationId == organisationId && u.RemovedAt == null, ct) != ids.Count)
            errors.Add("unitIds", "Kies afdelingen en teams van deze organisatie.");
        ProblemException.ThrowIfAny(errors);
        var instrument = await instruments.CurrentAsync(ct);
        var round = new ScanRound
        {
            OrganisationId = organisationId, InstrumentId = instrument.Id, Title = t, OpensOn = opensOn!.Value, ClosesOn = closesOn!.Value,
            OpenToken = openLink ? ScanSecrets.New() : null, CreatedById = userId, CreatedAt = Now,
            Units = ids.Select(id => new ScanRoundUnit { UnitId = id }).ToList(),
        };
        db.ScanRounds.Add(round);
        await db.SaveChangesAsync(ct);
        return round;
    }

    /// <summary>
    /// The round's figures. Responses and response rates per unit are disclosed as results are
    /// (<see cref="CoreScan.UnitDisclosure"/>, k = 5 with secondary suppression over the round's units): a unit with
    /// fewer than five answers shows "fewer than 5", and so does one whose figure would reveal such a unit by subtraction.
    /// The rate is the share of personal invitations used; it is shown only where the used invitations pass the same rule.
    /// </summary>
    public async Task<RoundOverview> OverviewAsync(ScanRound round, CancellationToken ct)
    {
        var unitIds = round.Units.Select(u => u.UnitId).ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToListAsync(ct);
        var responses = await db.ScanResponses.Where(r => r.RoundId == round.Id).GroupBy(r => r.UnitId).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var invitations = await db.ScanInvitations.Where(i => i.RoundId == round.Id).GroupBy(i => new { i.UnitId, i.Answered }).Select(g => new { g.Key.UnitId, g.Key.Answered, N = g.Count() }).ToListAsync(ct);
        int Resp(int? unit) => responses.Where(r => r.Key == unit).Sum(r => r.N);
        int Inv(int? unit, bool? answered = null) => invitations.Where(i => i.UnitId == unit && (answered is null || i.Answered == answered)).Sum(i => i.N);
        // The round's units as a tree: a unit under the nearest round unit above it, else under the round as a whole (id 0).
        var all = await db.OrgUnits.AsNoTracking().Where(u => u.OrganisationId == round.OrganisationId).ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
        int Parent(int id)
        {
            for (int? p = all.GetValueOrDefault(id), n = 0; p is { } x && n < 1000; p = all.GetValueOrDefault(x), n++)
                if (unitIds.Contains(x)) return x;
            return 0;
        }
        var shownResponses = Shown(unitIds.Select(id => new CoreScan.DisclosureUnit(id, Parent(id), Resp(id))).Append(new CoreScan.DisclosureUnit(0, null, Resp(null))));
        var shownAnswered = Shown(unitIds.Select(id => new CoreScan.DisclosureUnit(id, Parent(id), Inv(id, true))).Append(new CoreScan.DisclosureUnit(0, null, Inv(null, true))));
        double? RateOf(int answered, int invited) => invited == 0 ? null : (double)answered / invited;
        var rows = units.OrderBy(u => u.Name, StringComparer.CurrentCultureIgnoreCase).Select(u =>
        {
            var group = Group(u.Id);
            return new UnitResponse(u.Id, u.Name, group.Sum(g => Inv(g)),
                shownResponses.Contains(u.Id) ? group.Sum(Resp) : null,
                shownResponses.Contains(u.Id) && shownAnswered.Contains(u.Id) ? RateOf(group.Sum(g => Inv(g, true)), group.Sum(g => Inv(g))) : null);
        }).ToList();
        List<int?> Group(int id) => [id, .. unitIds.Where(x => x != id && IsBelow(x, id)).Select(x => (int?)x)];
        bool IsBelow(int x, int id) { for (int p = Parent(x), n = 0; p != 0 && n < 1000; p = Parent(p), n++) if (p == id) return true; return false; }
        int totalInvited = invitations.Sum(i => i.N), totalAnswered = invitations.Where(i => i.Answered).Sum(i => i.N), total = responses.Sum(r => r.N);
        return new RoundOverview(round, answering.StateOf(round), rows, totalInvited,
            shownResponses.Contains(0) ? total : null, shownResponses.Contains(0) && shownAnswered.Contains(0) ? RateOf(totalAnswered, totalInvited) : null,
            totalInvited - totalAnswered);
    }

    private static HashSet<int> Shown(IEnumerable<CoreScan.DisclosureUnit> units) =>
        CoreScan.UnitDisclosure.Decide(units.ToList(), ScanNames.MinGroup).Units.Where(u => u.Visibility == CoreScan.UnitVisibility.Shown).Select(u => u.Id).ToHashSet();

    /// <summary>
    /// Invites each address for its unit with a personal link by mail. Per address: an invalid address, a unit outside
    /// the round, or an address already invited in this round is refused with its reason, and the others go through.
    /// </summary>
    public async Task<List<InviteOutcome>> InviteAsync(ScanRound round, IReadOnlyList<Invitee> people, string? language, CancellationToken ct)
    {
        EnsureRunning(round);
        if (people.Count == 0) throw ProblemException.Field("people", "Vul minstens één e-mailadres in.");
        if (people.Count > 2000) throw ProblemException.Field("people", "Nodig hoogstens {0} mensen tegelijk uit.", 2000);
        var lang = AnsweringService.LanguageOf(language, "nl");
        var already = (await db.ScanInvitations.Where(i => i.RoundId == round.Id).Select(i => i.Email).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == round.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        var outcomes = new List<InviteOutcome>();
        var toMail = new List<(ScanInvitation Invitation, string Secret)>();
        foreach (var p in people)
        {
            var email = (p.Email ?? "").Trim();
            string? refusal =
                !IsAddress(email) ? "Dit is geen geldig e-mailadres." :
                p.UnitId is not { } u || round.Units.All(x => x.UnitId != u) ? "Kies een afdeling of team van deze ronde." :
                !already.Add(email) ? "Dit adres is in deze ronde al uitgenodigd." : null;
            outcomes.Add(new InviteOutcome(email, refusal is null, refusal));
            if (refusal is not null) continue;
            var secret = ScanSecrets.New();
            var invitation = new ScanInvitation
            {
                RoundId = round.Id, UnitId = p.UnitId, Email = email, Language = lang, TokenHash = ScanSecrets.Hash(secret),
                ProtectedToken = Protector.Protect(secret), CreatedAt = Now, LastMailedAt = Now,
            };
            db.ScanInvitations.Add(invitation);
            toMail.Add((invitation, secret));
        }
        await db.SaveChangesAsync(ct);
        foreach (var (invitation, secret) in toMail) Mail(invitation, secret, organisation, round, reminder: false);
        return outcomes;
    }

    /// <summary>Mails the same link again to every invitation not used yet (never to one that was answered); returns how many.</summary>
    public async Task<int> RemindAsync(ScanRound round, CancellationToken ct)
    {
        EnsureRunning(round);
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == round.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        var open = await db.ScanInvitations.Where(i => i.RoundId == round.Id && !i.Answered).ToListAsync(ct);
        foreach (var i in open)
        {
            i.Reminders++;
            i.LastMailedAt = Now;
        }
        await db.SaveChangesAsync(ct);
        foreach (var i in open) Mail(i, Protector.Unprotect(i.ProtectedToken), organisation, round, reminder: true);
        return open.Count;
    }

    private void Mail(ScanInvitation i, string secret, string organisation, ScanRound round, bool reminder)
    {
        var t = texts.In(i.Language);
        var closes = round.ClosesOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo(i.Language == "en" ? "en" : "nl-NL"));
        mail.Send(i.Email, null, i.Language, reminder ? "Herinnering: de leercultuurscan" : "Doe mee met de leercultuurscan",
        [
            reminder ? t["Je hebt de leercultuurscan van {0} nog niet ingevuld. Dat kan nog tot en met {1}.", organisation, closes]
                : t["{0} wil weten hoe er in de organisatie geleerd wordt, en vraagt je mee te doen aan de leercultuurscan. Antwoorden kan tot en met {1}.", organisation, closes],
            "Je antwoordt anoniem: je antwoorden worden opgeslagen zonder je naam, je adres of deze link. HR ziet alleen uitkomsten van groepen van minstens vijf mensen.",
            "De link is persoonlijk: stuur hem niet door. Je kunt tussendoor stoppen en later met dezelfde link verder.",
        ], ("Naar de scan", (links.Base() ?? "") + "/scan/" + secret));
    }

    public async Task CloseAsync(ScanRound round, CancellationToken ct)
    {
        if (answering.StateOf(round) == ScanLinkState.Closed) throw ProblemException.Conflict("Deze ronde is al gesloten.");
        await db.ScanRounds.Where(r => r.Id == round.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.ClosedAt, Now).SetProperty(r => r.Version, r => r.Version + 1), ct);
    }

    /// <summary>Turns the open link on (a fresh secret) or off (the old link stops working).</summary>
    public async Task<string?> SetOpenLinkAsync(ScanRound round, bool on, CancellationToken ct)
    {
        var token = on ? round.OpenToken ?? ScanSecrets.New() : null;
        await db.ScanRounds.Where(r => r.Id == round.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.OpenToken, token).SetProperty(r => r.Version, r => r.Version + 1), ct);
        return token;
    }

    private void EnsureRunning(ScanRound round)
    {
        if (answering.StateOf(round) == ScanLinkState.Closed) throw ProblemException.Conflict("Deze ronde is gesloten.");
    }

    public static bool IsAddress(string email) =>
        email.Length is > 2 and <= 256 && email.IndexOf('@') is > 0 and var at && at < email.Length - 1 && email.IndexOf('@', at + 1) < 0
        && !email.Any(char.IsWhiteSpace) && email[(at + 1)..].Contains('.');
}
