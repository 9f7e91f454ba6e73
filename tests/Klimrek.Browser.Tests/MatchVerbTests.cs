namespace Klimrek.Browser.Tests;

/// <summary>The matching verb of the real executable: edge list in, total weight and pairs out; bad input names its line.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MatchVerbTests(RunningApp app)
{
    [Fact]
    public async Task Match_prints_the_total_weight_and_the_pairs()
    {
        var file = Path.GetTempFileName();
        // A path 0-1-2-3 with a heavy middle edge and two light ends: the two ends (5 + 5) beat the middle (7).
        await File.WriteAllTextAsync(file, "4 3\n0 1 5\n1 2 7\n2 3 5\n");
        var (exit, output) = await app.CliAsync("match", file);
        Assert.True(exit == 0, output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("weight 10", lines[0]);
        Assert.Equal("pairs 2", lines[1]);
        Assert.Equal("0 1", lines[2]);
        Assert.Equal("2 3", lines[3]);
    }

    [Fact]
    public async Task A_malformed_edge_list_names_the_line_and_exits_with_2()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "3 2\n0 1 4\n1 two 3\n");
        var (exit, output) = await app.CliAsync("match", file);
        Assert.Equal(2, exit);
        Assert.Contains("regel 3", output);
    }
}
