using Klimrek.Core.Atlas;

namespace Klimrek.Core.Tests.Atlas;

public sealed class SkillAspectClassifierTests
{
    [Theory]
    [InlineData("knowledge", new[] { "S1.1" }, BodyAspect.Hoofd)]
    [InlineData("skill/competence", new[] { "S1.7.3", "S1.7", "S1", "S" }, BodyAspect.Mond)]
    [InlineData("skill/competence", new[] { "S4.5.0", "S4.5", "S4", "T3.4", "T3" }, BodyAspect.Mond)]
    [InlineData("skill/competence", new[] { "T3.4", "T3", "T" }, BodyAspect.Hart)]
    [InlineData("skill/competence", new[] { "S4.2.2", "S4", "T3.1", "T3" }, BodyAspect.Handen)]
    [InlineData("skill/competence", new[] { "S1.9.1", "S1.9", "S1", "T2.1", "T2" }, BodyAspect.Hoofd)]
    [InlineData("skill/competence", new[] { "T6.1" }, BodyAspect.Buik)]
    [InlineData("skill/competence", new[] { "L1.2", "L" }, BodyAspect.Mond)]
    [InlineData("skill/competence", new[] { "S1.10" }, BodyAspect.Handen)]
    [InlineData("skill/competence", new[] { "S6.1" }, BodyAspect.Handen)]
    [InlineData(null, new[] { "0613", "061" }, BodyAspect.Hoofd)]
    [InlineData(null, new string[0], BodyAspect.Handen)]
    public void Places_skills_by_type_and_hierarchy(string? type, string[] codes, BodyAspect expected) =>
        Assert.Equal(expected, SkillAspectClassifier.Classify(type, codes));

    [Fact]
    public void Section_keys_are_unique_and_cover_the_seven_aspects()
    {
        Assert.Equal(ImageSections.All.Count, ImageSections.All.Select(s => s.Key).Distinct().Count());
        Assert.All(BodyAspects.All, a => Assert.NotNull(ImageSections.Find(a.Key())));
        Assert.Equal(14, ImageSections.All.Count);
    }
}
