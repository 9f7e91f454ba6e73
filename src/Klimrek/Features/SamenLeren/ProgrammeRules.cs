using Klimrek.Data;
using Klimrek.Infrastructure.Errors;
using System.Globalization;

namespace Klimrek.Features.SamenLeren;

/// <summary>Samen leren's way of refusing input: field messages under a title that says what was not saved.</summary>
public static class Refuse
{
    /// <summary>Throws a 400 <see cref="ProblemException"/> titled <paramref name="title"/> when <paramref name="errors"/> holds any message.</summary>
    public static void IfAny(ValidationErrors errors, string title)
    {
        if (errors.Count > 0) throw new ProblemException(400, new Message(title), errors.ToDictionary());
    }

    public const string StewardsOnly = "Dit mag alleen de stuurgroep van dit programma.";
}

/// <summary>Free-text answers: required ones must be filled, none longer than <see cref="Max"/>.</summary>
public static class Texts
{
    public const int Max = 8000;

    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static void Check(ValidationErrors errors, params (string? Value, string Field, string What, bool Required)[] texts)
    {
        foreach (var (v, field, what, required) in texts)
        {
            if (required && string.IsNullOrWhiteSpace(v)) errors.Add(field, "'" + what + "' is nodig.");
            else if ((v?.Length ?? 0) > Max) errors.Add(field, "'" + what + "': hoogstens {0} tekens.", Max);
        }
    }
}

/// <summary>Tags for success and failure factors (the seed's findings), used on reflections, intervision and evaluations.</summary>
public static class FactorTags
{
    public static readonly (string Key, string Label, bool Success)[] All =
    [
        ("gelijkwaardigheid", "Gelijkwaardige partners", true),
        ("externe-expert", "Externe deskundige", true),
        ("verschillende-achtergronden", "Verschillende achtergronden", true),
        ("intervisie", "Intervisie", true),
        ("coaching", "Coachende monitoring", true),
        ("autonomie", "Eigen regie over budget en aanpak", true),
        ("concreet-product", "Een concreet product", true),
        ("te-weinig-tijd", "Te weinig ingeroosterde tijd", false),
        ("lange-pauzes", "Lange tijd tussen afspraken", false),
        ("onduidelijk-doel", "Onduidelijk doel", false),
        ("ongelijke-inzet", "Ongelijke inzet", false),
        ("weinig-steun", "Weinig steun van de organisatie", false),
    ];

    public static bool IsKnown(string key) => All.Any(t => t.Key == key);
    public static string LabelOf(string key) => All.FirstOrDefault(t => t.Key == key).Label ?? key;

    /// <summary>The tags as stored (one per line), or null; an unknown tag is reported under <c>tags</c>.</summary>
    public static string? Join(IEnumerable<string>? keys, ValidationErrors errors)
    {
        var list = (keys ?? []).Select(k => k.Trim()).Where(k => k.Length > 0).Distinct().ToList();
        var unknown = list.FirstOrDefault(k => !IsKnown(k));
        if (unknown is not null) errors.Add("tags", "Onbekende factor: {0}.", unknown);
        return list.Count == 0 || unknown is not null ? null : string.Join('\n', list);
    }

    public static string[] Split(string? stored) => string.IsNullOrEmpty(stored) ? [] : stored.Split('\n');
}

/// <summary>Weekly availability as half-day slots (bit day*2+part).</summary>
public static class Slots
{
    public static readonly string[] Days = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"];
    public static readonly string[] Parts = ["ochtend", "middag"];
    public const int All = (1 << 10) - 1;

    public static string Key(int bit) => $"{Days[bit / 2]}-{Parts[bit % 2]}";

    /// <summary>A half-day key ("dinsdag-middag") as words in the reader's language ("Tuesday afternoon").</summary>
    public static string Label(string key, Microsoft.Extensions.Localization.IStringLocalizer l)
    {
        var parts = key.Split('-');
        return parts.Length == 2 && Days.Contains(parts[0]) && Parts.Contains(parts[1]) ? l["{0}{1}", l[parts[0]].Value, l[parts[1]].Value].Value : key; // "dinsdagmiddag" / "Tuesday afternoon"
    }

    public static IEnumerable<int> Bits(int mask)
    {
        for (int b = 0; b < 10; b++)
            if ((mask & (1 << b)) != 0) yield return b;
    }

    /// <summary>The half-day keys as a bit mask; an unknown key is reported under <c>availability</c>.</summary>
    public static int Parse(IEnumerable<string>? keys, ValidationErrors errors)
    {
        int mask = 0;
        foreach (var k in keys ?? [])
        {
            int bit = Array.FindIndex(Enumerable.Range(0, 10).Select(Key).ToArray(), x => string.Equals(x, k.Trim(), StringComparison.OrdinalIgnoreCase));
            if (bit < 0) errors.Add("availability", "Onbekend dagdeel: {0} (gebruik bijvoorbeeld dinsdag-middag).", k);
            else mask |= 1 << bit;
        }
        return mask;
    }
}
