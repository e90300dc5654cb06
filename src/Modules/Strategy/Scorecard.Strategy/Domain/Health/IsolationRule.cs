namespace Scorecard.Strategy.Domain.Health;

/// <summary>An objective with no cause-and-effect arrow in or out makes the map an "isolated list", not a strategy.</summary>
internal static class IsolationRule
{
    public static IEnumerable<HealthFinding> Find(HealthContext context)
    {
        var linked = context.Model.Links
            .SelectMany(l => new[] { l.DriverObjectiveId, l.OutcomeObjectiveId })
            .ToHashSet();
        return context.Model.Scorecards
            .SelectMany(s => HealthContext.ObjectivesOf(s)
                .Where(o => !linked.Contains(o.Id))
                .Select(o => new HealthFinding(
                    HealthCodes.IsolatedObjective,
                    FindingSeverity.Warning,
                    "The objective has no cause-and-effect link in or out; show what drives it or what it drives.",
                    HealthContext.Subject(s, o))));
    }
}
