namespace Scorecard.Strategy.Domain.Graph;

/// <summary>A cause-and-effect arrow on the strategy map: the driver objective should move the outcome objective.</summary>
internal sealed record StrategyMapLink(Guid DriverObjectiveId, Guid OutcomeObjectiveId)
{
    public GraphEdge Edge => new(DriverObjectiveId, OutcomeObjectiveId);
}
