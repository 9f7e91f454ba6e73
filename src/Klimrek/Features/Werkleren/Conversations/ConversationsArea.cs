using Klimrek.Data;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Globalization;
using System.Security.Claims;
using static Klimrek.Features.Werkleren.Conversations.ConversationService;

namespace Klimrek.Features.Werkleren.Conversations;

/// <summary>
/// Werkleren: Conversations — the conversation help (Tool 1), drivers and themes, the praatplaat (Tool 3) and the
/// beheerder's adaptation of the questions. API under <c>/api/v1/me/werkleren</c> (one's own) and
/// <c>/api/v1/admin/question-sets</c> (beheerder).
/// </summary>
internal static class ConversationsArea
{
    public static IServiceCollection Add(IServiceCollection services)
    {
        services.AddScoped<QuestionSetService>();
        services.AddScoped<ConversationService>();
        services.AddPersonalData<ConversationsPersonalData>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizePage("/Werkleren/Conversations/QuestionsAdmin", Policies.Beheerder));
        return services;
    }

    public sealed record QuestionView(string Direction, string Key, string Text, string Why, string TextNl, string TextEn, string WhyNl, string WhyEn);
    public sealed record QuestionSetView(int? RevisionId, int? Number, int? OrganisationId, DateTime? CreatedAt, string? Note, bool IsDefault,
        IReadOnlyList<QuestionView> Questions);
    public sealed record AnswerView(int Id, string QuestionKey, string Question, string? Answer);
    public sealed record ConversationView(int Id, QuestionDirection Direction, DateOnly HeldOn, ConversationPartner With, string? WithName, string? WithUserId,
        int? QuestionSetRevisionId, bool SharedWithBegeleider, bool SharedWithLeidinggevende, int Version, DateTime CreatedAt, DateTime UpdatedAt,
        IReadOnlyList<AnswerView> Answers);
    public sealed record ConversationSummary(int Id, QuestionDirection Direction, DateOnly HeldOn, ConversationPartner With, string? WithName, int Answered,
        int Questions, bool SharedWithBegeleider, bool SharedWithLeidinggevende, int Version);
    public sealed record SharingRequest(bool? SharedWithBegeleider, bool? SharedWithLeidinggevende);
    public sealed record ToDriverRequest(string? Key, string? OwnWords, int? Weight);
    public sealed record TitleRequest(string? Title);
    public sealed record DriverView(int Id, string Key, string Name, string? OwnWords, int Weight, bool SharedWithBegeleider, bool SharedWithLeidinggevende,
        int? FromAnswerId);
    public sealed record DriversRequest(IReadOnlyList<DriverInput>? Drivers);
    public sealed record ThemeView(int Id, string Title, string? Note, bool Open, DateTime CreatedAt, DateTime? ClosedAt, bool SharedWithBegeleider,
        bool SharedWithLeidinggevende, int? FromAnswerId);
    public sealed record ExperimentCreatedView(int Id, string Title, string State, string Link);
    public sealed record RevisionRequest(IReadOnlyList<Question>? Questions, string? Note);

    public static void Map(RouteGroupBuilder werkleren)
    {
        werkleren.MapGet("/questions", QuestionsAsync).WithName("WerklerenQuestions")
            .WithSummary("The conversation questions you get (Tool 1): looking ahead (Vooruit) and looking back (Terug), each with why it is asked. "
                + "Your organisation's newest revision, else the installation's, else the shipped default.");
        var conversations = werkleren.MapGroup("/conversations");
        conversations.MapGet("/", ListAsync).WithName("ListConversations").WithSummary("Your conversations, newest first.");
        conversations.MapPost("/", CreateAsync).WithName("CreateConversation").ProducesValidationProblem()
            .WithSummary("Saves a dated conversation: direction (Vooruit|Terug), heldOn, with (Alleen|Collega|Begeleider|Leidinggevende), withName, "
                + "withUserId (someone you named), answers [{questionKey, answer}]. The questions are stored as asked, in the language of the request.");
        conversations.MapGet("/{conversationId:int}", GetAsync).WithName("GetConversation")
            .WithSummary("One conversation: yours, or one its owner shared with you as begeleider or leidinggevende (else 404). Its version is in the ETag.");
        conversations.MapPut("/{conversationId:int}", UpdateAsync).WithName("UpdateConversation").ProducesValidationProblem().ProducesProblem(409)
            .WithSummary("Changes the date, who was there and the answers ([{answerId or questionKey, answer}]). "
                + "Send the version in If-Match (\"3\"): 409 when it was saved meanwhile.");
        conversations.MapDelete("/{conversationId:int}", DeleteAsync).WithName("DeleteConversation")
            .WithSummary("Deletes the conversation; drivers, themes and experiments made from its answers stay.");
        conversations.MapPut("/{conversationId:int}/sharing", ShareAsync).WithName("ShareConversation").ProducesValidationProblem()
            .WithSummary("Shares the conversation with your begeleider and/or leidinggevende, or stops sharing (both fields required).");
        conversations.MapPost("/{conversationId:int}/answers/{answerId:int}/to-driver", ToDriverAsync).WithName("AnswerToDriver").ProducesValidationProblem()
            .WithSummary("Makes the answer a driver: key 'eigen' (default) with ownWords (default: the answer's short form), or a named driver; weight 1–5 (default 3).");
        conversations.MapPost("/{conversationId:int}/answers/{answerId:int}/to-theme", ToThemeAsync).WithName("AnswerToTheme").ProducesValidationProblem()
            .WithSummary("Makes the answer a theme (what occupies you now); title defaults to the answer's short form, the note is the answer.");
        conversations.MapPost("/{conversationId:int}/answers/{answerId:int}/to-experiment", ToExperimentAsync).WithName("AnswerToExperiment").ProducesValidationProblem()
            .WithSummary("Starts a learning experiment (state Idee) from the answer: the answer is what you want to try and why.");

        werkleren.MapGet("/drivers", DriversAsync).WithName("GetDrivers").WithSummary("Your drivers with their weights (1–5), own words and sharing.");
        werkleren.MapPut("/drivers", SaveDriversAsync).WithName("SaveDrivers").ProducesValidationProblem()
            .WithSummary("Replaces your drivers: {drivers: [{id?, key (ontwikkeling|verbondenheid|kwaliteit|erkenning|eigen), ownWords, weight, "
                + "sharedWithBegeleider, sharedWithLeidinggevende}]}. Listed ids are kept, the rest removed. Mijn klimrek's personal fit weighs by them.");
        werkleren.MapGet("/themes", ThemesAsync).WithName("GetThemes").WithSummary("Your themes (what occupies you in your work), open ones first.");
        werkleren.MapPost("/themes", AddThemeAsync).WithName("AddTheme").ProducesValidationProblem().WithSummary("Adds a theme: title, note, sharing.");
        werkleren.MapPut("/themes/{themeId:int}", UpdateThemeAsync).WithName("UpdateTheme").ProducesValidationProblem()
            .WithSummary("Changes a theme: title, note, closed (true closes, false reopens, absent keeps), sharing.");
        werkleren.MapDelete("/themes/{themeId:int}", DeleteThemeAsync).WithName("DeleteTheme").WithSummary("Deletes a theme.");
    }

    /// <summary>The beheerder's routes under <c>/api/v1/admin/question-sets</c>: the questions of their own organisation.</summary>
    public static void MapAdmin(RouteGroupBuilder api)
    {
        var sets = api.MapGroup("/admin/question-sets").WithTags("Werkleren").RequireAuthorization(Policies.Beheerder);
        sets.MapGet("/", RevisionsAsync).WithName("QuestionSetRevisions")
            .WithSummary("The revisions of the conversation questions of your organisation (none: the installation's), newest first.");
        sets.MapGet("/current", CurrentAsync).WithName("CurrentQuestionSet")
            .WithSummary("The questions in force for your organisation (a revision, or the shipped default when there is none).");
        sets.MapPost("/", CreateRevisionAsync).WithName("CreateQuestionSetRevision").ProducesValidationProblem()
            .WithSummary("Stores a new revision: {questions: [{direction, key, textNl, textEn, whyNl, whyEn}], note}. "
                + "Conversations held with earlier revisions keep their texts.");
    }

    internal static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    internal static QuestionSetView SetView(QuestionSet s, string? note = null) => new(s.RevisionId, s.Number, s.OrganisationId, s.CreatedAt, note,
        s.RevisionId is null,
        s.Questions.Select(q => new QuestionView(q.Direction.ToString(), q.Key, q.Text(English), q.Why(English), q.TextNl, q.TextEn, q.WhyNl, q.WhyEn)).ToList());

    internal static ConversationView View(Conversation c) => new(c.Id, c.Direction, c.HeldOn, c.With, c.WithName, c.WithUserId, c.QuestionSetRevisionId,
        c.SharedWith.HasFlag(Audience.Begeleider), c.SharedWith.HasFlag(Audience.Leidinggevende), c.Version, DateTime.SpecifyKind(c.CreatedAt, DateTimeKind.Utc),
        DateTime.SpecifyKind(c.UpdatedAt, DateTimeKind.Utc), c.Answers.OrderBy(a => a.Position).Select(a => new AnswerView(a.Id, a.QuestionKey, a.Question, a.Answer)).ToList());

    internal static DriverView View(PersonDriver d) => new(d.Id, d.Key, Drivers.NameOf(d, English), d.OwnWords, d.Weight, d.SharedWith.HasFlag(Audience.Begeleider),
        d.SharedWith.HasFlag(Audience.Leidinggevende), d.FromAnswerId);

    internal static ThemeView View(WorkTheme t) => new(t.Id, t.Title, t.Note, t.ClosedAt is null, DateTime.SpecifyKind(t.CreatedAt, DateTimeKind.Utc),
        t.ClosedAt is DateTime c ? DateTime.SpecifyKind(c, DateTimeKind.Utc) : null, t.SharedWith.HasFlag(Audience.Begeleider),
        t.SharedWith.HasFlag(Audience.Leidinggevende), t.FromAnswerId);

    public static async Task<Ok<QuestionSetView>> QuestionsAsync(ClaimsPrincipal user, QuestionSetService sets, CancellationToken ct) =>
        TypedResults.Ok(SetView(await sets.ForPersonAsync(UserId(user), ct)));

    public static async Task<Ok<List<ConversationSummary>>> ListAsync(ClaimsPrincipal user, ConversationService s, CancellationToken ct) =>
        TypedResults.Ok((await s.ListAsync(UserId(user), ct)).Select(c => new ConversationSummary(c.Id, c.Direction, c.HeldOn, c.With, c.WithName,
            c.Answers.Count(a => !string.IsNullOrWhiteSpace(a.Answer)), c.Answers.Count, c.SharedWith.HasFlag(Audience.Begeleider),
            c.SharedWith.HasFlag(Audience.Leidinggevende), c.Version)).ToList());

    public static async Task<Created<ConversationView>> CreateAsync(ConversationInput req, ClaimsPrincipal user, ConversationService s, HttpContext http,
        CancellationToken ct)
    {
        var c = await s.CreateAsync(UserId(user), req, English, ct);
        Versions.SetETag(http, c);
        return TypedResults.Created($"/api/v1/me/werkleren/conversations/{c.Id}", View(c));
    }

    public static async Task<Ok<ConversationView>> GetAsync(int conversationId, ClaimsPrincipal user, ConversationService s, HttpContext http, CancellationToken ct)
    {
        var c = await s.ReadAsync(user, conversationId, ct);
        Versions.SetETag(http, c);
        return TypedResults.Ok(View(c));
    }

    public static async Task<Ok<ConversationView>> UpdateAsync(int conversationId, ConversationInput req, ClaimsPrincipal user, ConversationService s, HttpContext http,
        CancellationToken ct)
    {
        var c = await s.UpdateAsync(UserId(user), conversationId, req, Versions.FromIfMatch(http), ct);
        Versions.SetETag(http, c);
        return TypedResults.Ok(View(c));
    }

    public static async Task<NoContent> DeleteAsync(int conversationId, ClaimsPrincipal user, ConversationService s, CancellationToken ct)
    {
        await s.DeleteAsync(UserId(user), conversationId, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<ConversationView>> ShareAsync(int conversationId, SharingRequest req, ClaimsPrincipal user, ConversationService s, CancellationToken ct) =>
        TypedResults.Ok(View(await s.ShareAsync(UserId(user), conversationId, req.SharedWithBegeleider, req.SharedWithLeidinggevende, ct)));

    public static async Task<Created<DriverView>> ToDriverAsync(int conversationId, int answerId, ToDriverRequest req, ClaimsPrincipal user, ConversationService s,
        CancellationToken ct) =>
        TypedResults.Created("/api/v1/me/werkleren/drivers", View(await s.ToDriverAsync(UserId(user), conversationId, answerId, req.Key, req.OwnWords, req.Weight, ct)));

    public static async Task<Created<ThemeView>> ToThemeAsync(int conversationId, int answerId, TitleRequest req, ClaimsPrincipal user, ConversationService s,
        CancellationToken ct)
    {
        var t = await s.ToThemeAsync(UserId(user), conversationId, answerId, req.Title, ct);
        return TypedResults.Created($"/api/v1/me/werkleren/themes/{t.Id}", View(t));
    }

    public static async Task<Created<ExperimentCreatedView>> ToExperimentAsync(int conversationId, int answerId, TitleRequest req, ClaimsPrincipal user,
        ConversationService s, CancellationToken ct)
    {
        var e = await s.ToExperimentAsync(UserId(user), conversationId, answerId, req.Title, ct);
        return TypedResults.Created($"/api/v1/me/werkleren/experiments/{e.Id}", new ExperimentCreatedView(e.Id, e.Title, e.State.ToString(), $"/werkleren/experimenten/{e.Id}"));
    }

    public static async Task<Ok<List<DriverView>>> DriversAsync(ClaimsPrincipal user, ConversationService s, CancellationToken ct) =>
        TypedResults.Ok((await s.DriversAsync(UserId(user), ct)).Select(View).ToList());

    public static async Task<Ok<List<DriverView>>> SaveDriversAsync(DriversRequest req, ClaimsPrincipal user, ConversationService s, CancellationToken ct) =>
        TypedResults.Ok((await s.SaveDriversAsync(UserId(user), req.Drivers, ct)).Select(View).ToList());

    public static async Task<Ok<List<ThemeView>>> ThemesAsync(ClaimsPrincipal user, ConversationService s, CancellationToken ct) =>
        TypedResults.Ok((await s.ThemesAsync(UserId(user), ct)).Select(View).ToList());

    public static async Task<Created<ThemeView>> AddThemeAsync(ThemeInput req, ClaimsPrincipal user, ConversationService s, CancellationToken ct)
    {
        var t = await s.AddThemeAsync(UserId(user), req, ct);
        return TypedResults.Created($"/api/v1/me/werkleren/themes/{t.Id}", View(t));
    }

    public static async Task<Ok<ThemeView>> UpdateThemeAsync(int themeId, ThemeInput req, ClaimsPrincipal user, ConversationService s, CancellationToken ct) =>
        TypedResults.Ok(View(await s.UpdateThemeAsync(UserId(user), themeId, req, ct)));

    public static async Task<NoContent> DeleteThemeAsync(int themeId, ClaimsPrincipal user, ConversationService s, CancellationToken ct)
    {
        await s.DeleteThemeAsync(UserId(user), themeId, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<QuestionSetView>>> RevisionsAsync(ClaimsPrincipal user, QuestionSetService sets, CancellationToken ct)
    {
        var org = await sets.OrganisationOfAsync(UserId(user), ct);
        return TypedResults.Ok((await sets.RevisionsAsync(org, ct)).Select(r => SetView(QuestionSets.Of(r), r.Note)).ToList());
    }

    public static async Task<Ok<QuestionSetView>> CurrentAsync(ClaimsPrincipal user, QuestionSetService sets, CancellationToken ct) =>
        TypedResults.Ok(SetView(await sets.CurrentAsync(await sets.OrganisationOfAsync(UserId(user), ct), ct)));

    public static async Task<Created<QuestionSetView>> CreateRevisionAsync(RevisionRequest req, ClaimsPrincipal user, QuestionSetService sets, CancellationToken ct)
    {
        var org = await sets.OrganisationOfAsync(UserId(user), ct);
        var r = await sets.CreateRevisionAsync(org, UserId(user), req.Questions, req.Note, ct);
        return TypedResults.Created("/api/v1/admin/question-sets/current", SetView(QuestionSets.Of(r), r.Note));
    }
}
