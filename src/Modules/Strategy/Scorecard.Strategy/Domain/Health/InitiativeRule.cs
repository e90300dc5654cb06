namespace Scorecard.Strategy.Domain.Health;

/// <summary>
/// An objective with no initiative has nothing funded to move it. Info only: an objective already on target may
/// legitimately need none.
/// </summary>
internal static class InitiativeRule
{
    public static IEnumerable<HealthFinding> Find(HealthContext context) =>
        context.Model.Scorecards.SelectMany(s => HealthContext.ObjectivesOf(s)
            .Where(o => o.Initiatives.Count == 0)
            .Select(o => new HealthFinding(
                HealthCodes.NoInitiative,
                FindingSeverity.Info,
                "The objective has no initiative; say which project will move it, or why none is needed.",
                HealthContext.Subject(s, o))));
}
