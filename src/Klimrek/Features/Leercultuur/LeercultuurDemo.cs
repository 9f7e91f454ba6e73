using Klimrek.Core.Leercultuur;
using Klimrek.Data;
using Klimrek.Features.Accounts;
using Klimrek.Features.Leercultuur.Instrument;
using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using DataScanItem = Klimrek.Data.ScanItem;
using DataScanRound = Klimrek.Data.ScanRound;

namespace Klimrek.Features.Leercultuur;

/// <summary>
/// Demonstration content for the learning-culture scan (CLI verb <c>demo leercultuur</c>): ten organisations marked
/// "(demo)" across sectors and regions — seven in health care in Gelderland, so that the benchmark (at least five other
/// organisations with at least five respondents) shows — each with departments and teams and a closed round of 12–60
/// answers with its own block profile. The first has two rounds a year apart (a trend) and a coaching route in the
/// "samen doen" phase with logged hours; optionally an HR account for it. Random but seeded; running it again adds
/// nothing that is already there (organisations are recognised by their demo name).
/// </summary>
public static class LeercultuurDemo
{
    public sealed record Result(int Organisations, int Created, int Responses, int FirstOrganisationId, int RouteId);

    private sealed record DemoOrg(string Name, string Sector, string Region, string[] Departments, string[][] Teams);

    private static readonly string[] ZorgDepartments = ["Wonen", "Ondersteuning"];
    private static readonly string[][] ZorgTeams = [["Team Oost", "Team West"], ["Facilitair"]];

    /// <summary>The organisations; the first seven share a sector and a region.</summary>
    private static readonly DemoOrg[] Orgs =
    [
        new("Zorggroep De Linde (demo)", "zorg-welzijn", "gelderland", ZorgDepartments, ZorgTeams),
        new("Thuiszorg Rivierenland (demo)", "zorg-welzijn", "gelderland", ["Wijkteams", "Planning"], [["Wijk Noord", "Wijk Zuid"], ["Roosterbureau"]]),
        new("Woonzorg Veluwe (demo)", "zorg-welzijn", "gelderland", ZorgDepartments, ZorgTeams),
        new("Revalidatie Achterhoek (demo)", "zorg-welzijn", "gelderland", ["Kliniek", "Poli"], [["Afdeling 1", "Afdeling 2"], ["Therapie"]]),
        new("Jeugdzorg Betuwe (demo)", "zorg-welzijn", "gelderland", ["Ambulant", "Verblijf"], [["Team Tiel", "Team Culemborg"], ["Groep De Boog"]]),
        new("Huisartsenpost Arnhem (demo)", "zorg-welzijn", "gelderland", ["Triage", "Spreekuur"], [["Dag", "Nacht"], ["Assistentes"]]),
        new("Gehandicaptenzorg Liemers (demo)", "zorg-welzijn", "gelderland", ZorgDepartments, ZorgTeams),
        new("Techniekbedrijf Brabantse Wal (demo)", "techniek-industrie", "noord-brabant", ["Productie", "Engineering"], [["Ploeg A", "Ploeg B"], ["Tekenkamer"]]),
        new("Scholengroep Eemland (demo)", "onderwijs", "utrecht", ["Onderbouw", "Bovenbouw"], [["Havo", "Vwo"], ["Examenklassen"]]),
        new("Bouwbedrijf Twentekanaal (demo)", "bouw-installatie", "overijssel", ["Uitvoering", "Werkvoorbereiding"], [["Woningbouw", "Utiliteit"], ["Calculatie"]]),
    ];

    public const string CoachEmail = "begeleider@demo.klimrek.invalid";

    public static async Task<Result> SeedAsync(IServiceProvider sp, string? hrEmail, string? password, int seed, CancellationToken ct)
    {
        var db = sp.GetRequiredService<KlimrekDbContext>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var instrument = await sp.GetRequiredService<InstrumentService>().CurrentAsync(ct);
        var coachId = await AccountAsync(sp, CoachEmail, "Bram Hendriks (demo, begeleider)", null, Roles.Begeleider, now);
        string? hrId = hrEmail is null ? null : await AccountAsync(sp, hrEmail, "Ilse de Wit (demo, HR)", password, Roles.Deelnemer, now);

        int created = 0, responses = 0, firstId = 0, routeId = 0;
        for (int i = 0; i < Orgs.Length; i++)
        {
            var o = Orgs[i];
            var existing = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(x => x.Name == o.Name && x.IsDemo, ct);
            int id = existing?.Id ?? await db.InTransactionAsync(async t =>
            {
                var rng = new Random(seed * 1000 + i);
                var (orgId, n) = await OrganisationAsync(db, o, instrument, rng, trend: i == 0, now, t);
                responses += n;
                return orgId;
            }, ct);
            if (existing is null) created++;
            db.ChangeTracker.Clear();
            if (i == 0)
            {
                firstId = id;
                routeId = await RouteAsync(db, id, coachId, now, ct);
                if (hrId is not null && !await db.OrganisationMembers.AnyAsync(m => m.OrganisationId == id && m.UserId == hrId && m.Role == OrganisationRole.Hr, ct))
                {
                    db.OrganisationMembers.Add(new OrganisationMember { OrganisationId = id, UserId = hrId, Role = OrganisationRole.Hr, CreatedAt = now });
                    await db.SaveChangesAsync(ct);
                }
            }
        }
        return new Result(Orgs.Length, created, responses, firstId, routeId);
    }

    /// <summary>An account by address: the existing one, or a new one (with the password when given; otherwise it cannot sign in).</summary>
    private static async Task<string> AccountAsync(IServiceProvider sp, string email, string name, string? password, string role, DateTime now)
    {
        var users = sp.GetRequiredService<UserManager<KlimrekUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is not null) return user.Id;
        if (password is not null)
        {
            var errors = await sp.GetRequiredService<AccountSetup>().CreateUserAsync(email, password, name, [role]);
            if (errors.Count > 0) throw new InvalidOperationException(string.Join("; ", errors));
            user = (await users.FindByEmailAsync(email))!;
        }
        else
        {
            user = new KlimrekUser { UserName = email, Email = email, DisplayName = name, CreatedAt = now, LockoutEnabled = true, LockoutEnd = DateTimeOffset.MaxValue };
            var result = await users.CreateAsync(user);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
        }
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        return user.Id;
    }

    private static async Task<(int Id, int Responses)> OrganisationAsync(KlimrekDbContext db, DemoOrg o, ScanInstrument instrument, Random rng, bool trend, DateTime now,
        CancellationToken ct)
    {
        var org = new Organisation { Name = o.Name, Kind = OrganisationKind.Werkgever, Sector = o.Sector, Region = o.Region, IsDemo = true, CreatedAt = now };
        db.Organisations.Add(org);
        await db.SaveChangesAsync(ct);
        var teams = new List<OrgUnit>();
        for (int d = 0; d < o.Departments.Length; d++)
        {
            var department = new OrgUnit { OrganisationId = org.Id, Name = o.Departments[d], CreatedAt = now };
            db.OrgUnits.Add(department);
            await db.SaveChangesAsync(ct);
            foreach (var t in o.Teams[d])
                teams.Add(new OrgUnit { OrganisationId = org.Id, ParentId = department.Id, Name = t, CreatedAt = now });
        }
        db.OrgUnits.AddRange(teams);
        await db.SaveChangesAsync(ct);

        // The organisation's profile: a mean per block between 2.6 and 4.2; the later round a little better on most blocks.
        var profile = Enumerable.Range(1, 6).ToDictionary(b => b, _ => 2.6 + rng.NextDouble() * 1.6);
        var today = DutchTime.Today(now);
        int n = 0;
        if (trend)
        {
            n += await RoundAsync(db, org.Id, instrument, teams, "Leercultuurscan vorig jaar (demo)", today.AddDays(-200), profile, rng, now, ct);
            profile = profile.ToDictionary(kv => kv.Key, kv => Math.Min(4.6, kv.Value + 0.1 + rng.NextDouble() * 0.4));
            n += await RoundAsync(db, org.Id, instrument, teams, "Leercultuurscan dit jaar (demo)", today.AddDays(-40), profile, rng, now, ct);
        }
        else
        {
            n += await RoundAsync(db, org.Id, instrument, teams, "Leercultuurscan (demo)", today.AddDays(-30 - rng.Next(60)), profile, rng, now, ct);
        }
        return (org.Id, n);
    }

    /// <summary>A closed round with 12–60 answers: statements around the block's mean with a personal lean, some "weet ik niet", some left open.</summary>
    private static async Task<int> RoundAsync(KlimrekDbContext db, int organisationId, ScanInstrument instrument, List<OrgUnit> teams, string title, DateOnly opens,
        Dictionary<int, double> profile, Random rng, DateTime now, CancellationToken ct)
    {
        var round = new DataScanRound
        {
            OrganisationId = organisationId, InstrumentId = instrument.Id, Title = title, OpensOn = opens, ClosesOn = opens.AddDays(21), IsDemo = true,
            CreatedAt = now, Units = teams.Select(t => new ScanRoundUnit { UnitId = t.Id }).ToList(),
        };
        db.ScanRounds.Add(round);
        await db.SaveChangesAsync(ct);
        var statements = instrument.Items.Where(i => i.Kind == ScanItemKind.Stelling).ToList();
        var onderstroom = instrument.Items.Where(i => i.Kind == ScanItemKind.Onderstroom).ToList();
        var open = instrument.Items.Where(i => i.Kind == ScanItemKind.Open).ToList();
        int count = rng.Next(12, 61);
        for (int r = 0; r < count; r++)
            db.ScanResponses.Add(Response(round, teams[rng.Next(teams.Count)].Id, statements, onderstroom, open, profile, rng));
        await db.SaveChangesAsync(ct);
        return count;
    }

    /// <summary>What demo respondents write to the open question of each block (one in four writes something).</summary>
    private static readonly Dictionary<int, string[]> OpenTexts = new()
    {
        [1] = ["Helpt: wisselende cliënten en steeds andere vragen. Hindert: veel vaste routines.", "Ik leer het meest als ik iets nieuws mag oppakken.", "Soms is het werk zo druk dat er geen ruimte is om na te denken."],
        [2] = ["Fouten melden voelt nog als iemand aanwijzen.", "Mijn teamleider vraagt wat we ervan leren, dat helpt.", "Nieuwe dingen proberen kan, als het niet te veel tijd kost."],
        [3] = ["We leren veel van elkaar in de overdracht.", "Meer tijd om bij collega's mee te kijken zou helpen.", "Het team is hecht, maar nieuwe collega's vinden moeilijk aansluiting."],
        [4] = ["Mijn leidinggevende vraagt in elk gesprek waar ik aan wil werken.", "Leidinggevenden hebben het zelf te druk om ontwikkeling te volgen.", "Ik zou graag vaker feedback krijgen, niet alleen in het jaargesprek."],
        [5] = ["Het scholingsbudget is er, maar het rooster laat geen tijd over.", "Afspraken over leertijd staan op papier, niet in de praktijk.", "Het ontwikkelgesprek is goed geregeld."],
        [6] = ["We kijken weinig bij andere organisaties hoe zij het doen.", "Stagiairs brengen nieuwe kennis mee, daar doen we te weinig mee.", "Contact met de opleiding helpt om bij te blijven."],
    };

    private static ScanResponse Response(DataScanRound round, int unitId, List<DataScanItem> statements, List<DataScanItem> onderstroom, List<DataScanItem> open,
        Dictionary<int, double> profile, Random rng)
    {
        var response = new ScanResponse { Id = Guid.NewGuid(), RoundId = round.Id, UnitId = unitId, SubmittedOn = round.OpensOn.AddDays(rng.Next(21)) };
        double lean = Normal(rng) * 0.45;
        foreach (var item in statements)
        {
            double u = rng.NextDouble();
            if (u < 0.03) continue; // left open
            byte? value = u < 0.08 ? null : (byte)Math.Clamp((int)Math.Round(profile[item.Block] + lean + Normal(rng) * 0.7), 1, 5);
            response.Answers.Add(new ScanAnswer { ItemId = item.Id, Value = value });
        }
        response.Values = ScanValues.Of(statements, response.Answers);
        foreach (var block in statements.GroupBy(s => s.Block))
        {
            var ids = block.Select(s => s.Id).ToHashSet();
            var given = response.Answers.Where(a => ids.Contains(a.ItemId) && a.Value is not null).Select(a => (double)a.Value!.Value).ToList();
            if (ScanStatistics.CountsForBlock(given.Count, ids.Count))
                response.BlockScores.Add(new ScanBlockScore { RoundId = round.Id, Block = block.Key, Score = given.Average() });
        }
        foreach (var item in open)
            if (rng.NextDouble() < 0.25 && OpenTexts.TryGetValue(item.Block, out var texts))
                response.OpenAnswers.Add(new ScanOpenAnswer { ItemId = item.Id, Text = texts[rng.Next(texts.Length)] });
        foreach (var item in onderstroom)
        {
            var options = InstrumentService.OptionsOf(item);
            int picks = item.MultipleChoice ? 1 + rng.Next(Math.Min(3, options.Count)) : 1;
            foreach (var option in options.OrderBy(_ => rng.Next()).Take(picks))
                response.Choices.Add(new ScanChoice { ItemId = item.Id, Option = option.Key });
        }
        return response;
    }

    private static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    /// <summary>The first organisation's route in "samen doen", the first scan linked, with hours in every phase so far (once).</summary>
    private static async Task<int> RouteAsync(KlimrekDbContext db, int organisationId, string coachId, DateTime now, CancellationToken ct)
    {
        var existing = await db.CoachingRoutes.Where(r => r.OrganisationId == organisationId).Select(r => r.Id).FirstOrDefaultAsync(ct);
        if (existing != 0) return existing;
        var today = DutchTime.Today(now);
        var first = await db.ScanRounds.Where(r => r.OrganisationId == organisationId).OrderBy(r => r.OpensOn).Select(r => r.Id).FirstAsync(ct);
        var route = new CoachingRoute
        {
            OrganisationId = organisationId, CoachId = coachId, StartsOn = today.AddDays(-240), Phase = CoachingPhase.SamenDoen, FirstRoundId = first,
            Intake = "Kennismaking met directie, HR en twee teamleiders. Wens: leren van incidenten in plaats van alleen melden; teams ervaren weinig tijd om te leren.",
            Plan = "1. Scan in alle teams.\n2. Voordoen: de begeleider leidt drie leerbijeenkomsten over een echte casus.\n3. Samen doen: teamleiders leiden, de begeleider ondersteunt.\n"
                + "4. Overdragen: de teams plannen zelf.\n5. Tweede scan na een jaar.",
            CreatedAt = now, UpdatedAt = now,
        };
        (CoachingPhase Phase, int Day, double Hours, string Note)[] logs =
        [
            (CoachingPhase.Intake, -238, 3, "Intakegesprek met directie en HR"),
            (CoachingPhase.Intake, -230, 2.5, "Gesprekken met twee teamleiders"),
            (CoachingPhase.PlanVanAanpak, -220, 4, "Plan van aanpak geschreven en besproken met de stuurgroep"),
            (CoachingPhase.Scan, -200, 2, "Scan uitgezet, uitleg in het werkoverleg"),
            (CoachingPhase.Scan, -170, 3, "Uitkomsten besproken met de stuurgroep"),
            (CoachingPhase.Voordoen, -150, 6, "Eerste leerbijeenkomst over een valincident"),
            (CoachingPhase.Voordoen, -120, 6, "Tweede leerbijeenkomst, met de teamleiders als co-begeleider"),
            (CoachingPhase.Voordoen, -90, 5, "Derde leerbijeenkomst en evaluatie"),
            (CoachingPhase.SamenDoen, -60, 4, "Teamleider leidt, begeleider geeft feedback"),
            (CoachingPhase.SamenDoen, -30, 4, "Intervisie voor teamleiders"),
            (CoachingPhase.SamenDoen, -10, 3.5, "Werksessie: leertijd in het rooster"),
        ];
        foreach (var (phase, day, hours, note) in logs)
            route.Logs.Add(new CoachingLog { Phase = phase, Date = today.AddDays(day), Hours = hours, Note = note, CoachId = coachId, CreatedAt = now });
        db.CoachingRoutes.Add(route);
        await db.SaveChangesAsync(ct);
        return route.Id;
    }
}
