namespace Scorecard.Organization.Persistence;

/// <summary>
/// A stored answer to "who heads this unit, sub-units included" (<see cref="Domain.UnitHeadship"/>), kept in the
/// transaction of every person and unit write by <see cref="UnitHeadsMaintenance"/>, so that reading a unit's heads
/// costs the same for a team and for the whole company.
/// </summary>
internal sealed class UnitHead
{
    public Guid UnitId { get; init; }
    public Guid PersonId { get; init; }
}
