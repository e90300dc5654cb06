using Scorecard.Okr.Domain;

namespace Scorecard.Okr.Tests.Domain;

public sealed class RollUpExplanationTests
{
    private static readonly RollUpChild Platform = new(Guid.NewGuid(), "Cut incident response time", 0.56, 1);
    private static readonly RollUpChild Pipeline = new(Guid.NewGuid(), "Deploy every day", 0.54, 1);

    private static RollUpExplanation Explain(IReadOnlyList<WeightedProgress> keyResults, IReadOnlyList<RollUpChild> children, double share) =>
        RollUpExplanation.Explain(
            ObjectiveProgress.Calculate(keyResults, [.. children.Select(c => new WeightedProgress(c.Progress, c.Weight))], share),
            keyResults.Count, children, share);

    [Fact]
    public void Children_ignored_at_share_0_are_named_with_their_progress()
    {
        var r = Explain([new(1.0)], [Platform, Pipeline], 0);

        Assert.Equal(1.0, r.Progress);
        Assert.True(r.ChildrenIgnored);
        Assert.Equal((1.0, 0.0), (r.KeyResultShare, r.ChildShare));
        Assert.Equal(0.55, r.ChildrenProgress!.Value, 9);
        Assert.Equal("100 % comes entirely from its own 1 key result (100 %). Its 2 supporting objectives (Cut incident response time 56 %, "
            + "Deploy every day 54 %; 55 % weighted) are not counted: the roll-up share is 0.", r.Summary);
    }

    [Fact]
    public void A_share_splits_progress_between_own_key_results_and_weighted_children()
    {
        var heavy = Platform with { Weight = 3 };
        var r = Explain([new(0.8), new(0.6)], [heavy, Pipeline], 0.4);

        // KR part 0.7; children (0.56·3 + 0.54·1) / 4 = 0.555; 0.6·0.7 + 0.4·0.555 = 0.642
        Assert.False(r.ChildrenIgnored);
        Assert.Equal(0.642, r.Progress, 9);
        Assert.Equal(0.555, r.ChildrenProgress!.Value, 9);
        Assert.Equal((0.6, 0.4), (r.KeyResultShare, r.ChildShare));
        Assert.Equal("64.2 % = 60 % × its own 2 key results (70 %) + 40 % × its 2 supporting objectives (55.5 % weighted).", r.Summary);
    }

    [Fact]
    public void Without_key_results_everything_comes_from_the_children()
    {
        var r = Explain([], [Platform, Pipeline], 1.0);

        Assert.Equal(0.55, r.Progress, 9);
        Assert.Equal((0.0, 1.0), (r.KeyResultShare, r.ChildShare));
        Assert.Contains("comes entirely from its 2 supporting objectives", r.Summary);
        Assert.Contains("no key results of its own", r.Summary);
    }

    [Fact]
    public void An_objective_without_children_is_not_said_to_ignore_any()
    {
        var r = Explain([new(0.3)], [], 0);

        Assert.False(r.ChildrenIgnored);
        Assert.Null(r.ChildrenProgress);
        Assert.Equal("30 % comes entirely from its own 1 key result (30 %).", r.Summary);
    }

    [Fact]
    public void Achieved_ahead_of_children_applies_only_above_the_gap_and_at_100_percent()
    {
        Assert.True(AchievedAheadOfChildrenRule.Applies(Explain([new(1.0)], [Platform, Pipeline], 0)));
        Assert.False(AchievedAheadOfChildrenRule.Applies(Explain([new(1.0)], [Platform with { Progress = 0.7 }, Pipeline with { Progress = 0.68 }], 0)));
        Assert.False(AchievedAheadOfChildrenRule.Applies(Explain([new(0.95)], [Platform, Pipeline], 0)));
        Assert.False(AchievedAheadOfChildrenRule.Applies(Explain([new(1.0)], [], 0)));
    }
}
