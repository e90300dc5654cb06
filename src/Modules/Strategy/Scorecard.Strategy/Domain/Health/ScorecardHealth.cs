namespace Scorecard.Strategy.Domain.Health;

/// <summary>All hygiene findings for a strategy model as of a date, grouped by rule in the order listed.</summary>
internal static class ScorecardHealth
{
    private static readonly Func<HealthContext, IEnumerable<HealthFinding>>[] Rules =
    [
        KpiCountRules.Find,
        AccountabilityRules.Find,
        IsolationRule.Find,
        StalenessRule.Find,
        InitiativeRule.Find,
        MiniMeRule.Find,
        BrokenCascadeRule.Find,
    ];

    public static IReadOnlyList<HealthFinding> Check(StrategyModel model, DateOnly asOf)
    {
        var context = new HealthContext(model, asOf);
        return Rules.SelectMany(rule => rule(context)).ToList();
    }
}
