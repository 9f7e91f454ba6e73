using Klimrek.Data;
using Klimrek.Features.Accounts;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.SamenLeren;

/// <summary>
/// Seeds a demonstration programme with synthetic participants and complete intakes (CLI verb
/// <c>demo samen-leren</c>), for trying the steering group's screens and for the end-to-end matching benchmark.
/// Participants get accounts without a password (they cannot sign in); intakes draw on real ESCO skills.
/// </summary>
public static class SamenLerenDemo
{
    private static readonly string[] Departments = ["Zorg", "Onderwijs", "ICT", "Financiën", "HR", "Facilitair", "Communicatie", "Onderzoek", "Techniek", "Logistiek", "Juridisch", "Marketing"];
    private static readonly string[] Disciplines = ["beleid", "uitvoering", "advies", "management", "ondersteuning", "onderzoek", "ontwerp", "data"];
    private static readonly string[] Topics = ["duurzaamheid", "digitalisering", "inclusie", "gezondheid", "onderwijsinnovatie", "data en AI", "klantcontact", "vakmanschap", "samenwerking in de keten", "veiligheid",
        "vergrijzing", "werkplezier", "leiderschap", "kwaliteit", "regelgeving", "creativiteit", "ondernemerschap", "internationalisering", "techniek", "taal en communicatie"];

    public static async Task<int> SeedAsync(IServiceProvider sp, int participants, string stewardEmail, string stewardPassword, int seed, CancellationToken ct)
    {
        var db = sp.GetRequiredService<KlimrekDbContext>();
        var users = sp.GetRequiredService<UserManager<KlimrekUser>>();
        var setup = sp.GetRequiredService<AccountSetup>();
        var steward = await users.FindByEmailAsync(stewardEmail);
        if (steward is null)
        {
            var errors = await setup.CreateUserAsync(stewardEmail, stewardPassword, "Stuurgroep demo", [Roles.Stuurgroep], null);
            if (errors.Count > 0) throw new InvalidOperationException(string.Join("; ", errors));
            steward = (await users.FindByEmailAsync(stewardEmail))!;
        }
        var skills = await db.Skills.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, Label = db.SkillTexts.Where(t => t.SkillId == s.Id && t.Language == "nl").Select(t => t.PreferredLabel).FirstOrDefault() })
            .Where(s => s.Label != null).Take(20000).ToListAsync(ct);
        if (skills.Count < 300) throw new InvalidOperationException("Import ESCO first: too few skills.");
        var rnd = new Random(seed);
        var pool = Enumerable.Range(0, 300).Select(_ => skills[rnd.Next(skills.Count)]).DistinctBy(s => s.Id).ToList();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var programme = new Programme
        {
            Settings = new ProgrammeSettings
            {
                Name = $"Demo samen leren ({participants} deelnemers)", StartDate = today.AddDays(7), EndDate = today.AddDays(7 + 7 * 40), AvoidSameTeam = true,
            },
            CreatedById = steward.Id, CreatedAt = now,
        };
        programme.Stewards.Add(new ProgrammeSteward { UserId = steward.Id });
        db.Programmes.Add(programme);
        await db.SaveChangesAsync(ct);

        var newUsers = await CreateAccountsAsync(db, participants, ct);

        T Pick<T>(IReadOnlyList<T> list) => list[(int)(Math.Pow(rnd.NextDouble(), 1.6) * list.Count)]; // some popular, many rare
        var people = new List<Participant>();
        for (int i = 0; i < participants; i++)
        {
            int dept = rnd.Next(Departments.Length);
            var p = new Participant
            {
                ProgrammeId = programme.Id, UserId = newUsers[i].Id, EnrolledAt = now, IntakeCompletedAt = now,
                Department = Departments[dept], Team = $"{Departments[dept]} team {rnd.Next(5) + 1}", Discipline = Disciplines[rnd.Next(Disciplines.Length)],
            };
            while (System.Numerics.BitOperations.PopCount((uint)p.Availability) < 2 + rnd.Next(4)) p.Availability |= 1 << rnd.Next(10);
            void Add(TermKind kind, int count, Func<(int? SkillId, string Label)> draw)
            {
                for (int k = 0; k < count; k++)
                {
                    var (sid, label) = draw();
                    var key = sid is int s ? "esco:" + s : "t:" + IntakeService.Normalize(label);
                    if (!p.Terms.Any(t => t.Kind == kind && t.Key == key)) p.Terms.Add(new IntakeTerm { Kind = kind, SkillId = sid, Label = label, Key = key });
                }
            }
            Add(TermKind.Brings, 3 + rnd.Next(6), () => { var s = Pick(pool); return (s.Id, s.Label!); });
            Add(TermKind.Develops, 2 + rnd.Next(4), () => { var s = Pick(pool); return (s.Id, s.Label!); });
            Add(TermKind.Quality, 1 + rnd.Next(3), () => (null, IntakeService.QualitySuggestions[rnd.Next(IntakeService.QualitySuggestions.Length)]));
            Add(TermKind.Affinity, 1 + rnd.Next(3), () => (null, Pick(Topics)));
            people.Add(p);
        }
        db.Participants.AddRange(people);
        await db.SaveChangesAsync(ct);
        // About one in twenty has a manager among the participants (never matched together).
        foreach (var p in people.Where(_ => rnd.NextDouble() < 0.05))
        {
            var manager = people[rnd.Next(people.Count)];
            if (manager.Id != p.Id) p.ManagerParticipantId = manager.Id;
        }
        await db.SaveChangesAsync(ct);
        return programme.Id;
    }

    /// <summary>Accounts without a password, inserted in bulk (they exist to be matched, not to sign in).</summary>
    private static async Task<List<KlimrekUser>> CreateAccountsAsync(KlimrekDbContext db, int participants, CancellationToken ct)
    {
        var stamp = Guid.NewGuid().ToString("N")[..8];
        var newUsers = new List<KlimrekUser>();
        for (int i = 0; i < participants; i++)
        {
            var email = $"deelnemer{i:D5}-{stamp}@demo.klimrek.invalid";
            newUsers.Add(new KlimrekUser
            {
                UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(),
                DisplayName = $"Deelnemer {i + 1}", SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
            });
        }
        db.Users.AddRange(newUsers);
        await db.SaveChangesAsync(ct);
        return newUsers;
    }
}
