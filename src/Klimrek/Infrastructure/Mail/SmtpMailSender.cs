using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Klimrek.Infrastructure.Mail;

/// <summary>Sends through the configured SMTP server with MailKit: one connection per mail, authenticated when a user is set.</summary>
public sealed class SmtpMailSender(IOptions<MailSettings> options) : IMailSender
{
    public async Task SendAsync(MailMessage message, CancellationToken ct)
    {
        var settings = options.Value;
        using var mime = MimeMessages.Create(settings, message);
        using var client = new SmtpClient();
        client.Timeout = 30_000;
        await client.ConnectAsync(settings.Host ?? "", settings.Port, Security(settings.Tls), ct);
        if (!string.IsNullOrEmpty(settings.User))
            await client.AuthenticateAsync(settings.User, settings.Password ?? "", ct);
        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    private static SecureSocketOptions Security(MailTls tls) => tls switch
    {
        MailTls.None => SecureSocketOptions.None,
        MailTls.SslOnConnect => SecureSocketOptions.SslOnConnect,
        MailTls.Auto => SecureSocketOptions.Auto,
        _ => SecureSocketOptions.StartTls,
    };
}
