using Klimrek.Data;
using Klimrek.Features.Notifications;
using Klimrek.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Klimrek.Features.Werkleren.Readiness;

/// <summary>What a check-in says: the five aspects 1–5, a note, what helped, and whether the begeleider may see it.</summary>
public sealed record CheckInInput(int? Weten, int? Willen, int? Kunnen, int? Durven, int? Mogen, string? Note, string? Helped, bool ShareWithBegeleider = false);

/// <summary>Afterwards: the note, what helped and the sharing can still change; the scores stay as they were that day.</summary>
public sealed record CheckInUpdate(string? Note, string? Helped, bool ShareWithBegeleider);

public sealed record CheckInView(int Id, DateTime At, int Weten, int Willen, int Kunnen, int Durven, int Mogen, string? Note, string? Helped, bool SharedWithBegeleider)
{
    public static CheckInView Of(ReadinessCheckIn c) =>
        new(c.Id, c.At, c.Weten, c.Willen, c.Kunnen, c.Durven, c.Mogen, c.Note, c.Helped, c.SharedWith.HasFlag(Audience.Begeleider));
}

/// <summary>
/// Readiness check-ins (bereidheid): how ready the person is today to learn something, over weten, willen, kunnen,
/// durven and mogen. Readiness moves from day to day, so a check-in is quick and as often as the person likes; a
/// gentle suggestion comes a week after the last one (unless switched off), and stops when the person stops.
/// </summary>
public sealed class ReadinessService(KlimrekDbContext db, TimeProvider clock, Reminders reminders, Notifier notifier)
{
    public const int MaxText = 2000;
    public static readonly TimeSpan SuggestionAfter = TimeSpan.FromDays(7);

    /// <summary>The five aspects in their fixed order: key, Dutch name and what a high score means (resource keys).</summary>
    public static readonly IReadOnlyList<(string Key, string Name, string Meaning)> Aspects =
    [
        ("weten", "Weten", "Ik weet wat ik wil leren en waar ik dat kan halen."),
        ("willen", "Willen", "Ik wil er nu tijd en energie in steken."),
        ("kunnen", "Kunnen", "Ik heb wat nodig is om het te doen: vaardigheid, tijd, middelen."),
        ("durven", "Durven", "Ik durf iets nieuws te proberen, ook als het mis kan gaan."),
        ("mogen", "Mogen", "Mijn omgeving geeft me de ruimte en steunt me erin."),
    ];

    public static int Score(ReadinessCheckIn c, string aspect) => aspect switch
    {
        "weten" => c.Weten,
        "willen" => c.Willen,
        "kunnen" => c.Kunnen,
        "durven" => c.Durven,
        _ => c.Mogen,
    };

    public Task<List<ReadinessCheckIn>> ListAsync(string userId, int take, CancellationToken ct) =>
        db.ReadinessCheckIns.AsNoTracking().Where(c => c.UserId == userId).OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Take(take).ToListAsync(ct);

    public async Task<ReadinessCheckIn> AddAsync(string userId, CheckInInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        int Aspect(string field, int? value)
        {
            if (value is null) errors.Add(field, "Kies een score van 1 tot 5.");
            else if (value is < 1 or > 5) errors.Add(field, "Een score ligt tussen 1 en 5.");
            return value ?? 0;
        }
        var c = new ReadinessCheckIn
        {
            UserId = userId,
            At = clock.GetUtcNow().UtcDateTime,
            Weten = Aspect("weten", input.Weten),
            Willen = Aspect("willen", input.Willen),
            Kunnen = Aspect("kunnen", input.Kunnen),
            Durven = Aspect("durven", input.Durven),
            Mogen = Aspect("mogen", input.Mogen),
            Note = Text(errors, "note", input.Note),
            Helped = Text(errors, "helped", input.Helped),
            SharedWith = input.ShareWithBegeleider ? Audience.Begeleider : Audience.None,
        };
        ProblemException.ThrowIfAny(errors);
        db.ReadinessCheckIns.Add(c);
        await PlanSuggestionAsync(userId, c.At, ct);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<ReadinessCheckIn> UpdateAsync(string userId, int id, CheckInUpdate input, CancellationToken ct)
    {
        var c = await db.ReadinessCheckIns.FirstOrDefaultAsync(x => x.Id == id && x.UserId == userId, ct) ?? throw ProblemException.NotFound();
        var errors = new ValidationErrors();
        var note = Text(errors, "note", input.Note);
        var helped = Text(errors, "helped", input.Helped);
        ProblemException.ThrowIfAny(errors);
        (c.Note, c.Helped) = (note, helped);
        c.SharedWith = input.ShareWithBegeleider ? Audience.Begeleider : Audience.None;
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task DeleteAsync(string userId, int id, CancellationToken ct)
    {
        if (await db.ReadinessCheckIns.Where(x => x.Id == id && x.UserId == userId).ExecuteDeleteAsync(ct) == 0) throw ProblemException.NotFound();
        // Comments a begeleider made on it belong to it.
        await db.WorkComments.Where(x => x.OwnerId == userId && x.ItemKind == Cycle.CommentKinds.CheckIn && x.ItemId == id).ExecuteDeleteAsync(ct);
    }

    /// <summary>Whether the weekly suggestion is on (the person's choice for the kind; on by default).</summary>
    public async Task<bool> SuggestionOnAsync(string userId, CancellationToken ct) =>
        await notifier.ChannelsAsync(userId, NotificationKinds.Bereidheid, ct) != NotificationChannels.Off;

    /// <summary>Switches the suggestion on (in the inbox, or as the person had it) or off (nothing pending is sent).</summary>
    public async Task SetSuggestionAsync(string userId, bool on, CancellationToken ct)
    {
        var p = await db.NotificationPreferences.FirstOrDefaultAsync(x => x.UserId == userId && x.Kind == NotificationKinds.Bereidheid, ct);
        if (p is null) db.NotificationPreferences.Add(p = new NotificationPreference { UserId = userId, Kind = NotificationKinds.Bereidheid });
        p.Channels = on ? (p.Channels == NotificationChannels.Off ? NotificationKinds.Default(NotificationKinds.Bereidheid) : p.Channels) : NotificationChannels.Off;
        var now = clock.GetUtcNow().UtcDateTime;
        await reminders.CancelAsync(SuggestionPrefix(userId), now, ct);
        if (on)
        {
            var last = await db.ReadinessCheckIns.Where(c => c.UserId == userId).MaxAsync(c => (DateTime?)c.At, ct);
            await ScheduleAsync(userId, last is { } l && l + SuggestionAfter > now ? l : now, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    private static string SuggestionPrefix(string userId) => $"bereidheid:{userId}:";

    /// <summary>After a check-in: the suggestion moves to a week later (one pending at a time).</summary>
    private async Task PlanSuggestionAsync(string userId, DateTime from, CancellationToken ct)
    {
        if (!await SuggestionOnAsync(userId, ct)) return;
        await reminders.CancelAsync(SuggestionPrefix(userId), from, ct);
        await ScheduleAsync(userId, from, ct);
    }

    private Task ScheduleAsync(string userId, DateTime from, CancellationToken ct)
    {
        var due = from + SuggestionAfter;
        // A fresh key each time: the pending one was cancelled, and a key once sent is never sent again.
        return reminders.ScheduleAsync(SuggestionPrefix(userId) + Guid.NewGuid().ToString("N"), userId,
            NotificationKinds.Bereidheid, due,
            new NotificationContent("Hoe sta je er deze week voor?", [], BodyKey: "Een bereidheidscheck kost een halve minuut: weten, willen, kunnen, durven en mogen. Wil je deze suggestie niet meer, zet haar dan uit op de pagina Bereidheid."),
            "/werkleren/bereidheid", ct);
    }

    private static string? Text(ValidationErrors errors, string field, string? value)
    {
        var v = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (v is { Length: > MaxText }) errors.Add(field, "Hoogstens {0} tekens.", MaxText);
        return v;
    }
}
