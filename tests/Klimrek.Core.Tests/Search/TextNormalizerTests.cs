using Klimrek.Core.Search;

namespace Klimrek.Core.Tests.Search;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Inspiciënt", "inspicient")]
    [InlineData("  IC-verpleegkundige ", "ic verpleegkundige")]
    [InlineData("Straße", "strasse")]
    [InlineData("Ĳsbaan café", "ijsbaan cafe")]
    [InlineData("søren", "soren")]
    [InlineData("a/b\\c", "a b c")]
    [InlineData("", "")]
    public void Normalizes(string input, string expected) => Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void Tokenizes_in_order() => Assert.Equal(["verpleegkundige", "ggz"], TextNormalizer.Tokenize("Verpleegkundige (GGZ)"));
}
