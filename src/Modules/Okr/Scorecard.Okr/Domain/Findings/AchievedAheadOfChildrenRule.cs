namespace Scorecard.Okr.Domain;

/// <summary>
/// ACHIEVED_AHEAD_OF_CHILDREN: an objective that shows "achieved" (progress ≥ 100 %) while the objectives supporting
/// it are far behind — their weighted progress more than <see cref="Gap"/> below (design: 33 points, the
/// "at risk" gap of the expected-progress status). Typical cause: its own key result is met (an uptime band) and a
/// roll-up share of 0 ignores the children. The finding is a prompt: the objective may really be done.
/// </summary>
internal static class AchievedAheadOfChildrenRule
{
    public const double Gap = 0.33;

    public static bool Applies(RollUpExplanation rollUp, double gap = Gap)
    {
        ArgumentNullException.ThrowIfNull(rollUp);
        return rollUp.Progress >= 1.0 - 1e-9 && rollUp.ChildrenProgress is { } children && rollUp.Progress - children > gap;
    }
}
