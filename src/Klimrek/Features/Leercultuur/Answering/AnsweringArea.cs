using Klimrek.Data;
using Klimrek.Features.Leercultuur.Instrument;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Klimrek.Features.Leercultuur.Answering;

/// <summary>
/// Leercultuur: answering — the anonymous pages <c>/scan/{token}</c> and <c>/scan/open/{openToken}</c> and the API
/// under <c>/api/v1/scan</c>. No account: the link is the key. Rate: the API's general per-address limit applies
/// (<c>RateLimits</c>); the credentials policy is not reused, since a whole office answering from one address would
/// run into it.
/// </summary>
internal static class AnsweringArea
{
    public static IServiceCollection Add(IServiceCollection services)
    {
        services.AddScoped<AnsweringService>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AllowAnonymousToFolder("/Leercultuur/Answering"));
        return services;
    }

    public static void Map(RouteGroupBuilder scan)
    {
        scan.MapGet("/open/{openToken}", OpenAsync).WithName("GetScanOpenLink").WithSummary("An open link's round: its title, whether it takes answers, and the units to pick from.");
        scan.MapPost("/open/{openToken}", StartAsync).WithName("StartScanAnswer")
            .WithSummary("Starts an answer through the open link for the unit picked; returns the respondent's own resume token (keep it: it is the only way back to the draft).");
        scan.MapGet("/{scanToken}", FormAsync).WithName("GetScanForm")
            .WithSummary("The scan behind a personal or resume link: round title, language, state, the items in the chosen language (lang=nl|en), and the draft's answers.");
        scan.MapPut("/{scanToken}/draft", SaveDraftAsync).WithName("SaveScanDraft")
            .WithSummary("Saves answers so far (values 1–5 or 0 for 'weet ik niet', texts, choices by item key) on top of the draft; invalid answers change nothing.");
        scan.MapPost("/{scanToken}", SubmitAsync).WithName("SubmitScanAnswer")
            .WithSummary("Sends the answer (the draft with the body's answers on top), all or nothing; the link cannot answer again.");
    }

    public sealed record OptionView(string Key, string Text);
    public sealed record ItemView(string Key, int Block, string Kind, string Text, List<OptionView>? Options, bool Multiple);
    public sealed record FormView(string RoundTitle, string Language, string State, DateOnly ClosesOn, string? Unit, int MaxChoices, List<ItemView> Items, ScanAnswers Answers);
    public sealed record UnitView(int Id, string Name);
    public sealed record OpenView(string RoundTitle, string State, DateOnly ClosesOn, List<UnitView> Units);
    public sealed record StartInput(int? UnitId, string? Language);
    public sealed record StartView(string Token, string Url);
    public sealed record DraftInput(Dictionary<string, int>? Values, Dictionary<string, string>? Texts, Dictionary<string, string[]>? Choices, string? Language)
    {
        public ScanAnswers Answers => new(Values, Texts, Choices);
    }

    public static string StateName(ScanLinkState s) => s switch
    {
        ScanLinkState.Open => "open",
        ScanLinkState.NotYetOpen => "notYetOpen",
        ScanLinkState.Closed => "closed",
        _ => "answered",
    };

    public static string KindName(ScanItemKind k) => k switch { ScanItemKind.Stelling => "statement", ScanItemKind.Open => "open", _ => "choice" };

    public static async Task<Ok<FormView>> FormAsync(string scanToken, string? lang, AnsweringService answering, CancellationToken ct)
    {
        var s = await answering.ResolveAsync(scanToken, ct);
        var language = AnsweringService.LanguageOf(lang, s.Draft?.Language ?? s.Invitation?.Language ?? "nl");
        var instrument = await answering.InstrumentAsync(s.Round, ct);
        var items = instrument.Items.Select(i => new ItemView(i.Key, i.Block, KindName(i.Kind), language == "en" ? i.TextEn : i.TextNl,
            i.Kind == ScanItemKind.Onderstroom ? InstrumentService.OptionsOf(i).Select(o => new OptionView(o.Key, o.In(language))).ToList() : null, i.MultipleChoice)).ToList();
        var unit = s.UnitId is { } u ? (await answering.UnitsAsync(s.Round, ct)).FirstOrDefault(x => x.Id == u)?.Name : null;
        var answers = s.State == ScanLinkState.Answered ? new ScanAnswers() : AnsweringService.AnswersOf(s.Draft);
        return TypedResults.Ok(new FormView(s.Round.Title, language, StateName(s.State), s.Round.ClosesOn, unit, InstrumentSeed.MaxChoices, items, answers));
    }

    public static async Task<Ok<ScanAnswers>> SaveDraftAsync(string scanToken, DraftInput input, AnsweringService answering, CancellationToken ct) =>
        TypedResults.Ok(await answering.SaveDraftAsync(scanToken, input.Answers, input.Language, ct));

    public static async Task<NoContent> SubmitAsync(string scanToken, ScanAnswers input, AnsweringService answering, CancellationToken ct)
    {
        await answering.SubmitAsync(scanToken, input, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<OpenView>> OpenAsync(string openToken, AnsweringService answering, CancellationToken ct)
    {
        var round = await answering.OpenRoundAsync(openToken, ct);
        var units = await answering.UnitsAsync(round, ct);
        return TypedResults.Ok(new OpenView(round.Title, StateName(answering.StateOf(round)), round.ClosesOn, units.Select(u => new UnitView(u.Id, u.Name)).ToList()));
    }

    public static async Task<Created<StartView>> StartAsync(string openToken, StartInput input, AnsweringService answering, CancellationToken ct)
    {
        var token = await answering.StartAsync(openToken, input.UnitId, input.Language, ct);
        return TypedResults.Created($"/api/v1/scan/{token}", new StartView(token, $"/scan/{token}"));
    }
}
