using Klimrek.Features.Werkleren.Cycle;

namespace Klimrek.Features.Werkleren.Sharing;

public sealed record RelationRequest(string? Email, string? Kind);

/// <summary>Someone the person named (or who named the person), with the kind of relation.</summary>
public sealed record RelationView(int Id, string Kind, string UserId, string Name, string? Email, DateTime Since);

/// <summary>The neutral answer to naming someone: the same whether or not the address belongs to an account that can be named.</summary>
public sealed record RelationAccepted(string Message);

/// <summary>A person who named the viewer, and as what (<c>leidinggevende</c>, <c>begeleider</c>).</summary>
public sealed record SharingPerson(string OwnerId, string Name, IReadOnlyList<string> As);

public sealed record CommentRequest(string? ItemKind, int? ItemId, string? Text);

/// <summary>A comment on a shared item. <see cref="Yours"/>: written by whoever asks.</summary>
public sealed record CommentView(int Id, string ItemKind, int ItemId, string? AuthorName, string Text, DateTime CreatedAt, bool Yours);

/// <summary>A comment on one of the person's own items, with what the item is and where the person finds it.</summary>
public sealed record OwnerCommentView(int Id, string ItemKind, int ItemId, string ItemTitle, string? Link, string? AuthorName, string Text, DateTime CreatedAt);

public sealed record SharedDriver(int Id, string Key, string Name, int Weight, IReadOnlyList<CommentView> Comments);
public sealed record SharedTheme(int Id, string Title, string? Note, bool Closed, IReadOnlyList<CommentView> Comments);
public sealed record SharedAnswer(string Question, string? Answer);
public sealed record SharedConversation(int Id, string Direction, DateOnly HeldOn, string With, IReadOnlyList<SharedAnswer> Answers, IReadOnlyList<CommentView> Comments);
public sealed record SharedExperiment(int Id, string Title, string State, string? WhatAndWhy, string? Question, string? Activity, string? Needs, string? FeedbackPlan,
    string? Findings, string? NextStep, IReadOnlyList<CommentView> Comments);
public sealed record SharedCheckIn(int Id, DateTime At, int Weten, int Willen, int Kunnen, int Durven, int Mogen, string? Note, string? Helped, IReadOnlyList<CommentView> Comments);
public sealed record SharedCycle(CycleView Conversation, IReadOnlyList<CommentView> Comments);

/// <summary>
/// A development plan as a viewer sees it: only the parts the person shared with the viewer's audience are filled in
/// (<see cref="Parts"/> lists them); the others are null.
/// </summary>
public sealed record SharedPlan(int Id, string Title, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<string> Parts, string? Ambition,
    IReadOnlyList<GatheredDriver>? Drivers, IReadOnlyList<GatheredTheme>? Themes, IReadOnlyList<GatheredExperiment>? Experiments,
    IReadOnlyList<PlanSkillView>? Skills, IReadOnlyList<ActivityView>? Activities, IReadOnlyList<SamenLerenLine>? SamenLeren, OverviewView? Overview,
    IReadOnlyList<SharedCycle>? Conversations, IReadOnlyList<CommentView> Comments);

/// <summary>Everything one person shared with the viewer, and the viewer's own comments on it.</summary>
public sealed record SharedView(string OwnerId, string Name, IReadOnlyList<string> As, IReadOnlyList<SharedDriver> Drivers, IReadOnlyList<SharedTheme> Themes,
    IReadOnlyList<SharedConversation> Conversations, IReadOnlyList<SharedExperiment> Experiments, IReadOnlyList<SharedCheckIn> CheckIns,
    IReadOnlyList<SharedPlan> Plans);
