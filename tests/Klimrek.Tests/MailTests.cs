using Klimrek.Infrastructure.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Klimrek.Tests;

/// <summary>The mail path itself: SMTP through MailKit to a real server, and the <c>.eml</c> folder of a fresh install.</summary>
public sealed class MailTests
{
    private static readonly MailMessage Message = new("sanne@example.org", "Sanne de Vries", "Bevestig je e-mailadres",
        "Hallo Sanne,\n\nOpen deze link: https://klimrek.example.org/account/bevestigen?x=1\n", "<p>Hallo Sanne,</p><p><a href=\"https://klimrek.example.org/account/bevestigen?x=1\">Bevestigen</a></p>", "nl");

    private static ServiceProvider Services(Dictionary<string, string?> settings, string contentRoot)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddMail(configuration, contentRoot);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Smtp_delivers_text_and_html_from_the_configured_sender_with_authentication()
    {
        using var server = TestSmtpServer.Start("klimrek", "geheim-smtp-wachtwoord");
        await using var sp = Services(new()
        {
            ["Mail:Host"] = "127.0.0.1", ["Mail:Port"] = server.Port.ToString(), ["Mail:Tls"] = "None",
            ["Mail:User"] = "klimrek", ["Mail:Password"] = "geheim-smtp-wachtwoord",
            ["Mail:FromAddress"] = "noreply@klimrek.example.org", ["Mail:FromName"] = "Klimrek Test", ["Mail:BaseUrl"] = "https://klimrek.example.org",
        }, Path.GetTempPath());
        var sender = sp.GetRequiredService<IMailSender>();
        Assert.IsType<SmtpMailSender>(sender);
        await sender.SendAsync(Message, CancellationToken.None);

        var received = await server.WaitForAsync("sanne@example.org");
        Assert.Equal("Bevestig je e-mailadres", received.Subject);
        Assert.Equal("noreply@klimrek.example.org", received.From.Mailboxes.Single().Address);
        Assert.Equal("Klimrek Test", received.From.Mailboxes.Single().Name);
        Assert.Equal("Sanne de Vries", received.To.Mailboxes.Single().Name);
        Assert.Equal("nl", received.Body!.Headers[HeaderId.ContentLanguage]);
        Assert.Contains("Open deze link: https://klimrek.example.org/account/bevestigen?x=1", received.TextBody);
        Assert.Contains("<a href=\"https://klimrek.example.org/account/bevestigen?x=1\">", received.HtmlBody);
    }

    [Fact]
    public async Task Wrong_smtp_credentials_fail_loudly()
    {
        using var server = TestSmtpServer.Start("klimrek", "juist");
        await using var sp = Services(new()
        {
            ["Mail:Host"] = "127.0.0.1", ["Mail:Port"] = server.Port.ToString(), ["Mail:Tls"] = "None",
            ["Mail:User"] = "klimrek", ["Mail:Password"] = "fout", ["Mail:BaseUrl"] = "https://klimrek.example.org",
        }, Path.GetTempPath());
        await Assert.ThrowsAnyAsync<Exception>(() => sp.GetRequiredService<IMailSender>().SendAsync(Message, CancellationToken.None));
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Without_a_host_mail_becomes_eml_files_in_the_data_folder()
    {
        var root = Path.Combine(Path.GetTempPath(), "klimrek-mail-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var sp = Services(new() { ["Klimrek:DataFolder"] = "data" }, root);
            var sender = sp.GetRequiredService<IMailSender>();
            await sender.SendAsync(Message, CancellationToken.None);
            var file = Assert.Single(Directory.GetFiles(Path.Combine(root, "data", "mail")));
            Assert.EndsWith(".eml", file);
            var saved = await MimeMessage.LoadAsync(file);
            Assert.Equal("Bevestig je e-mailadres", saved.Subject);
            Assert.Equal("sanne@example.org", saved.To.Mailboxes.Single().Address);
            Assert.Contains("https://klimrek.example.org/account/bevestigen?x=1", saved.TextBody);
            Assert.Contains("<p>Hallo Sanne,</p>", saved.HtmlBody);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_mail_server_without_a_base_url_for_links_is_refused_at_start()
    {
        using var sp = Services(new() { ["Mail:Host"] = "smtp.example.org" }, Path.GetTempPath());
        var e = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<MailSettings>>().Value);
        Assert.Contains("Mail:BaseUrl", e.Message);
    }
}
