using static System.FormattableString;

namespace Scorecard.Strategy.Domain.Health;

/// <summary>Kaplan &amp; Norton's sizing: at most 25 KPIs a scorecard, 3–7 a perspective, 1–2 an objective.</summary>
internal static class KpiCountRules
{
    public const int MaxKpisPerScorecard = 25;
    public const int MinKpisPerPerspective = 3;
    public const int MaxKpisPerPerspective = 7;
    public const int MaxKpisPerObjective = 2;

    public static IEnumerable<HealthFinding> Find(HealthContext context)
    {
        foreach (var scorecard in context.Model.Scorecards)
        {
            var total = HealthContext.KpisOf(scorecard).Count();
            if (total > MaxKpisPerScorecard)
            {
                yield return new HealthFinding(
                    HealthCodes.TooManyKpis,
                    FindingSeverity.Warning,
                    Invariant($"The scorecard has {total} KPIs; a whole scorecard should have at most {MaxKpisPerScorecard} (15–25 is typical)."),
                    HealthContext.Subject(scorecard));
            }

            foreach (var perspective in scorecard.Perspectives)
            {
                var count = perspective.Objectives.Sum(o => o.Kpis.Count);
                if (count is < MinKpisPerPerspective or > MaxKpisPerPerspective)
                {
                    yield return new HealthFinding(
                        HealthCodes.PerspectiveKpiCount,
                        FindingSeverity.Warning,
                        Invariant($"The perspective has {count} KPIs; {MinKpisPerPerspective}–{MaxKpisPerPerspective} keep it balanced and readable."),
                        HealthContext.Subject(scorecard, perspective));
                }

                foreach (var objective in perspective.Objectives)
                {
                    if (objective.Kpis.Count == 0)
                    {
                        yield return new HealthFinding(
                            HealthCodes.ObjectiveKpiCount,
                            FindingSeverity.Error,
                            "The objective has no KPI, so it cannot be measured or scored; give it one or two.",
                            HealthContext.Subject(scorecard, objective));
                    }
                    else if (objective.Kpis.Count > MaxKpisPerObjective)
                    {
                        yield return new HealthFinding(
                            HealthCodes.ObjectiveKpiCount,
                            FindingSeverity.Warning,
                            Invariant($"The objective has {objective.Kpis.Count} KPIs; at most {MaxKpisPerObjective} keep it focused."),
                            HealthContext.Subject(scorecard, objective));
                    }
                }
            }
        }
    }
}
