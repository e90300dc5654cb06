using Scorecard.Platform;
using Scorecard.Strategy.Domain.RollUp;

namespace Scorecard.Strategy.Tests.Domain;

public sealed class WeightedRollUpTests
{
    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();
    private static readonly Guid C = Guid.NewGuid();

    [Fact]
    public void Weights_are_relative_and_need_not_sum_to_1()
    {
        // (2 × 0.9 + 1 × 0.5 + 1 × 0.1) / 4 = 0.6
        var result = WeightedRollUp.Combine([new(A, 2, 0.9), new(B, 1, 0.5), new(C, 1, 0.1)]);

        Assert.Equal(0.6, result.Score!.Value, 12);
        Assert.Equal([A, B, C], result.Counted);
        Assert.False(result.EqualWeightsUsed);
    }

    [Fact]
    public void Scaling_all_weights_changes_nothing()
    {
        var percent = WeightedRollUp.Combine([new(A, 30, 0.8), new(B, 10, 0.4)]);
        var fraction = WeightedRollUp.Combine([new(A, 0.75, 0.8), new(B, 0.25, 0.4)]);

        Assert.Equal(0.7, percent.Score!.Value, 12);
        Assert.Equal(fraction.Score!.Value, percent.Score.Value, 12);
    }

    [Fact]
    public void Children_without_data_are_skipped_and_named()
    {
        // A is heavy but unmeasured: (1 × 0.6 + 1 × 0.2) / 2 = 0.4
        var result = WeightedRollUp.Combine([new(A, 2, null), new(B, 1, 0.6), new(C, 1, 0.2)]);

        Assert.Equal(0.4, result.Score!.Value, 12);
        Assert.Equal([A], result.SkippedNoData);
        Assert.Equal([B, C], result.Counted);
    }

    [Fact]
    public void An_unweighted_level_counts_its_children_equally()
    {
        var result = WeightedRollUp.Combine([new(A, 0, 0.9), new(B, 0, 0.3)]);

        Assert.Equal(0.6, result.Score!.Value, 12);
        Assert.True(result.EqualWeightsUsed);
        Assert.Empty(result.SkippedZeroWeight);
    }

    [Fact]
    public void In_a_weighted_level_a_zero_weight_child_is_tracked_but_not_counted()
    {
        var result = WeightedRollUp.Combine([new(A, 1, 0.9), new(B, 0, 0.1)]);

        Assert.Equal(0.9, result.Score!.Value, 12);
        Assert.Equal([B], result.SkippedZeroWeight);
        Assert.Equal([A], result.Counted);
    }

    [Fact]
    public void Only_zero_weight_children_with_data_give_no_score()
    {
        var result = WeightedRollUp.Combine([new(A, 1, null), new(B, 0, 0.1)]);

        Assert.Null(result.Score);
        Assert.Equal([A], result.SkippedNoData);
        Assert.Equal([B], result.SkippedZeroWeight);
    }

    [Fact]
    public void No_data_at_all_is_no_score_not_zero()
    {
        Assert.Null(WeightedRollUp.Combine([new(A, 1, null), new(B, 1, null)]).Score);
        Assert.Null(WeightedRollUp.Combine([]).Score);
    }

    [Fact]
    public void Negative_or_non_finite_input_is_rejected()
    {
        Assert.Throws<RuleViolationException>(() => WeightedRollUp.Combine([new(A, -1, 0.5)]));
        Assert.Throws<BadInputException>(() => WeightedRollUp.Combine([new(A, double.NaN, 0.5)]));
        Assert.Throws<BadInputException>(() => WeightedRollUp.Combine([new(A, 1, double.PositiveInfinity)]));
    }

    [Fact]
    public void Scorecard_rolls_up_kpi_to_objective_to_perspective_to_scorecard()
    {
        var financial = Guid.NewGuid();
        var customer = Guid.NewGuid();
        var revenue = Guid.NewGuid();
        var margin = Guid.NewGuid();
        var retention = Guid.NewGuid();
        var input = new ScorecardScoreInput(
            Guid.NewGuid(),
            [
                new PerspectiveScoreInput(financial, 3,
                [
                    // objective: (3 × 0.8 + 1 × 0.4) / 4 = 0.7
                    new ObjectiveScoreInput(revenue, 2, [new(Guid.NewGuid(), 3, 0.8), new(Guid.NewGuid(), 1, 0.4)]),
                    // objective: 1.0 (its second KPI has no data)
                    new ObjectiveScoreInput(margin, 1, [new(Guid.NewGuid(), 1, 1.0), new(Guid.NewGuid(), 1, null)]),
                ]),
                // perspective: 0.3
                new PerspectiveScoreInput(customer, 1,
                [
                    new ObjectiveScoreInput(retention, 1, [new(Guid.NewGuid(), 1, 0.3)]),
                ]),
            ]);

        var scores = ScorecardRollUp.Compute(input);

        Assert.Equal(0.7, scores.Objectives[revenue].Score!.Value, 12);
        Assert.Equal(1.0, scores.Objectives[margin].Score!.Value, 12);
        Assert.Single(scores.Objectives[margin].SkippedNoData);
        Assert.Equal(0.8, scores.Perspectives[financial].Score!.Value, 12); // (2 × 0.7 + 1 × 1.0) / 3
        Assert.Equal(0.3, scores.Perspectives[customer].Score!.Value, 12);
        Assert.Equal(0.675, scores.Scorecard.Score!.Value, 12);             // (3 × 0.8 + 1 × 0.3) / 4
    }
}
