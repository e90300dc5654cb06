using System.ComponentModel.DataAnnotations;

namespace Scorecard.Okr.Web.Api.Models;

// The public HTTP contract of the OKR API (described in /openapi/v1.json).
// Fractions (progress, grade, shares, weights) are 0–1.

/// <summary>A parent the objective supports: exactly one of <c>okrObjectiveId</c> or <c>strategyObjectiveId</c>; weight defaults to 1.</summary>
public sealed record ParentLinkRequest(Guid? OkrObjectiveId, Guid? StrategyObjectiveId, double? Weight);

public sealed record CreateObjectiveRequest(
    [Required] string Title,
    [Required] string Level,
    string? Period,
    Guid? OwnerPersonId,
    Guid? OrgUnitId,
    string? Type,
    IReadOnlyList<ParentLinkRequest>? Parents,
    string? Description,
    double? RollUpShare);

public sealed record CreateKeyResultRequest(
    [Required] string Title,
    [Required] string Kind,
    double? Start,
    double? Target,
    string? Unit,
    double? Weight,
    Guid? KpiId,
    double? BandLow,
    double? BandHigh,
    DateOnly? DueDate);

public sealed record CheckInRequest(double? Value, int? Confidence, string? Comment, DateOnly? Date);

public sealed record ParentLinkDto(string Kind, Guid Id, string Title, double Weight, string? Perspective, bool Broken, string? BrokenReason);

public sealed record CheckInDto(Guid Id, DateOnly Date, double Value, int Confidence, string? Comment, Guid ByPersonId, string Source);

public sealed record KeyResultDto(
    Guid Id,
    string Title,
    string Kind,
    double? Start,
    double? Target,
    string? Unit,
    double? Weight,
    Guid? KpiId,
    double? BandLow,
    double? BandHigh,
    DateOnly? DueDate,
    double? Current,
    double Progress,
    bool HasData,
    IReadOnlyList<CheckInDto> CheckIns,
    Guid Version,
    int Position);

/// <summary>An objective; <c>status</c> is on_track | behind | at_risk | achieved; <c>gradeBand</c> red | yellow | green.</summary>
public sealed record ObjectiveDto(
    Guid Id,
    string Title,
    string? Description,
    string Level,
    string Period,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    Guid? OwnerPersonId,
    string? OwnerName,
    Guid? OrgUnitId,
    string? OrgUnitName,
    string Type,
    double RollUpShare,
    bool Archived,
    double Progress,
    double Grade,
    string GradeBand,
    string Status,
    double ExpectedProgress,
    bool CanEdit,
    IReadOnlyList<ParentLinkDto> Parents,
    IReadOnlyList<KeyResultDto> KeyResults,
    Guid Version,
    RollUpDto? RollUp = null,
    CarriedFromDto? CarriedFrom = null);

/// <summary>The objective a carried copy came from.</summary>
public sealed record CarriedFromDto(Guid Id, string Title, string Period);

/// <summary>Carry one objective into a later period (its unfinished key results come along).</summary>
public sealed record CarryForwardRequest([Required] string Period);

/// <summary>Carry several objectives of <c>fromPeriod</c> into <c>toPeriod</c>: all or none.</summary>
public sealed record BulkCarryForwardRequest([Required] string FromPeriod, [Required] string ToPeriod, [Required] IReadOnlyList<Guid> ObjectiveIds);

/// <summary>The copy, and what was not carried along (finished key results, a parent not in the new period).</summary>
public sealed record CarryForwardResultDto(Guid OriginalId, ObjectiveDto Copy, IReadOnlyList<string> Notes);

/// <summary>The key results' ids in their new order (every key result of the objective, once); <c>version</c> is the objective's.</summary>
public sealed record KeyResultOrderRequest([Required] IReadOnlyList<Guid> KeyResultIds, Guid? Version);

/// <summary>Where an objective's progress comes from: own key results, supporting objectives, their shares, and whether children are ignored.</summary>
public sealed record RollUpDto(
    string Summary,
    double KeyResultShare,
    double ChildShare,
    double? KeyResultPart,
    double? ChildrenProgress,
    bool ChildrenIgnored,
    IReadOnlyList<RollUpChildDto> Children);

public sealed record RollUpChildDto(Guid Id, string Title, double Progress, double Weight);

public sealed record TreeNodeDto(
    Guid Id,
    string Title,
    string Level,
    string Period,
    Guid? OwnerPersonId,
    string? OwnerName,
    Guid? OrgUnitId,
    string? OrgUnitName,
    double Progress,
    double Grade,
    string Status,
    bool Archived,
    IReadOnlyList<string> AlsoSupports,
    IReadOnlyList<TreeNodeDto> Children);

/// <summary>The alignment tree of a period: company objectives down to individuals; <c>unattached</c> holds objectives no OKR parent in the period leads to.</summary>
public sealed record TreeDto(string Period, IReadOnlyList<TreeNodeDto> Roots, IReadOnlyList<TreeNodeDto> Unattached);

/// <summary>A suggested parent. <c>Reason</c> says where it sits relative to the person (their unit chain or another unit) and its similarity.</summary>
public sealed record ParentSuggestionDto(string Kind, Guid Id, string Title, double Score, string? Perspective, string? Reason = null, bool InUnitChain = false);

public sealed record ParentSuggestionsDto(Guid ObjectiveId, string Method, IReadOnlyList<ParentSuggestionDto> Items);

public sealed record LineOfSightStepDto(string Kind, Guid Id, string Title, string? Level, string? Perspective);

public sealed record LineOfSightDto(Guid ObjectiveId, bool Aligned, IReadOnlyList<LineOfSightStepDto> Steps, IReadOnlyList<IReadOnlyList<string>> ScorecardPaths);

/// <summary>
/// One alignment finding. <c>objectiveId</c> is null for owner-level findings (TOO_MANY objectives, PORTFOLIO_SKEW),
/// which name the <c>personId</c> instead; <c>numbers</c> are the values behind it.
/// </summary>
public sealed record FindingDto(
    Guid? ObjectiveId,
    Guid? KeyResultId,
    Guid? PersonId,
    string? PersonName,
    string? ObjectiveTitle,
    string Code,
    string Severity,
    string Message,
    IReadOnlyDictionary<string, double> Numbers,
    IReadOnlyList<ParentSuggestionDto> Suggestions);

public sealed record PerspectiveShareDto(string Perspective, double GoalShare, double StrategyWeight);

public sealed record DepartmentCoverageDto(
    Guid OrgUnitId,
    string Name,
    int IndividualObjectives,
    int Aligned,
    double AlignedShare,
    IReadOnlyList<PerspectiveShareDto> Mix);

/// <summary>Coverage of the findings' scope; <c>departments</c> is only filled for HR, administrators and executives.</summary>
public sealed record CoverageDto(
    int IndividualObjectives,
    int Aligned,
    double AlignedShare,
    IReadOnlyDictionary<string, int> FindingsByCode,
    IReadOnlyList<DepartmentCoverageDto>? Departments);

/// <summary>One page of findings (<see cref="Total"/> match the filters; <see cref="Offset"/> is where the page starts) and the coverage of the whole scope.</summary>
/// <summary>
/// An alignment report; <paramref name="ComputedAt"/>: when the stored findings it shows were last computed;
/// <paramref name="Pending"/>: goals changed since that they do not include yet (0 unless a refresh was still running).
/// </summary>
public sealed record AlignmentDto(string Period, string Method, IReadOnlyList<FindingDto> Findings, CoverageDto Coverage, int Total, int Offset,
    DateTimeOffset? ComputedAt = null, int Pending = 0);

public sealed record ExplainRequest([Required] string Code, Guid? KeyResultId);

/// <summary>What accepting a suggestion applies, exactly as shown.</summary>
public sealed record SuggestionProposalDto(
    string Action,
    Guid? KeyResultId,
    string? Title,
    string? Kind,
    double? Start,
    double? Target,
    string? Unit,
    DateOnly? DueDate,
    Guid? RemoveParentId,
    string? NewParentKind,
    Guid? NewParentId,
    string? NewParentTitle);

public sealed record SuggestionDto(
    Guid Id,
    Guid ObjectiveId,
    Guid? KeyResultId,
    string Code,
    string Explanation,
    string? ProposalText,
    SuggestionProposalDto? Proposal,
    string Label,
    string Provider,
    string Status);

public sealed record DismissRequest(string? Reason);
