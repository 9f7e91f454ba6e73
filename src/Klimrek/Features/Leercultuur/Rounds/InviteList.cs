using Klimrek.Infrastructure.Errors;
using Klimrek.Infrastructure.Text;

namespace Klimrek.Features.Leercultuur.Rounds;

/// <summary>Turns what HR pastes or uploads into addresses with their unit.</summary>
public static class InviteList
{
    /// <summary>One address per line (also separated by commas or semicolons) for one unit.</summary>
    public static IEnumerable<Invitee> Pasted(string? text, int unitId) =>
        (text ?? "").Split(['\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(e => new Invitee(e, unitId));

    /// <summary>
    /// A CSV file of <c>email;unit</c> rows (a comma works as separator too), the unit by its name or id among the
    /// round's units; a first row <c>email;…</c> is a header and skipped. A row whose unit is unknown keeps a null
    /// unit and is refused per address by the invite.
    /// </summary>
    public static List<Invitee> Csv(byte[] data, IReadOnlyDictionary<string, int> unitsByName)
    {
        if (StrictUtf8.FirstInvalid(data) >= 0) throw ProblemException.Field("file", "Het bestand is geen UTF-8-tekst. Sla het op als CSV (UTF-8).");
        var span = StrictUtf8.WithoutBom(data);
        var firstLine = span[..(span.IndexOf((byte)'\n') is >= 0 and var n ? n : span.Length)];
        var csv = new CsvRecords(data, firstLine.Count((byte)';') >= firstLine.Count((byte)',') ? (byte)';' : (byte)',');
        var result = new List<Invitee>();
        while (csv.MoveNext())
        {
            if (csv.IsBlank) continue;
            var email = csv[0].Trim();
            var unit = csv.Count > 1 ? csv[1].Trim() : "";
            if (result.Count == 0 && csv.Line == 1 && email.Equals("email", StringComparison.OrdinalIgnoreCase)) continue;
            int? id = unitsByName.TryGetValue(unit, out var byName) ? byName
                : int.TryParse(unit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var byId) && unitsByName.Values.Contains(byId) ? byId : null;
            result.Add(new Invitee(email, id));
        }
        if (csv.UnclosedQuoteLine > 0) throw ProblemException.Field("file", "Een aanhalingsteken op regel {0} wordt niet gesloten.", csv.UnclosedQuoteLine);
        return result;
    }
}
