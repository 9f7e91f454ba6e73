using MimeKit;

namespace Klimrek.Infrastructure.Mail;

/// <summary>Builds the MIME message for a <see cref="MailMessage"/>: multipart/alternative, plain text first, then HTML.</summary>
public static class MimeMessages
{
    public static MimeMessage Create(MailSettings settings, MailMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.To));
        mime.Subject = message.Subject;
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        // MIME keeps Content-* headers with the body, not the message.
        mime.Body.Headers.Add(HeaderId.ContentLanguage, message.Language);
        return mime;
    }
}
