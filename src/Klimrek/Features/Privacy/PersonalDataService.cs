using Klimrek.Data;
using Klimrek.Infrastructure.Errors;
using Klimrek.Infrastructure.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Klimrek.Features.Privacy;

/// <summary>
/// A person's own data: everything Klimrek holds about them as one ZIP (a JSON file per capability, the access log,
/// a short explanation), and erasing their account. Both run every registered <see cref="IPersonalDataPart"/>.
/// </summary>
public sealed class PersonalDataService(
    KlimrekDbContext db, IEnumerable<IPersonalDataPart> parts, UserManager<KlimrekUser> users, AccessLog log, TimeProvider clock,
    Accounts.SessionRevocation sessions, ILogger<PersonalDataService> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // readable Dutch in the files; they are downloads, never HTML
        Converters = { new JsonStringEnumConverter() },
    };

    public IReadOnlyList<string> Areas => [.. parts.Select(p => p.Area).Order(StringComparer.Ordinal)];

    /// <summary>The ZIP: <c>{area}.json</c> per capability, <c>access-log.json</c>, <c>LEESMIJ.txt</c>.</summary>
    public async Task<byte[]> ExportAsync(string userId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId) ?? throw ProblemException.NotFound();
        var subject = new DataSubject(user.Id, user.Id);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var part in parts.OrderBy(p => p.Area, StringComparer.Ordinal))
            {
                var data = await part.ExportAsync(subject, ct);
                if (data is not null) await WriteAsync(zip, part.Area + ".json", JsonSerializer.SerializeToUtf8Bytes(data, Json), ct);
            }
            var entries = await log.OfAsync(user.Id, int.MaxValue, ct);
            await WriteAsync(zip, "access-log.json", JsonSerializer.SerializeToUtf8Bytes(
                entries.Select(e => new { e.At, who = e.ActorName, what = e.Kind, e.Detail }), Json), ct);
            await WriteAsync(zip, "LEESMIJ.txt", Encoding.UTF8.GetBytes(Readme(user, clock.GetUtcNow())), ct);
        }
        return buffer.ToArray();
    }

    private static async Task WriteAsync(ZipArchive zip, string name, byte[] bytes, CancellationToken ct)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var s = await entry.OpenAsync(ct);
        await s.WriteAsync(bytes, ct);
    }

    private static string Readme(KlimrekUser user, DateTimeOffset now) => $"""
        Klimrek — je gegevens / your data
        {user.Email} · {now:yyyy-MM-dd HH:mm} UTC

        NL: Dit zijn alle gegevens die Klimrek over je bewaart, per onderdeel één JSON-bestand. access-log.json zegt wie
        er iets van heeft bekeken of gewijzigd. Je skills-profiel staat ook in het open formaat dat je weer kunt importeren.
        EN: This is all the data Klimrek keeps about you, one JSON file per part. access-log.json says who viewed or
        changed any of it. Your skills profile is also in the open format you can import again.

        """;

    /// <summary>
    /// Erases the account in one transaction: every capability deletes the person's own records and gives their place in
    /// shared ones to a stand-in without personal data; the access log about them goes, their name in others' logs is
    /// replaced; then the account itself is deleted (and with it every session, as the sign-in no longer finds it).
    /// </summary>
    public async Task EraseAsync(string userId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await db.InTransactionAsync(async t =>
        {
            var user = await users.FindByIdAsync(userId) ?? throw ProblemException.NotFound();
            var standIn = ErasedPerson.NewStandIn(clock.GetUtcNow().UtcDateTime);
            var created = await users.CreateAsync(standIn);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Code)));
            var subject = new DataSubject(user.Id, standIn.Id);
            foreach (var part in parts)
                await part.EraseAsync(subject, t);
            // The one exception to the append-only log: the person's own entries go with them.
            await db.AccessLog.Where(e => e.SubjectId == user.Id).ExecuteDeleteAsync(t);
            await db.AccessLog.Where(e => e.ActorId == user.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.ActorId, (string?)null).SetProperty(e => e.ActorName, ErasedPerson.DisplayName), t);
            await sessions.RevokeAsync(user); // this instance refuses the account's cookies at once
            var deleted = await users.DeleteAsync(user);
            if (!deleted.Succeeded) throw new InvalidOperationException(string.Join("; ", deleted.Errors.Select(e => e.Code)));
        }, ct);
        db.ChangeTracker.Clear();
        logger.LogInformation("Account {User} erased", userId);
    }
}
