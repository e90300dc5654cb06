using System.Text.Json.Serialization;

namespace Scorecard.Reviews.Web.Api.Models;

// The public HTTP contract of the Reviews API (described in /openapi/v1.json).
// Text limits: feedback, peer feedback and requests 4,000 characters; self-review answers 8,000;
// the manager's narrative 10,000; reasons and comments 2,000; names 200.

public sealed record ScaleRequest(int? Min, int? Max, IReadOnlyList<string>? Labels);

/// <summary><c>levels</c>: optional, one description per scale point, lowest first.</summary>
public sealed record CompetencyRequest(string? Name, IReadOnlyList<string?>? Levels = null);

public sealed record QuestionRequest(string? Text);

public sealed record SectionRequest(string? Kind, string? Title, double? Weight,
    IReadOnlyList<CompetencyRequest>? Competencies, IReadOnlyList<QuestionRequest>? Questions);

/// <summary>
/// <c>nineBox</c>: cycles on this template rate potential and calibrate on a 9-box by default. <c>employeeSeesScore</c> and
/// <c>employeeSeesPotential</c> (off by default): what a released review shows the person reviewed.
/// <c>version</c>: for an edit, the version that was loaded (stale → 409 with the current template).
/// </summary>
public sealed record CreateTemplateRequest(string? Name, ScaleRequest? Scale, IReadOnlyList<SectionRequest>? Sections,
    bool? NineBox = null, bool? EmployeeSeesScore = null, bool? EmployeeSeesPotential = null, Guid? Version = null);

public sealed record CloneTemplateRequest(string? Name);

public sealed record ScaleDto(int Min, int Max, IReadOnlyList<string> Labels);

public sealed record CompetencyDto(Guid Id, string Name, IReadOnlyList<string> Levels);

public sealed record QuestionDto(Guid Id, string Text);

public sealed record SectionDto(Guid Id, string Kind, string Title, double Weight,
    IReadOnlyList<CompetencyDto> Competencies, IReadOnlyList<QuestionDto> Questions);

/// <summary><c>inUse</c>: a launched cycle uses it, so it is never changed in place (clone it instead).</summary>
public sealed record TemplateDto(Guid Id, string Name, ScaleDto Scale, IReadOnlyList<SectionDto> Sections,
    bool NineBox, bool EmployeeSeesScore, bool EmployeeSeesPotential, bool InUse, Guid Version);

/// <summary>Deadlines per phase (dates); any may be left out.</summary>
public sealed record DeadlinesDto(DateOnly? Self, DateOnly? Peer, DateOnly? Manager, DateOnly? Calibration, DateOnly? Signoff);

/// <summary>
/// <c>nineBox</c>: the manager also rates potential and calibration shows a 9-box (default: the template's choice).
/// Population: <c>orgUnitIds</c> (with their sub-units) and/or <c>personIds</c>, minus <c>excludedPersonIds</c>.
/// <c>peerAnonymityThreshold</c>: peer feedback is shown from this many responses (at least 3, the default).
/// </summary>
public sealed record CreateCycleRequest(string? Name, DateOnly? PeriodStart, DateOnly? PeriodEnd, Guid? TemplateId,
    IReadOnlyList<Guid>? OrgUnitIds, IReadOnlyList<Guid>? PersonIds, DeadlinesDto? Deadlines, bool? NineBox,
    IReadOnlyList<Guid>? ExcludedPersonIds = null, int? PeerAnonymityThreshold = null);

public sealed record PersonRefDto(Guid PersonId, string Name);

public sealed record CycleStatsDto(int Reviews, int SelfDone, int PeerFeedbackReceived, int ManagerDrafts, int ManagerSubmitted,
    int Calibrated, int Released, int Acknowledged, int WithoutManager);

public sealed record CycleDto(Guid Id, string Name, DateOnly PeriodStart, DateOnly PeriodEnd, Guid TemplateId, string Phase,
    DeadlinesDto Deadlines, bool NineBox, IReadOnlyList<Guid> OrgUnitIds, IReadOnlyList<Guid> PersonIds,
    IReadOnlyList<PersonRefDto> WithoutManager, IReadOnlyList<Guid> ExcludedPersonIds, int PeerAnonymityThreshold,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CycleStatsDto? Stats);

public sealed record LaunchResultDto(Guid CycleId, string Phase, int ReviewsCreated, IReadOnlyList<PersonRefDto> WithoutManager);

public sealed record PhaseDto(Guid CycleId, string Phase);

public sealed record PreviewParticipantDto(Guid PersonId, string Name, Guid? ReviewerId, string? ReviewerName);

/// <summary>Who a launch would include (with the reviewer from the org chart), who has no manager, who is excluded.</summary>
public sealed record CyclePreviewDto(Guid CycleId, string Phase, IReadOnlyList<PreviewParticipantDto> Participants,
    IReadOnlyList<PersonRefDto> WithoutManager, IReadOnlyList<PersonRefDto> Excluded);

/// <summary><c>from</c>: the phase the caller expects to leave; any other current phase is answered 409 naming it.</summary>
public sealed record PhaseChangeRequest(string? From);

public sealed record OpenWorkItemDto(Guid ReviewId, Guid PersonId, string PersonName, string Kind, string Text);

public sealed record OpenWorkGroupDto(Guid? ManagerId, string ManagerName, IReadOnlyList<OpenWorkItemDto> Items);

/// <summary>The open work of the cycle's current <c>phase</c>, by manager; <c>next</c> is where advancing goes.</summary>
public sealed record OpenWorkDto(Guid CycleId, string Phase, string? Next, int Total, IReadOnlyList<OpenWorkGroupDto> ByManager);

/// <summary>Back to the previous phase (from peer, manager or calibration); <c>reason</c> is required and audited.</summary>
public sealed record ReopenPhaseRequest(string? From, string? Reason);

public sealed record ExtendDeadlineRequest(string? Phase, DateOnly? Date);

public sealed record ReviewCompetencyDto(Guid Id, Guid SectionId, string Name, int? Rating);

public sealed record ReviewQuestionDto(Guid Id, Guid SectionId, string Text, string? Answer);

public sealed record ReviewGoalDto(Guid ObjectiveId, string Title, string Period, double Progress, double Grade, string Status);

/// <summary>Peer feedback texts, without authors, only once <c>threshold</c> peers have responded.</summary>
public sealed record PeerFeedbackSummaryDto(int Responses, int Threshold, bool Shown, IReadOnlyList<PeerFeedbackTextDto> Items);

public sealed record PeerFeedbackTextDto(Guid Id, string Text);

public sealed record NominationDto(Guid Id, Guid PeerId, string PeerName, string Status);

/// <summary>
/// A review with only the parts the caller may see: the manager's part (<c>overallRating</c>,
/// <c>potential</c>, <c>narrative</c>, competency ratings, <c>computedScore</c>) reaches the employee only after release.
/// <c>computedScore</c> is the template's weighted score, a reference; the overall rating is a person's choice.
/// </summary>
public sealed record ReviewDto(
    Guid Id, Guid CycleId, string CycleName, Guid PersonId, string PersonName, Guid? ManagerId, string? ManagerName,
    string Phase, DateOnly PeriodStart, DateOnly PeriodEnd, ScaleDto Scale, bool NineBox,
    IReadOnlyList<ReviewCompetencyDto> Competencies, IReadOnlyList<ReviewQuestionDto> Questions,
    IReadOnlyList<ReviewGoalDto> Goals, bool SelfCompleted,
    string ManagerStatus, bool ManagerPartVisible, int? OverallRating, int? Potential, string? Narrative, double? ComputedScore,
    bool Calibrated, bool AiAssisted, bool Released, DateTimeOffset? ReleasedAt, bool Acknowledged,
    string? AcknowledgementComment, bool Locked, Guid Version,
    PeerFeedbackSummaryDto PeerFeedback, IReadOnlyList<NominationDto> Nominations,
    bool CanEditManagerPart, bool CanWriteSelf, bool CanAcknowledge);

public sealed record ReviewListItemDto(Guid Id, Guid CycleId, string CycleName, Guid PersonId, string PersonName,
    Guid? ManagerId, string Phase, string ManagerStatus, bool SelfCompleted, bool Released, bool Acknowledged);

/// <summary>One dated piece of evidence; <c>id</c> is stable (e.g. <c>feedback:{guid}</c>, <c>okr-checkin:{guid}</c>).</summary>
public sealed record EvidenceItemDto(string Id, string Kind, DateOnly Date, string Text, string? Link);

public sealed record EvidenceDto(Guid ReviewId, DateOnly PeriodStart, DateOnly PeriodEnd, IReadOnlyList<EvidenceItemDto> Items,
    IReadOnlyList<string> Unavailable);

public sealed record SelfAnswerRequest(Guid? QuestionId, string? Text);

/// <summary><c>version</c>: the review's version the answers were written on (the page always sends it); stale → 409 with <c>current</c>.</summary>
public sealed record SelfReviewRequest(IReadOnlyList<SelfAnswerRequest>? Answers, Guid? Version = null);

public sealed record PeerNominationRequest(IReadOnlyList<Guid>? PersonIds);

public sealed record NominationDecisionRequest(bool? Approved);

public sealed record PeerFeedbackRequest(string? Text);

public sealed record RatingRequest(Guid? CompetencyId, int? Rating);

/// <summary><c>potential</c> (9-box cycles) is 1 low, 2 medium or 3 high; ratings lie on the template's scale.</summary>
public sealed record ManagerReviewRequest(IReadOnlyList<RatingRequest>? Ratings, int? OverallRating, int? Potential,
    string? Narrative, Guid? Version);

/// <summary>A calibration change: a new overall rating (required) and, from a 9-box move, optionally a new potential (1–3).</summary>
/// <summary>A calibration change; <c>version</c> is the review's version the change was decided on (a stale one gets 409).</summary>
public sealed record CalibrationAdjustmentRequest(Guid? ReviewId, int? OverallRating, string? Reason, int? Potential = null, Guid? Version = null);

public sealed record CalibrationAdjustmentDto(Guid ReviewId, int? Before, int After, string Reason, Guid? ByPersonId, Guid Version);

/// <summary>
/// The reviewer HR names. <c>reason</c> is required when replacing a reviewer, or when the new reviewer is not in
/// the person's manager chain (the reviewer reads the person's evidence and private feedback).
/// </summary>
public sealed record AssignReviewerRequest(Guid? ManagerId, string? Reason = null);

public sealed record AcknowledgeRequest(string? Comment);

public sealed record DistributionRowDto(string Group, Guid? GroupId, IReadOnlyList<int> Counts, int N, double? Mean);

public sealed record NineBoxCellDto(int Performance, int Potential, IReadOnlyList<PersonRefDto> People);

public sealed record CalibrationReviewDto(Guid ReviewId, Guid PersonId, string PersonName, string? ManagerName, string Department,
    int? OverallRating, int? SubmittedRating, int? Potential, bool Calibrated, Guid Version);

/// <summary>Distributions of submitted overall ratings (counts from scale min to max) and the 9-box (performance band × potential 1–3).</summary>
public sealed record CalibrationDto(Guid CycleId, string Phase, ScaleDto Scale, IReadOnlyList<DistributionRowDto> ByManager,
    IReadOnlyList<DistributionRowDto> ByDepartment, IReadOnlyList<NineBoxCellDto> NineBox, IReadOnlyList<CalibrationReviewDto> Reviews);

public sealed record PhaseCompletionDto(string Phase, DateOnly? Deadline, int Done, int Total);

public sealed record ManagerOverdueDto(Guid ManagerId, string ManagerName, int Overdue, int Open);

public sealed record DashboardDto(Guid CycleId, string Name, string Phase, IReadOnlyList<PhaseCompletionDto> Completion,
    IReadOnlyList<ManagerOverdueDto> OverdueByManager, IReadOnlyList<PersonRefDto> WithoutManager);

public sealed record RemindersDto(DateOnly Date, int Sent);

public sealed record GiveFeedbackRequest(Guid? ToPersonId, string? Text, string? Visibility, string? Kind,
    Guid? OkrObjectiveId, Guid? KpiId, Guid? StrategyObjectiveId, Guid? RequestId);

/// <summary>Continuous feedback. <c>fromPersonId</c> is the author (continuous feedback is not anonymous).</summary>
public sealed record FeedbackDto(Guid Id, Guid FromPersonId, string FromName, Guid ToPersonId, string ToName, string Kind,
    string Visibility, string Text, Guid? OkrObjectiveId, Guid? KpiId, Guid? StrategyObjectiveId, DateTimeOffset CreatedAt);

public sealed record FeedbackRequestCreate(Guid? ToPersonId, string? Question);

public sealed record FeedbackRequestDto(Guid Id, Guid RequesterId, string RequesterName, Guid AskedPersonId, string AskedName,
    string Question, DateTimeOffset CreatedAt, bool Answered);

public sealed record NoteRequest(string? Text);

/// <summary>A review the caller was approved to give peer feedback on, with whether they already did.</summary>
public sealed record PeerRequestDto(Guid ReviewId, Guid PersonId, string PersonName, string CycleName, string Phase, bool Submitted);
