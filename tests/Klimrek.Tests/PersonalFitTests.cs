using Klimrek.Features.Career;
using Klimrek.Features.Werkleren;

namespace Klimrek.Tests;

/// <summary>
/// The personal fit that orders a person's steps (computed for every occupation, without reasons) against the rule
/// docs/transitions.md states, written out here on its own: 60 % skills and 40 % the mean of the interest score and
/// the weighted driver score, where the person has them.
/// </summary>
public class PersonalFitTests
{
    private static readonly string[] SectorNames = ["zorg", "bouw", "ict", "onderwijs"];
    private static readonly string[] DriverKeys = [Drivers.Ontwikkeling, Drivers.Verbondenheid, Drivers.Kwaliteit, Drivers.Erkenning, Drivers.Eigen];

    private static double Rule(double skills, string? target, TransitionSource source)
    {
        var parts = new List<double>();
        if (source.InterestSectors.Count > 0) parts.Add(target is not null && source.InterestSectors.Contains(target) ? 1 : 0);
        double sum = 0, weight = 0;
        foreach (var d in source.Drivers)
        {
            double score;
            if (d.Key == Drivers.Ontwikkeling) score = skills >= 0.35 && skills <= 0.8 ? 1 : 0.5;
            else if (d.Key == Drivers.Verbondenheid) score = target is not null && source.HeldSectors.Contains(target) ? 1 : 0;
            else if (d.Key == Drivers.Erkenning) score = skills;
            else continue; // quality of the work and the person's own words say nothing about a step
            sum += score * d.Weight;
            weight += d.Weight;
        }
        if (weight > 0) parts.Add(sum / weight);
        return parts.Count == 0 ? skills : 0.6 * skills + 0.4 * parts.Average();
    }

    [Fact]
    public void The_ranking_total_follows_the_documented_rule_and_equals_the_shown_total()
    {
        var rnd = new Random(11);
        for (int instance = 0; instance < 2000; instance++)
        {
            var held = SectorNames.Where(_ => rnd.Next(3) == 0).ToHashSet();
            var interests = SectorNames.Where(_ => rnd.Next(3) == 0).ToList();
            var drivers = DriverKeys.Where(_ => rnd.Next(2) == 0).Select(k => new DriverWeight(k, rnd.Next(1, 6))).ToList();
            var source = new TransitionSource(null, [], "", held, interests, drivers, null, 0);
            var skills = rnd.Next(5) == 0 ? new[] { 0.35, 0.8, 0.0, 1.0 }[rnd.Next(4)] : rnd.NextDouble();
            var target = rnd.Next(5) == 0 ? null : SectorNames[rnd.Next(SectorNames.Length)];

            var total = TransitionService.PersonalTotal(skills, target, source);
            Assert.Equal(Rule(skills, target, source), total, 12);
            var shown = TransitionService.Personal(skills, target, source, null);
            Assert.Equal(Math.Round(total, 4), shown.Total);
            Assert.Empty(shown.Reasons);
        }
    }
}
