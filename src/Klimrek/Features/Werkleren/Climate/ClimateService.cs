using Klimrek.Data;
using Klimrek.Features.Notifications;
using Klimrek.Infrastructure.Errors;
using Klimrek.Infrastructure.Mail;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;

namespace Klimrek.Features.Werkleren.Climate;

/// <summary>What the person enters for a member of their circle.</summary>
public sealed record MemberInput(string? Name, string? Email, CircleRoles Roles, bool IsLeidinggevende);

/// <summary>How a member answered the person's signals over the last <see cref="ClimateService.ResponsiveDays"/> days.</summary>
public sealed record Responsiveness(int Signals, int Answered)
{
    public static readonly Responsiveness None = new(0, 0);
    /// <summary>The answered share (0–1), or null without signals.</summary>
    public double? Share => Signals == 0 ? null : (double)Answered / Signals;
}

/// <summary>A signal as its recipient sees it: the text, who sent it and when, and their own answer — nothing else.</summary>
public sealed record ReceivedSignal(int RecipientId, string From, string Text, DateTime SentAt, string? Answer, DateTime? AnsweredAt);

/// <summary>
/// Mijn microleerklimaat: the few people who help a person learn (their circle, with what each does), the signals the
/// person sends them and the answers. Only the person sees their circle, signals and answers (every other viewer gets
/// 404: a leidinggevende or begeleider too, nothing here is shared); a recipient sees only the signal sent to them and
/// their own answer — with an account in their inbox and on <c>/werkleren/signalen</c>, without one through a personal
/// link whose token is stored only as its SHA-256.
/// </summary>
public sealed class ClimateService(KlimrekDbContext db, Notifier notifier, MailLinks links, TimeProvider clock)
{
    /// <summary>A circle is a few people: more would not be a micro learning climate (and not fit the picture).</summary>
    public const int MaxMembers = 15;
    public const int ResponsiveDays = 90;
    public const int NameMax = 200, EmailMax = 256, TextMax = 2000, AnswerMax = 4000;

    public static readonly CircleRoles[] RoleOrder = [CircleRoles.DenktMee, CircleRoles.DoetMee, CircleRoles.MoedigtAan];

    /// <summary>The Dutch label of one role (a resource key).</summary>
    public static string RoleLabel(CircleRoles role) => role switch
    {
        CircleRoles.DenktMee => "denkt mee",
        CircleRoles.DoetMee => "doet mee",
        CircleRoles.MoedigtAan => "moedigt aan",
        _ => "",
    };

    /// <summary>The API's name of one role.</summary>
    public static string RoleKey(CircleRoles role) => role switch
    {
        CircleRoles.DenktMee => "denktMee",
        CircleRoles.DoetMee => "doetMee",
        CircleRoles.MoedigtAan => "moedigtAan",
        _ => "",
    };

    public static IEnumerable<CircleRoles> RolesOf(CircleRoles roles) => RoleOrder.Where(r => roles.HasFlag(r));

    /// <summary>The role a member is drawn and grouped with in the picture: the first they have.</summary>
    public static CircleRoles PrimaryRole(CircleRoles roles) => RolesOf(roles).FirstOrDefault();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<List<CircleMember>> CircleAsync(string ownerId, bool includeRemoved, CancellationToken ct) =>
        db.CircleMembers.AsNoTracking().Where(m => m.OwnerId == ownerId && (includeRemoved || m.RemovedAt == null))
            .OrderBy(m => m.RemovedAt != null).ThenBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(ct);

    /// <summary>Per member: the person's signals to them over the last 90 days and how many they answered.</summary>
    public async Task<Dictionary<int, Responsiveness>> ResponsivenessAsync(string ownerId, CancellationToken ct)
    {
        var since = Now.AddDays(-ResponsiveDays);
        var rows = await db.SignalRecipients.AsNoTracking().Where(r => r.Signal!.OwnerId == ownerId && r.Signal.SentAt >= since)
            .GroupBy(r => r.CircleMemberId).Select(g => new { g.Key, Signals = g.Count(), Answered = g.Count(r => r.AnsweredAt != null) }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => new Responsiveness(r.Signals, r.Answered));
    }

    private async Task<CircleMember> ActiveMemberAsync(string ownerId, int memberId, CancellationToken ct) =>
        await db.CircleMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.OwnerId == ownerId && m.RemovedAt == null, ct)
        ?? throw ProblemException.NotFound();

    private static void ValidateRoles(ValidationErrors errors, CircleRoles roles)
    {
        if (roles == CircleRoles.None) errors.Add("roles", "Kies wat deze persoon doet: meedenken, meedoen of aanmoedigen (een of meer).");
        else if ((roles & ~(CircleRoles.DenktMee | CircleRoles.DoetMee | CircleRoles.MoedigtAan)) != CircleRoles.None)
            errors.Add("roles", "Onbekende rol.");
    }

    private static string? ValidName(ValidationErrors errors, string? name)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add("name", "Vul een naam in.");
        else if (name.Length > NameMax) errors.Add("name", "De naam is te lang (hoogstens {0} tekens).", NameMax);
        return name;
    }

    /// <summary>
    /// Adds someone to the circle. When the address belongs to an account with a confirmed address, the member is linked
    /// to it (they get signals in their inbox); the answer is the same either way, so nobody learns who has an account.
    /// </summary>
    public async Task<CircleMember> AddAsync(string ownerId, MemberInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var name = ValidName(errors, input.Name);
        var email = input.Email?.Trim();
        if (string.IsNullOrEmpty(email)) errors.Add("email", "Vul een e-mailadres in.");
        else if (email.Length > EmailMax || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal))
            errors.Add("email", "Dit is geen geldig e-mailadres.");
        ValidateRoles(errors, input.Roles);
        ProblemException.ThrowIfAny(errors);
        var normalized = email!.ToUpperInvariant();
        var own = await db.Users.Where(u => u.Id == ownerId).Select(u => u.NormalizedEmail).FirstOrDefaultAsync(ct);
        if (own == normalized) throw ProblemException.Field("email", "Dit is je eigen adres: je microleerklimaat bestaat uit anderen.");
        var active = await db.CircleMembers.Where(m => m.OwnerId == ownerId && m.RemovedAt == null).Select(m => m.Email).ToListAsync(ct);
        if (active.Any(e => string.Equals(e, email, StringComparison.OrdinalIgnoreCase)))
            throw ProblemException.Field("email", "Iemand met dit adres staat al in je microleerklimaat.");
        if (active.Count >= MaxMembers)
            throw ProblemException.Invalid("Je microleerklimaat telt al {0} mensen; haal eerst iemand weg.", MaxMembers);
        var member = new CircleMember
        {
            OwnerId = ownerId, Name = name!, Email = email, Roles = input.Roles, IsLeidinggevende = input.IsLeidinggevende, CreatedAt = Now,
            MemberUserId = await AccountOfAsync(normalized, ct),
        };
        db.CircleMembers.Add(member);
        await db.SaveChangesAsync(ct);
        return member;
    }

    private Task<string?> AccountOfAsync(string normalizedEmail, CancellationToken ct) =>
        db.Users.Where(u => u.NormalizedEmail == normalizedEmail && u.EmailConfirmed).Select(u => u.Id).FirstOrDefaultAsync(ct);

    /// <summary>Changes a member's name and what they do (the address stays: someone else is a new member).</summary>
    public async Task<CircleMember> UpdateAsync(string ownerId, int memberId, MemberInput input, CancellationToken ct)
    {
        var member = await ActiveMemberAsync(ownerId, memberId, ct);
        var errors = new ValidationErrors();
        var name = input.Name is null ? member.Name : ValidName(errors, input.Name);
        ValidateRoles(errors, input.Roles);
        ProblemException.ThrowIfAny(errors);
        (member.Name, member.Roles, member.IsLeidinggevende) = (name!, input.Roles, input.IsLeidinggevende);
        await db.SaveChangesAsync(ct);
        return member;
    }

    /// <summary>Takes a member out of the circle; their signals and answers stay in the person's timeline.</summary>
    public async Task RemoveAsync(string ownerId, int memberId, CancellationToken ct)
    {
        var member = await ActiveMemberAsync(ownerId, memberId, ct);
        member.RemovedAt = Now;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The person's own experiments to link a signal to (newest first).</summary>
    public async Task<List<(int Id, string Title)>> ExperimentsAsync(string ownerId, CancellationToken ct) =>
        (await db.Experiments.AsNoTracking().Where(e => e.OwnerId == ownerId).OrderByDescending(e => e.Id).Take(50)
            .Select(e => new { e.Id, e.Title }).ToListAsync(ct)).Select(e => (e.Id, e.Title)).ToList();

    /// <summary>
    /// Sends a signal to some members of the circle: a member with an account gets it in their inbox and by mail (as they
    /// chose for signals), a member without one a mail with a personal answer link. <paramref name="language"/> is the
    /// language of those mails.
    /// </summary>
    public async Task<Signal> SendAsync(string ownerId, string? text, IReadOnlyCollection<int>? memberIds, int? experimentId, string language, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        text = text?.Trim();
        if (string.IsNullOrEmpty(text)) errors.Add("text", "Schrijf wat je probeert en waar je iemand bij wilt hebben.");
        else if (text.Length > TextMax) errors.Add("text", "Het signaal is te lang (hoogstens {0} tekens).", TextMax);
        var ids = (memberIds ?? []).Distinct().ToList();
        var found = await db.CircleMembers.CountAsync(m => m.OwnerId == ownerId && m.RemovedAt == null && ids.Contains(m.Id), ct);
        if (ids.Count == 0) errors.Add("memberIds", "Kies aan wie je het signaal stuurt.");
        else if (found != ids.Count) errors.Add("memberIds", "Kies mensen uit je eigen microleerklimaat.");
        if (experimentId is int eid && !await db.Experiments.AnyAsync(e => e.Id == eid && e.OwnerId == ownerId, ct))
            errors.Add("experimentId", "Kies een van je eigen leerexperimenten.");
        ProblemException.ThrowIfAny(errors);

        var ownerName = await db.Users.Where(u => u.Id == ownerId).Select(u => u.DisplayName).FirstAsync(ct);
        var content = new NotificationContent("{0} vraagt of je meekijkt", [ownerName], text);
        var byLink = new List<(CircleMember Member, string Token)>();
        // The signal, its recipients and the inbox messages are stored together, or not at all.
        var signal = await db.InTransactionAsync(async t =>
        {
            notifier.DiscardStaged();
            byLink.Clear();
            var chosen = await db.CircleMembers.Where(m => m.OwnerId == ownerId && m.RemovedAt == null && ids.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(t);
            var signal = new Signal { OwnerId = ownerId, Text = text!, ExperimentId = experimentId, SentAt = Now };
            foreach (var m in chosen)
            {
                // Someone may have made an account (and confirmed its address) since they were added.
                if (m.MemberUserId is null && m.Email is not null) m.MemberUserId = await AccountOfAsync(m.Email.ToUpperInvariant(), t);
                var r = new SignalRecipient { CircleMember = m, RecipientUserId = m.MemberUserId };
                if (m.MemberUserId is null)
                {
                    var token = NewToken();
                    r.TokenHash = Hash(token);
                    byLink.Add((m, token));
                }
                signal.Recipients.Add(r);
            }
            db.Signals.Add(signal);
            await db.SaveChangesAsync(t);
            foreach (var r in signal.Recipients.Where(r => r.RecipientUserId is not null))
                await notifier.StageAsync(r.RecipientUserId!, NotificationKinds.Signalen, content, "/werkleren/signalen#ontvangen-" + r.Id, t);
            await db.SaveChangesAsync(t);
            return signal;
        }, ct);
        notifier.FlushMail();
        var mailContent = content with { BodyKey = "Je hebt geen account nodig: lees het signaal en antwoord via de persoonlijke link hieronder.", BodyArgs = [] };
        foreach (var (m, token) in byLink)
            notifier.MailToAddress(m.Email!, m.Name, language, mailContent, links.To("/werkleren/signaal/" + token), "Lezen en antwoorden");
        return signal;
    }

    /// <summary>A fresh answer-link token (256 random bits, URL-safe).</summary>
    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>What is stored of a token: its SHA-256, lower-case hex.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private IQueryable<Signal> SignalsOf(string ownerId) =>
        db.Signals.AsNoTracking().Include(s => s.Recipients).ThenInclude(r => r.CircleMember).Where(s => s.OwnerId == ownerId);

    /// <summary>The person's signals with their answers, newest first: their timeline.</summary>
    public Task<List<Signal>> SignalsAsync(string ownerId, int take, CancellationToken ct) =>
        SignalsOf(ownerId).OrderByDescending(s => s.SentAt).ThenByDescending(s => s.Id).Take(take).AsSplitQuery().ToListAsync(ct);

    public async Task<Signal> SignalAsync(string ownerId, int signalId, CancellationToken ct) =>
        await SignalsOf(ownerId).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == signalId, ct) ?? throw ProblemException.NotFound();

    /// <summary>The signals sent to the account, newest first; marks the unread ones read.</summary>
    public async Task<List<ReceivedSignal>> ReceivedAsync(string userId, CancellationToken ct)
    {
        var list = await Received().Where(x => x.R.RecipientUserId == userId).OrderByDescending(x => x.S.SentAt).ThenByDescending(x => x.R.Id)
            .Select(x => new ReceivedSignal(x.R.Id, x.From, x.S.Text, x.S.SentAt, x.R.Answer, x.R.AnsweredAt)).ToListAsync(ct);
        var now = Now;
        await db.SignalRecipients.Where(r => r.RecipientUserId == userId && r.ReadAt == null).ExecuteUpdateAsync(u => u.SetProperty(r => r.ReadAt, now), ct);
        return list;
    }

    private IQueryable<ReceivedRow> Received() =>
        from r in db.SignalRecipients.AsNoTracking()
        join s in db.Signals on r.SignalId equals s.Id
        join u in db.Users on s.OwnerId equals u.Id
        select new ReceivedRow { R = r, S = s, From = u.DisplayName };

    private sealed class ReceivedRow
    {
        public required SignalRecipient R { get; init; }
        public required Signal S { get; init; }
        public required string From { get; init; }
    }

    /// <summary>Answers (or changes the answer to) a signal sent to the account; 404 for anyone else's.</summary>
    public async Task<ReceivedSignal> AnswerAsync(string userId, int recipientId, string? answer, CancellationToken ct)
    {
        var r = await db.SignalRecipients.Include(x => x.Signal).Include(x => x.CircleMember)
            .FirstOrDefaultAsync(x => x.Id == recipientId && x.RecipientUserId == userId, ct) ?? throw ProblemException.NotFound();
        return await SaveAnswerAsync(r, answer, ct);
    }

    /// <summary>The signal behind an answer link, or null for a token that is not (or no longer) valid.</summary>
    public async Task<ReceivedSignal?> ByTokenAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = Hash(token);
        var r = await Received().Where(x => x.R.TokenHash == hash)
            .Select(x => new ReceivedSignal(x.R.Id, x.From, x.S.Text, x.S.SentAt, x.R.Answer, x.R.AnsweredAt)).FirstOrDefaultAsync(ct);
        if (r is not null && await db.SignalRecipients.AnyAsync(x => x.Id == r.RecipientId && x.ReadAt == null, ct))
        {
            var now = Now;
            await db.SignalRecipients.Where(x => x.Id == r.RecipientId && x.ReadAt == null).ExecuteUpdateAsync(u => u.SetProperty(x => x.ReadAt, now), ct);
        }
        return r;
    }

    /// <summary>Answers through an answer link; 404 for a token that is not valid.</summary>
    public async Task<ReceivedSignal> AnswerByTokenAsync(string? token, string? answer, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) throw ProblemException.NotFound();
        var hash = Hash(token);
        var r = await db.SignalRecipients.Include(x => x.Signal).Include(x => x.CircleMember).FirstOrDefaultAsync(x => x.TokenHash == hash, ct)
                ?? throw ProblemException.NotFound();
        return await SaveAnswerAsync(r, answer, ct);
    }

    private async Task<ReceivedSignal> SaveAnswerAsync(SignalRecipient r, string? answer, CancellationToken ct)
    {
        answer = answer?.Trim();
        if (string.IsNullOrEmpty(answer)) throw ProblemException.Field("answer", "Schrijf je antwoord.");
        if (answer.Length > AnswerMax) throw ProblemException.Field("answer", "Het antwoord is te lang (hoogstens {0} tekens).", AnswerMax);
        var first = r.AnsweredAt is null;
        r.Answer = answer;
        r.AnsweredAt = Now;
        r.ReadAt ??= r.AnsweredAt;
        var signal = r.Signal!;
        var content = new NotificationContent(first ? "{0} heeft gereageerd op je signaal" : "{0} heeft het antwoord op je signaal aangepast",
            [r.CircleMember!.Name], answer);
        await notifier.StageAsync(signal.OwnerId, NotificationKinds.Signalen, content, "/werkleren/klimaat#signaal-" + signal.Id, ct);
        await db.SaveChangesAsync(ct);
        notifier.FlushMail();
        var from = await db.Users.Where(u => u.Id == signal.OwnerId).Select(u => u.DisplayName).FirstAsync(ct);
        return new ReceivedSignal(r.Id, from, signal.Text, signal.SentAt, r.Answer, r.AnsweredAt);
    }
}
