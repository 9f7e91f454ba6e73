using Klimrek.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;

namespace Klimrek.Features.Errors;

/// <summary>
/// What a "not found" (404) or "no access" (403) page says, fitted to the part of the site that was asked for: a
/// missing round under /leercultuur is not an occupation, a refused duo page is about the steering group and not about
/// curators. Each text says what may be missing or who may come here, and links back into that part; any other path
/// gets a general text.
/// </summary>
public static class ErrorTexts
{
    /// <summary>The texts for one part of the site (Dutch keys for the localizer).</summary>
    public sealed record Texts(string NotFound, string Forbidden, string Href, string LinkText);

    /// <summary>Answer links that are not in the main menu, but whose errors need their own words.</summary>
    private const string Scan = "/scan";

    private static readonly Texts General = new(
        "Deze pagina bestaat niet (meer). Controleer het adres, of ga terug naar de vorige pagina.",
        "Je hebt geen rechten voor deze pagina. Denk je dat dat niet klopt, vraag het dan aan een beheerder.",
        "/", "Naar de startpagina");

    private static Texts For(string? section) => section switch
    {
        MainMenu.Atlas => new("Dit beroep of deze pagina bestaat niet (meer). Zoek het beroep opnieuw op in de beroepenatlas.",
            "Alleen curatoren bewerken beroepsbeelden; een beheerder kan je die rol geven.", "/beroepen", "Naar de beroepenatlas"),
        MainMenu.Career => new("Deze pagina van je klimrek bestaat niet (meer), of het beroep staat niet (meer) in je profiel.",
            General.Forbidden, "/klimrek", "Naar mijn klimrek"),
        MainMenu.SamenLeren => new("Dit programma, dit duo of deze pagina bestaat niet (meer), of je doet er niet aan mee.",
            "Dit deel van het programma is voor de stuurgroep, of alleen voor de deelnemers van dit duo.", "/samen-leren", "Naar samen leren"),
        MainMenu.Werkleren => new("Dit experiment, dit gesprek of deze pagina bestaat niet (meer), of het is niet met je gedeeld.",
            "Dit is van iemand anders en niet met je gedeeld, of het vraagt een rol die je niet hebt.", "/werkleren", "Naar werkleren"),
        MainMenu.Leercultuur => new("Deze organisatie, ronde of pagina bestaat niet (meer), of je hebt er geen rol in de leercultuurscan.",
            "Je rol in de scan van deze organisatie geeft hier geen toegang toe: HR beheert de rondes, de stuurgroep en de begeleider lezen de uitkomsten.",
            "/leercultuur", "Naar leercultuur"),
        MainMenu.Begeleiding => new("Deze persoon deelt (nu) geen profiel met je, of de pagina bestaat niet (meer).",
            "Alleen begeleiders zien de profielen die met hen gedeeld zijn; een beheerder kan je die rol geven.", "/begeleiding", "Naar begeleiding"),
        MainMenu.Beheer or MainMenu.LabourMarket or MainMenu.Privacy => new("Deze beheerpagina of wat je zocht bestaat niet (meer).",
            "Alleen beheerders komen hier.", "/", "Naar de startpagina"),
        Scan => new("Deze link naar de leercultuurscan is niet (meer) geldig. Vraag HR van je organisatie om een nieuwe uitnodiging.",
            General.Forbidden, "/", "Naar de startpagina"),
        _ => General,
    };

    /// <summary>The texts for the path that was asked for (null: the general texts).</summary>
    public static Texts Of(string? path) =>
        For(path is not null && (path.Equals(Scan, StringComparison.OrdinalIgnoreCase) || path.StartsWith(Scan + "/", StringComparison.OrdinalIgnoreCase))
            ? Scan : MainMenu.SectionOf(path));

    /// <summary>
    /// The path the visitor asked for, on the error page: re-executed for a status code or an exception, the request's
    /// own path is the error page's, the original one is in a feature.
    /// </summary>
    public static string? AskedPath(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
        ?? context.Features.Get<IExceptionHandlerPathFeature>()?.Path
        ?? context.Request.Path.Value;

    /// <summary>
    /// The page that was refused, on the access-denied page the sign-in cookie redirects to (its <c>ReturnUrl</c>);
    /// only a local path counts.
    /// </summary>
    public static string? RefusedPath(HttpContext context)
    {
        var url = context.Request.Query["ReturnUrl"].ToString();
        if (url.Length == 0 || url[0] != '/' || url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith("/\\", StringComparison.Ordinal)) return null;
        var end = url.IndexOfAny(['?', '#']);
        return end < 0 ? url : url[..end];
    }
}
