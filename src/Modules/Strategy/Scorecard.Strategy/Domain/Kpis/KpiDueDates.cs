namespace Scorecard.Strategy.Domain.Kpis;

/// <summary>
/// Due dates by update interval plus a grace period: weekly 7 + 3 days, monthly 31 + 7, quarterly 92 + 14.
/// Stale means no measurement within interval + grace, i.e. stale from the day after that window ends.
/// </summary>
internal static class KpiDueDates
{
    public static int IntervalDays(UpdateInterval interval) => interval switch
    {
        UpdateInterval.Weekly => 7,
        UpdateInterval.Monthly => 31,
        UpdateInterval.Quarterly => 92,
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, "Unknown update interval."),
    };

    public static int GraceDays(UpdateInterval interval) => interval switch
    {
        UpdateInterval.Weekly => 3,
        UpdateInterval.Monthly => 7,
        UpdateInterval.Quarterly => 14,
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, "Unknown update interval."),
    };

    /// <param name="trackingSince">
    /// When a never-measured KPI started being tracked (e.g. its creation date); the clock starts there.
    /// A KPI with neither a measurement nor a start date is due and stale at once.
    /// </param>
    public static KpiDueDate Evaluate(
        UpdateInterval interval, DateOnly? lastMeasuredOn, DateOnly asOf, DateOnly? trackingSince = null)
    {
        if ((lastMeasuredOn ?? trackingSince) is not { } anchor)
        {
            return new KpiDueDate(asOf, asOf, IsDue: true, IsStale: true);
        }

        var nextDue = anchor.AddDays(IntervalDays(interval));
        var staleFrom = nextDue.AddDays(GraceDays(interval) + 1);
        return new KpiDueDate(nextDue, staleFrom, asOf >= nextDue, asOf >= staleFrom);
    }
}
