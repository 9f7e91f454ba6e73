using Klimrek.Data;
using Klimrek.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Werkleren.Sharing;

/// <summary>
/// Sharing in werkleren: whom the person named and who named them, the comments they wrote on what others shared with
/// them, and the comments others wrote on the person's items. On erase the relations go both ways and so do the comments
/// on the person's items (they are part of the person's record). Comments the person wrote on someone else's items are
/// part of that other person's record: they stay, written by the stand-in ("verwijderde deelnemer").
/// </summary>
internal sealed class SharingPersonalData(KlimrekDbContext db) : IPersonalDataPart
{
    public string Area => "werkleren-delen";

    public async Task<object?> ExportAsync(DataSubject subject, CancellationToken ct)
    {
        var id = subject.UserId;
        var named = await db.WorkRelations.AsNoTracking().Where(r => r.OwnerId == id).Join(db.Users, r => r.OtherUserId, u => u.Id,
            (r, u) => new { r.Kind, u.DisplayName, u.Email, r.CreatedAt }).ToListAsync(ct);
        var namedBy = await db.WorkRelations.AsNoTracking().Where(r => r.OtherUserId == id).Join(db.Users, r => r.OwnerId, u => u.Id,
            (r, u) => new { r.Kind, u.DisplayName, r.CreatedAt }).ToListAsync(ct);
        var written = await db.WorkComments.AsNoTracking().Where(c => c.AuthorId == id && c.OwnerId != id).Join(db.Users, c => c.OwnerId, u => u.Id,
            (c, u) => new { c.ItemKind, c.ItemId, c.Text, c.CreatedAt, u.DisplayName }).OrderBy(c => c.CreatedAt).ToListAsync(ct);
        var received = await db.WorkComments.AsNoTracking().Where(c => c.OwnerId == id)
            .GroupJoin(db.Users, c => c.AuthorId, u => u.Id, (c, us) => new { c, us })
            .SelectMany(x => x.us.DefaultIfEmpty(), (x, u) => new { x.c.ItemKind, x.c.ItemId, x.c.Text, x.c.CreatedAt, Author = u == null ? null : u.DisplayName })
            .OrderBy(c => c.CreatedAt).ToListAsync(ct);
        if (named.Count + namedBy.Count + written.Count + received.Count == 0) return null;
        return new
        {
            youNamed = named.Select(r => new { kind = SharingService.KindKey(r.Kind), name = r.DisplayName, email = r.Email, since = r.CreatedAt }),
            namedYou = namedBy.Select(r => new { kind = SharingService.KindKey(r.Kind), name = r.DisplayName, since = r.CreatedAt }),
            commentsYouWrote = written.Select(c => new { on = c.DisplayName, itemKind = c.ItemKind, itemId = c.ItemId, text = c.Text, at = c.CreatedAt }),
            commentsOnYourItems = received.Select(c => new { by = c.Author, itemKind = c.ItemKind, itemId = c.ItemId, text = c.Text, at = c.CreatedAt }),
        };
    }

    public async Task EraseAsync(DataSubject subject, CancellationToken ct)
    {
        var id = subject.UserId;
        await db.WorkRelations.Where(r => r.OwnerId == id || r.OtherUserId == id).ExecuteDeleteAsync(ct);
        await db.WorkComments.Where(c => c.OwnerId == id).ExecuteDeleteAsync(ct);
        await db.WorkComments.Where(c => c.AuthorId == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.AuthorId, subject.StandInId), ct);
    }
}
