using Klimrek.Core.SamenLeren;
using Klimrek.Data;
using Klimrek.Features.Esco;
using Klimrek.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;

namespace Klimrek.Features.SamenLeren;

/// <summary>A change by hand: "pair" two participants without a duo, or "swap" two participants of two proposed duos (they trade places).</summary>
public sealed record PairChangeRequest(string? Kind, int A, int B);

/// <summary>A pair the change would form, with its fit and why.</summary>
public sealed record ChangedPair(int A, int B, string NameA, string NameB, double Fit, PairExplanation Why);

/// <summary>
/// What a change costs: the fit of the new pair(s), the total fit of the optimal set of duos, of the proposals as they
/// are, and after the change (optimal minus after is the cost).
/// </summary>
public sealed record PairChangePreview(string Kind, IReadOnlyList<ChangedPair> Pairs, double OptimalTotal, double CurrentTotal, double TotalAfter, double Cost,
    IReadOnlyList<int> NewDuoIds);

/// <summary>
/// The steering group pairs or swaps by hand. The fit of each new pair and of the optimal set come from the matcher
/// itself (<see cref="DuoMatcher.Score"/> and <see cref="DuoMatcher.Match"/>), so the numbers are the ones matching uses;
/// the hard rules (manager, team, shared time, forbidden pairs) hold here as well.
/// </summary>
public sealed class ManualPairingService(KlimrekDbContext db, EscoCatalogue catalogue, MatchingService matching, SamenLerenNotices notices, TimeProvider clock)
{
    public Task<PairChangePreview> PreviewAsync(ProgrammeAccess access, PairChangeRequest change, CancellationToken ct) => RunAsync(access, change, false, ct);

    public Task<PairChangePreview> ApplyAsync(ProgrammeAccess access, PairChangeRequest change, CancellationToken ct) => RunAsync(access, change, true, ct);

    private async Task<PairChangePreview> RunAsync(ProgrammeAccess access, PairChangeRequest change, bool apply, CancellationToken ct)
    {
        access.RequireSteward();
        var programme = access.Programme;
        string kind = change.Kind?.Trim().ToLowerInvariant() ?? "";
        if (kind is not ("pair" or "swap")) throw ProblemException.Field("kind", "Soort wijziging: 'pair' (koppelen) of 'swap' (ruilen).");
        if (change.A == change.B) throw ProblemException.Field("b", "Kies twee verschillende deelnemers.");

        var participants = await db.Participants.AsNoTracking().Include(p => p.Terms).Include(p => p.User).Where(p => p.ProgrammeId == programme.Id).ToListAsync(ct);
        var duos = await db.Duos.Include(d => d.Members).Where(d => d.ProgrammeId == programme.Id && d.Status != DuoStatus.Dissolved).ToListAsync(ct);
        var inActive = duos.Where(d => d.Status == DuoStatus.Active).SelectMany(d => d.Members).Select(m => m.ParticipantId).ToHashSet();
        var pool = participants.Where(p => !inActive.Contains(p.Id) && IntakeService.MissingInIntake(p).Count == 0).ToList();
        if (!pool.Any(p => p.Id == change.A) || !pool.Any(p => p.Id == change.B))
            throw ProblemException.Invalid("Koppel of ruil alleen deelnemers met een complete intake die nog niet in een actief duo zitten.");
        var names = participants.ToDictionary(p => p.Id, p => p.User!.DisplayName);
        var snapshot = await catalogue.GetAsync(ct);
        var input = MatchingInput.Build(pool.Select(MatchingService.EntryOf).ToList(), s => snapshot.SkillNeighbours.GetValueOrDefault(s, []));
        var options = await matching.OptionsAsync(programme, inActive, ct);
        var byId = input.Candidates.ToDictionary(c => c.Id);
        var proposed = duos.Where(d => d.Status == DuoStatus.Proposed).ToList();
        Duo? DuoOf(int p) => proposed.FirstOrDefault(d => d.Members.Any(m => m.ParticipantId == p));

        List<(int A, int B)> newPairs;
        List<Duo> replaced;
        if (kind == "pair")
        {
            if (DuoOf(change.A) is not null || DuoOf(change.B) is not null) throw ProblemException.Invalid("Koppelen kan alleen met twee deelnemers die nog geen duo hebben; ruil anders.");
            newPairs = [(change.A, change.B)];
            replaced = [];
        }
        else
        {
            var (x, y) = (DuoOf(change.A), DuoOf(change.B));
            if (x is null || y is null || x.Id == y.Id || x.Members.Count != 2 || y.Members.Count != 2)
                throw ProblemException.Invalid("Ruilen kan tussen twee deelnemers uit twee verschillende voorgestelde duo's.");
            int partnerA = x.Members.First(m => m.ParticipantId != change.A).ParticipantId, partnerB = y.Members.First(m => m.ParticipantId != change.B).ParticipantId;
            newPairs = [(change.B, partnerA), (change.A, partnerB)];
            replaced = [x, y];
        }
        var errors = new ValidationErrors();
        foreach (var (a, b) in newPairs)
        {
            var block = DuoMatcher.Block(byId[a], byId[b], options.AvoidSameTeam);
            bool forbidden = (options.Forbidden ?? []).Any(f => (f.A == a && f.B == b) || (f.A == b && f.B == a));
            if (forbidden) errors.Add("b", "{0} en {1} zijn door de stuurgroep uitgesloten als duo.", names[a], names[b]);
            else if (block != PairBlock.None) errors.Add("b", block switch
            {
                PairBlock.Manager => "{0} en {1}: de een is leidinggevende van de ander.",
                PairBlock.SameTeam => "{0} en {1} zitten in hetzelfde team en het programma koppelt niet binnen een team.",
                _ => "{0} en {1} hebben geen gezamenlijk dagdeel in hun intake.",
            }, names[a], names[b]);
        }
        Refuse.IfAny(errors, "Dit duo kan niet: een harde regel staat het niet toe.");

        var explain = MatchingService.Explainer(input, pool, names, options.Weights);
        var scores = newPairs.Select(p => DuoMatcher.Score(byId[p.A], byId[p.B], options.Weights)).ToList();
        double optimal = DuoMatcher.Match(input.Candidates, options).TotalScore;
        double current = proposed.Sum(d => d.Score);
        double after = current - replaced.Sum(d => d.Score) + scores.Sum(s => s.Total);
        var pairs = scores.Select(s => new ChangedPair(s.A, s.B, names[s.A], names[s.B], Math.Round(s.Total, 1), explain(s))).ToList();
        var ids = apply ? await SaveAsync(programme, replaced, scores, explain, ct) : [];
        return new PairChangePreview(kind, pairs, Math.Round(optimal, 1), Math.Round(current, 1), Math.Round(after, 1), Math.Round(optimal - after, 1), ids);
    }

    private async Task<List<int>> SaveAsync(Programme programme, List<Duo> replaced, List<PairScore> scores, Func<PairScore, PairExplanation> explain, CancellationToken ct)
    {
        var run = await db.MatchRuns.Where(r => r.ProgrammeId == programme.Id).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct)
                  ?? throw ProblemException.Invalid("Koppel eerst automatisch; daarna kun je met de hand koppelen of ruilen.");
        var now = clock.GetUtcNow().UtcDateTime;
        db.Duos.RemoveRange(replaced);
        var created = scores.Select(s => new Duo
        {
            ProgrammeId = programme.Id, MatchRunId = run.Id, Score = Math.Round(s.Total, 2), Fixed = true, CreatedAt = now,
            Explanation = JsonSerializer.Serialize(new[] { explain(s) }, MatchingService.ExplanationJson),
            Members = [new DuoMember { ParticipantId = s.A }, new DuoMember { ParticipantId = s.B }],
        }).ToList();
        db.Duos.AddRange(created);
        foreach (var p in await db.Participants.Where(p => scores.Select(s => s.A).Contains(p.Id) || scores.Select(s => s.B).Contains(p.Id)).ToListAsync(ct))
            p.UnmatchedReason = null;
        await db.SaveChangesAsync(ct);
        // The partners of a pair made by hand hear of it as after a matching run.
        await notices.DuosProposedAsync(created.Select(d => d.Id).ToList(), ct);
        return created.Select(d => d.Id).ToList();
    }
}
