using Scorecard.Okr.Domain;
using Scorecard.Platform;

namespace Scorecard.Okr.Tests.Domain;

public sealed class ObjectiveProgressTests
{
    [Fact]
    public void Equal_weights_when_no_key_result_is_weighted()
    {
        var progress = ObjectiveProgress.Calculate([new(0.25), new(0.5), new(1.0)]);

        Assert.Equal(0.5833333333, progress.Value, 8);
        Assert.False(progress.KeyResultWeightsIgnored);
    }

    [Fact]
    public void Weighted_average_when_every_key_result_is_weighted()
    {
        // (0.25·2 + 0.5·1 + 1.0·1) / 4 = 0.5
        var progress = ObjectiveProgress.Calculate([new(0.25, 2), new(0.5, 1), new(1.0, 1)]);

        Assert.Equal(0.5, progress.Value, 10);
        Assert.False(progress.KeyResultWeightsIgnored);
    }

    [Fact]
    public void Some_weighted_falls_back_to_equal_weights_and_says_so()
    {
        var progress = ObjectiveProgress.Calculate([new(0.25, 2), new(0.5), new(1.0, 1)]);

        Assert.Equal(0.5833333333, progress.Value, 8);
        Assert.True(progress.KeyResultWeightsIgnored);
    }

    [Fact]
    public void Key_result_without_check_in_counts_as_zero()
    {
        var progress = ObjectiveProgress.Calculate([
            WeightedProgress.From(KeyResultProgress.Metric(45, 65, 55)),
            WeightedProgress.From(KeyResultProgress.NoData)]);

        Assert.Equal(0.25, progress.Value, 10);
        Assert.True(progress.HasData);
    }

    [Fact]
    public void No_data_at_all()
    {
        var progress = ObjectiveProgress.Calculate([WeightedProgress.From(KeyResultProgress.NoData)]);

        Assert.Equal(0.0, progress.Value);
        Assert.False(progress.HasData);
        Assert.False(ObjectiveProgress.Calculate([]).HasData);
    }

    [Fact]
    public void Children_roll_up_with_the_configured_share()
    {
        // KRs: 0.4; children by alignment weight: (0.8·3 + 0.2·1) / 4 = 0.65; 0.75·0.4 + 0.25·0.65 = 0.4625
        var progress = ObjectiveProgress.Calculate([new(0.4)], [new(0.8, 3), new(0.2, 1)], childShare: 0.25);

        Assert.Equal(0.4625, progress.Value, 10);
        Assert.Equal(0.65, progress.ChildPart!.Value, 10);
    }

    [Fact]
    public void Children_are_ignored_with_share_zero_and_used_alone_without_key_results()
    {
        Assert.Equal(0.4, ObjectiveProgress.Calculate([new(0.4)], [new(1.0)]).Value, 10);
        Assert.Equal(0.6, ObjectiveProgress.Calculate([], [new(0.6)], childShare: 0.3).Value, 10);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Child_share_must_be_a_fraction(double share)
    {
        Assert.Throws<BadInputException>(() => ObjectiveProgress.Calculate([new(0.4)], [new(1.0)], share));
    }

    [Fact]
    public void Invalid_weights_and_progress_are_rejected()
    {
        Assert.Throws<BadInputException>(() => ObjectiveProgress.Calculate([new(0.4, 0), new(0.5, 0)]));
        Assert.Throws<BadInputException>(() => ObjectiveProgress.Calculate([new(0.4, -1), new(0.5, 2)]));
        Assert.Throws<BadInputException>(() => ObjectiveProgress.Calculate([new(1.2)]));
        Assert.Throws<BadInputException>(() => ObjectiveProgress.Calculate([new(double.NaN)]));
    }
}
