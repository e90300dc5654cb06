using System.ComponentModel.DataAnnotations;

namespace Scorecard.Strategy.Web.Api.Models;

// The public HTTP contract of the Strategy API (described in /openapi/v1.json).
// Fractions (progress, performance, weights of thresholds) are 0–1; status is green | amber | red | no data.

/// <summary>The new period (after the copied one) and optionally a new name.</summary>
public sealed record CopyScorecardRequest(DateOnly? PeriodStart, DateOnly? PeriodEnd, string? Name = null);

public sealed record CreateScorecardRequest(
    [Required] Guid? OrgUnitId,
    [Required] string Name,
    [Required] DateOnly? PeriodStart,
    [Required] DateOnly? PeriodEnd,
    Guid? OwnerId,
    IReadOnlyList<PerspectiveInput>? Perspectives);

public sealed record PerspectiveInput([Required] string Name, double? Weight);

public sealed record CreatePerspectiveRequest([Required] string Name, double? Weight, int? Position);

public sealed record ScorecardSummaryDto(
    Guid Id,
    string Name,
    Guid OrgUnitId,
    string? OrgUnitName,
    bool IsCompany,
    Guid? ParentScorecardId,
    Guid? OwnerId,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    double? Progress,
    string Status,
    int ObjectiveCount,
    int KpiCount,
    Guid Version);

public sealed record ScorecardDto(
    Guid Id,
    string Name,
    Guid OrgUnitId,
    string? OrgUnitName,
    bool IsCompany,
    Guid? ParentScorecardId,
    Guid? OwnerId,
    string? OwnerName,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    double? Progress,
    double? Performance,
    string Status,
    bool CanEdit,
    Guid Version,
    IReadOnlyList<PerspectiveDto> Perspectives);

public sealed record PerspectiveDto(
    Guid Id,
    string Name,
    int Position,
    double Weight,
    double? Progress,
    double? Performance,
    string Status,
    Guid Version,
    IReadOnlyList<ObjectiveDto> Objectives);

public sealed record ObjectiveDto(
    Guid Id,
    Guid ScorecardId,
    Guid PerspectiveId,
    string Name,
    string? Description,
    Guid? OwnerId,
    string? OwnerName,
    double Weight,
    double? Progress,
    double? Performance,
    string Status,
    Guid Version,
    IReadOnlyList<KpiDto> Kpis,
    IReadOnlyList<ContributionDto> ContributesTo,
    IReadOnlyList<Guid> InitiativeIds);

public sealed record ContributionDto(Guid Id, Guid ParentObjectiveId, string ParentObjectiveName, double Weight);

public sealed record ThresholdsDto(double Green, double Amber);

public sealed record KpiDto(
    Guid Id,
    Guid ObjectiveId,
    Guid? ParentKpiId,
    string Name,
    string? Unit,
    Guid? OwnerId,
    string? OwnerName,
    string? DataSource,
    string Direction,
    double? Baseline,
    double? Target,
    double? Min,
    double? Max,
    double? BandLow,
    double? BandHigh,
    ThresholdsDto Thresholds,
    string UpdateInterval,
    bool Leading,
    double Weight,
    string? Aggregation,
    double? CurrentValue,
    DateOnly? LastMeasuredOn,
    double? Progress,
    double? Performance,
    string Status,
    Guid Version,
    IReadOnlyList<MeasurementDto>? Measurements);

public sealed record MeasurementDto(Guid Id, DateOnly Date, double Value, string? Note, Guid? EnteredById, string? EnteredByName, DateTimeOffset EnteredAt, Guid? Version = null);

public sealed record CreateObjectiveRequest(
    [Required] Guid? PerspectiveId,
    [Required] string Name,
    string? Description,
    Guid? OwnerId,
    double? Weight);

public sealed record CreateLinkRequest(
    [Required] Guid? FromObjectiveId,
    [Required] Guid? ToObjectiveId,
    [Required] string Hypothesis);

public sealed record LinkDto(Guid Id, Guid FromObjectiveId, Guid ToObjectiveId, string Hypothesis);

public sealed record ContributesToRequest([Required] Guid? ParentObjectiveId, double? Weight);

public sealed record CreateKpiRequest(
    [Required] string Name,
    string? Unit,
    Guid? OwnerId,
    string? DataSource,
    string? Direction,
    double? Baseline,
    double? Target,
    double? Min,
    double? Max,
    double? BandLow,
    double? BandHigh,
    ThresholdsDto? Thresholds,
    string? UpdateInterval,
    bool? Leading,
    double? Weight,
    string? Aggregation,
    Guid? ParentKpiId);

public sealed record CreateMeasurementRequest([Required] DateOnly? Date, [Required] double? Value, string? Note);

public sealed record MeasurementImportResultDto(int Imported, IReadOnlyList<Guid> KpiIds);

public sealed record ImportErrorDto(int Line, string Column, string Message);

public sealed record ImportErrorsDto(IReadOnlyList<ImportErrorDto> Errors);

public sealed record CreateInitiativeRequest(
    [Required] string Name,
    Guid? OwnerId,
    DateOnly? Start,
    DateOnly? End,
    decimal? Budget,
    string? Status,
    double? PercentComplete,
    IReadOnlyList<Guid>? ObjectiveIds,
    string? Currency = null);

public sealed record InitiativeDto(
    Guid Id,
    Guid ScorecardId,
    string Name,
    Guid? OwnerId,
    string? OwnerName,
    DateOnly? Start,
    DateOnly? End,
    decimal? Budget,
    string Status,
    double PercentComplete,
    IReadOnlyList<Guid> ObjectiveIds,
    Guid Version,
    string? Currency = null);

public sealed record HealthFindingDto(string Code, string Severity, string Message, string SubjectKind, Guid SubjectId, string SubjectName);

public sealed record HealthDto(Guid ScorecardId, int Errors, int Warnings, int Infos, IReadOnlyList<HealthFindingDto> Findings);

/// <summary>One lag of the hypothesis check: pairs of monthly changes, r, its p-value and the p-value corrected for the lags tried.</summary>
public sealed record LagDto(int Lag, int Points, double? R, double? P, double? AdjustedP);

/// <summary>One point of the scatter of changes: the driver's change in a month and the outcome's change at the deciding lag.</summary>
public sealed record ChangePairDto(DateOnly DriverMonth, double DriverChange, double OutcomeChange);

public sealed record HypothesisDto(
    Guid LinkId,
    Guid FromObjectiveId,
    string FromObjective,
    Guid ToObjectiveId,
    string ToObjective,
    string Hypothesis,
    string Verdict,
    int? BestLag,
    double? BestR,
    string Explanation,
    IReadOnlyList<LagDto> Lags,
    int? BestPoints = null,
    double? BestAdjustedP = null,
    IReadOnlyList<ChangePairDto>? Changes = null);

public sealed record StrategyMapDto(Guid ScorecardId, IReadOnlyList<HypothesisDto> Links);

public sealed record LineOfSightStepDto(Guid ObjectiveId, string Name, Guid ScorecardId, string ScorecardName, bool IsCompany, string Status, double? Progress);

public sealed record LineOfSightDto(Guid ObjectiveId, bool IsBroken, IReadOnlyList<IReadOnlyList<LineOfSightStepDto>> Paths);

public sealed record CreateStrategyReviewRequest(
    [Required] DateOnly? HeldOn,
    [Required] string Title,
    string? Notes,
    IReadOnlyList<Guid>? AttendeeIds,
    IReadOnlyList<ReviewDecisionInput>? Decisions);

public sealed record ReviewDecisionInput([Required] string Text, string? Kind, Guid? OwnerId, DateOnly? DueOn, Guid? ObjectiveId);

public sealed record StrategyReviewDto(
    Guid Id,
    Guid ScorecardId,
    DateOnly HeldOn,
    string Title,
    string? Notes,
    IReadOnlyList<PersonRefDto> Attendees,
    IReadOnlyList<ReviewDecisionDto> Decisions,
    Guid? RecordedById,
    DateTimeOffset RecordedAt);

public sealed record ReviewDecisionDto(Guid Id, string Kind, string Text, Guid? OwnerId, string? OwnerName, DateOnly? DueOn, Guid? ObjectiveId, string? ObjectiveName);

public sealed record PersonRefDto(Guid Id, string Name);

/// <summary>A corrected value for a stored measurement, why, and the measurement version the correction was made on.</summary>
public sealed record CorrectMeasurementRequest([Required] double? Value, [Required] string Reason, [Required] Guid? Version);

/// <summary>Why a measurement is deleted; <c>version</c> (optional) refuses a deletion made on a stale page (409).</summary>
public sealed record DeleteMeasurementRequest([Required] string Reason, Guid? Version);

/// <summary>One correction (or deletion: <c>newValue</c> null) of a measurement of the KPI.</summary>
public sealed record MeasurementCorrectionDto(
    Guid Id,
    Guid MeasurementId,
    DateOnly Date,
    double OldValue,
    double? NewValue,
    string Reason,
    Guid? CorrectedById,
    string? CorrectedByName,
    DateTimeOffset CorrectedAt);
