namespace Scorecard.Reviews.Application;

/// <summary>
/// Runs before a manager review is submitted (the AI issue plugs its bias check in here). Register
/// implementations in DI; throw <see cref="RuleViolationException"/> to stop the submit with a message.
/// </summary>
internal interface IReviewSubmitCheck
{
    Task CheckAsync(ReviewSubmitContext context, CancellationToken cancellationToken);
}

/// <summary>What a submit check sees: the manager's part as it will be submitted, and its evidence.</summary>
internal sealed record ReviewSubmitContext(
    Guid ReviewId,
    Guid PersonId,
    Guid ManagerId,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    IReadOnlyDictionary<Guid, int> Ratings,
    int? OverallRating,
    string? Narrative,
    bool AiAssisted,
    IReadOnlyList<EvidenceItem> Evidence);

/// <summary>A dated piece of evidence with a stable id (<c>{kind-prefix}:{source id}</c>).</summary>
internal sealed record EvidenceItem(string Id, string Kind, DateOnly Date, string Text, string? Link = null);

internal static class EvidenceKind
{
    public const string OkrObjective = "okr_objective";
    public const string OkrKeyResult = "okr_key_result";
    public const string OkrCheckIn = "okr_check_in";
    public const string Kpi = "kpi";
    public const string KpiMeasurement = "kpi_measurement";
    public const string Feedback = "feedback";
    public const string Praise = "praise";
    public const string Note = "note";
    public const string SelfReview = "self_review";
    public const string PeerFeedback = "peer_feedback";
}
