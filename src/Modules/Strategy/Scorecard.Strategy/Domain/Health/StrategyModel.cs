using Scorecard.Strategy.Domain.Graph;
using Scorecard.Strategy.Domain.Kpis;

namespace Scorecard.Strategy.Domain.Health;

/// <summary>
/// Everything the health check reads, in memory: all scorecards (the company one flagged), the strategy-map
/// arrows and the contributes-to links between them.
/// </summary>
internal sealed record StrategyModel(
    IReadOnlyList<ScorecardModel> Scorecards,
    IReadOnlyList<StrategyMapLink> Links,
    IReadOnlyList<ContributesTo> Contributions);

/// <summary>A scorecard; <see cref="ParentScorecardId"/> is the scorecard it cascades from (null for the company one).</summary>
internal sealed record ScorecardModel(
    Guid Id,
    string Name,
    bool IsCompany,
    Guid? ParentScorecardId,
    IReadOnlyList<PerspectiveModel> Perspectives);

internal sealed record PerspectiveModel(Guid Id, string Name, IReadOnlyList<ObjectiveModel> Objectives);

internal sealed record ObjectiveModel(
    Guid Id,
    string Name,
    Guid? OwnerId,
    IReadOnlyList<KpiModel> Kpis,
    IReadOnlyList<InitiativeModel> Initiatives);

/// <summary>
/// A KPI as hygiene sees it. <see cref="TrackingSince"/> starts the staleness clock of a never-measured KPI
/// (typically its creation date).
/// </summary>
internal sealed record KpiModel(
    Guid Id,
    string Name,
    Guid? OwnerId,
    bool HasTarget,
    string? DataSource,
    UpdateInterval Interval,
    DateOnly? LastMeasuredOn,
    DateOnly? TrackingSince = null);

internal sealed record InitiativeModel(Guid Id, string Name);
