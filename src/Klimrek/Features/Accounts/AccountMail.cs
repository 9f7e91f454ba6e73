using Klimrek.Data;
using Klimrek.Infrastructure;
using Klimrek.Infrastructure.Mail;
using System.Globalization;
using System.Net;
using System.Text;

namespace Klimrek.Features.Accounts;

/// <summary>
/// The account mails, in the recipient's language (their account's, else the language of the page they used; Dutch by
/// default): plain text with the same text as simple HTML, every sentence from the resources.
/// </summary>
public sealed class AccountMail(MailComposer composer, Texts texts)
{
    /// <summary>"nl" or "en": the language of the current request's pages.</summary>
    public static string CurrentLanguage => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nl";

    public static string LanguageOf(KlimrekUser user) => user.Language == "en" ? "en" : "nl";

    public void Verification(KlimrekUser user, string link) =>
        Send(user.Email!, user.DisplayName, LanguageOf(user), "Bevestig je e-mailadres voor Klimrek",
            ["Welkom bij Klimrek. Bevestig je e-mailadres met de link hieronder; daarna kan een stuurgroep je aan een programma toevoegen.",
             "Heb je geen account gemaakt? Dan kun je deze mail negeren."],
            ("E-mailadres bevestigen", link));

    public void AlreadyRegistered(KlimrekUser user, string loginLink, string resetLink) =>
        Send(user.Email!, user.DisplayName, LanguageOf(user), "Er is geprobeerd een account te maken met je e-mailadres",
            ["Iemand (misschien jij) probeerde een nieuw Klimrek-account te maken met dit e-mailadres. Je hebt al een account; er is niets veranderd.",
             "Ben je je wachtwoord vergeten? Stel dan een nieuw in met de link hieronder. Was jij het niet? Dan kun je deze mail negeren."],
            ("Nieuw wachtwoord instellen", resetLink), ("Inloggen", loginLink));

    public void PasswordReset(KlimrekUser user, string link) =>
        Send(user.Email!, user.DisplayName, LanguageOf(user), "Nieuw wachtwoord voor Klimrek",
            ["Je vroeg om een nieuw wachtwoord. Stel het in met de link hieronder; de link werkt een dag en één keer.",
             "Heb je niet om een nieuw wachtwoord gevraagd? Dan kun je deze mail negeren; je wachtwoord blijft hetzelfde."],
            ("Nieuw wachtwoord instellen", link));

    /// <summary>An invitation to an address without a verified account; <paramref name="sentence"/> is a resource key with {0} for the inviter, {1} for the title.</summary>
    public void Invitation(string email, string language, string sentence, string inviter, string title, string link) =>
        Send(email, null, language, "Uitnodiging voor Klimrek",
            [texts.In(language)[sentence, inviter, title],
             "Maak met de link hieronder een account (of log in met dit e-mailadres) om mee te doen. De uitnodiging is een maand geldig.",
             "Ken je Klimrek of de afzender niet? Dan kun je deze mail negeren."],
            ("Uitnodiging bekijken", link));

    /// <summary>To a verified account that was added to something straight away.</summary>
    public void Added(KlimrekUser user, string sentence, string inviter, string title, string link) =>
        Send(user.Email!, user.DisplayName, LanguageOf(user), "Je bent toegevoegd in Klimrek",
            [texts.In(LanguageOf(user))[sentence, inviter, title]],
            ("Bekijken in Klimrek", link));

    private void Send(string to, string? name, string language, string subject, IReadOnlyList<string> paragraphs, params (string Label, string Url)[] links) =>
        composer.Send(to, name, language, subject, paragraphs, links);
}
