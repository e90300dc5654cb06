namespace Scorecard.Okr.Contracts;

/// <summary>What other modules may ask the OKR module (the reviews module uses these as evidence).</summary>
public interface IOkrReader
{
    Task<OkrObjectiveSummary?> GetObjectiveAsync(Guid objectiveId, CancellationToken cancellationToken = default);

    /// <summary>The person's individual objectives whose period overlaps [from, to], with key results and check-ins.</summary>
    Task<IReadOnlyList<OkrObjectiveSummary>> GetPersonObjectivesAsync(Guid personId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>Alignment findings about the person's objectives whose period overlaps [from, to].</summary>
    Task<IReadOnlyList<OkrAlignmentFinding>> GetAlignmentFindingsAsync(Guid personId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>The titles of the objectives (archived ones too) that belong to the org unit (the directory refuses to delete a unit in use).</summary>
    Task<IReadOnlyList<string>> GetObjectiveTitlesOfOrgUnitAsync(Guid orgUnitId, CancellationToken cancellationToken = default);
}

/// <summary>Fractions 0–1; <c>Status</c> is <c>on_track</c> | <c>behind</c> | <c>at_risk</c> | <c>achieved</c>.</summary>
public sealed record OkrObjectiveSummary(
    Guid Id,
    string Title,
    string Level,
    string Period,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    Guid? OwnerPersonId,
    Guid? OrgUnitId,
    string Type,
    double Progress,
    double Grade,
    string Status,
    bool Archived,
    IReadOnlyList<OkrKeyResultSummary> KeyResults);

public sealed record OkrKeyResultSummary(
    Guid Id,
    string Title,
    string Kind,
    double? Start,
    double? Target,
    double? Current,
    string? Unit,
    double Progress,
    DateOnly? DueDate,
    IReadOnlyList<OkrCheckInSummary> CheckIns);

public sealed record OkrCheckInSummary(Guid Id, DateOnly Date, double Value, int Confidence, string? Comment, Guid ByPersonId);

public sealed record OkrAlignmentFinding(Guid ObjectiveId, string Code, string Severity, string Message);
