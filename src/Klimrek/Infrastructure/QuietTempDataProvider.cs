using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Mvc.ViewFeatures.Infrastructure;
using Microsoft.Extensions.Options;

namespace Klimrek.Infrastructure;

/// <summary>
/// ASP.NET Core's cookie TempData, except that a request which brought no TempData cookie and leaves none gets no
/// Set-Cookie. The stock provider deletes the cookie on every response of a page that looks at TempData (a
/// <c>[TempData]</c> property is enough), and a response with Set-Cookie is never output-cached: the public
/// occupation page fell from about 36,000 to 4,500 requests a second under load (bench/results/load.md).
/// </summary>
public sealed class QuietTempDataProvider(IDataProtectionProvider dataProtection, ILoggerFactory loggers,
    IOptions<CookieTempDataProviderOptions> options, TempDataSerializer serializer) : ITempDataProvider
{
    private readonly CookieTempDataProvider _inner = new(dataProtection, loggers, options, serializer);
    private readonly string _cookieName = options.Value.Cookie.Name ?? CookieTempDataProvider.CookieName;

    public IDictionary<string, object> LoadTempData(HttpContext context) => _inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        // Nothing to keep and nothing to delete: say nothing. (A chunked cookie's first part has the same name.)
        if (values.Count == 0 && !context.Request.Cookies.ContainsKey(_cookieName)) return;
        _inner.SaveTempData(context, values);
    }
}
