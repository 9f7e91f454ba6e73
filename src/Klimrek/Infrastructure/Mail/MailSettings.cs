namespace Klimrek.Infrastructure.Mail;

/// <summary>How the SMTP connection is secured (<c>Mail:Tls</c>).</summary>
public enum MailTls
{
    /// <summary>Plain SMTP, for a relay on the same machine or network only.</summary>
    None,
    /// <summary>Plain connection upgraded with STARTTLS, which the server must offer (usually port 587).</summary>
    StartTls,
    /// <summary>TLS from the first byte (SMTPS, usually port 465).</summary>
    SslOnConnect,
    /// <summary>TLS on port 465, STARTTLS where the server offers it elsewhere.</summary>
    Auto,
}

/// <summary>
/// The <c>Mail:*</c> settings. Without a <see cref="Host"/> (the embedded default) every message is written as an
/// <c>.eml</c> file to <c>mail/</c> in the data folder instead of being sent, so a fresh install works without a mail server.
/// </summary>
public sealed class MailSettings
{
    public const string Section = "Mail";

    /// <summary>The SMTP server; empty writes <c>.eml</c> files instead.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public MailTls Tls { get; set; } = MailTls.StartTls;
    /// <summary>The account to authenticate with; empty sends without authentication.</summary>
    public string? User { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "klimrek@localhost";
    public string FromName { get; set; } = "Klimrek";

    /// <summary>
    /// The address people reach the app on (<c>https://klimrek.example.org</c>), the start of every link in a mail.
    /// Required with a <see cref="Host"/>: links are never built from a request's Host header, which a client chooses.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>Where the <c>.eml</c> files go without a host; default <c>mail/</c> in the data folder.</summary>
    public string? PickupFolder { get; set; }

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Host);
}
