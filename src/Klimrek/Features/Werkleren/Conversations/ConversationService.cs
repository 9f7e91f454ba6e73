using Klimrek.Data;
using Klimrek.Features.Werkleren.Cycle;
using Klimrek.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace Klimrek.Features.Werkleren.Conversations;

public sealed record AnswerInput(int? AnswerId, string? QuestionKey, string? Answer);

/// <summary>A conversation as written: when, with whom, and the answers (by question key, or by answer id when editing).</summary>
public sealed record ConversationInput(QuestionDirection? Direction, DateOnly? HeldOn, ConversationPartner? With, string? WithName, string? WithUserId,
    IReadOnlyList<AnswerInput>? Answers);

/// <summary>Someone the person named (leidinggevende, begeleider, or a Klimrek user in their micro learning climate).</summary>
public sealed record NamedRelation(string UserId, string Name, string Kind);

/// <summary>
/// Conversations with the questions of Tool 1, and what they lead to: drivers, themes and learning experiments. All of it
/// belongs to the person; a conversation is shared with their begeleider or leidinggevende only when they say so.
/// </summary>
public sealed class ConversationService(KlimrekDbContext db, QuestionSetService questionSets, WerklerenAccess access, TimeProvider clock)
{
    public const int MaxAnswer = 4000;
    public const int MaxWithName = 200;
    public const int MaxTitle = 200;
    public const int MaxThemeTitle = 300;
    public const int MaxThemeNote = 4000;
    public const int MaxOwnWords = 300;
    public const int MaxDrivers = 20;
    public const int MaxThemes = 100;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public static Audience AudienceOf(bool begeleider, bool leidinggevende) =>
        (begeleider ? Audience.Begeleider : Audience.None) | (leidinggevende ? Audience.Leidinggevende : Audience.None);

    // ── Conversations ────────────────────────────────────────────────────────────────────────────────────────────────

    public Task<List<Conversation>> ListAsync(string userId, CancellationToken ct) =>
        db.Conversations.AsNoTracking().Include(c => c.Answers).Where(c => c.UserId == userId)
            .OrderByDescending(c => c.HeldOn).ThenByDescending(c => c.Id).ToListAsync(ct);

    /// <summary>A conversation the viewer may read: their own, or one shared with them (read logged); otherwise 404.</summary>
    public async Task<Conversation> ReadAsync(ClaimsPrincipal viewer, int id, CancellationToken ct)
    {
        var c = await db.Conversations.AsNoTracking().Include(x => x.Answers).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw ProblemException.NotFound();
        await access.EnsureVisibleAsync(viewer, c.UserId, c.SharedWith, "gesprek " + c.HeldOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ct);
        c.Answers = c.Answers.OrderBy(a => a.Position).ToList();
        return c;
    }

    /// <summary>The person's own conversation, tracked for a change; anyone else's is 404.</summary>
    private async Task<Conversation> OwnAsync(string userId, int id, CancellationToken ct)
    {
        var c = await db.Conversations.Include(x => x.Answers).FirstOrDefaultAsync(x => x.Id == id && x.UserId == userId, ct) ?? throw ProblemException.NotFound();
        c.Answers = c.Answers.OrderBy(a => a.Position).ToList();
        return c;
    }

    /// <summary>The people the person named, whom a conversation can record as the account that was there.</summary>
    public async Task<List<NamedRelation>> RelationsAsync(string userId, CancellationToken ct)
    {
        var work = await db.WorkRelations.AsNoTracking().Where(r => r.OwnerId == userId)
            .Join(db.Users, r => r.OtherUserId, u => u.Id, (r, u) => new { u.Id, u.DisplayName, r.Kind }).ToListAsync(ct);
        var circle = await db.CircleMembers.AsNoTracking().Where(m => m.OwnerId == userId && m.MemberUserId != null && m.RemovedAt == null)
            .Select(m => new { Id = m.MemberUserId!, m.Name }).ToListAsync(ct);
        var list = work.Select(w => new NamedRelation(w.Id, w.DisplayName, w.Kind == WorkRelationKind.Leidinggevende ? "leidinggevende" : "begeleider"))
            .Concat(circle.Select(c => new NamedRelation(c.Id, c.Name, "collega")));
        return list.GroupBy(r => r.UserId).Select(g => g.First()).OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    private async Task<(string? Name, string? UserId)> PartnerAsync(string userId, ConversationInput input, ValidationErrors errors, CancellationToken ct)
    {
        if (input.With is not ConversationPartner with || !Enum.IsDefined(with))
        {
            errors.Add("with", "Kies of je het gesprek alleen voerde of met wie.");
            return (null, null);
        }
        if (with == ConversationPartner.Alleen) return (null, null);
        var name = string.IsNullOrWhiteSpace(input.WithName) ? null : input.WithName.Trim();
        if (name?.Length > MaxWithName) errors.Add("withName", "Hoogstens {0} tekens.", MaxWithName);
        string? account = null;
        if (!string.IsNullOrWhiteSpace(input.WithUserId))
        {
            var named = (await RelationsAsync(userId, ct)).FirstOrDefault(r => r.UserId == input.WithUserId.Trim());
            if (named is null) errors.Add("withUserId", "Kies iemand die je zelf hebt genoemd als leidinggevende, begeleider of in je microleerklimaat.");
            else
            {
                account = named.UserId;
                name ??= named.Name;
            }
        }
        return (name, account);
    }

    private static void CheckAnswer(string? answer, string field, ValidationErrors errors)
    {
        if ((answer?.Trim().Length ?? 0) > MaxAnswer) errors.Add(field, "Een antwoord is hoogstens {0} tekens.", MaxAnswer);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>
    /// Saves a new conversation with the questions of the person's current set, in the language they use now (the texts
    /// are kept as asked: a later revision of the questions does not change them).
    /// </summary>
    public async Task<Conversation> CreateAsync(string userId, ConversationInput input, bool english, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (input.Direction is not QuestionDirection direction || !Enum.IsDefined(direction))
        {
            errors.Add("direction", "Kies vooruitblikken of terugblikken.");
            direction = QuestionDirection.Vooruit;
        }
        if (input.HeldOn is null) errors.Add("heldOn", "Geef de datum van het gesprek.");
        var (name, account) = await PartnerAsync(userId, input, errors, ct);
        var set = await questionSets.ForPersonAsync(userId, ct);
        var questions = set.Of(direction).ToList();
        var answers = input.Answers ?? [];
        for (int i = 0; i < answers.Count; i++)
        {
            if (answers[i] is not { } a) continue;
            if (!questions.Any(q => q.Key == a.QuestionKey)) errors.Add($"answers[{i}].questionKey", "Deze vraag hoort niet bij de set: ‘{0}’.", a.QuestionKey ?? "");
            CheckAnswer(a.Answer, $"answers[{i}].answer", errors);
        }
        Refuse(errors, "Het gesprek is niet opgeslagen.");
        var c = new Conversation
        {
            UserId = userId, Direction = direction, HeldOn = input.HeldOn!.Value, With = input.With!.Value, WithName = name, WithUserId = account,
            QuestionSetRevisionId = set.RevisionId, CreatedAt = Now, UpdatedAt = Now,
            Answers = questions.Select((q, i) => new ConversationAnswer
            {
                Position = i + 1, QuestionKey = q.Key, Question = q.Text(english),
                Answer = Clean(answers.LastOrDefault(a => a?.QuestionKey == q.Key)?.Answer),
            }).ToList(),
        };
        db.Conversations.Add(c);
        Versions.Expect(db, c, null);
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>Changes the date, who was there and the answers (the questions stay as asked). Checked against the version edited.</summary>
    public async Task<Conversation> UpdateAsync(string userId, int id, ConversationInput input, int? baseVersion, CancellationToken ct)
    {
        var c = await OwnAsync(userId, id, ct);
        var errors = new ValidationErrors();
        if (input.HeldOn is null) errors.Add("heldOn", "Geef de datum van het gesprek.");
        if (input.Direction is QuestionDirection d && d != c.Direction) errors.Add("direction", "Een gesprek blijft vooruit- of terugblikkend; begin een nieuw gesprek.");
        var (name, account) = await PartnerAsync(userId, input, errors, ct);
        var answers = input.Answers ?? [];
        var changes = new List<(ConversationAnswer Answer, string? Text)>();
        for (int i = 0; i < answers.Count; i++)
        {
            if (answers[i] is not { } a) continue;
            var target = a.AnswerId is int aid ? c.Answers.FirstOrDefault(x => x.Id == aid) : c.Answers.FirstOrDefault(x => x.QuestionKey == a.QuestionKey);
            if (target is null) errors.Add($"answers[{i}]", "Deze vraag hoort niet bij dit gesprek.");
            else changes.Add((target, Clean(a.Answer)));
            CheckAnswer(a.Answer, $"answers[{i}].answer", errors);
        }
        Refuse(errors, "Het gesprek is niet opgeslagen.");
        Versions.Expect(db, c, baseVersion);
        c.HeldOn = input.HeldOn!.Value;
        c.With = input.With!.Value;
        c.WithName = name;
        c.WithUserId = account;
        foreach (var (answer, text) in changes) answer.Answer = text;
        c.UpdatedAt = Now;
        await Versions.SaveAsync(db, ct);
        return c;
    }

    /// <summary>The conversation as stored now (after a refused save), apart from what this request changed.</summary>
    public async Task<Conversation?> StoredAsync(string userId, int id, CancellationToken ct)
    {
        var c = await db.Conversations.AsNoTracking().Include(x => x.Answers).FirstOrDefaultAsync(x => x.Id == id && x.UserId == userId, ct);
        if (c is not null) c.Answers = c.Answers.OrderBy(a => a.Position).ToList();
        return c;
    }

    public async Task<Conversation> ShareAsync(string userId, int id, bool? begeleider, bool? leidinggevende, CancellationToken ct)
    {
        var c = await OwnAsync(userId, id, ct);
        if (begeleider is null || leidinggevende is null)
            throw new ProblemException(400, new Message("Geef aan met wie je deelt."), new Dictionary<string, IReadOnlyList<Message>>
            {
                ["sharedWithBegeleider"] = [new Message("Kies ja of nee.")], ["sharedWithLeidinggevende"] = [new Message("Kies ja of nee.")],
            });
        c.SharedWith = AudienceOf(begeleider.Value, leidinggevende.Value);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task DeleteAsync(string userId, int id, CancellationToken ct)
    {
        var c = await OwnAsync(userId, id, ct);
        // Comments a leidinggevende or begeleider made on it belong to it.
        await db.WorkComments.Where(x => x.OwnerId == userId && x.ItemKind == CommentKinds.Conversation && x.ItemId == id).ExecuteDeleteAsync(ct);
        db.Conversations.Remove(c);
        await db.SaveChangesAsync(ct);
    }

    // ── From an answer to a driver, a theme or an experiment, in one step ─────────────────────────────────────────

    private async Task<ConversationAnswer> AnswerAsync(string userId, int conversationId, int answerId, CancellationToken ct)
    {
        var a = await db.ConversationAnswers.AsNoTracking()
            .FirstOrDefaultAsync(x => x.Id == answerId && x.ConversationId == conversationId && db.Conversations.Any(c => c.Id == conversationId && c.UserId == userId), ct)
            ?? throw ProblemException.NotFound();
        if (string.IsNullOrWhiteSpace(a.Answer)) throw ProblemException.Field("answer", "Deze vraag heeft nog geen antwoord.");
        return a;
    }

    /// <summary>A short form of an answer: its first line, cut at a word before <paramref name="max"/> characters.</summary>
    public static string ShortForm(string text, int max)
    {
        var line = text.Trim().Split('\n', 2)[0].Trim();
        if (line.Length <= max) return line;
        var cut = line[..(max - 1)];
        var space = cut.LastIndexOf(' ');
        return (space > max / 2 ? cut[..space] : cut).TrimEnd(' ', ',', ';', ':', '.') + "…";
    }

    /// <summary>Makes the answer a driver: in the person's own words (key <c>eigen</c>), or a named driver they pick.</summary>
    public async Task<PersonDriver> ToDriverAsync(string userId, int conversationId, int answerId, string? key, string? ownWords, int? weight, CancellationToken ct)
    {
        var a = await AnswerAsync(userId, conversationId, answerId, ct);
        var errors = new ValidationErrors();
        var k = string.IsNullOrWhiteSpace(key) ? Drivers.Eigen : key.Trim();
        if (!Drivers.IsKnown(k)) errors.Add("key", "Onbekende drijfveer ‘{0}’.", k);
        var w = weight ?? 3;
        if (w is < Drivers.MinWeight or > Drivers.MaxWeight) errors.Add("weight", "Het gewicht is 1 tot en met 5.");
        var words = k == Drivers.Eigen ? Clean(ownWords) ?? ShortForm(a.Answer!, MaxOwnWords) : null;
        if (words?.Length > MaxOwnWords) errors.Add("ownWords", "Hoogstens {0} tekens.", MaxOwnWords);
        Refuse(errors, "De drijfveer is niet toegevoegd.");
        if (k != Drivers.Eigen && await db.PersonDrivers.AnyAsync(d => d.UserId == userId && d.Key == k, ct))
            throw ProblemException.Conflict("Deze drijfveer heb je al gekozen.");
        if (await db.PersonDrivers.CountAsync(d => d.UserId == userId, ct) >= MaxDrivers)
            throw ProblemException.Invalid("Je hebt al {0} drijfveren; haal er eerst een weg.", MaxDrivers);
        var driver = new PersonDriver { UserId = userId, Key = k, OwnWords = words, Weight = w, FromAnswerId = a.Id, CreatedAt = Now };
        db.PersonDrivers.Add(driver);
        await db.SaveChangesAsync(ct);
        return driver;
    }

    public async Task<WorkTheme> ToThemeAsync(string userId, int conversationId, int answerId, string? title, CancellationToken ct)
    {
        var a = await AnswerAsync(userId, conversationId, answerId, ct);
        var t = Clean(title) ?? ShortForm(a.Answer!, MaxThemeTitle);
        if (t.Length > MaxThemeTitle) throw ProblemException.Field("title", "Hoogstens {0} tekens.", MaxThemeTitle);
        await EnsureRoomForThemeAsync(userId, ct);
        var theme = new WorkTheme { UserId = userId, Title = t, Note = a.Answer!.Trim() == t ? null : a.Answer.Trim(), FromAnswerId = a.Id, CreatedAt = Now };
        db.WorkThemes.Add(theme);
        await db.SaveChangesAsync(ct);
        return theme;
    }

    /// <summary>Starts a learning experiment (state idea) from the answer: the answer is what to try and why.</summary>
    public async Task<Experiment> ToExperimentAsync(string userId, int conversationId, int answerId, string? title, CancellationToken ct)
    {
        var a = await AnswerAsync(userId, conversationId, answerId, ct);
        var t = Clean(title) ?? ShortForm(a.Answer!, MaxTitle);
        if (t.Length > MaxTitle) throw ProblemException.Field("title", "Hoogstens {0} tekens.", MaxTitle);
        var e = new Experiment { OwnerId = userId, Title = t, WhatAndWhy = a.Answer!.Trim(), State = ExperimentState.Idee, FromAnswerId = a.Id, CreatedAt = Now };
        db.Experiments.Add(e);
        Versions.Expect(db, e, null);
        await db.SaveChangesAsync(ct);
        return e;
    }

    // ── Drivers ──────────────────────────────────────────────────────────────────────────────────────────────────

    public Task<List<PersonDriver>> DriversAsync(string userId, CancellationToken ct) =>
        db.PersonDrivers.AsNoTracking().Where(d => d.UserId == userId).OrderByDescending(d => d.Weight).ThenBy(d => d.Id).ToListAsync(ct);

    public sealed record DriverInput(int? Id, string? Key, string? OwnWords, int? Weight, bool SharedWithBegeleider = false, bool SharedWithLeidinggevende = false);

    /// <summary>
    /// Replaces the person's drivers with <paramref name="input"/>: listed ones with an id are changed, new ones added, the
    /// rest removed. Several at once; a named driver at most once; own words need words. An id that is not theirs: 404.
    /// </summary>
    public async Task<List<PersonDriver>> SaveDriversAsync(string userId, IReadOnlyList<DriverInput>? input, CancellationToken ct)
    {
        if (input is null) throw ProblemException.Field("drivers", "Geef de hele lijst drijfveren (een lege lijst haalt ze allemaal weg).");
        var errors = new ValidationErrors();
        if (input.Count > MaxDrivers) errors.Add("drivers", "Hoogstens {0} drijfveren.", MaxDrivers);
        var clean = new List<(DriverInput In, string Key, string? Words, int Weight)>();
        for (int i = 0; i < input.Count; i++)
        {
            var d = input[i];
            var f = $"drivers[{i}]";
            if (d is null) { errors.Add(f, "Deze drijfveer is leeg."); continue; }
            var key = d.Key?.Trim() ?? "";
            if (!Drivers.IsKnown(key)) errors.Add(f + ".key", "Onbekende drijfveer ‘{0}’.", key);
            else if (key != Drivers.Eigen && clean.Any(c => c.Key == key)) errors.Add(f + ".key", "Elke drijfveer kies je één keer.");
            var words = key == Drivers.Eigen ? Clean(d.OwnWords) : null;
            if (key == Drivers.Eigen && words is null) errors.Add(f + ".ownWords", "Beschrijf de drijfveer in je eigen woorden.");
            if (words?.Length > MaxOwnWords) errors.Add(f + ".ownWords", "Hoogstens {0} tekens.", MaxOwnWords);
            var weight = d.Weight ?? 3;
            if (weight is < Drivers.MinWeight or > Drivers.MaxWeight) errors.Add(f + ".weight", "Het gewicht is 1 tot en met 5.");
            clean.Add((d, key, words, weight));
        }
        Refuse(errors, "Je drijfveren zijn niet opgeslagen.");
        return await db.InTransactionAsync(async t =>
        {
            var held = await db.PersonDrivers.Where(d => d.UserId == userId).ToListAsync(t);
            if (clean.Any(c => c.In.Id is int id && held.All(h => h.Id != id))) throw ProblemException.NotFound();
            var gone = held.Where(h => clean.All(c => c.In.Id != h.Id)).ToList();
            var goneIds = gone.Select(h => h.Id).ToList();
            await db.WorkComments.Where(x => x.OwnerId == userId && x.ItemKind == CommentKinds.Driver && goneIds.Contains(x.ItemId)).ExecuteDeleteAsync(t);
            db.PersonDrivers.RemoveRange(gone);
            var result = new List<PersonDriver>();
            foreach (var (i, key, words, weight) in clean)
            {
                var row = i.Id is int id ? held.First(h => h.Id == id) : null;
                if (row is null)
                {
                    row = new PersonDriver { UserId = userId, Key = key, CreatedAt = Now };
                    db.PersonDrivers.Add(row);
                }
                row.Key = key;
                row.OwnWords = words;
                row.Weight = weight;
                row.SharedWith = AudienceOf(i.SharedWithBegeleider, i.SharedWithLeidinggevende);
                result.Add(row);
            }
            await db.SaveChangesAsync(t);
            return result.OrderByDescending(d => d.Weight).ThenBy(d => d.Id).ToList();
        }, ct);
    }

    // ── Themes ───────────────────────────────────────────────────────────────────────────────────────────────────

    public Task<List<WorkTheme>> ThemesAsync(string userId, CancellationToken ct) =>
        db.WorkThemes.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.ClosedAt != null).ThenByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .ToListAsync(ct);

    public sealed record ThemeInput(string? Title, string? Note, bool? Closed = null, bool SharedWithBegeleider = false, bool SharedWithLeidinggevende = false);

    private static (string Title, string? Note) CheckTheme(ThemeInput input)
    {
        var errors = new ValidationErrors();
        var title = Clean(input.Title);
        if (title is null) errors.Add("title", "Geef het thema een naam.");
        else if (title.Length > MaxThemeTitle) errors.Add("title", "Hoogstens {0} tekens.", MaxThemeTitle);
        var note = Clean(input.Note);
        if (note?.Length > MaxThemeNote) errors.Add("note", "Hoogstens {0} tekens.", MaxThemeNote);
        Refuse(errors, "Het thema is niet opgeslagen.");
        return (title!, note);
    }

    private async Task EnsureRoomForThemeAsync(string userId, CancellationToken ct)
    {
        if (await db.WorkThemes.CountAsync(t => t.UserId == userId, ct) >= MaxThemes)
            throw ProblemException.Invalid("Je hebt al {0} thema's; haal er eerst een weg.", MaxThemes);
    }

    public async Task<WorkTheme> AddThemeAsync(string userId, ThemeInput input, CancellationToken ct)
    {
        var (title, note) = CheckTheme(input);
        await EnsureRoomForThemeAsync(userId, ct);
        var theme = new WorkTheme
        {
            UserId = userId, Title = title, Note = note, CreatedAt = Now, SharedWith = AudienceOf(input.SharedWithBegeleider, input.SharedWithLeidinggevende),
            ClosedAt = input.Closed == true ? Now : null,
        };
        db.WorkThemes.Add(theme);
        await db.SaveChangesAsync(ct);
        return theme;
    }

    public async Task<WorkTheme> UpdateThemeAsync(string userId, int id, ThemeInput input, CancellationToken ct)
    {
        var theme = await db.WorkThemes.FirstOrDefaultAsync(t => t.Id == id && t.UserId == userId, ct) ?? throw ProblemException.NotFound();
        var (title, note) = CheckTheme(input);
        theme.Title = title;
        theme.Note = note;
        theme.SharedWith = AudienceOf(input.SharedWithBegeleider, input.SharedWithLeidinggevende);
        if (input.Closed is bool closed) theme.ClosedAt = closed ? theme.ClosedAt ?? Now : null;
        await db.SaveChangesAsync(ct);
        return theme;
    }

    /// <summary>Closes (no longer occupies me) or reopens a theme, leaving the rest as it is.</summary>
    public async Task<WorkTheme> SetThemeClosedAsync(string userId, int id, bool closed, CancellationToken ct)
    {
        var theme = await db.WorkThemes.FirstOrDefaultAsync(t => t.Id == id && t.UserId == userId, ct) ?? throw ProblemException.NotFound();
        theme.ClosedAt = closed ? theme.ClosedAt ?? Now : null;
        await db.SaveChangesAsync(ct);
        return theme;
    }

    public async Task DeleteThemeAsync(string userId, int id, CancellationToken ct)
    {
        if (await db.WorkThemes.Where(t => t.Id == id && t.UserId == userId).ExecuteDeleteAsync(ct) == 0) throw ProblemException.NotFound();
        await db.WorkComments.Where(x => x.OwnerId == userId && x.ItemKind == CommentKinds.Theme && x.ItemId == id).ExecuteDeleteAsync(ct);
    }

    private static void Refuse(ValidationErrors errors, string title)
    {
        if (errors.Count > 0) throw new ProblemException(400, new Message(title), errors.ToDictionary());
    }
}
