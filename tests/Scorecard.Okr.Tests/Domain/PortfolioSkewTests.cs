using Scorecard.Okr.Domain;

namespace Scorecard.Okr.Tests.Domain;

public sealed class PortfolioSkewTests
{
    private static readonly Dictionary<string, double> Strategy = new()
    {
        ["Financial"] = 0.3,
        ["Customer"] = 0.3,
        ["Internal Process"] = 0.2,
        ["Learning & Growth"] = 0.2,
    };

    private static IReadOnlyCollection<string>[] Goals(params string[] perspectives) =>
        [.. perspectives.Select(p => (IReadOnlyCollection<string>)[p])];

    [Fact]
    public void All_goals_in_one_perspective_is_skewed()
    {
        // p = (0, 0, 1, 0), q = (.3, .3, .2, .2) → ½(.3 + .3 + .8 + .2) = 0.8
        var result = PortfolioSkew.Evaluate(Goals("Internal Process", "Internal Process", "Internal Process", "Internal Process"), Strategy);

        Assert.Equal(0.8, result.TotalVariationDistance, 10);
        Assert.True(result.DistanceExceeded);
        Assert.Empty(result.UncoveredPerspectives); // four goals miss a 0.3 perspective by chance 0.7⁴ = 24 % of the time
        Assert.True(result.IsSkewed);
    }

    [Fact]
    public void Distance_needs_at_least_four_goals()
    {
        var result = PortfolioSkew.Evaluate(Goals("Internal Process", "Internal Process", "Internal Process"), Strategy);

        Assert.Equal(0.8, result.TotalVariationDistance, 10);
        Assert.False(result.DistanceExceeded);
        Assert.Empty(result.UncoveredPerspectives);
        Assert.False(result.IsSkewed); // three goals cannot cover four perspectives: no skew to report
    }

    [Fact]
    public void An_uncovered_perspective_is_a_skew_only_when_missing_it_by_chance_is_unlikely()
    {
        // q = (.4, .3, .3); six goals, none Financial: distance ½(.4 + .2 + .2) = 0.4 (not above), but 0.6⁶ = 0.047 < 0.05
        var weights = new Dictionary<string, double> { ["Financial"] = 0.4, ["Customer"] = 0.3, ["Internal Process"] = 0.3 };
        var six = PortfolioSkew.Evaluate(Goals("Customer", "Customer", "Customer", "Internal Process", "Internal Process", "Internal Process"), weights);
        var five = PortfolioSkew.Evaluate(Goals("Customer", "Customer", "Customer", "Internal Process", "Internal Process"), weights);

        Assert.False(six.DistanceExceeded);
        Assert.Equal(["Financial"], six.UncoveredPerspectives);
        Assert.Equal(0.046656, six.MissByChance["Financial"], 6);
        Assert.True(six.IsSkewed);
        Assert.Empty(five.UncoveredPerspectives); // 0.6⁵ = 0.078: could be chance
        Assert.False(five.IsSkewed);
    }

    [Fact]
    public void Distance_of_exactly_point_four_is_not_flagged()
    {
        // 20 goals: p = (.65, .15, .10, .10) vs equal weights .25 → ½(.40 + .10 + .15 + .15) = 0.4, not > 0.4
        var weights = new Dictionary<string, double> { ["A"] = 1, ["B"] = 1, ["C"] = 1, ["D"] = 1 };
        var goals = Enumerable.Repeat("A", 13).Concat(Enumerable.Repeat("B", 3)).Concat(Enumerable.Repeat("C", 2)).Concat(Enumerable.Repeat("D", 2)).ToArray();

        var result = PortfolioSkew.Evaluate(Goals(goals), weights);

        Assert.Equal(0.4, result.TotalVariationDistance, 10);
        Assert.False(result.IsSkewed);
    }

    [Fact]
    public void Balanced_mix_is_not_skewed()
    {
        var result = PortfolioSkew.Evaluate(Goals("Financial", "Customer", "Internal Process", "Learning & Growth", "Customer"), Strategy);

        Assert.False(result.IsSkewed);
        Assert.Equal(0.1, result.TotalVariationDistance, 10); // p (.2,.4,.2,.2) vs q (.3,.3,.2,.2)
    }

    [Fact]
    public void Multi_perspective_goals_split_and_unmapped_goals_are_left_out()
    {
        IReadOnlyCollection<string>[] goals = [["Customer", "Financial"], ["customer"], []];

        var result = PortfolioSkew.Evaluate(goals, Strategy);

        Assert.Equal(2, result.GoalCount);
        Assert.Equal(0.75, result.GoalShares["Customer"], 10);
        Assert.Equal(0.25, result.GoalShares["Financial"], 10);
    }

    [Fact]
    public void No_mapped_goals_is_not_a_skew()
    {
        Assert.False(PortfolioSkew.Evaluate([], Strategy).IsSkewed);
    }

    [Fact]
    public void Weights_must_be_usable()
    {
        Assert.Throws<Scorecard.Platform.BadInputException>(() => PortfolioSkew.Evaluate(Goals("A"), new Dictionary<string, double> { ["A"] = 0 }));
        Assert.Throws<Scorecard.Platform.BadInputException>(() => PortfolioSkew.Evaluate(Goals("A"), new Dictionary<string, double> { ["A"] = double.NaN }));
    }
}
