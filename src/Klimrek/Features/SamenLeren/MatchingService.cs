using Klimrek.Core.SamenLeren;
using Klimrek.Data;
using Klimrek.Features.Esco;
using Klimrek.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;
using System.Diagnostics;
using System.Text.Json;

namespace Klimrek.Features.SamenLeren;

/// <summary>The explanation stored with a duo: each pair's components and the terms behind them.</summary>
public sealed record PairExplanation(
    int A, int B, string NameA, string NameB, double Total,
    double AToB, double BToA, double Complementarity, double Qualities, double Affinity, double Availability, double CrossDepartment,
    string[] ABrings, string[] BBrings, string[] DifferentQualities, string[] SharedAffinities, string[] SharedSlots,
    string? DepartmentA, string? DepartmentB, MatchWeights Weights, string[]? ANear = null, string[]? BNear = null);

public sealed record RuleConflictView(string Kind, int A, int B, string NameA, string NameB, string Message);

public sealed record NotMatchable(int ParticipantId, string Name, IReadOnlyList<string> Missing);

/// <summary>A matching run with who could not take part and how many were already in an active duo (to say why few or no duos formed).</summary>
public sealed record MatchOutcome(MatchRun Run, IReadOnlyList<NotMatchable> NotMatchable, int InActiveDuo = 0);

/// <summary>
/// Matching: the steering group's fixed and forbidden pairs, forming the optimal duos from the complete intakes
/// (explained per pair), and the duos that came out of it.
/// </summary>
public sealed class MatchingService(KlimrekDbContext db, EscoCatalogue catalogue, TimeProvider clock, ILogger<MatchingService> logger, SamenLerenNotices notices)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static readonly JsonSerializerOptions ExplanationJson = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<PairExplanation> Explanation(Duo d) =>
        JsonSerializer.Deserialize<List<PairExplanation>>(d.Explanation, ExplanationJson) ?? [];

    public async Task<List<PairRule>> RulesAsync(ProgrammeAccess access, CancellationToken ct)
    {
        access.RequireSteward();
        return await db.PairRules.AsNoTracking().Where(r => r.ProgrammeId == access.Programme.Id).OrderBy(r => r.Id).ToListAsync(ct);
    }

    /// <summary>Fixes or forbids a pair (replacing an earlier rule for the same two people).</summary>
    public async Task<PairRule> SetRuleAsync(ProgrammeAccess access, int a, int b, PairRuleKind kind, CancellationToken ct)
    {
        access.RequireSteward();
        if (!Enum.IsDefined(kind)) throw ProblemException.Field("kind", "Onbekende soort regel.");
        if (a == b) throw ProblemException.Field("b", "Kies twee verschillende deelnemers.");
        (a, b) = (Math.Min(a, b), Math.Max(a, b));
        var ids = await db.Participants.Where(p => p.ProgrammeId == access.Programme.Id && (p.Id == a || p.Id == b)).CountAsync(ct);
        if (ids != 2) throw ProblemException.Invalid("Beide deelnemers moeten aan dit programma meedoen.");
        var rule = await db.PairRules.FirstOrDefaultAsync(r => r.ProgrammeId == access.Programme.Id && r.ParticipantAId == a && r.ParticipantBId == b, ct);
        if (rule is null)
        {
            rule = new PairRule { ProgrammeId = access.Programme.Id, ParticipantAId = a, ParticipantBId = b };
            db.PairRules.Add(rule);
        }
        rule.Kind = kind;
        rule.CreatedAt = Now;
        await db.SaveChangesAsync(ct);
        return rule;
    }

    public async Task DeleteRuleAsync(ProgrammeAccess access, int ruleId, CancellationToken ct)
    {
        access.RequireSteward();
        var rule = await db.PairRules.FirstOrDefaultAsync(r => r.Id == ruleId && r.ProgrammeId == access.Programme.Id, ct)
                   ?? throw ProblemException.NotFound();
        db.PairRules.Remove(rule);
        await db.SaveChangesAsync(ct);
    }

    private static string ConflictMessage(ConflictKind kind) => kind switch
    {
        ConflictKind.FixedAndForbidden => "{0} en {1} zijn zowel vastgezet als uitgesloten.",
        ConflictKind.FixedWithManager => "{0} en {1} zijn vastgezet, maar de een is leidinggevende van de ander.",
        ConflictKind.FixedSameTeam => "{0} en {1} zijn vastgezet, maar zitten in hetzelfde team en het programma koppelt niet binnen een team.",
        ConflictKind.FixedTwice => "{0} en {1} zijn vastgezet, maar een van beiden is ook met iemand anders vastgezet.",
        ConflictKind.UnknownParticipant => "{0} en {1} zijn vastgezet, maar een van beiden is nog niet te koppelen (intake onvolledig) of al in een actief duo.",
        _ => "{0} en {1}: tegenstrijdige regels.",
    };

    /// <summary>
    /// Forms the best set of duos from the complete intakes and replaces the proposals of the previous run.
    /// Duos that are already active keep their members. Refuses (naming the rules) when fixed and forbidden pairs
    /// contradict each other or the hard rules; people with incomplete intakes are listed with what is missing.
    /// </summary>
    public async Task<MatchOutcome> RunMatchingAsync(ProgrammeAccess access, string userId, CancellationToken ct)
    {
        access.RequireSteward();
        var watch = Stopwatch.StartNew();
        var programme = access.Programme;
        if (programme.Status == ProgrammeStatus.Closed) throw ProblemException.Invalid("Het programma is afgesloten.");
        var participants = await db.Participants.AsNoTracking().Include(p => p.Terms).Include(p => p.User)
            .Where(p => p.ProgrammeId == programme.Id).ToListAsync(ct);
        var inActive = (await db.DuoMembers.Where(m => db.Duos.Any(d => d.Id == m.DuoId && d.ProgrammeId == programme.Id && d.Status == DuoStatus.Active))
            .Select(m => m.ParticipantId).ToListAsync(ct)).ToHashSet();
        var names = participants.ToDictionary(p => p.Id, p => p.User!.DisplayName);
        var notMatchable = participants.Where(p => !inActive.Contains(p.Id))
            .Select(p => new NotMatchable(p.Id, names[p.Id], IntakeService.MissingInIntake(p))).Where(x => x.Missing.Count > 0).ToList();
        var pool = participants.Where(p => !inActive.Contains(p.Id) && IntakeService.MissingInIntake(p).Count == 0).ToList();

        var loaded = watch.ElapsedMilliseconds;
        var snapshot = await catalogue.GetAsync(ct);
        var input = MatchingInput.Build(pool.Select(EntryOf).ToList(), s => snapshot.SkillNeighbours.GetValueOrDefault(s, []));
        var options = await OptionsAsync(programme, inActive, ct);
        var conflicts = DuoMatcher.Conflicts(input.Candidates, options);
        if (conflicts.Count > 0)
            throw new ProblemException(409, new Message("De koppeling is niet uitgevoerd: de regels spreken elkaar tegen."),
                new Dictionary<string, IReadOnlyList<Message>>
                {
                    [ProblemException.General] = conflicts.Select(c => new Message(ConflictMessage(c.Kind), names.GetValueOrDefault(c.A, "?"), names.GetValueOrDefault(c.B, "?"))).ToList(),
                });
        var prepared = watch.ElapsedMilliseconds;
        var result = DuoMatcher.Match(input.Candidates, options);
        var matched = watch.ElapsedMilliseconds;
        var run = await SaveRunAsync(programme, userId, pool, inActive, notMatchable.Count, result, Explainer(input, pool, names, options.Weights), watch, ct);
        await notices.DuosProposedAsync(await db.Duos.Where(d => d.MatchRunId == run.Id).Select(d => d.Id).ToListAsync(ct), ct);
        logger.LogInformation("Matching programme {Id}: {Pool} people, {Groups} groups, {Unmatched} unmatched, {Edges} candidate pairs, {Rounds} pricing rounds, "
            + "{Ms} ms (load {Load} ms, input {Input} ms, match {Match} ms, save {Save} ms)",
            programme.Id, pool.Count, result.Groups.Count, result.Unmatched.Count, result.CandidateEdges, result.PricingRounds, run.Milliseconds,
            loaded, prepared - loaded, matched - prepared, watch.ElapsedMilliseconds - matched);
        return new MatchOutcome(run, notMatchable, inActive.Count);
    }

    internal static IntakeEntry EntryOf(Participant p) => new(p.Id,
        p.Terms.Select(t => new IntakeTermEntry(t.Kind switch
        {
            TermKind.Brings => TermRole.Brings,
            TermKind.Develops => TermRole.Develops,
            TermKind.Quality => TermRole.Quality,
            _ => TermRole.Affinity,
        }, t.Key, t.Label, t.SkillId)).ToList(),
        p.Department, p.Team, p.Discipline, p.ManagerParticipantId, p.Availability);

    internal async Task<MatchOptions> OptionsAsync(Programme programme, HashSet<int> inActive, CancellationToken ct)
    {
        var rules = await db.PairRules.AsNoTracking().Where(r => r.ProgrammeId == programme.Id).ToListAsync(ct);
        var fixedPairs = rules.Where(r => r.Kind == PairRuleKind.Fixed && !(inActive.Contains(r.ParticipantAId) && inActive.Contains(r.ParticipantBId)))
            .Select(r => (r.ParticipantAId, r.ParticipantBId)).ToList();
        var forbidden = rules.Where(r => r.Kind == PairRuleKind.Forbidden).Select(r => (r.ParticipantAId, r.ParticipantBId)).ToList();
        return new MatchOptions(programme.Settings.Weights, programme.Settings.AvoidSameTeam, programme.Settings.TrioForOdd, fixedPairs, forbidden);
    }

    internal static Func<PairScore, PairExplanation> Explainer(MatchingInput input, List<Participant> pool, Dictionary<int, string> names, MatchWeights weights)
    {
        var byId = input.Candidates.ToDictionary(c => c.Id);
        var dbById = pool.ToDictionary(p => p.Id);
        string[] Labels(int[] ids) => ids.Select(i => input.Labels[i]).ToArray();
        return s => new(s.A, s.B, names[s.A], names[s.B], Math.Round(s.Total, 1),
            s.AToB, s.BToA, s.Complementarity, s.Qualities, s.Affinity, s.Availability, s.CrossDepartment,
            Labels(s.ABrings), Labels(s.BBrings), Labels(s.DifferentQualities), Labels(s.SharedAffinities),
            Slots.Bits(byId[s.A].Availability & byId[s.B].Availability).Select(Slots.Key).ToArray(),
            dbById[s.A].Department, dbById[s.B].Department, weights, Labels(s.ANear), Labels(s.BNear));
    }

    /// <summary>Replaces the proposed duos by the new run's, and records why people stayed without a duo.</summary>
    private async Task<MatchRun> SaveRunAsync(Programme programme, string userId, List<Participant> pool, HashSet<int> inActive, int incomplete,
        DuoMatchResult result, Func<PairScore, PairExplanation> explain, Stopwatch watch, CancellationToken ct)
    {
        var now = Now;
        // Everything is read and created inside: a retried attempt starts again from the database's state.
        return await db.InTransactionAsync(async t =>
        {
            db.Duos.RemoveRange(await db.Duos.Where(d => d.ProgrammeId == programme.Id && d.Status == DuoStatus.Proposed).ToListAsync(t));
            await db.SaveChangesAsync(t);
            var run = new MatchRun
            {
                ProgrammeId = programme.Id, RunAt = now, RunById = userId, Participants = pool.Count, Groups = result.Groups.Count,
                Unmatched = result.Unmatched.Count, TotalScore = Math.Round(result.TotalScore, 2), CandidateEdges = result.CandidateEdges,
                PricingRounds = result.PricingRounds,
            };
            db.MatchRuns.Add(run);
            await db.SaveChangesAsync(t);
            foreach (var g in result.Groups)
                db.Duos.Add(new Duo
                {
                    ProgrammeId = programme.Id, MatchRunId = run.Id, Score = Math.Round(g.Score, 2), Fixed = g.Fixed, CreatedAt = now,
                    Explanation = JsonSerializer.Serialize(g.Pairs.Select(explain).ToList(), ExplanationJson),
                    Members = g.Members.Select(m => new DuoMember { ParticipantId = m }).ToList(),
                });
            // Reasons for those without a duo; cleared for everyone else in the pool.
            var reasons = result.Unmatched.ToDictionary(u => u.Id, u => StoredReason(u, pool.Count, inActive.Count, incomplete));
            foreach (var p in await db.Participants.Where(p => p.ProgrammeId == programme.Id).ToListAsync(t))
                if (!inActive.Contains(p.Id))
                    p.UnmatchedReason = reasons.GetValueOrDefault(p.Id);
            run.Milliseconds = watch.ElapsedMilliseconds;
            await db.SaveChangesAsync(t);
            return run;
        }, ct);
    }

    /// <summary>Not a rule of the matcher: nobody else was free (in an active duo already, or their intake incomplete).</summary>
    public const string NoOneFree = "NoOneFree";

    /// <summary>
    /// The stored reason ("Reason|allowedPartners[|inActiveDuo|other]"). "No allowed partner" is only a hard rule when
    /// someone else was free to be paired: alone in the pool, the real reason is that the others are already in an
    /// active duo or not ready, and that is what the participant and the steering group read.
    /// </summary>
    private static string StoredReason(UnmatchedPerson u, int pool, int inActive, int incomplete) => u.Reason switch
    {
        UnmatchedReason.NoAllowedPartner when pool <= 1 => $"{NoOneFree}|0|{inActive}|{incomplete}",
        UnmatchedReason.NoAllowedPartner when inActive > 0 => $"{u.Reason}|0|{inActive}|{pool - 1}",
        _ => $"{u.Reason}|{u.AllowedPartners}",
    };

    /// <summary>The Dutch sentence for a stored unmatched reason ("Reason|allowedPartners[|inActiveDuo|other]").</summary>
    public static (string Key, object[] Args) UnmatchedText(string stored)
    {
        var parts = stored.Split('|');
        int Part(int i) => parts.Length > i && int.TryParse(parts[i], System.Globalization.CultureInfo.InvariantCulture, out var a) ? a : 0;
        int allowed = Part(1), inActive = Part(2), other = Part(3);
        return parts[0] switch
        {
            NoOneFree when inActive > 0 && other > 0 => ("Er was niemand meer vrij om mee te koppelen: {0} andere deelnemers zitten al in een actief duo en van {1} deelnemers is de intake nog niet compleet. De stuurgroep koppelt opnieuw zodra er iemand bijkomt of vrijkomt.", [inActive, other]),
            NoOneFree when inActive > 0 => ("Er was niemand meer vrij om mee te koppelen: de {0} andere deelnemers zitten al in een actief duo. De stuurgroep koppelt opnieuw zodra er iemand bijkomt of vrijkomt.", [inActive]),
            NoOneFree when other > 0 => ("Er was nog niemand om mee te koppelen: van de {0} andere deelnemers is de intake nog niet compleet.", [other]),
            NoOneFree => ("Er was nog niemand om mee te koppelen: er doet nog geen andere deelnemer mee met een complete intake.", []),
            nameof(UnmatchedReason.NoAllowedPartner) when inActive > 0 => ("Met de {0} deelnemers die nog vrij waren botst een harde regel (leidinggevende, team, geen gezamenlijke tijd of uitgesloten); de andere {1} deelnemers zitten al in een actief duo.", [other, inActive]),
            nameof(UnmatchedReason.NoAllowedPartner) => ("Geen enkele partner is toegestaan: met iedereen botst een harde regel (leidinggevende, team, geen gezamenlijke tijd of uitgesloten).", []),
            nameof(UnmatchedReason.OddNumber) => ("Oneven aantal deelnemers; in de beste indeling bleef deze persoon over en een trio was niet gewenst of niet mogelijk.", []),
            _ => ("Er waren {0} mogelijke partners, maar die zitten allemaal in een duo van de beste indeling.", [allowed]),
        };
    }

    /// <summary>
    /// What a run did, in sentences for the steering group: how many duos were formed, and when none were, why (too few
    /// free people: how many are in an active duo or not ready; or the hard rules).
    /// </summary>
    public static IReadOnlyList<(string Key, object[] Args)> OutcomeText(MatchOutcome o)
    {
        var run = o.Run;
        var lines = new List<(string, object[])>();
        if (run.Groups == 0 && run.Participants < 2)
        {
            lines.Add(run.Participants == 0 ? ("Er zijn geen duo's gevormd: er was niemand vrij om te koppelen.", [])
                : ("Er zijn geen duo's gevormd: er was maar één deelnemer vrij om te koppelen, en een duo vraagt er twee.", []));
            if (o.InActiveDuo > 0) lines.Add(("{0} deelnemers zitten al in een actief duo.", [o.InActiveDuo]));
            if (o.NotMatchable.Count > 0) lines.Add(("Van {0} deelnemers is de intake nog niet compleet.", [o.NotMatchable.Count]));
        }
        else if (run.Groups == 0)
            lines.Add(("Er zijn geen duo's gevormd: bij elk mogelijk paar van de {0} deelnemers die vrij waren botst een harde regel (leidinggevende, team, geen gezamenlijke tijd of uitgesloten).", [run.Participants]));
        else if (run.Groups == 1)
            lines.Add(("Er is 1 duo gevormd. De deelnemers zien nu hun voorstel en waarom.", []));
        else
            lines.Add(("Er zijn {0} duo's gevormd. De deelnemers zien nu hun voorstel en waarom.", [run.Groups]));
        if (run.Unmatched > 0 && run.Participants >= 2)
            lines.Add(("{0} deelnemers bleven zonder duo; bij de deelnemers staat waarom.", [run.Unmatched]));
        return lines;
    }

    public async Task<MatchRun?> LatestRunAsync(int programmeId, CancellationToken ct) =>
        await db.MatchRuns.AsNoTracking().Where(r => r.ProgrammeId == programmeId).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);

    public async Task<List<Duo>> DuosAsync(ProgrammeAccess access, CancellationToken ct)
    {
        access.RequireSteward();
        return await db.Duos.AsNoTracking().Include(d => d.Members).ThenInclude(m => m.Participant).ThenInclude(p => p!.User).Include(d => d.Plan)
            .Where(d => d.ProgrammeId == access.Programme.Id && d.Status != DuoStatus.Dissolved).OrderBy(d => d.Id).ToListAsync(ct);
    }

    /// <summary>The current user's duo in this programme (proposed or active), or null.</summary>
    public async Task<Duo?> MyDuoAsync(ProgrammeAccess access, CancellationToken ct)
    {
        if (access.Me is null) return null;
        return await db.Duos.AsNoTracking().Include(d => d.Members).ThenInclude(m => m.Participant).ThenInclude(p => p!.User).Include(d => d.Plan)
            .Where(d => d.ProgrammeId == access.Programme.Id && d.Status != DuoStatus.Dissolved && d.Members.Any(m => m.ParticipantId == access.Me.Id))
            .FirstOrDefaultAsync(ct);
    }
}
