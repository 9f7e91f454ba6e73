using Klimrek.Data;
using Klimrek.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Career;

/// <summary>The skills profile (in its open format), with whom it is shared, and labour-market imports the person made.</summary>
internal sealed class CareerPersonalData(KlimrekDbContext db, ProfileService profiles) : IPersonalDataPart
{
    public string Area => "skills-profile";

    public async Task<object?> ExportAsync(DataSubject subject, CancellationToken ct)
    {
        var profile = await db.SkillProfiles.AsNoTracking().Include(p => p.Occupations).Include(p => p.Skills).Include(p => p.Shares)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.UserId == subject.UserId, ct);
        var sharedWithMe = await db.ProfileShares.AsNoTracking().CountAsync(s => s.BegeleiderId == subject.UserId, ct);
        // The career-guidance conversations: the person's own (every line), and as begeleider the lines one wrote.
        var conversations = profile is null ? [] : await db.GuidanceEntries.AsNoTracking().Where(e => e.ProfileId == profile.Id)
            .OrderBy(e => e.CreatedAt).Select(e => new { e.BegeleiderId, kind = e.Kind.ToString(), e.Text, e.OccupationId, e.ByOwner, e.CreatedAt, e.DoneAt }).ToListAsync(ct);
        var writtenAsBegeleider = await db.GuidanceEntries.AsNoTracking().Where(e => e.BegeleiderId == subject.UserId && !e.ByOwner)
            .OrderBy(e => e.CreatedAt).Select(e => new { kind = e.Kind.ToString(), e.Text, e.OccupationId, e.CreatedAt }).ToListAsync(ct);
        if (profile is null && sharedWithMe == 0 && writtenAsBegeleider.Count == 0) return null;
        var begeleiders = profile is null ? [] : await db.Users.AsNoTracking().Where(u => profile.Shares.Select(s => s.BegeleiderId).Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        return new
        {
            profile = profile is null ? null : await profiles.ExportAsync(profile, ct),
            updatedAt = profile?.UpdatedAt,
            sharedWith = profile?.Shares.Select(s => new { begeleider = begeleiders.FirstOrDefault(b => b.Id == s.BegeleiderId)?.DisplayName, s.SharedAt }),
            profilesSharedWithYou = sharedWithMe,
            guidanceConversations = conversations.Select(e => new
            {
                begeleider = begeleiders.FirstOrDefault(x => x.Id == e.BegeleiderId)?.DisplayName ?? ErasedPerson.DisplayName,
                e.kind, e.Text, e.OccupationId, writtenBy = e.ByOwner ? "jij" : "begeleider", e.CreatedAt, e.DoneAt,
            }),
            guidanceLinesYouWroteAsBegeleider = writtenAsBegeleider,
        };
    }

    public async Task EraseAsync(DataSubject subject, CancellationToken ct)
    {
        // The profile with its occupations, skills and shares; shares made to this person as begeleider.
        await db.SkillProfiles.Where(p => p.UserId == subject.UserId).ExecuteDeleteAsync(ct);
        await db.ProfileShares.Where(s => s.BegeleiderId == subject.UserId).ExecuteDeleteAsync(ct);
        // Conversations held as begeleider are the other person's: they keep the lines, no longer tied to this account.
        await db.GuidanceEntries.Where(e => e.BegeleiderId == subject.UserId).ExecuteUpdateAsync(u => u.SetProperty(e => e.BegeleiderId, ""), ct);
        var userName = await db.Users.Where(u => u.Id == subject.UserId).Select(u => u.UserName).FirstAsync(ct);
        await db.LabourMarketImports.Where(i => i.ImportedBy == userName)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.ImportedBy, ErasedPerson.DisplayName), ct);
    }
}
