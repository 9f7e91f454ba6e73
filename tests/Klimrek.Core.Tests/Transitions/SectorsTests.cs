using Klimrek.Core.Transitions;

namespace Klimrek.Core.Tests.Transitions;

public sealed class SectorsTests
{
    [Theory]
    [InlineData("2221", Sectors.Zorg)]
    [InlineData("2341", Sectors.Onderwijs)]
    [InlineData("5312", Sectors.Onderwijs)]
    [InlineData("5311", Sectors.Zorg)]
    [InlineData("7115", Sectors.Bouw)]
    [InlineData("3123", Sectors.Bouw)]
    [InlineData("2512", Sectors.Ict)]
    [InlineData("25", Sectors.Ict)]
    [InlineData("2635", Sectors.Zorg)]
    [InlineData("0110", Sectors.Veiligheid)]
    public void Isco_codes_map_to_their_sector(string code, string sector) => Assert.Equal(sector, Sectors.OfIsco(code));

    [Theory]
    [InlineData("2221", "5321", "down")]
    [InlineData("5321", "2221", "up")]
    [InlineData("7115", "7112", "level")]
    [InlineData("9112", "3123", "up")]
    [InlineData("0110", "2221", null)]
    [InlineData(null, "2221", null)]
    public void Moves_are_classified_by_isco_skill_level(string? from, string? to, string? kind) => Assert.Equal(kind, Sectors.MoveKind(from, to));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2")]
    [InlineData("x1")]
    [InlineData("99")]
    public void Unknown_codes_have_no_sector(string? code) => Assert.Null(Sectors.OfIsco(code));

    [Fact]
    public void Every_isco_sub_major_group_has_a_sector_with_names()
    {
        string[] subMajor = ["01", "02", "03", "11", "12", "13", "14", "21", "22", "23", "24", "25", "26", "31", "32", "33", "34", "35",
            "41", "42", "43", "44", "51", "52", "53", "54", "61", "62", "63", "71", "72", "73", "74", "75", "81", "82", "83", "91", "92", "93", "94", "95", "96"];
        foreach (var code in subMajor)
        {
            var s = Sectors.OfIsco(code);
            Assert.NotNull(s);
            Assert.Contains(s, Sectors.All);
            Assert.NotEqual(s, Sectors.DutchName(s!));
            Assert.NotEqual(s, Sectors.EnglishName(s!));
        }
    }
}
