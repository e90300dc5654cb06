namespace Scorecard.Strategy.Contracts;

/// <summary>What other modules may ask the Strategy module: objectives, KPIs and line of sight.</summary>
public interface IStrategyReader
{
    Task<StrategyObjectiveSummary?> GetObjectiveAsync(Guid objectiveId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StrategyObjectiveSummary>> GetObjectivesAsync(IEnumerable<Guid> objectiveIds, CancellationToken cancellationToken = default);

    /// <summary>Objectives of scorecards whose period contains <paramref name="asOf"/> (all scorecards when null).</summary>
    Task<IReadOnlyList<StrategyObjectiveSummary>> ListObjectivesAsync(DateOnly? asOf = null, CancellationToken cancellationToken = default);

    Task<KpiSummary?> GetKpiAsync(Guid kpiId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<KpiSummary>> GetKpisOwnedByAsync(Guid personId, CancellationToken cancellationToken = default);

    /// <summary>At most <paramref name="limit"/> KPIs whose name contains <paramref name="text"/> (case-insensitive), by name.</summary>
    Task<IReadOnlyList<KpiSummary>> SearchKpisAsync(string text, int limit, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<KpiMeasurementPoint>> GetMeasurementsAsync(Guid kpiId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>The unbroken paths from the objective up to company-scorecard objectives.</summary>
    Task<LineOfSight?> GetLineOfSightAsync(Guid objectiveId, CancellationToken cancellationToken = default);

    /// <summary>The company scorecard's perspective weights (normalised to sum 1) for the period containing the date.</summary>
    Task<IReadOnlyList<PerspectiveWeight>> GetCompanyPerspectiveWeightsAsync(DateOnly asOf, CancellationToken cancellationToken = default);

    /// <summary>The names of the scorecards that belong to the org unit (the directory refuses to delete a unit in use).</summary>
    Task<IReadOnlyList<string>> GetScorecardNamesOfOrgUnitAsync(Guid orgUnitId, CancellationToken cancellationToken = default);
}

public sealed record StrategyObjectiveSummary(
    Guid Id,
    Guid ScorecardId,
    string ScorecardName,
    bool IsCompanyScorecard,
    Guid PerspectiveId,
    string PerspectiveName,
    string Name,
    string? Description,
    Guid? OwnerId,
    double? Progress,
    string Status,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    Guid? ScorecardOrgUnitId = null);

/// <summary>Fractions are 0–1; <c>Status</c> is <c>green</c> | <c>amber</c> | <c>red</c> | <c>no data</c>.</summary>
public sealed record KpiSummary(
    Guid Id,
    Guid ObjectiveId,
    string Name,
    string? Unit,
    Guid? OwnerId,
    string Direction,
    double? Baseline,
    double? Target,
    double? CurrentValue,
    DateOnly? LastMeasuredOn,
    double? Progress,
    double? Performance,
    string Status);

public sealed record KpiMeasurementPoint(DateOnly Date, double Value, string? Note);

public sealed record LineOfSight(Guid ObjectiveId, IReadOnlyList<IReadOnlyList<LineOfSightStep>> Paths)
{
    public bool IsBroken => Paths.Count == 0;
}

public sealed record LineOfSightStep(Guid ObjectiveId, string Name, Guid ScorecardId, string ScorecardName, bool IsCompany);

public sealed record PerspectiveWeight(Guid PerspectiveId, string Perspective, double Weight);
