using Scorecard.Strategy.Domain.Kpis;
using Scorecard.Strategy.Domain.RollUp;
using Scorecard.Strategy.Persistence;

namespace Scorecard.Strategy.Application;

/// <summary>A KPI scored as of now: current value, progress (unclamped, as shown), performance, roll-up score, status.</summary>
internal sealed record KpiEvaluation(
    double? CurrentValue,
    DateOnly? LastMeasuredOn,
    double? Progress,
    double? Performance,
    double? Score,
    KpiStatus Status)
{
    public string StatusText => StrategyText.Status(Status);
}

/// <summary>Maps stored KPI settings onto the domain core (<see cref="KpiScoring"/>, <see cref="SubKpiAggregation"/>).</summary>
internal static class KpiMath
{
    public static KpiDirection Direction(string direction) => direction switch
    {
        "increase" => KpiDirection.Increase,
        "decrease" => KpiDirection.Decrease,
        "range" => KpiDirection.Range,
        _ => KpiDirection.Increase,
    };

    public static UpdateInterval Interval(string interval) => interval switch
    {
        "weekly" => UpdateInterval.Weekly,
        "quarterly" => UpdateInterval.Quarterly,
        _ => UpdateInterval.Monthly,
    };

    public static AggregationMethod? Aggregation(string? aggregation) => aggregation switch
    {
        "weightedAverage" => AggregationMethod.WeightedAverage,
        "sum" => AggregationMethod.Sum,
        "average" => AggregationMethod.Average,
        "min" => AggregationMethod.Min,
        "max" => AggregationMethod.Max,
        "last" => AggregationMethod.Last,
        _ => null,
    };

    public static KpiDefinition Definition(KpiRecord kpi)
    {
        PerformanceScale? scale = kpi is { Min: { } min, Max: { } max }
            ? PerformanceScale.Create(Direction(kpi.Direction), min, max, kpi.BandLow, kpi.BandHigh)
            : null;
        StatusThresholds? thresholds = kpi is { GreenThreshold: { } g, AmberThreshold: { } a } ? new StatusThresholds(g, a) : null;
        // A range KPI has no single target: it is scored on its band, not on progress.
        var useProgress = kpi.Direction != "range" && kpi.Baseline is { } b && kpi.Target is { } t && b != t;
        return new KpiDefinition(useProgress ? kpi.Baseline : null, useProgress ? kpi.Target : null, scale, thresholds);
    }

    /// <summary>Scores one value of the KPI (for a series point or the current value).</summary>
    public static KpiEvaluation Score(KpiRecord kpi, double? value, DateOnly? on)
    {
        var score = KpiScoring.Score(Definition(kpi), value);
        return new KpiEvaluation(value, on, score.Progress?.Unclamped, score.Performance, score.RollUpScore, score.Status);
    }

    /// <summary>
    /// The KPI's current value: its latest measurement, or for a KPI with an aggregation and sub-KPIs the aggregate
    /// of the sub-KPIs' current values.
    /// </summary>
    public static KpiEvaluation Evaluate(KpiRecord kpi, StrategyGraph graph, int depth = 0)
    {
        var subs = graph.SubKpis(kpi.Id);
        if (Aggregation(kpi.Aggregation) is { } method && subs.Count > 0 && depth < 8)
        {
            var values = subs.Select(s =>
            {
                var e = Evaluate(s, graph, depth + 1);
                return new SubKpiValue(s.Id, e.CurrentValue, s.Weight, e.LastMeasuredOn);
            }).ToList();
            var aggregated = SubKpiAggregation.Aggregate(method, values);
            var last = values.Where(v => aggregated.Used.Contains(v.Id)).Max(v => v.MeasuredOn);
            return Score(kpi, aggregated.Value, last);
        }

        var latest = graph.MeasurementsOf(kpi.Id).LastOrDefault();
        return Score(kpi, latest?.Value, latest?.Date);
    }
}

internal static class StrategyText
{
    public static string Status(KpiStatus status) => status switch
    {
        KpiStatus.Green => "green",
        KpiStatus.Amber => "amber",
        KpiStatus.Red => "red",
        _ => "no data",
    };

    public static string CssStatus(string status) => status == "no data" ? "nodata" : status;
}
