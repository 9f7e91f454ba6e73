using Klimrek.Core.Atlas;

namespace Klimrek.Core.Tests.Atlas;

public class AspectMovesTests
{
    [Fact]
    public void Moves_round_trip_sorted_one_a_line()
    {
        var text = AspectMoves.Write([new("http://x/b", BodyAspect.Voeten), new("http://x/a", BodyAspect.Hart)]);
        Assert.Equal("http://x/a\thart\nhttp://x/b\tvoeten", text);
        Assert.Equal(BodyAspect.Voeten, AspectMoves.Read(text)["http://x/b"]);
    }

    [Fact]
    public void Unknown_aspect_keys_and_lines_without_a_tab_are_errors()
    {
        var (moves, errors) = AspectMoves.Parse("http://x/a\tneus\r\n\nhttp://x/b\n http://x/c \t Mond ");
        Assert.Equal([1, 3], errors.Select(e => e.Line));
        Assert.Equal(BodyAspect.Mond, Assert.Single(moves).Value);
    }
}
