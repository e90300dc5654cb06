namespace Scorecard.Strategy.Domain.Kpis;

/// <summary>
/// When the next measurement is due, and from which day the KPI counts as stale.
/// <see cref="IsDue"/>: as of the date the owner should enter a value (remind them);
/// <see cref="IsStale"/>: the grace period has passed too (a health finding).
/// </summary>
internal sealed record KpiDueDate(DateOnly NextDueOn, DateOnly StaleFrom, bool IsDue, bool IsStale);
