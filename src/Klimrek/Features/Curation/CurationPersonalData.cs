using Klimrek.Data;
using Klimrek.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Curation;

/// <summary>
/// Revisions of beroepsbeelden the person wrote. They are public contributions: the text stays (others built on it),
/// the author's name goes.
/// </summary>
internal sealed class CurationPersonalData(KlimrekDbContext db) : IPersonalDataPart
{
    public string Area => "beroepsbeelden";

    public async Task<object?> ExportAsync(DataSubject subject, CancellationToken ct)
    {
        var revisions = await db.ImageRevisions.AsNoTracking().Where(r => r.AuthorId == subject.UserId).OrderBy(r => r.Id)
            .Select(r => new { r.OccupationId, r.Section, r.Version, r.CreatedAt, r.AuthorName, r.Origin, r.Note, r.Content }).ToListAsync(ct);
        return revisions.Count == 0 ? null : new { revisions };
    }

    public Task EraseAsync(DataSubject subject, CancellationToken ct) =>
        db.ImageRevisions.Where(r => r.AuthorId == subject.UserId)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.AuthorId, (string?)null).SetProperty(r => r.AuthorName, ErasedPerson.DisplayName), ct);
}
