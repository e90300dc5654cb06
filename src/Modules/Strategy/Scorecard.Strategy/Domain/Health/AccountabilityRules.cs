namespace Scorecard.Strategy.Domain.Health;

/// <summary>
/// One named owner for every objective and KPI; a target, and a data source, for every KPI. A missing target
/// is an error (the KPI cannot be scored); a missing data source a warning (it can be, but by hand and unaudited).
/// </summary>
internal static class AccountabilityRules
{
    public static IEnumerable<HealthFinding> Find(HealthContext context)
    {
        foreach (var scorecard in context.Model.Scorecards)
        {
            foreach (var objective in HealthContext.ObjectivesOf(scorecard))
            {
                if (objective.OwnerId is null)
                {
                    yield return new HealthFinding(
                        HealthCodes.MissingOwner,
                        FindingSeverity.Error,
                        "The objective has no owner; name one person accountable for it.",
                        HealthContext.Subject(scorecard, objective));
                }

                foreach (var kpi in objective.Kpis)
                {
                    foreach (var finding in FindForKpi(scorecard, kpi))
                    {
                        yield return finding;
                    }
                }
            }
        }
    }

    private static IEnumerable<HealthFinding> FindForKpi(ScorecardModel scorecard, KpiModel kpi)
    {
        var subject = HealthContext.Subject(scorecard, kpi);
        if (kpi.OwnerId is null)
        {
            yield return new HealthFinding(
                HealthCodes.MissingOwner, FindingSeverity.Error, "The KPI has no owner; name one person who updates it.", subject);
        }

        if (!kpi.HasTarget)
        {
            yield return new HealthFinding(
                HealthCodes.MissingTarget, FindingSeverity.Error, "The KPI has no target, so its progress cannot be computed.", subject);
        }

        if (string.IsNullOrWhiteSpace(kpi.DataSource))
        {
            yield return new HealthFinding(
                HealthCodes.MissingDataSource, FindingSeverity.Warning, "The KPI has no data source; say where its values come from.", subject);
        }
    }
}
