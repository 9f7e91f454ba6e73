using System.Net;
using System.Text;

namespace Klimrek.Infrastructure.Mail;

/// <summary>
/// Writes the app's mails one way: a greeting, paragraphs (resource keys, or text already in the recipient's language,
/// which passes through unchanged), links with their address written out, and "— Klimrek"; plain text and the same as
/// simple HTML, queued on the <see cref="MailOutbox"/>.
/// </summary>
public sealed class MailComposer(MailOutbox outbox, Texts texts)
{
    /// <summary>Composes and queues one mail: a greeting, the paragraphs (resource keys, or text already translated), the links.</summary>
    public void Send(string to, string? name, string language, string subject, IReadOnlyList<string> paragraphs, params (string Label, string Url)[] links)
    {
        var t = texts.In(language);
        var greeting = string.IsNullOrWhiteSpace(name) ? t["Hallo,"] : t["Hallo {0},", name];
        var lines = paragraphs.Select(p => t[p]).ToList();
        var text = new StringBuilder().Append(greeting).Append("\n\n");
        var html = new StringBuilder().Append("<!DOCTYPE html><html lang=\"").Append(language).Append("\"><body><p>").Append(WebUtility.HtmlEncode(greeting)).Append("</p>");
        foreach (var line in lines)
        {
            text.Append(line).Append("\n\n");
            html.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>");
        }
        foreach (var (label, url) in links)
        {
            text.Append(t[label]).Append(":\n").Append(url).Append("\n\n");
            html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">").Append(WebUtility.HtmlEncode(t[label])).Append("</a><br>")
                .Append("<small>").Append(WebUtility.HtmlEncode(url)).Append("</small></p>");
        }
        text.Append("— Klimrek\n");
        html.Append("<p>— Klimrek</p></body></html>");
        outbox.Enqueue(new MailMessage(to, name, t[subject], text.ToString(), html.ToString(), language));
    }
}
