using Klimrek.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Data;

/// <summary>
/// A record people edit in a form or through the API (a plan, an intake, a programme's settings, a profile item): its
/// <see cref="Version"/> rises with each save and is checked on save (optimistic concurrency), so that of two people
/// editing the same version, the second is told instead of silently overwriting the first.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}

public static class Versions
{
    /// <summary>What a refused save says (pages and API).</summary>
    public const string ConflictMessage = "Iemand anders heeft dit intussen gewijzigd. Bekijk de nieuwe versie hieronder; je eigen invoer staat er nog.";

    /// <summary>
    /// Prepares a versioned save: refuses with 409 when the editor started from another version than the stored one,
    /// and makes the database check it again at the moment of writing (the UPDATE only applies to the version read), so
    /// two saves racing from the same version cannot both win. <paramref name="baseVersion"/> null: the caller sent
    /// none (an API client that does not use versions); the save is then checked against the version just read.
    /// </summary>
    public static void Expect<T>(DbContext db, T entity, int? baseVersion) where T : class, IVersioned
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entity);
        int read = entity.Version;
        if (baseVersion is int v && v != read) throw Conflict(read);
        var entry = db.Entry(entity);
        if (entry.State != EntityState.Added)
            entry.Property(e => e.Version).OriginalValue = read;
        entity.Version = read + 1;
    }

    /// <summary>Saves; a lost race on a versioned record becomes the same 409 as a stale version.</summary>
    public static async Task SaveAsync(DbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException e)
        {
            foreach (var entry in e.Entries) await entry.ReloadAsync(ct);
            var current = e.Entries.Select(x => x.Entity).OfType<IVersioned>().FirstOrDefault()?.Version;
            throw Conflict(current);
        }
    }

    private static ProblemException Conflict(int? current) => new(409, new Message(ConflictMessage),
        current is int c ? new Dictionary<string, IReadOnlyList<Message>> { ["version"] = [new Message("De nieuwste versie is {0}.", c)] } : null);

    /// <summary>The version an API client edited, from an <c>If-Match</c> header (<c>"3"</c> or <c>W/"3"</c>); null when absent.</summary>
    public static int? FromIfMatch(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var value = http.Request.Headers.IfMatch.ToString().Trim();
        if (value.Length == 0 || value == "*") return null;
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        return int.TryParse(value.Trim('"'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v
            : throw ProblemException.Field("If-Match", "If-Match moet een versienummer zijn, zoals \"3\".");
    }

    /// <summary>Sets the <c>ETag</c> of a versioned record on the response (a client sends it back in <c>If-Match</c>).</summary>
    public static void SetETag(HttpContext http, IVersioned record)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(record);
        http.Response.Headers.ETag = $"\"{record.Version}\"";
    }
}
