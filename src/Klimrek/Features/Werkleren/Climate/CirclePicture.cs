using Klimrek.Data;
using System.Globalization;

namespace Klimrek.Features.Werkleren.Climate;

/// <summary>
/// The picture of a circle: the person in the middle, the members around them grouped by their (first) role, each
/// ring as thick as the share of signals they answered over the last 90 days. Coordinates in a 400 × 400 view box.
/// </summary>
public static class CirclePicture
{
    public const int Size = 400, Centre = 200, Orbit = 135, NodeRadius = 28, MeRadius = 40;

    public sealed record Node(CircleMember Member, string X, string Y, string LabelY, string Initials, string RoleClass, string RingWidth, bool NoSignals, string ShortName);

    public static string RoleClass(CircleRoles primary) => primary switch
    {
        CircleRoles.DenktMee => "role-denkt",
        CircleRoles.DoetMee => "role-doet",
        CircleRoles.MoedigtAan => "role-moedigt",
        _ => "role-none",
    };

    public static List<Node> Layout(IReadOnlyList<CircleMember> members, IReadOnlyDictionary<int, Responsiveness> responsiveness)
    {
        var ordered = members.OrderBy(m => Array.IndexOf(ClimateService.RoleOrder, ClimateService.PrimaryRole(m.Roles)))
            .ThenBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        var nodes = new List<Node>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var m = ordered[i];
            var angle = -Math.PI / 2 + 2 * Math.PI * i / ordered.Count;
            var (x, y) = (Centre + Orbit * Math.Cos(angle), Centre + Orbit * Math.Sin(angle));
            var share = responsiveness.GetValueOrDefault(m.Id, Responsiveness.None).Share;
            nodes.Add(new Node(m, F(x), F(y), F(y + NodeRadius + 15), Initials(m.Name), RoleClass(ClimateService.PrimaryRole(m.Roles)),
                F(share is double s ? 2 + 7 * s : 1.5), share is null, m.Name.Length <= 14 ? m.Name : m.Name[..13] + "…"));
        }
        return nodes;
    }

    /// <summary>
    /// The picture's view box: the full width, and only the height the nodes use (one or two people sit above "you",
    /// so a square box would leave an empty band below on a narrow screen).
    /// </summary>
    public static string ViewBox(IReadOnlyList<Node> nodes)
    {
        const double margin = 12;
        double top = Centre - MeRadius - margin, bottom = Centre + MeRadius + margin;
        foreach (var n in nodes)
        {
            var y = double.Parse(n.Y, CultureInfo.InvariantCulture);
            top = Math.Min(top, y - NodeRadius - margin);
            bottom = Math.Max(bottom, double.Parse(n.LabelY, CultureInfo.InvariantCulture) + margin);
        }
        top = Math.Max(0, top);
        bottom = Math.Min(Size, bottom);
        return $"0 {F(top)} {Size} {F(bottom - top)}";
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Initials(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length switch
        {
            0 => "?",
            1 => words[0][..1].ToUpperInvariant(),
            _ => (words[0][..1] + words[^1][..1]).ToUpperInvariant(),
        };
    }
}
