namespace Klimrek.Infrastructure.Mail;

/// <summary>
/// Without a mail server: every mail becomes an <c>.eml</c> file in one folder (open it in any mail program). The file
/// is written under a temporary name and then renamed, so whoever reads the folder never sees half a message.
/// </summary>
public sealed class PickupFolderMailSender(string folder, TimeProvider clock, MailSettings settings) : IMailSender
{
    public string Folder => folder;

    public async Task SendAsync(MailMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        using var mime = MimeMessages.Create(settings, message);
        var name = $"{clock.GetUtcNow():yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid():N}";
        var temporary = Path.Combine(folder, name + ".tmp");
        await mime.WriteToAsync(temporary, ct);
        File.Move(temporary, Path.Combine(folder, name + ".eml"));
    }
}
