using Scorecard.Strategy.Domain.Kpis;

namespace Scorecard.Strategy.Tests.Domain;

public sealed class KpiDueDatesTests
{
    private static readonly DateOnly Last = new(2026, 1, 1);

    [Theory]
    [InlineData(UpdateInterval.Weekly, "2026-01-08", "2026-01-12")]    // 7 days, stale after 7 + 3
    [InlineData(UpdateInterval.Monthly, "2026-02-01", "2026-02-09")]   // 31 days, stale after 31 + 7
    [InlineData(UpdateInterval.Quarterly, "2026-04-03", "2026-04-18")] // 92 days, stale after 92 + 14
    public void Next_due_date_and_first_stale_day_follow_interval_plus_grace(
        object interval, string nextDue, string staleFrom)
    {
        var due = KpiDueDates.Evaluate((UpdateInterval)interval, Last, asOf: Last);

        Assert.Equal(DateOnly.Parse(nextDue), due.NextDueOn);
        Assert.Equal(DateOnly.Parse(staleFrom), due.StaleFrom);
        Assert.False(due.IsDue);
        Assert.False(due.IsStale);
    }

    [Fact]
    public void Weekly_kpi_is_due_after_7_days_and_stale_after_10()
    {
        Assert.False(KpiDueDates.Evaluate(UpdateInterval.Weekly, Last, new DateOnly(2026, 1, 7)).IsDue);
        var day7 = KpiDueDates.Evaluate(UpdateInterval.Weekly, Last, new DateOnly(2026, 1, 8));
        Assert.True(day7.IsDue);
        Assert.False(day7.IsStale);
        Assert.False(KpiDueDates.Evaluate(UpdateInterval.Weekly, Last, new DateOnly(2026, 1, 11)).IsStale);
        Assert.True(KpiDueDates.Evaluate(UpdateInterval.Weekly, Last, new DateOnly(2026, 1, 12)).IsStale);
    }

    [Fact]
    public void Monthly_kpi_is_stale_39_days_after_its_last_measurement_not_38()
    {
        Assert.False(KpiDueDates.Evaluate(UpdateInterval.Monthly, Last, Last.AddDays(38)).IsStale);
        Assert.True(KpiDueDates.Evaluate(UpdateInterval.Monthly, Last, Last.AddDays(39)).IsStale);
    }

    [Fact]
    public void Never_measured_kpi_counts_from_when_tracking_started()
    {
        var started = new DateOnly(2026, 3, 1);

        var fresh = KpiDueDates.Evaluate(UpdateInterval.Monthly, null, started.AddDays(10), trackingSince: started);
        var stale = KpiDueDates.Evaluate(UpdateInterval.Monthly, null, started.AddDays(39), trackingSince: started);

        Assert.Equal(started.AddDays(31), fresh.NextDueOn);
        Assert.False(fresh.IsStale);
        Assert.True(stale.IsStale);
    }

    [Fact]
    public void Never_measured_kpi_without_a_start_is_due_and_stale_at_once()
    {
        var asOf = new DateOnly(2026, 3, 1);

        var due = KpiDueDates.Evaluate(UpdateInterval.Quarterly, null, asOf);

        Assert.Equal(asOf, due.NextDueOn);
        Assert.True(due.IsDue);
        Assert.True(due.IsStale);
    }
}
