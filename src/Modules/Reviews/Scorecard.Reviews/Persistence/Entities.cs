using System.Text.Json;
using Scorecard.Reviews.Domain;

namespace Scorecard.Reviews.Persistence;

internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string? json, T fallback) =>
        string.IsNullOrEmpty(json) ? fallback : JsonSerializer.Deserialize<T>(json, Options) ?? fallback;
}

internal sealed class ReviewTemplate
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Name { get; set; } = "";
    /// <summary>The scale and sections (<see cref="TemplateDefinition"/>) as JSON; ids inside are stable.</summary>
    public string DefinitionJson { get; set; } = "";
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Changes on every edit; an edit must carry the version it was made on.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public TemplateDefinition Definition
    {
        get => JsonColumn.Read<TemplateDefinition>(DefinitionJson, new TemplateDefinition(ScaleDefinition.Default, []));
        set => DefinitionJson = JsonColumn.Write(value);
    }
}

internal sealed class ReviewCycle
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Name { get; set; } = "";
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public Guid TemplateId { get; set; }
    public string Phase { get; set; } = ReviewPhase.Draft;
    public bool NineBox { get; set; }
    public string OrgUnitIdsJson { get; set; } = "[]";
    public string PersonIdsJson { get; set; } = "[]";
    public DateOnly? SelfDeadline { get; set; }
    public DateOnly? PeerDeadline { get; set; }
    public DateOnly? ManagerDeadline { get; set; }
    public DateOnly? CalibrationDeadline { get; set; }
    public DateOnly? SignoffDeadline { get; set; }
    /// <summary>People left out of the population although their unit is in it.</summary>
    public string ExcludedPersonIdsJson { get; set; } = "[]";
    /// <summary>Peer feedback is shown (without names) only from this many responses; at least 3.</summary>
    public int PeerAnonymityThreshold { get; set; } = Domain.ReviewLimits.PeerAnonymityThreshold;
    /// <summary>Participants the org chart gives no manager, listed for HR at launch.</summary>
    public string WithoutManagerJson { get; set; } = "[]";
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LaunchedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<Guid> OrgUnitIds { get => JsonColumn.Read<List<Guid>>(OrgUnitIdsJson, []); set => OrgUnitIdsJson = JsonColumn.Write(value); }
    public List<Guid> PersonIds { get => JsonColumn.Read<List<Guid>>(PersonIdsJson, []); set => PersonIdsJson = JsonColumn.Write(value); }
    public List<Guid> ExcludedPersonIds { get => JsonColumn.Read<List<Guid>>(ExcludedPersonIdsJson, []); set => ExcludedPersonIdsJson = JsonColumn.Write(value); }
    public List<Guid> WithoutManager { get => JsonColumn.Read<List<Guid>>(WithoutManagerJson, []); set => WithoutManagerJson = JsonColumn.Write(value); }

    public DateOnly? DeadlineOf(string phase) => phase switch
    {
        ReviewPhase.Self => SelfDeadline,
        ReviewPhase.Peer => PeerDeadline,
        ReviewPhase.Manager => ManagerDeadline,
        ReviewPhase.Calibration => CalibrationDeadline,
        ReviewPhase.Signoff => SignoffDeadline,
        _ => null,
    };

    public void SetDeadline(string phase, DateOnly? date)
    {
        switch (phase)
        {
            case ReviewPhase.Self: SelfDeadline = date; break;
            case ReviewPhase.Peer: PeerDeadline = date; break;
            case ReviewPhase.Manager: ManagerDeadline = date; break;
            case ReviewPhase.Calibration: CalibrationDeadline = date; break;
            case ReviewPhase.Signoff: SignoffDeadline = date; break;
            default: throw new BadInputException("phase", $"phase must be one of {string.Join(", ", ReviewPhase.WithDeadlines)}.");
        }
    }
}

internal static class ManagerReviewStatus
{
    public const string NotStarted = "not_started";
    public const string Draft = "draft";
    public const string Submitted = "submitted";
}

internal sealed class Review
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CycleId { get; set; }
    public Guid PersonId { get; set; }
    /// <summary>From the org chart at launch; null until HR assigns one.</summary>
    public Guid? ManagerId { get; set; }
    public string SelfAnswersJson { get; set; } = "{}";
    public DateTimeOffset? SelfUpdatedAt { get; set; }
    public DateTimeOffset? SelfCompletedAt { get; set; }
    public string RatingsJson { get; set; } = "{}";
    public int? OverallRating { get; set; }
    public int? Potential { get; set; }
    public string? Narrative { get; set; }
    public string ManagerStatus { get; set; } = ManagerReviewStatus.NotStarted;
    public DateTimeOffset? ManagerUpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    /// <summary>The overall rating the manager submitted, before any calibration.</summary>
    public int? SubmittedOverallRating { get; set; }
    public bool Calibrated { get; set; }
    /// <summary>Seam for AI drafting: set when the manager used (and confirmed) AI-drafted text.</summary>
    public bool AiAssisted { get; set; }
    public DateTimeOffset? ReleasedAt { get; set; }
    public Guid? ReleasedBy { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgementComment { get; set; }
    public bool Locked { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public Dictionary<Guid, string> SelfAnswers { get => JsonColumn.Read<Dictionary<Guid, string>>(SelfAnswersJson, []); set => SelfAnswersJson = JsonColumn.Write(value); }
    public Dictionary<Guid, int> Ratings { get => JsonColumn.Read<Dictionary<Guid, int>>(RatingsJson, []); set => RatingsJson = JsonColumn.Write(value); }

    public bool Released => ReleasedAt is not null;
}

internal static class NominationStatus
{
    public const string Nominated = "nominated";
    public const string Approved = "approved";
    public const string Declined = "declined";
}

internal sealed class PeerNomination
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ReviewId { get; set; }
    public Guid PeerId { get; set; }
    public string Status { get; set; } = NominationStatus.Nominated;
    public DateTimeOffset NominatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}

/// <summary>Peer feedback on a review. <see cref="AuthorId"/> is kept for audit only and never returned.</summary>
internal sealed class PeerFeedback
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ReviewId { get; set; }
    public Guid AuthorId { get; set; }
    public string Text { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
}

/// <summary>Continuous feedback, praise, or a manager's private note (kind <c>note</c>).</summary>
internal sealed class FeedbackItem
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid FromPersonId { get; set; }
    public Guid ToPersonId { get; set; }
    public string Kind { get; set; } = FeedbackKind.Feedback;
    public string Visibility { get; set; } = FeedbackVisibility.Shared;
    public string Text { get; set; } = "";
    public Guid? OkrObjectiveId { get; set; }
    public Guid? KpiId { get; set; }
    public Guid? StrategyObjectiveId { get; set; }
    public Guid? RequestId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>"How did my demo go?" — a person asks another for feedback.</summary>
internal sealed class FeedbackRequest
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid RequesterId { get; set; }
    public Guid AskedPersonId { get; set; }
    public string Question { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? AnsweredFeedbackId { get; set; }
}
