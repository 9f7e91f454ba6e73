using Klimrek.Data;
using Klimrek.Features.Werkleren.Climate;
using System.Globalization;

namespace Klimrek.Tests;

/// <summary>The micro learning climate's picture uses only the height its people need (no empty band on a phone).</summary>
public class CirclePictureTests
{
    private static List<CirclePicture.Node> Layout(int people) =>
        CirclePicture.Layout(Enumerable.Range(1, people).Select(i => new CircleMember { Id = i, OwnerId = "o", Name = $"Persoon {i}", Roles = CircleRoles.DenktMee }).ToList(),
            new Dictionary<int, Responsiveness>());

    private static double[] Box(int people) =>
        CirclePicture.ViewBox(Layout(people)).Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void One_person_above_you_leaves_no_band_below()
    {
        var box = Box(1);
        Assert.Equal(CirclePicture.Size, box[2]);
        Assert.True(box[1] + box[3] < CirclePicture.Size - 100, $"the box ends at {box[1] + box[3]}");
        var node = Layout(1)[0];
        Assert.True(box[1] <= double.Parse(node.Y, CultureInfo.InvariantCulture) - CirclePicture.NodeRadius, "the person is inside the box");
        Assert.True(box[1] + box[3] >= CirclePicture.Centre + CirclePicture.MeRadius, "you are inside the box");
    }

    [Fact]
    public void People_all_around_use_the_full_height()
    {
        var box = Box(4);
        var labels = Layout(4).Max(n => double.Parse(n.LabelY, CultureInfo.InvariantCulture));
        Assert.True(box[1] + box[3] >= labels, "the lowest name is inside the box");
        Assert.True(box[1] >= 0 && box[1] + box[3] <= CirclePicture.Size);
    }
}
