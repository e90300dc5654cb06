namespace Scorecard.Strategy.Domain.Hypotheses;

/// <summary>One point of a series: a KPI value or objective score as of a date.</summary>
internal sealed record DatedValue(DateOnly On, double Value);
