using Klimrek.Data;
using CoreScan = Klimrek.Core.Leercultuur;

namespace Klimrek.Features.Leercultuur.Results;

/// <summary>
/// The part of an organisation's unit tree a round covers — its units, the units responses name, and their ancestors —
/// under one root (id 0: the organisation as a whole, with the responses that name no unit), and the k ≥ 5 decision
/// (<see cref="CoreScan.UnitDisclosure"/>) on it: which units are shown and where the others' respondents are counted.
/// </summary>
public sealed class UnitTree
{
    private readonly Dictionary<int, (int? Parent, string Name)> _units;
    private readonly Dictionary<int, CoreScan.UnitDisclosureEntry> _decision;

    private UnitTree(Dictionary<int, (int? Parent, string Name)> units, CoreScan.DisclosureResult decision)
    {
        _units = units;
        _decision = decision.Units.ToDictionary(u => u.Id);
    }

    /// <summary>The tree of <paramref name="round"/> among the organisation's units <paramref name="all"/>, with each response's unit.</summary>
    public static UnitTree For(Dictionary<int, (int? ParentId, string Name)> all, ScanRound round, int?[] unitOf)
    {
        var direct = new Dictionary<int, int>();
        foreach (var u in unitOf)
        {
            int id = u is { } x && all.ContainsKey(x) ? x : 0;
            direct[id] = direct.GetValueOrDefault(id) + 1;
        }
        var included = new Dictionary<int, (int? Parent, string Name)>();
        foreach (var start in round.Units.Select(u => u.UnitId).Concat(direct.Keys))
            for (int? id = start; id is { } x && x != 0 && all.TryGetValue(x, out var unit) && !included.ContainsKey(x); id = unit.ParentId)
                included[x] = (unit.ParentId is { } p && all.ContainsKey(p) ? p : 0, unit.Name);
        var input = new List<CoreScan.DisclosureUnit> { new(0, null, direct.GetValueOrDefault(0)) };
        input.AddRange(included.Select(kv => new CoreScan.DisclosureUnit(kv.Key, kv.Value.Parent, direct.GetValueOrDefault(kv.Key))));
        return new UnitTree(included, CoreScan.UnitDisclosure.Decide(input, ScanNames.MinGroup));
    }

    /// <summary>The units shown on their own, in tree order (parents before children, then by name).</summary>
    public List<(int Id, string Name)> Shown => Ordered().Where(id => _decision[id].Visibility == CoreScan.UnitVisibility.Shown).Select(id => (id, _units[id].Name)).ToList();

    /// <summary>A unit and all units below it (the group its results describe).</summary>
    public HashSet<int> Members(int unitId)
    {
        var set = new HashSet<int> { unitId };
        bool grown = true;
        while (grown)
        {
            grown = false;
            foreach (var (id, u) in _units)
                if (u.Parent is { } p && set.Contains(p) && set.Add(id)) grown = true;
        }
        return set;
    }

    /// <summary>The units not shown whose respondents are counted in this group (null: the whole round, the root).</summary>
    public List<string> CountedIn(int? unitId) =>
        Ordered().Where(id => _decision[id].Visibility != CoreScan.UnitVisibility.Shown && _decision[id].CountedIn == (unitId ?? 0)).Select(id => _units[id].Name).ToList();

    /// <summary>Every unit: shown, or the group it is counted in (no counts for units not shown).</summary>
    public List<UnitPlacement> Placement(string wholeOrganisation) =>
        Ordered().Select(id => _decision[id] is var d && d.Visibility == CoreScan.UnitVisibility.Shown
            ? new UnitPlacement(id, _units[id].Name, true, _units[id].Name)
            : new UnitPlacement(id, _units[id].Name, false, d.CountedIn is { } c && c != 0 ? _units[c].Name : wholeOrganisation)).ToList();

    private List<int> Ordered()
    {
        var result = new List<int>();
        void Visit(int parent)
        {
            foreach (var (id, _) in _units.Where(u => u.Value.Parent == parent).OrderBy(u => u.Value.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(u => u.Key))
            {
                result.Add(id);
                Visit(id);
            }
        }
        Visit(0);
        return result;
    }
}
