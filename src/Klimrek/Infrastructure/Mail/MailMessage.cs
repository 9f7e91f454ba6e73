namespace Klimrek.Infrastructure.Mail;

/// <summary>One mail to one person: a subject, a plain-text body and the same text as simple HTML.</summary>
/// <param name="To">The recipient's address.</param>
/// <param name="ToName">The recipient's name, when known.</param>
/// <param name="Language">The language the mail is written in ("nl" or "en"), for its <c>Content-Language</c>.</param>
public sealed record MailMessage(string To, string? ToName, string Subject, string TextBody, string HtmlBody, string Language = "nl");

/// <summary>Delivers a mail now (SMTP, or an <c>.eml</c> file); throws when it cannot.</summary>
public interface IMailSender
{
    Task SendAsync(MailMessage message, CancellationToken ct);
}
