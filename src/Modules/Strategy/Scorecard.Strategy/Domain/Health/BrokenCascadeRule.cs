using Scorecard.Strategy.Domain.Graph;

namespace Scorecard.Strategy.Domain.Health;

/// <summary>An objective outside the company scorecard with no contributes-to path up to a company objective.</summary>
internal static class BrokenCascadeRule
{
    public static IEnumerable<HealthFinding> Find(HealthContext context)
    {
        var withPath = LineOfSight.ObjectivesWithPath(context.Model.Contributions, context.CompanyObjectiveIds);
        return context.Model.Scorecards
            .Where(s => !s.IsCompany)
            .SelectMany(s => HealthContext.ObjectivesOf(s)
                .Where(o => !withPath.Contains(o.Id))
                .Select(o => new HealthFinding(
                    HealthCodes.BrokenCascade,
                    FindingSeverity.Warning,
                    "The objective has no contributes-to path up to a company objective; link it to the parent objective it serves.",
                    HealthContext.Subject(s, o))));
    }
}
