using Scorecard.Strategy.Domain.Kpis;
using static System.FormattableString;

namespace Scorecard.Strategy.Domain.Health;

/// <summary>A KPI with no measurement within its update interval plus grace (see <see cref="KpiDueDates"/>).</summary>
internal static class StalenessRule
{
    public static IEnumerable<HealthFinding> Find(HealthContext context)
    {
        foreach (var scorecard in context.Model.Scorecards)
        {
            foreach (var kpi in HealthContext.KpisOf(scorecard))
            {
                var due = KpiDueDates.Evaluate(kpi.Interval, kpi.LastMeasuredOn, context.AsOf, kpi.TrackingSince);
                if (!due.IsStale)
                {
                    continue;
                }

                var message = kpi.LastMeasuredOn is { } last
                    ? Invariant($"The KPI was last measured on {last:yyyy-MM-dd}; it is updated {kpi.Interval.ToString().ToLowerInvariant()} and was due on {due.NextDueOn:yyyy-MM-dd}.")
                    : "The KPI has never been measured.";
                yield return new HealthFinding(HealthCodes.StaleKpi, FindingSeverity.Warning, message, HealthContext.Subject(scorecard, kpi));
            }
        }
    }
}
