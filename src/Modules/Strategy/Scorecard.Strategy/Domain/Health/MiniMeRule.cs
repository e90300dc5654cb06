using static System.FormattableString;

namespace Scorecard.Strategy.Domain.Health;

/// <summary>
/// A cascaded scorecard should translate its parents' objectives, not copy them. An objective (KPI) whose name is
/// at least <see cref="Threshold"/> similar (<see cref="NameSimilarity"/>) to an objective (KPI) of a scorecard it
/// cascades from is a "mini-me" copy. Only the closest match is reported.
/// </summary>
internal static class MiniMeRule
{
    public const double Threshold = 0.8;

    public static IEnumerable<HealthFinding> Find(HealthContext context)
    {
        foreach (var scorecard in context.Model.Scorecards.Where(s => !s.IsCompany))
        {
            var ancestors = context.AncestorsOf(scorecard).ToList();
            var parentObjectives = ancestors.SelectMany(a => HealthContext.ObjectivesOf(a).Select(o => (a, o.Name))).ToList();
            var parentKpis = ancestors.SelectMany(a => HealthContext.KpisOf(a).Select(k => (a, k.Name))).ToList();

            foreach (var objective in HealthContext.ObjectivesOf(scorecard))
            {
                if (Copy(objective.Name, parentObjectives) is { } match)
                {
                    yield return Finding("objective", match, HealthContext.Subject(scorecard, objective));
                }
            }

            foreach (var kpi in HealthContext.KpisOf(scorecard))
            {
                if (Copy(kpi.Name, parentKpis) is { } match)
                {
                    yield return Finding("KPI", match, HealthContext.Subject(scorecard, kpi));
                }
            }
        }
    }

    private static (ScorecardModel Parent, string Name, double Similarity)? Copy(
        string name, IReadOnlyList<(ScorecardModel Parent, string Name)> candidates) =>
        candidates
            .Select(c => (c.Parent, c.Name, Similarity: NameSimilarity.Jaccard(name, c.Name)))
            .Where(c => c.Similarity >= Threshold)
            .OrderByDescending(c => c.Similarity)
            .Select(c => ((ScorecardModel, string, double)?)c)
            .FirstOrDefault();

    private static HealthFinding Finding(
        string kind, (ScorecardModel Parent, string Name, double Similarity) match, FindingSubject subject) =>
        new(
            HealthCodes.MiniMe,
            FindingSeverity.Warning,
            Invariant($"The {kind} copies \"{match.Name}\" of scorecard \"{match.Parent.Name}\" ({match.Similarity:P0} alike); translate it into what this unit really influences."),
            subject);
}
