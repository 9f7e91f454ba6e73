using Klimrek.Infrastructure.Errors;
using Microsoft.Extensions.Localization;

namespace Klimrek.Features.Career.Coaching;

/// <summary>
/// What the conversation partial shows: the conversation, whose eyes read it, the occupations a route may go to (the
/// person's next steps), and after a refused change the messages and what was typed (so nothing is lost).
/// </summary>
public sealed record GuidanceFormModel(GuidanceConversation Conversation, bool ViewerIsOwner, IReadOnlyList<(int Id, string Label)> RouteOptions)
{
    public List<string> Errors { get; init; } = [];
    public string? Kind { get; init; }
    public string? Text { get; init; }
    public int? OccupationId { get; init; }

    /// <summary>The Dutch (or English) messages of a refused change.</summary>
    public static List<string> Messages(ProblemException e, IStringLocalizer l)
    {
        string T(Message m) => m.Args.Length == 0 ? l[m.Key].Value : l[m.Key, m.Args].Value;
        return e.AllMessages().Select(T).ToList();
    }
}
