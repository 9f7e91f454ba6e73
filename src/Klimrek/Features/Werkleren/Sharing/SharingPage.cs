using Klimrek.Features.Werkleren.Cycle;

namespace Klimrek.Features.Werkleren.Sharing;

/// <summary>Words the sharing pages use for item kinds (resource keys).</summary>
public static class SharingPage
{
    public static string KindName(string kind) => kind switch
    {
        CommentKinds.Plan => "ontwikkelplan",
        CommentKinds.Cycle => "gesprek van de cyclus",
        CommentKinds.Experiment => "leerexperiment",
        CommentKinds.CheckIn => "bereidheidscheck",
        CommentKinds.Conversation => "gesprek",
        CommentKinds.Driver => "drijfveer",
        CommentKinds.Theme => "thema",
        _ => kind,
    };
}

/// <summary>What the comment box beside a shared item shows.</summary>
public sealed record CommentBox(string Kind, int Id, string Title, IReadOnlyList<CommentView> Comments, string? Draft);
