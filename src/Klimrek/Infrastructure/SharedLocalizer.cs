using Microsoft.Extensions.Localization;
using System.Globalization;

namespace Klimrek.Infrastructure;

/// <summary>
/// The UI strings' localizer. Keys are the Dutch texts; the resx compiler treats keys case-insensitively, so a word
/// used both as a heading ("Werkgever") and inside a sentence ("werkgever") can have only one entry. A lower-case key
/// without its own entry falls back to the capitalised key, with the first letter of the translation lower-cased.
/// </summary>
public sealed class SharedLocalizer(IStringLocalizerFactory factory) : IStringLocalizer<SharedResource>
{
    private readonly IStringLocalizer _inner = factory.Create(typeof(SharedResource));

    public LocalizedString this[string name] => Lookup(name, null);

    public LocalizedString this[string name, params object[] arguments] => Lookup(name, arguments);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _inner.GetAllStrings(includeParentCultures);

    private LocalizedString Lookup(string name, object[]? arguments)
    {
        var found = arguments is null ? _inner[name] : _inner[name, arguments];
        if (!found.ResourceNotFound || name.Length == 0 || !char.IsLower(name[0])) return found;
        var capitalised = char.ToUpperInvariant(name[0]) + name[1..];
        var other = arguments is null ? _inner[capitalised] : _inner[capitalised, arguments];
        if (other.ResourceNotFound || other.Value.Length == 0) return found;
        var value = char.ToLower(other.Value[0], CultureInfo.CurrentUICulture) + other.Value[1..];
        return new LocalizedString(name, value, resourceNotFound: false, other.SearchedLocation);
    }
}
