using Klimrek.Data;
using Klimrek.Features.Esco;
using Klimrek.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.SamenLeren;

/// <summary>A participant's intake. Terms are ESCO skill labels or URIs, or free words; days are e.g. "dinsdag-middag".</summary>
public sealed record IntakeInput(
    IReadOnlyList<string>? Brings, IReadOnlyList<string>? Develops, IReadOnlyList<string>? Qualities, IReadOnlyList<string>? Affinities,
    string? Department, string? Team, string? Discipline, int? ManagerParticipantId, IReadOnlyList<string>? Availability);

/// <summary>The intake: what a participant brings and wants to develop, qualities, affinities, department and availability. Age is never asked.</summary>
public sealed class IntakeService(KlimrekDbContext db, EscoCatalogue catalogue, TimeProvider clock, SamenLerenNotices notices)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public const int MaxTerms = 30;
    public const int MaxTermLength = 120;
    public static readonly string[] QualitySuggestions = ["optimisme", "overzicht houden", "innovatief denken", "structuur aanbrengen", "verbinden", "doorzetten", "analytisch denken", "creativiteit"];

    /// <summary>What an intake still lacks before the person can be matched (empty: matchable).</summary>
    public static List<string> MissingInIntake(Participant p)
    {
        var missing = new List<string>();
        if (p.IntakeCompletedAt is null) missing.Add("intake nog niet ingevuld");
        if (!p.Terms.Any(t => t.Kind == TermKind.Brings)) missing.Add("wat je meebrengt");
        if (!p.Terms.Any(t => t.Kind == TermKind.Develops)) missing.Add("wat je wilt ontwikkelen");
        if (string.IsNullOrWhiteSpace(p.Department)) missing.Add("je afdeling");
        if (p.Availability == 0) missing.Add("beschikbaarheid");
        return missing;
    }

    /// <summary>The intake as stored now, read apart from anything this request changed.</summary>
    public async Task<Participant> SavedIntakeAsync(ProgrammeAccess access, CancellationToken ct)
    {
        var me = access.RequireParticipant();
        return await db.Participants.AsNoTracking().Include(p => p.Terms).FirstAsync(p => p.Id == me.Id, ct);
    }

    public async Task<Participant> IntakeAsync(ProgrammeAccess access, CancellationToken ct)
    {
        var me = access.RequireParticipant();
        await db.Entry(me).Collection(x => x.Terms).LoadAsync(ct);
        return me;
    }

    /// <summary>Saves the intake whole (replacing the previous one); every problem is reported and nothing saved.</summary>
    public async Task<Participant> SaveIntakeAsync(ProgrammeAccess access, IntakeInput input, int? baseVersion, CancellationToken ct)
    {
        var me = access.RequireParticipant();
        var errors = new ValidationErrors();
        var snapshot = await catalogue.GetAsync(ct);
        var terms = new List<IntakeTerm>();
        void Add(IReadOnlyList<string>? values, TermKind kind, string field, string what, bool escoAllowed)
        {
            var clean = (values ?? []).Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).ToList();
            if (clean.Count > MaxTerms) errors.Add(field, what + ": hoogstens {0}.", MaxTerms);
            foreach (var v in clean.Take(MaxTerms))
            {
                if (v.Length > MaxTermLength) { errors.Add(field, what + ": '{0}…' is te lang (hoogstens {1} tekens).", v[..30], MaxTermLength); continue; }
                var term = ResolveTerm(snapshot, v, kind, escoAllowed, errors, field, what);
                if (term is not null && !terms.Any(t => t.Kind == kind && t.Key == term.Key)) terms.Add(term);
            }
        }
        Add(input.Brings, TermKind.Brings, "brings", "Wat je meebrengt", true);
        Add(input.Develops, TermKind.Develops, "develops", "Wat je wilt ontwikkelen", true);
        Add(input.Qualities, TermKind.Quality, "qualities", "Kwaliteiten", false);
        Add(input.Affinities, TermKind.Affinity, "affinities", "Inhoudelijke affiniteit", false);
        int availability = Slots.Parse(input.Availability, errors);
        foreach (var (value, field, what) in new[] { (input.Department, "department", "Afdeling"), (input.Team, "team", "Team"), (input.Discipline, "discipline", "Vakgebied") })
            if ((value?.Trim().Length ?? 0) > 200) errors.Add(field, what + ": hoogstens {0} tekens.", 200);
        if (input.ManagerParticipantId is int mid)
        {
            if (mid == me.Id) errors.Add("managerParticipantId", "Je kunt niet je eigen leidinggevende zijn.");
            else if (!await db.Participants.AnyAsync(p => p.Id == mid && p.ProgrammeId == me.ProgrammeId, ct))
                errors.Add("managerParticipantId", "De gekozen leidinggevende doet niet mee aan dit programma.");
        }
        Refuse.IfAny(errors, "De intake is niet opgeslagen.");

        // One save per person at a time: the row lock makes a parallel save wait, then replace this one whole
        // (instead of both deleting the same old terms and inserting the same new ones).
        int startedFrom = baseVersion ?? me.Version;
        var saved = await db.InTransactionAsync(async t =>
        {
            await db.Participants.Where(p => p.Id == me.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.IntakeCompletedAt, Now), t);
            // The tracked participant on the first attempt; read afresh on a retry, with the terms inserted afresh.
            var p = await db.Participants.SingleAsync(x => x.Id == me.Id, t);
            Versions.Expect(db, p, startedFrom);
            await db.Entry(p).Collection(x => x.Terms).LoadAsync(t);
            db.IntakeTerms.RemoveRange(p.Terms);
            foreach (var term in terms) term.Id = 0;
            p.Terms = terms;
            p.Department = Texts.Clean(input.Department);
            p.Team = Texts.Clean(input.Team);
            p.Discipline = Texts.Clean(input.Discipline);
            p.ManagerParticipantId = input.ManagerParticipantId;
            p.Availability = availability;
            p.IntakeCompletedAt = Now;
            await Versions.SaveAsync(db, t);
            return p;
        }, ct);
        if (MissingInIntake(saved).Count == 0) await notices.IntakeCompletedAsync(saved.ProgrammeId, saved.UserId, ct);
        return saved;
    }

    private static IntakeTerm? ResolveTerm(CatalogueSnapshot s, string value, TermKind kind, bool escoAllowed, ValidationErrors errors, string field, string what)
    {
        if (escoAllowed && value.StartsWith("http://data.europa.eu/esco/skill/", StringComparison.OrdinalIgnoreCase))
        {
            if (!s.SkillByUri.TryGetValue(value, out var sid)) { errors.Add(field, what + ": onbekende ESCO-vaardigheid {0}.", value); return null; }
            return new IntakeTerm { Kind = kind, SkillId = sid, Label = s.Skills[sid].Label("nl").Text, Key = "esco:" + sid };
        }
        if (escoAllowed && (SkillByLabel(s).TryGetValue(Normalize(value), out var exact) ? exact : SkillBySearchLabel(s, value)) is int id)
            return new IntakeTerm { Kind = kind, SkillId = id, Label = value, Key = "esco:" + id };
        return new IntakeTerm { Kind = kind, Label = value, Key = "t:" + Normalize(value) };
    }

    /// <summary>
    /// The one skill one of whose searchable labels (ESCO's alternative labels, our Dutch synonyms) is exactly the typed
    /// words, ignoring case and accents ("wondsluiting"). A word that names several skills ("roosteren": rostering and
    /// roasting) stays the person's own word: guessing would match people on a skill neither meant.
    /// </summary>
    private static int? SkillBySearchLabel(CatalogueSnapshot s, string value)
    {
        var typed = string.Join(' ', Klimrek.Core.Search.TextNormalizer.Tokenize(value));
        if (typed.Length == 0) return null;
        var exact = s.SkillSearch.Search(value, 0, 10, "nl").Hits
            .Where(h => string.Join(' ', Klimrek.Core.Search.TextNormalizer.Tokenize(h.MatchedLabel)) == typed).Select(h => h.Key).Distinct().ToList();
        return exact.Count == 1 ? exact[0] : null;
    }

    public static string Normalize(string s) => string.Join(' ', s.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CatalogueSnapshot, Dictionary<string, int>> LabelMaps = new();

    /// <summary>Exact ESCO skill labels (Dutch and English, normalised) → skill id, so "samenwerken" typed by two people is one term.</summary>
    private static Dictionary<string, int> SkillByLabel(CatalogueSnapshot s) => LabelMaps.GetValue(s, snap =>
    {
        var map = new Dictionary<string, int>();
        foreach (var (id, info) in snap.Skills.OrderBy(kv => kv.Key))
        {
            if (info.LabelNl is { } nl) map.TryAdd(Normalize(nl), id);
            if (info.LabelEn is { } en) map.TryAdd(Normalize(en), id);
        }
        return map;
    });
}
