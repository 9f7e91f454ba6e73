using Klimrek.Data;
using Klimrek.Features.Career;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.SamenLeren;

/// <summary>Input for creating or changing a programme.</summary>
public sealed record ProgrammeInput(
    string Name, string? Description, DateOnly StartDate, DateOnly EndDate,
    int HoursPerParticipant = 75, decimal ExpertBudgetPerDuo = 1000m, int ReflectionCadenceWeeks = 6,
    int IntervisionSessionCount = 3, int NotMetWeeks = 3,
    int WeightComplementarity = 40, int WeightQualities = 10, int WeightAffinity = 20, int WeightAvailability = 20, int WeightCrossDepartment = 10,
    bool AvoidSameTeam = false, bool TrioForOdd = true, ReflectionVisibility ReflectionVisibility = ReflectionVisibility.DuoAndStuurgroep);

/// <summary>A participant's intake. Terms are ESCO skill labels or URIs, or free words; days are e.g. "dinsdag-middag".</summary>
public sealed record IntakeInput(
    IReadOnlyList<string>? Brings, IReadOnlyList<string>? Develops, IReadOnlyList<string>? Qualities, IReadOnlyList<string>? Affinities,
    string? Department, string? Team, string? Discipline, int? ManagerParticipantId, IReadOnlyList<string>? Availability);

/// <summary>
/// Samen leren: programmes, intakes, matching, duos and everything a duo does, with the access rules of each step.
/// The rules: the steering group (stewards) runs the programme; a participant sees their own intake and their own
/// duo; reflections are read by the duo and — as the programme's visibility setting allows — the steering group.
/// </summary>
public sealed partial class SamenLerenService(
    KlimrekDbContext db, UserManager<KlimrekUser> users, TransitionCache cache, TimeProvider clock, ILogger<SamenLerenService> logger)
{
    public const int MaxTerms = 30;
    public const int MaxTermLength = 120;
    public static readonly string[] QualitySuggestions = ["optimisme", "overzicht houden", "innovatief denken", "structuur aanbrengen", "verbinden", "doorzetten", "analytisch denken", "creativiteit"];

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    // ---------------------------------------------------------------- access

    public async Task<ProgrammeAccess> AccessAsync(int programmeId, string userId, CancellationToken ct)
    {
        var p = await db.Programmes.Include(x => x.Stewards).FirstOrDefaultAsync(x => x.Id == programmeId, ct)
                ?? throw ProblemException.NotFound();
        bool steward = p.Stewards.Any(s => s.UserId == userId);
        var me = await db.Participants.FirstOrDefaultAsync(x => x.ProgrammeId == programmeId && x.UserId == userId, ct);
        if (!steward && me is null) throw ProblemException.NotFound();
        return new ProgrammeAccess(p, steward, me);
    }

    public sealed record ProgrammeListItem(Programme Programme, bool IsSteward, bool IsParticipant, int Participants);

    public async Task<List<ProgrammeListItem>> MyProgrammesAsync(string userId, CancellationToken ct)
    {
        var rows = await db.Programmes.AsNoTracking()
            .Where(p => p.Stewards.Any(s => s.UserId == userId) || p.Participants.Any(x => x.UserId == userId))
            .Select(p => new { P = p, S = p.Stewards.Any(s => s.UserId == userId), M = p.Participants.Any(x => x.UserId == userId), N = p.Participants.Count })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.P.StartDate).ThenBy(r => r.P.Name).Select(r => new ProgrammeListItem(r.P, r.S, r.M, r.N)).ToList();
    }

    // ---------------------------------------------------------------- programmes

    private static void Validate(ProgrammeInput i)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(i.Name)) errors.Add("name", "Geef het programma een naam.");
        else if (i.Name.Trim().Length > 200) errors.Add("name", "De naam is te lang (hoogstens 200 tekens).");
        if ((i.Description?.Length ?? 0) > 4000) errors.Add("description", "De beschrijving is te lang (hoogstens 4000 tekens).");
        if (i.EndDate <= i.StartDate) errors.Add("endDate", "De einddatum moet na de startdatum liggen.");
        if (i.EndDate.DayNumber - i.StartDate.DayNumber > 3 * 366) errors.Add("endDate", "Een programma duurt hoogstens drie jaar.");
        if (i.HoursPerParticipant is < 1 or > 2000) errors.Add("hoursPerParticipant", "Uren per deelnemer: tussen 1 en 2000.");
        if (i.ExpertBudgetPerDuo is < 0 or > 1_000_000) errors.Add("expertBudgetPerDuo", "Budget voor externe deskundigheid: tussen € 0 en € 1.000.000.");
        if (i.ReflectionCadenceWeeks is < 1 or > 26) errors.Add("reflectionCadenceWeeks", "Reflectie-ritme: tussen 1 en 26 weken.");
        if (i.IntervisionSessionCount is < 0 or > 20) errors.Add("intervisionSessionCount", "Aantal intervisiebijeenkomsten: tussen 0 en 20.");
        if (i.NotMetWeeks is < 1 or > 26) errors.Add("notMetWeeks", "Signaal 'niet ontmoet': tussen 1 en 26 weken.");
        int[] weights = [i.WeightComplementarity, i.WeightQualities, i.WeightAffinity, i.WeightAvailability, i.WeightCrossDepartment];
        if (weights.Any(w => w is < 0 or > 100)) errors.Add("weights", "Elk gewicht ligt tussen 0 en 100.");
        else if (weights.Sum() == 0) errors.Add("weights", "Minstens één gewicht moet groter dan 0 zijn.");
        if (!Enum.IsDefined(i.ReflectionVisibility)) errors.Add("reflectionVisibility", "Onbekende zichtbaarheid van reflecties.");
        Refuse.IfAny(errors, "Het programma is niet opgeslagen.");
    }

    private static void Apply(Programme p, ProgrammeInput i)
    {
        p.Name = i.Name.Trim();
        p.Description = string.IsNullOrWhiteSpace(i.Description) ? null : i.Description.Trim();
        p.StartDate = i.StartDate;
        p.EndDate = i.EndDate;
        p.HoursPerParticipant = i.HoursPerParticipant;
        p.ExpertBudgetPerDuo = i.ExpertBudgetPerDuo;
        p.ReflectionCadenceWeeks = i.ReflectionCadenceWeeks;
        p.IntervisionSessionCount = i.IntervisionSessionCount;
        p.NotMetWeeks = i.NotMetWeeks;
        p.WeightComplementarity = i.WeightComplementarity;
        p.WeightQualities = i.WeightQualities;
        p.WeightAffinity = i.WeightAffinity;
        p.WeightAvailability = i.WeightAvailability;
        p.WeightCrossDepartment = i.WeightCrossDepartment;
        p.AvoidSameTeam = i.AvoidSameTeam;
        p.TrioForOdd = i.TrioForOdd;
        p.ReflectionVisibility = i.ReflectionVisibility;
    }

    public static ProgrammeInput InputOf(Programme p) => new(p.Name, p.Description, p.StartDate, p.EndDate, p.HoursPerParticipant,
        p.ExpertBudgetPerDuo, p.ReflectionCadenceWeeks, p.IntervisionSessionCount, p.NotMetWeeks, p.WeightComplementarity,
        p.WeightQualities, p.WeightAffinity, p.WeightAvailability, p.WeightCrossDepartment, p.AvoidSameTeam, p.TrioForOdd, p.ReflectionVisibility);

    /// <summary>A steering-group member (role Stuurgroep, or a beheerder) creates a programme and steers it.</summary>
    public async Task<Programme> CreateProgrammeAsync(string userId, ProgrammeInput input, CancellationToken ct)
    {
        Validate(input);
        var user = await users.FindByIdAsync(userId) ?? throw ProblemException.NotFound();
        var p = new Programme { Name = "", CreatedById = userId, CreatedAt = Now, OrganisationId = user.OrganisationId };
        Apply(p, input);
        p.Stewards.Add(new ProgrammeSteward { UserId = userId });
        db.Programmes.Add(p);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Programme {Id} created by {User}", p.Id, userId);
        return p;
    }

    public async Task UpdateProgrammeAsync(ProgrammeAccess access, ProgrammeInput input, CancellationToken ct)
    {
        access.RequireSteward();
        Validate(input);
        Apply(access.Programme, input);
        await db.SaveChangesAsync(ct);
    }

    public async Task SetStatusAsync(ProgrammeAccess access, ProgrammeStatus status, CancellationToken ct)
    {
        access.RequireSteward();
        if (!Enum.IsDefined(status)) throw ProblemException.Field("status", "Onbekende status.");
        access.Programme.Status = status;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds people by e-mail address, as participants or stewards; all or nothing, every unknown address named.</summary>
    public async Task<int> EnrolAsync(ProgrammeAccess access, IEnumerable<string> emails, bool asStewards, CancellationToken ct)
    {
        access.RequireSteward();
        var list = emails.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (list.Count == 0) throw ProblemException.Field("emails", "Vul minstens één e-mailadres in.");
        if (list.Count > 5000) throw ProblemException.Field("emails", "Hoogstens 5000 adressen tegelijk.");
        var normalized = list.Select(e => users.NormalizeEmail(e)).ToList();
        var found = await db.Users.Where(u => normalized.Contains(u.NormalizedEmail!)).Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(ct);
        var missing = list.Where((e, i) => found.All(f => f.NormalizedEmail != normalized[i])).ToList();
        if (missing.Count > 0)
            throw new ProblemException(400, new Message("Niemand toegevoegd: {0} adres(sen) hebben nog geen account.", missing.Count),
                new Dictionary<string, IReadOnlyList<Message>> { ["emails"] = missing.Select(m => new Message("Geen account: {0}", m)).ToList() });
        int added = 0;
        if (asStewards)
        {
            var existing = await db.ProgrammeStewards.Where(s => s.ProgrammeId == access.Programme.Id).Select(s => s.UserId).ToListAsync(ct);
            foreach (var u in found.Where(u => !existing.Contains(u.Id)))
            {
                db.ProgrammeStewards.Add(new ProgrammeSteward { ProgrammeId = access.Programme.Id, UserId = u.Id });
                added++;
            }
        }
        else
        {
            var existing = await db.Participants.Where(s => s.ProgrammeId == access.Programme.Id).Select(s => s.UserId).ToListAsync(ct);
            foreach (var u in found.Where(u => !existing.Contains(u.Id)))
            {
                db.Participants.Add(new Participant { ProgrammeId = access.Programme.Id, UserId = u.Id, EnrolledAt = Now });
                added++;
            }
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    public sealed record ParticipantRow(Participant Participant, string Name, string Email, IReadOnlyList<string> Missing);

    public async Task<List<ParticipantRow>> ParticipantsAsync(ProgrammeAccess access, CancellationToken ct)
    {
        access.RequireSteward();
        var list = await db.Participants.AsNoTracking().Include(p => p.User).Include(p => p.Terms)
            .Where(p => p.ProgrammeId == access.Programme.Id).ToListAsync(ct);
        return list.Select(p => new ParticipantRow(p, p.User!.DisplayName, p.User.Email ?? "", MissingInIntake(p)))
            .OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>Names and ids of the programme's participants, for choosing a manager or an intervision reporter.</summary>
    public async Task<List<(int Id, string Name)>> ParticipantNamesAsync(int programmeId, CancellationToken ct) =>
        (await db.Participants.AsNoTracking().Where(p => p.ProgrammeId == programmeId)
            .Select(p => new { p.Id, p.User!.DisplayName }).ToListAsync(ct))
        .Select(x => (x.Id, x.DisplayName)).OrderBy(x => x.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList();

    // ---------------------------------------------------------------- intake

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

    public async Task<Participant> IntakeAsync(ProgrammeAccess access, CancellationToken ct)
    {
        var me = access.RequireParticipant();
        await db.Entry(me).Collection(x => x.Terms).LoadAsync(ct);
        return me;
    }

    /// <summary>Saves the intake whole (replacing the previous one); every problem is reported and nothing saved.</summary>
    public async Task<Participant> SaveIntakeAsync(ProgrammeAccess access, IntakeInput input, CancellationToken ct)
    {
        var me = access.RequireParticipant();
        var errors = new ValidationErrors();
        var snapshot = await cache.GetAsync(ct);
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

        await db.Entry(me).Collection(x => x.Terms).LoadAsync(ct);
        db.IntakeTerms.RemoveRange(me.Terms);
        me.Terms = terms;
        me.Department = Clean(input.Department);
        me.Team = Clean(input.Team);
        me.Discipline = Clean(input.Discipline);
        me.ManagerParticipantId = input.ManagerParticipantId;
        me.Availability = availability;
        me.IntakeCompletedAt = Now;
        await db.SaveChangesAsync(ct);
        return me;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static IntakeTerm? ResolveTerm(TransitionCache.Snapshot s, string value, TermKind kind, bool escoAllowed, ValidationErrors errors, string field, string what)
    {
        if (escoAllowed && value.StartsWith("http://data.europa.eu/esco/skill/", StringComparison.OrdinalIgnoreCase))
        {
            if (!s.SkillByUri.TryGetValue(value, out var sid)) { errors.Add(field, what + ": onbekende ESCO-vaardigheid {0}.", value); return null; }
            return new IntakeTerm { Kind = kind, SkillId = sid, Label = s.Skills[sid].Label("nl").Text, Key = "esco:" + sid };
        }
        if (escoAllowed && SkillByLabel(s).TryGetValue(Normalize(value), out var id))
            return new IntakeTerm { Kind = kind, SkillId = id, Label = value, Key = "esco:" + id };
        return new IntakeTerm { Kind = kind, Label = value, Key = "t:" + Normalize(value) };
    }

    public static string Normalize(string s) => string.Join(' ', s.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TransitionCache.Snapshot, Dictionary<string, int>> LabelMaps = new();

    /// <summary>Exact ESCO skill labels (Dutch and English, normalised) → skill id, so "samenwerken" typed by two people is one term.</summary>
    private static Dictionary<string, int> SkillByLabel(TransitionCache.Snapshot s) => LabelMaps.GetValue(s, snap =>
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
