using Klimrek.Data;
using Microsoft.Extensions.Options;

namespace Klimrek.Infrastructure.Mail;

/// <summary>
/// Mail for every module: <see cref="MailOutbox"/> to send, <see cref="MailLinks"/> for links, <see cref="IMailSender"/>
/// (SMTP through MailKit with <c>Mail:Host</c>, else <c>.eml</c> files in <c>mail/</c> in the data folder).
/// </summary>
public static class MailModule
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<MailSettings>()
            .Bind(configuration.GetSection(MailSettings.Section))
            .Validate(s => !s.UsesSmtp || Uri.TryCreate(s.BaseUrl, UriKind.Absolute, out _),
                "Mail:BaseUrl must be the app's absolute address (https://…) when Mail:Host is set: links in mails are built from it.")
            .Validate(s => s.Port is > 0 and < 65536, "Mail:Port must be between 1 and 65535.")
            .ValidateOnStart();
        var dataFolder = DatabaseSetup.DataFolder(configuration, contentRoot);
        services.AddSingleton<IMailSender>(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<MailSettings>>();
            if (settings.Value.UsesSmtp) return new SmtpMailSender(settings);
            var folder = string.IsNullOrWhiteSpace(settings.Value.PickupFolder) ? Path.Combine(dataFolder, "mail") : Path.GetFullPath(settings.Value.PickupFolder, dataFolder);
            return new PickupFolderMailSender(folder, sp.GetRequiredService<TimeProvider>(), settings.Value);
        });
        services.AddSingleton<MailOutbox>();
        services.AddSingleton<MailComposer>();
        services.AddHostedService<MailDelivery>();
        services.AddHttpContextAccessor();
        services.AddScoped<MailLinks>();
        return services;
    }
}
