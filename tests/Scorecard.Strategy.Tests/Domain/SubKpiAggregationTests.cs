using Scorecard.Strategy.Domain.RollUp;

namespace Scorecard.Strategy.Tests.Domain;

public sealed class SubKpiAggregationTests
{
    private static readonly SubKpiValue North = new(Guid.NewGuid(), 10, Weight: 1, MeasuredOn: new DateOnly(2026, 1, 10));
    private static readonly SubKpiValue South = new(Guid.NewGuid(), 20, Weight: 3, MeasuredOn: new DateOnly(2026, 3, 5));
    private static readonly SubKpiValue East = new(Guid.NewGuid(), null, Weight: 5, MeasuredOn: null);
    private static readonly SubKpiValue West = new(Guid.NewGuid(), 60, Weight: 1, MeasuredOn: new DateOnly(2026, 2, 1));
    private static readonly IReadOnlyList<SubKpiValue> Regions = [North, South, East, West];

    [Theory]
    [InlineData(AggregationMethod.WeightedAverage, 26.0)] // (1 × 10 + 3 × 20 + 1 × 60) / 5
    [InlineData(AggregationMethod.Sum, 90.0)]
    [InlineData(AggregationMethod.Average, 30.0)]
    [InlineData(AggregationMethod.Min, 10.0)]
    [InlineData(AggregationMethod.Max, 60.0)]
    [InlineData(AggregationMethod.Last, 20.0)]            // South, measured most recently
    public void Each_method_skips_the_sub_kpi_without_data(object method, double expected)
    {
        var result = SubKpiAggregation.Aggregate((AggregationMethod)method, Regions);

        Assert.Equal(expected, result.Value!.Value, 12);
        Assert.Equal([East.Id], result.SkippedNoData);
    }

    [Fact]
    public void Last_names_the_single_sub_kpi_it_used()
    {
        Assert.Equal([South.Id], SubKpiAggregation.Aggregate(AggregationMethod.Last, Regions).Used);
    }

    [Fact]
    public void Last_among_undated_values_is_the_last_in_the_list_and_dated_beat_undated()
    {
        var first = new SubKpiValue(Guid.NewGuid(), 1);
        var second = new SubKpiValue(Guid.NewGuid(), 2);
        var dated = new SubKpiValue(Guid.NewGuid(), 3, MeasuredOn: new DateOnly(2020, 1, 1));

        Assert.Equal(2.0, SubKpiAggregation.Aggregate(AggregationMethod.Last, [first, second]).Value);
        Assert.Equal(3.0, SubKpiAggregation.Aggregate(AggregationMethod.Last, [dated, first, second]).Value);
    }

    [Theory]
    [InlineData(AggregationMethod.Sum)]
    [InlineData(AggregationMethod.Average)]
    [InlineData(AggregationMethod.WeightedAverage)]
    [InlineData(AggregationMethod.Last)]
    public void No_sub_kpi_with_data_is_no_data_not_zero(object method)
    {
        var result = SubKpiAggregation.Aggregate((AggregationMethod)method, [East]);

        Assert.Null(result.Value);
        Assert.Empty(result.Used);
    }
}
