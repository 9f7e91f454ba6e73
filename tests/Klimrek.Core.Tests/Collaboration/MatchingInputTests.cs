using Klimrek.Core.Collaboration;

namespace Klimrek.Core.Tests.Collaboration;

public sealed class MatchingInputTests
{
    private static IntakeTermEntry Skill(TermRole role, int id, string label) => new(role, "esco:" + id, label, id);
    private static IntakeTermEntry Word(TermRole role, string word) => new(role, "t:" + word, word);

    [Fact]
    public void Equal_keys_share_one_id_and_each_array_is_sorted_without_duplicates()
    {
        var a = new IntakeEntry(1, [Skill(TermRole.Brings, 7, "didactiek"), Word(TermRole.Develops, "data"), Word(TermRole.Quality, "verbinden"), Word(TermRole.Quality, "verbinden")],
            "Onderwijs", null, null, null, 0b11);
        var b = new IntakeEntry(2, [Word(TermRole.Brings, "data"), Skill(TermRole.Develops, 7, "Didactiek (ESCO)")], null, "T", "V", 1, 0b10);

        var input = MatchingInput.Build([a, b], _ => []);

        var (ca, cb) = (input.Candidates[0], input.Candidates[1]);
        Assert.Equal(ca.Brings, cb.Develops);
        Assert.Equal(ca.Develops, cb.Brings);
        Assert.Single(ca.Qualities);
        Assert.Equal("didactiek", input.Labels[ca.Brings[0]]);
        Assert.Equal("data", input.Labels[cb.Brings[0]]);
        Assert.Equal(("Onderwijs", "", ""), (ca.Department, ca.Team, ca.Discipline));
        Assert.Equal((1, 0b10), (cb.ManagerId!.Value, cb.Availability));
        Assert.Null(ca.BringsNear);
    }

    [Fact]
    public void Neighbours_of_a_brought_skill_count_as_near_only_when_someone_named_them_and_not_when_brought_outright()
    {
        var neighbours = new Dictionary<int, int[]> { [10] = [11, 12, 13] };
        var a = new IntakeEntry(1, [Skill(TermRole.Brings, 10, "x"), Skill(TermRole.Brings, 13, "z")], "A", null, null, null, 1);
        var b = new IntakeEntry(2, [Skill(TermRole.Develops, 11, "y"), Skill(TermRole.Develops, 13, "z")], "B", null, null, null, 1);

        var input = MatchingInput.Build([a, b], s => neighbours.GetValueOrDefault(s, []));

        var near = Assert.Single(input.Candidates[0].BringsNear!);
        Assert.Equal("y", input.Labels[near]); // 12 was named by nobody; 13 is brought outright
        Assert.Null(input.Candidates[1].BringsNear);
    }
}
