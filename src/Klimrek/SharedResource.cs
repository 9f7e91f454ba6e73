namespace Klimrek;

/// <summary>
/// Marker type for the UI strings. Keys are the Dutch texts themselves (Dutch is the default culture);
/// <c>Resources/SharedResource.en.resx</c> holds the English translations, and a missing one falls back to Dutch.
/// </summary>
public sealed class SharedResource;
