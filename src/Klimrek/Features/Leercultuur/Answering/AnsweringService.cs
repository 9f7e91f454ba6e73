using Klimrek.Data;
using Klimrek.Features.Leercultuur.Instrument;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;

namespace Klimrek.Features.Leercultuur.Answering;

/// <summary>
/// Answers as the respondent gives them: statements 1–5 (0 = "weet ik niet"), open texts, and options per onderstroom
/// question, each keyed by the item's key (<c>b1.afwisseling</c>). The same shape is the draft's JSON and the API's body.
/// </summary>
public sealed record ScanAnswers(Dictionary<string, int>? Values = null, Dictionary<string, string>? Texts = null, Dictionary<string, string[]>? Choices = null)
{
    public Dictionary<string, int> V => Values ?? [];
    public Dictionary<string, string> T => Texts ?? [];
    public Dictionary<string, string[]> C => Choices ?? [];

    /// <summary>These answers with <paramref name="over"/>'s on top (an entry in <paramref name="over"/> wins).</summary>
    public ScanAnswers With(ScanAnswers over) => new(
        new Dictionary<string, int>(V.Concat(over.V).GroupBy(kv => kv.Key).Select(g => g.Last())),
        new Dictionary<string, string>(T.Concat(over.T).GroupBy(kv => kv.Key).Select(g => g.Last())),
        new Dictionary<string, string[]>(C.Concat(over.C).GroupBy(kv => kv.Key).Select(g => g.Last())));

    /// <summary>Nothing answered at all.</summary>
    public bool IsEmpty => V.Count == 0 && T.Values.All(string.IsNullOrWhiteSpace) && C.Values.All(c => c.Length == 0);
}

/// <summary>Where an answer link stands.</summary>
public enum ScanLinkState { Open, NotYetOpen, Closed, Answered }

/// <summary>An answer link resolved: the round, the invitation (personal links) and the draft so far.</summary>
public sealed record ScanSession(ScanRound Round, ScanInvitation? Invitation, ScanDraft? Draft, ScanLinkState State, string KeyHash)
{
    public int? UnitId => Invitation?.UnitId ?? Draft?.UnitId;
}

/// <summary>
/// The anonymous side of the scan: resolving a link, keeping a draft, and storing an answer in one transaction that
/// leaves no trace of the link in it (<see cref="SubmitAsync"/>).
/// </summary>
public sealed class AnsweringService(KlimrekDbContext db, InstrumentService instruments, TimeProvider clock)
{
    public const int MaxText = 2000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public DateOnly Today => DutchTime.Today(clock.GetUtcNow().UtcDateTime);

    public ScanLinkState StateOf(ScanRound round) =>
        round.ClosedAt is not null || Today > round.ClosesOn ? ScanLinkState.Closed
        : Today < round.OpensOn ? ScanLinkState.NotYetOpen : ScanLinkState.Open;

    /// <summary>A personal link or a resume link; 404 when it is neither.</summary>
    public async Task<ScanSession> ResolveAsync(string token, CancellationToken ct)
    {
        if (!ScanSecrets.Plausible(token)) throw ProblemException.NotFound();
        var hash = ScanSecrets.Hash(token);
        var invitation = await db.ScanInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        var draft = await db.ScanDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.KeyHash == hash, ct);
        if (invitation is null && draft is null) throw ProblemException.NotFound();
        var round = await db.ScanRounds.AsNoTracking().Include(r => r.Units).FirstAsync(r => r.Id == (invitation != null ? invitation.RoundId : draft!.RoundId), ct);
        var state = invitation is { Answered: true } ? ScanLinkState.Answered : StateOf(round);
        return new ScanSession(round, invitation, draft, state, hash);
    }

    /// <summary>The round behind an open link (404 when the link is unknown or turned off).</summary>
    public async Task<ScanRound> OpenRoundAsync(string openToken, CancellationToken ct) =>
        ScanSecrets.Plausible(openToken)
            ? await db.ScanRounds.AsNoTracking().Include(r => r.Units).FirstOrDefaultAsync(r => r.OpenToken == openToken, ct) ?? throw ProblemException.NotFound()
            : throw ProblemException.NotFound();

    /// <summary>The round's units (for the open link's choice), in name order.</summary>
    public async Task<List<OrgUnit>> UnitsAsync(ScanRound round, CancellationToken ct)
    {
        var ids = round.Units.Select(u => u.UnitId).ToList();
        return (await db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(ct))
            .OrderBy(u => u.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>Starts an answer through the open link: a draft under a fresh resume secret, which is returned (and kept nowhere else).</summary>
    public async Task<string> StartAsync(string openToken, int? unitId, string? language, CancellationToken ct)
    {
        var round = await OpenRoundAsync(openToken, ct);
        EnsureOpen(StateOf(round));
        if (unitId is not { } unit || round.Units.All(u => u.UnitId != unit))
            throw ProblemException.Field("unitId", "Kies je afdeling of team.");
        var secret = ScanSecrets.New();
        db.ScanDrafts.Add(new ScanDraft
        {
            RoundId = round.Id, KeyHash = ScanSecrets.Hash(secret), UnitId = unit, Language = LanguageOf(language, "nl"),
            Answers = JsonSerializer.Serialize(new ScanAnswers(), Json), UpdatedOn = Today,
        });
        await db.SaveChangesAsync(ct);
        return secret;
    }

    public static string LanguageOf(string? wanted, string fallback) => wanted is "nl" or "en" ? wanted : fallback;

    public static ScanAnswers AnswersOf(ScanDraft? draft) =>
        draft is null ? new ScanAnswers() : JsonSerializer.Deserialize<ScanAnswers>(draft.Answers, Json) ?? new ScanAnswers();

    public async Task<ScanInstrument> InstrumentAsync(ScanRound round, CancellationToken ct) =>
        await instruments.ByIdAsync(round.InstrumentId, ct) ?? throw new InvalidOperationException("The round's instrument is missing.");

    /// <summary>Saves the draft (the answers so far, replacing the earlier draft's entries they name); refuses invalid answers and changes nothing then.</summary>
    /// <param name="replace">The answers are the whole draft (the form sends a step and keeps the rest itself), not additions to it.</param>
    public async Task<ScanAnswers> SaveDraftAsync(string token, ScanAnswers answers, string? language, CancellationToken ct, bool replace = false)
    {
        var s = await ResolveAsync(token, ct);
        EnsureOpen(s.State);
        var merged = replace ? answers : AnswersOf(s.Draft).With(answers);
        Validate(await InstrumentAsync(s.Round, ct), merged);
        var json = JsonSerializer.Serialize(merged, Json);
        var lang = LanguageOf(language, s.Draft?.Language ?? s.Invitation?.Language ?? "nl");
        if (s.Draft is null)
            db.ScanDrafts.Add(new ScanDraft { RoundId = s.Round.Id, KeyHash = s.KeyHash, UnitId = s.UnitId, Language = lang, Answers = json, UpdatedOn = Today });
        else
            await db.ScanDrafts.Where(d => d.Id == s.Draft.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.Answers, json).SetProperty(d => d.Language, lang).SetProperty(d => d.UpdatedOn, Today), ct);
        await db.SaveChangesAsync(ct);
        return merged;
    }

    /// <summary>Refuses a link whose round does not take answers (409, with the reason).</summary>
    public static void EnsureOpen(ScanLinkState state)
    {
        switch (state)
        {
            case ScanLinkState.Answered: throw ProblemException.Conflict("Met deze link is al geantwoord. Dank je wel!");
            case ScanLinkState.NotYetOpen: throw ProblemException.Conflict("Deze scan is nog niet geopend.");
            case ScanLinkState.Closed: throw ProblemException.Conflict("Deze scan is gesloten; er kan niet meer worden geantwoord.");
        }
    }

    /// <summary>
    /// Stores the answer: the draft with <paramref name="answers"/> on top, validated whole; then in one transaction the
    /// response (round, unit, day — a random id), its answers, open answers, choices and block scores, the draft
    /// deleted and the invitation marked answered. Any refusal changes nothing.
    /// </summary>
    public async Task SubmitAsync(string token, ScanAnswers answers, CancellationToken ct, bool replace = false)
    {
        var s = await ResolveAsync(token, ct);
        EnsureOpen(s.State);
        var instrument = await InstrumentAsync(s.Round, ct);
        var all = replace ? answers : AnswersOf(s.Draft).With(answers);
        Validate(instrument, all);
        if (all.V.Count == 0) throw ProblemException.Invalid("Beantwoord minstens één stelling voordat je verstuurt.");
        var response = Build(instrument, all, s.Round.Id, s.UnitId, Today);
        await db.InTransactionAsync(async t =>
        {
            // Marking the link used first, conditionally: of two submissions at once only one finds it unanswered.
            // (An open-link respondent's link is their draft: deleting it is what only one submission can do.)
            var claimed = s.Invitation is not null
                ? await db.ScanInvitations.Where(i => i.Id == s.Invitation.Id && !i.Answered).ExecuteUpdateAsync(u => u.SetProperty(i => i.Answered, true), t)
                : await db.ScanDrafts.Where(d => d.KeyHash == s.KeyHash).ExecuteDeleteAsync(t);
            if (claimed == 0) throw ProblemException.Conflict("Met deze link is al geantwoord. Dank je wel!");
            await db.ScanDrafts.Where(d => d.KeyHash == s.KeyHash).ExecuteDeleteAsync(t);
            db.ScanResponses.Add(response);
            await db.SaveChangesAsync(t);
        }, ct);
    }

    /// <summary>The response to store: nothing in it names the link, the person or a time finer than the day.</summary>
    public static ScanResponse Build(ScanInstrument instrument, ScanAnswers a, int roundId, int? unitId, DateOnly day)
    {
        var byKey = instrument.Items.ToDictionary(i => i.Key);
        var response = new ScanResponse { Id = Guid.NewGuid(), RoundId = roundId, UnitId = unitId, SubmittedOn = day };
        foreach (var (key, v) in a.V)
            response.Answers.Add(new ScanAnswer { ResponseId = response.Id, ItemId = byKey[key].Id, Value = v == 0 ? null : (byte)v });
        response.Values = ScanValues.Of(instrument.Items, response.Answers);
        foreach (var (key, text) in a.T.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)))
            response.OpenAnswers.Add(new ScanOpenAnswer { ResponseId = response.Id, ItemId = byKey[key].Id, Text = text.Trim() });
        foreach (var (key, options) in a.C)
            foreach (var o in options.Distinct(StringComparer.Ordinal))
                response.Choices.Add(new ScanChoice { ResponseId = response.Id, ItemId = byKey[key].Id, Option = o });
        foreach (var block in instrument.Items.Where(i => i.Kind == ScanItemKind.Stelling).GroupBy(i => i.Block))
        {
            var given = block.Select(i => a.V.TryGetValue(i.Key, out var v) ? v : 0).Where(v => v is >= 1 and <= 5).ToList();
            if (Klimrek.Core.Leercultuur.ScanStatistics.CountsForBlock(given.Count, block.Count()))
                response.BlockScores.Add(new ScanBlockScore { ResponseId = response.Id, RoundId = roundId, Block = block.Key, Score = given.Average() });
        }
        return response;
    }

    /// <summary>Refuses (400, per field) values outside 0–5, unknown items, texts over 2000 characters, unknown options or too many.</summary>
    public static void Validate(ScanInstrument instrument, ScanAnswers a)
    {
        var errors = new ValidationErrors();
        var byKey = instrument.Items.ToDictionary(i => i.Key);
        foreach (var (key, v) in a.V)
        {
            if (!byKey.TryGetValue(key, out var item) || item.Kind != ScanItemKind.Stelling) errors.Add($"values.{key}", "Deze stelling hoort niet bij de scan.");
            else if (v is < 0 or > 5) errors.Add($"values.{key}", "Kies een antwoord van 1 tot 5, of 'weet ik niet'.");
        }
        foreach (var (key, text) in a.T)
        {
            if (!byKey.TryGetValue(key, out var item) || item.Kind != ScanItemKind.Open) errors.Add($"texts.{key}", "Deze vraag hoort niet bij de scan.");
            else if ((text ?? "").Trim().Length > MaxText) errors.Add($"texts.{key}", "Schrijf hoogstens {0} tekens.", MaxText);
        }
        foreach (var (key, options) in a.C)
        {
            if (!byKey.TryGetValue(key, out var item) || item.Kind != ScanItemKind.Onderstroom) { errors.Add($"choices.{key}", "Deze vraag hoort niet bij de scan."); continue; }
            var known = InstrumentService.OptionsOf(item).Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
            var picked = (options ?? []).Distinct(StringComparer.Ordinal).ToList();
            if (picked.Any(o => !known.Contains(o))) errors.Add($"choices.{key}", "Kies uit de gegeven mogelijkheden.");
            else if (picked.Count > (item.MultipleChoice ? InstrumentSeed.MaxChoices : 1))
                errors.Add($"choices.{key}", "Kies er hoogstens {0}.", item.MultipleChoice ? InstrumentSeed.MaxChoices : 1);
        }
        ProblemException.ThrowIfAny(errors);
    }
}
