using Microsoft.Extensions.Options;

namespace Klimrek.Infrastructure.Mail;

/// <summary>Absolute links for mails: <c>Mail:BaseUrl</c> plus a path; without a mail server (the <c>.eml</c> default) the current request's address.</summary>
public sealed class MailLinks(IOptions<MailSettings> options, IHttpContextAccessor http)
{
    /// <summary>The app's own address (without a trailing slash), or null outside a request when <c>Mail:BaseUrl</c> is not set.</summary>
    public string? Base()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.BaseUrl)) return options.Value.BaseUrl.TrimEnd('/');
        return http.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}{request.PathBase}" : null;
    }

    public string To(string pathAndQuery)
    {
        var configured = options.Value.BaseUrl;
        string start;
        if (!string.IsNullOrWhiteSpace(configured))
            start = configured.TrimEnd('/');
        else
        {
            var request = http.HttpContext?.Request ?? throw new InvalidOperationException("Mail:BaseUrl is not set and there is no request to take the address from.");
            start = $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
        return start + pathAndQuery;
    }
}
