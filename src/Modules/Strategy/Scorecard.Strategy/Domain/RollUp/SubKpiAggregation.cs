namespace Scorecard.Strategy.Domain.RollUp;

/// <summary>
/// Aggregates sub-KPI values into a cascaded KPI's value. Sub-KPIs without data are skipped in every method, and
/// a sum over nothing is no data rather than 0. <see cref="AggregationMethod.Last"/> takes the most recently
/// measured sub-KPI; undated sub-KPIs count as older than dated ones, and ties go to the later one in the list.
/// </summary>
internal static class SubKpiAggregation
{
    public static AggregatedValue Aggregate(AggregationMethod method, IReadOnlyList<SubKpiValue> subKpis)
    {
        foreach (var sub in subKpis)
        {
            FiniteNumber.Require(sub.Value, "value");
            FiniteNumber.Require(sub.Weight, "weight");
        }

        var skipped = subKpis.Where(s => s.Value is null).Select(s => s.Id).ToList();
        var withData = subKpis.Where(s => s.Value is not null).ToList();
        if (withData.Count == 0)
        {
            return new AggregatedValue(null, [], skipped);
        }

        if (method == AggregationMethod.WeightedAverage)
        {
            var rollUp = WeightedRollUp.Combine(subKpis.Select(s => new WeightedScore(s.Id, s.Weight, s.Value)).ToList());
            return new AggregatedValue(rollUp.Score, rollUp.Counted, skipped);
        }

        if (method == AggregationMethod.Last)
        {
            var last = withData
                .Select((s, index) => (s, index))
                .MaxBy(x => (x.s.MeasuredOn ?? DateOnly.MinValue, x.index)).s;
            return new AggregatedValue(last.Value, [last.Id], skipped);
        }

        var values = withData.Select(s => s.Value!.Value).ToList();
        var value = method switch
        {
            AggregationMethod.Sum => values.Sum(),
            AggregationMethod.Average => values.Average(),
            AggregationMethod.Min => values.Min(),
            AggregationMethod.Max => values.Max(),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown aggregation method."),
        };
        return new AggregatedValue(value, withData.Select(s => s.Id).ToList(), skipped);
    }
}
